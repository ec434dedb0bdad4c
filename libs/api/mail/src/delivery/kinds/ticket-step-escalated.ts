/** `ticket.step-escalated` → sla-breached to the holders of the position above the late step. */
import type { OutboxKind } from './kind';
import { slaAlert, type StepEscalatedPayload } from './sla-alert';

declare module '@sigap/api-outbox' {
  interface OutboxPayloads {
    'ticket.step-escalated': StepEscalatedPayload;
  }
}

export const TICKET_STEP_ESCALATED: OutboxKind<'ticket.step-escalated'> = {
  kind: 'ticket.step-escalated',
  templates: ['sla-breached'],
  // Its template's preview sample is the ticket-level kind's (same template, same props).
  samples: {},
  prepare: slaAlert('breached', true, true),
};
