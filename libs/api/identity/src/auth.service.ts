import { createHash, randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { LoginResponse, Role } from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { AppConfig } from '@sigap/api-config';
import { SharedRateLimiter } from '@sigap/api-common';
import type { AuthUser } from './auth-user';
import { IdentityError } from './identity-error';
import { LoginLimiter } from './login-limiter';
import { AuditService } from '@sigap/api-audit';
import { PasswordHasher } from './password';
import { UserEntity } from './user.entity';
import { normaliseEmail, toAuthUser, toCurrentUser, UsersService } from './users.service';
import { dialectOf } from '@sigap/api-database';

interface TokenPayload {
  sub: string;
  /** The user's token generation when it was issued (absent in tokens of older versions: 0). */
  gen?: number;
  /** Random token id. */
  jti?: string;
}

/** What a verified token says, remembered until it expires. */
interface VerifiedToken {
  sub: string;
  gen: number;
  expiresAt: number;
  /** SHA-256 of the token: the key of `revoked_tokens`. */
  hash: string;
}

/** The key a signed-out token is remembered under (the token itself is never stored). */
export function accessTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

@Injectable()
export class AuthService {
  /** Verified tokens remembered at most (the map is emptied when full). */
  static readonly VERIFIED_TOKENS_MAX = 10_000;

  private readonly limiter: LoginLimiter;
  private readonly log = new Logger('Auth');
  private readonly verified = new Map<string, VerifiedToken>();

  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly passwords: PasswordHasher,
    sharedLimits: SharedRateLimiter,
  ) {
    this.limiter = new LoginLimiter(sharedLimits, {
      maxFailures: config.loginMaxFailures,
      freeFailures: config.loginFreeFailures,
      delayMs: config.loginDelayMs,
      windowMs: config.loginWindowSeconds * 1000,
    });
  }

  /**
   * Checks the credentials. Wrong e-mail and wrong password give the same answer in the same
   * time; repeated failures per e-mail and per client address are slowed down, then refused.
   */
  async login(email: string, password: string, clientIp: string): Promise<LoginResponse> {
    if (!this.config.sso.localLogin) {
      throw new IdentityError(
        'auth.local_login_disabled',
        'Masuk dengan kata sandi lokal dimatikan di instalasi ini: gunakan masuk tunggal (SSO).',
      );
    }
    const emailKey = `email:${normaliseEmail(email)}`;
    const decision = await this.limiter.begin([emailKey, `ip:${clientIp}`]);
    if (!decision.allowed) {
      throw new IdentityError(
        'auth.rate_limited',
        `Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam ${decision.retryAfterSeconds} detik.`,
        { 'Retry-After': String(decision.retryAfterSeconds) },
      );
    }
    if (decision.delayMs > 0) await sleep(decision.delayMs);

    const user = await this.users.findByEmail(email);
    const matches = await this.passwords.verify(password, user?.passwordHash);
    // Users of a directory (OIDC, LDAP) sign in there, never with a local password.
    const local = (user?.authSource ?? 'local') === 'local';
    if (!user || !matches || !user.active || !local) throw IdentityError.invalidCredentials();

    await this.limiter.succeed(decision.ticket, [emailKey]);
    if (this.passwords.needsRehash(user.passwordHash)) await this.rehash(user, password);
    return this.issue(user, user.tokenGeneration ?? 0);
  }

  /**
   * The signed-in user changes their own password. The current password is checked like a
   * sign-in (same limits, so a stolen token cannot be used to guess it); every token issued
   * before, this one included, stops working, and a new token is answered for this session.
   */
  async changePassword(
    signedIn: AuthUser,
    currentPassword: string,
    newPassword: string,
    clientIp: string,
  ): Promise<LoginResponse> {
    const emailKey = `email:${normaliseEmail(signedIn.email)}`;
    const decision = await this.limiter.begin([emailKey, `ip:${clientIp}`]);
    if (!decision.allowed) {
      throw new IdentityError(
        'auth.rate_limited',
        `Terlalu banyak percobaan yang gagal. Coba lagi dalam ${decision.retryAfterSeconds} detik.`,
        { 'Retry-After': String(decision.retryAfterSeconds) },
      );
    }
    if (decision.delayMs > 0) await sleep(decision.delayMs);
    const user = await this.dataSource.getRepository(UserEntity).findOne({
      where: { id: signedIn.id },
    });
    if (!user?.active) throw IdentityError.unauthenticated();
    if (!(await this.passwords.verify(currentPassword, user.passwordHash))) {
      throw new IdentityError('auth.wrong_password', 'Kata sandi saat ini salah.', undefined, [
        { path: 'currentPassword', message: 'kata sandi saat ini salah' },
      ]);
    }
    await this.limiter.succeed(decision.ticket, [emailKey]);
    const passwordHash = await this.passwords.hash(newPassword);
    const generation = await this.dataSource.transaction(async (manager) => {
      // Guarded by the hash just checked: of two changes at once, one wins, the other is refused.
      const changed = await manager
        .createQueryBuilder()
        .update(UserEntity)
        .set({
          passwordHash,
          updatedAt: new Date(),
          tokenGeneration: () => 'token_generation + 1',
        })
        .where('id = :id AND password_hash = :old', { id: user.id, old: user.passwordHash })
        .execute();
      if (!changed.affected) {
        throw new IdentityError(
          'auth.wrong_password',
          'Kata sandi baru saja diubah di tempat lain.',
          undefined,
          [{ path: 'currentPassword', message: 'kata sandi saat ini sudah berubah' }],
        );
      }
      await this.audit.record(
        {
          actorId: user.id,
          action: 'user.password_changed',
          entityType: 'user',
          entityId: user.id,
        },
        manager,
      );
      const [row] = (await manager.query('SELECT token_generation FROM users WHERE id = ?', [
        user.id,
      ])) as { token_generation: number | string }[];
      return Number(row.token_generation);
    });
    return this.issue(user, generation);
  }

  /** A new session of a user who signed in elsewhere (single sign-on), as a sign-in gives. */
  issueSession(user: UserEntity): Promise<LoginResponse> {
    return this.issue(user, user.tokenGeneration ?? 0);
  }

  /** A new access token of this user at this token generation. */
  private async issue(user: UserEntity, generation: number): Promise<LoginResponse> {
    // A token id of its own, so two sign-ins in the same second are two tokens (one can be
    // signed out without the other).
    const accessToken = await this.jwt.signAsync({
      sub: user.id,
      gen: generation,
      jti: randomUUID(),
    } satisfies TokenPayload);
    return {
      accessToken,
      expiresIn: this.config.jwtExpiresInSeconds,
      user: { ...toCurrentUser(user), uploadMaxBytes: this.config.attachmentMaxBytes },
    };
  }

  /**
   * The user a bearer token stands for; throws 401 when invalid, expired or deactivated.
   *
   * A token's signature is checked once and remembered until the token expires (a signature
   * cannot become invalid later); the user row, their active flag and positions are read on
   * every request (one indexed query), so deactivation and position changes take effect at once.
   */
  async authenticate(token: string): Promise<AuthUser> {
    const verified = await this.verify(token);
    const user = await this.loadUser(verified);
    if (!user) throw IdentityError.unauthenticated();
    return user;
  }

  /**
   * Signs the presented token out: it is remembered (by its hash, until it would have expired)
   * in the database, which every instance reads with the user on each request, so no cached
   * signature check lets it back in.
   */
  async logout(token: string, user: AuthUser): Promise<void> {
    const verified = await this.verify(token);
    const now = Date.now();
    await this.dataSource.query(
      dialectOf(this.dataSource).insertIgnore(
        'revoked_tokens',
        ['token_hash', 'user_id', 'expires_at'],
        '(?, ?, ?)',
      ),
      [verified.hash, user.id, verified.expiresAt],
    );
    // Tokens past their expiry are refused by their signature check: no need to keep them.
    await this.dataSource.query('DELETE FROM revoked_tokens WHERE expires_at < ?', [now]);
    this.verified.delete(token);
    await this.audit.record({
      actorId: user.id,
      action: 'user.signed_out',
      entityType: 'user',
      entityId: user.id,
    });
  }

  private async verify(token: string): Promise<VerifiedToken> {
    const now = Date.now();
    const hit = this.verified.get(token);
    if (hit) {
      if (hit.expiresAt > now) return hit;
      this.verified.delete(token);
      throw IdentityError.unauthenticated();
    }
    let payload: TokenPayload & { exp?: number };
    try {
      payload = await this.jwt.verifyAsync<TokenPayload & { exp?: number }>(token, {
        algorithms: ['HS256'],
      });
    } catch {
      throw IdentityError.unauthenticated();
    }
    if (typeof payload?.sub !== 'string') throw IdentityError.unauthenticated();
    const gen = payload.gen ?? 0;
    if (!Number.isSafeInteger(gen) || gen < 0) throw IdentityError.unauthenticated();
    const verified: VerifiedToken = {
      sub: payload.sub,
      gen,
      // Tokens are always signed with an expiry; one without is kept no longer than the setting.
      expiresAt:
        typeof payload.exp === 'number'
          ? payload.exp * 1000
          : now + this.config.jwtExpiresInSeconds * 1000,
      hash: accessTokenHash(token),
    };
    if (typeof payload.exp === 'number') {
      if (this.verified.size >= AuthService.VERIFIED_TOKENS_MAX) this.verified.clear();
      this.verified.set(token, verified);
    }
    return verified;
  }

  /** A better hash for a password that was stored with less work (best effort). */
  private async rehash(user: UserEntity, password: string): Promise<void> {
    try {
      const passwordHash = await this.passwords.hash(password);
      // Guarded by the old hash: a password changed meanwhile is not overwritten.
      await this.dataSource
        .createQueryBuilder()
        .update(UserEntity)
        .set({ passwordHash })
        .where('id = :id AND password_hash = :old', { id: user.id, old: user.passwordHash })
        .execute();
    } catch (error) {
      this.log.warn(`hash kata sandi ${user.id} tidak dapat diperbarui: ${(error as Error).name}`);
    }
  }

  /**
   * The active user with their position codes, in one query; null when unknown, inactive,
   * signed out, or when the token is of an older generation (issued before a password change).
   */
  private async loadUser(token: VerifiedToken): Promise<AuthUser | null> {
    const rows: {
      id: string;
      email: string;
      name: string;
      roles: string;
      office_code: string | null;
      locale: string;
      active: number | boolean | string;
      token_generation: number | string;
      revoked: number | string | null;
      position: string | null;
    }[] = await this.dataSource.query(
      `SELECT u.id, u.email, u.name, u.roles, u.office_code, u.locale, u.active, u.token_generation,
              (SELECT 1 FROM revoked_tokens r WHERE r.token_hash = ?) AS revoked,
              p.code AS position
         FROM users u
         LEFT JOIN position_holders h ON h.user_id = u.id
         LEFT JOIN positions p ON p.id = h.position_id
        WHERE u.id = ?`,
      [token.hash, token.sub],
    );
    const first = rows[0];
    if (!first || !Number(first.active)) return null;
    if (first.revoked !== null && first.revoked !== undefined) return null;
    if (Number(first.token_generation) !== token.gen) return null;
    const user = {
      id: first.id,
      email: first.email,
      name: first.name,
      roles: (first.roles ? first.roles.split(',') : []) as Role[],
      officeCode: first.office_code,
      locale: first.locale as 'id' | 'en',
      positions: rows.filter((r) => r.position !== null).map((r) => ({ code: r.position })),
    };
    return toAuthUser(user as unknown as UserEntity);
  }
}
