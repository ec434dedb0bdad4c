import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OfficeEntity } from './office.entity';

/** A position of an office's organisation (Kepala Dinas, Kabid Aptika, Tim Teknis ...). */
@Entity('positions')
export class PositionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'office_code', type: 'varchar', length: 40 })
  officeCode: string;

  @ManyToOne(() => OfficeEntity, (office) => office.positions, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'office_code' })
  office?: OfficeEntity;

  @Column({ type: 'varchar', length: 60 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** The supervising position in the same office; null at the top. */
  @Column({ name: 'reports_to_id', type: 'varchar', length: 36, nullable: true })
  reportsToId: string | null;

  @ManyToOne(() => PositionEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'reports_to_id' })
  reportsTo?: PositionEntity | null;

  @Column({ name: 'requester_side', type: 'boolean', default: false })
  requesterSide: boolean;

  /** Other names the published documents use for this position (for the importer). */
  @Column({ type: 'simple-json', nullable: true })
  aliases: string[] | null;

  @Column({ name: 'sort_order', type: 'int', default: 0 })
  sortOrder: number;

  /** Set when the position was retired: kept for past tickets, named by no new step. */
  @Column({ name: 'retired_at', type: 'datetime', precision: 3, nullable: true })
  retiredAt: Date | null;
}
