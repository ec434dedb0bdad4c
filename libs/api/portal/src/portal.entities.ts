import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A sign-in link sent by e-mail: single use, short-lived; only its hash is kept. */
@Entity('portal_sign_in_links')
export class PortalLinkEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ name: 'contact_id', type: 'varchar', length: 36 })
  contactId: string;

  @Column({ name: 'requested_ip', type: 'varchar', length: 64, nullable: true })
  requestedIp: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'datetime', precision: 3, nullable: true })
  usedAt: Date | null;
}

/** A portal session of a requester contact (the cookie holds the token, the row its hash). */
@Entity('portal_sessions')
export class PortalSessionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  /** Hash of the CSRF token the page must repeat in a header on every change. */
  @Column({ name: 'csrf_hash', type: 'varchar', length: 64 })
  csrfHash: string;

  @Column({ name: 'contact_id', type: 'varchar', length: 36 })
  contactId: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;
}
