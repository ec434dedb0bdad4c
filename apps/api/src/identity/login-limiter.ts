/**
 * Slows down password guessing, per e-mail and per client address. In memory, per instance:
 * several API instances each keep their own counts (acceptable for one office's deployment;
 * a shared store is needed before scaling out).
 *
 * Every attempt counts as a failure from the moment it starts, so parallel requests cannot
 * slip past the count while a password is being checked; a success clears the e-mail's count.
 */
export interface LoginLimiterOptions {
  /** Failures in the window after which attempts are refused (429). */
  maxFailures: number;
  /** Failures allowed without delay. */
  freeFailures: number;
  /** Delay after the first non-free failure; doubles each time, capped at `maxDelayMs`. */
  delayMs: number;
  maxDelayMs?: number;
  windowMs: number;
  /** Keys remembered at most (oldest dropped first). */
  maxKeys?: number;
  now?: () => number;
}

export type LimiterDecision =
  | { allowed: true; delayMs: number; ticket: AttemptTicket }
  | { allowed: false; retryAfterSeconds: number };

export interface AttemptTicket {
  keys: string[];
  at: number;
}

export class LoginLimiter {
  private readonly attempts = new Map<string, number[]>();
  private readonly now: () => number;
  private readonly maxDelayMs: number;
  private readonly maxKeys: number;

  constructor(private readonly options: LoginLimiterOptions) {
    this.now = options.now ?? Date.now;
    this.maxDelayMs = options.maxDelayMs ?? 5_000;
    this.maxKeys = options.maxKeys ?? 50_000;
  }

  /** Decides on an attempt for these keys (e.g. `email:a@b`, `ip:1.2.3.4`) and records it. */
  begin(keys: string[]): LimiterDecision {
    const now = this.now();
    let worst: number[] = [];
    for (const key of keys) {
      const recent = this.recent(key, now);
      if (recent.length > worst.length) worst = recent;
    }
    if (worst.length >= this.options.maxFailures) {
      // Refused until enough failures leave the window to bring the count under the limit.
      const freeingIndex = worst.length - this.options.maxFailures;
      const retryAt = worst[freeingIndex] + this.options.windowMs;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((retryAt - now) / 1000)) };
    }
    const beyondFree = worst.length - this.options.freeFailures;
    for (const key of keys) this.push(key, now);
    const delayMs =
      beyondFree < 0 ? 0 : Math.min(this.maxDelayMs, this.options.delayMs * 2 ** beyondFree);
    return { allowed: true, delayMs, ticket: { keys, at: now } };
  }

  /** A successful sign-in: forget this attempt, and the e-mail's earlier failures. */
  succeed(ticket: AttemptTicket, clearKeys: string[]): void {
    for (const key of ticket.keys) {
      const list = this.attempts.get(key);
      if (!list) continue;
      const index = list.lastIndexOf(ticket.at);
      if (index >= 0) list.splice(index, 1);
      if (!list.length) this.attempts.delete(key);
    }
    for (const key of clearKeys) this.attempts.delete(key);
  }

  /** Failures currently counted for a key. */
  count(key: string): number {
    return this.recent(key, this.now()).length;
  }

  private recent(key: string, now: number): number[] {
    const list = this.attempts.get(key);
    if (!list) return [];
    const cutoff = now - this.options.windowMs;
    while (list.length && list[0] <= cutoff) list.shift();
    if (!list.length) this.attempts.delete(key);
    return list;
  }

  private push(key: string, now: number): void {
    const list = this.attempts.get(key);
    if (list) {
      list.push(now);
      // Refresh insertion order so the oldest-touched keys are dropped first.
      this.attempts.delete(key);
      this.attempts.set(key, list);
    } else {
      this.attempts.set(key, [now]);
    }
    while (this.attempts.size > this.maxKeys) {
      const oldest = this.attempts.keys().next().value as string;
      this.attempts.delete(oldest);
    }
  }
}
