/** `ticket.step-assigned` → step-assigned to the step's assignee. */
import type { OutboxKind, PrepareContext, PreparedMail, StoredPayload } from './kind';
import {
  iso,
  loadTicket,
  names,
  staffSummary,
  stepOf,
  toStaff,
  users,
  type TicketPayload,
} from './ticket-mail';
import { SAMPLE_STEP, SAMPLE_TICKET } from './samples';

export interface StepAssignedPayload extends TicketPayload {
  /** The step's order number. */
  step: number;
  assigneeId: string | null;
}

declare module '@sigap/api-outbox' {
  interface OutboxPayloads {
    'ticket.step-assigned': StepAssignedPayload;
  }
}

async function prepareStepAssigned(
  payload: StoredPayload<StepAssignedPayload>,
  ctx: PrepareContext,
): Promise<PreparedMail> {
  const t = await loadTicket(payload, ctx);
  const { step, summary } = await stepOf(t, payload, ctx);
  const people = await users([payload['assigneeId'] ?? step.assigneeId], ctx, 'assigneeId');
  return toStaff(t, ctx, people, {
    template: 'step-assigned',
    props: {
      assigneeName: names(people),
      ticket: staffSummary(t, ctx),
      step: summary,
      dueAt: iso(step.dueAt),
    },
  });
}

export const TICKET_STEP_ASSIGNED: OutboxKind<'ticket.step-assigned'> = {
  kind: 'ticket.step-assigned',
  templates: ['step-assigned'],
  samples: {
    'step-assigned': {
      assigneeName: 'I Gede Wirawan',
      ticket: SAMPLE_TICKET,
      step: SAMPLE_STEP,
      dueAt: '2026-03-03T02:30:00Z',
    },
  },
  prepare: prepareStepAssigned,
};
