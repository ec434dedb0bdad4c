import type { ClockView, TicketSlaState } from '@sigap/contracts';
import type { Duration } from '@sigap/standards';
import { computeClock, type ClockEvent, type ClockFigures, type WorkCalendar } from '@sigap/sla';
import type { ClockEventType } from './clock-event.entity';

/** A clock event as kept in memory and in `ticket_clock_events`. */
export interface ClockRow {
  clock: string;
  round: number;
  type: ClockEventType;
  at: Date;
  duration: string | null;
  reason: string | null;
}

export const TICKET_CLOCK = 'ticket';
export const FIRST_RESPONSE_CLOCK = 'first-response';
export const stepClock = (order: number) => `step:${order}`;

export type LogState = 'none' | 'running' | 'paused' | 'stopped';

/** Where a clock's log stands after its last event. */
export function logState(rows: readonly ClockRow[]): LogState {
  let state: LogState = 'none';
  for (const r of rows) {
    if (r.type === 'start' || r.type === 'resume') state = 'running';
    else if (r.type === 'pause') state = 'paused';
    else if (r.type === 'stop') state = 'stopped';
  }
  return state;
}

export function rowsOf(rows: readonly ClockRow[], clock: string, round = 1): ClockRow[] {
  return rows.filter((r) => r.clock === clock && r.round === round);
}

/** The library's event log from stored rows; durations read with the standards grammar. */
export function toEvents(
  rows: readonly ClockRow[],
  durationOf: (text: string | null) => Duration | null,
): ClockEvent[] {
  return rows.map((r): ClockEvent => {
    const at = r.at.getTime();
    switch (r.type) {
      case 'start':
      case 'target-change': {
        const duration = durationOf(r.duration);
        if (!duration) throw new Error(`jangka waktu tidak terbaca: ${r.duration}`);
        return r.type === 'start'
          ? { type: 'start', at, duration }
          : { type: 'target-change', at, duration, reason: r.reason ?? undefined };
      }
      case 'pause':
        return { type: 'pause', at, reason: r.reason ?? 'jeda' };
      case 'resume':
        return { type: 'resume', at };
      case 'stop':
        return { type: 'stop', at };
    }
  });
}

/** Figures of a clock at `now`, or null when it has not started. */
export function figuresOf(
  rows: readonly ClockRow[],
  calendar: WorkCalendar,
  now: number,
  durationOf: (text: string | null) => Duration | null,
): ClockFigures | null {
  if (!rows.length) return null;
  const events = toEvents(rows, durationOf);
  return computeClock(events, calendar, Math.max(now, events[events.length - 1].at));
}

const iso = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? null : new Date(ms).toISOString();
const minutes = (ms: number) => Math.round(ms / 60_000);

export function toClockView(
  figures: ClockFigures | null,
  durationText: string | null,
  frozen = false,
): ClockView {
  if (!figures) {
    return {
      state: 'not-started',
      duration: durationText,
      startedAt: null,
      stoppedAt: null,
      targetDueAt: null,
      limitDueAt: null,
      atRiskAt: null,
      elapsedMinutes: 0,
      pausedMinutes: 0,
      remainingMinutes: null,
      calendarVersion: null,
      frozen: false,
    };
  }
  return {
    state: figures.state as TicketSlaState,
    duration: durationText,
    startedAt: iso(figures.startedAt),
    stoppedAt: iso(figures.stoppedAt),
    targetDueAt: iso(figures.targetDueAt),
    limitDueAt: iso(figures.limitDueAt),
    atRiskAt: iso(figures.atRiskAt),
    elapsedMinutes: minutes(figures.elapsedMs),
    pausedMinutes: minutes(figures.pausedMs),
    remainingMinutes: minutes(figures.remainingMs),
    calendarVersion: figures.calendarVersion,
    frozen,
  };
}

/** The duration text a clock runs on (its last start/target-change). */
export function durationTextOf(rows: readonly ClockRow[]): string | null {
  let text: string | null = null;
  for (const r of rows) if (r.type === 'start' || r.type === 'target-change') text = r.duration;
  return text;
}
