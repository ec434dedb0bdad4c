import { randomUUID } from 'node:crypto';
import { DataSource, In, IsNull, Not, type EntityManager } from 'typeorm';
import type { MessageFailure, MessageFailureStore } from './imap-poller';
import { MailboxMessageFailureEntity } from './mailbox-message-failure.entity';

/** The failed messages of one mailbox, kept in `mailbox_message_failures`. */
export class DatabaseFailureStore implements MessageFailureStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mailbox: string,
  ) {}

  private get repo() {
    return this.dataSource.getRepository(MailboxMessageFailureEntity);
  }

  async list(folder: string, uidValidity: string): Promise<MessageFailure[]> {
    const rows = await this.repo.find({ where: { mailbox: this.mailbox, folder, uidValidity } });
    return rows.map((r) => ({
      uid: r.uid,
      messageId: r.messageId,
      attempts: r.attempts,
      firstFailedAt: r.firstFailedAt,
      lastFailedAt: r.lastFailedAt,
      nextAttemptAt: r.nextAttemptAt,
      lastError: r.lastError,
      heldAt: r.heldAt,
      discardRequestedAt: r.discardRequestedAt ?? null,
    }));
  }

  async save(folder: string, uidValidity: string, f: MessageFailure): Promise<void> {
    const key = { mailbox: this.mailbox, folder, uidValidity, uid: f.uid };
    const values = {
      messageId: f.messageId?.slice(0, 255) ?? null,
      attempts: f.attempts,
      firstFailedAt: f.firstFailedAt,
      lastFailedAt: f.lastFailedAt,
      nextAttemptAt: f.nextAttemptAt,
      lastError: f.lastError.slice(0, 500),
      heldAt: f.heldAt,
    };
    const updated = await this.repo.update(key, values);
    if (!updated.affected) await this.repo.insert({ id: randomUUID(), ...key, ...values });
  }

  async clear(folder: string, uidValidity: string, uid: number): Promise<void> {
    await this.repo.delete({ mailbox: this.mailbox, folder, uidValidity, uid });
  }
}

/** What the mailbox list shows of a mailbox's failed messages. */
export interface FailureSummary {
  /** Failed, waiting for another attempt. */
  failing: number;
  /** Failed every attempt: flagged for an admin. */
  held: number;
  /** The latest failure's error, with its UID and Message-ID. */
  lastError: string | null;
  lastFailedAt: Date | null;
}

export async function failureSummaries(
  dataSource: DataSource,
  mailboxes: string[],
): Promise<Map<string, FailureSummary>> {
  const out = new Map<string, FailureSummary>();
  if (!mailboxes.length) return out;
  const rows = await dataSource.getRepository(MailboxMessageFailureEntity).find({
    where: { mailbox: In(mailboxes) },
    order: { lastFailedAt: 'ASC' },
  });
  for (const r of rows) {
    const s = out.get(r.mailbox) ?? { failing: 0, held: 0, lastError: null, lastFailedAt: null };
    if (r.heldAt) s.held++;
    else s.failing++;
    s.lastError = `UID ${r.uid}${r.messageId ? ` ${r.messageId}` : ''}: ${r.lastError}`.slice(
      0,
      500,
    );
    s.lastFailedAt = r.lastFailedAt;
    out.set(r.mailbox, s);
  }
  return out;
}

/**
 * An admin releases a mailbox's held messages: each gets one more attempt at the next round
 * (its flag comes off when it goes through; a new failure holds it again). The count released.
 */
export async function releaseHeld(dataSource: DataSource, mailbox: string): Promise<number> {
  const result = await dataSource
    .getRepository(MailboxMessageFailureEntity)
    .update(
      { mailbox, heldAt: Not(IsNull()) },
      { heldAt: null, nextAttemptAt: new Date(0), discardRequestedAt: null },
    );
  return result.affected ?? 0;
}

/**
 * An admin has a mailbox's held messages deleted from the server (a message too large to take,
 * one that can never be read): each is deleted by its poller at the next round, never fetched,
 * and its record goes with it. The count marked.
 */
export async function discardHeld(
  dataSource: DataSource,
  mailbox: string,
  at: Date,
): Promise<number> {
  const result = await dataSource
    .getRepository(MailboxMessageFailureEntity)
    .update({ mailbox, heldAt: Not(IsNull()) }, { discardRequestedAt: at });
  return result.affected ?? 0;
}

/**
 * A mailbox was renamed: its failed messages (attempt counts, held flags) follow it to the new
 * name, so a rename neither retries held messages afresh nor leaves orphaned rows behind. Runs in
 * the caller's transaction when given one. The count moved.
 */
export async function renameFailures(
  manager: EntityManager,
  from: string,
  to: string,
): Promise<number> {
  if (from === to) return 0;
  const repo = manager.getRepository(MailboxMessageFailureEntity);
  const moving = await repo.find({
    select: { folder: true, uidValidity: true, uid: true },
    where: { mailbox: from },
  });
  if (!moving.length) return 0;
  // The newer record of a message wins over one already under the new name (left by an earlier
  // mailbox of that name, or moved by a previous pass): the unique key allows only one.
  for (const m of moving) {
    await repo.delete({ mailbox: to, folder: m.folder, uidValidity: m.uidValidity, uid: m.uid });
  }
  const result = await repo.update({ mailbox: from }, { mailbox: to });
  return result.affected ?? 0;
}
