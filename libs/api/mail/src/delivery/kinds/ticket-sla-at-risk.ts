/**
 * `ticket.sla-at-risk` → sla-at-risk about the ticket clock; with `clock: 'first-response'`,
 * first-response-at-risk (the requester still waits for an answer).
 */
import type { OutboxKind } from './kind';
import { slaAlert, type SlaAlertPayload } from './sla-alert';

declare module '@sigap/api-outbox' {
  interface OutboxPayloads {
    'ticket.sla-at-risk': SlaAlertPayload;
  }
}

export const TICKET_SLA_AT_RISK: OutboxKind<'ticket.sla-at-risk'> = {
  kind: 'ticket.sla-at-risk',
  templates: ['sla-at-risk', 'first-response-at-risk'],
  prepare: slaAlert('at-risk', false, false),
};
