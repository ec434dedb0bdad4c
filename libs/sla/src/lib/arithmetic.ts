import { HOUR_MS, MINUTE_MS, civilFromDays, daysFromCivil, daysInMonth } from './civil';
import { CompiledRange, WorkCalendar, lastAtOrBefore, lastBefore } from './compile';
import { SlaError } from './errors';
import { SlaDuration, SlaDurationBasis, SlaDurationUnit } from './model';

/*
 * Working-time arithmetic. Every rule is written out, with worked examples, in
 * libs/sla/README.md. In one line each:
 * - minutes / hours (working): the earliest instant at which that much working time has passed;
 * - days (working): move a start outside working time to the next working instant, go N working
 *   days ahead at the same clock time, then take the earliest instant with the same working
 *   position (an opening becomes the previous working day's close, a break its start, after
 *   the close the close);
 * - weeks (working): N x workingDaysPerWeek working days (5 by default);
 * - calendar days / weeks / months: calendar arithmetic in the zone (month ends clamped); a due
 *   that is not inside working time (or at an interval's end) moves to the close of the first
 *   working day that closes after it;
 * - minutes / hours (calendar): plain elapsed time.
 */

const MAX_GROW = 250;

function tooFar(): SlaError {
  return new SlaError(
    'sla.no_working_time',
    'Kalender tidak memiliki cukup waktu kerja dalam jangkauannya',
    'The calendar has not enough working time within its reach',
  );
}

/** True when `t` lies inside a working interval (`[start, end)`). */
export function isWorking(cal: WorkCalendar, t: number): boolean {
  const r = cal.rangeFor(t);
  const i = lastAtOrBefore(r.ivStart, r.ivCount, t);
  return i >= 0 && t < r.ivEnd[i];
}

/** `t` itself when it is working time, otherwise the start of the next working interval. */
export function nextWorkingInstant(cal: WorkCalendar, t: number): number {
  let r = cal.rangeFor(t);
  for (let n = 0; n < MAX_GROW; n++) {
    const i = lastAtOrBefore(r.ivStart, r.ivCount, t);
    if (i >= 0 && t < r.ivEnd[i]) return t;
    if (i + 1 < r.ivCount) return r.ivStart[i + 1];
    r = cal.grow();
  }
  throw tooFar();
}

/** Working ms from `a` to `b` (negative when `b` is before `a`). */
export function workingMsBetween(cal: WorkCalendar, a: number, b: number): number {
  cal.rangeFor(a);
  const r = cal.rangeFor(b); // the range only grows, so it still covers a
  return r.position(b) - r.position(a);
}

export function workingMinutesBetween(cal: WorkCalendar, a: number, b: number): number {
  return workingMsBetween(cal, a, b) / MINUTE_MS;
}

/** The earliest instant at which `ms` working ms have passed since `t` (`t` itself for 0). */
export function addWorkingMs(cal: WorkCalendar, t: number, ms: number): number {
  checkAmount(ms, 'ms', false);
  if (ms === 0) return t;
  let r = cal.rangeFor(t);
  const from = r.position(t);
  for (let n = 0; n < MAX_GROW; n++) {
    const due = r.instantAt(from + ms);
    if (due === due) return due;
    r = cal.grow();
  }
  throw tooFar();
}

export function addWorkingMinutes(cal: WorkCalendar, t: number, minutes: number): number {
  checkAmount(minutes, 'minutes', false);
  return addWorkingMs(cal, t, minutes * MINUTE_MS);
}

export function addWorkingHours(cal: WorkCalendar, t: number, hours: number): number {
  checkAmount(hours, 'hours', false);
  return addWorkingMs(cal, t, hours * HOUR_MS);
}

/**
 * N working days after `t` (see the rules above). 0 gives `t`. Received on Saturday 10:00,
 * 1 day is Monday's close; received Monday 10:00, 1 day is Tuesday 10:00.
 */
