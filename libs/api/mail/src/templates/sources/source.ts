import type { MailLocale } from '../helpers';
import type { MailTemplateName } from '../template-props';

/** One language of one template: Handlebars sources of the subject, HTML body and text body. */
export interface TemplateParts {
  /** Plain text, one line (the `[#NUMBER]` tag is added when the message is built). */
  subject: string;
  /** HTML body only; the shared frame (`layout.ts`) wraps it. */
  html: string;
  text: string;
}

export interface TemplateSource {
  name: MailTemplateName;
  description: Record<MailLocale, string>;
  /** Whether the message is about a ticket (subject tag, ticket footer) or an account. */
  kind: 'ticket' | 'account';
  id: TemplateParts;
  en: TemplateParts;
}
