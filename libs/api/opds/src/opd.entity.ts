import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An OPD (Organisasi Perangkat Daerah): a regional agency that sends requests to an office. */
@Entity('opds')
export class OpdEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'office_code', type: 'varchar', length: 40 })
  officeCode: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}

/** An e-mail domain of an OPD; unique per office (the primary key), so mail maps to one OPD. */
@Entity('opd_email_domains')
export class OpdDomainEntity {
  @PrimaryColumn({ name: 'office_code', type: 'varchar', length: 40 })
  officeCode: string;

  @PrimaryColumn({ type: 'varchar', length: 253 })
  domain: string;

  @Column({ name: 'opd_id', type: 'varchar', length: 36 })
  opdId: string;
}
