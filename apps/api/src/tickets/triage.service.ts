/**
 * Triage tickets: a request e-mailed by a known sender (or released from quarantine) becomes a
 * ticket at once, before anyone knows which service it is for. It is numbered like any ticket,
 * belongs to the office the mail was addressed to, has the requester's contact, the e-mail as its
 * first timeline entry, a running first-response clock and an acknowledgement to the requester
 * (so their replies thread onto it). An agent then chooses the service, which copies that
 * version's checklist and steps and starts the ticket clock from receipt, or rejects the mail as
 * not a service request.
 */
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { TicketDetail } from '@sigap/contracts';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CalendarProvider } from '../calendars/calendar-provider';
import { Clock } from '../clock/clock';
import { AppConfig } from '../config/app-config';
import type { AuthUser } from '../identity/auth-user';
import { OpdsService } from '../opds/opds.service';
import { RequesterContactEntity } from '../opds/requester-contact.entity';
import { OutboxService } from '../outbox/outbox.service';
import { ChecklistItemEntity } from './checklist-item.entity';
import { ClockEventEntity } from './clock-event.entity';
import {
  figuresOf,
  FIRST_RESPONSE_CLOCK,
  logState,
  rowsOf,
  TICKET_CLOCK,
  type ClockRow,
} from './clocks';
import { allocateTicketNumber } from './numbering';
import { insertRows, runSql } from '../database/row-insert';
import { ServiceCache } from './service-cache';
import { TicketError } from './ticket-error';
import { TicketStepEntity } from './ticket-step.entity';
import { NO_DUE, TicketEntity } from './ticket.entity';
import { stepsOf, TicketsService } from './tickets.service';
import { TimelineEntryEntity } from './timeline-entry.entity';
import {
  activateNextSteps,
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

const yearFormats = new Map<string, Intl.DateTimeFormat>();

function yearIn(at: Date, timeZone: string): number {
  let format = yearFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' });
    yearFormats.set(timeZone, format);
  }
  return Number(format.format(at));
}

@Injectable()
export class TriageService {
  constructor(
    private readonly tickets: TicketsService,
    private readonly cache: ServiceCache,
    private readonly calendars: CalendarProvider,
    private readonly opds: OpdsService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** Opens a service-less ticket from an e-mail, in the caller's transaction; its number. */
  async openFromMail(manager: EntityManager, input: MailRequestInput): Promise<string> {
    const office = await this.cache.office(manager, input.officeCode);
    const calendar = await this.calendars.forOffice(input.officeCode);
    const contact = await this.contactFor(manager, input);
    const at = input.receivedAt;
    const id = randomUUID();
    const subject = (input.subject ?? '').trim().slice(0, 300) || '(tanpa subjek)';
    const ticket: TicketEntity = {
      id,
      number: `~${id}`,
      officeCode: input.officeCode,
      serviceId: null,
      serviceCode: null,
      serviceVersion: null,
      channel: 'email',
      requesterContactId: contact.id,
      opdId: contact.opdId,
      subject,
      description: input.bodyText,
      status: 'new',
      isOpen: true,
      assigneeId: null,
      version: 1,
      clockRound: 1,
      createdBy: input.actorId,
      createdAt: at,
      updatedAt: at,
      receivedAt: at,
      resolvedAt: null,
      closedAt: null,
      slaState: 'not-started',
      dueAt: NO_DUE,
      targetDueAt: null,
      atRiskAt: null,
      calendarVersion: calendar.version,
      slaSnapshot: null,
      firstResponseState: 'not-started',
      firstResponseDueAt: null,
      firstResponseAt: null,
      alerted: null,
    };
    // First response: the clock runs from the mail's receipt (no service is needed for it).
    const frRows: ClockRow[] = this.cache.duration(this.config.firstResponseTime)
      ? [
          {
            clock: FIRST_RESPONSE_CLOCK,
            round: 1,
            type: 'start',
            at,
            duration: this.config.firstResponseTime,
            reason: null,
          },
        ]
      : [];
    const fr = frRows.length
      ? figuresOf(frRows, calendar.calendar, this.clock.now().getTime(), (t) =>
          this.cache.duration(t),
        )
      : null;
    if (fr) {
      ticket.firstResponseState = fr.state;
      ticket.firstResponseDueAt = new Date(fr.limitDueAt);
    }
    await insertRows(manager, TicketEntity, [ticket]);
    if (frRows.length) {
      await insertRows(
        manager,
        ClockEventEntity,
        frRows.map((r) => ({ ticketId: id, ...r })),
      );
    }
    // The office's counter row is locked from here to the commit: as late as possible.
    const number = await allocateTicketNumber(
      manager,
      office.code,
      office.ticketPrefix,
      yearIn(at, calendar.timeZone),
    );
    ticket.number = number;
    await runSql(manager, 'UPDATE tickets SET number = ? WHERE id = ?', [number, id]);
    // One multi-row statement (the ORM's insert builds a query per call, on every new mail).
    await insertRows(manager, TimelineEntryEntity, [
      {
        ticketId: id,
        kind: 'event',
        event: 'ticket.opened',
        authorId: input.actorId,
        body: null,
        data: { service: null, channel: 'email', triage: true, via: input.via },
        at,
      },
      {
        ticketId: id,
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
          attachments: input.attachments,
          inboundId: input.inboundId,
          via: input.via,
        },
        at,
      },
    ]);
    if (contact.email) {
      await this.outbox.enqueue(
        [{ kind: 'ticket.received', payload: { ticket: number } }],
        at,
        manager,
      );
    }
    await this.audit.record(
      {
        actorId: input.actorId,
        action: 'ticket.opened',
        entityType: 'ticket',
        entityId: number,
        after: {
          service: null,
          channel: 'email',
          requester: contact.id,
          subject,
          messageId: input.messageId,
          via: input.via,
        },
      },
      manager,
    );
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
    return this.tickets.act(user, number, v, 'service_chosen', async (agg, manager) => {
      const t = agg.ticket;
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
      const checklist: ChecklistItemEntity[] = service.standard.requirements.map((r, index) => ({
        id: randomUUID(),
        ticketId: t.id,
        sortOrder: index,
        code: r.code,
        text: r.text,
        options: r.options ?? null,
        optional: r.optional ?? false,
        status: 'missing',
        reason: null,
        attachmentIds: null,
        updatedBy: null,
        updatedAt: null,
      }));
      const steps = stepsOf(service.standard, office, t.id);
      await insertRows(manager, ChecklistItemEntity, checklist);
      await insertRows(manager, TicketStepEntity, steps);
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
    return this.tickets.act(user, number, v, 'rejected_not_request', (agg) => {
      if (agg.ticket.serviceId) {
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
