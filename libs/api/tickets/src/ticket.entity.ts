import type { Channel } from '@sigap/standards';
import type {
  IncidentPriority,
  SupportHours,
  TicketKind,
  TicketSlaState,
  TicketStatus,
} from '@sigap/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Stored in `due_at` when a clock has no due yet (not started): sorts last in the queue. */
export const NO_DUE = new Date('9999-12-31T00:00:00.000Z');

@Entity('tickets')
export class TicketEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** `BALI-2026-000123`. */
  @Column({ type: 'varchar', length: 40 })
  number: string;

  @Column({ name: 'office_code', type: 'varchar', length: 40 })
  officeCode: string;

  /** Null while a ticket opened from e-mail waits in triage for an agent to choose its service. */
  @Column({ name: 'service_id', type: 'varchar', length: 36, nullable: true })
  serviceId: string | null;

  @Column({ name: 'service_code', type: 'varchar', length: 80, nullable: true })
  serviceCode: string | null;

  /** The catalog version the ticket was opened under (its checklist and steps come from it). */
  @Column({ name: 'service_version', type: 'int', nullable: true })
  serviceVersion: number | null;

  @Column({ type: 'varchar', length: 16 })
  channel: Channel;

  @Column({ name: 'requester_contact_id', type: 'varchar', length: 36 })
  requesterContactId: string;

  @Column({ name: 'opd_id', type: 'varchar', length: 36, nullable: true })
  opdId: string | null;

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 16 })
  status: TicketStatus;

  /** Not resolved, closed or cancelled (the queue's index starts with it). */
  @Column({ name: 'is_open', type: 'boolean', default: true })
  isOpen: boolean;

  /** The agent handling the ticket. */
  @Column({ name: 'assignee_id', type: 'varchar', length: 36, nullable: true })
  assigneeId: string | null;

  /** Optimistic concurrency: every change adds one; actions carry the version they saw. */
  @Column({ type: 'int' })
  version: number;

  /** Ticket clock round: a reopen after closing starts round 2. */
  @Column({ name: 'clock_round', type: 'int', default: 1 })
  clockRound: number;

  @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true })
  createdBy: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;

  @Column({ name: 'received_at', type: 'datetime', precision: 3 })
  receivedAt: Date;

  @Column({ name: 'resolved_at', type: 'datetime', precision: 3, nullable: true })
  resolvedAt: Date | null;

  @Column({ name: 'closed_at', type: 'datetime', precision: 3, nullable: true })
  closedAt: Date | null;

  @Column({ name: 'sla_state', type: 'varchar', length: 16 })
  slaState: TicketSlaState;

  /** Limit due of the ticket clock (NO_DUE when not started). */
  @Column({ name: 'due_at', type: 'datetime', precision: 3 })
  dueAt: Date;

  @Column({ name: 'target_due_at', type: 'datetime', precision: 3, nullable: true })
  targetDueAt: Date | null;

  @Column({ name: 'at_risk_at', type: 'datetime', precision: 3, nullable: true })
  atRiskAt: Date | null;

  @Column({ name: 'calendar_version', type: 'varchar', length: 32, nullable: true })
  calendarVersion: string | null;

  /** Frozen figures (JSON `ClockSnapshot`) once closed. */
  @Column({ name: 'sla_snapshot', type: 'text', nullable: true })
  slaSnapshot: string | null;

  @Column({ name: 'first_response_state', type: 'varchar', length: 16 })
  firstResponseState: TicketSlaState;

  @Column({ name: 'first_response_due_at', type: 'datetime', precision: 3, nullable: true })
  firstResponseDueAt: Date | null;

  @Column({ name: 'first_response_at', type: 'datetime', precision: 3, nullable: true })
  firstResponseAt: Date | null;

  /** The last SLA alert sent by the sweep (`at-risk`, `breached`), so each is sent once. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  alerted: string | null;

  /**
   * `request` (a service request), `complaint` (pengaduan, saran, masukan) or `incident`
   * (gangguan); the database default is `request`.
   */
  @Column({ type: 'varchar', length: 16, default: 'request' })
  kind?: TicketKind;

  /** A complaint: the ticket it is about (same office), when the complainant named one. */
  @Column({ name: 'related_ticket_id', type: 'varchar', length: 36, nullable: true })
  relatedTicketId?: string | null;

  /** When the first-response clock becomes at risk (the sweep's index); null before it starts. */
  @Column({ name: 'first_response_at_risk_at', type: 'datetime', precision: 3, nullable: true })
  firstResponseAtRiskAt?: Date | null;

  /** The last first-response alert sent by the sweep (`at-risk`, `breached`). */
  @Column({ name: 'first_response_alerted', type: 'varchar', length: 16, nullable: true })
  firstResponseAlerted?: string | null;

  /** An incident's priority (P1-P4) from its office's matrix; null for other kinds. */
  @Column({ type: 'varchar', length: 4, nullable: true })
  priority?: IncidentPriority | null;

  /**
   * The calendar the ticket's clocks run on: null or `office` for the office's working time,
   * `24x7` round the clock (an incident on a service supported 24x7). The repository loads the
   * matching calendar; everything else reads `agg.calendar`.
   */
  @Column({ name: 'support_hours', type: 'varchar', length: 8, nullable: true })
  supportHours?: SupportHours | null;

  /** A merged duplicate (`status: merged`): the ticket it continues under (same office, OPD). */
  @Column({ name: 'merged_into_id', type: 'varchar', length: 36, nullable: true })
  mergedIntoId?: string | null;
}
