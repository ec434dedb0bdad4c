import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An IMAP mailbox administered in the console; its password is stored encrypted. */
@Entity('mailboxes')
export class MailboxEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** `[a-z0-9-]`, unique across database and configuration mailboxes. */
  @Column({ type: 'varchar', length: 40 })
  name: string;

  @Column({ name: 'office_code', type: 'varchar', length: 40 })
  officeCode: string;

  @Column({ type: 'varchar', length: 255 })
  host: string;

  @Column({ type: 'int' })
  port: number;

  @Column({ type: 'boolean', default: true })
  secure: boolean;

  @Column({ name: 'tls_reject_unauthorized', type: 'boolean', default: true })
  tlsRejectUnauthorized: boolean;

  @Column({ type: 'varchar', length: 320 })
  username: string;

  /** `v1:<iv>:<tag>:<ciphertext>` (AES-256-GCM); never leaves the API. */
  @Column({ name: 'password_enc', type: 'varchar', length: 1000 })
  passwordEnc: string;

  @Column({ type: 'varchar', length: 200 })
  folder: string;

  @Column({ name: 'processed_folder', type: 'varchar', length: 200, nullable: true })
  processedFolder: string | null;

  @Column({ name: 'use_idle', type: 'boolean', default: true })
  useIdle: boolean;

  @Column({ name: 'poll_seconds', type: 'int', default: 60 })
  pollSeconds: number;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'varchar', length: 36, nullable: true })
  updatedBy: string | null;

  @Column({ name: 'last_poll_at', type: 'datetime', precision: 3, nullable: true })
  lastPollAt: Date | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Column({ name: 'last_error_at', type: 'datetime', precision: 3, nullable: true })
  lastErrorAt: Date | null;

  @Column({ name: 'messages_processed', type: 'int', default: 0 })
  messagesProcessed: number;
}
