import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { SetupStatus, TestMailResult } from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '@sigap/api-audit';
import { DomainError } from '@sigap/api-common';
import { AppConfig } from '@sigap/api-config';
import type { AuthUser } from '@sigap/api-identity';
import { mailDomain } from '@sigap/api-mail';
import { MailService } from '@sigap/api-mail';
import { SharedRateLimiter, type RateLimit } from '@sigap/api-common';

/** Test messages an admin may send: a few per hour, so the button cannot be used to spam. */
export const TEST_MAIL_LIMIT: RateLimit = {
  bucket: 'setup-test-mail',
  limit: 5,
  windowMs: 3600_000,
};

export class SetupError extends DomainError {}

/**
 * The first-run set-up of an installation: what it still lacks (offices, positions, services,
 * agents, mail) and a test message through the configured mail transport.
 */
@Injectable()
export class SetupService {
  private readonly log = new Logger('Setup');

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly mail: MailService,
    private readonly limiter: SharedRateLimiter,
    private readonly audit: AuditService,
  ) {}

  async status(): Promise<SetupStatus> {
    const count = async (sql: string, params: unknown[] = []): Promise<number> => {
      const rows: { n: number | string }[] = await this.dataSource.query(sql, params);
      return Number(rows[0]?.n ?? 0);
    };
    const [offices, positions, services, users, mailboxes] = await Promise.all([
      count('SELECT COUNT(*) AS n FROM offices WHERE retired_at IS NULL'),
      count(
        `SELECT COUNT(*) AS n FROM positions p JOIN offices o ON o.code = p.office_code
          WHERE p.retired_at IS NULL AND o.retired_at IS NULL AND p.requester_side = ?`,
        [false],
      ),
      count("SELECT COUNT(*) AS n FROM catalog_services WHERE status = 'active'"),
      this.dataSource.query('SELECT roles FROM users WHERE active = ?', [true]) as Promise<
        { roles: string }[]
      >,
      count('SELECT COUNT(*) AS n FROM mailboxes'),
    ]);
    const agents = users.filter((u) => !String(u.roles).split(',').includes('admin')).length;
    return {
      needed: offices === 0,
      offices,
      positions,
      services,
      agents,
      mailboxes: mailboxes + this.config.imapMailboxes.length,
      smtp: {
        mode: this.mail.sender.mode,
        // Host and port only: the user name and password stay in the configuration.
        description: this.config.smtp
          ? `${this.config.smtp.secure ? 'smtps' : 'smtp'}://${this.config.smtp.host}:${this.config.smtp.port}`
          : 'disimpan sebagai berkas .eml di folder data',
      },
    };
  }

  /**
   * Sends a short test message to `to` through the transport every notification uses (SMTP, or
   * files when none is configured); a few per admin per hour. The answer carries the server's
   * reply, or its error as a 502 problem: what an admin needs to fix the set-up.
   */
  async sendTestMail(user: AuthUser, to: string): Promise<TestMailResult> {
    const decision = await this.limiter.hit(TEST_MAIL_LIMIT, user.id);
    if (!decision.allowed) {
      throw new SetupError(
        'setup.test_mail_limited',
        429,
        `Terlalu banyak e-mail uji; coba lagi dalam ${Math.ceil(decision.retryAfterSeconds / 60)} menit.`,
        undefined,
        { 'Retry-After': String(decision.retryAfterSeconds) },
      );
    }
    const nonce = randomBytes(8).toString('hex');
    const message = {
      from: this.config.mailFrom,
      to,
      subject: 'Sigap: e-mail uji / test message',
      messageId: `<test-${nonce}@${mailDomain(this.config)}>`,
      headers: { 'Auto-Submitted': 'auto-generated' },
      text: [
        'Ini e-mail uji dari Sigap: pengiriman e-mail sudah tersambung.',
        `Dikirim atas permintaan ${user.email}.`,
        '',
        'This is a test message from Sigap: outgoing mail works.',
        `Sent at the request of ${user.email}.`,
      ].join('\n'),
    };
    let result: { messageId: string; response: string };
    try {
      result = await this.mail.sender.send(message);
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      this.log.warn(`e-mail uji gagal: ${reason}`);
      throw new SetupError(
        'setup.test_mail_failed',
        502,
        `Server e-mail menolak atau tidak dapat dihubungi: ${reason}`,
      );
    } finally {
      await this.audit.record({
        actorId: user.id,
        action: 'setup.test_mail',
        entityType: 'mail',
        entityId: 'smtp',
        after: { to, mode: this.mail.sender.mode },
      });
    }
    return { mode: this.mail.sender.mode, messageId: result.messageId, response: result.response };
  }
}
