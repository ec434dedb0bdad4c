/** `password-reset` → password-reset; the plain token is erased from the row once sent. */
import {
  OutboxPayloadError,
  type OutboxKind,
  type PrepareContext,
  type PreparedMail,
  type StoredPayload,
} from './kind';
import { locale, text } from './ticket-mail';

export interface PasswordResetPayload {
  userId: string;
  email: string;
  name: string;
  locale: string;
  /** Plain token: only in the row until the mail is sent (the hash is in password_resets). */
  token: string;
  expiresAt: string;
}

declare module '@sigap/api-outbox' {
  interface OutboxPayloads {
    'password-reset': PasswordResetPayload;
  }
}

async function preparePasswordReset(
  payload: StoredPayload<PasswordResetPayload>,
  ctx: PrepareContext,
): Promise<PreparedMail> {
  const email = text(payload, 'email');
  const token = text(payload, 'token');
  const expiresAt = Date.parse(text(payload, 'expiresAt'));
  if (!Number.isFinite(expiresAt)) throw new OutboxPayloadError('payload.expiresAt tidak valid');
  const minutes = Math.max(1, Math.round((expiresAt - Date.now()) / 60_000));
  const resetUrl = `${ctx.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
  // The plain token must not outlive the sending: only its hash stays (password_resets).
  const { token: _erased, ...rest } = payload;
  void _erased;
  return {
    request: {
      mail: {
        template: 'password-reset',
        props: { name: String(payload['name'] ?? email), resetUrl, expiresInMinutes: minutes },
      },
      locale: locale(payload['locale']),
      timeZone: 'Asia/Jakarta',
      to: [email],
      replyTo: null,
      thread: null,
    },
    ticketNumber: null,
    recipient: email,
    payloadAfterSend: { ...rest, tokenErased: true },
    automaticTo: null,
  };
}

export const PASSWORD_RESET: OutboxKind<'password-reset'> = {
  kind: 'password-reset',
  templates: ['password-reset'],
  samples: {
    'password-reset': {
      name: 'Komang Sari',
      resetUrl: 'https://sigap.example.go.id/atur-ulang-sandi?token=contoh',
      expiresInMinutes: 60,
    },
  },
  secret: true,
  prepare: preparePasswordReset,
};
