import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MailboxTestResult, MailboxView } from '@sigap/contracts';
import { ImapFlow } from 'imapflow';
import { DataSource } from 'typeorm';
import {
  DATABASES,
  REPO_ROOT,
  createTestDatabase,
  describeOnBothDatabases,
  startTestApp,
  type TestApp,
  type TestDatabase,
} from '../../testing/test-app';
import { InboundMessageEntity } from '@sigap/api-mail';
import { MailboxMessageFailureEntity } from '@sigap/api-mail';
import { TestDovecot, dovecotInstalled } from '../imap/testing/dovecot';
import { MailboxEntity } from '@sigap/api-mail';

const SECRET = 'sandi-kotak-surat-RAHASIA-42';
const CONFIG_PASSWORD = 'sandi-dari-konfigurasi-77';

const VALID = {
  name: 'bali-helpdesk',
  office: 'bali',
  host: '127.0.0.1',
  port: 1,
  secure: false,
  user: 'helpdesk@diskominfos.baliprov.go.id',
  password: SECRET,
  folder: 'INBOX',
  processedFolder: 'Sigap/Diproses',
  useIdle: false,
  pollSeconds: 30,
  enabled: false,
};

describeOnBothDatabases(
  'admin mailboxes API',
  (ctx) => {
    let app: TestApp;
    let admin: string;

    beforeAll(async () => {
      app = ctx();
      admin = await app.token('admin@sigap.local');
    });

    it('refuses invalid settings with 400 naming the field', async () => {
      const cases: [string, Record<string, unknown>][] = [
        ['name', { ...VALID, name: 'Bali Helpdesk' }],
        ['port', { ...VALID, port: 70000 }],
        ['host', { ...VALID, host: 'imap://x.go.id/INBOX' }],
        ['password', { ...VALID, password: '' }],
        ['pollSeconds', { ...VALID, pollSeconds: 1 }],
        ['secure', { ...VALID, secure: 'ya' }],
        ['extra', { ...VALID, passwordEnv: 'X' }],
      ];
      for (const [what, body] of cases) {
        const res = await app.request('POST', '/api/v1/admin/mailboxes', { token: admin, body });
        expect(res.status).withContext(`${what}: ${res.text}`).toBe(400);
        expect(res.text).withContext(what).not.toContain(SECRET);
      }
      const office = await app.request('POST', '/api/v1/admin/mailboxes', {
        token: admin,
        body: { ...VALID, office: 'atlantis' },
      });
      expect(office.status).toBe(400);
      expect(office.body).toEqual(jasmine.objectContaining({ code: 'mailbox.invalid' }));
    });

    it('creates, edits and disables a mailbox without ever returning its password', async () => {
      const created = await app.request<MailboxView>('POST', '/api/v1/admin/mailboxes', {
        token: admin,
        body: VALID,
      });
      expect(created.status).withContext(created.text).toBe(201);
      expect(created.text).not.toContain(SECRET);
      expect(Object.keys(created.body)).not.toContain('password');
      expect(created.body).toEqual(
        jasmine.objectContaining({
          origin: 'database',
          name: 'bali-helpdesk',
          hasPassword: true,
          processedFolder: 'Sigap/Diproses',
          useIdle: false,
          enabled: false,
          version: 1,
        }),
      );
      const id = created.body.id as string;
      const stored = await app.app
        .get(DataSource)
        .getRepository(MailboxEntity)
        .findOneByOrFail({ id });
      expect(stored.passwordEnc).not.toContain(SECRET);

      const taken = await app.request('POST', '/api/v1/admin/mailboxes', {
        token: admin,
        body: VALID,
      });
      expect(taken.status).toBe(409);
      const configName = await app.request('POST', '/api/v1/admin/mailboxes', {
        token: admin,
        body: { ...VALID, name: 'dari-konfigurasi' },
      });
      expect(configName.status).toBe(409);

      const edited = await app.request<MailboxView>('PATCH', `/api/v1/admin/mailboxes/${id}`, {
        token: admin,
        body: { expectedVersion: 1, folder: 'Permohonan', processedFolder: null },
      });
      expect(edited.status).withContext(edited.text).toBe(200);
      expect([edited.body.folder, edited.body.processedFolder, edited.body.version]).toEqual([
        'Permohonan',
        null,
        2,
      ]);
      const kept = await app.app
        .get(DataSource)
        .getRepository(MailboxEntity)
        .findOneByOrFail({ id });
      expect(kept.passwordEnc).toBe(stored.passwordEnc);
      const stale = await app.request('PATCH', `/api/v1/admin/mailboxes/${id}`, {
        token: admin,
        body: { expectedVersion: 1, folder: 'Lain' },
      });
      expect(stale.status).toBe(409);

      const disabled = await app.request<MailboxView>(
        'POST',
        `/api/v1/admin/mailboxes/${id}/disable`,
        { token: admin, body: { expectedVersion: 2 } },
      );
      expect(disabled.status).withContext(disabled.text).toBe(200);
      expect(disabled.body.enabled).toBeFalse();

      const list = await app.request<MailboxView[]>('GET', '/api/v1/admin/mailboxes', {
        token: admin,
      });
      expect(list.status).toBe(200);
      expect(list.text).not.toContain(SECRET);
      expect(list.text).not.toContain(CONFIG_PASSWORD);
      const fromConfig = list.body.find((m) => m.name === 'dari-konfigurasi');
      expect(fromConfig).toEqual(
        jasmine.objectContaining({ origin: 'config', id: null, hasPassword: true }),
      );
      const readOnly = await app.request('PATCH', '/api/v1/admin/mailboxes/dari-konfigurasi', {
        token: admin,
        body: { expectedVersion: 1, folder: 'X' },
      });
      expect(readOnly.status).toBe(409);
      expect(readOnly.body).toEqual(jasmine.objectContaining({ code: 'mailbox.read_only' }));
    });

    it('keeps the failed messages of a renamed mailbox under its new name', async () => {
      const created = await app.request<MailboxView>('POST', '/api/v1/admin/mailboxes', {
        token: admin,
        body: { ...VALID, name: 'kalbar-helpdesk' },
      });
      expect(created.status).withContext(created.text).toBe(201);
      const failures = app.app.get(DataSource).getRepository(MailboxMessageFailureEntity);
      const at = new Date('2026-11-20T03:00:00.000Z');
      const failure = (mailbox: string, uid: number, heldAt: Date | null) => ({
        id: randomUUID(),
        mailbox,
        folder: 'INBOX',
        uidValidity: '7',
        uid,
        messageId: `<m${uid}@kalbarprov.go.id>`,
        attempts: heldAt ? 5 : 2,
        firstFailedAt: at,
        lastFailedAt: at,
        nextAttemptAt: at,
        lastError: `MIME rusak ${uid}`,
        heldAt,
      });
      await failures.insert([
        failure('kalbar-helpdesk', 11, null),
        failure('kalbar-helpdesk', 12, at),
        // A leftover of an earlier mailbox under the new name, for the same message: replaced.
        failure('kalbar-layanan', 12, null),
        failure('lain', 11, null),
      ]);

      const renamed = await app.request<MailboxView>(
        'PATCH',
        `/api/v1/admin/mailboxes/${created.body.id}`,
        { token: admin, body: { expectedVersion: 1, name: 'kalbar-layanan' } },
      );
      expect(renamed.status).withContext(renamed.text).toBe(200);
      expect([renamed.body.name, renamed.body.failingMessages, renamed.body.heldMessages]).toEqual([
        'kalbar-layanan',
        1,
        1,
      ]);
      const rows = await failures.find({ order: { mailbox: 'ASC', uid: 'ASC' } });
      expect(rows.map((r) => [r.mailbox, r.uid, r.attempts, r.heldAt !== null])).toEqual([
        ['kalbar-layanan', 11, 2, false],
        ['kalbar-layanan', 12, 5, true],
        ['lain', 11, 2, false],
      ]);
      const list = await app.request<MailboxView[]>('GET', '/api/v1/admin/mailboxes', {
        token: admin,
      });
      const listed = list.body.find((m) => m.name === 'kalbar-layanan');
      expect([listed?.failingMessages, listed?.heldMessages]).toEqual([1, 1]);
      await failures.delete({ mailbox: 'lain' });
    });

    it('reports a failed connection test without the password', async () => {
      const created = await app.request<MailboxView>('POST', '/api/v1/admin/mailboxes', {
        token: admin,
        body: { ...VALID, name: 'uji-koneksi' },
      });
      const res = await app.request<MailboxTestResult>(
        'POST',
        `/api/v1/admin/mailboxes/${created.body.id}/test`,
        { token: admin },
      );
      expect(res.status).withContext(res.text).toBe(200);
      expect(res.body.ok).toBeFalse();
      expect(res.body.error).toBeTruthy();
      expect(res.text).not.toContain(SECRET);
    });

    it('is for admins only', async () => {
      const [first] = (
        await app.request<MailboxView[]>('GET', '/api/v1/admin/mailboxes', { token: admin })
      ).body;
      for (const who of ['helpdesk.bali@sigap.local', 'kadis.bali@sigap.local']) {
        const token = await app.token(who);
        for (const [method, path, body] of [
          ['GET', '/api/v1/admin/mailboxes', undefined],
          ['POST', '/api/v1/admin/mailboxes', { ...VALID, name: 'bukan-admin' }],
          ['GET', `/api/v1/admin/mailboxes/${first.id}`, undefined],
          ['PATCH', `/api/v1/admin/mailboxes/${first.id}`, { expectedVersion: 1 }],
          ['POST', `/api/v1/admin/mailboxes/${first.id}/disable`, { expectedVersion: 1 }],
          ['POST', `/api/v1/admin/mailboxes/${first.id}/test`, undefined],
        ] as const) {
          const res = await app.request(method, path, { token, body });
          expect(res.status).withContext(`${who} ${method} ${path}`).toBe(403);
        }
      }
      expect((await app.request('GET', '/api/v1/admin/mailboxes')).status).toBe(401);
    });
  },
  {
    SIGAP_IMAP_MAILBOXES: JSON.stringify([
      {
        name: 'dari-konfigurasi',
        office: 'bali',
        host: '127.0.0.1',
        port: 1,
        secure: false,
        user: 'lama',
        passwordEnv: 'SIGAP_TEST_CONFIG_IMAP_PASSWORD',
        enabled: false,
      },
    ]),
    SIGAP_TEST_CONFIG_IMAP_PASSWORD: CONFIG_PASSWORD,
  },
);

