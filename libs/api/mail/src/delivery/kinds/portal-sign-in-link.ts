/** `portal.sign-in-link` → portal-sign-in; the plain token is erased from the row once sent. */
import { OfficeEntity } from '@sigap/api-offices';
import {
  OutboxPayloadError,
  type OutboxKind,
  type PrepareContext,
  type PreparedMail,
  type StoredPayload,
} from './kind';
import { text } from './ticket-mail';

export interface PortalSignInLinkPayload {
  email: string;
  name: string;
  /** Office code. */
  office: string;
  /** Plain token: only in the row until the mail is sent (the hash is in portal_sign_in_links). */
  token: string;
  expiresAt: string;
}

declare module '@sigap/api-outbox' {
  interface OutboxPayloads {
    'portal.sign-in-link': PortalSignInLinkPayload;
  }
}

async function preparePortalSignIn(
  payload: StoredPayload<PortalSignInLinkPayload>,
  ctx: PrepareContext,
): Promise<PreparedMail> {
  const email = text(payload, 'email');
  const token = text(payload, 'token');
  const expiresAt = Date.parse(text(payload, 'expiresAt'));
  if (!Number.isFinite(expiresAt)) throw new OutboxPayloadError('payload.expiresAt tidak valid');
  const office = await ctx.manager.findOne(OfficeEntity, {
    where: { code: text(payload, 'office') },
  });
  const base = ctx.config.publicUrl.replace(/\/+$/, '');
  // The plain token must not outlive the sending: only its hash stays (portal_sign_in_links).
  const { token: _erased, ...rest } = payload;
  void _erased;
  return {
    request: {
      mail: {
        template: 'portal-sign-in',
        props: {
          name: String(payload['name'] ?? email),
          officeName: office?.name ?? 'Sigap',
          signInUrl: `${base}/portal/masuk?token=${encodeURIComponent(token)}`,
          expiresInMinutes: Math.max(1, Math.round((expiresAt - ctx.now().getTime()) / 60_000)),
        },
      },
      locale: 'id',
      timeZone: office?.timeZone ?? 'Asia/Jakarta',
      to: [email],
      replyTo: office?.helpdeskEmail ?? null,
      thread: null,
    },
    ticketNumber: null,
    recipient: email,
    payloadAfterSend: { ...rest, tokenErased: true },
    automaticTo: null,
  };
}

export const PORTAL_SIGN_IN_LINK: OutboxKind<'portal.sign-in-link'> = {
  kind: 'portal.sign-in-link',
  templates: ['portal-sign-in'],
  samples: {
    'portal-sign-in': {
      name: 'Ani Rahmawati',
      officeName: 'Dinas Komunikasi, Informatika dan Statistik Provinsi Gorontalo',
      signInUrl: 'https://sigap.example.go.id/portal/masuk?token=contoh',
      expiresInMinutes: 15,
    },
  },
  secret: true,
  prepare: preparePortalSignIn,
};
