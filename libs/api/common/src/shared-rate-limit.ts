/**
 * Rate limits kept in the database, so every API instance on one database counts the same hits
 * (MariaDB/MySQL and the embedded SQLite alike). A limit is a sliding window approximated from
 * two fixed windows: the hits of the current window plus the previous window's hits weighted by
 * the part of it still inside the sliding window. A hit is taken with one guarded UPDATE
 * (`hits < budget`), so two instances at once cannot both take the last one.
 *
 * Keys (client addresses, e-mail addresses) are stored only as SHA-256 hashes with the bucket's
 * name; old windows are deleted as the counters go by.
 */
import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@sigap/api-clock';
import { dialectOf } from '@sigap/api-database';

export interface RateLimit {
  /** Name of the counter family, e.g. `complaint-ip` (at most 40 characters). */
  bucket: string;
  limit: number;
  windowMs: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** One hit taken, to give back later (`giveBack`), e.g. an attempt that turned out fine. */
export interface RateTicket {
  bucket: string;
  keyHash: string;
  windowStart: number;
}

/** A hit with what was counted before it (the sliding-window estimate) and its ticket. */
export type RateTake =
  | { allowed: true; countedBefore: number; ticket: RateTicket }
  | { allowed: false; retryAfterSeconds: number };

/** Old windows are swept once per this many hits of an instance. */
const SWEEP_EVERY = 200;

export function rateKeyHash(bucket: string, key: string): string {
  return createHash('sha256').update(`${bucket}\u0000${key}`).digest('hex');
}

@Injectable()
export class SharedRateLimiter {
  private hitsSinceSweep = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Takes one hit for the key unless it is over the limit (then nothing is counted). */
  async hit(rule: RateLimit, key: string): Promise<RateDecision> {
    const taken = await this.take(rule, key);
    return taken.allowed ? { allowed: true } : taken;
  }

  /**
   * Like `hit`, and also answers the hits counted before this one (current window plus the
   * weighted previous one, as read just before) and a ticket for `giveBack`.
   */
  async take(rule: RateLimit, key: string): Promise<RateTake> {
    const now = this.clock.nowMs();
    const { bucket, limit, windowMs } = rule;
    const hash = rateKeyHash(bucket, key);
    const start = Math.floor(now / windowMs) * windowMs;
    const previousStart = start - windowMs;
    const rows: { window_start: number | string; hits: number | string }[] =
      await this.dataSource.query(
        'SELECT window_start, hits FROM rate_limit_windows WHERE bucket = ? AND key_hash = ? AND window_start IN (?, ?)',
        [bucket, hash, previousStart, start],
      );
    const previous = Number(rows.find((r) => Number(r.window_start) === previousStart)?.hits ?? 0);
    const weight = (windowMs - (now - start)) / windowMs;
    const budget = limit - Math.floor(previous * weight);
    const read = Number(rows.find((r) => Number(r.window_start) === start)?.hits ?? 0);

    if (budget > 0) {
      await this.ensureRow(bucket, hash, start, start + 2 * windowMs);
      const taken = await this.write(
        'UPDATE rate_limit_windows SET hits = hits + 1 WHERE bucket = ? AND key_hash = ? AND window_start = ? AND hits < ?',
        [bucket, hash, start, budget],
      );
      if (taken > 0) {
        await this.maybeSweep(now);
        return {
          allowed: true,
          countedBefore: Math.floor(previous * weight) + read,
          ticket: { bucket, keyHash: hash, windowStart: start },
        };
      }
    }
    // Refused: the current window holds at least what the budget allowed.
    const current = Math.max(read, budget);
    return {
      allowed: false,
      retryAfterSeconds: retryAfter(now, start, windowMs, limit, previous, current),
    };
  }

  /** Takes back one hit counted with `take` (nothing when its window is already gone). */
  async giveBack(ticket: RateTicket): Promise<void> {
    await this.dataSource.query(
      'UPDATE rate_limit_windows SET hits = hits - 1 WHERE bucket = ? AND key_hash = ? AND window_start = ? AND hits > 0',
      [ticket.bucket, ticket.keyHash, ticket.windowStart],
    );
  }

  /** The hits counted for a key now (the sliding-window estimate), without taking one. */
  async count(rule: RateLimit, key: string): Promise<number> {
    const now = this.clock.nowMs();
    const start = Math.floor(now / rule.windowMs) * rule.windowMs;
    const rows: { window_start: number | string; hits: number | string }[] =
      await this.dataSource.query(
        'SELECT window_start, hits FROM rate_limit_windows WHERE bucket = ? AND key_hash = ? AND window_start IN (?, ?)',
        [rule.bucket, rateKeyHash(rule.bucket, key), start - rule.windowMs, start],
      );
    const hitsAt = (at: number) =>
      Number(rows.find((r) => Number(r.window_start) === at)?.hits ?? 0);
    const weight = (rule.windowMs - (now - start)) / rule.windowMs;
    return Math.floor(hitsAt(start - rule.windowMs) * weight) + hitsAt(start);
  }

  /** Forgets a key's hits (e.g. after a test or an administrator's unlock). */
  async reset(bucket: string, key: string): Promise<void> {
    await this.dataSource.query(
      'DELETE FROM rate_limit_windows WHERE bucket = ? AND key_hash = ?',
      [bucket, rateKeyHash(bucket, key)],
    );
  }

  private async ensureRow(bucket: string, hash: string, start: number, expiresAt: number) {
    await this.dataSource.query(
      dialectOf(this.dataSource).insertIgnore(
        'rate_limit_windows',
        ['bucket', 'key_hash', 'window_start', 'hits', 'expires_at'],
        '(?, ?, ?, 0, ?)',
      ),
      [bucket, hash, start, expiresAt],
    );
  }

  /** Runs a write and answers the rows it changed (both drivers). */
  private async write(sql: string, params: unknown[]): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const result = await runner.query(sql, params, true);
      return Number(result.affected ?? 0);
    } finally {
      await runner.release();
    }
  }

  private async maybeSweep(now: number): Promise<void> {
    if (++this.hitsSinceSweep < SWEEP_EVERY) return;
    this.hitsSinceSweep = 0;
    await this.dataSource.query('DELETE FROM rate_limit_windows WHERE expires_at < ?', [now]);
  }
}

/**
 * Seconds until a hit would be allowed again: when the current window alone is full, its end;
 * else the moment the previous window's weight has dropped enough.
 */
function retryAfter(
  now: number,
  start: number,
  windowMs: number,
  limit: number,
  previous: number,
  current: number,
): number {
  let at = start + windowMs;
  if (current < limit && previous > 0) {
    const weightNeeded = (limit - current) / previous;
    at = Math.min(at, start + windowMs * (1 - weightNeeded));
  }
  return Math.max(1, Math.ceil((at - now) / 1000));
}
