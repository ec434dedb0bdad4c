import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource } from 'typeorm';
import { Clock } from '@sigap/api-clock';
import { DATABASES, type TestApp } from '../testing/test-app';
import { twoInstancesOnOneDatabase } from '../testing/two-instances';
import { AttachmentStore } from '@sigap/api-attachments';
import { ORPHAN_CLEANUP_LEASE, OrphanFileCleanup } from '@sigap/api-attachments';
import { incomingFolder } from '@sigap/api-attachments';

const HOUR = 3600_000;

for (const kind of DATABASES) {
  describe(`cleanup of unreferenced attachment files [${kind}]`, () => {
    // Two instances on the same database and data folder.
    const pair = twoInstancesOnOneDatabase(kind);
    let a: TestApp;
    let b: TestApp;
    let store: AttachmentStore;
    beforeAll(() => {
      ({ a, b } = pair);
      store = new AttachmentStore(`${a.config.dataDir}/attachments`);
    });

    beforeEach(async () => {
      // Each spec starts with the cleanup lease free.
      await a.app
        .get(DataSource)
        .query('UPDATE job_leases SET expires_at = 0 WHERE name = ?', [ORPHAN_CLEANUP_LEASE]);
    });

    afterEach(() => {
      a.app.get(Clock).release();
      b.app.get(Clock).release();
    });

    /** Some bytes stored now, with their checksum and path. */
    const stored = async () => {
      const sha256 = await store.put(randomBytes(64));
      return { sha256, path: store.pathOf(sha256) };
    };

    const recordRow = async (sha256: string) => {
      await a.app.get(DataSource).query(
        `INSERT INTO attachments (id, office_code, ticket_id, sha256, size, media_type, file_name, uploaded_by, created_at)
         VALUES (?, 'bali', NULL, ?, 64, 'application/pdf', 'surat.pdf', NULL, ?)`,
        [randomUUID(), sha256, '2026-05-11 03:00:00.000'],
      );
    };

    /** Sets a file's modification time to `ms` (epoch milliseconds). */
    const touch = (path: string, ms: number) => utimesSync(path, ms / 1000, ms / 1000);

    it('keeps named and fresh files, removes old unnamed ones and old leftovers', async () => {
      const now = Date.now();
      const named = await stored();
      await recordRow(named.sha256);
      const orphan = await stored();
      const fresh = await stored();
      const leftover = `${orphan.path}.${randomUUID()}.tmp`;
      writeFileSync(leftover, 'setengah');
      // A file the store did not write stays whatever its age.
      const foreign = `${dirname(orphan.path)}/catatan.txt`;
      writeFileSync(foreign, 'bukan lampiran');

      // Two hours on: everything written above is past the one-hour grace, except `fresh`
      // whose time says ten minutes ago.
      a.app.get(Clock).set(now + 2 * HOUR);
      touch(fresh.path, now + 2 * HOUR - 10 * 60_000);

      const run = await a.app.get(OrphanFileCleanup).runOnce();
      expect(run.ran).toBeTrue();
      if (run.ran) expect(run.removed).toBe(2);
      expect(existsSync(named.path)).withContext('named').toBeTrue();
      expect(existsSync(fresh.path)).withContext('fresh').toBeTrue();
      expect(existsSync(orphan.path)).withContext('orphan').toBeFalse();
      expect(existsSync(leftover)).withContext('leftover').toBeFalse();
      expect(existsSync(foreign)).withContext('foreign').toBeTrue();
      // Nothing moved aside is left behind.
      const again = await a.app.get(OrphanFileCleanup).runOnce();
      if (again.ran) expect(again.removed).toBe(0);
    });

    it('removes an old upload left in flight by a crash, never one still arriving', async () => {
      const now = Date.now();
      const incoming = incomingFolder(a.config.dataDir);
      mkdirSync(incoming, { recursive: true });
      const stale = `${incoming}/${randomUUID()}.part`;
      const arriving = `${incoming}/${randomUUID()}.part`;
      const foreign = `${incoming}/catatan.txt`;
      for (const f of [stale, arriving, foreign]) writeFileSync(f, 'sebagian');
      touch(stale, now - 2 * HOUR);
      touch(foreign, now - 2 * HOUR);
      const run = await a.app.get(OrphanFileCleanup).runOnce();
      expect(run.ran).toBeTrue();
      if (run.ran) expect(run.removed).toBe(1);
      expect(existsSync(stale)).withContext('stale').toBeFalse();
      expect(existsSync(arriving)).withContext('arriving').toBeTrue();
      expect(existsSync(foreign)).withContext('foreign').toBeTrue();
    });

    it('one instance cleans per beat: the other finds the lease held', async () => {
      const at = Date.now() + 10 * HOUR;
      a.app.get(Clock).set(at);
      b.app.get(Clock).set(at);
      expect((await a.app.get(OrphanFileCleanup).runOnce()).ran).toBeTrue();
      expect(await b.app.get(OrphanFileCleanup).runOnce()).toEqual({
        ran: false,
        reason: 'lease-held',
      });
      // The beat after (the lease lasts most of one), the other may.
      b.app.get(Clock).set(at + HOUR);
      expect((await b.app.get(OrphanFileCleanup).runOnce()).ran).toBeTrue();
    });

    it('storing the same bytes again renews an old file, which then stays', async () => {
      // On the system clock: the store writes real file times.
      const renewed = randomBytes(80);
      const again = store.pathOf(await store.put(renewed));
      const left = await stored();
      touch(again, Date.now() - 3 * HOUR);
      touch(left.path, Date.now() - 3 * HOUR);
      // An upload of the same content reuses the file (its row follows).
      expect(store.pathOf(await store.put(renewed))).toBe(again);
      const run = await b.app.get(OrphanFileCleanup).runOnce();
      expect(run.ran).toBeTrue();
      expect(existsSync(again)).withContext('stored again').toBeTrue();
      expect(existsSync(left.path)).withContext('not stored again').toBeFalse();
    });

    it('puts back a named file left aside by an interrupted cleanup', async () => {
      const named = await stored();
      await recordRow(named.sha256);
      const aside = `${named.path}.${randomUUID()}.orphan`;
      renameSync(named.path, aside);
      const unnamed = await stored();
      const asideUnnamed = `${unnamed.path}.${randomUUID()}.orphan`;
      renameSync(unnamed.path, asideUnnamed);
      a.app.get(Clock).set(Date.now() + 50 * HOUR);
      await a.app.get(OrphanFileCleanup).runOnce();
      expect(existsSync(named.path)).withContext('named, back in place').toBeTrue();
      expect(existsSync(aside)).toBeFalse();
      expect(existsSync(unnamed.path)).withContext('unnamed').toBeFalse();
      expect(existsSync(asideUnnamed)).withContext('unnamed leftover').toBeFalse();
    });

    it('removes an old file in a deep folder only when no row names it', async () => {
      const bytes = randomBytes(96);
      const sha256 = AttachmentStore.sha256(bytes);
      const path = store.pathOf(sha256);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, bytes);
      const clock = a.app.get(Clock);
      clock.set(Date.now() + 40 * HOUR);
      touch(path, clock.nowMs() - 2 * HOUR);
      await recordRow(sha256);
      await a.app.get(OrphanFileCleanup).runOnce();
      expect(existsSync(path)).withContext('named').toBeTrue();
      await a.app.get(DataSource).query('DELETE FROM attachments WHERE sha256 = ?', [sha256]);
      clock.set(clock.nowMs() + HOUR);
      const run = await a.app.get(OrphanFileCleanup).runOnce();
      expect(run.ran).toBeTrue();
      expect(existsSync(path)).withContext('unnamed').toBeFalse();
    });
  });
}
