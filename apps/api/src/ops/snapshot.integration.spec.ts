import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createConnection } from 'mysql2/promise';
import type { AppConfig } from '@sigap/api-config';
import {
  createTestDatabase,
  DATABASES,
  startTestApp,
  testConfig,
  type TestApp,
  type TestDatabase,
} from '../testing/test-app';
import { backup, restore, SnapshotError, type SnapshotManifest } from '@sigap/api-ops';

// A small valid PDF, so the upload is accepted by content sniffing.
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\n' +
    `trailer<</Root 1 0 R>>\n%${'\u00e9'.repeat(3)} binary ${'\u0000\u00ff'.repeat(8)}\n%%EOF\n`,
  'latin1',
);

/** Every table's rows, read straight from the database (not through the app). */
async function readTables(
  config: AppConfig,
  sql: string[],
): Promise<{ counts: Record<string, number>; rows: unknown[][] }> {
  const counts: Record<string, number> = {};
  const rows: unknown[][] = [];
  if (config.database.type === 'sqlite') {
    const db = new Database(config.database.file, { readonly: true });
    try {
      const tables = db
        .prepare(`SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'`)
        .all() as { name: string }[];
      for (const { name } of tables) {
        counts[name] = (db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n;
      }
      for (const q of sql) rows.push(db.prepare(q).all());
    } finally {
      db.close();
    }
    return { counts, rows };
  }
  const d = config.database;
  const conn = await createConnection({
    host: d.host,
    port: d.port,
    user: d.username,
    password: d.password,
    database: d.database,
    timezone: 'Z',
    dateStrings: true,
  });
  try {
    const [tables] = (await conn.query(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'`,
    )) as unknown as [{ name: string }[]];
    for (const { name } of tables) {
      const [r] = (await conn.query(`SELECT COUNT(*) AS n FROM \`${name}\``)) as unknown as [
        { n: number }[],
      ];
      counts[name] = Number(r[0].n);
    }
    for (const q of sql) rows.push((await conn.query(q))[0] as unknown[]);
  } finally {
    await conn.end();
  }
  return { counts, rows };
}

for (const kind of DATABASES) {
  describe(`backup and restore [${kind}]`, () => {
    let sourceDb: TestDatabase;
    let app: TestApp;
    let number: string;
    let href: string;
    let folder: string;
    const targets: TestDatabase[] = [];
    const helpdesk = () => app.token('helpdesk.bali@sigap.local');

    const emptyTarget = async () => {
      const db = await createTestDatabase(kind);
      targets.push(db);
      return testConfig(db);
    };

    beforeAll(async () => {
      sourceDb = await createTestDatabase(kind);
      app = await startTestApp(sourceDb);
      const opened = await app.request('POST', '/api/v1/tickets', {
        token: await helpdesk(),
        body: {
          office: 'bali',
          service: 'pengembangan-aplikasi',
          channel: 'portal',
          subject: 'Cadangan dan pemulihan',
          description: 'Tiket yang harus kembali utuh.',
          requester: { name: 'Komang', email: 'komang@bappeda.baliprov.go.id' },
        },
      });
      expect(opened.status).withContext(opened.text).toBe(201);
      number = opened.body.number;
      const form = new FormData();
      form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'surat permohonan.pdf');
      const up = await fetch(`${app.baseUrl}/api/v1/tickets/${number}/attachments`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${await helpdesk()}` },
        body: form,
      });
      const uploaded = await up.text();
      expect(up.status).withContext(uploaded).toBe(201);
      href = (JSON.parse(uploaded) as { href: string }).href;
      // Pause the ticket clock, so the snapshot holds a clock with more than one event.
      const detail = await app.request('GET', `/api/v1/tickets/${number}`, {
        token: await helpdesk(),
      });
      const back = await app.request('POST', `/api/v1/tickets/${number}/return-to-requester`, {
        token: await helpdesk(),
        body: {
          reason: 'Mohon lengkapi surat permohonan yang ditandatangani.',
          expectedVersion: detail.body.version,
        },
      });
      expect(back.status).withContext(back.text).toBeLessThan(300);
      folder = mkdtempSync(join(tmpdir(), 'sigap-snapshot-'));
      rmSync(folder, { recursive: true });
    }, 90_000);

    afterAll(async () => {
      await app?.close();
      await sourceDb?.drop();
      for (const t of targets) await t.drop();
      rmSync(folder, { recursive: true, force: true });
    }, 60_000);

    it('round-trips counts, a ticket clock and attachments byte for byte while the app runs', async () => {
      const clockSql = [
        `SELECT e.clock, e.round, e.type, e.at, e.duration FROM ticket_clock_events e
           JOIN tickets t ON t.id = e.ticket_id WHERE t.number = '${number}' ORDER BY e.id`,
        `SELECT status, due_at, clock_round FROM tickets WHERE number = '${number}'`,
        `SELECT file_name, sha256, size FROM attachments ORDER BY id`,
      ];
      const before = await readTables(app.config, clockSql);
      const lines: string[] = [];
      const report = await backup(app.config, folder, (l) => lines.push(l));
      expect(lines.join('\n')).toMatch(/basis data .*tabel.*baris/);
      expect(report.manifest.tables['tickets']).toBe(before.counts['tickets']);
      expect(report.manifest.files.count).toBeGreaterThan(0);

      // The app keeps working while and after the backup is taken.
      const still = await app.request('GET', `/api/v1/tickets/${number}`, {
        token: await helpdesk(),
      });
      expect(still.status).toBe(200);

      const target = await emptyTarget();
      await restore(target, folder);
      const after = await readTables(target, clockSql);
      expect(after.counts).toEqual(before.counts);
      expect(after.rows).toEqual(before.rows);
      expect((before.rows[0] as unknown[]).length).toBeGreaterThan(1);

      // The restored installation serves the same ticket and the same bytes.
      const restoredDb = targets[targets.length - 1];
      const restored = await startTestApp(restoredDb);
      try {
        const t = await restored.request('GET', `/api/v1/tickets/${number}`, {
          token: await restored.token('helpdesk.bali@sigap.local'),
        });
        expect(t.status).withContext(t.text).toBe(200);
        expect(t.body.status).toBe('waiting');
        const got = await fetch(`${restored.baseUrl}${href}`, {
          headers: { Authorization: `Bearer ${await restored.token('helpdesk.bali@sigap.local')}` },
        });
        expect(got.status).toBe(200);
        expect(Buffer.from(await got.arrayBuffer()).equals(PDF)).toBeTrue();
      } finally {
        await restored.close();
      }
    }, 120_000);

    it('refuses a target that is not empty, and changes nothing there', async () => {
      const target = await emptyTarget();
      writeFileSync(join(target.dataDir, 'catatan.txt'), 'milik instalasi lain');
      await expectAsync(restore(target, folder)).toBeRejectedWithError(
        SnapshotError,
        /tidak kosong/,
      );
      expect(readFileSync(join(target.dataDir, 'catatan.txt'), 'utf8')).toBe(
        'milik instalasi lain',
      );
      // An installation that already runs (its database migrated) is refused too.
      await expectAsync(restore(app.config, folder)).toBeRejectedWithError(SnapshotError);
    }, 60_000);

    it('refuses a snapshot from a newer schema', async () => {
      const copy = mkdtempSync(join(tmpdir(), 'sigap-snapshot-newer-'));
      try {
        const manifest = JSON.parse(
          readFileSync(join(folder, 'manifest.json'), 'utf8'),
        ) as SnapshotManifest;
        manifest.migrations.push('FutureSchema9999999999999');
        writeFileSync(join(copy, 'manifest.json'), JSON.stringify(manifest));
        await expectAsync(restore(await emptyTarget(), copy)).toBeRejectedWithError(
          SnapshotError,
          /skema yang lebih baru.*FutureSchema9999999999999/,
        );
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }
    }, 60_000);

    it('refuses a damaged file and a folder that already holds something', async () => {
      const list = readFileSync(join(folder, 'files.sha256'), 'utf8');
      const attachmentLine = list.split('\n').find((l) => l.includes('attachments/'));
      expect(attachmentLine).withContext(list).toBeDefined();
      const rel = attachmentLine!.slice(66);
      const original = readFileSync(join(folder, 'files', rel));
      writeFileSync(join(folder, 'files', rel), Buffer.concat([original, Buffer.from('x')]));
      const target = await emptyTarget();
      try {
        await expectAsync(restore(target, folder)).toBeRejectedWithError(
          SnapshotError,
          /rusak|tidak lengkap/,
        );
      } finally {
        writeFileSync(join(folder, 'files', rel), original);
      }
      // Nothing was left behind in the target: the same restore now goes through.
      await restore(target, folder);
      expect((await readTables(target, [])).counts['tickets']).toBeGreaterThan(0);
      await expectAsync(backup(app.config, folder)).toBeRejectedWithError(
        SnapshotError,
        /tidak kosong/,
      );
    }, 60_000);
  });
}
