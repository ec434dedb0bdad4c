import type { TicketStatus } from '@sigap/contracts';
import type { Channel, ServiceStandard } from '@sigap/standards';
import { freezeClock, type ClockFigures } from '@sigap/sla';
import type { EntityManager } from 'typeorm';
import type { OfficeCalendar } from '@sigap/api-calendars';
import type { OutboxMessage } from '@sigap/api-outbox';
import { leastLoadedHolder, type HolderPicker } from './assignment';
import type { ChecklistItemEntity } from './checklist-item.entity';
import {
  FIRST_RESPONSE_CLOCK,
  figuresOf,
  logState,
  rowsOf,
  stepClock,
  TICKET_CLOCK,
  toEvents,
  type ClockRow,
} from './clocks';
import type { ServiceCache } from './service-cache';
import { isOpenStatus, nextStatus, type TicketAction } from './state-machine';
import { TicketError } from './ticket-error';
import type { TicketStepEntity } from './ticket-step.entity';
import { NO_DUE, type TicketEntity } from './ticket.entity';
import type { TimelineEntryEntity } from './timeline-entry.entity';

export type NewTimelineEntry = Omit<TimelineEntryEntity, 'id' | 'ticketId' | 'at'>;

/** A ticket with everything an action may change, loaded once and written back once. */
export interface TicketAggregate {
  ticket: TicketEntity;
  checklist: ChecklistItemEntity[];
  steps: TicketStepEntity[];
  clockRows: ClockRow[];
  newClockRows: ClockRow[];
  dirtySteps: Set<TicketStepEntity>;
  dirtyItems: Set<ChecklistItemEntity>;
  timeline: NewTimelineEntry[];
  outbox: OutboxMessage[];
  standard: ServiceStandard;
  calendar: OfficeCalendar;
  now: Date;
  actorId: string | null;
  /** Names of users this action assigned (so the answer needs not read them back). */
  knownNames?: Map<string, string>;
}

/** The parts an aggregate is made of; its change bookkeeping starts empty. */
export type AggregateParts = Pick<
  TicketAggregate,
  'ticket' | 'checklist' | 'steps' | 'standard' | 'calendar' | 'now' | 'actorId'
> & { clockRows?: ClockRow[] };

/** An aggregate around its parts with nothing changed yet: the one place that shape is set. */
export function aggregateOf(parts: AggregateParts): TicketAggregate {
  return {
    ticket: parts.ticket,
    checklist: parts.checklist,
    steps: parts.steps,
    clockRows: parts.clockRows ?? [],
    newClockRows: [],
    dirtySteps: new Set(),
    dirtyItems: new Set(),
    timeline: [],
    outbox: [],
    standard: parts.standard,
    calendar: parts.calendar,
    now: parts.now,
    actorId: parts.actorId,
  };
}

export function addClockEvent(
  agg: TicketAggregate,
  clock: string,
  type: ClockRow['type'],
  extra: { duration?: string | null; reason?: string | null; round?: number } = {},
): void {
  const row: ClockRow = {
    clock,
    round: extra.round ?? (clock === TICKET_CLOCK ? agg.ticket.clockRound : 1),
    type,
    at: agg.now,
    duration: extra.duration ?? null,
    reason: extra.reason ?? null,
  };
  agg.clockRows.push(row);
  agg.newClockRows.push(row);
}

export function event(agg: TicketAggregate, code: string, data?: Record<string, unknown>): void {
  agg.timeline.push({
    kind: 'event',
    event: code,
    authorId: agg.actorId,
    body: null,
    data: data ?? null,
  });
}

/** Applies an action through the transition table; an illegal one is a 409 naming both. */
export function transition(agg: TicketAggregate, action: TicketAction): void {
  const from = agg.ticket.status;
  const to = nextStatus(from, action);
  if (awaitsService(agg.ticket) && (action === 'start-work' || action === 'resolve')) {
    // A triage ticket (from e-mail) has no documents or steps until its service is chosen.
    throw new TicketError(
      'ticket.illegal_transition',
      `Pilih layanan tiket ${agg.ticket.number} dahulu sebelum aksi "${action}".`,
    );
  }
  if (!to) {
    throw new TicketError(
      'ticket.illegal_transition',
      `Aksi "${action}" tidak diizinkan untuk tiket berstatus "${from}".`,
    );
  }
  setStatus(agg, to);
}

/**
 * A service request opened from e-mail without a service yet (triage): no work on it until one is
 * chosen. Other kinds (complaints, incidents) never need a catalog service.
 */
export function awaitsService(t: Pick<TicketEntity, 'serviceId' | 'kind'>): boolean {
  return !t.serviceId && (t.kind ?? 'request') === 'request';
}

function setStatus(agg: TicketAggregate, to: TicketStatus): void {
  const from = agg.ticket.status;
  if (from === to) return;
  agg.ticket.status = to;
  agg.ticket.isOpen = isOpenStatus(to);
  event(agg, 'ticket.status_changed', { from, to });
}

