import { Column, Entity, PrimaryColumn } from 'typeorm';

export type OutboxStatus = 'pending' | 'sent' | 'failed';

/** Which worker delivers a row: the mail worker, the webhook worker or the SP4N-LAPOR! worker. */
export type OutboxChannel = 'mail' | 'webhook' | 'lapor';

/**
 * A side effect that must not be lost (an e-mail, a reminder), written in the same transaction
 * as the change that caused it; a worker delivers it later and records attempts.
 */
@Entity('outbox')
export class OutboxEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** What to do, e.g. `password-reset`, `ticket.sla-breached`. */
  @Column({ type: 'varchar', length: 60 })
  kind: string;

  /** Who delivers it (the database fills `mail` when a row does not say). */
  @Column({ type: 'varchar', length: 16, default: 'mail' })
  channel?: OutboxChannel;

  /** JSON text. */
  @Column({ type: 'text' })
  payload: string;

  @Column({ type: 'varchar', length: 16 })
  status: OutboxStatus;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'datetime', precision: 3 })
  nextAttemptAt: Date;

  /** The worker holding the row while it sends; null when free. */
  @Column({ name: 'claimed_by', type: 'varchar', length: 64, nullable: true })
  claimedBy?: string | null;

  /** A claim older than this is abandoned (the worker died) and may be taken again. */
  @Column({ name: 'claimed_until', type: 'datetime', precision: 3, nullable: true })
  claimedUntil?: Date | null;

  /** One line: why the last attempt failed. */
  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError?: string | null;

  @Column({ name: 'sent_at', type: 'datetime', precision: 3, nullable: true })
  sentAt?: Date | null;

  /** Message-ID of the mail built from this row (kept across retries). */
  @Column({ name: 'message_id', type: 'varchar', length: 255, nullable: true })
  messageId?: string | null;

  /** The ticket the mail is about, when any. */
  @Column({ name: 'ticket_number', type: 'varchar', length: 40, nullable: true })
  ticketNumber?: string | null;

  /** Address the mail went to (for bounces); for a webhook delivery, the webhook's id. */
  @Column({ type: 'varchar', length: 320, nullable: true })
  recipient?: string | null;

  /** A webhook delivery's last HTTP status (null before an answer came). */
  @Column({ name: 'response_code', type: 'int', nullable: true })
  responseCode?: number | null;
}
