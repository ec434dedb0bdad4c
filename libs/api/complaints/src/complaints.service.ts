import { Injectable } from '@nestjs/common';
import {
  type ComplaintCategory,
  type ComplaintSource,
  type ComplaintView,
  type FileComplaintResponse,
  type LaporReporterPrivacy,
} from '@sigap/contracts';
import type { Channel } from '@sigap/standards';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditService } from '@sigap/api-audit';
import { CalendarProvider } from '@sigap/api-calendars';
import { CatalogServiceEntity } from '@sigap/api-catalog';
import { Clock } from '@sigap/api-clock';
import { AppConfig } from '@sigap/api-config';
import { AuthUser, hasRole } from '@sigap/api-identity';
import { OfficeEntity } from '@sigap/api-offices';
import { OpdsService } from '@sigap/api-opds';
import { RequesterContactEntity } from '@sigap/api-opds';
import { complaintStandard } from './complaint-standard';
import { dialectOf } from '@sigap/api-database';
import { ServiceCache } from '@sigap/api-tickets';
import { TicketFactory } from '@sigap/api-tickets';
import { NO_DUE, TicketEntity } from '@sigap/api-tickets';
import { makeTrackingToken, trackingKey } from '@sigap/api-tickets';
import { event, reconcileClocks, refreshStoredFigures } from '@sigap/api-tickets';
import { ComplaintError } from './complaint-error';
import { cleanText, complaintPrefix, subjectOf } from './complaint-text';
import { ComplaintEntity } from './complaint.entity';
import { ComplaintTiersService } from './complaint-tiers.service';
import { LaporGateway } from './lapor/lapor-gateway';
import { complaintView, loadComplaint, tierOf } from './complaint-view';
import { SharedRateLimiter, type RateLimit } from '@sigap/api-common';

/** What a complaint needs, from whichever door it comes in. */
export interface ComplaintInput {
  office: string;
  service?: string | null;
  category: ComplaintCategory;
  name: string;
  email: string | null;
  phone?: string | null;
  text: string;
  relatedTicket?: string | null;
  /** Code of one of the office's complaint tiers (agents only); unset for the default. */
  tier?: string | null;
  /** A subject of its own (an e-mail's); else one is made from the category and the text. */
  subject?: string | null;
}

export interface FileOptions {
  source: ComplaintSource;
  channel: Channel;
  actorId: string | null;
  /** When the complaint arrived (an e-mail's receipt); default now. */
  receivedAt?: Date;
  /** The e-mail it came in, recorded on the timeline with its attachments. */
  mail?: ComplaintMailEntry;
  /** A report from SP4N-LAPOR!: its tracking, kept on the complaint row (unique). */
  lapor?: {
    trackingId: string;
    status: string;
    agency: string;
    reporter: LaporReporterPrivacy;
  };
  /** Send the acknowledgement mail when the requester has an address (default true). */
  receipt?: boolean;
}

/** The message of a complaint sent by e-mail, as its timeline entry keeps it. */
export interface ComplaintMailEntry {
  messageId: string | null;
  from: string;
  subject: string | null;
  bodyText: string;
  bodyHtml: string | null;
  inboundId: string | null;
  attachments: { filename: string; size: number; contentType: string; sha256: string }[];
}

const DAY_MS = 86_400_000;

/**
 * Complaints (pengaduan, saran, masukan) are tickets of kind `complaint`: numbered `ADU…`, with
 * no documents and no procedure steps, a ticket clock of 5 working days in the office calendar
 * (answer time of SP4N-LAPOR!), the agent queue's actions (reply, resolve, close) as for any
 * ticket, and a `complaints` row with the category, the source and the LAPOR! tracking.
 */
