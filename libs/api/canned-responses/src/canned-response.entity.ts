import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A reply text an office keeps ready, with placeholders filled from the ticket on insertion. */
@Entity('canned_responses')
export class CannedResponseEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'office_code', type: 'varchar', length: 40 })
  officeCode: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'updated_by', type: 'varchar', length: 36, nullable: true })
  updatedBy: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
