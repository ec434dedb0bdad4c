import { Column, Entity, JoinTable, ManyToMany, PrimaryColumn } from 'typeorm';
import type { Role } from '@sigap/contracts';
import type { OfficePosition } from './office-directory';

@Entity('users')
export class UserEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** Stored lower-case; unique. */
  @Column({ type: 'varchar', length: 254, unique: true })
  email: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 100 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Comma-separated roles (admin, manager, agent, executor). */
  @Column({ type: 'simple-array' })
  roles: Role[];

  /** Office the user works in; null for a system-wide admin. */
  @Column({ name: 'office_code', type: 'varchar', length: 40, nullable: true })
  officeCode: string | null;

  @Column({ type: 'varchar', length: 5, default: 'id' })
  locale: 'id' | 'en';

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Access tokens carry the generation they were issued under; a password change moves it on. */
  @Column({ name: 'token_generation', type: 'int', default: 0 })
  tokenGeneration?: number;

  /** How the user signs in: `local` (password), `oidc` or `ldap` (single sign-on). */
  @Column({ name: 'auth_source', type: 'varchar', length: 10, default: 'local' })
  authSource?: 'local' | 'oidc' | 'ldap';

  /** Who the user is at their sign-on source (OpenID subject, LDAP DN); null for local users. */
  @Column({ name: 'external_id', type: 'varchar', length: 500, nullable: true })
  externalId?: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;

  /**
   * Positions the user holds (many-to-many through `position_holders`). The target is named, not
   * imported: positions belong to the offices, which sit above identity.
   */
  @ManyToMany('PositionEntity')
  @JoinTable({
    name: 'position_holders',
    joinColumn: { name: 'user_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'position_id', referencedColumnName: 'id' },
  })
  positions?: OfficePosition[];
}
