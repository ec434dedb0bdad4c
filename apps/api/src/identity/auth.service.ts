import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { LoginResponse, Role } from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { SharedRateLimiter } from '../public/shared-rate-limit';
import type { AuthUser } from './auth-user';
import { IdentityError } from './identity-error';
import { LoginLimiter } from './login-limiter';
import { DUMMY_HASH, verifyPassword } from './password';
import type { UserEntity } from './user.entity';
import { normaliseEmail, toAuthUser, toCurrentUser, UsersService } from './users.service';

interface TokenPayload {
  sub: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

@Injectable()
export class AuthService {
  /** Verified tokens remembered at most (the map is emptied when full). */
  static readonly VERIFIED_TOKENS_MAX = 10_000;

  private readonly limiter: LoginLimiter;
  private readonly verified = new Map<string, { sub: string; expiresAt: number }>();

  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
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
    const matches = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !matches || !user.active) throw IdentityError.invalidCredentials();

    await this.limiter.succeed(decision.ticket, [emailKey]);
    const accessToken = await this.jwt.signAsync({ sub: user.id } satisfies TokenPayload);
    return {
      accessToken,
      expiresIn: this.config.jwtExpiresInSeconds,
      user: toCurrentUser(user),
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
    const subject = await this.verifiedSubject(token);
    const user = await this.loadUser(subject);
    if (!user) throw IdentityError.unauthenticated();
    return user;
  }

  private async verifiedSubject(token: string): Promise<string> {
    const now = Date.now();
    const hit = this.verified.get(token);
    if (hit) {
      if (hit.expiresAt > now) return hit.sub;
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
    if (typeof payload.exp === 'number') {
      if (this.verified.size >= AuthService.VERIFIED_TOKENS_MAX) this.verified.clear();
      this.verified.set(token, { sub: payload.sub, expiresAt: payload.exp * 1000 });
    }
    return payload.sub;
  }

  /** The active user with their position codes, in one query (null when unknown or inactive). */
  private async loadUser(id: string): Promise<AuthUser | null> {
    const rows: {
      id: string;
      email: string;
      name: string;
      roles: string;
      office_code: string | null;
      locale: string;
      active: number | boolean | string;
      position: string | null;
    }[] = await this.dataSource.query(
      `SELECT u.id, u.email, u.name, u.roles, u.office_code, u.locale, u.active, p.code AS position
         FROM users u
         LEFT JOIN position_holders h ON h.user_id = u.id
         LEFT JOIN positions p ON p.id = h.position_id
        WHERE u.id = ?`,
      [id],
    );
    const first = rows[0];
    if (!first || !Number(first.active)) return null;
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
