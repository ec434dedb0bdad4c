/**
 * IMAP mailboxes administered in the database, per office: list (with the read-only ones from
 * `SIGAP_IMAP_MAILBOXES`), create, edit, disable and test the connection. The password is
 * encrypted before it is stored, never returned and never logged; each save restarts the
 * mailbox's poller with the new settings on whichever instance polls it.
 */
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { MailboxTestResult, MailboxView } from '@sigap/contracts';
import { ImapFlow } from 'imapflow';
import { DataSource } from 'typeorm';
import { AuditService } from '@sigap/api-audit';
import { Clock } from '@sigap/api-clock';
import { DomainError, type FieldError } from '@sigap/api-common';
import { AppConfig } from '@sigap/api-config';
import { OfficeEntity } from '@sigap/api-offices';
import { imapConnectionOptions } from '../imap/imap-poller';
import { ImapPollerService, settingsOf } from '../imap/imap-poller.service';
import { leaseKey, type LeaseHolding } from '../imap/mailbox-lease';
import { plainTextAllowed } from '@sigap/api-config';
import type { ImapMailboxSettings } from '@sigap/api-config';
import {
  failureSummaries,
  discardHeld,
  releaseHeld,
  renameFailures,
  type FailureSummary,
} from '../imap/message-failures';
import type { CreateMailboxDto, UpdateMailboxDto } from './mailbox.dto';
import { encryptSecret, mailboxKey } from './mailbox-secret';
import { MailboxEntity } from './mailbox.entity';

type MailboxErrorCode =
  | 'mailbox.not_found'
  | 'mailbox.invalid'
  | 'mailbox.name_taken'
  | 'mailbox.read_only'
  | 'mailbox.stale_version';

const STATUS: Record<MailboxErrorCode, number> = {
  'mailbox.not_found': 404,
  'mailbox.invalid': 400,
  'mailbox.name_taken': 409,
  'mailbox.read_only': 409,
  'mailbox.stale_version': 409,
};

export class MailboxError extends DomainError {
  constructor(code: MailboxErrorCode, message: string, errors?: FieldError[]) {
    super(code, STATUS[code], message, errors);
  }
}

/** One line from an IMAP failure, without anything the server echoed of the credentials. */
function imapErrorText(error: unknown, password: string): string {
  const e = error as { message?: string; responseText?: string; code?: string };
  const text = [e.message, e.responseText, e.code].filter(Boolean).join(' — ') || String(error);
  return (password ? text.split(password).join('***') : text).slice(0, 500);
}

