import { addWorkingMs, checkDuration, dueDates, workingMsBetween } from './arithmetic';
import { WorkCalendar } from './compile';
import { SlaError } from './errors';
import { SlaDuration } from './model';

/**
 * An SLA clock is a log of events; every figure is recomputed from the log and a calendar at a
 * given `now` (events after `now` are ignored). Paused time is measured in working time.
 */
export type ClockEvent =
  | { type: 'start'; at: number; duration: SlaDuration }
  | { type: 'pause'; at: number; reason: string }
  | { type: 'resume'; at: number }
  | { type: 'stop'; at: number }
  /** A new duration for the whole clock (the channel's time, an edited standard), from the start. */
  | { type: 'target-change'; at: number; duration: SlaDuration; reason?: string };

/**
 * - `running`: started, not paused, below the at-risk share of the target.
 * - `at-risk`: running, at or past `atRiskShare` of the target time, limit not yet passed. A
 *   running clock past its target but within its limit is `at-risk` too (see `overTarget`).
 * - `paused`: paused and its limit not passed.
 * - `breached`: past the limit, whether still open (now after the limit due) or stopped late.
 * - `met`: stopped at or before the target due.
 * - `met-late`: stopped after the target due, at or before the limit due.
 */
export type ClockState = 'running' | 'paused' | 'at-risk' | 'breached' | 'met' | 'met-late';

export interface ClockOptions {
  /** Share of the target time at which a clock becomes at-risk; 0 < share <= 1, default 0.75. */
  atRiskShare?: number;
}

export interface ClockPause {
  from: number;
  /** null while the pause is still open at `now`. */
  to: number | null;
  reason: string;
  /** Working time inside the pause (up to `now` when open). */
  workingMs: number;
}

export interface ClockFigures {
  state: ClockState;
  /** True when past the target due (now for an open clock, at stop for a stopped one). */
  overTarget: boolean;
  startedAt: number;
  stoppedAt: number | null;
  /** The duration in force (the last target change at or before `now`). */
  duration: SlaDuration;
  /** Working time the target and the limit allow, counted from the start. */
  targetMs: number;
  limitMs: number;
  /** Working time run so far (pauses excluded). */
  elapsedMs: number;
  /** Working time spent paused. */
  pausedMs: number;
  /** targetMs - elapsedMs and limitMs - elapsedMs (negative when over). */
  remainingMs: number;
  remainingToLimitMs: number;
  /**
   * Instants at which the running time reaches the target, the limit and the at-risk share.
   * When reached they are history; when not yet reached they are projections that assume the
   * clock runs on from now (a paused clock: as if resumed now; a stopped one: as if never stopped).
   */
  targetDueAt: number;
  limitDueAt: number;
  atRiskAt: number;
  pauses: ClockPause[];
  /** Fingerprint of the calendar that computed these figures. */
  calendarVersion: string;
  /** The `now` of the computation. */
  computedAt: number;
}

/** Figures of a stopped clock, frozen: a later calendar edit does not change them. */
export interface ClockSnapshot extends ClockFigures {
  frozen: true;
}

function clockError(path: string, id: string, en: string): SlaError {
  return new SlaError(
    'sla.clock_invalid',
    `Log jam SLA tidak valid di ${path}: ${id}`,
    `Invalid SLA clock log at ${path}: ${en}`,
    [{ path, code: 'clock.event', message: id, messageEn: en }],
  );
}

