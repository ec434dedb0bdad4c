/** `ticket.resolved` → ticket-resolved to the requester (automatic), with the agent's note. */
import type { OutboxKind, PrepareContext, PreparedMail, StoredPayload } from './kind';
import { loadTicket, requesterOf, toRequester, type TicketPayload } from './ticket-mail';

export interface TicketResolvedPayload extends TicketPayload {
  note?: string;
}

declare module '@sigap/api-outbox' {
  interface OutboxPayloads {
    'ticket.resolved': TicketResolvedPayload;
  }
}

async function prepareResolved(
  payload: StoredPayload<TicketResolvedPayload>,
  ctx: PrepareContext,
): Promise<PreparedMail> {
  const t = await loadTicket(payload, ctx);
  const note = typeof payload['note'] === 'string' && payload['note'].trim() ? payload['note'] : '';
  return toRequester(
    t,
    ctx,
    {
      template: 'ticket-resolved',
      props: {
        requesterName: requesterOf(t).name,
        ticket: t.summary,
        resolvedAt: (t.ticket.resolvedAt ?? ctx.now()).toISOString(),
        resolution: note || 'Permohonan Anda telah diselesaikan.',
        surveyUrl: null,
      },
    },
    true,
  );
}

export const TICKET_RESOLVED: OutboxKind<'ticket.resolved'> = {
  kind: 'ticket.resolved',
  templates: ['ticket-resolved'],
  requesterLimited: true,
  prepare: prepareResolved,
};
