import type { NotificationChannel, NotificationKind } from '@sigap/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One thing a user is told about in the bell; theirs alone. */
@Entity('notifications')
export class NotificationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ name: 'office_code', type: 'varchar', length: 40, nullable: true })
  officeCode: string | null;

  @Column({ type: 'varchar', length: 30 })
  kind: NotificationKind;

  @Column({ name: 'ticket_number', type: 'varchar', length: 40, nullable: true })
  ticketNumber: string | null;

  @Column({ name: 'ticket_subject', type: 'varchar', length: 300, nullable: true })
  ticketSubject: string | null;

  @Column({ name: 'step_order', type: 'int', nullable: true })
  stepOrder: number | null;

  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  excerpt: string | null;

  /** How the user chose to hear of this kind when it was made (`digest` rows wait for the digest). */
  @Column({ type: 'varchar', length: 10 })
  channel: NotificationChannel;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'datetime', precision: 3, nullable: true })
  readAt: Date | null;

  @Column({ name: 'digested_at', type: 'datetime', precision: 3, nullable: true })
  digestedAt: Date | null;
}

/** A user's choice for one kind; a kind with no row takes the default (`email`). */
@Entity('notification_preferences')
export class NotificationPreferenceEntity {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @PrimaryColumn({ type: 'varchar', length: 30 })
  kind: NotificationKind;

  @Column({ type: 'varchar', length: 10 })
  channel: NotificationChannel;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
