/**
 * A named lease in the database (`job_leases`): one API instance at a time holds it until it
 * expires or is released, so a scheduled job runs once per beat however many instances share
 * the database. Taking it is one guarded UPDATE (free, expired, or already ours), atomic on
 * MariaDB/MySQL and SQLite alike; a crashed holder's lease simply runs out.
 */
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dialectOf } from './dialect';

export class JobLease {
  /** Who this instance is in the lease table. */
  readonly holder = randomUUID();

  constructor(
    private readonly dataSource: DataSource,
    readonly name: string,
  ) {}

  /** Takes (or renews) the lease for `ttlMs` from `nowMs`; false when another holds it. */
  async acquire(nowMs: number, ttlMs: number): Promise<boolean> {
    await this.dataSource.query(
      dialectOf(this.dataSource).insertIgnore(
        'job_leases',
        ['name', 'holder', 'expires_at'],
        '(?, ?, 0)',
      ),
      [this.name, ''],
    );
    const changed = await this.write(
      'UPDATE job_leases SET holder = ?, expires_at = ? WHERE name = ? AND (expires_at <= ? OR holder = ?)',
      [this.holder, nowMs + ttlMs, this.name, nowMs, this.holder],
    );
    return changed > 0;
  }

  /**
   * Takes the lease for one beat of a job running every `beatSeconds` (at least `minBeatSeconds`):
   * it lasts most of a beat, so the next beat of any instance finds it expired.
   */
  acquireForBeat(nowMs: number, beatSeconds: number, minBeatSeconds = 1): Promise<boolean> {
    const beatMs = Math.max(beatSeconds, minBeatSeconds) * 1000;
    return this.acquire(nowMs, Math.max(1000, Math.floor(beatMs * 0.9)));
  }

  /** Gives the lease back early (only when still ours). */
  async release(): Promise<void> {
    await this.write('UPDATE job_leases SET expires_at = 0 WHERE name = ? AND holder = ?', [
      this.name,
      this.holder,
    ]);
  }

  private async write(sql: string, params: unknown[]): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const result = await runner.query(sql, params, true);
      return Number(result.affected ?? 0);
    } finally {
      await runner.release();
    }
  }
}
