import type { ImprovementActionStatus } from '@sigap/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A review meeting of an office's service management: when it was held, who attended, the
 * months reviewed and the dashboard figures of those months as they were when it was recorded,
 * notes and decisions. Never deleted: it is evidence of the review.
 */
@Entity('service_reviews')
export class ReviewEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'office_code', type: 'varchar', length: 40 })
  officeCode: string;

  /** Local date of the meeting, YYYY-MM-DD (sorts as text). */
  @Column({ name: 'held_on', type: 'varchar', length: 10 })
  heldOn: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** JSON `ReviewAttendee[]`. */
  @Column({ name: 'attendees_json', type: 'text' })
  attendeesJson: string;

  /** Months reviewed, YYYY-MM, inclusive. */
  @Column({ name: 'period_from', type: 'varchar', length: 7 })
  periodFrom: string;

  @Column({ name: 'period_to', type: 'varchar', length: 7 })
  periodTo: string;

  /** JSON `ReviewFiguresSnapshot`, taken once when recorded. */
  @Column({ name: 'figures_json', type: 'text' })
  figuresJson: string;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  /** JSON `string[]`. */
  @Column({ name: 'decisions_json', type: 'text' })
  decisionsJson: string;

  @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true })
  createdBy: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;

  @Column({ type: 'int' })
  version: number;
}

/**
 * An improvement action: arising from a review or standalone, owned by a user or a position of
 * the office, due on a date, tracked through its status to done (with the date and a closing
 * note) or cancelled. Each status change is in the audit log.
 */
@Entity('improvement_actions')
export class ImprovementActionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'office_code', type: 'varchar', length: 40 })
  officeCode: string;

  @Column({ name: 'review_id', type: 'varchar', length: 36, nullable: true })
  reviewId: string | null;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'owner_user_id', type: 'varchar', length: 36, nullable: true })
  ownerUserId: string | null;

  @Column({ name: 'owner_position', type: 'varchar', length: 60, nullable: true })
  ownerPosition: string | null;

  /** Local date, YYYY-MM-DD. */
  @Column({ name: 'due_on', type: 'varchar', length: 10 })
  dueOn: string;

  @Column({ type: 'varchar', length: 12 })
  status: ImprovementActionStatus;

  @Column({ name: 'done_on', type: 'varchar', length: 10, nullable: true })
  doneOn: string | null;

  @Column({ name: 'closing_note', type: 'text', nullable: true })
  closingNote: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true })
  createdBy: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;

  @Column({ type: 'int' })
  version: number;
}
