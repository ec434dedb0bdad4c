/**
 * Triage tickets: a request e-mailed by a known sender (or released from quarantine) becomes a
 * ticket at once, before anyone knows which service it is for. It is numbered like any ticket,
 * belongs to the office the mail was addressed to, has the requester's contact, the e-mail as its
 * first timeline entry, a running first-response clock and an acknowledgement to the requester
 * (so their replies thread onto it). An agent then chooses the service, which copies that
 * version's checklist and steps and starts the ticket clock from receipt, or rejects the mail as
 * not a service request.
 */
import { Injectable } from '@nestjs/common';
import { FIELD_LIMITS, type TicketDetail } from '@sigap/contracts';
import type { EntityManager } from 'typeorm';
import { CalendarProvider } from '@sigap/api-calendars';
import { Clock } from '@sigap/api-clock';
import type { AuthUser } from '@sigap/api-identity';
import { OpdsService } from '@sigap/api-opds';
import { RequesterContactEntity } from '@sigap/api-opds';
import { figuresOf, logState, rowsOf, TICKET_CLOCK } from './clocks';
import { ServiceCache } from './service-cache';
import { TicketActingService } from './ticket-acting.service';
import { TicketError } from './ticket-error';
import { checklistOf, stepsOf, TicketFactory } from './ticket-factory';
import { TicketRepository } from './ticket-repository';
import { triageStandard } from './triage-standard';
import {
  activateNextSteps,
  awaitsService,
  event,
  serviceTimeFor,
  transition,
  type TicketAggregate,
} from './workflow';

export interface MailRequestInput {
  officeCode: string;
  /** The sender's contact in the office, when known; otherwise one is created from `from`. */
  contactId: string | null;
  /**
   * The contact of `from` in the office as the caller has just read it in this transaction
   * (the inbound mail's known-sender check): spares looking it up again.
   */
  knownContact?: Pick<RequesterContactEntity, 'id' | 'opdId' | 'email'>;
  from: string;
  fromName: string | null;
  subject: string | null;
  bodyText: string;
  bodyHtml: string | null;
  /** A plain-text mail whole, quoted history included, when `bodyText` left some out. */
  fullText?: string | null;
  attachments: { filename: string; size: number; contentType: string; sha256: string }[];
  messageId: string;
  inboundId: string;
  /** When the mail arrived: the ticket's receipt time. */
  receivedAt: Date;
  /** Why the mail became a ticket (`permintaan baru`, `dilepas dari karantina`). */
  via: string;
  /** The admin who released it from quarantine; null for mail from a known sender. */
  actorId: string | null;
}

type Version = number | null;

@Injectable()
export class TriageService {
  constructor(
    private readonly acting: TicketActingService,
    private readonly factory: TicketFactory,
    private readonly repository: TicketRepository,
    private readonly cache: ServiceCache,
    private readonly calendars: CalendarProvider,
    private readonly opds: OpdsService,
    private readonly clock: Clock,
  ) {}

  /** Opens a service-less ticket from an e-mail, in the caller's transaction; its number. */
  async openFromMail(
    manager: EntityManager,
    input: MailRequestInput,
    /** The number series when not the office's requests' (mail to the incident address). */
    counter?: { key: string; prefix: string },
  ): Promise<string> {
    const office = await this.cache.office(manager, input.officeCode);
    const calendar = await this.calendars.forOffice(input.officeCode);
    const contact = await this.contactFor(manager, input);
    const at = input.receivedAt;
    const subject = (input.subject ?? '').trim().slice(0, 300) || '(tanpa subjek)';
    const agg = this.factory.draft(
      {
        officeCode: input.officeCode,
        service: null,
        channel: 'email',
        contact,
        subject,
        // The whole mail is on the timeline; the description keeps what a form would take.
        description: clipDescription(input.bodyText),
        createdBy: input.actorId,
        createdAt: at,
        receivedAt: at,
        calendarVersion: calendar.version,
      },
      { standard: triageStandard(office.code), calendar, now: at, actorId: input.actorId },
    );
    const ticket = agg.ticket;
    // First response: the clock runs from the mail's receipt (no service is needed for it).
    if (this.factory.startFirstResponse(agg)) {
      const fr = figuresOf(agg.clockRows, calendar.calendar, this.clock.now().getTime(), (t) =>
        this.cache.duration(t),
      );
      if (fr) {
        ticket.firstResponseState = fr.state;
        ticket.firstResponseDueAt = new Date(fr.limitDueAt);
      }
    }
    agg.timeline.push(
      {
        kind: 'event',
        event: 'ticket.opened',
        authorId: input.actorId,
        body: null,
        data: { service: null, channel: 'email', triage: true, via: input.via },
      },
      {
        kind: 'reply',
        event: 'mail.received',
        authorId: null,
        body: input.bodyText,
        data: {
          messageId: input.messageId,
          from: input.from,
          contactId: contact.id,
          subject: input.subject,
          bodyText: input.bodyText,
          bodyHtml: input.bodyHtml,
          ...(input.fullText ? { fullText: input.fullText } : {}),
          attachments: input.attachments,
          inboundId: input.inboundId,
          via: input.via,
        },
      },
    );
    const number = await this.factory.create(manager, agg, {
      counter: counter ?? { key: office.code, prefix: office.ticketPrefix },
      numberedAt: at,
      timelineAt: at,
      receipt: !!contact.email,
      mailAt: at,
      audit: {
        actorId: input.actorId,
        action: 'ticket.opened',
        after: {
          service: null,
          channel: 'email',
          requester: contact.id,
          subject,
          messageId: input.messageId,
          via: input.via,
        },
      },
    });
    return number;
  }

