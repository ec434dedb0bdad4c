/** `ticket.step-sla-at-risk` → sla-at-risk about the step, to whoever holds it. */
import type { OutboxKind } from './kind';
import { slaAlert, type StepAlertPayload } from './sla-alert';
import { SAMPLE_STEP, SAMPLE_TICKET } from './samples';

declare module '@sigap/api-outbox' {
  interface OutboxPayloads {
    'ticket.step-sla-at-risk': StepAlertPayload;
  }
}

export const TICKET_STEP_SLA_AT_RISK: OutboxKind<'ticket.step-sla-at-risk'> = {
  kind: 'ticket.step-sla-at-risk',
  templates: ['sla-at-risk'],
  samples: {
    'sla-at-risk': {
      recipientName: 'Dr. I Made Sudarsana',
      audience: 'supervisor',
      ticket: SAMPLE_TICKET,
      step: SAMPLE_STEP,
      assigneeName: 'I Gede Wirawan',
      dueAt: '2026-03-03T02:30:00Z',
      remainingMinutes: 45,
    },
  },
  prepare: slaAlert('at-risk', true, false),
};
