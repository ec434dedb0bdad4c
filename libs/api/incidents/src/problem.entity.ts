import type { ProblemStatus } from '@sigap/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A problem record (masalah): the one cause behind recurring incidents of an office, its
 * workaround while it lasts, and its status (open, known error, resolved). Incidents point to
 * it (`incidents.problem_id`).
 */
@Entity('problems')
export class ProblemEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'office_code', type: 'varchar', length: 40 })
  officeCode: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 16 })
  status: ProblemStatus;

  @Column({ name: 'root_cause', type: 'text', nullable: true })
  rootCause: string | null;

  @Column({ type: 'text', nullable: true })
  workaround: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true })
  createdBy: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;

  @Column({ type: 'int', default: 1 })
  version: number;
}
