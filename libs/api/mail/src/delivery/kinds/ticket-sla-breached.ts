/**
 * `ticket.sla-breached` → sla-breached about the ticket clock; with `clock: 'first-response'`,
 * first-response-breached.
 */
import type { OutboxKind } from './kind';
import { slaAlert, type SlaAlertPayload } from './sla-alert';

declare module '@sigap/api-outbox' {
  interface OutboxPayloads {
    'ticket.sla-breached': SlaAlertPayload;
  }
}

export const TICKET_SLA_BREACHED: OutboxKind<'ticket.sla-breached'> = {
  kind: 'ticket.sla-breached',
  templates: ['sla-breached', 'first-response-breached'],
  prepare: slaAlert('breached', false, false),
};
