import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { Readiness } from '../../health/readiness';
import { OfficeEntity } from '../../offices/office.entity';
import { InboundMailService } from '../inbound/inbound-mail.service';
import { decryptSecret, mailboxKey } from '../mailboxes/mailbox-secret';
import { MailboxEntity } from '../mailboxes/mailbox.entity';
import { ImapPoller, type MailboxStatus, type PollerDeps, type PollerReport } from './imap-poller';
import type { ImapMailboxSettings } from './imap-settings';
import { DatabaseFailureStore } from './message-failures';
import { plainTextAllowed } from '../transport/tls-policy';

/** The poller settings of a database mailbox (its password decrypted, for the connection only). */
export function settingsOf(row: MailboxEntity, key: Buffer): ImapMailboxSettings {
  return {
    name: row.name,
    office: row.officeCode,
    host: row.host,
    port: row.port,
    secure: row.secure,
    user: row.username,
    passwordEnv: '',
    password: decryptSecret(row.passwordEnc, key),
    folder: row.folder,
    processedFolder: row.processedFolder,
    enabled: row.enabled,
    pollSeconds: row.pollSeconds,
    tlsRejectUnauthorized: row.tlsRejectUnauthorized,
    useIdle: row.useIdle,
  };
}

/**
 * Runs one poller per enabled mailbox while the application runs: those configured in
 * `SIGAP_IMAP_MAILBOXES` (fixed until restart) and those administered in the database (started,
 * restarted or stopped as an admin saves them; their status is written back to their row).
 */
@Injectable()
export class ImapPollerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('Imap');
  private readonly pollers = new Map<string, ImapPoller>();
  private starting: Promise<void> = Promise.resolve();
  private destroyed = false;

  constructor(
    private readonly config: AppConfig,
    private readonly inbound: InboundMailService,
    private readonly dataSource: DataSource,
    private readonly readiness: Readiness,
  ) {}

  get mailboxes(): ImapMailboxSettings[] {
    return this.config.imapMailboxes ?? [];
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const mailbox of this.mailboxes) {
      if (!mailbox.enabled) continue;
      this.pollers.set(mailbox.name, this.create(mailbox));
      this.pollers.get(mailbox.name)?.start();
      this.log.log(`memantau ${mailbox.user}@${mailbox.host}:${mailbox.port}/${mailbox.folder}`);
    }
    // Database mailboxes once start-up (migrations) is done; bootstrap hooks run side by side.
    this.starting = this.startDatabaseMailboxes();
  }

  private async startDatabaseMailboxes(): Promise<void> {
    while (!this.readiness.isReady) {
      if (this.destroyed) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    try {
      const rows = await this.dataSource
        .getRepository(MailboxEntity)
        .find({ where: { enabled: true }, order: { name: 'ASC' } });
      for (const row of rows) if (!this.destroyed) await this.sync(row);
    } catch (error) {
      this.log.error(
        `kotak surat dari basis data tidak dapat dimulai: ${(error as Error).message}`,
      );
    }
  }

  /** Resolves once the database mailboxes have been started (tests). */
  whenStarted(): Promise<void> {
    return this.starting;
  }

  /**
   * Brings a database mailbox's poller in line with its row: stopped, then started again with
   * the new settings when enabled. A password that cannot be decrypted (the application secret
   * changed) is recorded on the row as its error; the mailbox waits for a new password.
   */
  async sync(row: MailboxEntity): Promise<void> {
    const running = this.pollers.get(row.name);
    if (running && !this.isConfigured(row.name)) {
      this.pollers.delete(row.name);
      await running.stop();
    }
    if (!row.enabled || this.isConfigured(row.name)) return;
    let settings: ImapMailboxSettings;
    try {
      settings = settingsOf(row, mailboxKey(this.config));
    } catch (error) {
      await this.record(row.id, {
        kind: 'error',
        at: new Date(),
        error: `sandi tidak dapat dibuka (${(error as Error).message}); simpan ulang sandinya`,
      });
      return;
    }
    const poller = this.create(settings, { report: (event) => this.record(row.id, event) });
    this.pollers.set(row.name, poller);
    poller.start();
    this.log.log(`memantau ${settings.user}@${settings.host}:${settings.port}/${settings.folder}`);
  }

  /** Stops a database mailbox's poller (renamed or removed). */
  async drop(name: string): Promise<void> {
    if (this.isConfigured(name)) return;
    const running = this.pollers.get(name);
    this.pollers.delete(name);
    await running?.stop();
  }

  isConfigured(name: string): boolean {
    return this.mailboxes.some((m) => m.name === name);
  }

  /** The live state of a running poller, if any. */
  live(name: string): MailboxStatus | null {
    return this.pollers.get(name)?.snapshot() ?? null;
  }

  private async record(id: string, event: PollerReport): Promise<void> {
    const repo = this.dataSource.getRepository(MailboxEntity);
    if (event.kind === 'error' || event.kind === 'message-failed') {
      await repo.update({ id }, { lastError: event.error.slice(0, 500), lastErrorAt: event.at });
      return;
    }
    await repo.update({ id }, { lastPollAt: event.at });
    if (event.processed) await repo.increment({ id }, 'messagesProcessed', event.processed);
  }

  async onModuleDestroy(): Promise<void> {
    this.destroyed = true;
    await this.starting;
    await Promise.all([...this.pollers.values()].map((p) => p.stop()));
    this.pollers.clear();
  }

  /** A poller wired to the inbound service; tests build their own with fault injection. */
  create(mailbox: ImapMailboxSettings, extra: Partial<PollerDeps> = {}): ImapPoller {
    return new ImapPoller(mailbox, {
      accept: (raw, recipients) => this.inbound.accept(raw, recipients),
      recipients: () => this.recipients(mailbox),
      failures: new DatabaseFailureStore(this.dataSource, mailbox.name),
      maxMessageBytes: this.config.inboundMaxBytes,
      plainTextAllowed: plainTextAllowed(
        this.config.imapTls,
        mailbox.host,
        this.config.isProduction,
      ),
      ...extra,
    });
  }

  /** The office's helpdesk address (and the login when it is an address) route mail to it. */
  private async recipients(mailbox: ImapMailboxSettings): Promise<string[]> {
    const office = await this.dataSource
      .getRepository(OfficeEntity)
      .findOne({ where: { code: mailbox.office } });
    if (!office) throw new Error(`kantor "${mailbox.office}" tidak ada`);
    const addresses = [office.helpdeskEmail, mailbox.user.includes('@') ? mailbox.user : null];
    return addresses.filter((a): a is string => Boolean(a));
  }

  status(): MailboxStatus[] {
    return this.mailboxes.map((mailbox) => {
      const poller = this.pollers.get(mailbox.name);
      return poller ? poller.snapshot() : new ImapPoller(mailbox, this.noDeps).snapshot();
    });
  }

  /** Asks a running poller to look now; false when the mailbox is unknown or disabled. */
  pollNow(name: string): boolean {
    const poller = this.pollers.get(name);
    poller?.pollNow();
    return Boolean(poller);
  }

  private readonly noDeps: PollerDeps = {
    accept: () => Promise.reject(new Error('tidak aktif')),
    recipients: () => Promise.resolve([]),
  };
}
