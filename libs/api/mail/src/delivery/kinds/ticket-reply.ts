/**
 * `ticket.reply` → agent-reply to the requester (written by a person), carrying the reply's
 * files read from the attachment store at sending (checked against their SHA-256; a missing or
 * altered file is a permanent failure).
 */
import { In } from 'typeorm';
import { AttachmentStore, attachmentStoreFor } from '@sigap/api-attachments';
import { AttachmentEntity } from '@sigap/api-attachments';
import { REPLY_ATTACHMENTS_MAX_BYTES, type MailAttachment } from '../mail-attachments';
import {
  OutboxPayloadError,
  type OutboxKind,
  type PrepareContext,
  type PreparedMail,
  type StoredPayload,
} from './kind';
import {
  loadTicket,
  requesterOf,
  text,
  toRequester,
  type Payload,
  type TicketContext,
  type TicketPayload,
} from './ticket-mail';
import { SAMPLE_TICKET } from './samples';

export interface TicketReplyPayload extends TicketPayload {
  body: string;
  agentName?: string;
  attachmentIds?: string[];
}

declare module '@sigap/api-outbox' {
  interface OutboxPayloads {
    'ticket.reply': TicketReplyPayload;
  }
}

/**
 * The files of a reply, read from the attachment store now: each must still belong to the
 * ticket's office (and to the ticket, once linked), its bytes must match its SHA-256, and all
 * together stay within the limit checked when the reply was written.
 */
async function replyAttachments(
  t: TicketContext,
  payload: Payload,
  ctx: PrepareContext,
): Promise<MailAttachment[]> {
  const raw = payload['attachmentIds'];
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw) || raw.some((x) => typeof x !== 'string')) {
    throw new OutboxPayloadError('payload.attachmentIds wajib berupa daftar id');
  }
  const ids = [...new Set(raw as string[])];
  if (!ids.length) return [];
  const rows = await ctx.manager.find(AttachmentEntity, { where: { id: In(ids) } });
  const store = attachmentStoreFor(ctx.config);
  let total = 0;
  const files: MailAttachment[] = [];
  for (const id of ids) {
    const a = rows.find((r) => r.id === id);
    if (
      !a ||
      a.officeCode !== t.ticket.officeCode ||
      (a.ticketId !== null && a.ticketId !== t.ticket.id)
    ) {
      throw new OutboxPayloadError(`lampiran ${id} tidak ada lagi pada tiket ${t.ticket.number}`);
    }
    total += a.size;
    if (total > REPLY_ATTACHMENTS_MAX_BYTES) {
      throw new OutboxPayloadError(
        `lampiran melebihi batas ${REPLY_ATTACHMENTS_MAX_BYTES / (1024 * 1024)} MB per e-mail`,
      );
    }
    let content: Buffer;
    try {
      content = await store.read(a.sha256);
    } catch {
      throw new OutboxPayloadError(
        `berkas lampiran "${a.fileName}" tidak ditemukan di penyimpanan`,
      );
    }
    if (content.length !== a.size || AttachmentStore.sha256(content) !== a.sha256) {
      throw new OutboxPayloadError(`berkas lampiran "${a.fileName}" berubah di penyimpanan`);
    }
    files.push({ filename: a.fileName, contentType: a.mediaType, content });
  }
  return files;
}

async function prepareAgentReply(
  payload: StoredPayload<TicketReplyPayload>,
  ctx: PrepareContext,
): Promise<PreparedMail> {
  const t = await loadTicket(payload, ctx);
  const body = text(payload, 'body');
  const agentName = typeof payload['agentName'] === 'string' ? payload['agentName'] : 'Helpdesk';
  const prepared = await toRequester(
    t,
    ctx,
    {
      template: 'agent-reply',
      props: { requesterName: requesterOf(t).name, agentName, ticket: t.summary, message: body },
    },
    false,
  );
  const attachments = await replyAttachments(t, payload, ctx);
  if (attachments.length) prepared.request.attachments = attachments;
  return prepared;
}

export const TICKET_REPLY: OutboxKind<'ticket.reply'> = {
  kind: 'ticket.reply',
  templates: ['agent-reply'],
  samples: {
    'agent-reply': {
      requesterName: 'Ni Made Ayu Lestari',
      agentName: 'Komang Sari',
      ticket: SAMPLE_TICKET,
      message:
        'Selamat siang,\n\nDokumen BPMN sudah kami terima. Permohonan diteruskan ke Bidang Aplikasi Informatika.',
    },
  },
  prepare: prepareAgentReply,
};
