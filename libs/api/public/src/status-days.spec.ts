import { dailyHealth, daysEndingOn, localDay } from './status-days';

describe('status page days', () => {
  it('counts calendar dates back across a month and a leap day', () => {
    expect(daysEndingOn('2028-03-02', 4)).toEqual([
      '2028-02-28',
      '2028-02-29',
      '2028-03-01',
      '2028-03-02',
    ]);
    expect(daysEndingOn('2026-12-07', 90).length).toBe(90);
    expect(daysEndingOn('2026-12-07', 90)[0]).toBe('2026-09-09');
  });

  it("reads the day in the office's zone", () => {
    // 23.30 UTC on 1 December is 2 December in Jakarta (UTC+7) and Jayapura (UTC+9).
    const at = new Date('2026-12-01T23:30:00Z');
    expect(localDay(at, 'UTC')).toBe('2026-12-01');
    expect(localDay(at, 'Asia/Jakarta')).toBe('2026-12-02');
  });

  it('gives each day the worst state of the spans touching it', () => {
    const days = daysEndingOn('2026-12-07', 7);
    const wita = (s: string) => new Date(`${s}+08:00`);
    const result = dailyHealth(
      days,
      [
        // Partial from the evening of the 2nd to the morning of the 4th.
        { from: wita('2026-12-02T20:00:00'), to: wita('2026-12-04T08:00:00'), state: 'partial' },
        // Major for an hour on the 3rd: the 3rd is major.
        { from: wita('2026-12-03T10:00:00'), to: wita('2026-12-03T11:00:00'), state: 'major' },
        // Long before the window: ignored.
        { from: wita('2026-10-01T10:00:00'), to: wita('2026-10-02T11:00:00'), state: 'major' },
        // Ongoing since just before midnight of the 6th (to = now on the 7th).
        { from: wita('2026-12-06T23:59:00'), to: wita('2026-12-07T09:00:00'), state: 'partial' },
      ],
      'Asia/Makassar',
    );
    expect(result.map((d) => `${d.date.slice(8)}:${d.state}`)).toEqual([
      '01:normal',
      '02:partial',
      '03:major',
      '04:partial',
      '05:normal',
      '06:partial',
      '07:partial',
    ]);
  });
});
