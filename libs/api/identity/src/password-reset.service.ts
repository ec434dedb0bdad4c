import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { AuditService } from '@sigap/api-audit';
import { Clock } from '@sigap/api-clock';
import { OutboxWriter } from './outbox-writer';
import { SharedRateLimiter, type RateLimit } from '@sigap/api-common';
import { IdentityError } from './identity-error';
import { PasswordHasher } from './password';
import { PasswordResetEntity } from './password-reset.entity';
import { UserEntity } from './user.entity';
import { normaliseEmail, UsersService } from './users.service';

/** How long a reset token stays valid. */
export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;

export function hashResetToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Reset requests allowed per address, and per client address, in the window. */
export const RESET_LIMIT_PER_ADDRESS = 3;
export const RESET_LIMIT_PER_IP = 10;
const RESET_WINDOW_MS = 15 * 60_000;
export const RESET_LIMITS: { ip: RateLimit; address: RateLimit } = {
  ip: { bucket: 'password-reset-ip', limit: RESET_LIMIT_PER_IP, windowMs: RESET_WINDOW_MS },
  address: {
    bucket: 'password-reset-address',
    limit: RESET_LIMIT_PER_ADDRESS,
    windowMs: RESET_WINDOW_MS,
  },
};

/**
 * Password reset by a single-use token. The request answers the same, in the same time, whether
 * the e-mail is known or not (limited per address and per client address); for a known, active
 * user it stores the token's hash and writes a `password-reset` outbox row (the mail worker
 * sends the link) in one transaction, after the answer.
 */
@Injectable()
export class PasswordResetService implements BeforeApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly limiter: SharedRateLimiter,
    private readonly passwords: PasswordHasher,
  ) {}

  private readonly log = new Logger('PasswordReset');
  private readonly inFlight = new Set<Promise<void>>();

  /**
   * Checks the limits (a 429 is the only answer that differs, and it does not depend on the
   * address being known), then answers; the lookup, the token and the mail happen after the
   * answer has gone, so known and unknown addresses take the same time. `done` settles when
   * that work has finished (tests wait for it; failures are logged, never answered).
   */
  async request(rawEmail: string, ip: string): Promise<{ done: Promise<void> }> {
    const email = normaliseEmail(rawEmail);
    for (const [rule, key] of [
      [RESET_LIMITS.ip, ip],
      [RESET_LIMITS.address, email],
    ] as const) {
      const decision = await this.limiter.hit(rule, key);
      if (!decision.allowed) {
        throw new IdentityError(
          'auth.rate_limited',
          `Terlalu banyak permintaan atur ulang kata sandi. Coba lagi dalam ${Math.ceil(decision.retryAfterSeconds / 60)} menit.`,
          { 'Retry-After': String(decision.retryAfterSeconds) },
        );
      }
    }
    const done = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.issue(email))
      .catch((error: unknown) =>
        // The address is not logged (it may be a stranger's); the failure is.
        this.log.error(`atur ulang kata sandi tidak dapat dibuat: ${(error as Error).message}`),
      )
      .finally(() => this.inFlight.delete(done));
    this.inFlight.add(done);
    return { done };
  }

  /** Settles when every request answered so far has done its work. */
  async settled(): Promise<void> {
    while (this.inFlight.size) await Promise.all([...this.inFlight]);
  }

  /** A stopping instance finishes the work of requests it has already answered. */
  beforeApplicationShutdown(): Promise<void> {
    return this.settled();
  }

  private async issue(email: string): Promise<void> {
    const user = await this.users.findByEmail(email);
    // Directory users (single sign-on) have no Sigap password to reset.
    if (!user || !user.active || (user.authSource ?? 'local') !== 'local') return;
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + RESET_TOKEN_TTL_MS);
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(PasswordResetEntity, {
        id: randomUUID(),
        userId: user.id,
        tokenHash: hashResetToken(token),
        expiresAt,
        usedAt: null,
        createdAt: now,
      });
      await this.outbox.enqueue(
        [
          {
            kind: 'password-reset',
            payload: {
              userId: user.id,
              email: user.email,
              name: user.name,
              locale: user.locale,
              token,
              expiresAt: expiresAt.toISOString(),
            },
          },
        ],
        now,
        manager,
      );
      await this.audit.record(
        {
          actorId: null,
          action: 'user.password_reset.requested',
          entityType: 'user',
          entityId: user.id,
        },
        manager,
      );
    });
  }

  /** Sets the new password when the token is known, unused and not expired; uses it up. */
  async confirm(token: string, password: string): Promise<void> {
    const invalid = () =>
      new IdentityError(
        'auth.reset_invalid',
        'Tautan atur ulang kata sandi tidak berlaku (salah, sudah dipakai, atau kedaluwarsa).',
      );
    const now = this.clock.now();
    const passwordHash = await this.passwords.hash(password);
    await this.dataSource.transaction(async (manager) => {
      const reset = await manager.findOne(PasswordResetEntity, {
        where: { tokenHash: hashResetToken(token) },
      });
      if (!reset || reset.usedAt || reset.expiresAt.getTime() <= now.getTime()) throw invalid();
      // Guarded: of two concurrent confirmations only one marks the token used.
      const used = await manager.update(
        PasswordResetEntity,
        { id: reset.id, usedAt: IsNull() },
        { usedAt: now },
      );
      if (!used.affected) throw invalid();
      // Every token issued before the reset stops working; so do the other reset links.
      await manager.update(
        UserEntity,
        { id: reset.userId },
        { passwordHash, updatedAt: now, tokenGeneration: () => 'token_generation + 1' },
      );
      await manager.update(
        PasswordResetEntity,
        { userId: reset.userId, usedAt: IsNull() },
        { usedAt: now },
      );
      await this.audit.record(
        {
          actorId: reset.userId,
          action: 'user.password_reset.completed',
          entityType: 'user',
          entityId: reset.userId,
        },
        manager,
      );
    });
  }
}
