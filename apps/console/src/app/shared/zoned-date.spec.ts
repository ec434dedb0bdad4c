import { formatInZone, zoneAbbreviation, zonedFormatter, zoneOffsetMinutes } from './zoned-date';

describe('formatInZone', () => {
  // 12 March 2026, 02:30 UTC.
  const instant = '2026-03-12T02:30:00Z';

  it('shows Riau time in WIB (UTC+7)', () => {
    const text = formatInZone(instant, 'Asia/Jakarta', 'id');
    expect(text).toMatch(/^12 Mar 2026 09[.:]30 WIB$/);
  });

  it('shows Bali time in WITA (UTC+8)', () => {
    expect(formatInZone(instant, 'Asia/Makassar', 'id')).toMatch(/^12 Mar 2026 10[.:]30 WITA$/);
  });

  it('shows Papua time in WIT (UTC+9)', () => {
    expect(formatInZone(instant, 'Asia/Jayapura', 'en')).toMatch(/^12 Mar 2026 11[.:]30 WIT$/);
  });

  it('moves the date when the zone is past midnight', () => {
    expect(formatInZone('2026-03-12T16:30:00Z', 'Asia/Jayapura', 'id')).toMatch(
      /^13 Mar 2026 01[.:]30 WIT$/,
    );
  });

  it('formats a date alone without a zone name', () => {
    expect(formatInZone('2026-08-16T18:00:00Z', 'Asia/Jakarta', 'id', 'date')).toBe('17 Agu 2026');
    expect(formatInZone('2026-08-16T18:00:00Z', 'Asia/Jakarta', 'en', 'date')).toBe('17 Aug 2026');
  });

  it('names a zone outside Indonesia by its offset', () => {
    expect(zoneAbbreviation('UTC')).toBe('UTC+0');
    expect(zoneAbbreviation('Asia/Kolkata', new Date(instant))).toBe('UTC+5:30');
    expect(zoneAbbreviation('Asia/Bangkok', new Date(instant))).toBe('UTC+7');
    expect(zoneAbbreviation('Asia/Pontianak')).toBe('WIB');
  });

  it('measures zone offsets in minutes', () => {
    expect(zoneOffsetMinutes(new Date(instant), 'Asia/Makassar')).toBe(480);
    expect(zoneOffsetMinutes(new Date(instant), 'America/Sao_Paulo')).toBe(-180);
  });

  it('rejects a value that is not a date, naming it', () => {
    expect(() => formatInZone('kemarin', 'Asia/Jakarta')).toThrowError(RangeError, /"kemarin"/);
  });

  it('rejects an unknown zone, naming it', () => {
    expect(() => formatInZone(instant, 'Asia/Medan')).toThrowError(RangeError, /"Asia\/Medan"/);
  });

  it('builds one formatter per zone, language and style, and reuses it', () => {
    const first = zonedFormatter('Asia/Makassar', 'id', 'datetime');
    expect(zonedFormatter('Asia/Makassar', 'id', 'datetime')).toBe(first);
    expect(zonedFormatter('Asia/Makassar', 'en', 'datetime')).not.toBe(first);
    expect(zonedFormatter('Asia/Makassar', 'id', 'date')).not.toBe(first);
    expect(zonedFormatter('Asia/Jakarta', 'id', 'datetime')).not.toBe(first);
    expect(zonedFormatter('Asia/Makassar', 'en', 'date').resolvedOptions().timeZone).toBe(
      'Asia/Makassar',
    );
  });

  it('creates no formatter when formatting again in a zone already seen', () => {
    const at = (hour: number) => `2026-03-12T${String(hour).padStart(2, '0')}:15:00Z`;
    // Warm the formatters of this zone, language and style (and the offset one).
    formatInZone(at(0), 'Asia/Kolkata', 'en');
    const created = spyOn(Intl, 'DateTimeFormat').and.callThrough();
    const texts = [1, 2, 3, 4].map((h) => formatInZone(at(h), 'Asia/Kolkata', 'en'));
    expect(created).not.toHaveBeenCalled();
    expect(texts[0]).toMatch(/^12 Mar 2026 06[.:]45 UTC\+5:30$/);
    expect(texts[3]).toMatch(/^12 Mar 2026 09[.:]45 UTC\+5:30$/);
  });

  it('keeps rejecting an unknown zone on every call', () => {
    expect(() => zonedFormatter('Asia/Medan')).toThrowError(RangeError, /"Asia\/Medan"/);
    expect(() => zonedFormatter('Asia/Medan')).toThrowError(RangeError, /"Asia\/Medan"/);
  });
});
