/**
 * `ticket.sla-breached` → sla-breached about the ticket clock; with `clock: 'first-response'`,
 * first-response-breached.
 */
import type { OutboxKind } from './kind';
import { slaAlert, type SlaAlertPayload } from './sla-alert';
import { SAMPLE_TICKET } from './samples';

declare module '@sigap/api-outbox' {
  interface OutboxPayloads {
    'ticket.sla-breached': SlaAlertPayload;
  }
}

export const TICKET_SLA_BREACHED: OutboxKind<'ticket.sla-breached'> = {
  kind: 'ticket.sla-breached',
  templates: ['sla-breached', 'first-response-breached'],
  samples: {
    'sla-breached': {
      recipientName: 'I Gede Wirawan',
      audience: 'assignee',
      ticket: SAMPLE_TICKET,
      step: null,
      assigneeName: 'I Gede Wirawan',
      dueAt: '2026-05-29T08:00:00Z',
      overdueMinutes: 150,
    },
    'first-response-breached': {
      recipientName: 'Komang Sari',
      audience: 'assignee',
      ticket: SAMPLE_TICKET,
      requesterName: 'Ni Made Ayu Lestari',
      receivedAt: '2026-03-02T01:15:00Z',
      dueAt: '2026-03-02T05:15:00Z',
      overdueMinutes: 95,
    },
  },
  prepare: slaAlert('breached', false, false),
};
