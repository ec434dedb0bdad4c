import type { TimelineKind } from '@sigap/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One entry of a ticket's timeline: a public reply, an internal note or a system event. */
@Entity('ticket_timeline')
export class TimelineEntryEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'ticket_id', type: 'varchar', length: 36 })
  ticketId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: TimelineKind;

  /** For events: `ticket.opened`, `step.completed`, `sla.breached` ... */
  @Column({ type: 'varchar', length: 60, nullable: true })
  event: string | null;

  @Column({ name: 'author_id', type: 'varchar', length: 36, nullable: true })
  authorId: string | null;

  @Column({ type: 'text', nullable: true })
  body: string | null;

  @Column({ type: 'simple-json', nullable: true })
  data: { [key: string]: unknown } | null;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;

  /** Moved here from a ticket merged into this one: that ticket's number ("dari tiket X"). */
  @Column({ name: 'merged_from', type: 'varchar', length: 40, nullable: true })
  mergedFrom?: string | null;
}