async function until(what: string, check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`menunggu terlalu lama: ${what}`);
}

if (!dovecotInstalled()) {
  describe('a database mailbox polled from Dovecot', () => {
    it('needs Dovecot', () => {
      pending('Dovecot tidak terpasang: jalankan tools/ci/install-system-deps.sh sebagai root');
    });
  });
}

for (const kind of dovecotInstalled() ? DATABASES : []) {
  describe(`a database mailbox polled from Dovecot [${kind}]`, () => {
    let dovecot: TestDovecot;
    let db: TestDatabase;
    let app: TestApp;
    let mail: ImapFlow;

    beforeAll(async () => {
      dovecot = await TestDovecot.start('helpdesk', SECRET);
      db = await createTestDatabase(kind);
      // Dovecot here has no TLS: plain text is allowed only when switched off explicitly.
      app = await startTestApp(db, { SIGAP_IMAP_TLS: 'off' });
      mail = new ImapFlow({
        host: '127.0.0.1',
        port: dovecot.port,
        secure: false,
        auth: { user: 'helpdesk', pass: SECRET },
        logger: false,
      });
      await mail.connect();
    }, 60_000);

    afterAll(async () => {
      await mail?.logout().catch(() => undefined);
      await app?.close();
      await db?.drop();
      await dovecot?.destroy();
    }, 30_000);

    it('polls a mailbox added in the console, moves what it processed, records its status', async () => {
      const admin = await app.token('admin@sigap.local');
      await mail.append(
        'INBOX',
        readFileSync(join(REPO_ROOT, 'libs/mail-threading/fixtures/35-unknown-sender.eml')),
      );
      const created = await app.request<MailboxView>('POST', '/api/v1/admin/mailboxes', {
        token: admin,
        body: {
          ...VALID,
          name: 'dovecot',
          port: dovecot.port,
          user: 'helpdesk',
          processedFolder: 'Diproses',
          enabled: true,
        },
      });
      expect(created.status).withContext(created.text).toBe(201);
      const id = created.body.id as string;

      const ds = app.app.get(DataSource);
      await until('message processed', async () => {
        const row = await ds.getRepository(MailboxEntity).findOneByOrFail({ id });
        return row.messagesProcessed === 1;
      });
      expect(await ds.getRepository(InboundMessageEntity).count()).toBe(1);
      const inbox = await mail.status('INBOX', { messages: true });
      const moved = await mail.status('Diproses', { messages: true });
      expect([inbox && inbox.messages, moved && moved.messages]).toEqual([0, 1]);

      const view = await app.request<MailboxView>('GET', `/api/v1/admin/mailboxes/${id}`, {
        token: admin,
      });
      expect(view.body.lastPollAt).not.toBeNull();
      expect(view.body.messagesProcessed).toBe(1);
      expect(view.body.state).toBe('polling');
      expect(view.text).not.toContain(SECRET);

      const test = await app.request<MailboxTestResult>(
        'POST',
        `/api/v1/admin/mailboxes/${id}/test`,
        { token: admin },
      );
      expect(test.body).toEqual(jasmine.objectContaining({ ok: true, messages: 0, error: null }));

      const disabled = await app.request<MailboxView>(
        'POST',
        `/api/v1/admin/mailboxes/${id}/disable`,
        { token: admin, body: { expectedVersion: view.body.version } },
      );
      expect(disabled.body.state).toBe('stopped');
    }, 40_000);
  });
}
