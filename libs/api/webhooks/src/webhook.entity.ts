import type { WebhookEvent } from '@sigap/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A subscription: which events of which office are POSTed, signed, to which URL. */
@Entity('webhooks')
export class WebhookEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 2000 })
  url: string;

  @Column({ type: 'simple-array' })
  events: WebhookEvent[];

  /** Events of this office only; null for every office. */
  @Column({ name: 'office_code', type: 'varchar', length: 40, nullable: true })
  officeCode: string | null;

  /** Signs each delivery (HMAC-SHA256); kept as is because every delivery needs it. */
  @Column({ type: 'varchar', length: 100 })
  secret: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true })
  createdBy: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