/** The service time text for the ticket's channel (Tebing Tinggi: walk-in 30 menit). */
export function serviceTimeFor(standard: ServiceStandard, channel: Channel): string {
  const special = standard.serviceTime.byChannel?.find((c) => c.channel === channel);
  return special?.text ?? standard.serviceTime.text;
}

/** Required items all verified (optional ones do not count). */
export function checklistComplete(items: readonly ChecklistItemEntity[]): boolean {
  return items.every((i) => i.optional || i.status === 'verified');
}

/**
 * Activates the next group of steps when no step is active: the first pending step and the ones
 * after it marked `parallelWithPrevious`. Office steps get the least-loaded holder of their
 * position (`pickHolder`); requester-side steps get no assignee. Follow-up steps (after
 * go-live) activate in turn like the others but hold neither the ticket's clock nor its
 * resolution. Leading requester-side steps without a time standard at opening (the request
 * itself) are completed at once: the request has arrived.
 */
export async function activateNextSteps(
  agg: TicketAggregate,
  manager: EntityManager,
  cache: ServiceCache,
  opening = false,
  pickHolder: HolderPicker = leastLoadedHolder,
): Promise<void> {
  for (;;) {
    if (agg.steps.some((s) => s.status === 'active')) return;
    const first = agg.steps.find((s) => s.status === 'pending');
    if (!first) return;
    const index = agg.steps.indexOf(first);
    const group = [first];
    for (let i = index + 1; i < agg.steps.length && agg.steps[i].parallelWithPrevious; i++)
      group.push(agg.steps[i]);
    if (opening && index === 0 && group.every((s) => s.requesterSide && !s.timeText)) {
      for (const step of group) {
        step.status = 'done';
        step.activatedAt = agg.now;
        step.completedAt = agg.now;
        step.outputText = 'Permohonan diterima (tiket dibuka).';
        step.slaState = 'met';
        agg.dirtySteps.add(step);
      }
      event(agg, 'step.completed', {
        orders: group.map((s) => s.stepOrder),
        auto: true,
      });
      continue;
    }
    for (const step of group) {
      step.status = 'active';
      step.activatedAt = agg.now;
      if (!step.requesterSide && !step.assigneeId) {
        const holder = await pickHolder(manager, step.officeCode, step.positionCode);
        step.assigneeId = holder?.id ?? null;
        if (holder) (agg.knownNames ??= new Map()).set(holder.id, holder.name);
      }
      notifyStepAssignee(agg, step);
      if (!step.requesterSide && cache.duration(step.timeText)) {
        addClockEvent(agg, stepClock(step.stepOrder), 'start', { duration: step.timeText });
      }
      agg.dirtySteps.add(step);
    }
    event(agg, 'step.activated', {
      steps: group.map((s) => ({
        order: s.stepOrder,
        position: s.positionCode,
        assigneeId: s.assigneeId,
      })),
    });
    return;
  }
}

/**
 * Queues `ticket.step-assigned` for an active office step's assignee (mail to the executor).
 * Requester-side steps have no executor to tell: their position is held at the OPD.
 * At opening the ticket's number is provisional; the opening path sets it on the payloads.
 */
export function notifyStepAssignee(agg: TicketAggregate, step: TicketStepEntity): void {
  if (step.requesterSide || !step.assigneeId || step.status !== 'active') return;
  agg.outbox.push({
    kind: 'ticket.step-assigned',
    payload: { ticket: agg.ticket.number, step: step.stepOrder, assigneeId: step.assigneeId },
  });
}

/**
 * Brings every clock in line with the ticket's state (the rules, documented once):
 * - Ticket clock: starts at receipt, or when the checklist is complete when the service says
 *   `clockStartsWhen: complete`; paused while waiting on the requester (returned documents),
 *   while only requester-side steps are active (the OPD has the ball; a step the OPD does with
 *   an office owner is the office's); follow-up steps after go-live never pause or hold it;
 *   stopped at resolve (or
 *   cancel, or merge into another ticket); its figures are frozen at close. A reopen starts a new round with the full time.
 * - Step clocks (office steps with a time standard): start on activation, pause while the ticket
 *   waits on the requester, stop on completion. Requester-side steps have no clock of their own.
 * - First response: starts at opening, stops at the first public reply (or resolve/cancel).
 */
