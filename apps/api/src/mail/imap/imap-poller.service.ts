import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { OfficeEntity } from '../../offices/office.entity';
import { InboundMailService } from '../inbound/inbound-mail.service';
import { ImapPoller, type MailboxStatus, type PollerDeps } from './imap-poller';
import type { ImapMailboxSettings } from './imap-settings';

/** Runs one poller per enabled configured mailbox while the application runs. */
@Injectable()
export class ImapPollerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('Imap');
  private readonly pollers = new Map<string, ImapPoller>();

  constructor(
    private readonly config: AppConfig,
    private readonly inbound: InboundMailService,
    private readonly dataSource: DataSource,
  ) {}

  get mailboxes(): ImapMailboxSettings[] {
    return this.config.imapMailboxes ?? [];
  }

  onApplicationBootstrap(): void {
    for (const mailbox of this.mailboxes) {
      if (!mailbox.enabled) continue;
      this.pollers.set(mailbox.name, this.create(mailbox));
      this.pollers.get(mailbox.name)?.start();
      this.log.log(`memantau ${mailbox.user}@${mailbox.host}:${mailbox.port}/${mailbox.folder}`);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.pollers.values()].map((p) => p.stop()));
    this.pollers.clear();
  }

  /** A poller wired to the inbound service; tests build their own with fault injection. */
  create(mailbox: ImapMailboxSettings, extra: Partial<PollerDeps> = {}): ImapPoller {
    return new ImapPoller(mailbox, {
      accept: (raw, recipients) => this.inbound.accept(raw, recipients),
      recipients: () => this.recipients(mailbox),
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
