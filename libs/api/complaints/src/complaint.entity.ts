import type {
  ComplaintCategory,
  ComplaintSource,
  LaporDirection,
  LaporReporterPrivacy,
} from '@sigap/contracts';
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

  /** `out`: forwarded to LAPOR! by the office; `in`: came in from LAPOR!; null: never there. */
  @Column({ name: 'lapor_direction', type: 'varchar', length: 8, nullable: true })
  laporDirection?: LaporDirection | null;

  /** How a report from LAPOR! shows its reporter: named, anonymous or confidential (rahasia). */
  @Column({ name: 'lapor_reporter', type: 'varchar', length: 16, nullable: true })
  laporReporter?: LaporReporterPrivacy | null;

  /** The LAPOR! agency a report from LAPOR! is dispositioned to. */
  @Column({ name: 'lapor_agency', type: 'varchar', length: 80, nullable: true })
  laporAgency?: string | null;

  /** The office's last follow-up (answer) sent back to LAPOR!; cleared by a reporter's reply. */
  @Column({ name: 'lapor_followed_up_at', type: 'datetime', precision: 3, nullable: true })
  laporFollowedUpAt?: Date | null;

  /** When the report closes without a reply: 10 working days after the follow-up. */
  @Column({ name: 'lapor_closes_at', type: 'datetime', precision: 3, nullable: true })
  laporClosesAt?: Date | null;

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
