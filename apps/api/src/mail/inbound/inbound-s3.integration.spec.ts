import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Clock } from '@sigap/api-clock';
import { parseStorageSettings } from '@sigap/api-config';
import { ORPHAN_CLEANUP_LEASE, OrphanFileCleanup, S3ObjectStore } from '@sigap/api-attachments';
import {
  INBOUND_RETENTION_LEASE,
  InboundMailService,
  InboundMessageEntity,
  InboundRetentionSweep,
} from '@sigap/api-mail';
import { backup, restore } from '@sigap/api-ops';
import { TestS3Server } from '../../testing/s3-server';
import {
  createTestDatabase,
  DATABASES,
  startTestApp,
  testConfig,
  type TestApp,
  type TestDatabase,
} from '../../testing/test-app';

const DAY = 86_400_000;
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * A message as a mail server hands it over: 8-bit Latin-1 in the body (not UTF-8), CRLF line
 * ends, a binary attachment; any byte changed on the way to the bucket and back shows.
 */
function message(o: { from: string; subject: string; attachment: Buffer }): Buffer {
  const id = `${randomUUID()}@contoh.invalid`;
  return Buffer.concat([
    Buffer.from(
      [
        `From: ${o.from}`,
        'To: helpdesk@diskominfos.baliprov.go.id',
        `Subject: ${o.subject}`,
        `Message-ID: <${id}>`,
        'Date: Mon, 07 Dec 2026 08:00:00 +0800',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="batas"',
        '',
        '--batas',
        'Content-Type: text/plain; charset=iso-8859-1',
        'Content-Transfer-Encoding: 8bit',
        '',
        '',
      ].join('\r\n'),
      'latin1',
    ),
    Buffer.from('Permohonan kerja sama, tanda \xe9\xe8 \xa7 dan spasi di akhir   \r\n', 'latin1'),
    Buffer.from(
      [
        '--batas',
        'Content-Type: application/pdf; name="lampiran.pdf"',
        'Content-Transfer-Encoding: base64',
        'Content-Disposition: attachment; filename="lampiran.pdf"',
        '',
        o.attachment.toString('base64').replace(/.{76}/g, '$&\r\n'),
        '--batas--',
        '',
      ].join('\r\n'),
      'latin1',
    ),
  ]);
}

/** Files under a folder, recursively. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The bucket store of one area of an installation, reached independently of the app. */
function storeOf(env: Record<string, string>, area: 'mail/inbound' | 'mail/attachments') {
  const settings = parseStorageSettings(env);
  if (settings.driver !== 's3') throw new Error('not s3');
  return new S3ObjectStore(settings, area);
}

