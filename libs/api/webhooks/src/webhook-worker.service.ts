import { randomBytes } from 'node:crypto';
import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@sigap/api-clock';
import { AppConfig } from '@sigap/api-config';
import { backoffMs, claimOutboxRows, OutboxEntity } from '@sigap/api-outbox';
import type { AddressPolicy } from './address-policy';
import { sendWebhook, type WebhookAttempt } from './webhook-sender';
import type { WebhookDeliveryPayload } from './webhook-outbox';
import { WebhookEntity } from './webhook.entity';

export interface WebhookRunResult {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
}

/**
 * Delivers the outbox's webhook rows: claims them as the mail worker claims mail (same leases,
 * several instances safe), POSTs each, and on failure tries again after an exponential backoff
 * with jitter until `SIGAP_OUTBOX_MAX_ATTEMPTS`; a refused target, a redirect or a 4xx is not
 * tried again. Delivery is at least once: receivers drop a repeated `X-Sigap-Delivery`.
 */
@Injectable()
export class WebhookWorker implements OnModuleInit, OnModuleDestroy {
  readonly id = `h-${randomBytes(6).toString('hex')}`;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<WebhookRunResult> | null = null;
  private readonly log = new Logger('WebhookWorker');

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    const seconds = this.config.outboxIntervalSeconds;
    if (seconds > 0) {
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

  /** The rules the sender applies now (read at each delivery, as the configuration says). */
  policy(): AddressPolicy {
    return {
      enforce: this.config.isProduction,
      allowedHosts: this.config.webhookAllowedHosts,
    };
  }

  runOnce(batch = 20): Promise<WebhookRunResult> {
    if (this.running) return this.running;
    this.running = this.deliver(batch).finally(() => (this.running = null));
    return this.running;
  }

  /** Runs passes until nothing due is left (tests, shutdown). */
  async drain(maxPasses = 50): Promise<WebhookRunResult> {
    const total: WebhookRunResult = { claimed: 0, sent: 0, retried: 0, failed: 0 };
    for (let i = 0; i < maxPasses; i++) {
      const r = await this.runOnce();
      total.claimed += r.claimed;
      total.sent += r.sent;
      total.retried += r.retried;
      total.failed += r.failed;
      if (!r.claimed) break;
    }
    return total;
  }

  private async deliver(batch: number): Promise<WebhookRunResult> {
    const result: WebhookRunResult = { claimed: 0, sent: 0, retried: 0, failed: 0 };
    const rows = await claimOutboxRows(this.dataSource, {
      channel: 'webhook',
      workerId: this.id,
      batch,
      now: this.clock.now(),
    });
    result.claimed = rows.length;
    for (const row of rows) result[await this.deliverOne(row)]++;
    return result;
  }

  private async deliverOne(row: OutboxEntity): Promise<'sent' | 'retried' | 'failed'> {
    let attempt: WebhookAttempt;
    try {
      const payload = JSON.parse(row.payload) as Partial<WebhookDeliveryPayload>;
      const hook = payload.webhookId
        ? await this.dataSource
            .getRepository(WebhookEntity)
            .findOne({ where: { id: payload.webhookId } })
        : null;
      if (!hook || !hook.active || typeof payload.body !== 'string') {
        attempt = {
          ok: false,
          status: null,
          error: hook ? 'webhook dinonaktifkan' : 'webhook sudah dihapus',
          retryable: false,
        };
      } else {
        attempt = await sendWebhook(
          {
            url: hook.url,
            body: payload.body,
            secret: hook.secret,
            event: String(payload.event ?? ''),
            deliveryId: row.id,
          },
          this.policy(),
          this.config.webhookTimeoutMs,
        );
      }
    } catch (error) {
      attempt = { ok: false, status: null, error: String(error).slice(0, 300), retryable: true };
    }
    return this.record(row, attempt);
  }

  private async record(
    row: OutboxEntity,
    attempt: WebhookAttempt,
  ): Promise<'sent' | 'retried' | 'failed'> {
    const attempts = row.attempts + 1;
    const now = this.clock.now();
    const release = { claimedBy: null, claimedUntil: null, attempts, responseCode: attempt.status };
    const where = { id: row.id, claimedBy: this.id };
    if (attempt.ok) {
      await this.dataSource.manager.update(OutboxEntity, where, {
        ...release,
        status: 'sent',
        sentAt: now,
        lastError: null,
      });
      return 'sent';
    }
    const error = (attempt.error ?? 'gagal').slice(0, 500);
    if (attempt.retryable && attempts < this.config.outboxMaxAttempts) {
      await this.dataSource.manager.update(OutboxEntity, where, {
        ...release,
        lastError: error,
        nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)),
      });
      this.log.warn(`webhook ${row.id} gagal (percobaan ${attempts}): ${error}`);
      return 'retried';
    }
    await this.dataSource.manager.update(OutboxEntity, where, {
      ...release,
      status: 'failed',
      lastError: error,
    });
    this.log.warn(`webhook ${row.id} gagal permanen: ${error}`);
    return 'failed';
  }
}
