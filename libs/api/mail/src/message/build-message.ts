/**
 * Turns a rendered template and the ticket's thread into a nodemailer message: our Message-ID
 * (which names the ticket), In-Reply-To / References to the thread, the `[#NUMBER]` subject tag,
 * Reply-To the office's helpdesk mailbox, and the loop / auto-reply headers. Pure: the nonce
 * comes in, so the same outbox row always gets the same Message-ID across retries.
 */
import {
  findSubjectTicketNumber,
  makeMessageId,
  subjectTag,
  type OutboundKind,
} from '@sigap/mail-threading';
import type { SendMailOptions } from 'nodemailer';
import type { MailTemplateName, RenderedMail } from '../templates/template-props';

/** How many Message-IDs References carries: the thread's first and the latest ones. */
export const MAX_REFERENCES = 10;

/** Header value identifying our own mail in loops (`X-Loop`). */
export const X_LOOP_VALUE = 'sigap';

/** The Message-ID kind of each template; null for mail about no ticket. */
export const TEMPLATE_KIND: Record<MailTemplateName, OutboundKind | null> = {
  'ticket-received': 'auto-reply',
  'documents-incomplete': 'notification',
  'step-assigned': 'notification',
  'sla-at-risk': 'reminder',
  'sla-breached': 'reminder',
  'first-response-at-risk': 'reminder',
  'first-response-breached': 'reminder',
  'agent-reply': 'reply',
  'requester-replied': 'notification',
  'ticket-resolved': 'notification',
  'survey-invitation': 'notification',
  'password-reset': null,
  'portal-sign-in': null,
  'complaint-received': 'auto-reply',
  'major-incident-update': 'notification',
  notification: 'notification',
  'notification-digest': null,
  'ticket-merged': 'notification',
};

export interface ThreadContext {
  ticketNumber: string;
  /** Sequence of this message within the ticket. */
  seq: number;
  kind: OutboundKind;
  /** Message-IDs already in the ticket's thread, oldest first (ours and the requester's). */
  threadMessageIds: string[];
}

export interface OutgoingMail {
  /** `"Sigap Diskominfo" <helpdesk@example.go.id>` */
  from: string;
  to: string[];
  cc?: string[];
  /** The office's helpdesk mailbox; null leaves replies going to `from`. */
  replyTo: string | null;
  /** Domain of our Message-IDs. */
  domain: string;
  /** 4-32 lowercase letters/digits, stable per message (e.g. from the outbox row id). */
  nonce: string;
  /**
   * Key of the MAC in our Message-IDs (the marker key): only ids carrying a valid MAC (or kept
   * on an outbox row) thread a reply to a ticket.
   */
  idSecret: string;
  /** Null for mail about no ticket (password reset). */
  thread: ThreadContext | null;
  /** Sent by the system, not typed by a person: marks it Auto-Submitted. */
  automatic: boolean;
  /** Files carried by the message, each with its name and media type. */
  attachments?: { filename: string; contentType: string; content: Buffer }[];
}

export interface BuiltMessage {
  messageId: string;
  message: SendMailOptions;
}

/** Thrown for input that cannot make a valid message; names the field. */
export class MailMessageError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'MailMessageError';
  }
}

function normalizeId(id: string): string | null {
  const value = id.trim().replace(/^<|>$/g, '').trim();
  return /^[^\s<>@]+@[^\s<>@]+$/.test(value) ? `<${value}>` : null;
}

/** The first ID and the latest ones, at most `max` in all, duplicates and junk removed. */
export function boundedReferences(ids: string[], max = MAX_REFERENCES): string[] {
  const unique: string[] = [];
  for (const raw of ids) {
    const id = normalizeId(raw);
    if (id && !unique.includes(id)) unique.push(id);
  }
  if (unique.length <= max) return unique;
  return [unique[0], ...unique.slice(unique.length - (max - 1))];
}

/** Puts `[#NUMBER]` in front of the subject unless it already carries this ticket's tag. */
export function tagSubject(subject: string, ticketNumber: string): string {
  const clean = subject.replace(/\s+/g, ' ').trim();
  const tag = subjectTag(ticketNumber);
  if (findSubjectTicketNumber(clean) === ticketNumber.toUpperCase()) return clean;
  return clean ? `${tag} ${clean}` : tag;
}

function accountMessageId(nonce: string, domain: string): string {
  return `<sigap.account.${nonce}@${domain}>`;
}

export function buildMailMessage(rendered: RenderedMail, mail: OutgoingMail): BuiltMessage {
  if (!mail.to.length) throw new MailMessageError('to', 'tidak ada penerima');
  const domain = mail.domain.trim().toLowerCase();
  if (!/^[a-z0-9.-]+\.[a-z]{2,}$/.test(domain)) {
    throw new MailMessageError('domain', `"${mail.domain}" bukan nama domain yang valid`);
  }
  if (!/^[a-z0-9]{4,32}$/.test(mail.nonce)) {
    throw new MailMessageError('nonce', `harus 4-32 huruf kecil/angka, bukan "${mail.nonce}"`);
  }

  const headers: Record<string, string> = { 'X-Loop': X_LOOP_VALUE };
  if (mail.automatic) {
    headers['Auto-Submitted'] = 'auto-generated';
    headers['X-Auto-Response-Suppress'] = 'All';
    // Old vacation responders look at Precedence only; a person's reply carries none.
    headers['Precedence'] = 'bulk';
  }

  const message: SendMailOptions = {
    from: mail.from,
    to: mail.to,
    ...(mail.cc?.length ? { cc: mail.cc } : {}),
    ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    headers,
    textEncoding: 'quoted-printable',
  };
  if (mail.attachments?.length) {
    message.attachments = mail.attachments.map((a) => ({
      // One line, no path: the name is shown to the recipient as given.
      filename:
        a.filename
          .replace(/[\r\n\t]+/g, ' ')
          .replace(/[\\/]/g, '_')
          .trim() || 'lampiran',
      contentType: a.contentType,
      content: a.content,
      contentDisposition: 'attachment' as const,
    }));
  }

  let messageId: string;
  if (mail.thread) {
    const { ticketNumber, seq, kind } = mail.thread;
    messageId = makeMessageId({
      ticketNumber,
      kind,
      seq,
      domain,
      nonce: mail.nonce,
      secret: mail.idSecret,
    });
    message.subject = tagSubject(rendered.subject, ticketNumber);
    const references = boundedReferences(mail.thread.threadMessageIds).filter(
      (id) => id !== messageId,
    );
    if (references.length) {
      message.inReplyTo = references[references.length - 1];
      message.references = references;
    }
  } else {
    messageId = accountMessageId(mail.nonce, domain);
  }
  message.messageId = messageId;
  return { messageId, message };
}
