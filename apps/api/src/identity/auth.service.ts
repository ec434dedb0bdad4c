import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { LoginResponse } from '@sigap/contracts';
import { AppConfig } from '../config/app-config';
import type { AuthUser } from './auth-user';
import { IdentityError } from './identity-error';
import { LoginLimiter } from './login-limiter';
import { DUMMY_HASH, verifyPassword } from './password';
import { normaliseEmail, toCurrentUser, UsersService } from './users.service';

interface TokenPayload {
  sub: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

@Injectable()
export class AuthService {
  private readonly limiter: LoginLimiter;

  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {
    this.limiter = new LoginLimiter({
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
    const decision = this.limiter.begin([emailKey, `ip:${clientIp}`]);
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

    this.limiter.succeed(decision.ticket, [emailKey]);
    const accessToken = await this.jwt.signAsync({ sub: user.id } satisfies TokenPayload);
    return {
      accessToken,
      expiresIn: this.config.jwtExpiresInSeconds,
      user: toCurrentUser(user),
    };
  }

  /** The user a bearer token stands for; throws 401 when invalid, expired or deactivated. */
  async authenticate(token: string): Promise<AuthUser> {
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token, { algorithms: ['HS256'] });
    } catch {
      throw IdentityError.unauthenticated();
    }
    if (typeof payload?.sub !== 'string') throw IdentityError.unauthenticated();
    const user = await this.users.loadAuthUser(payload.sub);
    if (!user) throw IdentityError.unauthenticated();
    return user;
  }
}
