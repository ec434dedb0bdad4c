import { DAY_MS } from './civil';
import { TimeZone } from './zone';

/** Offset read independently, from the formatter's parts (local minus UTC, ms). */
function referenceOffset(zone: string, utcMs: number): number {
  const seconds = Math.floor(utcMs / 1000) * 1000;
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(seconds);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value);
  return (
    Date.UTC(
      get('year'),
      get('month') - 1,
      get('day'),
      get('hour') % 24,
      get('minute'),
      get('second'),
    ) - seconds
  );
}

describe('time zone', () => {
  // Each test uses its own zone: zones are shared and remember what they have read.

  it('reads offsets that match the formatter, across DST changes and half hours', () => {
    const zone = TimeZone.get('Australia/Adelaide');
    // Every 7 hours and 13 minutes through 2026 and 2027 (both DST changes of each year).
    const step = 7 * 3_600_000 + 13 * 60_000 + 17_000;
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2028, 0, 1); t += step) {
      expect(zone.offsetAt(t))
        .withContext(new Date(t).toISOString())
        .toBe(referenceOffset('Australia/Adelaide', t));
    }
    // 5 April 2026, 03:00 ACDT is 02:00 ACST: the last second of summer time and the first after.
    const change = Date.UTC(2026, 3, 4, 16, 30);
    expect(zone.offsetAt(change - 1000)).toBe(10.5 * 3_600_000);
    expect(zone.offsetAt(change)).toBe(9.5 * 3_600_000);
  });

  it('still reads the offset when the formatter prints text it does not expect', () => {
    const zone = TimeZone.get('America/Chicago');
    // `format` is a getter handing out a bound function.
    spyOnProperty(Intl.DateTimeFormat.prototype, 'format', 'get').and.returnValue(() => 'kemarin');
    const summer = Date.UTC(2026, 6, 1, 12);
    const winter = Date.UTC(2026, 0, 15, 12);
    expect(zone.offsetAt(summer)).toBe(-5 * 3_600_000);
    expect(zone.offsetAt(winter)).toBe(-6 * 3_600_000);
  });

  it('reads a year of local days with about three formatter calls a day', () => {
    const zone = TimeZone.get('Asia/Kuching');
    // Each call reads the `format` getter once.
    const format = spyOnProperty(Intl.DateTimeFormat.prototype, 'format', 'get').and.callThrough();
    const parts = spyOn(Intl.DateTimeFormat.prototype, 'formatToParts').and.callThrough();
    const first = Date.UTC(2026, 0, 1) / DAY_MS;
    for (let d = first; d < first + 365; d++) {
      const day = zone.day(d);
      expect(day.startUtc).toBe(d * DAY_MS - 8 * 3_600_000);
      expect(day.endUtc).toBe(day.startUtc + DAY_MS);
      expect(day.offset).toBe(8 * 3_600_000);
    }
    // Eight per day before days shared their boundaries and probes repeated were remembered.
    expect(format.calls.count() + parts.calls.count()).toBeLessThanOrEqual(3 * 365 + 8);
  });
});
