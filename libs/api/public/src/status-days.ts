import { worseHealth, type PublicStatusDay, type ServiceHealth } from '@sigap/contracts';

/** `YYYY-MM-DD` of an instant in a zone. */
export function localDay(at: Date | number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** The `count` calendar dates ending with `last` (`YYYY-MM-DD`), oldest first. */
export function daysEndingOn(last: string, count: number): string[] {
  const [y, m, d] = last.split('-').map(Number);
  const end = Date.UTC(y, m - 1, d);
  const days: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    days.push(new Date(end - i * 86_400_000).toISOString().slice(0, 10));
  }
  return days;
}

/** A span a service spent in a state: from its report to its restoration (or now). */
export interface HealthSpan {
  from: Date;
  to: Date;
  state: Exclude<ServiceHealth, 'normal'>;
}

/**
 * Each day's worst state: a day any span touches (in the office's zone) takes the worst state
 * among them; other days are normal.
 */
export function dailyHealth(
  days: readonly string[],
  spans: readonly HealthSpan[],
  timeZone: string,
): PublicStatusDay[] {
  const worst = new Map<string, ServiceHealth>();
  const first = days[0];
  const last = days[days.length - 1];
  for (const span of spans) {
    const start = localDay(span.from, timeZone);
    const end = localDay(span.to, timeZone);
    if (end < first || start > last) continue;
    for (const day of days) {
      if (day < start || day > end) continue;
      worst.set(day, worseHealth(worst.get(day) ?? 'normal', span.state));
    }
  }
  return days.map((date) => ({ date, state: worst.get(date) ?? 'normal' }));
}
