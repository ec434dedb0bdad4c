/**
 * `notification.digest` → notification-digest: the daily list of a user's unread notifications
 * of the kinds they set to digest (queued by `NotificationDigestService`).
 */
import { In } from 'typeorm';
import { NotificationEntity } from '@sigap/api-notifications';
import { UserEntity } from '@sigap/api-identity';
import {
  OutboxPayloadError,
  type OutboxKind,
  type PrepareContext,
  type PreparedMail,
  type StoredPayload,
} from './kind';
import { locale, text } from './ticket-mail';

export interface NotificationDigestPayload {
  userId: string;
  /** The local date of the digest, `YYYY-MM-DD`. */
  date: string;
  /** The notifications listed (the latest, at most 50). */
  ids: string[];
  /** How many the digest covers in all. */
  total: number;
}

declare module '@sigap/api-outbox' {
  interface OutboxPayloads {
    'notification.digest': NotificationDigestPayload;
  }
}

async function prepareDigest(
  payload: StoredPayload<NotificationDigestPayload>,
  ctx: PrepareContext,
): Promise<PreparedMail> {
  const userId = text(payload, 'userId');
  const user = await ctx.manager.findOne(UserEntity, { where: { id: userId, active: true } });
  if (!user) throw new OutboxPayloadError('payload.userId: penerima tidak aktif');
  const ids = Array.isArray(payload['ids'])
    ? payload['ids'].filter((x): x is string => typeof x === 'string')
    : [];
  const rows = ids.length
    ? await ctx.manager.find(NotificationEntity, {
        where: { id: In(ids), userId },
        order: { createdAt: 'ASC' },
      })
    : [];
  if (!rows.length) throw new OutboxPayloadError('payload.ids: tidak ada notifikasi');
  const total = Math.max(Number(payload['total']) || rows.length, rows.length);
  const base = ctx.config.publicUrl.replace(/\/+$/, '');
  const office = user.officeCode
    ? ((await ctx.calendar(user.officeCode).catch(() => null))?.timeZone ?? 'Asia/Jakarta')
    : 'Asia/Jakarta';
  return {
    request: {
      mail: {
        template: 'notification-digest',
        props: {
          recipientName: user.name,
          day: text(payload, 'date'),
          total,
          more: total - rows.length,
          items: rows.map((n) => ({
            kind: n.kind,
            ticketNumber: n.ticketNumber,
            ticketSubject: n.ticketSubject,
            step: n.stepOrder,
            words: n.excerpt,
            at: new Date(n.createdAt).toISOString(),
            url: n.ticketNumber ? `${base}/tiket/${encodeURIComponent(n.ticketNumber)}` : null,
          })),
          bellUrl: base,
        },
      },
      locale: locale(user.locale),
      timeZone: office,
      to: [user.email],
      replyTo: null,
      thread: null,
    },
    ticketNumber: null,
    recipient: user.email,
    payloadAfterSend: null,
    automaticTo: null,
  };
}

export const NOTIFICATION_DIGEST: OutboxKind<'notification.digest'> = {
  kind: 'notification.digest',
  templates: ['notification-digest'],
  samples: {
    'notification-digest': {
      recipientName: 'I Gede Wirawan',
      day: '2026-03-10',
      total: 2,
      more: 0,
      items: [
        {
          kind: 'step_at_risk',
          ticketNumber: 'BALI-2026-000042',
          ticketSubject: 'Permohonan pembangunan aplikasi SIMPEG',
          step: 4,
          words: null,
          at: '2026-03-09T06:15:00Z',
          url: 'https://sigap.example.go.id/tiket/BALI-2026-000042',
        },
        {
          kind: 'mentioned',
          ticketNumber: 'BALI-2026-000051',
          ticketSubject: 'Akun e-mail dinas untuk pegawai baru',
          step: null,
          words: '@kasi-ai.bali tolong cek nama domain yang diminta.',
          at: '2026-03-09T08:40:00Z',
          url: 'https://sigap.example.go.id/tiket/BALI-2026-000051',
        },
      ],
      bellUrl: 'https://sigap.example.go.id',
    },
  },
  prepare: prepareDigest,
};
