import type { IncidentLevel, IncidentPriority, SupportHours } from '@sigap/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The incident-specific facts of a ticket of kind `incident` (one row per such ticket). */
@Entity('incidents')
export class IncidentEntity {
  @PrimaryColumn({ name: 'ticket_id', type: 'varchar', length: 36 })
  ticketId: string;

  @Column({ name: 'office_code', type: 'varchar', length: 40 })
  officeCode: string;

  @Column({ type: 'varchar', length: 8 })
  impact: IncidentLevel;

  @Column({ type: 'varchar', length: 8 })
  urgency: IncidentLevel;

  @Column({ type: 'varchar', length: 4 })
  priority: IncidentPriority;

  /** The priority's name as the matrix called it when set (Kritis, Tinggi ...). */
  @Column({ name: 'priority_name', type: 'varchar', length: 40 })
  priorityName: string;

  /** Targets as set from the matrix (copied, so a later edit of the matrix moves nothing). */
  @Column({ name: 'response_time', type: 'varchar', length: 40 })
  responseTime: string;

  @Column({ name: 'resolution_time', type: 'varchar', length: 40 })
  resolutionTime: string;

  @Column({ name: 'support_hours', type: 'varchar', length: 8 })
  supportHours: SupportHours;

  /** The first affected service's owner: the handling step's position; null without services. */
  @Column({ name: 'owner_position', type: 'varchar', length: 60, nullable: true })
  ownerPosition: string | null;

  /** The major incident (its ticket's id) this report is linked to; null when none. */
  @Column({ name: 'parent_ticket_id', type: 'varchar', length: 36, nullable: true })
  parentTicketId: string | null;

  /** What caused it, once known. */
  @Column({ name: 'root_cause', type: 'text', nullable: true })
  rootCause: string | null;

  /** The problem record that gathers it with other incidents of the same cause. */
  @Column({ name: 'problem_id', type: 'varchar', length: 36, nullable: true })
  problemId: string | null;

  /** What the public status page says of it (never the subject or description); null: generic. */
  @Column({ name: 'public_title', type: 'varchar', length: 200, nullable: true })
  publicTitle?: string | null;

  @Column({ name: 'public_summary', type: 'varchar', length: 1000, nullable: true })
  publicSummary?: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}

/**
 * The IT services a ticket touches (an incident's affected services; later a change's), in the
 * order named: the first is the primary one.
 */
@Entity('ticket_it_services')
export class TicketItServiceEntity {
  @PrimaryColumn({ name: 'ticket_id', type: 'varchar', length: 36 })
  ticketId: string;

  @PrimaryColumn({ name: 'it_service_id', type: 'varchar', length: 36 })
  itServiceId: string;

  @Column({ name: 'office_code', type: 'varchar', length: 40 })
  officeCode: string;

  @Column({ type: 'int' })
  position: number;
}
