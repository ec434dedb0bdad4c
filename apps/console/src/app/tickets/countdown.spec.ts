import type { ClockView } from '@sigap/contracts';
import { BALI_CALENDAR, wita } from './calendar-fixture';
import {
  compileOfficeCalendar,
  formatMinutes,
  liveClock,
  liveRemaining,
  shareUsed,
  workingMinutesUntil,
} from './countdown';

const calendar = compileOfficeCalendar(BALI_CALENDAR);

const running = (remainingMinutes: number, overrides: Partial<ClockView> = {}): ClockView => ({
  state: 'running',
  duration: '1 Hari',
  startedAt: '2026-03-05T00:00:00.000Z',
  stoppedAt: null,
  targetDueAt: null,
  limitDueAt: null,
  atRiskAt: null,
  elapsedMinutes: 60,
  pausedMinutes: 0,
  remainingMinutes,
  calendarVersion: 'v1',
  frozen: false,
  ...overrides,
});

describe('office calendar for the countdowns', () => {
  it('leaves a closure that is not yet confirmed out of working time', () => {
    const withDay = (confirmed: boolean) =>
      compileOfficeCalendar({
        ...BALI_CALENDAR,
        closures: [
          ...BALI_CALENDAR.closures,
          {
            ...BALI_CALENDAR.closures[0],
            id: 'c-2',
            layer: 'province',
            scope: 'ID-BA',
            date: '2026-03-06',
            name: 'Hari libur daerah (uji)',
            type: 'libur-daerah',
            confirmed,
          },
        ],
      });
    expect(withDay(false).version).toBe(calendar.version);
    expect(withDay(true).version).not.toBe(calendar.version);
  });
});

describe('countdown in working time', () => {
  // Thursday 5 March 2026, 15.00 WITA: one working hour left today.
  const fetchedAt = wita('2026-03-05T15:00:00');

  it('moves on with working time and stands still outside office hours', () => {
    const clock = running(120);
    expect(liveRemaining(clock, fetchedAt, wita('2026-03-05T15:30:00'), calendar)).toBe(90);
    expect(liveRemaining(clock, fetchedAt, wita('2026-03-05T16:00:00'), calendar)).toBe(60);
    // Evening, night and the morning before opening: nothing passes.
    expect(liveRemaining(clock, fetchedAt, wita('2026-03-05T21:00:00'), calendar)).toBe(60);
    expect(liveRemaining(clock, fetchedAt, wita('2026-03-06T07:29:00'), calendar)).toBe(60);
    expect(liveRemaining(clock, fetchedAt, wita('2026-03-06T08:00:00'), calendar)).toBe(30);
    // The Friday break (11.30-13.00) does not count either; overdue goes negative.
    expect(liveRemaining(clock, fetchedAt, wita('2026-03-06T12:30:00'), calendar)).toBe(-180);
  });

  it('skips weekends and closures of the office calendar', () => {
    // Friday 13 March is closed: from Thursday 16.00 the next working minute is Monday 07.30.
    const thursday = wita('2026-03-12T16:00:00');
    const clock = running(45);
    expect(liveRemaining(clock, thursday, wita('2026-03-13T10:00:00'), calendar)).toBe(45);
    expect(liveRemaining(clock, thursday, wita('2026-03-15T23:00:00'), calendar)).toBe(45);
    expect(liveRemaining(clock, thursday, wita('2026-03-16T07:45:00'), calendar)).toBe(30);
  });

  it("keeps the API's figure for paused, frozen and unknown-calendar clocks", () => {
    const later = wita('2026-03-05T15:45:00');
    expect(liveRemaining(running(120, { state: 'paused' }), fetchedAt, later, calendar)).toBe(120);
    expect(liveRemaining(running(120, { frozen: true }), fetchedAt, later, calendar)).toBe(120);
    expect(liveRemaining(running(120), fetchedAt, later, null)).toBe(120);
    expect(
      liveRemaining(running(120, { remainingMinutes: null }), fetchedAt, later, calendar),
    ).toBe(null);
  });

  it('moves the share used on with the same working time', () => {
    const clock = liveClock(running(60), fetchedAt, wita('2026-03-05T15:30:00'), calendar);
    expect(clock?.elapsedMinutes).toBe(90);
    expect(clock?.remainingMinutes).toBe(30);
    expect(shareUsed(clock)).toBe(0.75);
  });

  it('counts working minutes to a due date, and since it once past', () => {
    const due = '2026-03-06T00:30:00.000Z'; // Friday 08.30 WITA
    expect(workingMinutesUntil(calendar, due, fetchedAt)).toBe(120);
    expect(workingMinutesUntil(calendar, due, wita('2026-03-05T22:00:00'))).toBe(60);
    expect(workingMinutesUntil(calendar, due, wita('2026-03-06T09:00:00'))).toBe(-30);
    expect(workingMinutesUntil(calendar, null, fetchedAt)).toBeNull();
    expect(formatMinutes(-30, { d: 'hr', h: 'j', m: 'mnt' })).toBe('30 mnt');
  });
});
