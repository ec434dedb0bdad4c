/**
 * Every outbox kind, by name. A new kind is its file in this folder (payload, builder,
 * templates, preview samples) and a line here; the mapped type makes a kind declared but not listed a compile
 * error.
 */
import type { OutboxKindName } from '@sigap/api-outbox';
import {
  MAIL_TEMPLATE_NAMES,
  type MailTemplateName,
  type MailTemplatePropsMap,
} from '../../templates/template-props';
import type { OutboxKind } from './kind';
import { INCIDENT_MAJOR_UPDATE } from './incident-major-update';
import { NOTIFICATION } from './notification';
import { NOTIFICATION_DIGEST } from './notification-digest';
import { PASSWORD_RESET } from './password-reset';
import { PORTAL_SIGN_IN_LINK } from './portal-sign-in-link';
import { SURVEY_INVITATION } from './survey-invitation';
import { TICKET_MERGED } from './ticket-merged';
import { TICKET_RECEIVED } from './ticket-received';
import { TICKET_REPLY } from './ticket-reply';
import { TICKET_REQUESTER_REPLIED } from './ticket-requester-replied';
import { TICKET_RESOLVED } from './ticket-resolved';
import { TICKET_RETURNED } from './ticket-returned-to-requester';
import { TICKET_SLA_AT_RISK } from './ticket-sla-at-risk';
import { TICKET_SLA_BREACHED } from './ticket-sla-breached';
import { TICKET_STEP_ASSIGNED } from './ticket-step-assigned';
import { TICKET_STEP_ESCALATED } from './ticket-step-escalated';
import { TICKET_STEP_SLA_AT_RISK } from './ticket-step-sla-at-risk';

export const OUTBOX_KINDS: { readonly [K in OutboxKindName]: OutboxKind<K> } = {
  'password-reset': PASSWORD_RESET,
  'ticket.received': TICKET_RECEIVED,
  'portal.sign-in-link': PORTAL_SIGN_IN_LINK,
  'ticket.returned-to-requester': TICKET_RETURNED,
  'ticket.resolved': TICKET_RESOLVED,
  'survey.invitation': SURVEY_INVITATION,
  'ticket.reply': TICKET_REPLY,
  'ticket.step-assigned': TICKET_STEP_ASSIGNED,
  'ticket.sla-at-risk': TICKET_SLA_AT_RISK,
  'ticket.sla-breached': TICKET_SLA_BREACHED,
  'ticket.step-sla-at-risk': TICKET_STEP_SLA_AT_RISK,
  'ticket.step-escalated': TICKET_STEP_ESCALATED,
  'ticket.requester-replied': TICKET_REQUESTER_REPLIED,
  'incident.major-update': INCIDENT_MAJOR_UPDATE,
  notification: NOTIFICATION,
  'notification.digest': NOTIFICATION_DIGEST,
  'ticket.merged': TICKET_MERGED,
};

/** The definition of a stored row's kind, or undefined for a kind no code knows. */
export function outboxKind(kind: string): OutboxKind | undefined {
  return Object.prototype.hasOwnProperty.call(OUTBOX_KINDS, kind)
    ? (OUTBOX_KINDS[kind as OutboxKindName] as OutboxKind)
    : undefined;
}

/** Kinds sent automatically to a requester: limited per address, never to a bounced one. */
export const REQUESTER_LIMITED_KINDS: OutboxKindName[] = Object.values(OUTBOX_KINDS)
  .filter((k) => k.requesterLimited)
  .map((k) => k.kind);

/** Kinds whose payload holds a secret until sent (never shown to an administrator). */
export const SECRET_KINDS: ReadonlySet<string> = new Set(
  Object.values(OUTBOX_KINDS)
    .filter((k) => k.secret)
    .map((k) => k.kind),
);

/**
 * The kinds' samples as one map. Refuses (at load, so the start fails and the tests say which)
 * a template that no kind samples, two samples for one template, or a kind sampling a template
 * it does not send.
 */
export function templateSamples(
  kinds: readonly OutboxKind[] = Object.values(OUTBOX_KINDS) as OutboxKind[],
): MailTemplatePropsMap {
  const found: Partial<Record<MailTemplateName, unknown>> = {};
  for (const kind of kinds) {
    for (const [template, props] of Object.entries(kind.samples) as [MailTemplateName, unknown][]) {
      if (!kind.templates.includes(template))
        throw new Error(
          `outbox kind ${kind.kind}: a sample for "${template}", which it does not send`,
        );
      if (template in found) throw new Error(`mail template "${template}": sampled by two kinds`);
      found[template] = props;
    }
  }
  const missing = MAIL_TEMPLATE_NAMES.filter((t) => !(t in found));
  if (missing.length) throw new Error(`mail templates without a sample: ${missing.join(', ')}`);
  return found as MailTemplatePropsMap;
}

export const TEMPLATE_SAMPLES: MailTemplatePropsMap = templateSamples();
