import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { IncidentPriority, SupportHours, TicketKind } from '@sigap/contracts';
import { stepOwner, type Channel, type ServiceStandard } from '@sigap/standards';
import type { EntityManager } from 'typeorm';
import { AuditService } from '@sigap/api-audit';
import type { OfficeCalendar } from '@sigap/api-calendars';
import { AppConfig } from '@sigap/api-config';
import { insertStatement, runBatch } from '@sigap/api-database';
import { OutboxEntity } from '@sigap/api-outbox';
import type { OutboxMessage } from '@sigap/api-outbox';
import { ChecklistItemEntity } from './checklist-item.entity';
import { FIRST_RESPONSE_CLOCK } from './clocks';
import { counterStatements, counterValue, formatTicketNumber } from './numbering';
import type { CachedOffice } from './service-cache';
import { ServiceCache } from './service-cache';
import { TicketRepository } from './ticket-repository';
import { TicketStepEntity } from './ticket-step.entity';
import { NO_DUE, TicketEntity } from './ticket.entity';
import { addClockEvent, aggregateOf, type TicketAggregate } from './workflow';

/** What differs between new tickets of any kind; everything else starts the same. */
export interface NewTicketInput {
  officeCode: string;
  /** The service version it is opened under; null for a ticket waiting in triage. */
  service: { serviceId: string; code: string; version: number } | null;
  channel: Channel;
  contact: { id: string; opdId: string | null };
  subject: string;
  description: string;
  createdBy: string | null;
  createdAt: Date;
  receivedAt: Date;
  calendarVersion?: string | null;
  /**
   * A kind other than a service request, the ticket it is about (complaints), and for incidents
   * their priority and the calendar their clocks run on.
   */
  kind?: {
    kind: TicketKind;
    relatedTicketId: string | null;
    priority?: IncidentPriority | null;
    supportHours?: SupportHours | null;
  };
}

/** How a new ticket is numbered, mailed and audited once its rows are in. */
export interface NewTicketRecord {
  /** The counter it draws from (default: the office's) and the number's prefix. */
  counter: { key: string; prefix: string };
  /** The instant whose year, in the office's time zone, the number carries. */
  numberedAt: Date;
  /** When its timeline entries are dated. */
  timelineAt: Date;
  /** Whether the requester gets the receipt (first of the ticket's mail). */
  receipt: boolean;
  /** When its outbox rows are queued. */
  mailAt: Date;
  /** Rows of the kind's own that must exist before the number (the complaint row). */
  beforeNumber?: () => Promise<void>;
  audit: { actorId: string | null; action: string; after: Record<string, unknown> };
}

/**
 * The one place a new ticket is built and stored, whatever its kind: its row, checklist and
 * steps from the standard, the opening clock events, and then, in the caller's transaction, the
 * inserts, the gapless number, the mail and the audit entry.
 */
