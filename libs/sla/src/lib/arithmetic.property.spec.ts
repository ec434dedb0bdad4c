import fc from 'fast-check';
import { NaiveCalendar, NaiveEvent } from '../testing/naive-reference';
import {
  addCalendarDays,
  addCalendarMonths,
  addWorkingDays,
  addWorkingMinutes,
  workingDaysBetween,
  workingMinutesBetween,
} from './arithmetic';
import { ClockEvent, computeClock } from './clock';
import { WorkCalendar } from './compile';
import { CalendarDefinition, Closure, TimeInterval, WEEKDAY_KEYS, WeeklySchedule } from './model';

/*
 * Property tests: the compiled calendar against the minute-by-minute reference, over random
 * weekly schedules with breaks, dated variants, whole- and part-day closures, four zones (one
 * with DST), random starts in 2026 and durations from minutes to three months.
 */

const MIN = 60_000;
const ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura', 'Europe/Berlin'];
const T0 = Date.UTC(2026, 0, 1);
const T1 = Date.UTC(2026, 11, 31);

function hhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** 0-3 intervals inside [lo, hi] minutes, from sorted distinct boundaries. */
function dayArb(lo: number, hi: number): fc.Arbitrary<TimeInterval[]> {
  return fc
    .integer({ min: 0, max: 3 })
    .chain((k) =>
      fc.uniqueArray(fc.integer({ min: lo, max: hi }), { minLength: 2 * k, maxLength: 2 * k }),
    )
    .map((bounds) => {
      const b = [...bounds].sort((x, y) => x - y);
      const out: TimeInterval[] = [];
      for (let i = 0; i < b.length; i += 2) out.push({ start: hhmm(b[i]), end: hhmm(b[i + 1]) });
      return out;
    });
}

function weekArb(lo: number, hi: number): fc.Arbitrary<WeeklySchedule> {
  return fc
    .tuple(...WEEKDAY_KEYS.map(() => dayArb(lo, hi)))
    .map((days) => Object.fromEntries(WEEKDAY_KEYS.map((k, i) => [k, days[i]])) as WeeklySchedule)
    .filter((w) => Object.values(w).some((d) => (d as TimeInterval[]).length > 0));
}

const dateArb = fc
  .integer({ min: 0, max: 364 + 120 })
  .map((d) => new Date(T0 + d * 86_400_000).toISOString().slice(0, 10));

const closureArb: fc.Arbitrary<Closure> = fc
  .tuple(
    dateArb,
    fc.option(fc.tuple(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 1, max: 600 }))),
  )
  .map(([date, part]) => {
    const c: Closure = { date, name: 'Libur uji', type: 'libur-nasional', source: 'uji' };
    if (part) {
      c.from = hhmm(part[0]);
      c.to = hhmm(Math.min(1440, part[0] + part[1]));
    }
    return c;
  });

const calendarArb: fc.Arbitrary<CalendarDefinition> = fc
  .constantFrom(...ZONES)
  .chain((timeZone) => {
    // In the DST zone keep working time away from the 02:00-03:00 transitions.
    const [lo, hi] = timeZone === 'Europe/Berlin' ? [6 * 60, 22 * 60] : [0, 1440];
    return fc.record({
      timeZone: fc.constant(timeZone),
      week: weekArb(lo, hi),
      variants: fc.option(
        fc
          .tuple(dateArb, fc.integer({ min: 0, max: 40 }), weekArb(lo, hi))
          .map(([from, len, week]) => [
            {
              name: 'Ramadan',
              from,
              to: new Date(Date.parse(from) + len * 86_400_000).toISOString().slice(0, 10),
              week,
            },
          ]),
        { nil: undefined },
      ),
      closures: fc.array(closureArb, { maxLength: 25 }),
    });
  });

const startArb = fc.integer({ min: T0 / MIN, max: T1 / MIN }).map((m) => m * MIN);
// No shrinking: every reference walk is slow, and the first counterexample is readable enough.
const RUNS = { numRuns: 100, endOnFailure: true };

/** Throws (so that fast-check shrinks and reports the case) when the two differ. */
function same(actual: number, expected: number): void {
  if (actual !== expected) {
    const iso = (t: number) => (Math.abs(t) > 1e11 ? new Date(t).toISOString() : String(t));
    throw new Error(`got ${iso(actual)}, reference says ${iso(expected)}`);
  }
}

