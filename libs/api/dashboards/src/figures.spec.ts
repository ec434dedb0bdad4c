import {
  addMonths,
  bucketOf,
  bucketValue,
  localMonth,
  monthNumber,
  percentileOf,
  periodKey,
  periodKeys,
} from './figures';

describe('dashboard figures', () => {
  it('keeps minutes below an hour exact and larger ones within 2.5 %', () => {
    for (let m = 0; m < 60; m++) expect(bucketValue(bucketOf(m))).toBe(m);
    for (const m of [60, 61, 90, 450, 3150, 13_500, 27_000, 100_000]) {
      const back = bucketValue(bucketOf(m));
      expect(Math.abs(back - m) / m)
        .withContext(String(m))
        .toBeLessThanOrEqual(0.026);
    }
    // Buckets never go backwards.
    let last = -1;
    for (let m = 0; m < 50_000; m += 7) {
      const b = bucketOf(m);
      expect(b).toBeGreaterThanOrEqual(last);
      last = b;
    }
  });

  it('reads nearest-rank percentiles from a histogram, exactly with the bucket sums', () => {
    const values = [5, 5, 30, 90, 90, 91, 400, 401, 1200, 3000];
    const byBucket = new Map<number, [number, number]>();
    for (const v of values) {
      const [n, s] = byBucket.get(bucketOf(v)) ?? [0, 0];
      byBucket.set(bucketOf(v), [n + 1, s + v]);
    }
    const hist = [...byBucket].map(([b, [n, s]]) => [b, n, s] as const);
    expect(percentileOf(hist, 0.5)).toBe(90);
    expect(percentileOf(hist, 0.1)).toBe(5);
    expect(percentileOf(hist, 0.9)).toBe(1200);
    expect(percentileOf(hist, 1)).toBe(3000);
    expect(percentileOf([], 0.5)).toBeNull();
    // Without sums: the middle of the bucket.
    expect(percentileOf([[bucketOf(1200), 1]], 0.5)).toBeCloseTo(1200, -2);
  });

  it('names months, quarters and years in the office zone', () => {
    expect(monthNumber('2026-04')).toBe(202604);
    expect(monthNumber('2026-13')).toBeNull();
    expect(addMonths(202601, -11)).toBe(202502);
    expect(addMonths(202612, 1)).toBe(202701);
    // 31 March 17:00 UTC is already 1 April in Makassar (UTC+8), still March in UTC-5.
    const at = Date.UTC(2026, 2, 31, 17);
    expect(localMonth(at, 'Asia/Makassar')).toBe(202604);
    expect(localMonth(at, 'Asia/Jakarta')).toBe(202604);
    expect(localMonth(Date.UTC(2026, 2, 31, 16, 59), 'Asia/Jakarta')).toBe(202603);
    expect(periodKey(202605, 'quarter')).toBe('2026-Q2');
    expect(periodKey(202605, 'year')).toBe('2026');
    expect(periodKeys(202511, 202602, 'month')).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(periodKeys(202511, 202604, 'quarter')).toEqual(['2025-Q4', '2026-Q1', '2026-Q2']);
  });
});
