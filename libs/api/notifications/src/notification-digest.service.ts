import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, In, IsNull, LessThan } from 'typeorm';
import { Clock } from '@sigap/api-clock';
import { PeriodicJob } from '@sigap/api-common';
import { AppConfig } from '@sigap/api-config';
import { JobLease } from '@sigap/api-database';
import { OutboxService } from '@sigap/api-outbox';
import { lastDigestCutoff } from './digest-time';
import { NotificationEntity } from './notification.entity';
import { DIGEST_HOUR } from './notifications.service';

export const DIGEST_LEASE = 'notification-digest';
/** Seconds between the digest job's beats. */
export const DIGEST_BEAT_SECONDS = 300;
/** At most this many notifications listed in one digest (the rest are in the bell). */
export const DIGEST_MAX_ITEMS = 50;

export interface DigestRun {
  ran: boolean;
  /** Digest mails queued. */
  mails: number;
}

/**
 * The daily digest: every day at 07:00 in the user's office zone (Asia/Jakarta for a user with
 * no office), one mail listing the notifications of the kinds they set to `digest` that are
 * still unread and were made before that hour and since the last digest. Every day, not only on
 * working days: a step may breach on a Saturday, and a digest with nothing in it is never sent.
 *
 * Safe with several API instances: one beat at a time holds the `notification-digest` lease,
 * and each user's rows are marked `digested_at` with a guarded update in the transaction that
 * queues their mail, so a row is never listed in two digests.
 */
@Injectable()
export class NotificationDigestService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('NotificationDigest');
  private readonly lease: JobLease;
  private readonly job = new PeriodicJob<DigestRun>(() => this.tick(), 'notification-digest');

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    this.lease = new JobLease(dataSource, DIGEST_LEASE);
  }

  onApplicationBootstrap(): void {
    if (this.config.nodeEnv !== 'test') this.job.start(DIGEST_BEAT_SECONDS * 1000);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.job.shutdown();
  }

  get started(): boolean {
    return this.job.started;
  }

  private async tick(): Promise<void> {
    if (this.job.busy) return;
    try {
      const run = await this.runOnce();
      if (run.mails) this.log.log(`ringkasan notifikasi: ${run.mails} e-mail`);
    } catch (error) {
      this.log.error(`ringkasan notifikasi gagal: ${(error as Error).message}`);
    }
  }

  /** One beat: takes the lease, then queues every digest due at `Clock.now()`. */
  runOnce(): Promise<DigestRun> {
    return this.job.track(this.beat());
  }

  private async beat(): Promise<DigestRun> {
    const now = this.clock.now();
    if (!(await this.lease.acquireForBeat(now.getTime(), DIGEST_BEAT_SECONDS)))
      return { ran: false, mails: 0 };
    try {
      return { ran: true, mails: await this.sendDue(now) };
    } finally {
      await this.lease.release();
    }
  }

  private async sendDue(now: Date): Promise<number> {
    const waiting: { userId: string; timeZone: string | null }[] = await this.dataSource.query(
      `SELECT DISTINCT n.user_id AS userId, o.time_zone AS timeZone
         FROM notifications n
         JOIN users u ON u.id = n.user_id
         LEFT JOIN offices o ON o.code = u.office_code
        WHERE n.channel = 'digest' AND n.digested_at IS NULL AND n.read_at IS NULL AND u.active = ?`,
      [true],
    );
    let mails = 0;
    for (const user of waiting) {
      const cutoff = lastDigestCutoff(now, user.timeZone || 'Asia/Jakarta', DIGEST_HOUR);
      if (await this.sendOne(user.userId, cutoff, now)) mails++;
    }
    return mails;
  }

  /** One user's digest: false when nothing is due (or another instance took it). */
  private sendOne(userId: string, cutoff: { at: Date; date: string }, now: Date): Promise<boolean> {
    return this.dataSource
      .transaction(async (manager) => {
        const rows = await manager.find(NotificationEntity, {
          select: { id: true },
          where: {
            userId,
            channel: 'digest',
            digestedAt: IsNull(),
            readAt: IsNull(),
            createdAt: LessThan(cutoff.at),
          },
          order: { createdAt: 'ASC' },
        });
        if (!rows.length) return false;
        const ids = rows.map((r) => r.id);
        const marked = await manager
          .createQueryBuilder()
          .update(NotificationEntity)
          .set({ digestedAt: now })
          .where({ id: In(ids), digestedAt: IsNull() })
          .execute();
        if (Number(marked.affected ?? 0) !== ids.length) throw new DigestTaken(userId);
        await this.outbox.enqueue(
          [
            {
              kind: 'notification.digest',
              payload: {
                userId,
                date: cutoff.date,
                ids: ids.slice(-DIGEST_MAX_ITEMS),
                total: ids.length,
              },
            },
          ],
          now,
          manager,
        );
        return true;
      })
      .catch((error: unknown) => {
        if (error instanceof DigestTaken) return false;
        throw error;
      });
  }
}

/** Another instance digested some of the user's rows meanwhile: this one rolls back. */
class DigestTaken extends Error {
  constructor(userId: string) {
    super(`digest of ${userId} taken`);
  }
}
