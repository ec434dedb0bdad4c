/**
 * `ticket.requester-replied` → requester-replied to the assignees: what the reply did and the
 * requester's words.
 */
import type { OutboxKind, PrepareContext, PreparedMail, StoredPayload } from './kind';
import {
  loadTicket,
  names,
  staffSummary,
  text,
  toStaff,
  users,
  type TicketPayload,
} from './ticket-mail';
import { SAMPLE_TICKET } from './samples';

export interface RequesterRepliedPayload extends TicketPayload {
  /** User ids. */
  recipients: string[];
  /** The sender's address. */
  from: string | null;
  contactId?: string | null;
  body: string;
  /** What the reply did: `answered`, `reopened`, else appended. */
  effect?: string;
  /** How many files came with it. */
  attachments?: number;
}

declare module '@sigap/api-outbox' {
  interface OutboxPayloads {
    'ticket.requester-replied': RequesterRepliedPayload;
  }
}

async function prepareRequesterReplied(
  payload: StoredPayload<RequesterRepliedPayload>,
  ctx: PrepareContext,
): Promise<PreparedMail> {
  const t = await loadTicket(payload, ctx);
  const people = await users(payload['recipients'], ctx, 'recipients');
  const body = text(payload, 'body');
  const from = typeof payload['from'] === 'string' && payload['from'] ? payload['from'] : null;
  const effect = payload['effect'];
  const attachments = Number(payload['attachments']);
  const prepared = await toStaff(t, ctx, people, {
    template: 'requester-replied',
    props: {
      recipientName: names(people),
      requesterName:
        t.contact && (!from || t.contact.email === from) ? t.contact.name : (from ?? 'Pemohon'),
      requesterEmail: from,
      ticket: staffSummary(t, ctx),
      message: body,
      effect: effect === 'answered' || effect === 'reopened' ? effect : 'appended',
      attachmentCount: Number.isInteger(attachments) && attachments > 0 ? attachments : 0,
    },
  });
  // Written by the requester but sent by the system: marked automatic.
  prepared.request.automatic = true;
  return prepared;
}

export const TICKET_REQUESTER_REPLIED: OutboxKind<'ticket.requester-replied'> = {
  kind: 'ticket.requester-replied',
  templates: ['requester-replied'],
  samples: {
    'requester-replied': {
      recipientName: 'I Gede Wirawan',
      requesterName: 'Ni Made Ayu Lestari',
      requesterEmail: 'ayu.lestari@diskes.baliprov.go.id',
      ticket: SAMPLE_TICKET,
      message:
        'Selamat siang,\n\nBerikut kami lampirkan dokumen proses bisnis (BPMN) yang sudah diperbaiki.\nTerima kasih.',
      effect: 'answered',
      attachmentCount: 1,
    },
  },
  prepare: prepareRequesterReplied,
};
