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

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @OneToMany(() => PositionEntity, (position) => position.office)
  positions?: PositionEntity[];
}