@Injectable()
export class ComplaintsService {
  private readonly cache = new ServiceCache();
  private readonly ipLimit: RateLimit;

  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: CalendarProvider,
    private readonly opds: OpdsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly factory: TicketFactory,
    private readonly lapor: LaporGateway,
    private readonly limiter: SharedRateLimiter,
    private readonly tiers: ComplaintTiersService,
  ) {
    this.ipLimit = { bucket: 'complaint-ip', limit: config.complaintIpLimit, windowMs: 3_600_000 };
  }

  /**
   * The public form (no sign-in): the hidden field must be empty, then a limit per client
   * address (every attempt counts, so ticket numbers cannot be probed; counted in the database,
   * so every API instance shares it) and per e-mail address.
   */
  async filePublic(
    input: ComplaintInput & { website?: string },
    clientAddress: string,
    source: 'public' | 'portal' = 'public',
  ): Promise<FileComplaintResponse> {
    const limit = await this.limiter.hit(this.ipLimit, clientAddress);
    if (!limit.allowed) throw rateLimited(limit.retryAfterSeconds);
    if (input.website?.trim()) {
      throw new ComplaintError('complaint.invalid', 'Pengaduan tidak dapat diterima.');
    }
    // Only the office's staff pick a tier; a public form always files under the default.
    return this.file({ ...input, tier: null }, { source, channel: 'portal', actorId: null });
  }

  /** An agent records a complaint received by letter, phone, in person or forwarded mail. */
  async fileByAgent(
    user: AuthUser,
    input: ComplaintInput,
    channel: Channel,
  ): Promise<FileComplaintResponse> {
    if (!hasRole(user, 'admin') && !(hasRole(user, 'agent') && user.office === input.office)) {
      throw new ComplaintError(
        'complaint.forbidden',
        `Hanya helpdesk kantor "${input.office}" yang boleh mencatat pengaduannya.`,
      );
    }
    return this.file(input, { source: 'agent', channel, actorId: user.id });
  }

  /** Files a complaint in its own transaction. */
  file(input: ComplaintInput, options: FileOptions): Promise<FileComplaintResponse> {
    return this.dataSource.transaction((manager) => this.fileIn(manager, input, options));
  }

  /**
   * Files a complaint inside the caller's transaction (the inbound mail path): the ticket, its
   * clock, the complaint row, the acknowledgement in the outbox and the audit entry commit
   * together.
   */
  async fileIn(
    manager: EntityManager,
    input: ComplaintInput,
    options: FileOptions,
  ): Promise<FileComplaintResponse> {
    const now = this.clock.now();
    const receivedAt = options.receivedAt ?? now;
    const office = await manager.findOne(OfficeEntity, { where: { code: input.office } });
    // A retired office takes no new complaints: nobody watches it any more.
    if (!office || office.retiredAt) {
      throw new ComplaintError('complaint.unknown_office', `Kantor "${input.office}" tidak ada.`, [
        { path: 'office', message: 'kantor tidak dikenal' },
      ]);
    }
    const service = input.service
      ? await manager.findOne(CatalogServiceEntity, {
          where: { officeCode: office.code, code: input.service, status: 'active' },
        })
      : null;
    if (input.service && !service) {
      throw new ComplaintError(
        'complaint.unknown_service',
        `Layanan "${input.service}" tidak ada di daftar layanan aktif kantor ini.`,
        [{ path: 'service', message: 'layanan tidak dikenal' }],
      );
    }
    const tier = input.tier ? await this.tiers.find(manager, office.code, input.tier) : null;
    if (input.tier && !tier) {
      throw new ComplaintError(
        'complaint.unknown_tier',
        `Tingkatan pengaduan "${input.tier}" tidak ada di daftar kantor ini.`,
        [{ path: 'tier', message: 'tingkatan tidak dikenal' }],
      );
    }
    const related = await this.relatedTicket(manager, office.code, input.relatedTicket ?? null);
    const email = input.email?.trim().toLowerCase() || null;
    if (email && options.source === 'public') await this.checkEmailLimit(manager, email, now);

    const calendar = await this.calendars.forOffice(office.code);
    const contact = await this.contactFor(
      manager,
      office.code,
      input,
      email,
      options.actorId,
      !!options.lapor,
    );
    const text = cleanText(input.text).trim();
    // The clocks count from receipt (an e-mail may be processed later than it arrived).
    const agg = this.factory.draft(
      {
        officeCode: office.code,
        service: service
          ? { serviceId: service.id, code: service.code, version: service.currentVersion }
          : null,
        channel: options.channel,
        contact,
        subject: subjectOf(input.category, input.subject ?? null, text),
        description: text,
        createdBy: options.actorId,
        createdAt: now,
        receivedAt,
        kind: { kind: 'complaint', relatedTicketId: related?.id ?? null },
      },
      {
        standard: complaintStandard(office.code, tier?.workingDays ?? null),
        calendar,
        now: receivedAt,
        actorId: options.actorId,
      },
    );
    const ticket = agg.ticket;
    event(agg, 'complaint.filed', {
      category: input.category,
      source: options.source,
      channel: options.channel,
      service: service?.code ?? null,
      relatedTicket: related?.number ?? null,
    });
    this.factory.startFirstResponse(agg);
    reconcileClocks(agg, this.cache);
    agg.now = now;
    refreshStoredFigures(agg, this.cache);
    if (options.mail) {
      // The message itself, with its files, as the reply path records one.
      agg.timeline.push({
        kind: 'reply',
        event: 'mail.received',
        authorId: null,
        body: text,
        data: {
          messageId: options.mail.messageId,
          from: options.mail.from,
          contactId: contact.id,
          subject: options.mail.subject,
          bodyText: options.mail.bodyText,
          bodyHtml: options.mail.bodyHtml,
          attachments: options.mail.attachments,
          inboundId: options.mail.inboundId,
          via: 'pengaduan',
        },
      });
    }
    const complaint: ComplaintEntity = {
      ticketId: ticket.id,
      officeCode: office.code,
      category: input.category,
      source: options.source,
      laporTrackingId: options.lapor?.trackingId ?? null,
      laporStatus: options.lapor?.status.slice(0, 60) ?? null,
      laporForwardedAt: null,
      laporSyncedAt: options.lapor ? now : null,
      laporSeen: 0,
      laporDirection: options.lapor ? 'in' : null,
      laporReporter: options.lapor?.reporter ?? null,
      laporAgency: options.lapor?.agency.slice(0, 80) ?? null,
      tierCode: tier?.code ?? null,
      tierName: tier?.name ?? null,
      tierWorkingDays: tier?.workingDays ?? null,
      createdAt: now,
    };
    // Complaints have a counter of their own per office and year; the acknowledgement carries
    // the number, so replies to it thread onto the complaint.
    const number = await this.factory.create(manager, agg, {
      counter: { key: `${office.code}#adu`, prefix: complaintPrefix(office.ticketPrefix) },
      numberedAt: receivedAt,
      timelineAt: receivedAt,
      receipt: !!contact.email && options.receipt !== false,
      mailAt: now,
      beforeNumber: async () => {
        await manager.insert(ComplaintEntity, complaint);
      },
      audit: {
        actorId: options.actorId,
        action: 'complaint.filed',
        after: {
          category: input.category,
          source: options.source,
          service: service?.code ?? null,
          relatedTicket: related?.number ?? null,
          requester: contact.id,
          tier: tier ? { code: tier.code, workingDays: tier.workingDays } : null,
        },
      },
    });
    return {
      number,
      category: input.category,
      office: office.code,
      dueAt: ticket.dueAt.getTime() === NO_DUE.getTime() ? null : ticket.dueAt.toISOString(),
      timeZone: calendar.timeZone,
      tier: tierOf(complaint),
      trackPath: `/lacak/${makeTrackingToken(trackingKey(this.config), ticket.id)}`,
    };
  }

  /** The complaint's own facts, for whoever may read the ticket. */
  async view(user: AuthUser, number: string): Promise<ComplaintView> {
    const manager = this.dataSource.manager;
    const { ticket, complaint } = await loadComplaint(manager, user, number, 'read');
    return complaintView(manager, ticket, complaint, this.lapor.available);
  }

  /**
   * The ticket a complaint is about: looked up only within the complaint's office, and one
   * answer for "no such number" and "a number of another office", so the form tells nothing
   * about other offices' tickets.
   */
  private async relatedTicket(
    manager: EntityManager,
    office: string,
    number: string | null,
  ): Promise<{ id: string; number: string } | null> {
    if (!number) return null;
    const wanted = number.trim().toUpperCase();
    const found = await manager.findOne(TicketEntity, {
      select: { id: true, number: true },
      where: { number: wanted, officeCode: office },
    });
    if (!found) {
      throw new ComplaintError(
        'complaint.related_not_found',
        'Nomor tiket itu tidak ditemukan di kantor ini. Periksa kembali nomornya, atau kosongkan.',
        [{ path: 'relatedTicket', message: 'tidak ditemukan di kantor ini' }],
      );
    }
    return found;
  }

  /** Public complaints from one e-mail address in the last 24 hours. */
  private async checkEmailLimit(manager: EntityManager, email: string, now: Date): Promise<void> {
    const since = new Date(now.getTime() - DAY_MS);
    const rows: { n: number | string; first: Date | string | null }[] = await manager.query(
      `SELECT COUNT(*) AS n, MIN(t.created_at) AS first
         FROM complaints c
         JOIN tickets t ON t.id = c.ticket_id
         JOIN requester_contacts rc ON rc.id = t.requester_contact_id
        WHERE rc.email = ? AND c.source = 'public' AND t.created_at > ?`,
      [email, dialectOf(manager).instant(since)],
    );
    const count = Number(rows[0]?.n ?? 0);
    if (count >= this.config.complaintEmailLimit) throw rateLimited(3600);
  }

  /**
   * The complaint's requester. An agent filing it vouches for the address, so an existing
   * contact with it is used. Without an agent (the public form, a mailed complaint) the address
   * is only a claim: the complaint never joins an existing verified contact (their OPD's portal
   * and timeline), it gets an unverified contact of its own, without an OPD, that an agent may
   * merge later. Further complaints naming the same address share that unverified contact.
   */
  private async contactFor(
    manager: EntityManager,
    office: string,
    input: ComplaintInput,
    email: string | null,
    actorId: string | null,
    /** A report from SP4N-LAPOR!: its reporter is reached there, and may give no address. */
    viaLapor = false,
  ): Promise<RequesterContactEntity> {
    const unproven = actorId === null;
    if (email) {
      const existing = await manager.findOne(RequesterContactEntity, {
        where: unproven
          ? { officeCode: office, email, unverified: true, deactivatedAt: IsNull() }
          : { officeCode: office, email },
        order: { unverified: 'ASC', createdAt: 'ASC' },
      });
      if (existing) return existing;
    }
    return this.opds.insertContact(
      manager,
      office,
      { name: input.name.trim(), email: email ?? undefined, phone: input.phone ?? undefined },
      actorId,
      { unverified: unproven && email !== null, viaChannel: viaLapor },
    );
  }
}

function rateLimited(retryAfterSeconds: number): ComplaintError {
  return new ComplaintError(
    'complaint.rate_limited',
    'Terlalu banyak pengaduan dalam waktu singkat. Silakan coba lagi nanti.',
    undefined,
    { 'Retry-After': String(retryAfterSeconds) },
  );
}
