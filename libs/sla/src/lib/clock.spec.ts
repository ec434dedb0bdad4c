import { STANDARD_WEEK, national2026 } from '../testing/calendars';
import { ClockEvent, clockFigures, computeClock, freezeClock, isSnapshotCurrent } from './clock';
import { WorkCalendar } from './compile';
import { SlaError } from './errors';
import { SlaDuration } from './model';

const wib = (local: string) => Date.parse(`${local}:00+07:00`);
const HOUR = 3_600_000;
const dur = (min: number, unit: SlaDuration['unit'], max = min): SlaDuration => ({
  min,
  max,
  unit,
  basis: 'working',
  startsWhen: 'complete',
});

describe('SLA clock', () => {
  const cal = WorkCalendar.compile({
    timeZone: 'Asia/Jakarta',
    week: STANDARD_WEEK,
    closures: national2026(),
  });

  /*
   * Paused across a weekend: 2 Hari from Thu 5 Mar 10:00, base due Mon 9 Mar 10:00, a budget of
   * 15 working hours (Thu 10-16 less the break: 5 h; Fri 7.5 h; Mon 07:30-10:00: 2.5 h).
   * Paused Fri 15:00 to Mon 09:00: 1.5 h (Fri) + 1.5 h (Mon) = 3 working hours, not 66 wall hours.
   * Run before the pause: 5 + 4 + 2 = 11 h; 4 h more from Mon 09:00 = 09-12 and 13-14: Mon 14:00.
   */
  const weekend: ClockEvent[] = [
    { type: 'start', at: wib('2026-03-05T10:00'), duration: dur(2, 'day') },
    { type: 'pause', at: wib('2026-03-06T15:00'), reason: 'menunggu kelengkapan berkas' },
    { type: 'resume', at: wib('2026-03-09T09:00') },
  ];

  it('measures a pause across a weekend in working time and moves the due by it', () => {
    const f = computeClock(weekend, cal, wib('2026-03-09T12:00'));
    expect(f.targetMs).toBe(15 * HOUR);
    expect(f.pausedMs).toBe(3 * HOUR);
    expect(f.elapsedMs).toBe(14 * HOUR);
    expect(f.remainingMs).toBe(1 * HOUR);
    expect(f.targetDueAt).toBe(wib('2026-03-09T14:00'));
    expect(f.state).toBe('at-risk'); // 14 of 15 h is past 75 %
    expect(f.pauses).toEqual([
      {
        from: wib('2026-03-06T15:00'),
        to: wib('2026-03-09T09:00'),
        reason: 'menunggu kelengkapan berkas',
        workingMs: 3 * HOUR,
      },
    ]);
  });

  it('is paused on the Saturday, with the pause so far counted', () => {
    const f = computeClock(weekend, cal, wib('2026-03-07T12:00'));
    expect(f.state).toBe('paused');
    expect(f.pausedMs).toBe(1.5 * HOUR);
    expect(f.elapsedMs).toBe(11 * HOUR);
  });

  it('is at-risk from the instant 75 % of the target has run: 11.25 h = Mon 09:15', () => {
    const f = computeClock(weekend, cal, wib('2026-03-09T09:00'));
    expect(f.atRiskAt).toBe(wib('2026-03-09T09:15'));
    expect(f.state).toBe('running');
    expect(computeClock(weekend, cal, wib('2026-03-09T09:15')).state).toBe('at-risk');
  });

  it('is met when stopped by the target, breached when stopped after the limit', () => {
    const met = computeClock(
      [...weekend, { type: 'stop', at: wib('2026-03-09T14:00') }],
      cal,
      wib('2026-03-20T09:00'),
    );
    expect(met.state).toBe('met');
    expect(met.stoppedAt).toBe(wib('2026-03-09T14:00'));
    const late = computeClock(
      [...weekend, { type: 'stop', at: wib('2026-03-09T14:01') }],
      cal,
      wib('2026-03-20T09:00'),
    );
    expect(late.state).toBe('breached');
    expect(late.remainingToLimitMs).toBe(-60_000);
  });

  it('is met-late when stopped after the target but by the limit ("1-2 Jam")', () => {
    const events: ClockEvent[] = [
      { type: 'start', at: wib('2026-03-09T08:00'), duration: dur(1, 'hour', 2) },
      { type: 'stop', at: wib('2026-03-09T09:30') },
    ];
    const f = computeClock(events, cal, wib('2026-03-09T10:00'));
    expect([f.targetDueAt, f.limitDueAt]).toEqual([
      wib('2026-03-09T09:00'),
      wib('2026-03-09T10:00'),
    ]);
    expect(f.state).toBe('met-late');
    expect(f.overTarget).toBeTrue();
  });

  it('is breached while still running once past the limit, and a later pause does not undo it', () => {
    const events: ClockEvent[] = [
      { type: 'start', at: wib('2026-03-09T08:00'), duration: dur(1, 'hour') },
      { type: 'pause', at: wib('2026-03-09T10:00'), reason: 'menunggu OPD' },
    ];
    expect(computeClock(events.slice(0, 1), cal, wib('2026-03-09T09:01')).state).toBe('breached');
    const f = computeClock(events, cal, wib('2026-03-10T10:00'));
    expect(f.state).toBe('breached');
    expect(f.limitDueAt).toBe(wib('2026-03-09T09:00'));
  });

  it('applies a target change from the start and keeps the paused time (walk-in: 30 menit)', () => {
    const events: ClockEvent[] = [
      { type: 'start', at: wib('2026-03-09T08:00'), duration: dur(1, 'day') },
      { type: 'pause', at: wib('2026-03-09T08:05'), reason: 'menunggu KTP' },
      { type: 'resume', at: wib('2026-03-09T08:15') },
      {
        type: 'target-change',
        at: wib('2026-03-09T08:16'),
        duration: dur(30, 'minute'),
        reason: 'datang langsung',
      },
    ];
    const before = computeClock(events, cal, wib('2026-03-09T08:15'));
    expect(before.targetDueAt).toBe(wib('2026-03-10T08:10'));
    const after = computeClock(events, cal, wib('2026-03-09T08:20'));
    expect(after.duration.unit).toBe('minute');
    expect(after.targetDueAt).toBe(wib('2026-03-09T08:40'));
  });

  it('freezes a stopped clock: a later holiday edit changes the version, not the snapshot, until recomputed', () => {
    const events: ClockEvent[] = [
      { type: 'start', at: wib('2026-04-06T10:00'), duration: dur(2, 'day') },
      { type: 'stop', at: wib('2026-04-08T09:00') },
    ];
    const snapshot = freezeClock(events, cal);
    expect(snapshot.frozen).toBeTrue();
    expect(snapshot.targetDueAt).toBe(wib('2026-04-08T10:00'));
    expect(snapshot.state).toBe('met');
    const edited = WorkCalendar.compile({
      timeZone: 'Asia/Jakarta',
      week: STANDARD_WEEK,
      closures: [
        ...national2026(),
        {
          date: '2026-04-07',
          name: 'Penutupan kantor',
          type: 'penutupan-kantor',
          source: 'SE Kadis 1/2026',
        },
      ],
    });
    expect(isSnapshotCurrent(snapshot, edited)).toBeFalse();
    expect(clockFigures(snapshot, events, edited, wib('2026-05-01T00:00'))).toBe(snapshot);
    const recomputed = clockFigures(null, events, edited, wib('2026-05-01T00:00'));
    expect(recomputed.targetDueAt).toBe(wib('2026-04-09T10:00'));
    expect(recomputed.calendarVersion).toBe(edited.version);
  });

  it('rejects a log that breaks its rules, naming the event', () => {
    const start: ClockEvent = {
      type: 'start',
      at: wib('2026-03-09T08:00'),
      duration: dur(1, 'day'),
    };
    const bad: [ClockEvent[], string][] = [
      [[], 'events'],
      [[{ type: 'resume', at: start.at }], 'events[0]'],
      [[start, { type: 'resume', at: start.at }], 'events[1]'],
      [[start, { type: 'pause', at: start.at - 1, reason: 'x' }], 'events[1].at'],
      [[start, { type: 'pause', at: start.at, reason: ' ' }], 'events[1].reason'],
      [[start, { type: 'stop', at: start.at }, { type: 'resume', at: start.at }], 'events[2]'],
    ];
    for (const [events, path] of bad) {
      try {
        computeClock(events, cal, start.at + HOUR);
        fail(`expected an error at ${path}`);
      } catch (e) {
        expect((e as SlaError).code).toBe('sla.clock_invalid');
        expect((e as SlaError).issues[0].path).toBe(path);
      }
    }
    expect(() => computeClock([start], cal, start.at - 1)).toThrowError(
      SlaError,
      /sebelum jam SLA dimulai/,
    );
    expect(() => computeClock([start], cal, start.at, { atRiskShare: 1.5 })).toThrowError(
      SlaError,
      /atRiskShare/,
    );
  });
});