function setup(def: CalendarDefinition): { cal: WorkCalendar; ref: NaiveCalendar } {
  return { cal: WorkCalendar.compile(def), ref: new NaiveCalendar(def) };
}

describe('arithmetic against the minute-by-minute reference', () => {
  it('adds working minutes (up to three months of working time)', () => {
    fc.assert(
      fc.property(calendarArb, startArb, fc.integer({ min: 0, max: 30_000 }), (def, t, n) => {
        const { cal, ref } = setup(def);
        same(addWorkingMinutes(cal, t, n), ref.addWorkingMinutes(t, n));
      }),
      RUNS,
    );
    expect().nothing();
  });

  it('measures working minutes between two instants', () => {
    fc.assert(
      fc.property(
        calendarArb,
        startArb,
        fc.integer({ min: 0, max: 100 * 1440 }),
        (def, a, span) => {
          const { cal, ref } = setup(def);
          same(
            workingMinutesBetween(cal, a, a + span * MIN),
            ref.workingMinutesBetween(a, a + span * MIN),
          );
          same(
            workingMinutesBetween(cal, a + span * MIN, a),
            -ref.workingMinutesBetween(a, a + span * MIN),
          );
        },
      ),
      RUNS,
    );
    expect().nothing();
  });

  it('adds working days', () => {
    fc.assert(
      fc.property(calendarArb, startArb, fc.integer({ min: 0, max: 65 }), (def, t, n) => {
        const { cal, ref } = setup(def);
        same(addWorkingDays(cal, t, n), ref.addWorkingDays(t, n));
      }),
      RUNS,
    );
    expect().nothing();
  });

  it('counts working days between two instants', () => {
    fc.assert(
      fc.property(
        calendarArb,
        startArb,
        fc.integer({ min: -90 * 1440, max: 90 * 1440 }),
        (def, a, span) => {
          const { cal, ref } = setup(def);
          same(
            workingDaysBetween(cal, a, a + span * MIN),
            ref.workingDaysBetween(a, a + span * MIN),
          );
        },
      ),
      RUNS,
    );
    expect().nothing();
  });

  it('adds calendar months and calendar days, then moves onto working time', () => {
    fc.assert(
      fc.property(
        calendarArb,
        startArb,
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 60 }),
        (def, t, months, days) => {
          const { cal, ref } = setup(def);
          same(addCalendarMonths(cal, t, months), ref.addCalendarMonths(t, months));
          same(addCalendarDays(cal, t, days), ref.addCalendarDays(t, days));
        },
      ),
      RUNS,
    );
    expect().nothing();
  });

  it('runs a clock with pauses: elapsed and paused working time, and the due', () => {
    const gaps = fc.array(fc.integer({ min: 0, max: 5 * 1440 }), { minLength: 1, maxLength: 7 });
    fc.assert(
      fc.property(
        calendarArb,
        startArb,
        gaps,
        fc.boolean(),
        fc.integer({ min: 1, max: 120 }),
        (def, t, steps, stop, hours) => {
          const { cal, ref } = setup(def);
          const duration = {
            min: hours,
            max: hours,
            unit: 'hour',
            basis: 'working',
            startsWhen: 'received',
          } as const;
          const events: ClockEvent[] = [{ type: 'start', at: t, duration }];
          let at = t;
          for (let i = 0; i < steps.length - 1; i++) {
            at += steps[i] * MIN;
            events.push(
              i % 2 === 0
                ? { type: 'pause', at, reason: 'menunggu berkas' }
                : { type: 'resume', at },
            );
          }
          if (stop) events.push({ type: 'stop', at: (at += MIN) });
          const now = at + steps[steps.length - 1] * MIN;
          const figures = computeClock(events, cal, now);
          const expected = ref.clock(events as NaiveEvent[], now, hours * 60);
          same(figures.elapsedMs, expected.elapsed * MIN);
          same(figures.pausedMs, expected.paused * MIN);
          same(figures.targetDueAt, expected.due);
          same(figures.remainingMs, hours * 60 * MIN - expected.elapsed * MIN);
        },
      ),
      RUNS,
    );
    expect().nothing();
  });
});
