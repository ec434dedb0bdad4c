/**
 * The typed registry of e-mail templates: one name per message kind and the props each one needs.
 * Props are plain JSON (instants as ISO-8601 strings) so they can sit in an outbox row. Optional
 * values are explicit `null`: the templates compile in strict mode and fail on a missing field.
 */
import type { Duration } from '@sigap/standards';

export const MAIL_TEMPLATE_NAMES = [
  'ticket-received',
  'documents-incomplete',
  'step-assigned',
  'sla-at-risk',
  'sla-breached',
  'agent-reply',
  'ticket-resolved',
  'password-reset',
] as const;

export type MailTemplateName = (typeof MAIL_TEMPLATE_NAMES)[number];

/** What every ticket message shows about its ticket. */
export interface TicketSummary {
  /** Ticket number as shown to people and in the subject tag, e.g. `DKB-2026-00042`. */
  number: string;
  subject: string;
  serviceName: string;
  officeName: string;
  /** Link to the ticket (console or portal); null when the recipient has no access. */
  url: string | null;
}

export interface ChecklistLine {
  label: string;
  received: boolean;
}

export interface TicketReceivedProps {
  requesterName: string;
  ticket: TicketSummary;
  receivedAt: string;
  checklist: ChecklistLine[];
  /** Labels of the required documents not yet received. */
  missing: string[];
  /** Null while the clock waits for the documents (it starts when they are complete). */
  dueAt: string | null;
}

export interface DocumentsIncompleteProps {
  requesterName: string;
  ticket: TicketSummary;
  items: { label: string; reason: string }[];
  /** A note from the agent, free text; null for none. */
  note: string | null;
}

export interface StepSummary {
  number: number;
  title: string;
  positionName: string;
  /** The step's time from the standard ("1-2 Jam"), null when the standard gives none. */
  time: Duration | null;
}

export interface StepAssignedProps {
  assigneeName: string;
  ticket: TicketSummary;
  step: StepSummary;
  dueAt: string | null;
}

/** Who an SLA alert goes to: the one doing the work, or the position above it. */
export type SlaAudience = 'assignee' | 'supervisor';

interface SlaAlertBase {
  recipientName: string;
  audience: SlaAudience;
  ticket: TicketSummary;
  /** The step whose clock it is; null for the ticket's own clock. */
  step: StepSummary | null;
  /** The person currently responsible (shown to the supervisor). */
  assigneeName: string;
  dueAt: string;
}

export interface SlaAtRiskProps extends SlaAlertBase {
  /** Working minutes left before the due time. */
  remainingMinutes: number;
}

export interface SlaBreachedProps extends SlaAlertBase {
  /** Working minutes past the due time. */
  overdueMinutes: number;
}

export interface AgentReplyProps {
  requesterName: string;
  agentName: string;
  ticket: TicketSummary;
  /** The agent's message as plain text (line breaks kept). */
  message: string;
}

export interface TicketResolvedProps {
  requesterName: string;
  ticket: TicketSummary;
  resolvedAt: string;
  resolution: string;
  /** Link to the satisfaction survey, null when none. */
  surveyUrl: string | null;
}

export interface PasswordResetProps {
  name: string;
  resetUrl: string;
  expiresInMinutes: number;
}

export interface MailTemplatePropsMap {
  'ticket-received': TicketReceivedProps;
  'documents-incomplete': DocumentsIncompleteProps;
  'step-assigned': StepAssignedProps;
  'sla-at-risk': SlaAtRiskProps;
  'sla-breached': SlaBreachedProps;
  'agent-reply': AgentReplyProps;
  'ticket-resolved': TicketResolvedProps;
  'password-reset': PasswordResetProps;
}

/** `{ template: 'ticket-received', props: {...} }`, discriminated on `template`. */
export type MailTemplateInput = {
  [N in MailTemplateName]: { template: N; props: MailTemplatePropsMap[N] };
}[MailTemplateName];

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

export function isMailTemplateName(value: string): value is MailTemplateName {
  return (MAIL_TEMPLATE_NAMES as readonly string[]).includes(value);
}
