import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { CurrentUser, Role } from '@sigap/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@sigap/api-audit';
import type { AuthUser } from './auth-user';
import { IdentityError } from './identity-error';
import { OfficeDirectory, type OfficePosition } from './office-directory';
import { PasswordHasher } from './password';
import { UserEntity } from './user.entity';

export interface NewUser {
  email: string;
  name: string;
  roles: Role[];
  officeCode: string | null;
  /** Plain password, hashed here; or an existing hash via `passwordHash`. */
  password?: string;
  passwordHash?: string;
  positionCodes?: string[];
  locale?: 'id' | 'en';
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

@Injectable()
export class UsersService {
  private readonly logger = new Logger('Users');

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly passwords: PasswordHasher,
    private readonly offices: OfficeDirectory,
  ) {}

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOne({
      where: { email: normaliseEmail(email) },
    });
  }

  /** The user with their positions, as the guards see them; null when unknown or inactive. */
  async loadAuthUser(id: string): Promise<AuthUser | null> {
    const user = await this.dataSource.getRepository(UserEntity).findOne({
      where: { id },
      relations: { positions: true },
    });
    if (!user || !user.active) return null;
    return toAuthUser(user);
  }

  count(): Promise<number> {
    return this.dataSource.getRepository(UserEntity).count();
  }

  async create(
    input: NewUser,
    manager: EntityManager = this.dataSource.manager,
    actorId: string | null = null,
  ): Promise<UserEntity> {
    const email = normaliseEmail(input.email);
    const passwordHash =
      input.passwordHash ?? (input.password ? await this.passwords.hash(input.password) : null);
    if (!passwordHash) {
      throw new IdentityError('identity.invalid_user', `Pengguna ${email} tidak punya kata sandi.`);
    }
    let positions: OfficePosition[] = [];
    if (input.positionCodes?.length) {
      if (!input.officeCode) {
        throw new IdentityError(
          'identity.invalid_user',
          `Pengguna ${email} tanpa kantor tidak dapat memegang jabatan.`,
        );
      }
      positions = await this.offices.positionsByCode(
        manager,
        input.officeCode,
        input.positionCodes,
      );
      const missing = input.positionCodes.filter((code) => !positions.some((p) => p.code === code));
      if (missing.length) {
        throw new IdentityError(
          'identity.invalid_user',
          `Jabatan tidak dikenal di kantor ${input.officeCode}: ${missing.join(', ')}`,
        );
      }
    }
    const now = new Date();
    const user = manager.getRepository(UserEntity).create({
      id: randomUUID(),
      email,
      passwordHash,
      name: input.name,
      roles: input.roles,
      officeCode: input.officeCode,
      locale: input.locale ?? 'id',
      active: true,
      createdAt: now,
      updatedAt: now,
      positions,
    });
    await manager.getRepository(UserEntity).save(user);
    await this.audit.record(
      {
        actorId,
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        after: {
          email,
          roles: input.roles,
          office: input.officeCode,
          positions: input.positionCodes ?? [],
        },
      },
      manager,
    );
    return user;
  }

  /** On an empty database, creates the first admin from SIGAP_ADMIN_EMAIL/PASSWORD. */
  async ensureFirstAdmin(email: string, password: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      if ((await manager.getRepository(UserEntity).count()) > 0) return false;
      await this.create(
        { email, password, name: 'Administrator', roles: ['admin'], officeCode: null },
        manager,
      );
      this.logger.log(`Admin pertama dibuat: ${normaliseEmail(email)}`);
      return true;
    });
  }
}

export function toCurrentUser(user: UserEntity): CurrentUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: [...user.roles],
    office: user.officeCode,
    locale: user.locale === 'en' ? 'en' : 'id',
  };
}

export function toAuthUser(user: UserEntity): AuthUser {
  return { ...toCurrentUser(user), positions: (user.positions ?? []).map((p) => p.code).sort() };
}
