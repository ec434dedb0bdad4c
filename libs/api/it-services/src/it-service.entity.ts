import type { IncidentLevel, ItServiceKind, SupportHours } from '@sigap/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An IT service or asset an office runs (the pemda website, e-mail dinas, the network, the data
 * centre, an application): what incidents and changes name as the services they touch. Never
 * deleted: a retired service stays on the tickets that named it.
 */
@Entity('it_services')
export class ItServiceEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'office_code', type: 'varchar', length: 40 })
  officeCode: string;

  /** Unique within the office. */
  @Column({ type: 'varchar', length: 60 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 16 })
  kind: ItServiceKind;

  /** Position code of the office that owns the service. */
  @Column({ name: 'owner_position', type: 'varchar', length: 60 })
  ownerPosition: string;

  /** JSON array of OPD ids of the office that depend on it. */
  @Column({ name: 'dependent_opd_ids', type: 'text' })
  dependentOpdIds: string;

  @Column({ type: 'varchar', length: 8 })
  criticality: IncidentLevel;

  @Column({ name: 'support_hours', type: 'varchar', length: 8 })
  supportHours: SupportHours;

  @Column({ name: 'public_status', type: 'boolean', default: false })
  publicStatus: boolean;

  @Column({ name: 'retired_at', type: 'datetime', precision: 3, nullable: true })
  retiredAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}

/**
 * An office's own incident priority matrix (impact x urgency -> priority, and each priority's
 * response and resolution targets), replaced as a whole. No row: the default is in force.
 */
@Entity('incident_priority_matrices')
export class PriorityMatrixEntity {
  @PrimaryColumn({ name: 'office_code', type: 'varchar', length: 40 })
  officeCode: string;

  /** JSON `PriorityCell[]` (nine cells). */
  @Column({ name: 'cells_json', type: 'text' })
  cellsJson: string;

  /** JSON `PriorityTarget[]` (four priorities). */
  @Column({ name: 'targets_json', type: 'text' })
  targetsJson: string;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'varchar', length: 36, nullable: true })
  updatedBy: string | null;
}
