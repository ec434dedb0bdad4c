import type { ComplaintCategory, ComplaintSource } from '@sigap/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The complaint-specific facts of a ticket of kind `complaint` (one row per such ticket). */
@Entity('complaints')
export class ComplaintEntity {
  @PrimaryColumn({ name: 'ticket_id', type: 'varchar', length: 36 })
  ticketId: string;

  @Column({ name: 'office_code', type: 'varchar', length: 40 })
  officeCode: string;

  /** pengaduan (complaint), saran (suggestion) or masukan (feedback). */
  @Column({ type: 'varchar', length: 16 })
  category: ComplaintCategory;

  /** How it reached the office: the public form, the portal, e-mail or an agent. */
  @Column({ type: 'varchar', length: 16 })
  source: ComplaintSource;

  /** SP4N-LAPOR! tracking id once forwarded. */
  @Column({ name: 'lapor_tracking_id', type: 'varchar', length: 80, nullable: true })
  laporTrackingId: string | null;

  @Column({ name: 'lapor_status', type: 'varchar', length: 60, nullable: true })
  laporStatus: string | null;

  @Column({ name: 'lapor_forwarded_at', type: 'datetime', precision: 3, nullable: true })
  laporForwardedAt: Date | null;

  @Column({ name: 'lapor_synced_at', type: 'datetime', precision: 3, nullable: true })
  laporSyncedAt: Date | null;

  /** How many LAPOR! answers are already on the timeline (so a pull adds each once). */
  @Column({ name: 'lapor_seen', type: 'int', default: 0 })
  laporSeen: number;

  /** The tier the answer time follows (a copy as filed); null: the default, SP4N-LAPOR!'s. */
  @Column({ name: 'tier_code', type: 'varchar', length: 40, nullable: true })
  tierCode: string | null;

  @Column({ name: 'tier_name', type: 'varchar', length: 120, nullable: true })
  tierName: string | null;

  @Column({ name: 'tier_working_days', type: 'int', nullable: true })
  tierWorkingDays: number | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
