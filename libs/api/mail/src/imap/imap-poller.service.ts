import {
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
  Optional,
} from '@nestjs/common';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { AppConfig } from '@sigap/api-config';
import { Readiness } from '@sigap/api-common';
import { MetricsService } from '@sigap/api-observability';
import { OfficeEntity } from '@sigap/api-offices';
import { InboundMailService } from '../inbound/inbound-mail.service';
import { decryptSecret, mailboxKey } from '../mailboxes/mailbox-secret';
import { MailboxEntity } from '../mailboxes/mailbox.entity';
import { ImapPoller, type MailboxStatus, type PollerDeps, type PollerReport } from './imap-poller';
import type { ImapMailboxSettings } from '@sigap/api-config';
import { leaseKey, MailboxLeases, newInstanceId, type LeaseHolding } from './mailbox-lease';
import { DatabaseFailureStore, renameFailures } from './message-failures';
import { plainTextAllowed } from '@sigap/api-config';

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

/** A mailbox whose lease this instance holds. */
interface Held {
  key: string;
  name: string;
  /** Null for a mailbox from configuration. */
  rowId: string | null;
  /** The row version the poller runs with (0 for configuration). */
  version: number;
  /** Null when the settings cannot be used (a password that no longer decrypts). */
  poller: ImapPoller | null;
  since: Date;
  /** Local time until which the lease is surely still ours. */
  validUntil: number;
}

/** An enabled mailbox some instance should poll. */
interface Wanted {
  name: string;
  rowId: string | null;
  version: number;
}

/**
 * Runs the pollers of the enabled mailboxes, one instance at a time per mailbox across every API
 * instance sharing the database: those configured in `SIGAP_IMAP_MAILBOXES` (fixed until restart)
 * and those administered in the database (their status is written back to their row).
 *
 * Every third of `SIGAP_IMAP_LEASE_SECONDS` each instance runs one round: it reads the mailboxes'
 * id, name, version and enabled flag (one small query), renews the leases it holds, restarts a
 * poller whose row changed (an edit made on any instance), stops and gives back the lease of a
 * mailbox disabled or removed, and tries to take the free or run-out leases of the others. An
 * instance that stops gives its leases back; one that dies lets them run out, and another takes
 * its mailboxes over within a lease.
 */