export function addWorkingDays(cal: WorkCalendar, t: number, days: number): number {
  checkAmount(days, 'days', true);
  if (days === 0) return t;
  for (let n = 0; n < MAX_GROW; n++) {
    const r = cal.rangeFor(t);
    const due = workingDaysIn(r, t, days);
    if (due === due) return due;
    cal.grow();
  }
  throw tooFar();
}

function workingDaysIn(r: CompiledRange, t: number, days: number): number {
  const i = lastAtOrBefore(r.ivStart, r.ivCount, t);
  let k = i;
  let start = t;
  if (i < 0 || t >= r.ivEnd[i]) {
    k = i + 1;
    if (k >= r.ivCount) return NaN;
    start = r.ivStart[k];
  }
  const day = r.ivDay[k];
  const ord = r.workOrd[day] + days;
  if (ord >= r.workDays.length) return NaN;
  const x = r.instantOn(r.workDays[ord], r.wallOf(day, start));
  return snapBack(r, x);
}

/** Earliest instant with the same working position as `x`. */
function snapBack(r: CompiledRange, x: number): number {
  const j = lastBefore(r.ivStart, r.ivCount, x);
  if (j < 0) return x;
  const end = r.ivEnd[j];
  return x <= end ? x : end;
}

/**
 * Working days whose local date is after `a`'s and on or before `b`'s (negative when `b` is
 * before `a`): Friday 15:00 to Monday 09:00 is 1.
 */
export function workingDaysBetween(cal: WorkCalendar, a: number, b: number): number {
  cal.rangeFor(a);
  const r = cal.rangeFor(b); // the range only grows, so it still covers a
  return r.workOrd[r.dayOf(b) + 1] - r.workOrd[r.dayOf(a) + 1];
}

/** Calendar days in the zone, then onto working time (see the rules above). */
export function addCalendarDays(cal: WorkCalendar, t: number, days: number): number {
  checkAmount(days, 'days', true);
  if (days === 0) return t;
  return calendarShift(cal, t, (epochDay) => epochDay + days);
}

/** Calendar months in the zone (31 Jan + 1 = 28/29 Feb), then onto working time. */
export function addCalendarMonths(cal: WorkCalendar, t: number, months: number): number {
  checkAmount(months, 'months', true);
  if (months === 0) return t;
  return calendarShift(cal, t, (epochDay) => {
    const { year, month, day } = civilFromDays(epochDay);
    const index = year * 12 + (month - 1) + months;
    const y = Math.floor(index / 12);
    const m = (index % 12) + 1;
    return daysFromCivil(y, m, Math.min(day, daysInMonth(y, m)));
  });
}

function calendarShift(cal: WorkCalendar, t: number, shift: (epochDay: number) => number): number {
  let r = cal.rangeFor(t);
  let d = r.dayOf(t);
  const wall = r.wallOf(d, t);
  const target = shift(r.epoch0 + d);
  r = cal.rangeForDay(target);
  d = target - r.epoch0;
  const x = r.instantOn(d, wall);
  for (let n = 0; n < MAX_GROW; n++) {
    const due = onWorkingTime(r, x);
    if (due === due) return due;
    r = cal.grow();
  }
  throw tooFar();
}

/**
 * The calendar-basis rule: `x` stays when it is inside a working interval or at its end;
 * otherwise it becomes the close of the first working day that closes after it.
 */
export function snapToWorkingClose(cal: WorkCalendar, x: number): number {
  let r = cal.rangeFor(x);
  for (let n = 0; n < MAX_GROW; n++) {
    const due = onWorkingTime(r, x);
    if (due === due) return due;
    r = cal.grow();
  }
  throw tooFar();
}

function onWorkingTime(r: CompiledRange, x: number): number {
  const j = lastBefore(r.ivStart, r.ivCount, x);
  if (j >= 0 && x <= r.ivEnd[j]) return x;
  if (j + 1 >= r.ivCount) return NaN;
  return r.closeOf(r.ivDay[j + 1]);
}

