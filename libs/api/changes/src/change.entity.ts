import type { ChangeResult, ChangeRisk, ChangeState } from '@sigap/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One decision on an approval step. */
export interface ChangeDecision {
  order: number;
  decision: 'approved' | 'rejected';
  by: string;
  at: string;
  reason: string | null;
}

/** The change-specific facts of a ticket of kind `change` (one row per such ticket). */
@Entity('changes')
export class ChangeEntity {
  @PrimaryColumn({ name: 'ticket_id', type: 'varchar', length: 36 })
  ticketId: string;

  @Column({ name: 'office_code', type: 'varchar', length: 40 })
  officeCode: string;

  @Column({ type: 'varchar', length: 20 })
  state: ChangeState;

  @Column({ type: 'varchar', length: 8 })
  risk: ChangeRisk;

  @Column({ name: 'rollback_plan', type: 'text' })
  rollbackPlan: string;

  @Column({ name: 'planned_start', type: 'datetime', precision: 3 })
  plannedStart: Date;

  @Column({ name: 'planned_end', type: 'datetime', precision: 3 })
  plannedEnd: Date;

  /**
   * The approvers (JSON `ChangeApprover[]`) copied from the office's policy when the change was
   * opened: its approval steps, in order. A later edit of the policy moves nothing here.
   */
  @Column({ name: 'approvers_json', type: 'text' })
  approversJson: string;

  /** The decisions taken on its approvals (JSON `ChangeDecision[]`), in the order taken. */
  @Column({ name: 'decisions_json', type: 'text' })
  decisionsJson: string;

  @Column({ name: 'actual_start', type: 'datetime', precision: 3, nullable: true })
  actualStart: Date | null;

  @Column({ name: 'actual_end', type: 'datetime', precision: 3, nullable: true })
  actualEnd: Date | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  result: ChangeResult | null;

  @Column({ name: 'implementation_note', type: 'text', nullable: true })
  implementationNote: string | null;

  @Column({ name: 'review_note', type: 'text', nullable: true })
  reviewNote: string | null;

  @Column({ name: 'reviewed_at', type: 'datetime', precision: 3, nullable: true })
  reviewedAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}

/** Each office's approvers per risk level; no row: the default is in force. */
@Entity('change_approval_policies')
export class ChangeApprovalPolicyEntity {
  @PrimaryColumn({ name: 'office_code', type: 'varchar', length: 40 })
  officeCode: string;

  /** JSON `{ risk, approvers }[]`, one entry per risk level. */
  @Column({ name: 'rules_json', type: 'text' })
  rulesJson: string;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'varchar', length: 36, nullable: true })
  updatedBy: string | null;
}

/** An incident a change caused (both tickets of the same office). */
@Entity('change_incidents')
export class ChangeIncidentEntity {
  @PrimaryColumn({ name: 'change_ticket_id', type: 'varchar', length: 36 })
  changeTicketId: string;

  @PrimaryColumn({ name: 'incident_ticket_id', type: 'varchar', length: 36 })
  incidentTicketId: string;

  @Column({ name: 'office_code', type: 'varchar', length: 40 })
  officeCode: string;

  @Column({ name: 'linked_at', type: 'datetime', precision: 3 })
  linkedAt: Date;

  @Column({ name: 'linked_by', type: 'varchar', length: 36, nullable: true })
  linkedBy: string | null;
}
