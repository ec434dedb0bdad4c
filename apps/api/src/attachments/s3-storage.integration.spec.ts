import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AttachmentView, TicketDetail } from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { Clock } from '@sigap/api-clock';
import { parseStorageSettings } from '@sigap/api-config';
import { backup, restore } from '@sigap/api-ops';
import { TestS3Server } from '../testing/s3-server';
import {
  createTestDatabase,
  DATABASES,
  startTestApp,
  testConfig,
  type TestApp,
  type TestDatabase,
} from '../testing/test-app';
import { addressOf } from '@sigap/api-attachments';
import { ORPHAN_CLEANUP_LEASE, OrphanFileCleanup } from '@sigap/api-attachments';
import { S3ObjectStore } from '@sigap/api-attachments';

const HOUR = 3600_000;

/** A PDF with a few hundred KiB of binary bytes, so streaming runs over many chunks. */
function pdfWithPayload(): Buffer {
  return Buffer.concat([
    Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\nstream\n', 'latin1'),
    randomBytes(300 * 1024),
    Buffer.from('\nendstream\ntrailer <<>>\n%%EOF\n', 'latin1'),
  ]);
}

/** Files under a folder, recursively (the local attachment folder must stay empty). */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function storeOf(env: Record<string, string>): S3ObjectStore {
  const settings = parseStorageSettings(env);
  if (settings.driver !== 's3') throw new Error('not s3');
  return new S3ObjectStore(settings);
}

async function allKeys(store: S3ObjectStore): Promise<string[]> {
  const found: string[] = [];
  for await (const item of store.list()) found.push(item.sha256);
  return found;
}

