/**
 * What an outbox kind is: the payload it is written with (declared into `OutboxPayloads` by the
 * kind's file), how a stored row of it becomes a mail, and the templates that mail may use.
 */
import type { EntityManager } from 'typeorm';
import type { OfficeCalendar } from '@sigap/api-calendars';
import type { AppConfig } from '@sigap/api-config';
import type { RequesterContactEntity } from '@sigap/api-opds';
import type { OutboxKindName, OutboxPayloads } from '@sigap/api-outbox';
import type { ComposeRequest } from '../../mail.service';
import type { MailTemplateName, MailTemplatePropsMap } from '../../templates/template-props';

/** A row that cannot make a message: a permanent failure with the reason, never a silent skip. */
export class OutboxPayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutboxPayloadError';
  }
}

/** What the worker needs to send one row, except the nonce (the row's). */
export interface PreparedMail {
  request: Omit<ComposeRequest, 'nonce'>;
  ticketNumber: string | null;
  recipient: string;
  /** The payload to store once sent (secrets removed). */
  payloadAfterSend: Record<string, unknown> | null;
  /**
   * Set for automatic mail to a requester contact: the worker skips a bounced address and
   * holds the 4th automatic mail within 10 minutes to the same contact.
   */
  automaticTo: RequesterContactEntity | null;
}

export interface PrepareContext {
  config: AppConfig;
  manager: EntityManager;
  /** Message-IDs already in the ticket's thread, oldest first. */
  threadIds(ticketNumber: string): Promise<string[]>;
  /** Sequence number of the next message of the ticket. */
  nextSeq(ticketNumber: string): Promise<number>;
  /** The office's working calendar (for minutes left or overdue). */
  calendar(officeCode: string): Promise<OfficeCalendar>;
  now(): Date;
}

/**
 * A payload as read back from a row. Rows outlive the code that wrote them (older versions left
 * fields out, wrote others, or wrote them differently), so every field is checked when read: the
 * names come from the payload type, the values are unknown until checked.
 */
export type StoredPayload<P> = { readonly [F in keyof P]?: unknown } & Readonly<
  Record<string, unknown>
>;

/** Preview props per template, typed by the template's props. */
export type TemplateSamples = { readonly [T in MailTemplateName]?: MailTemplatePropsMap[T] };

export interface OutboxKind<K extends OutboxKindName = OutboxKindName> {
  readonly kind: K;
  /** Every template the kind's mail may be rendered with. */
  readonly templates: readonly MailTemplateName[];
  /**
   * What the admin preview, the start-up render check and the tests render each of the kind's
   * templates with. A template shared by two kinds has its sample in exactly one of them.
   */
  readonly samples: TemplateSamples;
  /** Sent automatically to a requester: limited per address, never to a bounced one. */
  readonly requesterLimited?: boolean;
  /** The payload holds a secret until the mail is sent: the admin view never shows it. */
  readonly secret?: boolean;
  prepare(payload: StoredPayload<OutboxPayloads[K]>, ctx: PrepareContext): Promise<PreparedMail>;
}
