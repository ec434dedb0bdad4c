import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An uploaded file: its bytes live under the data folder at a path made of its SHA-256. */
@Entity('attachments')
export class AttachmentEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'office_code', type: 'varchar', length: 40 })
  officeCode: string;

  @Column({ name: 'ticket_id', type: 'varchar', length: 36, nullable: true })
  ticketId: string | null;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  size: number;

  /** Sniffed from the bytes, never taken from the name or the client. */
  @Column({ name: 'media_type', type: 'varchar', length: 100 })
  mediaType: string;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  @Column({ name: 'uploaded_by', type: 'varchar', length: 36, nullable: true })
  uploadedBy: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
