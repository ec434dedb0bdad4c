/**
 * Slows down password guessing, per e-mail and per client address. The counts live in the
 * database (`SharedRateLimiter`, keys stored only as hashes), so every API instance on one
 * database shares them.
 *
 * Every attempt counts as a failure from the moment it starts, so parallel requests cannot
 * slip past the count while a password is being checked; a success gives its own attempt back
 * and clears the e-mail's count.
 */
import { SharedRateLimiter, type RateLimit, type RateTicket } from '@sigap/api-common';

/** The counters' family name in `rate_limit_windows`. */
export const LOGIN_BUCKET = 'login';

export interface LoginLimiterOptions {
  /** Failures in the window after which attempts are refused (429). */
  maxFailures: number;
  /** Failures allowed without delay. */
  freeFailures: number;
  /** Delay after the first non-free failure; doubles each time, capped at `maxDelayMs`. */
  delayMs: number;
  maxDelayMs?: number;
  windowMs: number;
}

export type LimiterDecision =
  | { allowed: true; delayMs: number; ticket: AttemptTicket }
  | { allowed: false; retryAfterSeconds: number };

/** The hits one attempt took, per key. */
export interface AttemptTicket {
  taken: { key: string; ticket: RateTicket }[];
}

export class LoginLimiter {
  private readonly rule: RateLimit;
  private readonly maxDelayMs: number;

  constructor(
    private readonly shared: SharedRateLimiter,
    private readonly options: LoginLimiterOptions,
  ) {
    this.rule = { bucket: LOGIN_BUCKET, limit: options.maxFailures, windowMs: options.windowMs };
    this.maxDelayMs = options.maxDelayMs ?? 5_000;
  }

  /**
   * Decides on an attempt for these keys (e.g. `email:a@b`, `ip:1.2.3.4`) and counts it on
   * each; refused (and nothing counted) when any key is at the limit.
   */
  async begin(keys: string[]): Promise<LimiterDecision> {
    const taken: AttemptTicket['taken'] = [];
    let worst = 0;
    for (const key of keys) {
      const result = await this.shared.take(this.rule, key);
      if (!result.allowed) {
        for (const t of taken) await this.shared.giveBack(t.ticket);
        return { allowed: false, retryAfterSeconds: result.retryAfterSeconds };
      }
      taken.push({ key, ticket: result.ticket });
      worst = Math.max(worst, result.countedBefore);
    }
    const beyondFree = worst - this.options.freeFailures;
    const delayMs =
      beyondFree < 0 ? 0 : Math.min(this.maxDelayMs, this.options.delayMs * 2 ** beyondFree);
    return { allowed: true, delayMs, ticket: { taken } };
  }

  /** A successful sign-in: gives this attempt back, and forgets the `clearKeys` entirely. */
  async succeed(ticket: AttemptTicket, clearKeys: string[]): Promise<void> {
    for (const { key, ticket: hit } of ticket.taken)
      if (!clearKeys.includes(key)) await this.shared.giveBack(hit);
    for (const key of clearKeys) await this.shared.reset(LOGIN_BUCKET, key);
  }

  /** Failures currently counted for a key. */
  count(key: string): Promise<number> {
    return this.shared.count(this.rule, key);
  }
}
