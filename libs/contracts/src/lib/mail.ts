/** Names of the outgoing e-mail templates (see `GET /api/v1/mail/templates`). */
export type MailTemplateName =
  | 'ticket-received'
  | 'documents-incomplete'
  | 'step-assigned'
  | 'sla-at-risk'
  | 'sla-breached'
  | 'first-response-at-risk'
  | 'first-response-breached'
  | 'agent-reply'
  | 'requester-replied'
  | 'ticket-resolved'
  | 'survey-invitation'
  | 'password-reset'
  | 'portal-sign-in'
  | 'complaint-received'
  | 'major-incident-update'
  | 'notification'
  | 'notification-digest'
  | 'ticket-merged';

export type MailLocale = 'id' | 'en';

export interface MailTemplateSummary {
  name: MailTemplateName;
  /** What the message is for, in Indonesian and English. */
  description: Record<MailLocale, string>;
}

/** A template rendered with its sample data. */
export interface MailPreview {
  name: MailTemplateName;
  locale: MailLocale;
  subject: string;
  html: string;
  text: string;
}
