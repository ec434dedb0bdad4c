import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An IMAP message the inbound service failed on (MIME it could not handle, a database error).
 * The message stays unread on the server; it is tried again after a growing delay, and after the
 * last attempt it is held: flagged (`\Flagged`) for an admin and no longer fetched. A success
 * removes the row. Keyed by the mailbox's name, folder and the folder's UIDVALIDITY with the UID.
 */
@Entity('mailbox_message_failures')
export class MailboxMessageFailureEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 40 })
  mailbox: string;

  @Column({ type: 'varchar', length: 200 })
  folder: string;

  @Column({ name: 'uid_validity', type: 'varchar', length: 20 })
  uidValidity: string;

  @Column({ type: 'int' })
  uid: number;

  /** The message's Message-ID header when it could be read; null otherwise. */
  @Column({ name: 'message_id', type: 'varchar', length: 255, nullable: true })
  messageId: string | null;

  @Column({ type: 'int' })
  attempts: number;

  @Column({ name: 'first_failed_at', type: 'datetime', precision: 3 })
  firstFailedAt: Date;

  @Column({ name: 'last_failed_at', type: 'datetime', precision: 3 })
  lastFailedAt: Date;

  /** Not fetched again before this. */
  @Column({ name: 'next_attempt_at', type: 'datetime', precision: 3 })
  nextAttemptAt: Date;

  @Column({ name: 'last_error', type: 'varchar', length: 500 })
  lastError: string;

  /** Set after the last attempt: flagged on the server for an admin, not fetched again. */
  @Column({ name: 'held_at', type: 'datetime', precision: 3, nullable: true })
  heldAt: Date | null;

  /** Set when an admin asks for the held message to be deleted from the mailbox. */
  @Column({ name: 'discard_requested_at', type: 'datetime', precision: 3, nullable: true })
  discardRequestedAt?: Date | null;
}
