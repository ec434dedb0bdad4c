import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import {
  COMPLAINT_NUMBER_MARKER,
  DEFAULT_COMPLAINT_TIER,
  type ComplaintCategory,
  type ComplaintSource,
  type ComplaintView,
  type FileComplaintResponse,
  type LaporPullResponse,
} from '@sigap/contracts';
import type { Channel } from '@sigap/standards';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CalendarProvider } from '../calendars/calendar-provider';
import { CatalogServiceEntity } from '../catalog/catalog-service.entity';
import { Clock } from '../clock/clock';
import { AppConfig } from '../config/app-config';
import { makeTrackingToken, trackingKey } from '../portal/tracking-token';
import { AuthUser, hasRole } from '../identity/auth-user';
import { OfficeEntity } from '../offices/office.entity';
import { OpdsService } from '../opds/opds.service';
import { RequesterContactEntity } from '../opds/requester-contact.entity';
import { OutboxEntity } from '../outbox/outbox.entity';
import { ticketAccess } from '../tickets/access';
import { ClockEventEntity } from '../tickets/clock-event.entity';
import { FIRST_RESPONSE_CLOCK } from '../tickets/clocks';
import { complaintStandard } from '../tickets/complaint-standard';
import { dbInstant } from '../database/db-time';
import { allocateTicketNumber } from '../tickets/numbering';
import { insertRows } from '../database/row-insert';
import { ServiceCache } from '../tickets/service-cache';
import { NO_DUE, TicketEntity } from '../tickets/ticket.entity';
import { TimelineEntryEntity } from '../tickets/timeline-entry.entity';
import {
  addClockEvent,
  event,
  reconcileClocks,
  refreshStoredFigures,
  type TicketAggregate,
} from '../tickets/workflow';
import { ComplaintError } from './complaint-error';
import { ComplaintEntity } from './complaint.entity';
import { ComplaintTiersService } from './complaint-tiers.service';
import { LaporError, LaporGateway } from './lapor/lapor-gateway';
import { SharedRateLimiter, type RateLimit } from '../public/shared-rate-limit';

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

const CATEGORY_LABEL: Record<ComplaintCategory, string> = {
  pengaduan: 'Pengaduan',
  saran: 'Saran',
  masukan: 'Masukan',
};

const DAY_MS = 86_400_000;

/** The tier a complaint was filed under; no tier of the office's own: the default. */
function tierOf(c: ComplaintEntity): { code: string; name: string; workingDays: number } {
  return c.tierCode && c.tierName && c.tierWorkingDays
    ? { code: c.tierCode, name: c.tierName, workingDays: c.tierWorkingDays }
    : {
        code: DEFAULT_COMPLAINT_TIER.code,
        name: DEFAULT_COMPLAINT_TIER.name,
        workingDays: DEFAULT_COMPLAINT_TIER.workingDays,
      };
}

/** Complaint numbers: `ADU` + the office's ticket prefix, a counter of their own per year. */
export function complaintPrefix(ticketPrefix: string): string {
  return `${COMPLAINT_NUMBER_MARKER}${ticketPrefix}`.toUpperCase().slice(0, 12);
}

/** Control characters other than line breaks and tabs are dropped from text from outside. */
export function cleanText(text: string): string {
  let out = '';
  for (const ch of text.replace(/\r\n?/g, '\n')) {
    const code = ch.charCodeAt(0);
    if (code === 9 || code === 10 || (code >= 32 && code !== 127)) out += ch;
  }
  return out;
}

/**
 * Complaints (pengaduan, saran, masukan) are tickets of kind `complaint`: numbered `ADU…`, with
 * no documents and no procedure steps, a ticket clock of 5 working days in the office calendar
 * (answer time of SP4N-LAPOR!), the agent queue's actions (reply, resolve, close) as for any
 * ticket, and a `complaints` row with the category, the source and the LAPOR! tracking.
 */
