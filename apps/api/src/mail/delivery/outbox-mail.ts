/**
 * Turns an outbox row into a mail request: one function per row kind the worker delivers. A row
 * whose payload cannot make a message throws `OutboxPayloadError` (a permanent failure).
 */
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { OfficeEntity } from '../../offices/office.entity';
import { RequesterContactEntity } from '../../opds/requester-contact.entity';
import { TicketEntity } from '../../tickets/ticket.entity';
import type { ComposeRequest } from '../mail.service';
import type { MailLocale } from '../templates/helpers';

export class OutboxPayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutboxPayloadError';
  }
}

/** What the worker needs to send one row, except the nonce (the row's). */
export interface PreparedMail {
  request: Omit<ComposeRequest, 'nonce'>;
  ticketNumber: string | null;
  recipient: string;
  /** The payload to store once sent (secrets removed). */
  payloadAfterSend: Record<string, unknown> | null;
}

type Payload = Record<string, unknown>;

export interface PrepareContext {
  config: AppConfig;
  manager: EntityManager;
  /** Message-IDs already in the ticket's thread, oldest first. */
  threadIds(ticketNumber: string): Promise<string[]>;
  /** Sequence number of the next message of the ticket. */
  nextSeq(ticketNumber: string): Promise<number>;
}

function text(payload: Payload, field: string): string {
  const value = payload[field];
  if (typeof value !== 'string' || !value.trim()) {
    throw new OutboxPayloadError(`payload.${field} wajib berupa teks`);
  }
  return value;
}

function locale(value: unknown): MailLocale {
  return value === 'en' ? 'en' : 'id';
}

async function preparePasswordReset(payload: Payload, ctx: PrepareContext): Promise<PreparedMail> {
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
  };
}

async function prepareAgentReply(payload: Payload, ctx: PrepareContext): Promise<PreparedMail> {
  const number = text(payload, 'ticket');
  const body = text(payload, 'body');
  const ticket = await ctx.manager.findOne(TicketEntity, { where: { number } });
  if (!ticket) throw new OutboxPayloadError(`tiket ${number} tidak ditemukan`);
  const contact = await ctx.manager.findOne(RequesterContactEntity, {
    where: { id: ticket.requesterContactId },
  });
  if (!contact?.email) throw new OutboxPayloadError(`pemohon tiket ${number} tidak punya e-mail`);
  const office = await ctx.manager.findOne(OfficeEntity, { where: { code: ticket.officeCode } });
  const agentName = typeof payload['agentName'] === 'string' ? payload['agentName'] : 'Helpdesk';
  return {
    request: {
      mail: {
        template: 'agent-reply',
        props: {
          requesterName: contact.name,
          agentName,
          ticket: {
            number,
            subject: ticket.subject,
            serviceName: ticket.serviceCode,
            officeName: office?.name ?? ticket.officeCode,
            url: null,
          },
          message: body,
        },
      },
      locale: 'id',
      timeZone: office?.timeZone ?? 'Asia/Jakarta',
      to: [contact.email],
      replyTo: office?.helpdeskEmail ?? null,
      thread: {
        ticketNumber: number,
        seq: await ctx.nextSeq(number),
        threadMessageIds: await ctx.threadIds(number),
      },
    },
    ticketNumber: number,
    recipient: contact.email,
    payloadAfterSend: null,
  };
}

/** Row kinds the worker sends, and how. Kinds not listed stay in the outbox untouched. */
export const OUTBOX_MAIL_KINDS: Record<
  string,
  (payload: Payload, ctx: PrepareContext) => Promise<PreparedMail>
> = {
  'password-reset': preparePasswordReset,
  'ticket.reply': prepareAgentReply,
};

export function parsePayload(raw: string): Payload {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new OutboxPayloadError('payload bukan JSON yang valid');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new OutboxPayloadError('payload harus objek JSON');
  }
  return value as Payload;
}
