import { statfs } from 'node:fs/promises';
import { connect } from 'node:net';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { ReadinessCheck, ReadinessResponse } from '@sigap/contracts';
import { AppConfig } from '@sigap/api-config';
import { ImapPollerService } from '@sigap/api-mail';
import { APP_VERSION } from '@sigap/api-common';
import { HealthService } from './health.service';

const SMTP_CACHE_MS = 30_000;
const SMTP_TIMEOUT_MS = 3_000;

/**
 * `GET /api/health/ready`: what a load balancer asks before sending traffic. The database,
 * its migrations, start-up and free disk are critical. SMTP and IMAP are reported but, by
 * default, not critical: an unreachable mail server must not take every API instance out of the
 * load balancer, since outgoing mail waits in the outbox and incoming mail waits in the mailbox
 * until it is back (`SIGAP_READY_REQUIRES_MAIL=true` makes them critical).
 */
@Injectable()
export class ReadinessChecks {
  private smtpCache: { at: number; check: Promise<ReadinessCheck> } | null = null;

  constructor(
    private readonly health: HealthService,
    private readonly config: AppConfig,
    private readonly modules: ModuleRef,
  ) {}

  async ready(): Promise<ReadinessResponse> {
    const base = await this.health.check();
    const checks: ReadinessCheck[] = [
      {
        name: 'startup',
        ok: base.status !== 'starting',
        critical: true,
        detail: base.status === 'starting' ? 'start-up belum selesai' : 'selesai',
      },
      {
        name: 'database',
        ok: base.database.connected,
        critical: true,
        detail: base.database.connected
          ? `${base.database.type} menjawab`
          : `${base.database.type} tidak menjawab`,
      },
      {
        name: 'migrations',
        ok: base.database.connected && base.migrations.pending === 0,
        critical: true,
        detail: `${base.migrations.applied} diterapkan, ${base.migrations.pending} tertunda`,
      },
      await this.disk(),
      await this.smtp(),
      this.imap(),
    ];
    const ok = checks.every((c) => c.ok || !c.critical);
    return { status: ok ? 'ready' : 'not-ready', checks, version: APP_VERSION };
  }

  private async disk(): Promise<ReadinessCheck> {
    const min = this.config.healthMinFreeMb;
    try {
      const fs = await statfs(this.config.dataDir);
      const freeMb = Math.floor((Number(fs.bavail) * Number(fs.bsize)) / (1024 * 1024));
      return {
        name: 'disk',
        ok: freeMb >= min,
        critical: true,
        detail: `${freeMb} MB bebas di folder data (minimal ${min} MB)`,
      };
    } catch (error) {
      return {
        name: 'disk',
        ok: false,
        critical: true,
        detail: `folder data tidak terbaca: ${(error as NodeJS.ErrnoException).code ?? 'galat'}`,
      };
    }
  }

  /** A TCP connection to the SMTP server (no login, no mail), at most every 30 s. */
  private smtp(): Promise<ReadinessCheck> {
    const smtp = this.config.smtp;
    const critical = this.config.readyRequiresMail;
    if (!smtp) {
      return Promise.resolve({
        name: 'smtp',
        ok: true,
        critical,
        detail: 'tidak dikonfigurasi: pesan disimpan di folder data',
      });
    }
    const now = Date.now();
    if (this.smtpCache && now - this.smtpCache.at < SMTP_CACHE_MS) return this.smtpCache.check;
    const check = new Promise<ReadinessCheck>((resolve) => {
      const socket = connect({ host: smtp.host, port: smtp.port });
      const done = (ok: boolean, detail: string) => {
        socket.destroy();
        resolve({ name: 'smtp', ok, critical, detail: `${smtp.host}:${smtp.port} ${detail}` });
      };
      socket.setTimeout(SMTP_TIMEOUT_MS, () => done(false, 'tidak menjawab'));
      socket.once('connect', () => done(true, 'terjangkau'));
      socket.once('error', (e: NodeJS.ErrnoException) =>
        done(false, `gagal (${e.code ?? 'galat'})`),
      );
    });
    this.smtpCache = { at: now, check };
    return check;
  }

  /** The pollers' own connection state: a mailbox in error is unreachable. */
  private imap(): ReadinessCheck {
    const critical = this.config.readyRequiresMail;
    let pollers: ImapPollerService | null = null;
    try {
      pollers = this.modules.get(ImapPollerService, { strict: false });
    } catch {
      pollers = null;
    }
    const boxes = (pollers?.status() ?? []).filter((b) => b.enabled);
    if (!boxes.length) {
      return { name: 'imap', ok: true, critical, detail: 'tidak ada kotak surat aktif' };
    }
    const failing = boxes.filter((b) => b.state === 'error');
    return {
      name: 'imap',
      ok: failing.length === 0,
      critical,
      detail: failing.length
        ? `tidak terjangkau: ${failing.map((b) => b.name).join(', ')}`
        : `${boxes.length} kotak surat terhubung`,
    };
  }
}
