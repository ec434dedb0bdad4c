import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A complaint tier an office publishes, with its own answer time in working days. The list is
 * replaced as a whole by an admin; complaints keep a copy of the tier they were filed under, so an
 * edit never moves the due date of a complaint already filed.
 */
@Entity('complaint_tiers')
export class ComplaintTierEntity {
  @PrimaryColumn({ name: 'office_code', type: 'varchar', length: 40 })
  officeCode: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  code: string;

  /** Order on the office's list, 1 first. */
  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  description: string | null;

  @Column({ name: 'working_days', type: 'int' })
  workingDays: number;
}
