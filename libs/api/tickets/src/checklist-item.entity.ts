import type { ChecklistStatus } from '@sigap/contracts';
import type { RequirementOption } from '@sigap/standards';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One requirement (Persyaratan) of a ticket, copied from its service version. */
@Entity('ticket_checklist_items')
export class ChecklistItemEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'ticket_id', type: 'varchar', length: 36 })
  ticketId: string;

  @Column({ name: 'sort_order', type: 'int' })
  sortOrder: number;

  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'simple-json', nullable: true })
  options: RequirementOption[] | null;

  @Column({ type: 'boolean', default: false })
  optional: boolean;

  @Column({ type: 'varchar', length: 16 })
  status: ChecklistStatus;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'attachment_ids', type: 'simple-json', nullable: true })
  attachmentIds: string[] | null;

  @Column({ name: 'updated_by', type: 'varchar', length: 36, nullable: true })
  updatedBy: string | null;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3, nullable: true })
  updatedAt: Date | null;
}
