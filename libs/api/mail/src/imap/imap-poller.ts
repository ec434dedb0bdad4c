/**
 * Polls one IMAP mailbox: one connection, IDLE when the server offers it (else a NOOP/interval
 * poll), each unread message fed through the inbound mail service (its own transaction), and
 * only then marked \Seen or moved. A crash between commit and flag leaves the message unread; on
 * the next round the inbound service answers `duplicate` for its Message-ID and it is flagged
 * then, so nothing is lost and nothing is processed twice.
 *
 * A message the inbound service fails on (MIME that throws, a database error) stays unread and
 * never blocks the others: its failure is recorded (attempts, last error), it is tried again
 * after a growing delay, and after the last attempt it is flagged `\Flagged` for an admin and no
 * longer fetched until an admin releases it.
 *
 * Sizes are asked for before any message is fetched (RFC822.SIZE with the envelope, one command
 * per round): a message larger than the inbound limit (`SIGAP_INBOUND_MAX_MB`) is never read into
 * memory. It is held at once the same way (flagged, unread, recorded with its size), until an admin
 * raises the limit and releases it, or deletes it from the mailbox (its record then goes too).
 */
import { Logger } from '@nestjs/common';
import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import type { InboundResult } from '../inbound/inbound-mail.service';
import type { ImapMailboxSettings } from '@sigap/api-config';
import type { MailboxStatusView } from '@sigap/contracts';

export type PollerState = MailboxStatusView['state'];

/** What the API shows of one mailbox: settings without the password, and its health. */
export type MailboxStatus = MailboxStatusView;

/** One message the inbound service failed on (see `MessageFailureStore`). */
export interface MessageFailure {
  uid: number;
  messageId: string | null;
  attempts: number;
  firstFailedAt: Date;
  lastFailedAt: Date;
  nextAttemptAt: Date;
  lastError: string;
  heldAt: Date | null;
  /** An admin asked for the (held) message to be deleted from the mailbox. */
  discardRequestedAt?: Date | null;
}

/** Where the failures of one mailbox folder are kept, by UIDVALIDITY and UID. */
export interface MessageFailureStore {
  list(folder: string, uidValidity: string): Promise<MessageFailure[]>;
  save(folder: string, uidValidity: string, failure: MessageFailure): Promise<void>;
  clear(folder: string, uidValidity: string, uid: number): Promise<void>;
}

/** Kept in memory only: for pollers without a database (tests of the poller alone). */
export class MemoryFailureStore implements MessageFailureStore {
  private readonly rows = new Map<string, MessageFailure>();

  async list(folder: string, uidValidity: string): Promise<MessageFailure[]> {
    const prefix = `${folder}\u0000${uidValidity}\u0000`;
    return [...this.rows.entries()].filter(([k]) => k.startsWith(prefix)).map(([, v]) => v);
  }

  async save(folder: string, uidValidity: string, failure: MessageFailure): Promise<void> {
    this.rows.set(`${folder}\u0000${uidValidity}\u0000${failure.uid}`, { ...failure });
  }

  async clear(folder: string, uidValidity: string, uid: number): Promise<void> {
    this.rows.delete(`${folder}\u0000${uidValidity}\u0000${uid}`);
  }
}

/** Attempts at one message before it is held for an admin. */
export const MAX_MESSAGE_ATTEMPTS = 5;

/** Delay after the n-th failed attempt at a message: 1 min, 5 min, 25 min, then 2 h. */
export function defaultMessageRetryMs(attempts: number): number {
  return Math.min(2 * 3600_000, 60_000 * 5 ** Math.max(0, attempts - 1));
}

/** The Message-ID header of a raw message, read from its header block only. */
export function rawMessageId(raw: Buffer): string | null {
  const end = raw.indexOf('\r\n\r\n');
  const head = raw.subarray(0, end >= 0 ? Math.min(end, 65_536) : 65_536).toString('latin1');
  const match = /^message-id:[ \t]*(?:\r?\n[ \t]+)?(<[^<>\s]{1,250}>)/im.exec(head);
  return match ? match[1] : null;
}

