import type { ApiTokenScope } from '@sigap/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A token another system calls the API with. Only its SHA-256 is kept. */
@Entity('api_tokens')
export class ApiTokenEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** Hex SHA-256 of the whole token; unique, the key a presented token is looked up by. */
  @Column({ name: 'token_hash', type: 'varchar', length: 64, unique: true })
  tokenHash: string;

  /** `sgp_` and the next four characters: shown in the list to recognise a token. */
  @Column({ name: 'token_prefix', type: 'varchar', length: 12 })
  tokenPrefix: string;

  @Column({ type: 'simple-array' })
  scopes: ApiTokenScope[];

  /** The one office the token may act in; null for every office. */
  @Column({ name: 'office_code', type: 'varchar', length: 40, nullable: true })
  officeCode: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true })
  createdBy: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3, nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'last_used_at', type: 'datetime', precision: 3, nullable: true })
  lastUsedAt: Date | null;

  /** Set when revoked; the row stays so what the token did keeps its name. */
  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;
}
