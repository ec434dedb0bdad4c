import { randomUUID } from 'node:crypto';
import { readdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@sigap/api-clock';
import { PeriodicJob } from '@sigap/api-common';
import { JobLease } from '@sigap/api-database';
import { AppConfig } from '@sigap/api-config';
import { AttachmentStore } from './attachment-store';
import type { ObjectStore } from './object-store';
import { attachmentStoreFor } from './storage';
import { fileOlderThan, sweepStore } from './store-sweep';
import { INCOMING_FILE, incomingFolder } from './upload.interceptor';

export const ORPHAN_CLEANUP_LEASE = 'attachment-orphans';

export type OrphanCleanupRun =
  { ran: false; reason: 'busy' | 'lease-held' } | { ran: true; checked: number; removed: number };

/** Candidates looked up in the database per query. */
const BATCH = 200;
const HEX2 = /^[0-9a-f]{2}$/;
const SHA256 = /^[0-9a-f]{64}$/;
/** Leftovers of an interrupted write (`<sha>.<uuid>.tmp`) or of an interrupted cleanup. */
const LEFTOVER = /^[0-9a-f]{64}\.[0-9a-f-]{36}\.(tmp|orphan)$/;

/**
 * Removes attachment files that no attachment row names: an upload keeps its bytes first and
 * writes its row afterwards, so a failed transaction leaves bytes behind. Only files older than
 * `SIGAP_ATTACHMENT_ORPHAN_GRACE_SECONDS` are touched (storing bytes again refreshes a file's
 * time), and a file is never removed while a row names it:
 *
 * 1. files past the grace period are looked up by checksum in `attachments` (indexed);
 * 2. an unnamed one is moved aside under a private name, so a new upload of the same bytes
 *    writes a fresh copy instead of reusing it;
 * 3. the moved file's time and the rows are checked once more: touched meanwhile or named by
 *    now, it is put back; else it is deleted.
 *
 * In an S3 bucket an object cannot be moved aside: one past the grace period and unnamed is
 * checked once more (its time, then the rows) right before it is deleted, which leaves only the
 * instant between that check and the delete for a new upload of the same bytes to land in.
 *
 * Uploads in flight (`.incoming/<uuid>.part`) older than the grace period are leftovers of a crash
 * or a dropped connection and are deleted too.
 *
 * Runs every `SIGAP_ATTACHMENT_CLEANUP_SECONDS` (never in tests: they call `runOnce`); with
 * several API instances on one database, the `attachment-orphans` lease lets one run per beat.
 */
@Injectable()
export class OrphanFileCleanup implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('AttachmentCleanup');
  private readonly lease: JobLease;
  private readonly store: ObjectStore;
  private readonly job = new PeriodicJob<OrphanCleanupRun>(() => this.tick(), 'attachment-cleanup');

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    this.lease = new JobLease(dataSource, ORPHAN_CLEANUP_LEASE);
    this.store = attachmentStoreFor(config);
  }

  static enabled(config: AppConfig): boolean {
    return config.attachmentCleanupSeconds > 0 && config.nodeEnv !== 'test';
  }

  onApplicationBootstrap(): void {
    if (!OrphanFileCleanup.enabled(this.config)) return;
    this.job.start(this.config.attachmentCleanupSeconds * 1000);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.job.shutdown();
  }

  private async tick(): Promise<void> {
    try {
      const run = await this.runOnce();
      if (run.ran && run.removed)
        this.log.log(`${run.removed} berkas lampiran tanpa rujukan dihapus`);
    } catch (error) {
      this.log.error(`pembersihan berkas lampiran gagal: ${(error as Error).message}`);
    }
  }

  /** One beat: takes the lease, then goes through the whole store once. */
  runOnce(): Promise<OrphanCleanupRun> {
    if (this.job.busy) return Promise.resolve({ ran: false, reason: 'busy' });
    return this.job.track(this.run());
  }

  private async run(): Promise<OrphanCleanupRun> {
    const beatSeconds = this.config.attachmentCleanupSeconds;
    if (!(await this.lease.acquireForBeat(this.clock.nowMs(), beatSeconds, 60)))
      return { ran: false, reason: 'lease-held' };
    const cutoff = this.clock.nowMs() - this.config.attachmentOrphanGraceSeconds * 1000;
    let checked = 0;
    let removed = 0;
    let batch: { sha256: string; path: string }[] = [];
    const flush = async () => {
      const named = await this.named(batch.map((c) => c.sha256));
      for (const c of batch)
        if (!named.has(c.sha256) && (await this.removeIfOrphan(c.sha256, c.path, cutoff)))
          removed++;
      batch = [];
    };
    const store = this.store;
    if (!(store instanceof AttachmentStore)) {
      const counted = await this.sweepBucket(store, cutoff);
      checked += counted.checked;
      removed += counted.removed;
    }
    const local = store instanceof AttachmentStore ? store : null;
    for (const dir of local ? await this.subfolders(local.folder) : []) {
      for (const sub of await this.subfolders(dir)) {
        for (const name of await this.names(sub)) {
          const path = join(sub, name);
          if (LEFTOVER.test(name)) {
            // Aged by its last change (a rename sets it), not by the content's time.
            if (!(await fileOlderThan(path, cutoff, 'ctimeMs'))) continue;
            if (await this.settleLeftover(name, path)) removed++;
            continue;
          }
          // Only files where the store itself would put them.
          if (!SHA256.test(name) || local?.pathOf(name) !== path) continue;
          if (!(await fileOlderThan(path, cutoff))) continue;
          checked++;
          batch.push({ sha256: name, path });
          if (batch.length >= BATCH) await flush();
        }
      }
    }
    if (batch.length) await flush();
    // Uploads in flight that a crash or a dropped connection left behind (still growing ones are
    // younger than the grace period).
    const incoming = incomingFolder(this.config.dataDir);
    for (const name of await this.names(incoming)) {
      const path = join(incoming, name);
      if (!INCOMING_FILE.test(name) || !(await fileOlderThan(path, cutoff))) continue;
      if (
        await unlink(path).then(
          () => true,
          () => false,
        )
      )
        removed++;
    }
    return { ran: true, checked, removed };
  }

  /** The bucket's side of a beat: aged objects that no row names are deleted. */
  private sweepBucket(
    store: ObjectStore,
    cutoff: number,
  ): Promise<{ checked: number; removed: number }> {
    return sweepStore(store, cutoff, (checksums) => this.named(checksums));
  }

  /** The checksums among these that some attachment row names. */
  private async named(checksums: string[]): Promise<Set<string>> {
    if (!checksums.length) return new Set();
    const rows: { sha256: string }[] = await this.dataSource.query(
      `SELECT DISTINCT sha256 FROM attachments WHERE sha256 IN (${checksums.map(() => '?').join(', ')})`,
      checksums,
    );
    return new Set(rows.map((r) => r.sha256));
  }

  /** Steps 2 and 3 above; true when the file was deleted. */
  private async removeIfOrphan(sha256: string, path: string, cutoff: number): Promise<boolean> {
    const aside = `${path}.${randomUUID()}.orphan`;
    try {
      await rename(path, aside);
    } catch {
      return false; // gone already (another cleanup)
    }
    let keep = true;
    try {
      keep = !(await fileOlderThan(aside, cutoff)) || (await this.named([sha256])).size > 0;
    } finally {
      // Put back (over a fresh copy of the same bytes, if one was written meanwhile).
      if (keep) await rename(aside, path);
    }
    if (keep) return false;
    await unlink(aside);
    return true;
  }

  /**
   * An old leftover: a file moved aside by a cleanup that stopped half-way goes back when a row
   * names it by now (and no copy is in place); everything else is deleted. True when deleted.
   */
  private async settleLeftover(name: string, path: string): Promise<boolean> {
    const sha256 = name.slice(0, 64);
    if (name.endsWith('.orphan') && (await this.named([sha256])).size > 0) {
      const home = join(path, '..', sha256);
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

  private async subfolders(dir: string): Promise<string[]> {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    return entries
      .filter((e) => e.isDirectory() && HEX2.test(e.name))
      .map((e) => join(dir, e.name));
  }

  private async names(dir: string): Promise<string[]> {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    return entries.filter((e) => e.isFile()).map((e) => e.name);
  }
}