export interface PollerDeps {
  /** The same method `POST /api/v1/inbound/mail` uses. */
  accept(raw: Buffer, recipients: string[]): Promise<InboundResult>;
  /** Recipient addresses that tie a message to the mailbox's office. */
  recipients(): Promise<string[]>;
  /** Fault injection for tests: runs after the commit, before the flag. */
  beforeFlag?: (uid: number, result: InboundResult) => Promise<void> | void;
  /** Backoff after the n-th consecutive failure, in ms (default 1 s doubling up to 5 min). */
  backoffMs?: (failures: number) => number;
  /** Told after each round and each failure (a database mailbox records its status). */
  report?: (event: PollerReport) => Promise<void> | void;
  /** Where failed messages are recorded (default: in memory). */
  failures?: MessageFailureStore;
  /** Delay before the next attempt at a message after its n-th failure. */
  messageRetryMs?: (attempts: number) => number;
  /** Attempts at one message before it is held for an admin (default 5). */
  maxMessageAttempts?: number;
  /** Largest message fetched, in bytes (the inbound limit); larger ones are held unread. */
  maxMessageBytes?: number;
  /**
   * The connection may stay plain text (`SIGAP_IMAP_TLS=off`, a local test server). Otherwise a
   * mailbox without implicit TLS must upgrade with STARTTLS before logging in.
   */
  plainTextAllowed?: boolean;
  /**
   * Whether this instance still holds the mailbox's lease; checked before each message is
   * fetched, so an instance that lost it (paused past its end) stops at once, before its
   * owner even stops the poller.
   */
  mayFetch?: () => boolean;
}

export type PollerReport =
  | { kind: 'polled'; at: Date; processed: number }
  | { kind: 'error'; at: Date; error: string }
  | { kind: 'message-failed'; at: Date; error: string; held: boolean };

const MAX_BACKOFF_MS = 5 * 60_000;

export function defaultBackoffMs(failures: number): number {
  return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, failures - 1));
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

function errorText(error: unknown): string {
  const e = error as { message?: string; responseText?: string; code?: string };
  const text = [e.message, e.responseText, e.code].filter(Boolean).join(' — ');
  return (text || String(error)).slice(0, 500);
}

/**
 * Server, login and TLS of an IMAP connection: implicit TLS when `secure`, else STARTTLS demanded
 * before LOGIN (`doSTARTTLS: true`: a server that does not offer it, or an attacker stripping it,
 * ends the connection before the password is sent), or plain text when explicitly allowed.
 */
export function imapConnectionOptions(
  s: ImapMailboxSettings,
  plainTextAllowed: boolean,
): Pick<ImapFlowOptions, 'host' | 'port' | 'secure' | 'auth' | 'tls' | 'doSTARTTLS'> {
  return {
    host: s.host,
    port: s.port,
    secure: s.secure,
    auth: { user: s.user, pass: s.password },
    tls: { rejectUnauthorized: s.tlsRejectUnauthorized },
    ...(s.secure ? {} : { doSTARTTLS: !plainTextAllowed }),
  };
}

export class ImapPoller {
  private readonly log: Logger;
  private client: ImapFlow | null = null;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  /** New mail announced while a round was running: poll again at once. */
  private pending = false;
  private readonly status: MailboxStatus;
  private readonly failures: MessageFailureStore;

  constructor(
    readonly settings: ImapMailboxSettings,
    private readonly deps: PollerDeps,
  ) {
    this.log = new Logger(`Imap:${settings.name}`);
    this.status = {
      name: settings.name,
      office: settings.office,
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      user: settings.user,
      folder: settings.folder,
      processedFolder: settings.processedFolder,
      enabled: settings.enabled,
      state: 'stopped',
      mode: null,
      lastPolledAt: null,
      lastError: null,
      lastErrorAt: null,
      failures: 0,
      nextAttemptAt: null,
      counts: {},
      failingMessages: 0,
      heldMessages: 0,
      holder: null,
      holderSince: null,
    };
    this.failures = deps.failures ?? new MemoryFailureStore();
  }

