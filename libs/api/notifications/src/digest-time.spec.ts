import { lastDigestCutoff } from './digest-time';

describe('digest time', () => {
  it('is 07:00 local today once passed, in the office zone', () => {
    // 07:30 WITA (UTC+8) on 10 March is 23:30 UTC on 9 March.
    const r = lastDigestCutoff(new Date('2026-03-09T23:30:00Z'), 'Asia/Makassar', 7);
    expect(r.at.toISOString()).toBe('2026-03-09T23:00:00.000Z');
    expect(r.date).toBe('2026-03-10');
  });

  it('is yesterday 07:00 local before today 07:00', () => {
    // 06:59 WIB (UTC+7) on 10 March.
    const r = lastDigestCutoff(new Date('2026-03-09T23:59:00Z'), 'Asia/Jakarta', 7);
    expect(r.at.toISOString()).toBe('2026-03-09T00:00:00.000Z');
    expect(r.date).toBe('2026-03-09');
  });

  it('is exactly the instant at 07:00:00 local', () => {
    const r = lastDigestCutoff(new Date('2026-03-10T00:00:00Z'), 'Asia/Jakarta', 7);
    expect(r.at.toISOString()).toBe('2026-03-10T00:00:00.000Z');
    expect(r.date).toBe('2026-03-10');
  });
});