@Injectable()
export class ImapPollerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('Imap');
  /** This process in the lease table and in the mailbox status: host, pid and a random part. */
  readonly instance = newInstanceId();
  private readonly leases: MailboxLeases;
  private readonly held = new Map<string, Held>();
  /** Who held which lease at the last round (for the status of mailboxes held elsewhere). */
  private holdings = new Map<string, LeaseHolding>();
  private starting: Promise<void> = Promise.resolve();
  private round: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private destroyed = false;

  constructor(
    private readonly config: AppConfig,
    private readonly inbound: InboundMailService,
    private readonly dataSource: DataSource,
    private readonly readiness: Readiness,
    @Optional() metrics?: MetricsService,
  ) {
    this.leases = new MailboxLeases(dataSource, this.instance);
    if (metrics) {
      const held = this.held;
      new Gauge({
        name: 'sigap_imap_mailbox_polled',
        help: 'Mailboxes whose lease this instance holds and polls (1 per mailbox)',
        labelNames: ['mailbox'] as const,
        registers: [metrics.registry],
        collect() {
          this.reset();
          for (const h of held.values()) this.set({ mailbox: h.name }, 1);
        },
      });
    }
  }

  get mailboxes(): ImapMailboxSettings[] {
    return this.config.imapMailboxes ?? [];
  }

  private get leaseMs(): number {
    return this.config.imapLeaseSeconds * 1000;
  }

  onApplicationBootstrap(): void {
    // Once start-up (migrations) is done; bootstrap hooks run side by side.
    this.starting = this.begin();
  }

  private async begin(): Promise<void> {
    while (!this.readiness.isReady) {
      if (this.destroyed) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    await this.refresh();
    if (this.destroyed) return;
    this.timer = setInterval(() => void this.refresh(), Math.max(1000, this.leaseMs / 3));
    this.timer.unref();
  }

  /** Resolves once the first round has run (tests). */
  whenStarted(): Promise<void> {
    return this.starting;
  }

  /**
   * Runs a round now (after the one under way): a mailbox saved on this instance takes effect
   * here at once when this instance holds it, and on its holder at the holder's next round.
   */
  refresh(): Promise<void> {
    const next = this.round.then(async () => {
      if (this.destroyed) return;
      try {
        await this.reconcile();
      } catch (error) {
        this.log.warn(`giliran sewa kotak surat gagal: ${(error as Error).message}`);
        // Without the database no lease can be renewed: a lease that ran out is let go.
        for (const h of [...this.held.values()]) {
          if (h.validUntil <= Date.now()) await this.letGo(h, false);
        }
      }
    });
    this.round = next;
    return next;
  }

  private async reconcile(): Promise<void> {
    const ttl = this.leaseMs;
    const wanted = new Map<string, Wanted>();
    for (const m of this.mailboxes) {
      if (m.enabled) wanted.set(leaseKey(m), { name: m.name, rowId: null, version: 0 });
    }
    const rows = await this.dataSource.getRepository(MailboxEntity).find({
      select: { id: true, name: true, version: true, enabled: true },
      order: { name: 'ASC' },
    });
    for (const r of rows) {
      if (!r.enabled || this.isConfigured(r.name)) continue;
      wanted.set(leaseKey(r), { name: r.name, rowId: r.id, version: r.version });
    }
    // What this instance holds: renewed, restarted after an edit, or let go.
    for (const h of [...this.held.values()]) {
      if (this.destroyed) return;
      const want = wanted.get(h.key);
      if (!want) {
        this.log.log(`kotak surat ${h.name} dinonaktifkan atau dihapus: berhenti memantau`);
        await this.letGo(h, true);
        continue;
      }
      const at = Date.now();
      if (!(await this.leases.renew(h.key, at, ttl))) {
        this.log.warn(`sewa kotak surat ${h.name} diambil instans lain: berhenti memantau`);
        await this.letGo(h, false);
        continue;
      }
      h.validUntil = this.validUntil(at);
      if (want.version !== h.version) {
        this.log.log(`kotak surat ${h.name} diubah (versi ${want.version}): dimulai ulang`);
        await this.letGo(h, false);
        try {
          await this.take(h.key, want, h);
        } catch (error) {
          this.log.warn(
            `kotak surat ${h.name} tidak dapat dimulai ulang: ${(error as Error).message}`,
          );
          await this.leases.release(h.key);
        }
      }
    }
    // The others: taken when free or run out.
    for (const [key, want] of wanted) {
      if (this.destroyed) return;
      if (this.held.has(key)) continue;
      const at = Date.now();
      if (!(await this.leases.acquire(key, at, ttl))) continue;
      try {
        await this.take(key, want, { since: new Date(at), validUntil: this.validUntil(at) });
      } catch (error) {
        // One mailbox failing to start never holds the others up; it is tried next round.
        this.log.warn(`kotak surat ${want.name} tidak dapat dimulai: ${(error as Error).message}`);
        await this.leases.release(key);
      }
    }
    this.holdings = await this.leases.holdings(Date.now());
  }

  /** Stops fetching a little before the lease ends, so a successor never overlaps. */
  private validUntil(at: number): number {
    return at + this.leaseMs - Math.min(2000, this.leaseMs / 10);
  }

  /**
   * Starts the poller of a mailbox whose lease was just taken (or renewed after an edit), with
   * the row as it is now. A password that cannot be decrypted (the application secret changed)
   * is recorded on the row as its error; the mailbox waits, lease held, for a new password.
   */
  private async take(
    key: string,
    want: Wanted,
    lease: { since: Date; validUntil: number; name?: string },
  ): Promise<void> {
    let settings: ImapMailboxSettings;
    let row: MailboxEntity | null = null;
    if (want.rowId === null) {
      const configured = this.mailboxes.find((m) => m.name === want.name);
      if (!configured) return this.leases.release(key);
      settings = configured;
    } else {
      row = await this.dataSource.getRepository(MailboxEntity).findOne({
        where: { id: want.rowId },
      });
      if (!row || !row.enabled || this.destroyed) return this.leases.release(key);
      if (lease.name && lease.name !== row.name) {
        // Renamed: failures a round of the old poller recorded after the rename committed
        // follow the mailbox (the old poller is stopped by now).
        await renameFailures(this.dataSource.manager, lease.name, row.name);
      }
      try {
        settings = settingsOf(row, mailboxKey(this.config));
      } catch (error) {
        this.held.set(key, {
          key,
          name: row.name,
          rowId: row.id,
          version: row.version,
          poller: null,
          since: lease.since,
          validUntil: lease.validUntil,
        });
        await this.record(row.id, {
          kind: 'error',
          at: new Date(),
          error: `sandi tidak dapat dibuka (${(error as Error).message}); simpan ulang sandinya`,
        });
        return;
      }
    }
    const entry: Held = {
      key,
      name: settings.name,
      rowId: row?.id ?? null,
      version: row?.version ?? 0,
      poller: null,
      since: lease.since,
      validUntil: lease.validUntil,
    };
    const rowId = row?.id;
    entry.poller = this.create(settings, {
      ...(rowId ? { report: (event: PollerReport) => this.record(rowId, event) } : {}),
      mayFetch: () => this.held.get(key) === entry && Date.now() < entry.validUntil,
    });
    this.held.set(key, entry);
    entry.poller.start();
    this.log.log(
      `memantau ${settings.user}@${settings.host}:${settings.port}/${settings.folder} (instans ${this.instance})`,
    );
  }

  /** Stops a held mailbox's poller; gives its lease back when asked. */
  private async letGo(h: Held, release: boolean): Promise<void> {
    if (this.held.get(h.key) === h) this.held.delete(h.key);
    await h.poller?.stop();
    if (release) await this.leases.release(h.key);
  }

  isConfigured(name: string): boolean {
    return this.mailboxes.some((m) => m.name === name);
  }

  private heldByName(name: string): Held | undefined {
    return [...this.held.values()].find((h) => h.name === name);
  }

  /** The live state of a poller running in this instance, if any. */
  live(name: string): MailboxStatus | null {
    return this.heldByName(name)?.poller?.snapshot() ?? null;
  }

  /** Which instance polls each mailbox (by lease key) and since when, read now. */
  async holders(): Promise<Map<string, LeaseHolding>> {
    this.holdings = await this.leases.holdings(Date.now());
    return this.holdings;
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
    if (this.timer) clearInterval(this.timer);
    await this.starting;
    await this.round;
    const held = [...this.held.values()];
    this.held.clear();
    await Promise.all(held.map((h) => h.poller?.stop()));
    // Given back, so another instance takes the mailboxes over at its next round.
    for (const h of held) {
      try {
        await this.leases.release(h.key);
      } catch (error) {
        this.log.warn(`sewa ${h.name} tidak dapat dilepas: ${(error as Error).message}`);
      }
    }
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

  /** The configured mailboxes, with the instance polling each (as of the last round). */
  status(): MailboxStatus[] {
    return this.mailboxes.map((mailbox) => {
      const key = leaseKey(mailbox);
      const here = this.held.get(key);
      const snapshot = here?.poller
        ? here.poller.snapshot()
        : new ImapPoller(mailbox, this.noDeps).snapshot();
      const holding = here
        ? { holder: this.instance, since: here.since }
        : (this.holdings.get(key) ?? null);
      return {
        ...snapshot,
        holder: holding?.holder ?? null,
        holderSince: holding?.since.toISOString() ?? null,
      };
    });
  }

  /**
   * Asks the poller to look now: `here` when this instance polls the mailbox, `elsewhere` (with
   * the instance) when another does, `inactive` when none does.
   */
  pollNow(name: string): { where: 'here' | 'elsewhere' | 'inactive'; holder: string | null } {
    const here = this.heldByName(name);
    if (here?.poller) {
      here.poller.pollNow();
      return { where: 'here', holder: this.instance };
    }
    const holding = this.isConfigured(name) ? this.holdings.get(leaseKey({ name })) : undefined;
    if (holding && holding.holder !== this.instance) {
      return { where: 'elsewhere', holder: holding.holder };
    }
    return { where: 'inactive', holder: null };
  }

  private readonly noDeps: PollerDeps = {
    accept: () => Promise.reject(new Error('tidak aktif')),
    recipients: () => Promise.resolve([]),
  };
}
