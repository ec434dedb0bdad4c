import type { DashboardPeriod } from '@sigap/contracts';

/**
 * Working minutes are kept in histogram buckets so that medians and p90s can be summed across
 * months and groups: one bucket per minute below an hour (exact), then buckets growing by 5 %
 * (a figure read from a bucket is within 2.5 % of the true value).
 */
const EXACT = 60;
const GROWTH = 1.05;
const LOG_GROWTH = Math.log(GROWTH);

export function bucketOf(minutes: number): number {
  const m = Math.max(0, Math.round(minutes));
  if (m < EXACT) return m;
  return EXACT + Math.floor(Math.log(m / EXACT) / LOG_GROWTH + 1e-9);
}

/** The minutes a bucket stands for: its value below an hour, else its geometric middle. */
export function bucketValue(bucket: number): number {
  if (bucket < EXACT) return bucket;
  const low = EXACT * Math.pow(GROWTH, bucket - EXACT);
  return Math.round(low * Math.sqrt(GROWTH));
}

/**
 * Nearest-rank percentile (0 < p <= 1) of a histogram given as [bucket, count, sum of minutes]
 * rows: the figure of the bucket holding the ceil(p * n)-th smallest value, read as the mean of
 * that bucket's values (exact when they are all equal) or, without a sum, as its middle. Null
 * for an empty histogram.
 */
export function percentileOf(
  histogram: ReadonlyArray<readonly [number, number, number?]>,
  p: number,
): number | null {
  const sorted = [...histogram].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = sorted.reduce((sum, [, n]) => sum + n, 0);
  if (!total) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const [bucket, n, sum] of sorted) {
    seen += n;
    if (seen >= rank) return sum === undefined ? bucketValue(bucket) : Math.round(sum / n);
  }
  return null;
}

/** `YYYY-MM` to the stored month number (202604). Null when malformed. */
export function monthNumber(text: string): number | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  return m ? Number(m[1]) * 100 + Number(m[2]) : null;
}

export function monthText(month: number): string {
  return `${Math.floor(month / 100)}-${String(month % 100).padStart(2, '0')}`;
}

/** The local month number of an instant in an IANA zone. */
export function localMonth(at: Date | number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(at);
  const year = Number(parts.find((p) => p.type === 'year')?.value);
  const month = Number(parts.find((p) => p.type === 'month')?.value);
  return year * 100 + month;
}

/** The key of the period a month belongs to: `2026-04`, `2026-Q2` or `2026`. */
export function periodKey(month: number, period: DashboardPeriod): string {
  const year = Math.floor(month / 100);
  const m = month % 100;
  if (period === 'year') return String(year);
  if (period === 'quarter') return `${year}-Q${Math.ceil(m / 3)}`;
  return monthText(month);
}

/** Every period key from `from` to `to` (months, inclusive), oldest first. */
export function periodKeys(from: number, to: number, period: DashboardPeriod): string[] {
  const keys: string[] = [];
  for (let m = from; m <= to; m = nextMonth(m)) {
    const key = periodKey(m, period);
    if (keys[keys.length - 1] !== key) keys.push(key);
  }
  return keys;
}

export function nextMonth(month: number): number {
  return month % 100 === 12 ? month + 89 : month + 1;
}

export function addMonths(month: number, count: number): number {
  const index = Math.floor(month / 100) * 12 + (month % 100) - 1 + count;
  return Math.floor(index / 12) * 100 + (index % 12) + 1;
}

/** a / b, or null when b is 0. */
export function share(a: number, b: number): number | null {
  return b ? a / b : null;
}
