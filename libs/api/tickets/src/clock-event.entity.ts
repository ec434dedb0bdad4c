import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ClockEventType = 'start' | 'pause' | 'resume' | 'stop' | 'target-change';

/**
 * One event of an SLA clock (append-only). `clock` is `ticket`, `first-response` or
 * `step:<order>`; `round` separates the ticket clock's rounds after a reopen.
 */
@Entity('ticket_clock_events')
export class ClockEventEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'ticket_id', type: 'varchar', length: 36 })
  ticketId: string;

  @Column({ type: 'varchar', length: 24 })
  clock: string;

  @Column({ type: 'int', default: 1 })
  round: number;

  @Column({ type: 'varchar', length: 16 })
  type: ClockEventType;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;

  /** The duration text for `start` and `target-change` ("1 Hari", "30 menit"). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  duration: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason: string | null;
}