export function reconcileClocks(agg: TicketAggregate, cache: ServiceCache): void {
  const t = agg.ticket;
  const status = t.status;
  const ticketRows = rowsOf(agg.clockRows, TICKET_CLOCK, t.clockRound);
  const state = logState(ticketRows);
  // Follow-ups after go-live are not on the ticket's clock: only the request's own steps count.
  const active = agg.steps.filter((s) => s.status === 'active' && !s.followUp);
  const requesterTurn = active.length > 0 && active.every((s) => s.requesterSide);
  const ending = status === 'closed' || status === 'cancelled' || status === 'merged';
  if (state === 'none' && isOpenStatus(status)) {
    const startNow =
      agg.standard.clockStartsWhen !== 'complete' || checklistComplete(agg.checklist);
    const text = serviceTimeFor(agg.standard, t.channel);
    if (startNow && cache.duration(text)) {
      addClockEvent(agg, TICKET_CLOCK, 'start', { duration: text });
      event(agg, 'sla.clock_started', { clock: TICKET_CLOCK, duration: text });
    }
  }
  const now = logState(rowsOf(agg.clockRows, TICKET_CLOCK, t.clockRound));
  const pauseReason =
    status === 'waiting' ? 'menunggu pemohon' : requesterTurn ? 'langkah di pihak pemohon' : null;
  if ((ending || status === 'resolved') && (now === 'running' || now === 'paused')) {
    addClockEvent(agg, TICKET_CLOCK, 'stop');
  } else if (now === 'running' && pauseReason) {
    addClockEvent(agg, TICKET_CLOCK, 'pause', { reason: pauseReason });
  } else if (now === 'paused' && !pauseReason && isOpenStatus(status)) {
    addClockEvent(agg, TICKET_CLOCK, 'resume');
  }

  for (const step of agg.steps) {
    const key = stepClock(step.stepOrder);
    const s = logState(rowsOf(agg.clockRows, key));
    if (s === 'none' || s === 'stopped') continue;
    if (step.status === 'done' || ending) addClockEvent(agg, key, 'stop');
    else if (s === 'running' && status === 'waiting')
      addClockEvent(agg, key, 'pause', { reason: 'menunggu pemohon' });
    else if (s === 'paused' && status !== 'waiting') addClockEvent(agg, key, 'resume');
  }

  const fr = logState(rowsOf(agg.clockRows, FIRST_RESPONSE_CLOCK));
  if ((fr === 'running' || fr === 'paused') && (ending || status === 'resolved'))
    addClockEvent(agg, FIRST_RESPONSE_CLOCK, 'stop');
}

/** Recomputes the stored figures (state, dues) of the ticket and its steps from the logs. */
export function refreshStoredFigures(agg: TicketAggregate, cache: ServiceCache): void {
  const cal = agg.calendar.calendar;
  const nowMs = agg.now.getTime();
  const durationOf = (text: string | null) => cache.duration(text);
  const t = agg.ticket;

  const ticketRows = rowsOf(agg.clockRows, TICKET_CLOCK, t.clockRound);
  const f = figuresOf(ticketRows, cal, nowMs, durationOf);
  applyTicketFigures(t, f, agg.calendar.version);
  if (
    logState(ticketRows) === 'stopped' &&
    !t.slaSnapshot &&
    !t.isOpen &&
    t.status !== 'resolved'
  ) {
    t.slaSnapshot = JSON.stringify(freezeClock(toEvents(ticketRows, durationOf), cal));
  }

  const frRows = rowsOf(agg.clockRows, FIRST_RESPONSE_CLOCK);
  const fr = figuresOf(frRows, cal, nowMs, durationOf);
  t.firstResponseState = fr ? fr.state : 'not-started';
  t.firstResponseDueAt = fr ? new Date(fr.limitDueAt) : null;
  t.firstResponseAtRiskAt = fr ? new Date(fr.atRiskAt) : null;

  for (const step of agg.steps) {
    const rows = rowsOf(agg.clockRows, stepClock(step.stepOrder));
    if (!rows.length) continue;
    const sf = figuresOf(rows, cal, nowMs, durationOf);
    const before = `${step.slaState}|${step.dueAt?.getTime()}|${step.atRiskAt?.getTime()}`;
    if (sf) {
      step.slaState = sf.state;
      step.dueAt = new Date(sf.limitDueAt);
      step.targetDueAt = new Date(sf.targetDueAt);
      step.atRiskAt = new Date(sf.atRiskAt);
      if (logState(rows) === 'stopped' && !step.slaSnapshot)
        step.slaSnapshot = JSON.stringify(freezeClock(toEvents(rows, durationOf), cal));
    }
    if (before !== `${step.slaState}|${step.dueAt?.getTime()}|${step.atRiskAt?.getTime()}`)
      agg.dirtySteps.add(step);
  }
}

export function applyTicketFigures(
  t: TicketEntity,
  f: ClockFigures | null,
  calendarVersion: string,
): void {
  if (!f) {
    t.slaState = 'not-started';
    t.dueAt = NO_DUE;
    t.targetDueAt = null;
    t.atRiskAt = null;
  } else {
    t.slaState = f.state;
    t.dueAt = new Date(f.limitDueAt);
    t.targetDueAt = new Date(f.targetDueAt);
    t.atRiskAt = new Date(f.atRiskAt);
  }
  t.calendarVersion = calendarVersion;
}