@Injectable()
export class TicketFactory {
  constructor(
    private readonly repository: TicketRepository,
    private readonly cache: ServiceCache,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /**
   * A new ticket's aggregate, nothing stored yet: the row under a provisional unique number
   * (the number is allocated last), the standard's checklist and steps (all pending).
   */
  draft(
    input: NewTicketInput,
    context: {
      standard: ServiceStandard;
      calendar: OfficeCalendar;
      now: Date;
      actorId: string | null;
      /** Needed when the standard has steps (whether each is on the requester's side). */
      office?: CachedOffice;
    },
  ): TicketAggregate {
    const ticket = newTicketRow(input);
    const { standard, office } = context;
    if (standard.steps.length && !office) throw new Error('steps need the office snapshot');
    return aggregateOf({
      ticket,
      checklist: checklistOf(standard, ticket.id),
      steps: office ? stepsOf(standard, office, ticket.id) : [],
      standard,
      calendar: context.calendar,
      now: context.now,
      actorId: context.actorId,
    });
  }

  /**
   * Starts the first-response clock at `agg.now`: the configured time, or a kind's own (an
   * incident's priority response target); false when there is none.
   */
  startFirstResponse(agg: TicketAggregate, duration = this.config.firstResponseTime): boolean {
    if (!this.cache.duration(duration)) return false;
    addClockEvent(agg, FIRST_RESPONSE_CLOCK, 'start', { duration });
    return true;
  }

  /**
   * Stores a drafted ticket in the caller's transaction; answers its number. Multi-row inserts,
   * one statement per table, nothing read back; the counter row is locked from the allocation
   * to the commit, so it comes last and concurrent openings queue only for the statements
   * after it. The outbox rows carry the number, so they follow it.
   */
  async create(
    manager: EntityManager,
    agg: TicketAggregate,
    record: NewTicketRecord,
  ): Promise<string> {
    const mail = agg.outbox;
    agg.outbox = [];
    if (record.receipt) mail.unshift({ kind: 'ticket.received', payload: { ticket: '' } });
    // Two requests to the database (MariaDB; on SQLite the same statements one by one): the rows
    // and the counter, then what carries the number. The counter's row lock is taken at the end
    // of the first, so concurrent openings of an office queue only for the second and the commit.
    const timeline = agg.timeline.map((e) => ({ event: e.event }));
    const entries = [...agg.timeline];
    const rows = this.repository.newTicketStatements(manager, agg, record.timelineAt);
    const year = localYear(record.numberedAt, agg.calendar.timeZone);
    // The active webhooks are read with the counter (no request of their own); the deliveries
    // carry the number, so they go with the second request.
    const numbering = [
      this.repository.webhooksStatement(manager),
      ...counterStatements(manager, record.counter.key, year),
    ];
    let answers: unknown[];
    if (record.beforeNumber) {
      await runBatch(manager, rows);
      await record.beforeNumber();
      answers = await runBatch(manager, numbering);
    } else {
      answers = await runBatch(manager, [...rows, ...numbering]);
    }
    const webhooksAnswer = answers[answers.length - numbering.length];
    const number = formatTicketNumber(record.counter.prefix, year, counterValue(answers));
    const numbered = this.repository.numberStatement(agg.ticket, number);
    await this.repository.opened(manager, {
      ticket: agg.ticket,
      timeline: entries,
      now: record.timelineAt,
      outbox: mail,
    });
    await runBatch(manager, [
      numbered,
      insertStatement(
        manager,
        OutboxEntity,
        mail.map((m) => outboxRow(m, number, record.mailAt)),
      ),
      this.audit.statement(
        {
          actorId: record.audit.actorId,
          action: record.audit.action,
          entityType: 'ticket',
          entityId: number,
          after: record.audit.after,
        },
        manager,
      ),
      this.repository.announced(manager, agg, timeline, number, record.timelineAt, webhooksAnswer),
      this.repository.openedEventStatement(agg, record.timelineAt),
    ]);
    return number;
  }
}

/** A new ticket's row: status new, version 1, no clock figures yet, a provisional number. */
export function newTicketRow(input: NewTicketInput): TicketEntity {
  const id = randomUUID();
  return {
    id,
    number: `~${id}`,
    officeCode: input.officeCode,
    serviceId: input.service?.serviceId ?? null,
    serviceCode: input.service?.code ?? null,
    serviceVersion: input.service?.version ?? null,
    channel: input.channel,
    requesterContactId: input.contact.id,
    opdId: input.contact.opdId,
    subject: input.subject,
    description: input.description,
    status: 'new',
    isOpen: true,
    assigneeId: null,
    version: 1,
    clockRound: 1,
    createdBy: input.createdBy,
    createdAt: input.createdAt,
    updatedAt: input.createdAt,
    receivedAt: input.receivedAt,
    resolvedAt: null,
    closedAt: null,
    slaState: 'not-started',
    dueAt: NO_DUE,
    targetDueAt: null,
    atRiskAt: null,
    calendarVersion: input.calendarVersion ?? null,
    slaSnapshot: null,
    firstResponseState: 'not-started',
    firstResponseDueAt: null,
    firstResponseAt: null,
    alerted: null,
    // Only other kinds name theirs: a request's row leaves it to the database default.
    ...(input.kind
      ? {
          kind: input.kind.kind,
          relatedTicketId: input.kind.relatedTicketId,
          ...(input.kind.priority ? { priority: input.kind.priority } : {}),
          ...(input.kind.supportHours ? { supportHours: input.kind.supportHours } : {}),
        }
      : {}),
  };
}

/** A ticket's checklist, copied from a standard's requirements (all missing). */
export function checklistOf(standard: ServiceStandard, ticketId: string): ChecklistItemEntity[] {
  return standard.requirements.map((r, index) => ({
    id: randomUUID(),
    ticketId,
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
}

/**
 * A ticket's steps, copied from a service version (all pending, nobody assigned): at opening, and
 * when triage chooses the service of a ticket opened without one.
 */
export function stepsOf(
  standard: ServiceStandard,
  office: Pick<CachedOffice, 'code' | 'positions'>,
  ticketId: string,
): TicketStepEntity[] {
  const onRequesterSide = (code: string) => office.positions.get(code)?.requesterSide ?? false;
  return standard.steps.map((s) => {
    const position = stepOwner(s, onRequesterSide);
    return {
      id: randomUUID(),
      ticketId,
      officeCode: office.code,
      stepOrder: s.order,
      description: s.description,
      positionCode: position,
      executors: s.executors,
      timeText: s.time,
      participants: s.participants?.length ? s.participants : null,
      requesterSide: onRequesterSide(position),
      parallelWithPrevious: s.parallelWithPrevious ?? false,
      followUp: s.followUp ?? false,
      status: 'pending',
      assigneeId: null,
      outputText: null,
      outputAttachmentId: null,
      activatedAt: null,
      completedAt: null,
      completedBy: null,
      slaState: 'not-started',
      dueAt: null,
      targetDueAt: null,
      atRiskAt: null,
      slaSnapshot: null,
      alerted: null,
    };
  });
}

/** An outbox row for a message queued before the ticket had its number (the opening). */
function outboxRow(message: OutboxMessage, number: string, at: Date): OutboxEntity {
  return {
    id: randomUUID(),
    kind: message.kind,
    payload: JSON.stringify({ ...message.payload, ticket: number }),
    status: 'pending',
    createdAt: at,
    attempts: 0,
    nextAttemptAt: at,
  };
}

const yearFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar year of an instant in a time zone: the year a ticket number carries. */
export function localYear(at: Date, timeZone: string): number {
  let format = yearFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' });
    yearFormats.set(timeZone, format);
  }
  return Number(format.format(at));
}
