import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { ServiceStatus } from '@sigap/contracts';
import { OfficeEntity } from '@sigap/api-offices';

/** A service of an office's catalog; its content lives in immutable versions. */
@Entity('catalog_services')
export class CatalogServiceEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'office_code', type: 'varchar', length: 40 })
  officeCode: string;

  @ManyToOne(() => OfficeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'office_code' })
  office?: OfficeEntity;

  @Column({ type: 'varchar', length: 80 })
  code: string;

  /** Name of the current version, kept here for listing. */
  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  status: ServiceStatus;

  @Column({ name: 'current_version', type: 'int' })
  currentVersion: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
