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
  'first-response-at-risk',
  'first-response-breached',
  'agent-reply',
  'requester-replied',
  'ticket-resolved',
  'survey-invitation',
  'password-reset',
  'portal-sign-in',
  'complaint-received',
  'major-incident-update',
  'notification',
  'notification-digest',
  'ticket-merged',
] as const;

export type MailTemplateName = (typeof MAIL_TEMPLATE_NAMES)[number];

/** One bell notification mailed at once. */
export interface NotificationMailProps {
  recipientName: string;
  kind: 'assigned' | 'step_at_risk' | 'step_breached' | 'requester_replied' | 'mentioned';
  /** The step's order number, for step notifications. */
  step: number | null;
  actorName: string | null;
  /** The note that mentions, the requester's words (short). */
  words: string | null;
  ticket: TicketSummary;
}

/** The daily digest of a user's unread notifications. */
export interface NotificationDigestProps {
  recipientName: string;
  /** The local date of the digest, `YYYY-MM-DD`. */
  day: string;
  total: number;
  /** How many are left out of `items` (in the bell). */
  more: number;
  items: {
    kind: NotificationMailProps['kind'];
    ticketNumber: string | null;
    ticketSubject: string | null;
    step: number | null;
    words: string | null;
    /** When it happened (ISO instant). */
    at: string;
    url: string | null;
  }[];
  /** The console. */
  bellUrl: string;
}

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
  /** Read-only status page of the ticket, no sign-in (unguessable link); null for none. */
  trackUrl: string | null;
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

/**
 * Who an SLA alert goes to, which sets its wording: the one doing the work (`assignee`), the
 * holder(s) of the position above a late step (`supervisor`), the holders of an unassigned step's
 * position (`position`), or the office's helpdesk agents standing in when there is nobody else
 * (`helpdesk`: no assignee, no holder, no supervisor).
 */
export type SlaAudience = 'assignee' | 'supervisor' | 'position' | 'helpdesk';

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

/** An alert about the first response (the requester has not been answered yet). */
interface FirstResponseAlertBase {
  recipientName: string;
  /** The ticket's agent, or the office's helpdesk agents while nobody is assigned. */
  audience: 'assignee' | 'helpdesk';
  ticket: TicketSummary;
  requesterName: string;
  /** When the request was received (the clock's start). */
  receivedAt: string;
  /** When the first response is due. */
  dueAt: string;
}

export interface FirstResponseAtRiskProps extends FirstResponseAlertBase {
  remainingMinutes: number;
}

export interface FirstResponseBreachedProps extends FirstResponseAlertBase {
  overdueMinutes: number;
}

export interface AgentReplyProps {
  requesterName: string;
  agentName: string;
  ticket: TicketSummary;
  /** The agent's message as plain text (line breaks kept). */
  message: string;
}

/** What a requester's e-mail reply did to the ticket (besides adding to its thread). */
export type RequesterReplyEffect = 'answered' | 'reopened' | 'appended';

/** The staff notice that the requester replied by e-mail. */
export interface RequesterRepliedProps {
  /** The staff member(s) told: the active step's assignee, else the ticket's agent. */
  recipientName: string;
  requesterName: string;
  /** The address the reply came from; null when unknown. */
  requesterEmail: string | null;
  ticket: TicketSummary;
  /** The reply as plain text, quoted history removed (shortened in the message when long). */
  message: string;
  effect: RequesterReplyEffect;
  /** Files attached to the reply (kept on the ticket). */
  attachmentCount: number;
}

export interface TicketResolvedProps {
  requesterName: string;
  ticket: TicketSummary;
  resolvedAt: string;
  resolution: string;
  /** Link to the satisfaction survey, null when none. */
  surveyUrl: string | null;
}

/** The satisfaction survey link sent when a request is resolved. */
export interface SurveyInvitationProps {
  requesterName: string;
  ticket: TicketSummary;
  /** Signed, single-use link to the public survey page. */
  surveyUrl: string;
  expiresAt: string;
}

export interface PasswordResetProps {
  name: string;
  resetUrl: string;
  expiresInMinutes: number;
}

export interface PortalSignInProps {
  name: string;
  officeName: string;
  signInUrl: string;
  expiresInMinutes: number;
}

/** The acknowledgement of a complaint (pengaduan, saran, masukan). */
export interface ComplaintReceivedProps {
  requesterName: string;
  /** The complaint as a ticket (its `ADU…` number, subject, office). */
  ticket: TicketSummary;
  /** The category's name in each language (`enLower` inside a sentence). */
  categoryLabel: { id: string; en: string; enLower: string };
  /** What the complainant wrote (plain text; shortened in the message). */
  text: string;
  receivedAt: string;
  /** Working days within which the office answers (DOMAIN: 5). */
  answerDays: number;
  /** The answer's due date (the complaint's ticket clock); null when not set. */
  dueAt: string | null;
  /** Read-only status page, no sign-in; null for none. */
  trackUrl: string | null;
}

/** An update on a major incident, to each reporter of it or of a report linked to it. */
export interface MajorIncidentUpdateProps {
  requesterName: string;
  /** The reporter's own ticket (the mail threads there; replies land on it). */
  ticket: TicketSummary;
  /** The major incident's number and subject. */
  parentNumber: string;
  parentSubject: string;
  /** The update as plain text (line breaks kept). */
  message: string;
}

/** A duplicate merged into another ticket: to the duplicate's requester (threads there). */
export interface TicketMergedProps {
  requesterName: string;
  /** The merged duplicate (the mail threads on its number). */
  ticket: TicketSummary;
  /** The ticket the request continues under. */
  targetNumber: string;
  targetSubject: string;
}

export interface MailTemplatePropsMap {
  'ticket-received': TicketReceivedProps;
  'documents-incomplete': DocumentsIncompleteProps;
  'step-assigned': StepAssignedProps;
  'sla-at-risk': SlaAtRiskProps;
  'sla-breached': SlaBreachedProps;
  'first-response-at-risk': FirstResponseAtRiskProps;
  'first-response-breached': FirstResponseBreachedProps;
  'agent-reply': AgentReplyProps;
  'requester-replied': RequesterRepliedProps;
  'ticket-resolved': TicketResolvedProps;
  'survey-invitation': SurveyInvitationProps;
  'password-reset': PasswordResetProps;
  'portal-sign-in': PortalSignInProps;
  'complaint-received': ComplaintReceivedProps;
  'major-incident-update': MajorIncidentUpdateProps;
  notification: NotificationMailProps;
  'notification-digest': NotificationDigestProps;
  'ticket-merged': TicketMergedProps;
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