describe('raw inbound mail in S3-compatible storage', () => {
  let s3: TestS3Server;

  beforeAll(async () => {
    s3 = await TestS3Server.start();
  }, 30_000);

  afterAll(async () => {
    await s3?.stop();
  }, 15_000);

  for (const kind of DATABASES) {
    describe(`kept, downloaded, swept, backed up and restored [${kind}]`, () => {
      const env: Record<string, string> = {};
      let db: TestDatabase | undefined;
      let app: TestApp;
      let inbound: InboundMailService;
      const admin = () => app.token('admin@sigap.local');
      const raws = () => storeOf(env, 'mail/inbound');
      const copies = () => storeOf(env, 'mail/attachments');

      beforeAll(async () => {
        Object.assign(env, s3.env(`surat-${kind}-${randomUUID().slice(0, 8)}`));
        db = await createTestDatabase(kind);
        app = await startTestApp(db, env);
        expect(app.config.storage.driver).toBe('s3');
        inbound = app.app.get(InboundMailService);
      }, 60_000);

      afterAll(async () => {
        await app?.close();
        await db?.drop();
      }, 30_000);

      afterEach(() => app.app.get(Clock).release());

      const quarantined = async () => {
        const attachment = randomBytes(200 * 1024);
        const raw = message({
          from: `Orang Asing <asing-${randomUUID().slice(0, 8)}@contoh.invalid>`,
          subject: 'Penawaran kerja sama',
          attachment,
        });
        const result = await inbound.accept(raw, []);
        expect(result.action).toBe('quarantined');
        const row = await app.app
          .get(DataSource)
          .getRepository(InboundMessageEntity)
          .findOneByOrFail({ messageId: result.messageId });
        return { raw, attachment, row };
      };

      const download = async (id: string, token: string) =>
        fetch(`${app.baseUrl}/api/v1/inbound/messages/${id}/raw`, {
          headers: { Authorization: `Bearer ${token}` },
        });

      it('keeps the raw message and its attachment in the bucket and serves it byte for byte', async () => {
        const { raw, attachment, row } = await quarantined();
        expect(row.sha256).toBe(sha(raw));
        expect((await raws().stat(row.sha256))?.size).toBe(raw.length);
        expect((await raws().read(row.sha256)).equals(raw)).toBeTrue();
        expect((await copies().read(sha(attachment))).equals(attachment)).toBeTrue();
        // Neither is written to the data folder.
        expect(filesUnder(join(app.config.dataDir, 'mail', 'inbound'))).toEqual([]);
        expect(filesUnder(join(app.config.dataDir, 'mail', 'attachments'))).toEqual([]);

        const res = await download(row.id, await admin());
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('message/rfc822');
        expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${row.id}.eml"`);
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(Buffer.from(await res.arrayBuffer()).equals(raw)).toBeTrue();
        expect((await inbound.readRaw(row.sha256)).equals(raw)).toBeTrue();

        // Released from quarantine: a ticket, and the raw message is still there to read.
        const released = await app.request('POST', `/api/v1/inbound/messages/${row.id}/release`, {
          token: await admin(),
        });
        expect(released.status).withContext(released.text).toBe(200);
        expect(released.body.ticketNumber).toMatch(/^BALI-/);
        const again = await download(row.id, await admin());
        expect(Buffer.from(await again.arrayBuffer()).equals(raw)).toBeTrue();
      });

      it('gives the raw message to admins only, 404 for an unknown id', async () => {
        const { row } = await quarantined();
        const agent = await download(row.id, await app.token('helpdesk.bali@sigap.local'));
        expect(agent.status).toBe(403);
        expect((await agent.text()).includes('Penawaran')).toBeFalse();
        const anonymous = await fetch(`${app.baseUrl}/api/v1/inbound/messages/${row.id}/raw`);
        expect(anonymous.status).toBe(401);
        expect((await download(randomUUID(), await admin())).status).toBe(404);
        expect((await download('bukan-uuid', await admin())).status).toBe(400);
      });

      it('sweeps old raw mail out of the bucket, keeping what still waits for an admin', async () => {
        const waiting = await quarantined();
        const done = await quarantined();
        const decided = await app.request(
          'POST',
          `/api/v1/inbound/messages/${done.row.id}/discard`,
          { token: await admin() },
        );
        expect(decided.status).withContext(decided.text).toBe(200);
        // An object no message names (a transaction that failed after the write).
        const lost = await raws().put(Buffer.from(`Subject: hilang\r\n\r\n${randomUUID()}\r\n`));
        const ds = app.app.get(DataSource);
        await ds.query('UPDATE job_leases SET expires_at = 0 WHERE name = ?', [
          INBOUND_RETENTION_LEASE,
        ]);
        app.app.get(Clock).set(Date.now() + 400 * DAY);
        const run = await app.app.get(InboundRetentionSweep).runOnce();
        expect(run).toEqual(jasmine.objectContaining({ ran: true }));
        expect(await raws().stat(done.row.sha256))
          .withContext('discarded')
          .toBeNull();
        expect(await raws().stat(lost))
          .withContext('named by no row')
          .toBeNull();
        expect(await copies().stat(sha(done.attachment)))
          .withContext('its copy')
          .toBeNull();
        expect(await raws().stat(waiting.row.sha256))
          .withContext('waiting')
          .not.toBeNull();
        expect(await copies().stat(sha(waiting.attachment))).not.toBeNull();
        // The download says the raw message is gone, rather than failing half-way.
        expect((await download(done.row.id, await admin())).status).toBe(410);
      });

      it("is left alone by the attachments' orphan cleanup, which shares the bucket", async () => {
        const { attachment, row } = await quarantined();
        await app.app
          .get(DataSource)
          .query('UPDATE job_leases SET expires_at = 0 WHERE name = ?', [ORPHAN_CLEANUP_LEASE]);
        app.app.get(Clock).set(Date.now() + 30 * DAY);
        const run = await app.app.get(OrphanFileCleanup).runOnce();
        expect(run).toEqual(jasmine.objectContaining({ ran: true }));
        expect(await raws().stat(row.sha256)).not.toBeNull();
        expect(await copies().stat(sha(attachment))).not.toBeNull();
      });

      it('carries the raw mail through backup and restore, byte for byte', async () => {
        const { raw, attachment, row } = await quarantined();
        const folder = mkdtempSync(join(tmpdir(), 'sigap-s3-mail-snapshot-'));
        rmSync(folder, { recursive: true });
        let target: TestDatabase | undefined;
        let restored: TestApp | undefined;
        try {
          await backup(app.config, folder);
          // Laid out as the data folder keeps them, so the snapshot restores to either driver.
          const kept = join(folder, 'files', 'mail', 'inbound', `${row.sha256}.eml`);
          expect(readFileSync(kept).equals(raw)).toBeTrue();
          const copy = join(folder, 'files', 'mail', 'attachments', sha(attachment));
          expect(readFileSync(copy).equals(attachment)).toBeTrue();

          const targetEnv = s3.env(`pulih-surat-${randomUUID().slice(0, 8)}`);
          target = await createTestDatabase(kind);
          const targetConfig = testConfig(target, targetEnv);
          await restore(targetConfig, folder);
          expect(filesUnder(join(targetConfig.dataDir, 'mail', 'inbound'))).toEqual([]);
          expect(
            (await storeOf(targetEnv, 'mail/inbound').read(row.sha256)).equals(raw),
          ).toBeTrue();
          expect(
            (await storeOf(targetEnv, 'mail/attachments').read(sha(attachment))).equals(attachment),
          ).toBeTrue();

          restored = await startTestApp(target, targetEnv);
          const res = await fetch(`${restored.baseUrl}/api/v1/inbound/messages/${row.id}/raw`, {
            headers: { Authorization: `Bearer ${await restored.token('admin@sigap.local')}` },
          });
          expect(res.status).toBe(200);
          expect(Buffer.from(await res.arrayBuffer()).equals(raw)).toBeTrue();
        } finally {
          await restored?.close();
          await target?.drop();
          rmSync(folder, { recursive: true, force: true });
        }
      }, 120_000);
    });
  }
});