/** Throws `sla.clock_invalid` naming the first event that breaks the log's rules. */
export function validateClockLog(events: readonly ClockEvent[]): void {
  if (!Array.isArray(events) || events.length === 0) {
    throw clockError(
      'events',
      'log kosong; peristiwa pertama harus "start"',
      'empty log; the first event must be "start"',
    );
  }
  let state: 'new' | 'running' | 'paused' | 'stopped' = 'new';
  let last = -Infinity;
  events.forEach((e, i) => {
    const path = `events[${i}]`;
    if (typeof e !== 'object' || e === null) throw clockError(path, 'bukan objek', 'not an object');
    if (typeof e.at !== 'number' || !Number.isFinite(e.at)) {
      throw clockError(`${path}.at`, 'waktu harus angka epoch ms', 'time must be epoch ms');
    }
    if (e.at < last) {
      throw clockError(`${path}.at`, 'peristiwa harus urut waktu', 'events must be in time order');
    }
    last = e.at;
    if (state === 'stopped') {
      throw clockError(
        path,
        'tidak boleh ada peristiwa setelah "stop"',
        'no event may follow "stop"',
      );
    }
    switch (e.type) {
      case 'start':
        if (state !== 'new')
          throw clockError(path, '"start" hanya sekali, di awal', '"start" only once, first');
        checkDuration(e.duration);
        state = 'running';
        break;
      case 'pause':
        if (state !== 'running')
          throw clockError(path, '"pause" hanya saat berjalan', '"pause" only while running');
        if (typeof e.reason !== 'string' || e.reason.trim() === '') {
          throw clockError(`${path}.reason`, 'alasan jeda wajib diisi', 'a pause needs a reason');
        }
        state = 'paused';
        break;
      case 'resume':
        if (state !== 'paused')
          throw clockError(path, '"resume" hanya saat dijeda', '"resume" only while paused');
        state = 'running';
        break;
      case 'stop':
        if (state === 'new')
          throw clockError(path, '"stop" sebelum "start"', '"stop" before "start"');
        state = 'stopped';
        break;
      case 'target-change':
        if (state === 'new')
          throw clockError(
            path,
            '"target-change" sebelum "start"',
            '"target-change" before "start"',
          );
        checkDuration(e.duration);
        break;
      default:
        throw clockError(
          `${path}.type`,
          `jenis tidak dikenal ${JSON.stringify((e as { type: unknown }).type)}`,
          `unknown type ${JSON.stringify((e as { type: unknown }).type)}`,
        );
    }
  });
}