/** The due instant of `amount` units after `t`. */
export function addDuration(
  cal: WorkCalendar,
  t: number,
  amount: number,
  unit: SlaDurationUnit,
  basis: SlaDurationBasis,
): number {
  switch (unit) {
    case 'minute':
      return basis === 'working'
        ? addWorkingMinutes(cal, t, amount)
        : t + checked(amount) * MINUTE_MS;
    case 'hour':
      return basis === 'working' ? addWorkingHours(cal, t, amount) : t + checked(amount) * HOUR_MS;
    case 'day':
      return basis === 'working' ? addWorkingDays(cal, t, amount) : addCalendarDays(cal, t, amount);
    case 'week':
      return basis === 'working'
        ? addWorkingDays(cal, t, checkAmount(amount, 'weeks', true) * cal.workingDaysPerWeek)
        : addCalendarDays(cal, t, checkAmount(amount, 'weeks', true) * 7);
    case 'month':
      return addCalendarMonths(cal, t, amount);
    default:
      throw new SlaError(
        'sla.duration_invalid',
        `Satuan waktu tidak dikenal: ${JSON.stringify(unit)}`,
        `Unknown time unit: ${JSON.stringify(unit)}`,
      );
  }
}

export interface DueDates {
  /** Due instant of the target (`min`). */
  target: number;
  /** Due instant of the limit (`max`). */
  limit: number;
}

/** Target (from `min`) and limit (from `max`) of a duration started at `t`. */
export function dueDates(cal: WorkCalendar, t: number, duration: SlaDuration): DueDates {
  checkDuration(duration);
  const target = addDuration(cal, t, duration.min, duration.unit, duration.basis);
  const limit =
    duration.max === duration.min
      ? target
      : addDuration(cal, t, duration.max, duration.unit, duration.basis);
  return { target, limit };
}

/** Throws `sla.duration_invalid` naming the problem when a duration is not usable. */
export function checkDuration(duration: SlaDuration): void {
  const bad = (id: string, en: string) =>
    new SlaError('sla.duration_invalid', `Durasi tidak valid: ${id}`, `Invalid duration: ${en}`);
  if (typeof duration !== 'object' || duration === null) throw bad('bukan objek', 'not an object');
  if (!['minute', 'hour', 'day', 'week', 'month'].includes(duration.unit)) {
    throw bad(
      `satuan tidak dikenal ${JSON.stringify(duration.unit)}`,
      `unknown unit ${JSON.stringify(duration.unit)}`,
    );
  }
  if (duration.basis !== 'working' && duration.basis !== 'calendar') {
    throw bad(
      `basis tidak dikenal ${JSON.stringify(duration.basis)}`,
      `unknown basis ${JSON.stringify(duration.basis)}`,
    );
  }
  const whole = duration.unit === 'day' || duration.unit === 'week' || duration.unit === 'month';
  checkAmount(duration.min, 'min', whole);
  checkAmount(duration.max, 'max', whole);
  if (duration.max < duration.min) {
    throw bad(
      `max (${duration.max}) lebih kecil dari min (${duration.min})`,
      `max (${duration.max}) is less than min (${duration.min})`,
    );
  }
}

function checked(amount: number): number {
  return checkAmount(amount, 'amount', false);
}

function checkAmount(amount: number, name: string, whole: boolean): number {
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
    throw new SlaError(
      'sla.duration_invalid',
      `Jumlah "${name}" harus bilangan tidak negatif, bukan ${JSON.stringify(amount)}`,
      `"${name}" must be a non-negative number, not ${JSON.stringify(amount)}`,
    );
  }
  if (whole && !Number.isInteger(amount)) {
    throw new SlaError(
      'sla.duration_invalid',
      `Jumlah "${name}" harus bilangan bulat untuk hari, minggu dan bulan, bukan ${amount}`,
      `"${name}" must be a whole number for days, weeks and months, not ${amount}`,
    );
  }
  return amount;
}
