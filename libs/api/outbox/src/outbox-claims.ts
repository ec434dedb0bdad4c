import { DataSource, In } from 'typeorm';
import { dialectOf } from '@sigap/api-database';
import { OutboxEntity, type OutboxChannel } from './outbox.entity';

/** How long a claim holds a row; a worker that dies releases its rows after this. */
export const CLAIM_MS = 5 * 60_000;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 6 * 3600_000;

/** Delay before attempt `attempts + 1`: 30 s doubling, capped, with ±20 % jitter. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/**
 * Takes up to `batch` due rows of one channel for `workerId` and answers those it now holds.
 * MariaDB: `FOR UPDATE SKIP LOCKED` under READ COMMITTED, so concurrent claimers skip each
 * other's rows; SQLite (one writer): a conditional UPDATE per row. Every worker of the outbox
 * (mail, webhooks) claims through here, so they share the same leases.
 */
export async function claimOutboxRows(
  dataSource: DataSource,
  options: { channel: OutboxChannel; workerId: string; batch: number; now: Date },
): Promise<OutboxEntity[]> {
  const { channel, workerId, batch, now } = options;
  const until = new Date(now.getTime() + CLAIM_MS);
  const due = (qb: ReturnType<DataSource['createQueryBuilder']>) =>
    qb
      .select('o.id', 'id')
      .from(OutboxEntity, 'o')
      .where("o.status = 'pending'")
      .andWhere('o.channel = :channel', { channel })
      .andWhere('o.next_attempt_at <= :now', { now })
      .andWhere('(o.claimed_until IS NULL OR o.claimed_until < :now)', { now })
      .orderBy('o.next_attempt_at', 'ASC')
      .limit(batch);
  let ids: string[];
  if (dialectOf(dataSource).concurrentWriters) {
    ids = await skipDeadlock(async () =>
      dataSource.transaction('READ COMMITTED', async (manager) => {
        const found: { id: string }[] = await due(manager.createQueryBuilder())
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .getRawMany();
        const taken = found.map((r) => r.id);
        if (taken.length) {
          await manager.update(
            OutboxEntity,
            { id: In(taken) },
            { claimedBy: workerId, claimedUntil: until },
          );
        }
        return taken;
      }),
    );
  } else {
    const found: { id: string }[] = await due(dataSource.createQueryBuilder()).getRawMany();
    ids = [];
    for (const { id } of found) {
      const r = await dataSource
        .createQueryBuilder()
        .update(OutboxEntity)
        .set({ claimedBy: workerId, claimedUntil: until })
        .where("id = :id AND status = 'pending'", { id })
        .andWhere('(claimed_until IS NULL OR claimed_until < :now)', { now })
        .execute();
      if (r.affected) ids.push(id);
    }
  }
  if (!ids.length) return [];
  return dataSource.getRepository(OutboxEntity).find({
    where: { id: In(ids), claimedBy: workerId },
    order: { nextAttemptAt: 'ASC' },
  });
}

/** A deadlock while claiming just means another worker got there: claim nothing this pass. */
async function skipDeadlock(run: () => Promise<string[]>): Promise<string[]> {
  try {
    return await run();
  } catch (error) {
    const code = (error as { driverError?: { errno?: number } })?.driverError?.errno;
    if (code === 1213 || code === 1205) return [];
    throw error;
  }
}
