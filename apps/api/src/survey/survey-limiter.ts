/**
 * A fixed-window counter per client address for the public survey endpoints: a link is
 * unguessable, so this only keeps one client from flooding them. In memory, per instance.
 */
export class SurveyLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts a request; returns the seconds to wait when over the limit, else null. */
  hit(key: string, now: number): number | null {
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count++;
    if (this.windows.size > 10_000) this.sweep(now);
    if (w.count <= this.limit) return null;
    return Math.max(1, Math.ceil((w.start + this.windowMs - now) / 1000));
  }

  private sweep(now: number): void {
    for (const [key, w] of this.windows)
      if (now - w.start >= this.windowMs) this.windows.delete(key);
  }
}
