/**
 * The leases that make one API instance at a time poll each IMAP mailbox (`imap_mailbox_leases`).
 * Taking a lease is one guarded UPDATE (free, run out, or already ours), atomic on MariaDB/MySQL
 * and SQLite alike; renewing only succeeds while the row still names this instance, so an
 * instance that lost its lease (paused past its end while another took over) learns it at once.
 * A holder that dies simply stops renewing and its lease runs out.
 *
 * Times are the instances' own clocks in epoch milliseconds: instances sharing a database are
 * expected to keep their clocks in sync (NTP), as for every other lease.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { DataSource } from 'typeorm';
import { dialectOf } from '@sigap/api-database';

/** Who holds a mailbox's lease and since when. */
export interface LeaseHolding {
  holder: string;
  since: Date;
  expiresAt: Date;
}

/** An id for this process: host and pid for people, a random part so restarts never collide. */
export function newInstanceId(): string {
  return `${hostname().slice(0, 80)}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/** The lease key of a database mailbox (by id, stable across renames) or a configured one. */
export function leaseKey(mailbox: { id: string } | { name: string }): string {
  return 'id' in mailbox ? `db:${mailbox.id}` : `config:${mailbox.name}`;
}

export class MailboxLeases {
  constructor(
    private readonly dataSource: DataSource,
    /** This instance's name in the lease table. */
    readonly instance: string,
  ) {}

  /** Takes the lease for `ttlMs` from `nowMs`; false when another instance holds it. */
  async acquire(key: string, nowMs: number, ttlMs: number): Promise<boolean> {
    await this.dataSource.query(
      dialectOf(this.dataSource).insertIgnore(
        'imap_mailbox_leases',
        ['mailbox_key', 'holder', 'since', 'expires_at'],
        '(?, ?, 0, 0)',
      ),
      [key, ''],
    );
    // `since` first: MariaDB assigns left to right and would otherwise see the new holder.
    return this.write(
      'UPDATE imap_mailbox_leases SET since = CASE WHEN holder = ? THEN since ELSE ? END, holder = ?, expires_at = ? ' +
        'WHERE mailbox_key = ? AND (expires_at <= ? OR holder = ?)',
      [this.instance, nowMs, this.instance, nowMs + ttlMs, key, nowMs, this.instance],
    );
  }

  /** Extends a lease this instance holds; false when another instance has taken it meanwhile. */
  renew(key: string, nowMs: number, ttlMs: number): Promise<boolean> {
    return this.write(
      'UPDATE imap_mailbox_leases SET expires_at = ? WHERE mailbox_key = ? AND holder = ?',
      [nowMs + ttlMs, key, this.instance],
    );
  }

  /** Gives a lease back at once (only when still ours), so another instance need not wait. */
  async release(key: string): Promise<void> {
    await this.write(
      'UPDATE imap_mailbox_leases SET expires_at = 0 WHERE mailbox_key = ? AND holder = ?',
      [key, this.instance],
    );
  }

  /** The leases currently held (not run out), by key. */
  async holdings(nowMs: number): Promise<Map<string, LeaseHolding>> {
    const rows: {
      mailbox_key: string;
      holder: string;
      since: string | number;
      expires_at: string | number;
    }[] = await this.dataSource.query(
      'SELECT mailbox_key, holder, since, expires_at FROM imap_mailbox_leases WHERE expires_at > ?',
      [nowMs],
    );
    return new Map(
      rows.map((r) => [
        r.mailbox_key,
        {
          holder: r.holder,
          since: new Date(Number(r.since)),
          expiresAt: new Date(Number(r.expires_at)),
        },
      ]),
    );
  }

  private async write(sql: string, params: unknown[]): Promise<boolean> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const result = await runner.query(sql, params, true);
      return Number(result.affected ?? 0) > 0;
    } finally {
      await runner.release();
    }
  }
}