  snapshot(): MailboxStatus {
    return { ...this.status, counts: { ...this.status.counts } };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Ends the loop and the connection; resolves when the loop has finished. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    const client = this.client;
    this.client = null;
    if (client) {
      try {
        await Promise.race([client.logout(), new Promise((r) => setTimeout(r, 2000))]);
      } catch {
        // closing anyway
      }
      client.close();
    }
    await this.loop;
    this.loop = null;
    this.status.state = 'stopped';
  }

  /** Asks for a poll now (e.g. from the API), without waiting for IDLE or the interval. */
  pollNow(): void {
    // Asked during a round: another round follows it at once.
    this.pending = true;
    this.wake?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.ensureConnected();
        await this.poll();
        this.status.failures = 0;
        this.status.nextAttemptAt = null;
        await this.waitForMail();
      } catch (error) {
        if (!this.running) break;
        this.status.failures++;
        this.status.state = 'error';
        this.status.lastError = errorText(error);
        this.status.lastErrorAt = new Date().toISOString();
        const delay = (this.deps.backoffMs ?? defaultBackoffMs)(this.status.failures);
        this.status.nextAttemptAt = new Date(Date.now() + delay).toISOString();
        this.log.warn(`${this.status.lastError}; mencoba lagi dalam ${Math.round(delay / 1000)} d`);
        await this.tell({ kind: 'error', at: new Date(), error: this.status.lastError });
        this.dropClient();
        await this.sleep(delay);
      }
    }
  }

  private dropClient(): void {
    const client = this.client;
    this.client = null;
    if (client) client.close();
  }

  private async ensureConnected(): Promise<ImapFlow> {
    if (this.client?.usable) return this.client;
    this.dropClient();
    this.status.state = 'connecting';
    const s = this.settings;
    const client = new ImapFlow({
      ...imapConnectionOptions(s, this.deps.plainTextAllowed ?? false),
      logger: false,
      maxIdleTime: s.pollSeconds * 1000,
      autoIdleDelay: 1000,
      // IDLE off: the mailbox is only polled every `pollSeconds`.
      ...(s.useIdle === false ? { disableAutoIdle: true } : {}),
    });
    // Errors surface through the failing command and the 'close' event.
    client.on('error', (error: Error) => {
      this.status.lastError = errorText(error);
      this.status.lastErrorAt = new Date().toISOString();
    });
    client.on('close', () => {
      if (this.client === client) this.wake?.();
    });
    client.on('exists', () => {
      if (this.client !== client) return;
      this.pending = true;
      this.wake?.();
    });
    await client.connect();
    if (s.processedFolder) {
      const list = await client.list();
      if (!list.some((m) => m.path === s.processedFolder)) {
        await client.mailboxCreate(s.processedFolder);
      }
    }
    this.client = client;
    this.status.mode = s.useIdle !== false && client.capabilities.has('IDLE') ? 'idle' : 'poll';
    return client;
  }

  /** One round: every unread message (every message when moving), oldest first. */
  async poll(): Promise<void> {
    const client = await this.ensureConnected();
    this.status.state = 'processing';
    const lock = await client.getMailboxLock(this.settings.folder);
    this.pending = false;
    try {
      const found = await client.search(
        this.settings.processedFolder ? { all: true } : { seen: false },
        { uid: true },
      );
      const uids = (found || []).sort((a, b) => a - b);
      const uidValidity = String(client.mailbox ? client.mailbox.uidValidity : 0);
      // Known failures: only looked up when there is something to match them against.
      const lookUp = uids.length > 0 || this.status.failingMessages + this.status.heldMessages > 0;
      const failed = new Map(
        (lookUp ? await this.failures.list(this.settings.folder, uidValidity) : []).map((f) => [
          f.uid,
          f,
        ]),
      );
      // Held messages an admin had deleted: removed from the server unread, records and all.
      const deleted = new Set<number>();
      for (const uid of uids) {
        if (!this.running || this.deps.mayFetch?.() === false) break;
        if (!failed.get(uid)?.discardRequestedAt) continue;
        await client.messageDelete(String(uid), { uid: true });
        deleted.add(uid);
        failed.delete(uid);
        await this.failures.clear(this.settings.folder, uidValidity, uid);
        this.status.counts['discarded'] = (this.status.counts['discarded'] ?? 0) + 1;
        this.log.log(
          `pesan UID ${uid} yang ditahan dihapus dari kotak surat atas permintaan admin`,
        );
      }
      // Held for an admin, or waiting for its next attempt: the others still go through.
      const due = uids.filter((uid) => {
        const before = failed.get(uid);
        if (deleted.has(uid) || before?.discardRequestedAt) return false;
        return !before || (!before.heldAt && before.nextAttemptAt.getTime() <= Date.now());
      });
      const recipients = due.length ? await this.deps.recipients() : [];
      const limit = this.deps.maxMessageBytes ?? null;
      // Each message's size (and Message-ID) before its body: the large ones are never fetched.
      const sizes = due.length && limit !== null ? await this.sizes(client, due) : new Map();
      let processed = 0;
      for (const uid of due) {
        if (!this.running || this.deps.mayFetch?.() === false) break;
        const before = failed.get(uid);
        const known = sizes.get(uid);
        if (limit !== null && known && known.size > limit) {
          failed.set(uid, await this.holdTooLarge(client, uidValidity, uid, before, known, limit));
          continue;
        }
        const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
        if (!message || !message.source) continue;
        if (limit !== null && message.source.length > limit) {
          // The server reported less than it sent: held all the same, never processed.
          const found = { size: message.source.length, messageId: rawMessageId(message.source) };
          failed.set(uid, await this.holdTooLarge(client, uidValidity, uid, before, found, limit));
          continue;
        }
        // Commit first (its own transaction in the inbound service) ...
        let result: InboundResult;
        try {
          result = await this.deps.accept(message.source, recipients);
        } catch (error) {
          // Left unread and retried later (a growing delay); after the last attempt, flagged.
          const failure = await this.recordFailure(client, uidValidity, uid, before, {
            error,
            messageId: rawMessageId(message.source),
          });
          failed.set(uid, failure);
          continue;
        }
        this.status.counts[result.action] = (this.status.counts[result.action] ?? 0) + 1;
        processed++;
        await this.deps.beforeFlag?.(uid, result);
        // ... and only then tell the server it is done.
        if (this.settings.processedFolder) {
          await client.messageMove(String(uid), this.settings.processedFolder, { uid: true });
        } else {
          await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
        }
        if (before) {
          // Released by an admin after being held: the flag set for them comes off.
          if (before.attempts >= (this.deps.maxMessageAttempts ?? MAX_MESSAGE_ATTEMPTS)) {
            await client.messageFlagsRemove(String(uid), ['\\Flagged'], { uid: true });
          }
          failed.delete(uid);
          await this.failures.clear(this.settings.folder, uidValidity, uid);
        }
      }
      // Failures of messages no longer in the folder (moved or deleted by someone) are dropped.
      const present = new Set(uids.filter((uid) => !deleted.has(uid)));
      for (const uid of [...failed.keys()]) {
        if (present.has(uid)) continue;
        failed.delete(uid);
        await this.failures.clear(this.settings.folder, uidValidity, uid);
      }
      this.status.heldMessages = [...failed.values()].filter((f) => f.heldAt).length;
      this.status.failingMessages = failed.size - this.status.heldMessages;
      this.status.lastPolledAt = new Date().toISOString();
      await this.tell({ kind: 'polled', at: new Date(), processed });
    } finally {
      lock.release();
    }
    this.status.state = this.status.mode === 'idle' ? 'idle' : 'polling';
  }

  /** RFC822.SIZE and Message-ID of the given messages, without their bodies. */
  private async sizes(
    client: ImapFlow,
    uids: number[],
  ): Promise<Map<number, { size: number; messageId: string | null }>> {
    const out = new Map<number, { size: number; messageId: string | null }>();
    for await (const m of client.fetch(
      uids,
      { uid: true, size: true, envelope: true },
      { uid: true },
    )) {
      if (typeof m.size !== 'number') continue;
      out.set(m.uid, { size: m.size, messageId: m.envelope?.messageId?.trim() || null });
    }
    return out;
  }

  /**
   * A message over the inbound limit: held at once (no attempt could succeed), flagged for an
   * admin and left unread, with its size in the record. Counted as the last attempt, so that a
   * later success (the limit raised, the message released) takes the flag off again.
   */
  private holdTooLarge(
    client: ImapFlow,
    uidValidity: string,
    uid: number,
    before: MessageFailure | undefined,
    found: { size: number; messageId: string | null },
    limit: number,
  ): Promise<MessageFailure> {
    const error = new Error(
      `pesan ${megabytes(found.size)} melebihi batas pesan masuk ${megabytes(limit)} (SIGAP_INBOUND_MAX_MB); tidak diambil`,
    );
    return this.recordFailure(client, uidValidity, uid, before, {
      error,
      messageId: found.messageId,
      holdNow: true,
    });
  }

  /**
   * Records a failed attempt at a message: its count, error and next attempt; on the last
   * attempt (or at once with `holdNow`) the message is flagged `\Flagged` (still unread) and
   * held for an admin.
   */
  private async recordFailure(
    client: ImapFlow,
    uidValidity: string,
    uid: number,
    before: MessageFailure | undefined,
    what: { error: unknown; messageId: string | null; holdNow?: boolean },
  ): Promise<MessageFailure> {
    const now = new Date();
    const max = this.deps.maxMessageAttempts ?? MAX_MESSAGE_ATTEMPTS;
    const tried = (before?.attempts ?? 0) + 1;
    const attempts = what.holdNow ? Math.max(tried, max) : tried;
    const held = attempts >= max;
    const reason = errorText(what.error);
    const failure: MessageFailure = {
      uid,
      messageId: what.messageId ?? before?.messageId ?? null,
      attempts,
      firstFailedAt: before?.firstFailedAt ?? now,
      lastFailedAt: now,
      nextAttemptAt: new Date(
        now.getTime() + (this.deps.messageRetryMs ?? defaultMessageRetryMs)(attempts),
      ),
      lastError: reason,
      heldAt: held ? now : null,
    };
    this.status.counts['failed'] = (this.status.counts['failed'] ?? 0) + 1;
    this.status.lastError =
      `UID ${uid}${failure.messageId ? ` ${failure.messageId}` : ''}: ${reason}`.slice(0, 500);
    this.status.lastErrorAt = now.toISOString();
    this.log.warn(
      (what.holdNow
        ? `pesan UID ${uid} ditahan: ${reason}`
        : `pesan UID ${uid} gagal diproses (percobaan ${attempts} dari ${max}): ${reason}`) +
        (held ? '; ditandai untuk admin dan tidak diambil lagi' : ''),
    );
    await this.failures.save(this.settings.folder, uidValidity, failure);
    if (held) await client.messageFlagsAdd(String(uid), ['\\Flagged'], { uid: true });
    await this.tell({ kind: 'message-failed', at: now, error: this.status.lastError, held });
    return failure;
  }

  /** Reports to the owner; a failing report never stops the mailbox. */
  private async tell(event: PollerReport): Promise<void> {
    try {
      await this.deps.report?.(event);
    } catch (error) {
      this.log.warn(`status kotak surat tidak tersimpan: ${errorText(error)}`);
    }
  }

  /** Waits for new mail (IDLE pushes 'exists'), the poll interval, a close or `stop()`. */
  private waitForMail(): Promise<void> {
    if (this.pending) return Promise.resolve();
    return this.sleep(this.settings.pollSeconds * 1000);
  }

  private sleep(ms: number): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }
}
