import { Injectable } from '@nestjs/common';
import type { PositionHoldersView, PositionView, UserView } from '@sigap/contracts';
import { DataSource, EntityManager, In, type QueryDeepPartialEntity } from 'typeorm';
import { AuditService } from '@sigap/api-audit';
import { Clock } from '@sigap/api-clock';
import { isUniqueViolation } from '@sigap/api-database';
import { AuthUser, hasRole } from './auth-user';
import { IdentityError } from './identity-error';
import { OfficeDirectory, type OfficePosition } from './office-directory';
import { PasswordHasher } from './password';
import type { CreateUserDto, UpdateUserDto } from './user-admin.dto';
import { UserEntity } from './user.entity';
import { normaliseEmail, UsersService } from './users.service';

/** Admin management of users and of who holds which position. */
@Injectable()
export class UserAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly offices: OfficeDirectory,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly passwords: PasswordHasher,
  ) {}

  async list(user: AuthUser, office?: string): Promise<UserView[]> {
    const scope = hasRole(user, 'admin') ? office : this.managerOffice(user, office);
    const rows = await this.dataSource.getRepository(UserEntity).find({
      where: scope ? { officeCode: scope } : {},
      relations: { positions: true },
      order: { email: 'ASC' },
    });
    return rows.map(toUserView);
  }

  async get(user: AuthUser, id: string): Promise<UserView> {
    const row = await this.find(this.dataSource.manager, id);
    if (!hasRole(user, 'admin')) {
      // Users without an office are the system's administrators: not a manager's to read.
      if (!row.officeCode)
        throw IdentityError.forbidden('Pengguna ini bukan pengguna kantor Anda.');
      this.managerOffice(user, row.officeCode);
    }
    return toUserView(row);
  }

  async create(actor: AuthUser, input: CreateUserDto): Promise<UserView> {
    const saved = this.dataSource.transaction(async (manager) => {
      if (input.office && !(await this.offices.exists(input.office, manager)))
        throw this.offices.notFound(input.office);
      if (await manager.findOne(UserEntity, { where: { email: normaliseEmail(input.email) } })) {
        throw new IdentityError(
          'identity.email_taken',
          `E-mail ${normaliseEmail(input.email)} sudah dipakai pengguna lain.`,
        );
      }
      assertRolesFitOffice(input.roles, input.office);
      const created = await this.users.create(
        {
          email: input.email,
          name: input.name.trim(),
          roles: input.roles,
          officeCode: input.office,
          password: input.password,
          positionCodes: input.positions,
          locale: input.locale,
        },
        manager,
        actor.id,
      );
      return toUserView(await this.find(manager, created.id));
    });
    return saved.catch((error: unknown) => {
      // The same address created twice at once: the unique index refuses the second.
      if (!isUniqueViolation(error)) throw error;
      throw new IdentityError(
        'identity.email_taken',
        `E-mail ${normaliseEmail(input.email)} sudah dipakai pengguna lain.`,
      );
    });
  }

  async update(actor: AuthUser, id: string, input: UpdateUserDto): Promise<UserView> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.find(manager, id);
      const before = toUserView(row);
      const office = input.office === undefined ? row.officeCode : input.office;
      if (office && office !== row.officeCode && !(await this.offices.exists(office, manager)))
        throw this.offices.notFound(office);
      const roles = input.roles ?? row.roles;
      assertRolesFitOffice(roles, office);
      if (input.active === false && actor.id === id) {
        throw new IdentityError(
          'identity.invalid_user',
          'Anda tidak dapat menonaktifkan diri sendiri.',
        );
      }
      const changes: QueryDeepPartialEntity<UserEntity> = {
        name: input.name?.trim() ?? row.name,
        roles,
        officeCode: office,
        active: input.active ?? row.active,
        locale: input.locale ?? row.locale,
        updatedAt: this.clock.now(),
      };
      if (input.password) {
        changes.passwordHash = await this.passwords.hash(input.password);
        // Every token issued before the change stops working (sign-ins of a leaked password).
        changes.tokenGeneration = () => 'token_generation + 1';
      }
      await manager.update(UserEntity, { id }, changes);
      // Positions belong to an office: moving office without new positions drops the old ones.
      const codes =
        input.positions ??
        (office !== row.officeCode ? [] : (row.positions ?? []).map((p) => p.code));
      await this.setPositions(manager, id, office, codes);
      const after = toUserView(await this.find(manager, id));
      await this.audit.record(
        {
          actorId: actor.id,
          action: input.password ? 'user.updated.password' : 'user.updated',
          entityType: 'user',
          entityId: id,
          before,
          after,
        },
        manager,
      );
      return after;
    });
  }

  /** The positions of an office in their published order, each with id and holders. */
  async positions(user: AuthUser, office?: string): Promise<PositionView[]> {
    const scope = office ?? user.office;
    if (!scope) {
      throw new IdentityError('identity.invalid_user', 'Sebutkan kantor (office).', undefined, [
        { path: 'office', message: 'wajib diisi' },
      ]);
    }
    if (!hasRole(user, 'admin') && user.office !== scope) {
      throw IdentityError.forbidden(`Jabatan kantor ${scope} hanya untuk kantor itu.`);
    }
    if (!(await this.offices.exists(scope))) throw this.offices.notFound(scope);
    const positions = await this.offices.positions(scope);
    const rows: { positionId: string; id: string; name: string; email: string }[] = positions.length
      ? await this.dataSource.query(
          `SELECT h.position_id AS positionId, u.id AS id, u.name AS name, u.email AS email
             FROM position_holders h JOIN users u ON u.id = h.user_id
            WHERE u.office_code = ? ORDER BY u.email`,
          [scope],
        )
      : [];
    return positions.map((p) => ({
      id: p.id,
      office: p.officeCode,
      code: p.code,
      name: p.name,
      reportsToId: p.reportsToId,
      requesterSide: p.requesterSide,
      holders: rows
        .filter((r) => r.positionId === p.id)
        .map((r) => ({ id: r.id, name: r.name, email: r.email })),
    }));
  }

  async holders(user: AuthUser, positionId: string): Promise<PositionHoldersView> {
    const position = await this.position(this.dataSource.manager, positionId);
    if (!hasRole(user, 'admin') && user.office !== position.officeCode) {
      throw IdentityError.forbidden(`Jabatan ini milik kantor ${position.officeCode}.`);
    }
    return this.holdersView(this.dataSource.manager, position);
  }

  /** Replaces the holders of a position (admins; managers for their own office). */
  async setHolders(
    actor: AuthUser,
    positionId: string,
    userIds: string[],
  ): Promise<PositionHoldersView> {
    return this.dataSource.transaction(async (manager) => {
      const position = await this.position(manager, positionId);
      if (
        !hasRole(actor, 'admin') &&
        !(hasRole(actor, 'manager') && actor.office === position.officeCode)
      ) {
        throw IdentityError.forbidden(
          `Hanya admin atau kepala kantor ${position.officeCode} yang boleh mengatur pemegang jabatan.`,
        );
      }
      if (position.requesterSide) {
        throw new IdentityError(
          'identity.invalid_user',
          `Jabatan "${position.code}" ada di pihak pemohon; tidak dipegang pengguna kantor.`,
        );
      }
      const unique = [...new Set(userIds)];
      const users = unique.length
        ? await manager.find(UserEntity, { where: { id: In(unique) } })
        : [];
      const problems = unique.flatMap((uid, index) => {
        const u = users.find((x) => x.id === uid);
        if (!u) return [{ path: `userIds[${index}]`, message: 'pengguna tidak dikenal' }];
        if (u.officeCode !== position.officeCode)
          return [
            { path: `userIds[${index}]`, message: `bukan pengguna kantor ${position.officeCode}` },
          ];
        if (!u.active) return [{ path: `userIds[${index}]`, message: 'pengguna tidak aktif' }];
        return [];
      });
      if (problems.length) {
        throw new IdentityError(
          'identity.invalid_user',
          `Pemegang jabatan tidak valid: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`,
          undefined,
          problems,
        );
      }
      const before = await this.holdersView(manager, position);
      await manager.query('DELETE FROM position_holders WHERE position_id = ?', [positionId]);
      for (const uid of unique) {
        await manager.query('INSERT INTO position_holders (user_id, position_id) VALUES (?, ?)', [
          uid,
          positionId,
        ]);
      }
      const after = await this.holdersView(manager, position);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'position.holders.set',
          entityType: 'position',
          entityId: positionId,
          before: before.holders.map((h) => h.id),
          after: after.holders.map((h) => h.id),
        },
        manager,
      );
      return after;
    });
  }

  private managerOffice(user: AuthUser, office?: string): string {
    if (hasRole(user, 'manager') && user.office && (!office || office === user.office))
      return user.office;
    throw IdentityError.forbidden(
      'Hanya admin (atau kepala kantor untuk kantornya) yang boleh melihat pengguna.',
    );
  }

  private async setPositions(
    manager: EntityManager,
    userId: string,
    office: string | null,
    codes: string[],
  ): Promise<void> {
    const unique = [...new Set(codes)];
    if (unique.length && !office) {
      throw new IdentityError(
        'identity.invalid_user',
        'Pengguna tanpa kantor tidak dapat memegang jabatan.',
      );
    }
    const positions = unique.length
      ? await this.offices.positionsByCode(manager, office as string, unique)
      : [];
    const missing = unique.filter((c) => !positions.some((p) => p.code === c));
    if (missing.length) {
      throw new IdentityError(
        'identity.invalid_user',
        `Jabatan tidak dikenal di kantor ${office}: ${missing.join(', ')}`,
      );
    }
    await manager.query('DELETE FROM position_holders WHERE user_id = ?', [userId]);
    for (const p of positions) {
      await manager.query('INSERT INTO position_holders (user_id, position_id) VALUES (?, ?)', [
        userId,
        p.id,
      ]);
    }
  }

  private async find(manager: EntityManager, id: string): Promise<UserEntity> {
    const row = await manager.findOne(UserEntity, {
      where: { id },
      relations: { positions: true },
    });
    if (!row)
      throw new IdentityError('identity.user_not_found', `Pengguna "${id}" tidak ditemukan.`);
    return row;
  }

  private async position(manager: EntityManager, id: string): Promise<OfficePosition> {
    const position = await this.offices.position(manager, id);
    if (!position)
      throw new IdentityError('identity.position_not_found', `Jabatan "${id}" tidak ditemukan.`);
    return position;
  }

  private async holdersView(
    manager: EntityManager,
    position: OfficePosition,
  ): Promise<PositionHoldersView> {
    const rows: { id: string; name: string; email: string }[] = await manager.query(
      'SELECT u.id AS id, u.name AS name, u.email AS email FROM position_holders h JOIN users u ON u.id = h.user_id WHERE h.position_id = ? ORDER BY u.email',
      [position.id],
    );
    return {
      positionId: position.id,
      office: position.officeCode,
      position: position.code,
      holders: rows.map((r) => ({ id: r.id, name: r.name, email: r.email })),
    };
  }
}

function assertRolesFitOffice(roles: string[], office: string | null): void {
  const needOffice = roles.filter((r) => r !== 'admin');
  if (needOffice.length && !office) {
    throw new IdentityError(
      'identity.invalid_user',
      `Peran ${needOffice.join(', ')} memerlukan kantor (office).`,
    );
  }
}

export function toUserView(u: UserEntity): UserView {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    roles: [...u.roles],
    office: u.officeCode,
    positions: (u.positions ?? []).map((p) => p.code).sort(),
    active: u.active,
    locale: u.locale === 'en' ? 'en' : 'id',
  };
}