describe('attachments in S3-compatible storage', () => {
  let s3: TestS3Server;

  beforeAll(async () => {
    s3 = await TestS3Server.start();
  }, 30_000);

  afterAll(async () => {
    await s3?.stop();
  }, 15_000);

  for (const kind of DATABASES) {
    describe(`upload, download, orphan cleanup, backup and restore [${kind}]`, () => {
      let db: TestDatabase | undefined;
      let started: TestApp | undefined;
      // Each installation its own prefix: the cleanup treats whatever its database does not
      // name as an orphan.
      const env: Record<string, string> = {};
      beforeAll(async () => {
        Object.assign(env, s3.env(`lampiran-${kind}-${randomUUID().slice(0, 8)}`));
        db = await createTestDatabase(kind);
        started = await startTestApp(db, env);
      }, 60_000);
      afterAll(async () => {
        await started?.close();
        await db?.drop();
      }, 30_000);
      const ctx = () => {
        if (!started) throw new Error('app not started');
        return started;
      };
      let app: TestApp;
      let ticket: TicketDetail;
      const helpdesk = () => app.token('helpdesk.bali@sigap.local');
      const bucket = () => storeOf(env);

      const upload = async (bytes: Buffer, name = 'surat.pdf') => {
        const form = new FormData();
        form.append('file', new Blob([bytes], { type: 'application/pdf' }), name);
        const res = await fetch(`${app.baseUrl}/api/v1/tickets/${ticket.number}/attachments`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${await helpdesk()}` },
          body: form,
        });
        const text = await res.text();
        expect(res.status).withContext(text).toBe(201);
        return JSON.parse(text) as AttachmentView;
      };

      beforeAll(async () => {
        app = ctx();
        expect(app.config.storage.driver).toBe('s3');
        const res = await app.request<TicketDetail>('POST', '/api/v1/tickets', {
          token: await helpdesk(),
          body: {
            office: 'bali',
            service: 'pengembangan-aplikasi',
            channel: 'portal',
            subject: 'Lampiran di S3',
            description: 'Uji penyimpanan objek.',
            requester: { name: 'Komang', email: 'komang@bappeda.baliprov.go.id' },
          },
        });
        expect(res.status).withContext(res.text).toBe(201);
        ticket = res.body;
      });

      afterEach(() => app.app.get(Clock).release());

      it('keeps the upload in the bucket under its content address and serves it byte for byte', async () => {
        const bytes = pdfWithPayload();
        const sha = createHash('sha256').update(bytes).digest('hex');
        const view = await upload(bytes);
        expect(view.sha256).toBe(sha);

        const stored = await bucket().stat(sha);
        expect(stored?.size).toBe(bytes.length);
        // Nothing stays in the local folder: the upload in flight was handed to the bucket.
        expect(filesUnder(join(app.config.dataDir, 'attachments'))).toEqual([]);

        const res = await fetch(`${app.baseUrl}${view.href}`, {
          headers: { Authorization: `Bearer ${await helpdesk()}` },
        });
        expect(res.status).toBe(200);
        expect(res.headers.get('content-length')).toBe(String(bytes.length));
        const body = Buffer.from(await res.arrayBuffer());
        expect(body.equals(bytes)).toBeTrue();
      });

      it('removes an old object no attachment names and keeps the named ones', async () => {
        const named = await upload(pdfWithPayload(), 'tetap.pdf');
        const orphan = await bucket().put(randomBytes(256));
        const db = app.app.get(DataSource);
        await db.query('UPDATE job_leases SET expires_at = 0 WHERE name = ?', [
          ORPHAN_CLEANUP_LEASE,
        ]);

        // Within the grace period nothing goes.
        const early = await app.app.get(OrphanFileCleanup).runOnce();
        expect(early).toEqual(jasmine.objectContaining({ ran: true, removed: 0 }));
        expect(await bucket().stat(orphan)).not.toBeNull();

        await db.query('UPDATE job_leases SET expires_at = 0 WHERE name = ?', [
          ORPHAN_CLEANUP_LEASE,
        ]);
        app.app.get(Clock).set(Date.now() + 2 * HOUR);
        const run = await app.app.get(OrphanFileCleanup).runOnce();
        expect(run).toEqual(jasmine.objectContaining({ ran: true, removed: 1 }));
        expect(await bucket().stat(orphan)).toBeNull();
        expect(await bucket().stat(named.sha256)).not.toBeNull();
      });

      it('backs the objects up and restores them into an empty bucket byte for byte', async () => {
        const bytes = pdfWithPayload();
        const view = await upload(bytes, 'cadangan.pdf');
        const folder = mkdtempSync(join(tmpdir(), 'sigap-s3-snapshot-'));
        rmSync(folder, { recursive: true });
        let target: TestDatabase | undefined;
        let restored: TestApp | undefined;
        try {
          const report = await backup(app.config, folder);
          const source = await allKeys(bucket());
          expect(source).toContain(view.sha256);
          expect(report.manifest.files.count).toBeGreaterThanOrEqual(source.length);
          // Laid out as the local driver keeps them, so a snapshot restores to either.
          expect(
            existsSync(join(folder, 'files', 'attachments', ...addressOf(view.sha256).split('/'))),
          ).toBeTrue();

          // A fresh installation with its own, empty prefix in the same bucket.
          const targetEnv = s3.env(`pulih-${randomUUID().slice(0, 8)}`);
          target = await createTestDatabase(
            app.config.database.type === 'sqlite' ? 'sqlite' : 'mysql',
          );
          const targetConfig = testConfig(target, targetEnv);
          await restore(targetConfig, folder);
          expect((await allKeys(storeOf(targetEnv))).sort()).toEqual(source.sort());
          // Objects are not written to the data folder.
          expect(filesUnder(join(targetConfig.dataDir, 'attachments'))).toEqual([]);

          restored = await startTestApp(target, targetEnv);
          const res = await fetch(`${restored.baseUrl}${view.href}`, {
            headers: {
              Authorization: `Bearer ${await restored.token('helpdesk.bali@sigap.local')}`,
            },
          });
          expect(res.status).toBe(200);
          expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBeTrue();

          // A second restore into the same, no longer empty, bucket is refused.
          await restored.close();
          restored = undefined;
          const again = await createTestDatabase(
            app.config.database.type === 'sqlite' ? 'sqlite' : 'mysql',
          );
          try {
            await expectAsync(restore(testConfig(again, targetEnv), folder)).toBeRejectedWithError(
              /bucket penyimpanan tidak kosong/,
            );
          } finally {
            await again.drop();
          }
        } finally {
          await restored?.close();
          await target?.drop();
          rmSync(folder, { recursive: true, force: true });
        }
      }, 120_000);
    });
  }
});
