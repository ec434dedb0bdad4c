/**
 * `notification` → notification: one bell notification mailed at once to its user (who chose
 * e-mail for its kind, and whom no other mail of the change already told).
 */
import { NotificationEntity } from '@sigap/api-notifications';
import { UserEntity } from '@sigap/api-identity';
import {
  OutboxPayloadError,
  type OutboxKind,
  type PrepareContext,
  type PreparedMail,
  type StoredPayload,
} from './kind';
import { loadTicket, staffSummary, text, toStaff, type TicketPayload } from './ticket-mail';
import { SAMPLE_TICKET } from './samples';

export interface NotificationPayload extends TicketPayload {
  notificationId: string;
}

declare module '@sigap/api-outbox' {
  interface OutboxPayloads {
    notification: NotificationPayload;
  }
}

async function prepareNotification(
  payload: StoredPayload<NotificationPayload>,
  ctx: PrepareContext,
): Promise<PreparedMail> {
  const id = text(payload, 'notificationId');
  const n = await ctx.manager.findOne(NotificationEntity, { where: { id } });
  if (!n) throw new OutboxPayloadError(`notifikasi ${id} tidak ditemukan`);
  const user = await ctx.manager.findOne(UserEntity, { where: { id: n.userId, active: true } });
  if (!user) throw new OutboxPayloadError('payload.notificationId: penerima tidak aktif');
  const actor = n.actorId
    ? await ctx.manager.findOne(UserEntity, {
        select: { id: true, name: true },
        where: { id: n.actorId },
      })
    : null;
  const t = await loadTicket(payload, ctx);
  return toStaff(t, ctx, [user], {
    template: 'notification',
    props: {
      recipientName: user.name,
      kind: n.kind,
      step: n.stepOrder,
      actorName: actor?.name ?? null,
      words: n.excerpt,
      ticket: staffSummary(t, ctx),
    },
  });
}

export const NOTIFICATION: OutboxKind<'notification'> = {
  kind: 'notification',
  templates: ['notification'],
  samples: {
    notification: {
      recipientName: 'I Gede Wirawan',
      kind: 'mentioned',
      step: null,
      actorName: 'Ni Luh Putu Sari',
      words: '@kasi-ai.bali mohon cek KAK yang baru diunggah pemohon sebelum verifikasi.',
      ticket: SAMPLE_TICKET,
    },
  },
  prepare: prepareNotification,
};