@Injectable()
export class MailboxesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly imap: ImapPollerService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async list(office?: string): Promise<MailboxView[]> {
    const rows = await this.dataSource.getRepository(MailboxEntity).find({
      where: office ? { officeCode: office } : {},
      order: { officeCode: 'ASC', name: 'ASC' },
    });
    const fromConfig = this.imap.mailboxes
      .filter((m) => !office || m.office === office)
      .map((m) => this.configView(m));
    const failures = await failureSummaries(
      this.dataSource,
      rows.map((r) => r.name),
    );
    const holders = await this.imap.holders();
    return [
      ...rows.map((r) => this.view(r, failures.get(r.name), holders.get(leaseKey(r)))),
      ...fromConfig,
    ];
  }

  async get(id: string): Promise<MailboxView> {
    return this.withFailures(await this.find(id));
  }

  /**
   * Gives the messages held after failing every attempt one more try, at once; each one that
   * goes through loses the flag set for the admin. Audited.
   */
  async releaseHeld(id: string, actorId: string): Promise<MailboxView> {
    const row = await this.find(id);
    const released = await releaseHeld(this.dataSource, row.name);
    await this.audit.record({
      actorId,
      action: 'mailbox.held_released',
      entityType: 'mailbox',
      entityId: row.id,
      after: { name: row.name, released },
    });
    this.imap.pollNow(row.name);
    return this.withFailures(row);
  }

  /** Has the held messages deleted from the mailbox by its poller (at once when it runs). */
  async discardHeld(id: string, actorId: string): Promise<MailboxView> {
    const row = await this.find(id);
    const discarded = await discardHeld(this.dataSource, row.name, new Date());
    await this.audit.record({
      actorId,
      action: 'mailbox.held_discarded',
      entityType: 'mailbox',
      entityId: row.id,
      after: { name: row.name, discarded },
    });
    this.imap.pollNow(row.name);
    return this.withFailures(row);
  }

  private async withFailures(row: MailboxEntity): Promise<MailboxView> {
    const failures = await failureSummaries(this.dataSource, [row.name]);
    const holders = await this.imap.holders();
    return this.view(row, failures.get(row.name), holders.get(leaseKey(row)));
  }

  async create(dto: CreateMailboxDto, actorId: string): Promise<MailboxView> {
    const now = this.clock.now();
    const row: MailboxEntity = {
      id: randomUUID(),
      name: dto.name,
      officeCode: dto.office,
      host: dto.host.trim(),
      port: dto.port,
      secure: dto.secure,
      tlsRejectUnauthorized: dto.tlsRejectUnauthorized ?? true,
      username: dto.user.trim(),
      passwordEnc: encryptSecret(dto.password, mailboxKey(this.config)),
      folder: dto.folder?.trim() || 'INBOX',
      processedFolder: dto.processedFolder?.trim() || null,
      useIdle: dto.useIdle ?? true,
      pollSeconds: dto.pollSeconds ?? 60,
      enabled: dto.enabled ?? true,
      version: 1,
      createdAt: now,
      updatedAt: now,
      updatedBy: actorId,
      lastPollAt: null,
      lastError: null,
      lastErrorAt: null,
      messagesProcessed: 0,
    };
    await this.dataSource.transaction(async (manager) => {
      await this.assertOffice(manager.getRepository(OfficeEntity), row.officeCode);
      await this.assertNameFree(row.name, null);
      await manager.insert(MailboxEntity, row);
      await this.audit.record(
        {
          actorId,
          action: 'mailbox.created',
          entityType: 'mailbox',
          entityId: row.id,
          after: this.auditView(row),
        },
        manager,
      );
    });
    await this.imap.refresh();
    return this.withFailures(row);
  }

  async update(id: string, dto: UpdateMailboxDto, actorId: string): Promise<MailboxView> {
    await this.find(id); // 404, or 409 for a mailbox from configuration
    const row = await this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(MailboxEntity, { where: { id } });
      if (!current) throw this.notFound(id);
      if (current.version !== dto.expectedVersion) {
        throw new MailboxError(
          'mailbox.stale_version',
          `Kotak surat "${current.name}" sudah diubah orang lain (versi ${current.version}). Muat ulang lalu ulangi.`,
        );
      }
      const next: MailboxEntity = { ...current };
      if (dto.name !== undefined) next.name = dto.name;
      if (dto.office !== undefined) next.officeCode = dto.office;
      if (dto.host !== undefined) next.host = dto.host.trim();
      if (dto.port !== undefined) next.port = dto.port;
      if (dto.secure !== undefined) next.secure = dto.secure;
      if (dto.tlsRejectUnauthorized !== undefined)
        next.tlsRejectUnauthorized = dto.tlsRejectUnauthorized;
      if (dto.user !== undefined) next.username = dto.user.trim();
      if (dto.password !== undefined)
        next.passwordEnc = encryptSecret(dto.password, mailboxKey(this.config));
      if (dto.folder !== undefined) next.folder = dto.folder.trim() || 'INBOX';
      if (dto.processedFolder !== undefined)
        next.processedFolder = dto.processedFolder?.trim() || null;
      if (dto.useIdle !== undefined) next.useIdle = dto.useIdle;
      if (dto.pollSeconds !== undefined) next.pollSeconds = dto.pollSeconds;
      if (dto.enabled !== undefined) next.enabled = dto.enabled;
      if (next.officeCode !== current.officeCode)
        await this.assertOffice(manager.getRepository(OfficeEntity), next.officeCode);
      if (next.name !== current.name) await this.assertNameFree(next.name, id);
      next.version = current.version + 1;
      next.updatedAt = this.clock.now();
      next.updatedBy = actorId;
      const { id: _id, ...fields } = next;
      const result = await manager.update(MailboxEntity, { id, version: current.version }, fields);
      if (!result.affected) {
        throw new MailboxError('mailbox.stale_version', 'Kotak surat berubah bersamaan; ulangi.');
      }
      // Failed messages are keyed by the mailbox's name: they follow a rename.
      await renameFailures(manager, current.name, next.name);
      await this.audit.record(
        {
          actorId,
          action: 'mailbox.updated',
          entityType: 'mailbox',
          entityId: id,
          before: this.auditView(current),
          after: { ...this.auditView(next), passwordChanged: dto.password !== undefined },
        },
        manager,
      );
      return next;
    });
    // The instance polling the mailbox (this one at once, another at its next round) restarts
    // it with the new settings, or stops it when disabled; after a rename it also moves the
    // failures a round of the old poller recorded under the old name.
    await this.imap.refresh();
    return this.withFailures(row);
  }

  /** Tries the connection with the stored settings: log in, open the folder, count messages. */
  async test(id: string): Promise<MailboxTestResult> {
    const row = await this.find(id);
    let settings: ImapMailboxSettings;
    try {
      settings = settingsOf(row, mailboxKey(this.config));
    } catch (error) {
      return {
        ok: false,
        messages: null,
        capabilities: [],
        error: `sandi tersimpan tidak dapat dibuka (${(error as Error).message}); simpan ulang sandinya`,
      };
    }
    const client = new ImapFlow({
      ...imapConnectionOptions(
        settings,
        plainTextAllowed(this.config.imapTls, settings.host, this.config.isProduction),
      ),
      logger: false,
      connectionTimeout: 15_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
      disableAutoIdle: true,
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      const status = await client.status(settings.folder, { messages: true });
      const capabilities = ['IDLE', 'MOVE'].filter((c) => client.capabilities.has(c));
      await client.logout().catch(() => undefined);
      if (!status) {
        return {
          ok: false,
          messages: null,
          capabilities,
          error: `folder "${settings.folder}" tidak dapat dibuka`,
        };
      }
      return { ok: true, messages: status.messages ?? null, error: null, capabilities };
    } catch (error) {
      return {
        ok: false,
        messages: null,
        capabilities: [],
        error: imapErrorText(error, settings.password),
      };
    } finally {
      client.close();
    }
  }

  private async find(id: string): Promise<MailboxEntity> {
    const row = /^[0-9a-f-]{36}$/i.test(id)
      ? await this.dataSource.getRepository(MailboxEntity).findOne({ where: { id } })
      : null;
    if (!row) {
      if (this.imap.isConfigured(id)) {
        throw new MailboxError(
          'mailbox.read_only',
          `Kotak surat "${id}" berasal dari konfigurasi SIGAP_IMAP_MAILBOXES; ubah di sana lalu mulai ulang.`,
        );
      }
      throw this.notFound(id);
    }
    return row;
  }

  private notFound(id: string): MailboxError {
    return new MailboxError('mailbox.not_found', `Kotak surat "${id}" tidak ada.`);
  }

  private async assertOffice(
    repo: ReturnType<DataSource['getRepository']>,
    office: string,
  ): Promise<void> {
    if (!(await repo.count({ where: { code: office } }))) {
      throw new MailboxError('mailbox.invalid', `Kantor "${office}" tidak dikenal.`, [
        { path: 'office', message: 'kantor tidak dikenal' },
      ]);
    }
  }

  private async assertNameFree(name: string, exceptId: string | null): Promise<void> {
    const taken =
      this.imap.isConfigured(name) ||
      (await this.dataSource.getRepository(MailboxEntity).findOne({ where: { name } }));
    if (taken && (typeof taken === 'boolean' || taken.id !== exceptId)) {
      throw new MailboxError('mailbox.name_taken', `Nama kotak surat "${name}" sudah dipakai.`, [
        { path: 'name', message: 'sudah dipakai' },
      ]);
    }
  }

  private auditView(r: MailboxEntity): Record<string, unknown> {
    return {
      name: r.name,
      office: r.officeCode,
      host: r.host,
      port: r.port,
      secure: r.secure,
      user: r.username,
      folder: r.folder,
      processedFolder: r.processedFolder,
      useIdle: r.useIdle,
      pollSeconds: r.pollSeconds,
      enabled: r.enabled,
    };
  }

  private view(r: MailboxEntity, failures?: FailureSummary, lease?: LeaseHolding): MailboxView {
    return {
      id: r.id,
      origin: 'database',
      name: r.name,
      office: r.officeCode,
      host: r.host,
      port: r.port,
      secure: r.secure,
      tlsRejectUnauthorized: r.tlsRejectUnauthorized,
      user: r.username,
      hasPassword: Boolean(r.passwordEnc),
      folder: r.folder,
      processedFolder: r.processedFolder,
      useIdle: r.useIdle,
      pollSeconds: r.pollSeconds,
      enabled: r.enabled,
      version: r.version,
      state: this.imap.live(r.name)?.state ?? (r.enabled ? null : 'stopped'),
      lastPollAt: r.lastPollAt?.toISOString() ?? null,
      lastError: r.lastError,
      lastErrorAt: r.lastErrorAt?.toISOString() ?? null,
      messagesProcessed: r.messagesProcessed,
      failingMessages: failures?.failing ?? 0,
      heldMessages: failures?.held ?? 0,
      lastMessageError: failures?.lastError ?? null,
      lastMessageErrorAt: failures?.lastFailedAt?.toISOString() ?? null,
      holder: lease?.holder ?? null,
      holderSince: lease?.since.toISOString() ?? null,
    };
  }

  private configView(m: ImapMailboxSettings): MailboxView {
    const live = this.imap.live(m.name);
    const status = this.imap.status().find((s) => s.name === m.name);
    const processed = live
      ? Object.entries(live.counts)
          .filter(([action]) => action !== 'failed')
          .reduce((sum, [, n]) => sum + n, 0)
      : 0;
    return {
      id: null,
      origin: 'config',
      name: m.name,
      office: m.office,
      host: m.host,
      port: m.port,
      secure: m.secure,
      tlsRejectUnauthorized: m.tlsRejectUnauthorized,
      user: m.user,
      hasPassword: Boolean(m.password),
      folder: m.folder,
      processedFolder: m.processedFolder,
      useIdle: m.useIdle !== false,
      pollSeconds: m.pollSeconds,
      enabled: m.enabled,
      version: 0,
      state: live?.state ?? 'stopped',
      lastPollAt: live?.lastPolledAt ?? null,
      lastError: live?.lastError ?? null,
      lastErrorAt: live?.lastErrorAt ?? null,
      messagesProcessed: processed,
      failingMessages: live?.failingMessages ?? 0,
      heldMessages: live?.heldMessages ?? 0,
      lastMessageError: null,
      lastMessageErrorAt: null,
      holder: status?.holder ?? null,
      holderSince: status?.holderSince ?? null,
    };
  }
}
