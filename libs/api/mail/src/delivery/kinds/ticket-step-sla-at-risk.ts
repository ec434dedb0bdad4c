/** `ticket.step-sla-at-risk` → sla-at-risk about the step, to whoever holds it. */
import type { OutboxKind } from './kind';
import { slaAlert, type StepAlertPayload } from './sla-alert';

declare module '@sigap/api-outbox' {
  interface OutboxPayloads {
    'ticket.step-sla-at-risk': StepAlertPayload;
  }
}

export const TICKET_STEP_SLA_AT_RISK: OutboxKind<'ticket.step-sla-at-risk'> = {
  kind: 'ticket.step-sla-at-risk',
  templates: ['sla-at-risk'],
  prepare: slaAlert('at-risk', true, false),
};
