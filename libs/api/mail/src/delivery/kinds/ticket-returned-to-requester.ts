/**
 * `ticket.returned-to-requester` → documents-incomplete to the requester (automatic): the
 * rejected documents with their reasons, else the missing ones.
 */
import { ChecklistItemEntity } from '@sigap/api-tickets';
import type { OutboxKind, PrepareContext, PreparedMail, StoredPayload } from './kind';
import { loadTicket, requesterOf, text, toRequester, type TicketPayload } from './ticket-mail';
import { SAMPLE_TICKET } from './samples';

export interface TicketReturnedPayload extends TicketPayload {
  reason: string;
}

declare module '@sigap/api-outbox' {
  interface OutboxPayloads {
    'ticket.returned-to-requester': TicketReturnedPayload;
  }
}

async function prepareReturned(
  payload: StoredPayload<TicketReturnedPayload>,
  ctx: PrepareContext,
): Promise<PreparedMail> {
  const t = await loadTicket(payload, ctx);
  const reason = text(payload, 'reason');
  const items = await ctx.manager.find(ChecklistItemEntity, {
    where: { ticketId: t.ticket.id },
    order: { sortOrder: 'ASC' },
  });
  const rejected = items.filter((i) => i.status === 'rejected');
  const missing = items.filter((i) => !i.optional && i.status === 'missing');
  const lines = rejected.length
    ? rejected.map((i) => ({ label: i.text, reason: i.reason ?? reason }))
    : missing.map((i) => ({ label: i.text, reason: 'belum diterima' }));
  return toRequester(
    t,
    ctx,
    {
      template: 'documents-incomplete',
      props: { requesterName: requesterOf(t).name, ticket: t.summary, items: lines, note: reason },
    },
    true,
  );
}

export const TICKET_RETURNED: OutboxKind<'ticket.returned-to-requester'> = {
  kind: 'ticket.returned-to-requester',
  templates: ['documents-incomplete'],
  samples: {
    'documents-incomplete': {
      requesterName: 'Ni Made Ayu Lestari',
      ticket: SAMPLE_TICKET,
      items: [
        {
          label: 'Dokumen proses bisnis (BPMN)',
          reason: 'Belum menggambarkan alur persetujuan cuti.',
        },
        { label: 'Analisis biaya dan manfaat', reason: 'Belum dilampirkan.' },
      ],
      note: 'Mohon gunakan templat BPMN dari portal SPBE.\nTerima kasih.',
    },
  },
  requesterLimited: true,
  prepare: prepareReturned,
};
