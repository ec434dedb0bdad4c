import type { StepStatus, TicketSlaState } from '@sigap/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One procedure step of a ticket, copied from the service version it was opened under. */
@Entity('ticket_steps')
export class TicketStepEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'ticket_id', type: 'varchar', length: 36 })
  ticketId: string;

  @Column({ name: 'office_code', type: 'varchar', length: 40 })
  officeCode: string;

  @Column({ name: 'step_order', type: 'int' })
  stepOrder: number;

  @Column({ type: 'text' })
  description: string;

  /** The responsible position: the step's owner, whose clock it is (see `stepOwner`). */
  @Column({ name: 'position_code', type: 'varchar', length: 60 })
  positionCode: string;

  /** Positions that take part, as published (the owner among them). */
  @Column({ type: 'simple-json' })
  executors: string[];

  /** Parties outside the office's position table who take part (Kementerian PAN-RB). */
  @Column({ type: 'simple-json', nullable: true })
  participants: string[] | null;

  /** After go-live: does not keep the ticket open and is not on the ticket's clock. */
  @Column({ name: 'follow_up', type: 'boolean', default: false })
  followUp: boolean;

  @Column({ name: 'time_text', type: 'varchar', length: 100, nullable: true })
  timeText: string | null;

  /** Only the requester's side acts: no office assignee, and the ticket clock pauses. */
  @Column({ name: 'requester_side', type: 'boolean', default: false })
  requesterSide: boolean;

  @Column({ name: 'parallel_with_previous', type: 'boolean', default: false })
  parallelWithPrevious: boolean;

  @Column({ type: 'varchar', length: 16 })
  status: StepStatus;

  @Column({ name: 'assignee_id', type: 'varchar', length: 36, nullable: true })
  assigneeId: string | null;

  @Column({ name: 'output_text', type: 'text', nullable: true })
  outputText: string | null;

  @Column({ name: 'output_attachment_id', type: 'varchar', length: 36, nullable: true })
  outputAttachmentId: string | null;

  @Column({ name: 'activated_at', type: 'datetime', precision: 3, nullable: true })
  activatedAt: Date | null;

  @Column({ name: 'completed_at', type: 'datetime', precision: 3, nullable: true })
  completedAt: Date | null;

  @Column({ name: 'completed_by', type: 'varchar', length: 36, nullable: true })
  completedBy: string | null;

  @Column({ name: 'sla_state', type: 'varchar', length: 16 })
  slaState: TicketSlaState;

  @Column({ name: 'due_at', type: 'datetime', precision: 3, nullable: true })
  dueAt: Date | null;

  @Column({ name: 'target_due_at', type: 'datetime', precision: 3, nullable: true })
  targetDueAt: Date | null;

  @Column({ name: 'at_risk_at', type: 'datetime', precision: 3, nullable: true })
  atRiskAt: Date | null;

  @Column({ name: 'sla_snapshot', type: 'text', nullable: true })
  slaSnapshot: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  alerted: string | null;
}
