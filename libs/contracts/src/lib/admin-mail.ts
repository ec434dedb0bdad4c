/** Administration of mail: the outbox (`/api/v1/admin/outbox`) and IMAP mailboxes (`/api/v1/admin/mailboxes`). */

export type OutboxStatusView = 'pending' | 'sent' | 'failed';

/** A row of the outbox list. */
/** Where an outbox row goes: e-mail, or SP4N-LAPOR! (answers and status of its reports). */
export type OutboxChannelView = 'mail' | 'lapor';
export const OUTBOX_CHANNELS: readonly OutboxChannelView[] = ['mail', 'lapor'];

export interface OutboxItemView {
  id: string;
  channel: OutboxChannelView;
  kind: string;
  status: OutboxStatusView;
  ticketNumber: string | null;
  /**
   * Mail: the address, known once the message was built (the first sending attempt).
   * SP4N-LAPOR!: the report's tracking id.
   */
  recipient: string | null;
  messageId: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  nextAttemptAt: string;
  sentAt: string | null;
}

export interface OutboxPageView {
  items: OutboxItemView[];
  /** Opaque; pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/** One outbox message with its content, for the reader. */
export interface OutboxMessageView extends OutboxItemView {
  /**
   * Where the content comes from: `kept` (the file written when no SMTP server is configured),
   * `rendered` (built now from the row, as the worker would), `hidden` (it carries a secret link,
   * e.g. a password reset) or `unavailable` (it cannot be built; see `contentError`).
   */
  source: 'kept' | 'rendered' | 'hidden' | 'unavailable';
  headers: { name: string; value: string }[];
  subject: string | null;
  text: string | null;
  /** Sanitised HTML (no scripts, handlers, forms or remote loads); show it in a sandboxed frame. */
  html: string | null;
  contentError: string | null;
  /** The files the message carries (names and sizes only; the content is never returned). */
  attachments: OutboxAttachmentView[];
}

/** One file attached to an outgoing message. */
export interface OutboxAttachmentView {
  filename: string;
  contentType: string;
  /** In bytes, decoded. */
  size: number;
}

/** How a mailbox is set up: from the database (editable) or from `SIGAP_IMAP_MAILBOXES`. */
export type MailboxOrigin = 'database' | 'config';

/** A mailbox as the API shows it: never its password. */
export interface MailboxView {
  /** Null for a mailbox from configuration. */
  id: string | null;
  origin: MailboxOrigin;
  name: string;
  office: string;
  host: string;
  port: number;
  secure: boolean;
  tlsRejectUnauthorized: boolean;
  user: string;
  /** True when a password is stored (the value itself is never returned). */
  hasPassword: boolean;
  folder: string;
  /** Processed messages are moved there; null marks them seen instead. */
  processedFolder: string | null;
  useIdle: boolean;
  pollSeconds: number;
  enabled: boolean;
  version: number;
  /** The poller's live state when it runs in this process. */
  state: string | null;
  lastPollAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  messagesProcessed: number;
  /** Messages that failed to process and wait for another attempt (left unread). */
  failingMessages: number;
  /** Messages that failed every attempt: flagged on the server for an admin, not fetched again. */
  heldMessages: number;
  /** The latest failed message: its UID, Message-ID and error; null when none. */
  lastMessageError: string | null;
  lastMessageErrorAt: string | null;
  /**
   * The API instance polling the mailbox (`host:pid:random`; one instance at a time across all
   * sharing the database), null when none does; and since when.
   */
  holder: string | null;
  holderSince: string | null;
}

export interface MailboxInput {
  name: string;
  office: string;
  host: string;
  port: number;
  secure: boolean;
  tlsRejectUnauthorized?: boolean;
  user: string;
  /** Required on create; on edit, omitted keeps the stored one. */
  password?: string;
  folder?: string;
  processedFolder?: string | null;
  useIdle?: boolean;
  pollSeconds?: number;
  enabled?: boolean;
}

export interface MailboxTestResult {
  ok: boolean;
  /** Messages in the folder, when the connection worked. */
  messages: number | null;
  error: string | null;
  /** Server capabilities of interest (IDLE, MOVE). */
  capabilities: string[];
}

/** What became of an inbound message. */
export type InboundActionView =
  'created' | 'appended' | 'duplicate' | 'auto-reply' | 'bounce' | 'quarantined' | 'third-party';

/** Where an inbound message stands (`quarantined` waits for an admin, `triage` for an agent). */
export type InboundStatusView =
  'processed' | 'triage' | 'quarantined' | 'released' | 'discarded' | 'third-party' | 'suspect';

/** `POST /api/v1/inbound/mail` (202): what the raw message became. */
export interface InboundResultView {
  action: InboundActionView;
  ticketNumber: string | null;
  messageId: string;
}

/** One received message (`GET /api/v1/inbound/messages`, release, discard). */
export interface InboundMessageView {
  id: string;
  messageId: string;
  /** SHA-256 of the raw message, hex. */
  sha256: string;
  size: number;
  officeCode: string;
  fromAddress: string | null;
  subject: string | null;
  action: InboundActionView;
  status: InboundStatusView;
  ticketNumber: string | null;
  reason: string | null;
  parseError: string | null;
  summary: string | null;
  receivedAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
}

/** An agent's decision on a third party's mail held on a ticket. */
export interface ThirdPartyDecisionView {
  id: string;
  ticketNumber: string;
  decision: 'accept' | 'dismiss';
  status: InboundStatusView;
  /** What the accepted mail did to the ticket, as a requester's reply; null when dismissed. */
  effect: 'answered' | 'reopened' | 'appended' | null;
  decidedAt: string;
  decidedBy: string;
}

/** An IMAP mailbox of `SIGAP_IMAP_MAILBOXES` (`GET /api/v1/mailboxes`): no password. */
export interface MailboxStatusView {
  name: string;
  office: string;
  host: string;
  port: number;
  secure: boolean;
  user: string;
  folder: string;
  processedFolder: string | null;
  enabled: boolean;
  state: 'stopped' | 'connecting' | 'idle' | 'polling' | 'processing' | 'error';
  /** `idle` when the server pushes new mail (IMAP IDLE), `poll` when Sigap asks every interval. */
  mode: 'idle' | 'poll' | null;
  lastPolledAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  /** Consecutive failed connection attempts; drives the backoff. */
  failures: number;
  nextAttemptAt: string | null;
  /** Messages handled since start, by inbound action. */
  counts: Record<string, number>;
  /** Messages that failed and wait for another attempt (left unread). */
  failingMessages: number;
  /** Messages that failed every attempt: flagged on the server for an admin. */
  heldMessages: number;
  /** The API instance polling the mailbox (host:pid:random), null when none does. */
  holder: string | null;
  holderSince: string | null;
}
