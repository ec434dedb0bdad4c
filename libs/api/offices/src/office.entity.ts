import { Column, Entity, OneToMany, PrimaryColumn } from 'typeorm';
import { PositionEntity } from './position.entity';

@Entity('offices')
export class OfficeEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'time_zone', type: 'varchar', length: 64 })
  timeZone: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  region: string | null;

  @Column({ name: 'ticket_prefix', type: 'varchar', length: 16 })
  ticketPrefix: string;

  @Column({ type: 'text', nullable: true })
  address: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  website: string | null;

  @Column({ name: 'helpdesk_email', type: 'varchar', length: 254, nullable: true })
  helpdeskEmail: string | null;

  /** Where complaints (pengaduan) by e-mail go, when the office has its own address. */
  @Column({ name: 'complaint_email', type: 'varchar', length: 254, nullable: true })
  complaintEmail: string | null;

  /** Where incidents (gangguan) by e-mail go: new mail here opens an incident, not a request. */
  @Column({ name: 'incident_email', type: 'varchar', length: 254, nullable: true })
  incidentEmail: string | null;

  /** An https address of the office's logo (shown on its public pages). */
  @Column({ name: 'logo_url', type: 'varchar', length: 500, nullable: true })
  logoUrl: string | null;

  /** Set when the office was retired: it keeps its history but opens no new tickets. */
  @Column({ name: 'retired_at', type: 'datetime', precision: 3, nullable: true })
  retiredAt: Date | null;

  /** The head of office who signs the evaluation report (null: a line to fill in by hand). */
  @Column({ name: 'head_name', type: 'varchar', length: 120, nullable: true })
  headName: string | null;

  /** Their NIP, 18 digits. */
  @Column({ name: 'head_nip', type: 'varchar', length: 18, nullable: true })
  headNip: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @OneToMany(() => PositionEntity, (position) => position.office)
  positions?: PositionEntity[];
}
