import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import {
  API_TOKEN_PREFIX,
  type ApiTokenScope,
  type ApiTokenView,
  type CreatedApiToken,
} from '@sigap/contracts';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { AuditService } from '@sigap/api-audit';
import { Clock } from '@sigap/api-clock';
import { selectRows } from '@sigap/api-database';
import { ApiTokenEntity } from './api-token.entity';
import type { CreateApiTokenDto } from './api-token.dto';
import type { AuthUser } from './auth-user';
import { IdentityError } from './identity-error';
import { OfficeDirectory } from './office-directory';
import { UserEntity } from './user.entity';

/** How often a token's last use is written at most (not on every request). */
export const LAST_USE_WRITE_MS = 60_000;

/** What a token's actions are shown under on timelines and in the audit log. */
export function apiTokenActorName(name: string): string {
  return `Token API: ${name}`;
}

/**
 * The key a token is stored and looked up under. A token is 256 random bits, so unlike a
 * password it cannot be guessed from its hash by trying candidates: one SHA-256 is enough, and
 * it lets the guard find the token with one indexed lookup instead of a slow hash per row.
 */
export function apiTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether a bearer credential is an API token (they all start with `sgp_`) rather than a JWT. */
export function isApiToken(bearer: string): boolean {
  return bearer.startsWith(API_TOKEN_PREFIX);
}

/** API tokens: made by administrators, shown once, checked against the database on each use. */
@Injectable()
export class ApiTokensService {
  private readonly log = new Logger('ApiTokens');

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly offices: OfficeDirectory,
  ) {}

  async create(input: CreateApiTokenDto, actor: AuthUser): Promise<CreatedApiToken> {
    const now = this.clock.now();
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= now.getTime()) {
      throw new IdentityError(
        'identity.invalid_api_token',
        'Masa berlaku harus di masa depan.',
        {},
        [{ path: 'expiresAt', message: 'harus di masa depan' }],
      );
    }
    const office = input.office ?? null;
    if (office && !(await this.offices.exists(office))) throw this.offices.notFound(office);
    // 32 random bytes (256 bits) in base64url after the recognisable prefix.
    const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const row: ApiTokenEntity = {
      id: randomUUID(),
      name: input.name.trim(),
      tokenHash: apiTokenHash(token),
      tokenPrefix: token.slice(0, API_TOKEN_PREFIX.length + 4),
      scopes: [...input.scopes],
      officeCode: office,
      createdBy: actor.id,
      createdAt: now,
      expiresAt,
      lastUsedAt: null,
      revokedAt: null,
    };
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(ApiTokenEntity, row);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'api_token.created',
          entityType: 'api_token',
          entityId: row.id,
          after: {
            name: row.name,
            scopes: row.scopes,
            office: row.officeCode,
            expiresAt: expiresAt?.toISOString() ?? null,
          },
        },
        manager,
      );
    });
    return { id: row.id, token };
  }

  /** Tokens not revoked, newest first. */
  async list(): Promise<ApiTokenView[]> {
    const rows = await this.dataSource.getRepository(ApiTokenEntity).find({
      where: { revokedAt: IsNull() },
      order: { createdAt: 'DESC' },
    });
    const creatorIds = [...new Set(rows.map((r) => r.createdBy).filter((x): x is string => !!x))];
    const creators = creatorIds.length
      ? await this.dataSource.getRepository(UserEntity).find({
          select: { id: true, name: true },
          where: { id: In(creatorIds) },
        })
      : [];
    const names = new Map(creators.map((u) => [u.id, u.name]));
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      scopes: r.scopes,
      office: r.officeCode,
      prefix: r.tokenPrefix,
      createdBy: r.createdBy ? { id: r.createdBy, name: names.get(r.createdBy) ?? '?' } : null,
      createdAt: r.createdAt.toISOString(),
      expiresAt: r.expiresAt?.toISOString() ?? null,
      lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    }));
  }

  /** Revokes a token: the next call with it, on any instance, answers 401. */
  async revoke(id: string, actor: AuthUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(ApiTokenEntity, { where: { id, revokedAt: IsNull() } });
      if (!row) {
        throw new IdentityError('identity.api_token_not_found', `Token API "${id}" tidak ada.`);
      }
      await manager.update(
        ApiTokenEntity,
        { id, revokedAt: IsNull() },
        { revokedAt: this.clock.now() },
      );
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'api_token.revoked',
          entityType: 'api_token',
          entityId: id,
          before: { name: row.name, scopes: row.scopes, office: row.officeCode },
        },
        manager,
      );
    });
  }

  /**
   * The caller a token stands for; 401 when unknown, revoked or expired. Read from the database
   * on every request (one lookup by the unique hash), so a revocation holds at once everywhere.
   * The token acts as an agent of its office (or across offices when it has none); which routes
   * it may call at all is the guard's business (its scopes).
   */
  async authenticate(token: string): Promise<AuthUser> {
    const [row] = await selectRows(this.dataSource.manager, ApiTokenEntity, 'token_hash = ?', [
      apiTokenHash(token),
    ]);
    const now = this.clock.nowMs();
    if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= now)) {
      throw IdentityError.unauthenticated();
    }
    if (!row.lastUsedAt || now - row.lastUsedAt.getTime() >= LAST_USE_WRITE_MS) {
      void this.touch(row.id, now);
    }
    return {
      id: row.id,
      email: '',
      name: apiTokenActorName(row.name),
      roles: row.officeCode ? ['agent'] : ['admin'],
      office: row.officeCode,
      locale: 'id',
      positions: [],
      apiToken: { id: row.id, scopes: row.scopes as ApiTokenScope[] },
    };
  }

  /** Notes a use; guarded so instances racing on the same minute write it once. */
  private async touch(id: string, nowMs: number): Promise<void> {
    try {
      await this.dataSource
        .createQueryBuilder()
        .update(ApiTokenEntity)
        .set({ lastUsedAt: new Date(nowMs) })
        .where('id = :id AND (last_used_at IS NULL OR last_used_at <= :before)', {
          id,
          before: new Date(nowMs - LAST_USE_WRITE_MS),
        })
        .execute();
    } catch (error) {
      this.log.warn(`pemakaian token ${id} tidak tercatat: ${(error as Error).message}`);
    }
  }
}

/**
 * Names of whoever acted, by id: people, and API tokens (as "Token API: <name>"), for timelines
 * and audit views. Ids of neither are left out.
 */
export async function actorNames(
  manager: EntityManager,
  ids: readonly (string | null)[],
): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((x): x is string => !!x))];
  if (!unique.length) return new Map();
  const users = await manager.find(UserEntity, {
    select: { id: true, name: true },
    where: { id: In(unique) },
  });
  const names = new Map(users.map((u) => [u.id, u.name]));
  const rest = unique.filter((id) => !names.has(id));
  if (rest.length) {
    const tokens = await manager.find(ApiTokenEntity, {
      select: { id: true, name: true },
      where: { id: In(rest) },
    });
    for (const t of tokens) names.set(t.id, apiTokenActorName(t.name));
  }
  return names;
}
