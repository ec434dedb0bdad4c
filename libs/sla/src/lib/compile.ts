import { MINUTE_MS, civilFromDays, daysFromCivil, isoWeekday } from './civil';
import { NormalCalendar, NormalWeek, normaliseCalendar } from './calendar';
import { SlaError } from './errors';
import { CalendarDefinition } from './model';
import { TimeZone } from './zone';

export const MIN_YEAR = 1971;
export const MAX_YEAR = 2199;

/**
 * A calendar compiled over a range of whole local years: every working interval as a UTC
 * `[start, end)` in one sorted array, with the running total of working ms at each interval's
 * end, and an index of local days and of working days. "Add N working minutes" and "working
 * time between" are binary searches over these arrays.
 */
export class CompiledRange {
  /** Epoch day of the first local day. */
  readonly epoch0: number;
  readonly dayCount: number;
  /** UTC start of each local day, plus the end of the last (`dayCount + 1` entries). */
  readonly dayStart: Float64Array;
  /** Offset of each day (ms) or NaN on a DST transition day. */
  readonly dayOffset: Float64Array;
  /** Intervals of day d are `dayIvFrom[d] .. dayIvFrom[d + 1] - 1`. */
  readonly dayIvFrom: Int32Array;
  /** Number of working days before day d (`dayCount + 1` entries). */
  readonly workOrd: Int32Array;
  /** Day indexes of the working days, ascending. */
  readonly workDays: Int32Array;
  readonly ivCount: number;
  readonly ivStart: Float64Array;
  readonly ivEnd: Float64Array;
  /** Working ms from the range's start to the end of each interval. */
  readonly ivCumEnd: Float64Array;
  /** Day index of each interval. */
  readonly ivDay: Int32Array;

  constructor(
    readonly firstYear: number,
    readonly lastYear: number,
    calendar: NormalCalendar,
    closedByDay: ReadonlyMap<number, readonly (readonly [number, number])[]>,
    readonly zone: TimeZone,
  ) {
    this.epoch0 = daysFromCivil(firstYear, 1, 1);
    const dayCount = daysFromCivil(lastYear + 1, 1, 1) - this.epoch0;
    this.dayCount = dayCount;
    this.dayStart = new Float64Array(dayCount + 1);
    this.dayOffset = new Float64Array(dayCount);
    this.dayIvFrom = new Int32Array(dayCount + 1);
    this.workOrd = new Int32Array(dayCount + 1);
    const starts: number[] = [];
    const ends: number[] = [];
    const days: number[] = [];
    const workDays: number[] = [];
    for (let d = 0; d < dayCount; d++) {
      const epochDay = this.epoch0 + d;
      const zd = zone.day(epochDay);
      this.dayStart[d] = zd.startUtc;
      this.dayOffset[d] = zd.offset;
      this.dayIvFrom[d] = starts.length;
      this.workOrd[d] = workDays.length;
      const local = subtract(
        weekFor(calendar, epochDay)[isoWeekday(epochDay) - 1],
        closedByDay.get(epochDay),
      );
      const first = starts.length;
      for (const [s, e] of local) {
        const us = zone.toUtc(epochDay, s * MINUTE_MS, 'earlier');
        const ue = zone.toUtc(epochDay, e * MINUTE_MS, 'later');
        if (ue <= us) continue;
        const last = starts.length - 1;
        if (last >= first && us <= ends[last]) {
          // Only on a DST day, when a repeated hour makes intervals meet or overlap in UTC.
          ends[last] = Math.max(ends[last], ue);
          starts[last] = Math.min(starts[last], us);
        } else {
          starts.push(us);
          ends.push(ue);
          days.push(d);
        }
      }
      if (starts.length > first) workDays.push(d);
    }
    this.dayStart[dayCount] = zone.day(this.epoch0 + dayCount).startUtc;
    this.dayIvFrom[dayCount] = starts.length;
    this.workOrd[dayCount] = workDays.length;
    this.workDays = Int32Array.from(workDays);
    this.ivCount = starts.length;
    this.ivStart = Float64Array.from(starts);
    this.ivEnd = Float64Array.from(ends);
    this.ivDay = Int32Array.from(days);
    this.ivCumEnd = new Float64Array(starts.length);
    let total = 0;
    for (let i = 0; i < starts.length; i++) {
      total += ends[i] - starts[i];
      this.ivCumEnd[i] = total;
    }
  }

  /** True when `t` lies inside the compiled range. */
  covers(t: number): boolean {
    return t >= this.dayStart[0] && t < this.dayStart[this.dayCount];
  }

  /** Working ms from the range's start up to `t`. */
  position(t: number): number {
    const i = lastAtOrBefore(this.ivStart, this.ivCount, t);
    if (i < 0) return 0;
    const end = this.ivEnd[i];
    return t >= end ? this.ivCumEnd[i] : this.ivCumEnd[i] - (end - t);
  }

  /** Earliest instant at which `w` working ms have passed since the range's start; NaN past the end. */
  instantAt(w: number): number {
    const i = firstAtOrAbove(this.ivCumEnd, this.ivCount, w);
    if (i >= this.ivCount) return NaN;
    return this.ivEnd[i] - (this.ivCumEnd[i] - w);
  }

  /** Index of the local day containing `t` (which must be covered). */
  dayOf(t: number): number {
    return lastAtOrBefore(this.dayStart, this.dayCount, t);
  }

