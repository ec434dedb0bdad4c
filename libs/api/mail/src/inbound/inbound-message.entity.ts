import type { InboundActionView, InboundStatusView } from '@sigap/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What became of an inbound message. */
export type InboundAction = InboundActionView;

/**
 * `processed` (done), `triage` (new request waiting for an agent to open a ticket: a ticket
 * needs a service), `quarantined` (unknown sender, waiting for an admin), `released`,
 * `discarded`, `third-party` (a genuine reply to a ticket from someone who is not its
 * participant: held on the ticket until an agent accepts or dismisses it), `suspect` (a delivery
 * report about no mail we sent to the address it names: kept for admins, acted on never).
 */
export type InboundStatus = InboundStatusView;

/**
 * One accepted raw message; the raw bytes are kept by their SHA-256 in the data folder
 * (`mail/inbound/<sha256>.eml`) or the bucket (`<prefix>/mail/inbound/ab/cd/<sha256>`).
 */
@Entity('inbound_messages')
export class InboundMessageEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** Normalised Message-ID (`<local@domain>`); synthesised from the hash when missing. */
  @Column({ name: 'message_id', type: 'varchar', length: 255 })
  messageId: string;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ type: 'int' })
  size: number;

  @Column({ name: 'office_code', type: 'varchar', length: 40 })
  officeCode: string;

  @Column({ name: 'from_address', type: 'varchar', length: 320, nullable: true })
  fromAddress: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  subject: string | null;

  @Column({ type: 'varchar', length: 16 })
  action: InboundAction;

  @Column({ type: 'varchar', length: 16 })
  status: InboundStatus;

  @Column({ name: 'ticket_number', type: 'varchar', length: 40, nullable: true })
  ticketNumber: string | null;

  /** Why it was classified so (threading or classification reasons). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  /** Set when the MIME could only be read in part. */
  @Column({ name: 'parse_error', type: 'varchar', length: 500, nullable: true })
  parseError: string | null;

  /** JSON: quote-stripped text, sanitised HTML, attachments (for triage and quarantine views). */
  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Column({ name: 'received_at', type: 'datetime', precision: 3 })
  receivedAt: Date;

  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decided_by', type: 'varchar', length: 36, nullable: true })
  decidedBy: string | null;
}
