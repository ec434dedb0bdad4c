import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A link between two tickets of one office: `related` (either way), or `parent-child` (`fromId`
 * is the parent of `toId`). A major incident's reports are linked in `incidents` instead.
 */
@Entity('ticket_links')
export class TicketLinkEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'office_code', type: 'varchar', length: 40 })
  officeCode: string;

  @Column({ type: 'varchar', length: 16 })
  kind: 'related' | 'parent-child';

  @Column({ name: 'from_ticket_id', type: 'varchar', length: 36 })
  fromTicketId: string;

  @Column({ name: 'to_ticket_id', type: 'varchar', length: 36 })
  toTicketId: string;

  @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true })
  createdBy: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
