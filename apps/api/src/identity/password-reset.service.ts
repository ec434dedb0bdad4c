import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../clock/clock';
import { OutboxService } from '../outbox/outbox.service';
import { IdentityError } from './identity-error';
import { hashPassword } from './password';
import { PasswordResetEntity } from './password-reset.entity';
import { UserEntity } from './user.entity';
import { UsersService } from './users.service';

/** How long a reset token stays valid. */
export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;

export function hashResetToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Password reset by a single-use token. The request answers the same whether the e-mail is known
 * or not; for a known, active user it stores the token's hash and writes a `password-reset`
 * outbox row (the mail worker sends the link) in one transaction.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async request(email: string): Promise<void> {
    const user = await this.users.findByEmail(email);
    if (!user || !user.active) return;
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
    const passwordHash = await hashPassword(password);
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
      await manager.update(UserEntity, { id: reset.userId }, { passwordHash, updatedAt: now });
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
