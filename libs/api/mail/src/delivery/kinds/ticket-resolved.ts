/** `ticket.resolved` → ticket-resolved to the requester (automatic), with the agent's note. */
import type { OutboxKind, PrepareContext, PreparedMail, StoredPayload } from './kind';
import { loadTicket, requesterOf, toRequester, type TicketPayload } from './ticket-mail';
import { SAMPLE_TICKET } from './samples';

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
  samples: {
    'ticket-resolved': {
      requesterName: 'Ni Made Ayu Lestari',
      ticket: SAMPLE_TICKET,
      resolvedAt: '2026-05-20T07:45:00Z',
      resolution:
        'Aplikasi SIMPEG telah dipasang di https://simpeg.baliprov.go.id dan diserahterimakan.',
      surveyUrl: 'https://sigap.example.go.id/survei/BALI-2026-000042',
    },
  },
  requesterLimited: true,
  prepare: prepareResolved,
};