@Injectable()
export class ComplaintsService {
  private readonly cache = new ServiceCache();
  private readonly log = new Logger('Lapor');
  private readonly ipLimit: RateLimit;

  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: CalendarProvider,
    private readonly opds: OpdsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
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
    const contact = await this.contactFor(manager, office.code, input, email, options.actorId);
    const text = cleanText(input.text).trim();
    const id = randomUUID();
    const ticket: TicketEntity = {
      id,
      number: `~${id}`,
      officeCode: office.code,
      serviceId: service?.id ?? null,
      serviceCode: service?.code ?? null,
      serviceVersion: service?.currentVersion ?? null,
      channel: options.channel,
      requesterContactId: contact.id,
      opdId: contact.opdId,
      subject: subjectOf(input.category, input.subject ?? null, text),
      description: text,
      status: 'new',
      isOpen: true,
      assigneeId: null,
      version: 1,
      clockRound: 1,
      createdBy: options.actorId,
      createdAt: now,
      updatedAt: now,
      receivedAt,
      resolvedAt: null,
      closedAt: null,
      slaState: 'not-started',
      dueAt: NO_DUE,
      targetDueAt: null,
      atRiskAt: null,
      calendarVersion: null,
      slaSnapshot: null,
      firstResponseState: 'not-started',
      firstResponseDueAt: null,
      firstResponseAt: null,
      alerted: null,
      kind: 'complaint',
      relatedTicketId: related?.id ?? null,
    };
    // The clocks count from receipt (an e-mail may be processed later than it arrived).
    const agg: TicketAggregate = {
      ticket,
      checklist: [],
      steps: [],
      clockRows: [],
      newClockRows: [],
      dirtySteps: new Set(),
      dirtyItems: new Set(),
      timeline: [],
      outbox: [],
      standard: complaintStandard(office.code, tier?.workingDays ?? null),
      calendar,
      now: receivedAt,
      actorId: options.actorId,
    };
    event(agg, 'complaint.filed', {
      category: input.category,
      source: options.source,
      channel: options.channel,
      service: service?.code ?? null,
      relatedTicket: related?.number ?? null,
    });
    if (this.cache.duration(this.config.firstResponseTime)) {
      addClockEvent(agg, FIRST_RESPONSE_CLOCK, 'start', {
        duration: this.config.firstResponseTime,
      });
    }
    reconcileClocks(agg, this.cache);
    agg.now = now;
    refreshStoredFigures(agg, this.cache);