  /**
   * The agent chooses the service of a triage ticket: its current version's documents and steps
   * are copied, the first steps activate with their assignees, and the ticket clock starts from
   * the mail's receipt (or, for a service whose clock starts when the documents are complete,
   * once they are).
   */
  chooseService(
    user: AuthUser,
    number: string,
    v: Version,
    serviceCode: string,
  ): Promise<TicketDetail> {
    return this.acting.act(user, number, v, 'service_chosen', async (agg, manager) => {
      const t = agg.ticket;
      if ((t.kind ?? 'request') !== 'request') {
        throw new TicketError(
          'ticket.not_triage',
          `Tiket ${t.number} bukan permohonan layanan; layanannya tidak dipilih dari katalog.`,
        );
      }
      if (t.serviceId) {
        throw new TicketError(
          'ticket.service_already_chosen',
          `Tiket ${t.number} sudah punya layanan "${t.serviceCode}".`,
        );
      }
      transition(agg, 'choose-service');
      const service = await this.cache.current(manager, t.officeCode, serviceCode);
      const office = await this.cache.office(manager, t.officeCode);
      t.serviceId = service.serviceId;
      t.serviceCode = service.code;
      t.serviceVersion = service.version;
      agg.standard = service.standard;
      const checklist = checklistOf(service.standard, t.id);
      const steps = stepsOf(service.standard, office, t.id);
      await this.repository.insertParts(manager, checklist, steps);
      agg.checklist = checklist;
      agg.steps = steps;
      event(agg, 'ticket.service_chosen', {
        service: service.code,
        serviceVersion: service.version,
        receivedAt: t.receivedAt.toISOString(),
      });
      this.startClockAtReceipt(agg);
      await activateNextSteps(agg, manager, this.cache, true);
    });
  }

  /** Rejects a triage ticket as not a service request: cancelled with the reason given. */
  rejectAsNotRequest(
    user: AuthUser,
    number: string,
    v: Version,
    reason: string,
  ): Promise<TicketDetail> {
    return this.acting.act(user, number, v, 'rejected_not_request', (agg) => {
      if (!awaitsService(agg.ticket)) {
        throw new TicketError(
          'ticket.not_triage',
          `Tiket ${agg.ticket.number} sudah punya layanan; batalkan dengan aksi biasa.`,
        );
      }
      transition(agg, 'cancel');
      event(agg, 'ticket.cancelled', { reason, notServiceRequest: true });
    });
  }

  /**
   * The ticket clock counts from the mail's receipt, not from when the agent chose the service:
   * its start row is dated at receipt. A service whose clock starts when the documents are
   * complete is left to the usual rule (it starts once they are).
   */
  private startClockAtReceipt(agg: TicketAggregate): void {
    const t = agg.ticket;
    if (agg.standard.clockStartsWhen === 'complete') return;
    if (logState(rowsOf(agg.clockRows, TICKET_CLOCK, t.clockRound)) !== 'none') return;
    const text = serviceTimeFor(agg.standard, t.channel);
    if (!this.cache.duration(text)) return;
    const row = {
      clock: TICKET_CLOCK,
      round: t.clockRound,
      type: 'start' as const,
      at: t.receivedAt,
      duration: text,
      reason: null,
    };
    agg.clockRows.unshift(row);
    agg.newClockRows.push(row);
    event(agg, 'sla.clock_started', {
      clock: TICKET_CLOCK,
      duration: text,
      from: t.receivedAt.toISOString(),
    });
  }

  private async contactFor(
    manager: EntityManager,
    input: MailRequestInput,
  ): Promise<Pick<RequesterContactEntity, 'id' | 'opdId' | 'email'>> {
    if (input.contactId) return this.opds.findContact(manager, input.contactId);
    if (input.knownContact) return input.knownContact;
    const known = await manager.findOne(RequesterContactEntity, {
      where: { officeCode: input.officeCode, email: input.from },
    });
    if (known) return known;
    const name = (input.fromName ?? '').trim() || input.from.slice(0, input.from.indexOf('@'));
    return this.opds.insertContact(
      manager,
      input.officeCode,
      { name: name.slice(0, 200), email: input.from },
      input.actorId,
    );
  }
}

/** A mail body as a ticket description: at most the form's limit, saying where the rest is. */
export function clipDescription(text: string): string {
  const max = FIELD_LIMITS.ticket.description;
  if (text.length <= max) return text;
  const tail = '\n\n[… dipotong; isi lengkap e-mail ada di linimasa tiket]';
  return text.slice(0, max - tail.length) + tail;
}
