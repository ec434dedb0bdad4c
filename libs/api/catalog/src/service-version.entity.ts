import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CatalogServiceEntity } from './catalog-service.entity';

/** One immutable version of a service standard: the full `ServiceStandard` as JSON. */
@Entity('catalog_service_versions')
export class ServiceVersionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'service_id', type: 'varchar', length: 36 })
  serviceId: string;

  @ManyToOne(() => CatalogServiceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'service_id' })
  service?: CatalogServiceEntity;

  @Column({ type: 'int' })
  version: number;

  /** The `ServiceStandard` as JSON text. */
  @Column({ name: 'standard_json', type: 'text' })
  standardJson: string;

  /** User id; null for the seed loader. */
  @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true })
  createdBy: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