    await insertRows(manager, TicketEntity, [ticket]);
    await insertRows(
      manager,
      ClockEventEntity,
      agg.newClockRows.map((r) => ({ ticketId: id, ...r })),
    );
    const entries = agg.timeline.map((e) => ({ ...e, ticketId: id, at: receivedAt }));
    if (options.mail) {
      // The message itself, with its files, as the reply path records one.
      entries.push({
        ticketId: id,
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
        at: receivedAt,
      });
    }
    await insertRows(manager, TimelineEntryEntity, entries);
    const complaint: ComplaintEntity = {
      ticketId: id,
      officeCode: office.code,
      category: input.category,
      source: options.source,
      laporTrackingId: null,
      laporStatus: null,
      laporForwardedAt: null,
      laporSyncedAt: null,
      laporSeen: 0,
      tierCode: tier?.code ?? null,
      tierName: tier?.name ?? null,
      tierWorkingDays: tier?.workingDays ?? null,
      createdAt: now,
    };
    await manager.insert(ComplaintEntity, complaint);
    const number = await allocateTicketNumber(
      manager,
      `${office.code}#adu`,
      complaintPrefix(office.ticketPrefix),
      localYear(receivedAt, calendar.timeZone),
    );
    ticket.number = number;
    await manager.query('UPDATE tickets SET number = ? WHERE id = ?', [number, id]);
    if (contact.email) {
      // The acknowledgement with the number; replies to it thread onto the complaint.
      await manager.insert(OutboxEntity, {
        id: randomUUID(),
        kind: 'ticket.received',
        payload: JSON.stringify({ ticket: number }),
        status: 'pending',
        createdAt: now,
        attempts: 0,
        nextAttemptAt: now,
      });
    }
    await this.audit.record(
      {
        actorId: options.actorId,
        action: 'complaint.filed',
        entityType: 'ticket',
        entityId: number,
        after: {
          category: input.category,
          source: options.source,
          service: service?.code ?? null,
          relatedTicket: related?.number ?? null,
          requester: contact.id,
          tier: tier ? { code: tier.code, workingDays: tier.workingDays } : null,
        },
      },
      manager,
    );
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
    const { ticket, complaint } = await this.load(manager, user, number, 'read');
    return this.toView(manager, ticket, complaint);
  }

  /** Forwards the complaint to SP4N-LAPOR! and keeps its tracking id. */
  async forwardToLapor(user: AuthUser, number: string): Promise<ComplaintView> {
    if (!this.lapor.available) {
      throw new ComplaintError(
        'complaint.lapor_unavailable',
        'Koneksi SP4N-LAPOR! belum dikonfigurasi (SIGAP_LAPOR_URL dan SIGAP_LAPOR_TOKEN).',
      );
    }
    const manager = this.dataSource.manager;
    const { ticket, complaint } = await this.load(manager, user, number, 'full');
    if (complaint.laporTrackingId) {
      throw new ComplaintError(
        'complaint.lapor_already_forwarded',
        `Pengaduan ${number} sudah diteruskan ke SP4N-LAPOR! (${complaint.laporTrackingId}).`,
      );
    }
    const [office, contact] = await Promise.all([
      manager.findOneOrFail(OfficeEntity, { where: { code: ticket.officeCode } }),
      manager.findOne(RequesterContactEntity, { where: { id: ticket.requesterContactId } }),
    ]);
    let result: { trackingId: string; status: string };
    try {
      result = await this.lapor.forward({
        reference: ticket.number,
        category: complaint.category,
        title: ticket.subject,
        text: ticket.description,
        agency: { code: office.code, name: office.name },
        reporter: { name: contact?.name ?? '-', email: contact?.email ?? null },
        submittedAt: ticket.receivedAt.toISOString(),
      });
    } catch (error) {
      throw laporFailed(error);
    }
    const now = this.clock.now();
    await this.dataSource.transaction(async (tx) => {
      await tx.update(
        ComplaintEntity,
        { ticketId: ticket.id },
        {
          laporTrackingId: result.trackingId,
          laporStatus: clip(result.status, 60),
          laporForwardedAt: now,
          laporSyncedAt: now,
        },
      );
      await tx.insert(TimelineEntryEntity, {
        ticketId: ticket.id,
        kind: 'event',
        event: 'lapor.forwarded',
        authorId: user.id,
        body: null,
        data: { trackingId: result.trackingId, status: result.status },
        at: now,
      });
      await this.audit.record(
        {
          actorId: user.id,
          action: 'complaint.lapor_forwarded',
          entityType: 'ticket',
          entityId: ticket.number,
          after: { trackingId: result.trackingId },
        },
        tx,
      );
    });
    return this.view(user, number);
  }

  /** Pulls the LAPOR! status and answers; each new answer lands once on the timeline. */
  async pullFromLapor(user: AuthUser, number: string): Promise<LaporPullResponse> {
    const manager = this.dataSource.manager;
    const { ticket, complaint } = await this.load(manager, user, number, 'full');
    if (!complaint.laporTrackingId) {
      throw new ComplaintError(
        'complaint.lapor_not_forwarded',
        `Pengaduan ${number} belum diteruskan ke SP4N-LAPOR!.`,
      );
    }
    if (!this.lapor.available) {
      throw new ComplaintError(
        'complaint.lapor_unavailable',
        'Koneksi SP4N-LAPOR! belum dikonfigurasi (SIGAP_LAPOR_URL dan SIGAP_LAPOR_TOKEN).',
      );
    }
    const added = await this.pullOne(ticket.id, complaint.laporTrackingId);
    return { complaint: await this.view(user, number), added };
  }

  /**
   * The scheduled pull (`SIGAP_LAPOR_PULL_SECONDS`): every forwarded complaint whose ticket is
   * open, or was forwarded within the last 30 days, longest unsynced first; a failure of one
   * does not stop the others. Answers how many were pulled, failed, and the answers added.
   */
  async pullDueFromLapor(limit = 200): Promise<{ pulled: number; failed: number; added: number }> {
    const result = { pulled: 0, failed: 0, added: 0 };
    if (!this.lapor.available) return result;
    const manager = this.dataSource.manager;
    const since = new Date(this.clock.nowMs() - 30 * DAY_MS);
    const due = await manager
      .createQueryBuilder(ComplaintEntity, 'c')
      .innerJoin(TicketEntity, 't', 't.id = c.ticketId')
      .where('c.laporTrackingId IS NOT NULL')
      .andWhere('(t.isOpen = :open OR c.laporForwardedAt > :since)', {
        open: true,
        since: dbInstant(manager, since),
      })
      .orderBy('c.laporSyncedAt', 'ASC')
      .limit(limit)
      .getMany();
    for (const complaint of due) {
      if (!complaint.laporTrackingId) continue;
      try {
        result.added += await this.pullOne(complaint.ticketId, complaint.laporTrackingId);
        result.pulled++;
      } catch (error) {
        result.failed++;
        // The tracking id is the agency's reference, not personal data; the reason may be shown.
        this.log.warn(
          `tarikan SP4N-LAPOR! ${complaint.laporTrackingId} gagal: ${(error as Error).message}`,
        );
      }
    }
    return result;
  }

  /** Pulls one forwarded complaint; each new LAPOR! answer lands once on the timeline. */
  private async pullOne(ticketId: string, trackingId: string): Promise<number> {
    let state: Awaited<ReturnType<LaporGateway['pull']>>;
    try {
      state = await this.lapor.pull(trackingId);
    } catch (error) {
      throw laporFailed(error);
    }
    const now = this.clock.now();
    const write = this.dataSource.transaction(async (tx) => {
      // Re-read under the transaction: two pulls at once add each answer once.
      const current = await tx.findOneOrFail(ComplaintEntity, { where: { ticketId } });
      const fresh = state.updates.slice(current.laporSeen);
      if (fresh.length) {
        await insertRows(
          tx,
          TimelineEntryEntity,
          fresh.map((u) => ({
            ticketId,
            kind: 'event' as const,
            event: 'lapor.update',
            authorId: null,
            body: u.answer ? clip(cleanText(u.answer), 20_000) : null,
            data: { trackingId, status: u.status, from: u.from, at: u.at },
            at: now,
          })),
        );
      }
      const result = await tx
        .createQueryBuilder()
        .update(ComplaintEntity)
        .set({
          laporStatus: clip(state.status, 60),
          laporSyncedAt: now,
          laporSeen: current.laporSeen + fresh.length,
        })
        .where('ticket_id = :id AND lapor_seen = :seen', {
          id: ticketId,
          seen: current.laporSeen,
        })
        .execute();
      // Another pull got there first: its entries stand, ours roll back.
      if (!result.affected) throw new PullOvertaken();
      return fresh.length;
    });
    return write.catch((error: unknown) => {
      if (error instanceof PullOvertaken) return 0;
      throw error;
    });
  }

  // ---- helpers ----

  private async load(
    manager: EntityManager,
    user: AuthUser,
    number: string,
    need: 'read' | 'full',
  ): Promise<{ ticket: TicketEntity; complaint: ComplaintEntity }> {
    const ticket = await manager.findOne(TicketEntity, { where: { number } });
    const complaint =
      ticket?.kind === 'complaint'
        ? await manager.findOne(ComplaintEntity, { where: { ticketId: ticket.id } })
        : null;
    if (!ticket || !complaint) throw ComplaintError.notFound(number);
    const access = ticketAccess(user, ticket, []);
    if (access === 'none') throw ComplaintError.notFound(number);
    if (need === 'full' && access !== 'full') {
      throw new ComplaintError(
        'complaint.forbidden',
        `Hanya helpdesk kantor "${ticket.officeCode}" yang boleh meneruskan pengaduan ini.`,
      );
    }
    return { ticket, complaint };
  }

  private async toView(
    manager: EntityManager,
    ticket: TicketEntity,
    complaint: ComplaintEntity,
  ): Promise<ComplaintView> {
    const related = ticket.relatedTicketId
      ? await manager.findOne(TicketEntity, {
          select: { id: true, number: true },
          where: { id: ticket.relatedTicketId },
        })
      : null;
    return {
      number: ticket.number,
      office: ticket.officeCode,
      category: complaint.category,
      source: complaint.source,
      relatedTicket: related?.number ?? null,
      service: ticket.serviceCode,
      tier: tierOf(complaint),
      lapor: {
        available: this.lapor.available,
        trackingId: complaint.laporTrackingId,
        status: complaint.laporStatus,
        forwardedAt: complaint.laporForwardedAt?.toISOString() ?? null,
        syncedAt: complaint.laporSyncedAt?.toISOString() ?? null,
      },
    };
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
      [email, dbInstant(manager, since)],
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
      { unverified: unproven && email !== null },
    );
  }
}