/** Recomputes a clock's figures from its log at `now`. */
export function computeClock(
  events: readonly ClockEvent[],
  calendar: WorkCalendar,
  now: number,
  options: ClockOptions = {},
): ClockFigures {
  validateClockLog(events);
  const share = options.atRiskShare ?? 0.75;
  if (!(share > 0 && share <= 1)) {
    throw new SlaError(
      'sla.option_invalid',
      `atRiskShare harus di antara 0 dan 1, bukan ${share}`,
      `atRiskShare must be within (0, 1], not ${share}`,
    );
  }
  const start = events[0] as Extract<ClockEvent, { type: 'start' }>;
  if (!(now >= start.at)) {
    throw new SlaError(
      'sla.clock_not_started',
      'Waktu perhitungan sebelum jam SLA dimulai',
      'The computation time is before the clock started',
    );
  }

  let duration = start.duration;
  let stoppedAt: number | null = null;
  let runningSince: number | null = start.at;
  const active: [number, number][] = [];
  const pauses: ClockPause[] = [];
  for (const e of events) {
    if (e.at > now) break;
    if (e.type === 'target-change') duration = e.duration;
    else if (e.type === 'pause') {
      active.push([runningSince as number, e.at]);
      runningSince = null;
      pauses.push({ from: e.at, to: null, reason: e.reason, workingMs: 0 });
    } else if (e.type === 'resume') {
      pauses[pauses.length - 1].to = e.at;
      runningSince = e.at;
    } else if (e.type === 'stop') {
      stoppedAt = e.at;
      if (runningSince !== null) active.push([runningSince, e.at]);
    }
  }
  const end = stoppedAt ?? now;
  let pausedMs = 0;
  for (const p of pauses) {
    p.workingMs = workingMsBetween(calendar, p.from, p.to ?? end);
    if (p.to === null && stoppedAt !== null) p.to = stoppedAt;
    pausedMs += p.workingMs;
  }
  let elapsedMs = 0;
  for (const [a, b] of active) elapsedMs += workingMsBetween(calendar, a, b);
  if (stoppedAt === null && runningSince !== null)
    elapsedMs += workingMsBetween(calendar, runningSince, now);

  // Where the running time goes on after the last event, for projections.
  const closed = active.slice();
  let openFrom: number;
  if (stoppedAt === null) openFrom = runningSince ?? now;
  else if (runningSince !== null) openFrom = (closed.pop() as [number, number])[0];
  else openFrom = stoppedAt;

  const base = dueDates(calendar, start.at, duration);
  const targetMs = workingMsBetween(calendar, start.at, base.target);
  const limitMs = workingMsBetween(calendar, start.at, base.limit);
  const reach = (goal: number) => instantOfRunningTime(calendar, closed, openFrom, goal);
  // Without pauses these equal `base` for every working basis and for calendar days and months
  // (their dues are already the earliest instant of their working position).
  const targetDueAt = reach(targetMs);
  const limitDueAt = reach(limitMs);
  const atRiskAt = reach(share * targetMs);

  const overTarget = (stoppedAt ?? now) > targetDueAt;
  let state: ClockState;
  if (stoppedAt !== null) {
    state = stoppedAt <= targetDueAt ? 'met' : stoppedAt <= limitDueAt ? 'met-late' : 'breached';
  } else if (now > limitDueAt) state = 'breached';
  else if (runningSince === null) state = 'paused';
  else if (now >= atRiskAt) state = 'at-risk';
  else state = 'running';

  return {
    state,
    overTarget,
    startedAt: start.at,
    stoppedAt,
    duration,
    targetMs,
    limitMs,
    elapsedMs,
    pausedMs,
    remainingMs: targetMs - elapsedMs,
    remainingToLimitMs: limitMs - elapsedMs,
    targetDueAt,
    limitDueAt,
    atRiskAt,
    pauses,
    calendarVersion: calendar.version,
    computedAt: now,
  };
}

/** Earliest instant at which the running time (working time outside pauses) reaches `goal`. */
function instantOfRunningTime(
  calendar: WorkCalendar,
  closed: readonly [number, number][],
  openFrom: number,
  goal: number,
): number {
  let acc = 0;
  for (const [a, b] of closed) {
    const w = workingMsBetween(calendar, a, b);
    if (goal <= acc + w) return addWorkingMs(calendar, a, goal - acc);
    acc += w;
  }
  return addWorkingMs(calendar, openFrom, goal - acc);
}

/** Freezes a stopped clock's figures with the calendar version that computed them. */
export function freezeClock(
  events: readonly ClockEvent[],
  calendar: WorkCalendar,
  options: ClockOptions = {},
): ClockSnapshot {
  validateClockLog(events);
  const stop = events[events.length - 1];
  if (stop.type !== 'stop') {
    throw new SlaError(
      'sla.clock_open',
      'Hanya jam SLA yang sudah berhenti yang dapat dibekukan',
      'Only a stopped clock can be frozen',
    );
  }
  return { ...computeClock(events, calendar, stop.at, options), frozen: true };
}

/**
 * The figures to show: a frozen snapshot as it is (even when the calendar changed since), or
 * a fresh computation when there is none. To apply a calendar edit, compute and freeze again.
 */
export function clockFigures(
  snapshot: ClockSnapshot | null | undefined,
  events: readonly ClockEvent[],
  calendar: WorkCalendar,
  now: number,
  options: ClockOptions = {},
): ClockFigures {
  return snapshot ?? computeClock(events, calendar, now, options);
}

/** True when a snapshot was computed with this version of the calendar. */
export function isSnapshotCurrent(snapshot: ClockSnapshot, calendar: WorkCalendar): boolean {
  return snapshot.calendarVersion === calendar.version;
}
