/**
 * Types of the SLA library: calendar definitions (data an admin maintains), durations (what the
 * Indonesian duration grammar reads out of a service standard) and clock events.
 *
 * Instants are epoch milliseconds (UTC). Local dates are `YYYY-MM-DD`, local clock times
 * `HH:MM` (or `HH.MM`, as Indonesian documents write them), both in the calendar's IANA zone.
 */

export type SlaDurationUnit = 'minute' | 'hour' | 'day' | 'week' | 'month';
export type SlaDurationBasis = 'working' | 'calendar';
export type SlaStartsWhen = 'received' | 'complete' | null;

/**
 * Structurally identical to `Duration` of `@sigap/standards` (kept local so that this library
 * depends on nothing): "1 s.d 2 bulan" is `{ min: 1, max: 2, unit: 'month', basis: 'calendar' }`.
 */
export interface SlaDuration {
  /** Target (lower bound of a range). */
  min: number;
  /** Limit (upper bound of a range; equal to `min` when not a range). */
  max: number;
  unit: SlaDurationUnit;
  basis: SlaDurationBasis;
  startsWhen: SlaStartsWhen;
}

export type WeekdayKey = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export const WEEKDAY_KEYS: readonly WeekdayKey[] = [
  'mon',
  'tue',
  'wed',
  'thu',
  'fri',
  'sat',
  'sun',
];

/** One stretch of working time within a local day: `{ start: '07:30', end: '12:00' }`. */
export interface TimeInterval {
  start: string;
  /** Exclusive; `24:00` is allowed. */
  end: string;
}

/** Working intervals per weekday; a missing or empty day is a day off. */
export type WeeklySchedule = Partial<Record<WeekdayKey, TimeInterval[]>>;

/** A dated variant of the week, e.g. the Ramadan schedule; `from` and `to` are inclusive. */
export interface ScheduleVariant {
  name: string;
  from: string;
  to: string;
  week: WeeklySchedule;
  /**
   * `false`: proposed but not yet checked against the circular that sets it; it is kept, checked
   * and shown, but the normal week applies until it is confirmed. Absent or `true`: in force.
   */
  confirmed?: boolean;
  /** Where the hours and dates come from (a circular, a decree), as an admin checks them. */
  source?: string;
}

export type ClosureType = 'libur-nasional' | 'cuti-bersama' | 'libur-daerah' | 'penutupan-kantor';
export const CLOSURE_TYPES: readonly ClosureType[] = [
  'libur-nasional',
  'cuti-bersama',
  'libur-daerah',
  'penutupan-kantor',
];

/** Who set a closure: the SKB (national), the province, or the office itself. */
export type ClosureLayer = 'national' | 'province' | 'office';
export const CLOSURE_LAYERS: readonly ClosureLayer[] = ['national', 'province', 'office'];

/** A day (or part of a day) on which the office does not work. */
export interface Closure {
  date: string;
  name: string;
  type: ClosureType;
  /** Decree number or a note ("SKB 3 Menteri No. 1497 Tahun 2025 ..."). */
  source: string;
  /** Defaults to `office`. */
  layer?: ClosureLayer;
  /** Part-day closure: closed from `from` to `to` (local). Both absent: the whole day. */
  from?: string;
  to?: string;
  /** Pre-filled from a holiday package: to be checked by an admin. */
  prefilled?: boolean;
  /**
   * `false`: announced but not yet checked against the decree that sets it (a regional day whose
   * date comes from the Balinese calendar, say). It is kept and shown, but closes nothing until an
   * admin confirms it. Absent or `true`: in force.
   */
  confirmed?: boolean;
}

export interface CalendarDefinition {
  /** IANA zone: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT) ... */
  timeZone: string;
  week: WeeklySchedule;
  variants?: ScheduleVariant[];
  closures?: Closure[];
  /** When given, every closure must fall in this year. */
  year?: number;
  /** Working days that make one working week ("1 minggu"); defaults to 5. */
  workingDaysPerWeek?: number;
  /** Free label shown beside the fingerprint (e.g. "Diskominfo Bali 2026 rev. 3"). */
  label?: string;
}

/** A problem found in a calendar definition or other input. */
export interface SlaIssue {
  /** Path of the offending field, e.g. `week.fri[1].start`, `closures[3].date`. */
  path: string;
  code: string;
  /** Bahasa Indonesia. */
  message: string;
  /** English. */
  messageEn: string;
}
