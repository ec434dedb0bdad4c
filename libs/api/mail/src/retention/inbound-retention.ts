import { randomUUID } from 'node:crypto';
import { readdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@sigap/api-clock';
import { PeriodicJob } from '@sigap/api-common';
import { JobLease } from '@sigap/api-database';
import { AppConfig } from '@sigap/api-config';
import {
  fileOlderThan,
  FolderStore,
  objectStoreFor,
  sweepStore,
  type ObjectStore,
} from '@sigap/api-attachments';

export const INBOUND_RETENTION_LEASE = 'inbound-retention';

/** Seconds between sweeps: a day's files are a small batch, four beats a day are plenty. */
export const INBOUND_RETENTION_BEAT_SECONDS = 6 * 3600;

export type InboundRetentionRun =
  | { ran: false; reason: 'off' | 'busy' | 'lease-held' }
  | { ran: true; checked: number; removedRaw: number; removedAttachments: number };

/** Candidates looked up in the database per query. */
const BATCH = 200;
const RAW = /^([0-9a-f]{64})\.eml$/;
const COPY = /^[0-9a-f]{64}$/;
/** A file set aside by a sweep (`<name>.<uuid>.expired`), deleted or put back by the next. */
const ASIDE = /^([0-9a-f]{64}(?:\.eml)?)\.[0-9a-f-]{36}\.expired$/;
/** Age after which a file set aside is taken for the leftover of an interrupted sweep. */
const ASIDE_GRACE_MS = 3600_000;
/** Inbound messages still waiting for someone: their files stay whatever their age. */
const PENDING = "('quarantined', 'triage')";

type Kind = 'raw' | 'copy';

/**
 * Retention of what inbound mail leaves in the data folder or the bucket, after
 * `SIGAP_INBOUND_RETENTION_DAYS` (0 keeps everything):
 *
 * - a raw message, `mail/inbound/<sha256>.eml`, once it is older than that and its message no
 *   longer waits for a decision (quarantine, triage). Nothing reads the raw file after the message
 *   was processed: tickets, timelines and the quarantine lists hold the parsed text and the
 *   attachment names, so the timeline is unchanged;
 * - an attachment copy, `mail/attachments/<sha256>`, once it is older than that and no message
 *   that carries it became (or may still become) a ticket or arrived within the period. Copies
 *   that belong to a ticket's mail stay as long as the ticket: they are part of its record.
 *
 * A file's age is its modification time (receiving the same bytes again renews it). A candidate
 * is moved aside under a private name, checked once more (renewed or now wanted: put back), and
 * only then deleted, so mail arriving meanwhile never loses a copy it refers to. In a bucket an
 * object cannot be moved aside: it is checked once more (its time, then the rows) right before
 * it is deleted, as the attachments' orphan cleanup does. Runs every six
 * hours (never in tests: they call `runOnce`); with several API instances on one database the
 * `inbound-retention` lease lets one run per beat.
 */
@Injectable()
export class InboundRetentionSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('InboundRetention');
  private readonly lease: JobLease;
  private readonly stores: Record<Kind, ObjectStore>;
  private readonly job = new PeriodicJob<InboundRetentionRun>(
    () => this.tick(),
    'inbound-retention',
  );

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    this.lease = new JobLease(dataSource, INBOUND_RETENTION_LEASE);
    this.stores = {
      raw: objectStoreFor(config, 'mail-raw'),
      copy: objectStoreFor(config, 'mail-attachments'),
    };
  }

  onApplicationBootstrap(): void {
    if (this.config.inboundRetentionDays <= 0 || this.config.nodeEnv === 'test') return;
    this.job.start(INBOUND_RETENTION_BEAT_SECONDS * 1000);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.job.shutdown();
  }

  /** The data folder's folder of one kind (asked for only when the files are kept there). */
  private folder(kind: Kind): string {
    return (this.stores[kind] as FolderStore).folder;
  }

  private async tick(): Promise<void> {
    try {
      const run = await this.runOnce();
      if (run.ran && run.removedRaw + run.removedAttachments > 0)
        this.log.log(
          `retensi surat masuk: ${run.removedRaw} pesan mentah dan ${run.removedAttachments} salinan lampiran dihapus`,
        );
    } catch (error) {
      this.log.error(`retensi surat masuk gagal: ${(error as Error).message}`);
    }
  }

  /** One beat: takes the lease, then goes through both folders once. */
  runOnce(): Promise<InboundRetentionRun> {
    if (this.config.inboundRetentionDays <= 0)
      return Promise.resolve({ ran: false, reason: 'off' });
    if (this.job.busy) return Promise.resolve({ ran: false, reason: 'busy' });
    return this.job.track(this.run());
  }

  private async run(): Promise<InboundRetentionRun> {
    if (!(await this.lease.acquireForBeat(this.clock.nowMs(), INBOUND_RETENTION_BEAT_SECONDS)))
      return { ran: false, reason: 'lease-held' };
    const cutoff = this.clock.nowMs() - this.config.inboundRetentionDays * 86_400_000;
    const raw = await this.sweep('raw', cutoff);
    const copies = await this.sweep('copy', cutoff);
    return {
      ran: true,
      checked: raw.checked + copies.checked,
      removedRaw: raw.removed,
      removedAttachments: copies.removed,
    };
  }

  private async sweep(kind: Kind, cutoff: number): Promise<{ checked: number; removed: number }> {
    const store = this.stores[kind];
    if (!(store instanceof FolderStore)) return this.sweepBucket(kind, store, cutoff);
    const dir = this.folder(kind);
    const pattern = kind === 'raw' ? RAW : COPY;
    let checked = 0;
    let removed = 0;
    let batch: { sha256: string; path: string }[] = [];
    const flush = async () => {
      const wanted = await this.wanted(
        kind,
        batch.map((c) => c.sha256),
        cutoff,
      );
      for (const c of batch)
        if (!wanted.has(c.sha256) && (await this.removeIfExpired(kind, c.sha256, c.path, cutoff)))
          removed++;
      batch = [];
    };
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const path = join(dir, entry.name);
      const aside = ASIDE.exec(entry.name);
      if (aside && pattern.test(aside[1])) {
        // Left by a sweep that stopped half-way (aged by the rename, so never one under way).
        if (!(await fileOlderThan(path, this.clock.nowMs() - ASIDE_GRACE_MS, 'ctimeMs'))) continue;
        if (await this.settleAside(kind, aside[1], path, cutoff)) removed++;
        continue;
      }
      if (!pattern.test(entry.name) || !(await fileOlderThan(path, cutoff))) continue;
      checked++;
      batch.push({ sha256: entry.name.slice(0, 64), path });
      if (batch.length >= BATCH) await flush();
    }
    if (batch.length) await flush();
    return { checked, removed };
  }

  /** The bucket's side: aged objects that nothing wants are deleted after one more look. */
  private sweepBucket(
    kind: Kind,
    store: ObjectStore,
    cutoff: number,
  ): Promise<{ checked: number; removed: number }> {
    return sweepStore(store, cutoff, (checksums) => this.wanted(kind, checksums, cutoff));
  }

  /** The checksums among these whose files must stay (see the class comment). */
  private async wanted(kind: Kind, checksums: string[], cutoff: number): Promise<Set<string>> {
    if (!checksums.length) return new Set();
    const since = new Date(cutoff);
    const qb =
      kind === 'raw'
        ? this.dataSource
            .createQueryBuilder()
            .select('DISTINCT m.sha256', 'sha256')
            .from('inbound_messages', 'm')
            .where('m.sha256 IN (:...checksums)', { checksums })
            .andWhere(`(m.status IN ${PENDING} OR m.received_at > :since)`, { since })
        : this.dataSource
            .createQueryBuilder()
            .select('DISTINCT a.sha256', 'sha256')
            .from('inbound_attachments', 'a')
            .innerJoin('inbound_messages', 'm', 'm.id = a.inbound_id')
            .where('a.sha256 IN (:...checksums)', { checksums })
            .andWhere(
              `(m.ticket_number IS NOT NULL OR m.status IN ${PENDING} OR m.received_at > :since)`,
              { since },
            );
    const rows: { sha256: string }[] = await qb.getRawMany();
    return new Set(rows.map((r) => r.sha256));
  }

  /** Moves the file aside, checks again, then deletes it or puts it back; true when deleted. */
  private async removeIfExpired(
    kind: Kind,
    sha256: string,
    path: string,
    cutoff: number,
  ): Promise<boolean> {
    const aside = `${path}.${randomUUID()}.expired`;
    try {
      await rename(path, aside);
    } catch {
      return false; // gone already (another sweep)
    }
    let keep = true;
    try {
      keep =
        !(await fileOlderThan(aside, cutoff)) ||
        (await this.wanted(kind, [sha256], cutoff)).size > 0;
    } finally {
      // Put back (over a fresh copy of the same bytes, if one was written meanwhile).
      if (keep) await rename(aside, path);
    }
    if (keep) return false;
    await unlink(aside);
    return true;
  }

  /**
   * A file set aside by a sweep that stopped half-way: put back when it is wanted by now (and no
   * copy is in place), deleted otherwise. True when deleted.
   */
  private async settleAside(
    kind: Kind,
    name: string,
    path: string,
    cutoff: number,
  ): Promise<boolean> {
    const home = join(this.folder(kind), name);
    const wanted = (await this.wanted(kind, [name.slice(0, 64)], cutoff)).size > 0;
    if (wanted || (await this.renewedSince(path, cutoff))) {
      const present = await stat(home).then(
        () => true,
        () => false,
      );
      if (!present) {
        await rename(path, home).catch(() => undefined);
        return false;
      }
    }
    return unlink(path).then(
      () => true,
      () => false,
    );
  }

  private async renewedSince(path: string, cutoff: number): Promise<boolean> {
    return (
      !(await fileOlderThan(path, cutoff)) &&
      (await stat(path).then(
        () => true,
        () => false,
      ))
    );
  }
}