  /** Local clock time of `t` on day `d`, in ms after local midnight. */
  wallOf(d: number, t: number): number {
    const offset = this.dayOffset[d];
    return offset === offset ? t - this.dayStart[d] : this.zone.toLocal(t).wallMs;
  }

  /** Instant of local clock time `wall` on day `d` (the earlier one when it occurs twice). */
  instantOn(d: number, wall: number): number {
    const offset = this.dayOffset[d];
    return offset === offset
      ? this.dayStart[d] + wall
      : this.zone.toUtc(this.epoch0 + d, wall, 'earlier');
  }

  /** Close (end of the last interval) of working day `d`. */
  closeOf(d: number): number {
    return this.ivEnd[this.dayIvFrom[d + 1] - 1];
  }
}

/** Largest i < n with a[i] <= x, or -1. */
export function lastAtOrBefore(a: Float64Array, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Largest i < n with a[i] < x, or -1. */
export function lastBefore(a: Float64Array, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Smallest i < n with a[i] >= x, or n. */
export function firstAtOrAbove(a: Float64Array, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function weekFor(calendar: NormalCalendar, epochDay: number): NormalWeek {
  for (const v of calendar.variants) {
    if (epochDay >= v.fromDay && epochDay <= v.toDay) return v.week;
  }
  return calendar.week;
}

function subtract(
  intervals: readonly (readonly [number, number])[],
  closed: readonly (readonly [number, number])[] | undefined,
): (readonly [number, number])[] {
  if (!closed) return intervals as (readonly [number, number])[];
  let out: (readonly [number, number])[] = intervals.slice();
  for (const [cf, ct] of closed) {
    const next: (readonly [number, number])[] = [];
    for (const [s, e] of out) {
      if (ct <= s || cf >= e) next.push([s, e]);
      else {
        if (s < cf) next.push([s, cf]);
        if (ct < e) next.push([ct, e]);
      }
    }
    out = next;
  }
  return out;
}

/**
 * A working calendar ready for arithmetic: validated, fingerprinted, and compiled lazily over
 * whole years as instants ask for them (the range only grows).
 */
export class WorkCalendar {
  readonly zone: TimeZone;
  /** Changes whenever anything that changes a computed figure changes. */
  readonly version: string;
  private compiled: CompiledRange | null = null;
  private readonly closedByDay = new Map<number, (readonly [number, number])[]>();

  private constructor(readonly definition: NormalCalendar) {
    this.zone = TimeZone.get(definition.timeZone);
    this.version = definition.fingerprint;
    for (const c of definition.closures) {
      const list = this.closedByDay.get(c.epochDay) ?? [];
      list.push([c.fromMinute, c.toMinute]);
      this.closedByDay.set(c.epochDay, list);
    }
  }

  /** Validates (throws `SlaError` `sla.calendar_invalid` listing every issue) and prepares. */
  static compile(def: CalendarDefinition): WorkCalendar {
    return new WorkCalendar(normaliseCalendar(def));
  }

  get label(): string | null {
    return this.definition.label;
  }

  get workingDaysPerWeek(): number {
    return this.definition.workingDaysPerWeek;
  }

  /** The compiled range, grown (if needed) to cover the instant `t`. */
  rangeFor(t: number): CompiledRange {
    const r = this.compiled;
    if (r && r.covers(t)) return r;
    if (!Number.isFinite(t)) {
      throw new SlaError('sla.instant_invalid', `Waktu tidak valid: ${t}`, `Invalid instant: ${t}`);
    }
    return this.coverYear(civilFromDays(this.zone.toLocal(t).epochDay).year);
  }

  /** The compiled range, grown to cover the local day `epochDay`. */
  rangeForDay(epochDay: number): CompiledRange {
    const r = this.compiled;
    if (r && epochDay >= r.epoch0 && epochDay < r.epoch0 + r.dayCount) return r;
    return this.coverYear(civilFromDays(epochDay).year);
  }

  /** Grows the range by one more year at the end (when arithmetic runs past it). */
  grow(): CompiledRange {
    const r = this.compiled;
    return this.coverYear(r ? r.lastYear + 1 : MIN_YEAR);
  }

  /** Compiles whole years up front (e.g. the current and next year at start-up). */
  prepare(fromYear: number, toYear: number): void {
    this.coverYear(fromYear);
    this.coverYear(toYear);
  }

  private coverYear(year: number): CompiledRange {
    if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
      throw new SlaError(
        'sla.out_of_range',
        `Tahun ${year} di luar jangkauan kalender (${MIN_YEAR}-${MAX_YEAR})`,
        `Year ${year} is outside the calendar's reach (${MIN_YEAR}-${MAX_YEAR})`,
      );
    }
    const r = this.compiled;
    let first = r ? Math.min(r.firstYear, year) : year;
    let last = r ? Math.max(r.lastYear, year) : Math.min(year + 1, MAX_YEAR);
    if (r && year > r.lastYear) last = Math.min(MAX_YEAR, Math.max(last, year + 1));
    if (r && year < r.firstYear) first = Math.max(MIN_YEAR, Math.min(first, year));
    this.compiled = new CompiledRange(first, last, this.definition, this.closedByDay, this.zone);
    return this.compiled;
  }
}
