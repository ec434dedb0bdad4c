import type { MailTemplateName } from '../template-props';
import { agentReply } from './agent-reply';
import { complaintReceived } from './complaint-received';
import { documentsIncomplete } from './documents-incomplete';
import { majorIncidentUpdate } from './major-incident-update';
import { firstResponseAtRisk, firstResponseBreached } from './first-response-alerts';
import { passwordReset } from './password-reset';
import { notificationDigest, notificationMail } from './notifications';
import { portalSignIn } from './portal-sign-in';
import { requesterReplied } from './requester-replied';
import { slaAtRisk, slaBreached } from './sla-alerts';
import type { TemplateSource } from './source';
import { stepAssigned } from './step-assigned';
import { ticketReceived } from './ticket-received';
import { ticketMerged } from './ticket-merged';
import { ticketResolved } from './ticket-resolved';
import { surveyInvitation } from './survey-invitation';

export type { TemplateParts, TemplateSource } from './source';

/** Every template, keyed by name (the `Record` makes a missing one a compile error). */
export const TEMPLATE_SOURCES: Record<MailTemplateName, TemplateSource> = {
  'ticket-received': ticketReceived,
  'documents-incomplete': documentsIncomplete,
  'step-assigned': stepAssigned,
  'sla-at-risk': slaAtRisk,
  'sla-breached': slaBreached,
  'first-response-at-risk': firstResponseAtRisk,
  'first-response-breached': firstResponseBreached,
  'agent-reply': agentReply,
  'requester-replied': requesterReplied,
  'ticket-resolved': ticketResolved,
  'survey-invitation': surveyInvitation,
  'password-reset': passwordReset,
  'portal-sign-in': portalSignIn,
  'complaint-received': complaintReceived,
  'major-incident-update': majorIncidentUpdate,
  notification: notificationMail,
  'notification-digest': notificationDigest,
  'ticket-merged': ticketMerged,
};
