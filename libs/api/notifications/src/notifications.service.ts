import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  NOTIFICATION_KINDS,
  type NotificationChannel,
  type NotificationKind,
  type NotificationPage,
  type NotificationPreferences,
  type NotificationReadResult,
  type NotificationView,
} from '@sigap/contracts';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { Clock } from '@sigap/api-clock';
import { insertRows } from '@sigap/api-database';
import { type AuthUser, UserEntity } from '@sigap/api-identity';
import { OutboxService, type OutboxMessage } from '@sigap/api-outbox';
import { NotificationEntity, NotificationPreferenceEntity } from './notification.entity';
import { NotificationError } from './notification-error';
import { coveredByMail, withholdMail, type NotificationDraft } from './notification-rules';

/** Every kind reaches its user by mail at once unless they choose otherwise (as before the bell). */
export const DEFAULT_CHANNEL: NotificationChannel = 'email';
/** Local hour (the user's office zone) of the daily digest. */
export const DIGEST_HOUR = 7;

/** What a notification is about. */
export interface NotificationSubject {
  officeCode: string | null;
  ticketNumber: string | null;
  ticketSubject: string | null;
}

/** The bell: each user reads and marks only their own notifications and sets their own choices. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async list(
    user: AuthUser,
    query: { page?: number; limit?: number; unread?: 'true' | 'false' },
  ): Promise<NotificationPage> {
    const me = personOf(user);
    const limit = query.limit ?? 20;
    const page = query.page ?? 1;
    const repo = this.dataSource.getRepository(NotificationEntity);
    const where = query.unread === 'true' ? { userId: me, readAt: IsNull() } : { userId: me };
    const [rows, total] = await repo.findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (page - 1) * limit,
      take: limit,
    });
    const unread = await repo.count({ where: { userId: me, readAt: IsNull() } });
    const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => !!id))];
    const actors = actorIds.length
      ? await this.dataSource
          .getRepository(UserEntity)
          .find({ select: { id: true, name: true }, where: { id: In(actorIds) } })
      : [];
    const names = new Map(actors.map((a) => [a.id, a.name]));
    return {
      items: rows.map((r) => toView(r, r.actorId ? (names.get(r.actorId) ?? null) : null)),
      total,
      unread,
    };
  }

  async markRead(
    user: AuthUser,
    input: { ids?: string[]; all?: boolean },
  ): Promise<NotificationReadResult> {
    const me = personOf(user);
    if (!input.all && !input.ids?.length)
      throw new NotificationError(
        'notification.bad_request',
        'Sebutkan notifikasi yang ditandai dibaca (ids) atau semuanya (all).',
      );
    const update = this.dataSource
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ readAt: this.clock.now() })
      .where('user_id = :me AND read_at IS NULL', { me });
    if (!input.all) update.andWhere('id IN (:...ids)', { ids: input.ids });
    const result = await update.execute();
    const unread = await this.dataSource
      .getRepository(NotificationEntity)
      .count({ where: { userId: me, readAt: IsNull() } });
    return { marked: Number(result.affected ?? 0), unread };
  }

  async preferences(user: AuthUser): Promise<NotificationPreferences> {
    const me = personOf(user);
    const channels = await this.channelsOf(this.dataSource.manager, [me]);
    return { channels: channels.get(me) ?? defaults(), digestHour: DIGEST_HOUR };
  }

  async setPreferences(
    user: AuthUser,
    channels: Partial<Record<NotificationKind, NotificationChannel>>,
  ): Promise<NotificationPreferences> {
    const me = personOf(user);
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      for (const kind of NOTIFICATION_KINDS) {
        const channel = channels[kind];
        if (!channel) continue;
        await manager.delete(NotificationPreferenceEntity, { userId: me, kind });
        await manager.insert(NotificationPreferenceEntity, {
          userId: me,
          kind,
          channel,
          updatedAt: now,
        });
      }
    });
    return this.preferences(user);
  }

  /** Per user, the channel of every kind (defaults filled in). */
  async channelsOf(
    manager: EntityManager,
    userIds: readonly string[],
  ): Promise<Map<string, Record<NotificationKind, NotificationChannel>>> {
    const rows = userIds.length
      ? await manager.find(NotificationPreferenceEntity, { where: { userId: In([...userIds]) } })
      : [];
    const out = new Map<string, Record<NotificationKind, NotificationChannel>>();
    for (const id of userIds) {
      const channels = defaults();
      for (const r of rows) if (r.userId === id) channels[r.kind] = r.channel;
      out.set(id, channels);
    }
    return out;
  }

  /**
   * Writes the notifications of a change in its transaction, each with its user's channel. A
   * user who wants mail at once gets it: by the change's own mail when one already tells them
   * (the step assignment, the at-risk alert, the requester's reply), else by a `notification`
   * mail; a user who chose the bell only or the digest is taken off the change's mail about it.
   * `outbox` is the change's outbox (written after this); without one the mail is queued here.
   */
  async record(
    manager: EntityManager,
    about: NotificationSubject,
    drafts: readonly NotificationDraft[],
    now: Date,
    outbox?: OutboxMessage[],
  ): Promise<NotificationEntity[]> {
    if (!drafts.length) return [];
    const active = await manager.find(UserEntity, {
      select: { id: true },
      where: { id: In([...new Set(drafts.map((d) => d.userId))]), active: true },
    });
    const live = drafts.filter((d) => active.some((u) => u.id === d.userId));
    if (!live.length) return [];
    const channels = await this.channelsOf(manager, [...new Set(live.map((d) => d.userId))]);
    const rows: NotificationEntity[] = live.map((d) => ({
      id: randomUUID(),
      userId: d.userId,
      officeCode: about.officeCode,
      kind: d.kind,
      ticketNumber: about.ticketNumber,
      ticketSubject: about.ticketSubject?.slice(0, 300) ?? null,
      stepOrder: d.step,
      actorId: d.actorId,
      excerpt: d.excerpt,
      channel: (channels.get(d.userId) ?? defaults())[d.kind],
      createdAt: now,
      readAt: null,
      digestedAt: null,
    }));
    await insertRows(manager, NotificationEntity, rows);
    const mail: OutboxMessage[] = [];
    rows.forEach((row, i) => {
      const d = live[i];
      if (row.channel !== 'email') {
        if (outbox) withholdMail(outbox, d);
      } else if (!outbox || !coveredByMail(outbox, d)) {
        // The requester's reply already has its staff mail in this change (the reply's words,
        // what it did to the clocks): the ticket's holder joins its recipients rather than
        // getting a thinner mail of their own.
        const reply =
          d.kind === 'requester_replied'
            ? outbox?.find((m) => m.kind === 'ticket.requester-replied')
            : undefined;
        const payload = reply?.payload as { recipients?: unknown } | undefined;
        if (payload && Array.isArray(payload.recipients)) {
          payload.recipients = [...(payload.recipients as string[]), d.userId];
        } else {
          mail.push({
            kind: 'notification',
            payload: { ticket: about.ticketNumber ?? '', notificationId: row.id },
          });
        }
      }
    });
    if (outbox) outbox.push(...mail);
    else await this.outbox.enqueue(mail, now, manager);
    return rows;
  }
}

function defaults(): Record<NotificationKind, NotificationChannel> {
  return Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, DEFAULT_CHANNEL])) as Record<
    NotificationKind,
    NotificationChannel
  >;
}

/** Only a person has a bell: an API token has none. */
function personOf(user: AuthUser): string {
  if (user.apiToken)
    throw new NotificationError(
      'notification.forbidden',
      'Notifikasi hanya milik pengguna yang masuk, bukan token API.',
    );
  return user.id;
}

export function toView(row: NotificationEntity, actorName: string | null): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    ticket: row.ticketNumber,
    ticketSubject: row.ticketSubject,
    step: row.stepOrder,
    actorName,
    excerpt: row.excerpt,
    createdAt: new Date(row.createdAt).toISOString(),
    readAt: row.readAt ? new Date(row.readAt).toISOString() : null,
  };
}