/** A concurrent pull recorded the same answers first (rolls this one back). */
class PullOvertaken extends Error {}

function subjectOf(category: ComplaintCategory, subject: string | null, text: string): string {
  const label = CATEGORY_LABEL[category];
  const base = subject?.trim() || text.split('\n')[0].trim();
  const short = base.length > 120 ? `${base.slice(0, 117)}…` : base;
  return `${label}: ${short}`.slice(0, 300);
}

function rateLimited(retryAfterSeconds: number): ComplaintError {
  return new ComplaintError(
    'complaint.rate_limited',
    'Terlalu banyak pengaduan dalam waktu singkat. Silakan coba lagi nanti.',
    undefined,
    { 'Retry-After': String(retryAfterSeconds) },
  );
}

function laporFailed(error: unknown): ComplaintError {
  const reason = error instanceof LaporError ? error.message : 'galat tak terduga';
  return new ComplaintError('complaint.lapor_failed', `SP4N-LAPOR! gagal: ${reason}`);
}

function clip(value: string, max: number): string {
  return value.length > max ? value.slice(0, max) : value;
}

const yearFormats = new Map<string, Intl.DateTimeFormat>();

function localYear(at: Date, timeZone: string): number {
  let format = yearFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' });
    yearFormats.set(timeZone, format);
  }
  return Number(format.format(at));
}
