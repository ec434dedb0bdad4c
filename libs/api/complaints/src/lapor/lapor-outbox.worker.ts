import { randomBytes } from 'node:crypto';
import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@sigap/api-clock';
import { AppConfig } from '@sigap/api-config';
import { backoffMs, claimOutboxRows, OutboxEntity } from '@sigap/api-outbox';
import { LaporError, LaporGateway } from './lapor-gateway';
import type { LaporOutboxPayload } from './lapor-outbound';

export interface LaporOutboxRun {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
}

/**
 * Sends the outbox's `lapor` rows (answers and status changes) to SP4N-LAPOR!: claims them as the
 * other outbox workers do (several instances safe), and when LAPOR! cannot be reached tries
 * again after an exponential backoff with jitter until `SIGAP_OUTBOX_MAX_ATTEMPTS`. A refusal
 * LAPOR! means (a 4xx) is not tried again. Each row carries its own key, so a repeat after a
 * lost answer is taken once.
 */
@Injectable()
export class LaporOutboxWorker implements OnModuleInit, OnModuleDestroy {
  readonly id = `l-${randomBytes(6).toString('hex')}`;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<LaporOutboxRun> | null = null;
  private readonly log = new Logger('LaporOutbox');

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly lapor: LaporGateway,
  ) {}

  onModuleInit(): void {
    const seconds = this.config.outboxIntervalSeconds;
    if (seconds > 0 && this.lapor.available) {
      this.timer = setInterval(() => {
        if (!this.running) void this.runOnce().catch((e) => this.log.error(String(e)));
      }, seconds * 1000);
    }
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  runOnce(batch = 20): Promise<LaporOutboxRun> {
    if (this.running) return this.running;
    this.running = this.deliver(batch).finally(() => (this.running = null));
    return this.running;
  }

  private async deliver(batch: number): Promise<LaporOutboxRun> {
    const result: LaporOutboxRun = { claimed: 0, sent: 0, retried: 0, failed: 0 };
    const rows = await claimOutboxRows(this.dataSource, {
      channel: 'lapor',
      workerId: this.id,
      batch,
      now: this.clock.now(),
    });
    result.claimed = rows.length;
    for (const row of rows) result[await this.deliverOne(row)]++;
    return result;
  }

  private async deliverOne(row: OutboxEntity): Promise<'sent' | 'retried' | 'failed'> {
    let error: LaporError | null = null;
    try {
      const payload = JSON.parse(row.payload) as LaporOutboxPayload;
      await this.lapor.respond(payload.trackingId, payload.response);
    } catch (e) {
      error = e instanceof LaporError ? e : new LaporError('galat tak terduga');
    }
    const attempts = row.attempts + 1;
    const now = this.clock.now();
    const where = { id: row.id, claimedBy: this.id };
    const release = { claimedBy: null, claimedUntil: null, attempts };
    if (!error) {
      await this.dataSource.manager.update(OutboxEntity, where, {
        ...release,
        status: 'sent',
        sentAt: now,
        lastError: null,
      });
      return 'sent';
    }
    const message = error.message.slice(0, 500);
    if (error.retryable && attempts < this.config.outboxMaxAttempts) {
      await this.dataSource.manager.update(OutboxEntity, where, {
        ...release,
        lastError: message,
        nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)),
      });
      this.log.warn(`kiriman SP4N-LAPOR! ${row.id} gagal (percobaan ${attempts}): ${message}`);
      return 'retried';
    }
    await this.dataSource.manager.update(OutboxEntity, where, {
      ...release,
      status: 'failed',
      lastError: message,
    });
    this.log.warn(`kiriman SP4N-LAPOR! ${row.id} gagal permanen: ${message}`);
    return 'failed';
  }
}
