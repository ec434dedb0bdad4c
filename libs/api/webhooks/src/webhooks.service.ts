import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { CreatedWebhook, WebhookDeliveryView, WebhookView } from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '@sigap/api-audit';
import { Clock } from '@sigap/api-clock';
import { AppConfig } from '@sigap/api-config';
import { OfficeDirectory, type AuthUser } from '@sigap/api-identity';
import { OutboxEntity } from '@sigap/api-outbox';
import { refusalOf, type AddressPolicy } from './address-policy';
import type { CreateWebhookDto } from './webhook.dto';
import { WebhookEntity } from './webhook.entity';
import { WebhookError } from './webhook-error';

/** Deliveries shown per webhook, newest first. */
export const DELIVERY_LOG_LIMIT = 100;

function toView(w: WebhookEntity): WebhookView {
  return {
    id: w.id,
    url: w.url,
    events: w.events,
    office: w.officeCode,
    active: w.active,
    createdAt: w.createdAt.toISOString(),
  };
}

function toDelivery(r: OutboxEntity): WebhookDeliveryView {
  let event = '';
  try {
    event = String((JSON.parse(r.payload) as { event?: unknown }).event ?? '');
  } catch {
    // A row that cannot be read shows without its event.
  }
  return {
    id: r.id,
    event,
    ticket: r.ticketNumber ?? null,
    status: r.status,
    attempts: r.attempts,
    responseCode: r.responseCode ?? null,
    lastError: r.lastError ?? null,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
    nextAttemptAt: r.status === 'pending' ? r.nextAttemptAt.toISOString() : null,
  };
}

/** Webhook subscriptions and their delivery log, for administrators. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly offices: OfficeDirectory,
  ) {}

  private policy(): AddressPolicy {
    return { enforce: this.config.isProduction, allowedHosts: this.config.webhookAllowedHosts };
  }

  async create(input: CreateWebhookDto, actor: AuthUser): Promise<CreatedWebhook> {
    const url = new URL(input.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw WebhookError.field('url', 'hanya http atau https');
    }
    if (url.username || url.password) {
      throw WebhookError.field('url', 'tanpa nama pengguna atau kata sandi di alamat');
    }
    const refused = await refusalOf(url, this.policy());
    if (refused) throw WebhookError.field('url', refused);
    const office = input.office ?? null;
    if (office && !(await this.offices.exists(office))) throw this.offices.notFound(office);
    const row: WebhookEntity = {
      id: randomUUID(),
      url: url.toString(),
      events: [...input.events],
      officeCode: office,
      secret: `whsec_${randomBytes(32).toString('base64url')}`,
      active: true,
      createdBy: actor.id,
      createdAt: this.clock.now(),
    };
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(WebhookEntity, row);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'webhook.created',
          entityType: 'webhook',
          entityId: row.id,
          after: { url: row.url, events: row.events, office: row.officeCode },
        },
        manager,
      );
    });
    return { id: row.id, secret: row.secret };
  }

  async list(): Promise<WebhookView[]> {
    const rows = await this.dataSource
      .getRepository(WebhookEntity)
      .find({ order: { createdAt: 'DESC' } });
    return rows.map(toView);
  }

  /** Turns deliveries on or off; while off, its events are not queued and queued ones fail. */
  async setActive(id: string, active: boolean, actor: AuthUser): Promise<WebhookView> {
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(WebhookEntity, { where: { id } });
      if (!row) throw new WebhookError('webhook.not_found', `Webhook "${id}" tidak ada.`);
      if (row.active !== active) {
        await manager.update(WebhookEntity, { id }, { active });
        await this.audit.record(
          {
            actorId: actor.id,
            action: active ? 'webhook.enabled' : 'webhook.disabled',
            entityType: 'webhook',
            entityId: id,
          },
          manager,
        );
      }
      return toView({ ...row, active });
    });
  }

  /** Deletes the webhook; its queued deliveries end as failed, its log stays readable. */
  async remove(id: string, actor: AuthUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(WebhookEntity, { where: { id } });
      if (!row) throw new WebhookError('webhook.not_found', `Webhook "${id}" tidak ada.`);
      await manager.delete(WebhookEntity, { id });
      await manager.update(
        OutboxEntity,
        { channel: 'webhook', recipient: id, status: 'pending' },
        {
          status: 'failed',
          lastError: 'webhook sudah dihapus',
          claimedBy: null,
          claimedUntil: null,
        },
      );
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'webhook.deleted',
          entityType: 'webhook',
          entityId: id,
          before: { url: row.url, events: row.events, office: row.officeCode },
        },
        manager,
      );
    });
  }

  async deliveries(id: string): Promise<WebhookDeliveryView[]> {
    const exists = await this.dataSource.getRepository(WebhookEntity).exists({ where: { id } });
    if (!exists) throw new WebhookError('webhook.not_found', `Webhook "${id}" tidak ada.`);
    const rows = await this.dataSource.getRepository(OutboxEntity).find({
      where: { channel: 'webhook', recipient: id },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: DELIVERY_LOG_LIMIT,
    });
    return rows.map(toDelivery);
  }

  /**
   * Sends a delivery again (same body, same `X-Sigap-Delivery`), whatever became of it: a new
   * series of attempts starting now. A delivery still queued is refused (409): it is on its way.
   */
  async redeliver(id: string, deliveryId: string, actor: AuthUser): Promise<WebhookDeliveryView> {
    return this.dataSource.transaction(async (manager) => {
      const hook = await manager.findOne(WebhookEntity, { where: { id } });
      if (!hook) throw new WebhookError('webhook.not_found', `Webhook "${id}" tidak ada.`);
      const row = await manager.findOne(OutboxEntity, {
        where: { id: deliveryId, channel: 'webhook', recipient: id },
      });
      if (!row) {
        throw new WebhookError(
          'webhook.delivery_not_found',
          `Pengiriman "${deliveryId}" tidak ada pada webhook ini.`,
        );
      }
      if (row.status === 'pending') {
        throw new WebhookError(
          'webhook.delivery_pending',
          'Pengiriman ini masih dalam antrean; tunggu hasilnya dahulu.',
        );
      }
      const now = this.clock.now();
      const changes = {
        status: 'pending' as const,
        attempts: 0,
        nextAttemptAt: now,
        claimedBy: null,
        claimedUntil: null,
      };
      const done = await manager.update(
        OutboxEntity,
        { id: deliveryId, status: row.status },
        changes,
      );
      if (!done.affected) {
        throw new WebhookError('webhook.delivery_pending', 'Pengiriman ini baru saja berubah.');
      }
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'webhook.redelivered',
          entityType: 'webhook',
          entityId: id,
          after: { delivery: deliveryId },
        },
        manager,
      );
      return toDelivery({ ...row, ...changes });
    });
  }
}
