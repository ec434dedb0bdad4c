/**
 * `ticket.merged` → ticket-merged to the requester of a merged duplicate (automatic, once per
 * merge): their request continues under the target's number. The mail threads on the duplicate's
 * number; a reply to it lands on the target (inbound threading follows the merge).
 */
import { TicketEntity } from '@sigap/api-tickets';
import type { OutboxKind, PrepareContext, PreparedMail, StoredPayload } from './kind';
import { OutboxPayloadError } from './kind';
import { loadTicket, requesterOf, text, toRequester, type TicketPayload } from './ticket-mail';
import { SAMPLE_TICKET } from './samples';

export interface TicketMergedPayload extends TicketPayload {
  /** The number of the ticket the request continues under. */
  target: string;
}

declare module '@sigap/api-outbox' {
  interface OutboxPayloads {
    'ticket.merged': TicketMergedPayload;
  }
}

async function prepareMerged(
  payload: StoredPayload<TicketMergedPayload>,
  ctx: PrepareContext,
): Promise<PreparedMail> {
  const t = await loadTicket(payload, ctx);
  const targetNumber = text(payload, 'target');
  const target = await ctx.manager.findOne(TicketEntity, {
    select: { id: true, number: true, subject: true },
    where: { number: targetNumber },
  });
  if (!target) throw new OutboxPayloadError(`tiket ${targetNumber} tidak ditemukan`);
  return toRequester(
    t,
    ctx,
    {
      template: 'ticket-merged',
      props: {
        requesterName: requesterOf(t).name,
        ticket: t.summary,
        targetNumber: target.number,
        targetSubject: target.subject,
      },
    },
    // Sent once per merge, like a major incident's news: not counted in the automatic limit.
    false,
  );
}

export const TICKET_MERGED: OutboxKind<'ticket.merged'> = {
  kind: 'ticket.merged',
  templates: ['ticket-merged'],
  samples: {
    'ticket-merged': {
      requesterName: 'Ni Made Ayu Lestari',
      ticket: { ...SAMPLE_TICKET, number: 'BALI-2026-000057' },
      targetNumber: SAMPLE_TICKET.number,
      targetSubject: SAMPLE_TICKET.subject,
    },
  },
  prepare: prepareMerged,
};
