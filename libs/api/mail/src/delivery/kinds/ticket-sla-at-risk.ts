/**
 * `ticket.sla-at-risk` → sla-at-risk about the ticket clock; with `clock: 'first-response'`,
 * first-response-at-risk (the requester still waits for an answer).
 */
import type { OutboxKind } from './kind';
import { slaAlert, type SlaAlertPayload } from './sla-alert';
import { SAMPLE_TICKET } from './samples';

declare module '@sigap/api-outbox' {
  interface OutboxPayloads {
    'ticket.sla-at-risk': SlaAlertPayload;
  }
}

export const TICKET_SLA_AT_RISK: OutboxKind<'ticket.sla-at-risk'> = {
  kind: 'ticket.sla-at-risk',
  templates: ['sla-at-risk', 'first-response-at-risk'],
  samples: {
    'first-response-at-risk': {
      recipientName: 'Komang Sari, Putu Arya',
      audience: 'helpdesk',
      ticket: SAMPLE_TICKET,
      requesterName: 'Ni Made Ayu Lestari',
      receivedAt: '2026-03-02T01:15:00Z',
      dueAt: '2026-03-02T05:15:00Z',
      remainingMinutes: 60,
    },
  },
  prepare: slaAlert('at-risk', false, false),
};
