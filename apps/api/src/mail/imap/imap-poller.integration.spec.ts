import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MailboxView } from '@sigap/contracts';
import { ImapFlow } from 'imapflow';
import { DataSource, In } from 'typeorm';
import { TicketEntity } from '@sigap/api-tickets';
import { TimelineEntryEntity } from '@sigap/api-tickets';
import {
  DATABASES,
  REPO_ROOT,
  createTestDatabase,
  startTestApp,
  type TestApp,
  type TestDatabase,
} from '../../testing/test-app';
import { InboundMessageEntity } from '@sigap/api-mail';
import { InboundMailService } from '@sigap/api-mail';
import { MailboxEntity } from '@sigap/api-mail';
import type { ImapPoller } from '@sigap/api-mail';
import { MailboxMessageFailureEntity } from '@sigap/api-mail';
import { ImapPollerService } from '@sigap/api-mail';
import type { ImapMailboxSettings } from '@sigap/api-config';
import { TestDovecot, dovecotInstalled } from './testing/dovecot';
import { ImapFaultProxy } from './testing/imap-proxy';

const FIXTURES = join(REPO_ROOT, 'libs/mail-threading/fixtures');
const PASSWORD = 'sandi-uji-imap-0123';

async function until(what: string, check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`menunggu terlalu lama: ${what}`);
}

if (!dovecotInstalled()) {
  describe('IMAP polling against Dovecot', () => {
    it('needs Dovecot', () => {
      pending('Dovecot tidak terpasang: jalankan tools/ci/install-system-deps.sh sebagai root');
    });
  });
}

for (const kind of dovecotInstalled() ? DATABASES : []) {
  describe(`IMAP polling against Dovecot [${kind}]`, () => {
    let dovecot: TestDovecot;
    let db: TestDatabase;
    let app: TestApp;
    let ds: DataSource;
    let mail: ImapFlow;
    let mailbox: ImapMailboxSettings;

    const append = async (folder: string, ...files: string[]) => {
      for (const file of files) await mail.append(folder, readFileSync(join(FIXTURES, file)));
    };
    /** [messages, unseen] in a folder, as another client sees them. */
    const counts = async (folder: string): Promise<[number, number]> => {
      const status = await mail.status(folder, { messages: true, unseen: true });
      if (!status) throw new Error(`STATUS ${folder} gagal`);
      return [status.messages ?? -1, status.unseen ?? -1];
    };
    const inboundRows = () => ds.getRepository(InboundMessageEntity).count();
    /**
     * Each appended message (a reply) and each created one (the first entry of its triage ticket)
     * has exactly one timeline entry, and no entry lacks its message.
     */
    const expectOneEntryPerReply = async () => {
      const appended = await ds.getRepository(InboundMessageEntity).count({
        where: { action: In(['appended', 'created']) },
      });
      const entries = await ds.getRepository(TimelineEntryEntity).count({
        where: { event: 'mail.received' },
      });
      expect(entries).toBe(appended);
    };
    const poller = (folder: string, extra: Parameters<ImapPollerService['create']>[1]) =>
      app.app
        .get(ImapPollerService)
        .create({ ...mailbox, name: folder.toLowerCase(), folder }, { ...extra });

    beforeAll(async () => {
      dovecot = await TestDovecot.start('helpdesk', PASSWORD);
      mailbox = {
        name: 'bali',
        office: 'bali',
        host: '127.0.0.1',
        port: dovecot.port,
        secure: false,
        user: 'helpdesk',
        passwordEnv: 'SIGAP_TEST_IMAP_PASSWORD',
        password: PASSWORD,
        folder: 'INBOX',
        processedFolder: null,
        enabled: true,
        pollSeconds: 30,
        tlsRejectUnauthorized: true,
      };
      const { password: _secret, ...inConfig } = mailbox;
      db = await createTestDatabase(kind);
      app = await startTestApp(db, {
        SIGAP_IMAP_MAILBOXES: JSON.stringify([inConfig]),
        SIGAP_TEST_IMAP_PASSWORD: PASSWORD,
        SIGAP_MAIL_FROM: 'helpdesk@helpdesk.diskominfos.baliprov.go.id',
        SIGAP_MAIL_MARKER_SECRET: 'rahasia-uji-fixture',
        // Dovecot here has no TLS: plain text is allowed only when switched off explicitly.
        SIGAP_IMAP_TLS: 'off',
        // The smallest inbound limit, so one large message goes over it.
        SIGAP_INBOUND_MAX_MB: '1',
      });
      ds = app.app.get(DataSource);
      const res = await app.request('POST', '/api/v1/tickets', {
        token: await app.token('helpdesk.bali@sigap.local'),
        body: {
          office: 'bali',
          service: 'pengembangan-aplikasi',
          channel: 'email',
          subject: 'Permohonan uji IMAP',
          description: 'Permohonan uji.',
          requester: { name: 'Pemohon', email: 'made.sudarsana@bkd.baliprov.go.id' },
        },
      });
      expect(res.status).withContext(res.text).toBe(201);
      await ds
        .getRepository(TicketEntity)
        .update({ number: res.body.number }, { number: 'BALI-2026-000123' });
      mail = new ImapFlow({
        host: '127.0.0.1',
        port: dovecot.port,
        secure: false,
        auth: { user: 'helpdesk', pass: PASSWORD },
        logger: false,
      });
      await mail.connect();
      for (const folder of [
        'Crash',
        'Putus',
        'Pindah',
        'Gagal',
        'Rusak',
        'Idle',
        'Sela',
        'TanpaIdle',
        'Besar',
        'Tls',
      ]) {
        await mail.mailboxCreate(folder);
      }
    }, 60_000);

    afterAll(async () => {
      await mail?.logout().catch(() => undefined);
      await app?.close();
      await db?.drop();
      await dovecot?.destroy();
    }, 30_000);

    it('fetches new mail pushed by IDLE, hands it to the inbound service, then marks it seen', async () => {
      await until('poller connected', async () => {
        const res = await app.request('GET', '/api/v1/mailboxes', {
          token: await app.token('admin@sigap.local'),
        });
        return res.body[0]?.state === 'idle';
      });
      const before = await inboundRows();
      await append('INBOX', '22-reply-pdf-attachment.eml', '35-unknown-sender.eml');
      await append('INBOX', '14-ooo-exchange-en.eml');
      await until('3 messages seen', async () => (await counts('INBOX')).join() === '3,0');
      expect(await inboundRows()).toBe(before + 3);
      const rows = await ds.getRepository(InboundMessageEntity).find();
      expect(rows.map((r) => r.action).sort()).toEqual(['appended', 'auto-reply', 'quarantined']);
      expect(rows.find((r) => r.action === 'appended')?.ticketNumber).toBe('BALI-2026-000123');
      await expectOneEntryPerReply();

      const admin = await app.token('admin@sigap.local');
      const res = await app.request('GET', '/api/v1/mailboxes', { token: admin });
      expect(res.status).toBe(200);
      expect(res.body.length).toBe(1);
      expect(res.body[0]).toEqual(
        jasmine.objectContaining({
          name: 'bali',
          office: 'bali',
          mode: 'idle',
          lastError: null,
          counts: { appended: 1, quarantined: 1, 'auto-reply': 1 },
        }),
      );
      expect(res.text).not.toContain(PASSWORD);
      expect(res.text).not.toContain('"password"');
      const agent = await app.request('GET', '/api/v1/mailboxes', {
        token: await app.token('helpdesk.bali@sigap.local'),
      });
      expect(agent.status).toBe(403);
      const unknown = await app.request('GET', '/api/v1/mailboxes/lain', { token: admin });
      expect(unknown.status).toBe(404);
    }, 40_000);

    it('handles a message appended while idling within a bounded time (IMAP IDLE)', async () => {
      // Polling every 5 minutes: only the server's push can explain a quick pick-up.
      const p = app.app
        .get(ImapPollerService)
        .create({ ...mailbox, name: 'idle', folder: 'Idle', pollSeconds: 300 });
      p.start();
      try {
        await until('idling', async () => p.snapshot().state === 'idle');
        expect(p.snapshot().mode).toBe('idle');
        // Past the client's delay before it sends IDLE, so the server is really pushing.
        await new Promise((r) => setTimeout(r, 1500));
        const latencies: number[] = [];
        for (const file of ['04-outlook-pesan-asli-id.eml', '06-zimbra-reply.eml']) {
          const handled = () => Object.values(p.snapshot().counts).reduce((a, b) => a + b, 0);
          const before = handled();
          const t0 = Date.now();
          await append('Idle', file);
          await until('pushed and handled', async () => handled() === before + 1, 10_000);
          latencies.push(Date.now() - t0);
          await new Promise((r) => setTimeout(r, 1500));
        }
        console.log(`      IMAP IDLE: append to handled in ${latencies.join(' ms, ')} ms`);
        for (const ms of latencies) expect(ms).toBeLessThan(5_000);
        expect(await counts('Idle')).toEqual([2, 0]);
      } finally {
        await p.stop();
      }
    }, 40_000);

    it('falls back to polling on a server without IDLE and still picks new mail up', async () => {
      const proxy = await ImapFaultProxy.start(dovecot.port, { hideIdle: true });
      const p = app.app.get(ImapPollerService).create({
        ...mailbox,
        name: 'tanpa-idle',
        folder: 'TanpaIdle',
        port: proxy.port,
        pollSeconds: 2,
      });
      p.start();
      try {
        await until('connected', async () => p.snapshot().state === 'polling');
        expect(p.snapshot().mode).toBe('poll');
        const before = await inboundRows();
        const t0 = Date.now();
        await append('TanpaIdle', '08-apple-mail-reply.eml', '09-yahoo-reply.eml');
        await until('both seen', async () => (await counts('TanpaIdle')).join() === '2,0', 15_000);
        const ms = Date.now() - t0;
        console.log(`      IMAP without IDLE: picked up by polling in ${ms} ms (poll every 2 s)`);
        expect(ms).toBeLessThan(10_000);
        expect(await inboundRows()).toBe(before + 2);
        expect(p.snapshot().failures).toBe(0);
      } finally {
        await p.stop();
        await proxy.close();
      }
    }, 40_000);

    it('survives the connection dropping in the middle of a FETCH: nothing lost, nothing doubled', async () => {
      await append('Sela', '10-outlook-android-reply.eml', '11-iphone-reply-id.eml');
      await append('Sela', '12-forward-with-note.eml');
      const before = await inboundRows();
      const proxy = await ImapFaultProxy.start(dovecot.port);
      const cut = proxy.cutNextFetch(300);
      // Through the relay, which cuts the first FETCH answer after 300 bytes.
      const p = app.app
        .get(ImapPollerService)
        .create(
          { ...mailbox, name: 'sela', folder: 'Sela', port: proxy.port },
          { backoffMs: () => 200 },
        );
      p.start();
      try {
        await cut;
        await until('all seen', async () => (await counts('Sela')).join() === '3,0');
        expect(proxy.cuts).toBe(1);
        expect(proxy.connections).toBeGreaterThan(1);
        expect(p.snapshot().lastError).toBeTruthy();
        expect(p.snapshot().counts['duplicate'] ?? 0).toBe(0);
        expect(p.snapshot().counts['failed'] ?? 0).toBe(0);
      } finally {
        await p.stop();
        await proxy.close();
      }
      expect(await inboundRows()).toBe(before + 3);
      await expectOneEntryPerReply();
    }, 40_000);

    it('after a crash between commit and flag, recognises the duplicate and only flags it', async () => {
      await append('Crash', '01-gmail-reply-en.eml');
      const before = await inboundRows();
      let crashed!: () => void;
      const crash = new Promise<void>((r) => (crashed = r));
      const first = poller('Crash', {
        beforeFlag: () => {
          crashed();
          throw new Error('proses mati sebelum menandai');
        },
        backoffMs: () => 60_000,
      });
      first.start();
      await crash;
      await first.stop();
      expect(await inboundRows()).toBe(before + 1);
      expect(await counts('Crash')).toEqual([1, 1]);
      await expectOneEntryPerReply();

      const second = poller('Crash', {});
      second.start();
      try {
        await until('message seen', async () => (await counts('Crash')).join() === '1,0');
        expect(second.snapshot().counts).toEqual({ duplicate: 1 });
      } finally {
        await second.stop();
      }
      expect(await inboundRows()).toBe(before + 1);
      await expectOneEntryPerReply();
    }, 40_000);

    it('leaves a message the inbound service fails on unread, goes on, and retries it', async () => {
      await append('Gagal', '28-iso-8859-1-subject-body.eml', '29-windows-1252-body.eml');
      const before = await inboundRows();
      const inbound = app.app.get(InboundMailService);
      let calls = 0;
      const p = poller('Gagal', {
        messageRetryMs: () => 0,
        accept: (raw, recipients) => {
          if (calls++ === 0) return Promise.reject(new Error('basis data tidak menjawab'));
          return inbound.accept(raw, recipients);
        },
      });
      p.start();
      try {
        await until('second seen', async () => (await counts('Gagal')).join() === '2,1');
        expect(p.snapshot().counts['failed']).toBe(1);
        expect(p.snapshot().lastError).toContain('basis data tidak menjawab');
        expect(await inboundRows()).toBe(before + 1);
        p.pollNow();
        await until('both seen', async () => (await counts('Gagal')).join() === '2,0');
      } finally {
        await p.stop();
      }
      expect(await inboundRows()).toBe(before + 2);
    }, 30_000);

    it('records a message that keeps failing, retries it with a cap, then flags it for an admin', async () => {
      await append('Rusak', '32-malformed-missing-boundary.eml', '30-inline-image-cid.eml');
      const bad = readFileSync(join(FIXTURES, '32-malformed-missing-boundary.eml'));
      const badId = /^message-id:\s*(<[^>]+>)/im.exec(bad.toString('latin1'))?.[1] ?? null;
      const inbound = app.app.get(InboundMailService);
      let failing = true;
      let badCalls = 0;
      const p = poller('Rusak', {
        maxMessageAttempts: 3,
        messageRetryMs: () => 0,
        accept: (raw, recipients) => {
          if (badId && raw.toString('latin1').includes(badId)) {
            badCalls++;
            if (failing) return Promise.reject(new Error('MIME tidak dapat diurai: batas hilang'));
          }
          return inbound.accept(raw, recipients);
        },
      });
      const failures = () =>
        ds.getRepository(MailboxMessageFailureEntity).find({ where: { mailbox: 'rusak' } });
      // A mailbox row of that name shows the failures in the admin list.
      const mailboxId = randomUUID();
      await ds.getRepository(MailboxEntity).insert({
        id: mailboxId,
        name: 'rusak',
        officeCode: 'bali',
        host: '127.0.0.1',
        port: dovecot.port,
        secure: false,
        tlsRejectUnauthorized: true,
        username: 'helpdesk',
        passwordEnc: 'v1:tidak:dipakai:di-sini',
        folder: 'Rusak',
        processedFolder: null,
        useIdle: true,
        pollSeconds: 30,
        enabled: false,
        version: 1,
        createdAt: new Date(),
        updatedAt: new Date(),
        updatedBy: null,
        lastPollAt: null,
        lastError: null,
        lastErrorAt: null,
        messagesProcessed: 0,
      });
      const admin = await app.token('admin@sigap.local');
      const view = async () =>
        (
          await app.request<MailboxView>('GET', `/api/v1/admin/mailboxes/${mailboxId}`, {
            token: admin,
          })
        ).body;
      const flagsOfBad = async () => {
        const lock = await mail.getMailboxLock('Rusak');
        try {
          const found: Set<string>[] = [];
          for await (const m of mail.fetch('1:*', { flags: true, envelope: true })) {
            const id = m.envelope?.messageId?.replace(/^<|>$/g, '');
            if (badId && id === badId.replace(/^<|>$/g, '') && m.flags) found.push(m.flags);
          }
          return found[0] ?? new Set<string>();
        } finally {
          lock.release();
          // Deselected again, so STATUS reads the folder afresh.
          await mail.mailboxClose();
        }
      };

      p.start();
      try {
        // The good message goes through; the bad one stays unread with its failure recorded.
        await until('good one seen', async () => (await counts('Rusak')).join() === '2,1');
        let [row] = await failures();
        expect(row.attempts).toBe(1);
        expect(row.heldAt).toBeNull();
        expect(row.messageId).toBe(badId);
        expect(row.lastError).toContain('batas hilang');
        expect(p.snapshot().failingMessages).toBe(1);
        expect(p.snapshot().lastError).toContain(String(badId));
        let shown = await view();
        expect([shown.failingMessages, shown.heldMessages]).toEqual([1, 0]);
        expect(shown.lastMessageError).toContain('batas hilang');

        // Retried each round until the cap, then held: flagged, still unread, not fetched again.
        for (const attempts of [2, 3]) {
          p.pollNow();
          await until(
            `attempt ${attempts}`,
            async () => (await failures())[0]?.attempts === attempts,
          );
        }
        [row] = await failures();
        expect(row.heldAt).not.toBeNull();
        await until('flagged', async () => (await flagsOfBad()).has('\\Flagged'));
        expect((await flagsOfBad()).has('\\Seen')).toBeFalse();
        const calls = badCalls;
        const polled = p.snapshot().lastPolledAt;
        p.pollNow();
        await until('another round', async () => p.snapshot().lastPolledAt !== polled);
        expect(badCalls).toBe(calls);
        expect([p.snapshot().failingMessages, p.snapshot().heldMessages]).toEqual([0, 1]);
        shown = await view();
        expect([shown.failingMessages, shown.heldMessages]).toEqual([0, 1]);
        expect(await counts('Rusak')).toEqual([2, 1]);

        // An admin releases it (once the cause is fixed): it goes through and loses the flag.
        failing = false;
        const released = await app.request<MailboxView>(
          'POST',
          `/api/v1/admin/mailboxes/${mailboxId}/release-held`,
          { token: admin },
        );
        expect(released.status).withContext(released.text).toBe(200);
        p.pollNow();
        await until('bad one seen', async () => (await counts('Rusak')).join() === '2,0');
        expect(await failures()).toEqual([]);
        expect((await flagsOfBad()).has('\\Flagged')).toBeFalse();
        shown = await view();
        expect([shown.failingMessages, shown.heldMessages, shown.lastMessageError]).toEqual([
          0,
          0,
          null,
        ]);
      } finally {
        await p.stop();
      }
    }, 60_000);

    it('asks for the size first and holds a message over the inbound limit without fetching it', async () => {
      const bigId = `besar-${randomUUID()}@bkd.baliprov.go.id`;
      const scan = randomBytes(1100 * 1024)
        .toString('base64')
        .replace(/.{76}/g, '$&\r\n');
      const big = Buffer.from(
        [
          'From: Made Sudarsana <made.sudarsana@bkd.baliprov.go.id>',
          'To: helpdesk@diskominfos.baliprov.go.id',
          'Subject: Pindaian dokumen besar',
          `Message-ID: <${bigId}>`,
          'Date: Mon, 07 Dec 2026 08:00:00 +0800',
          'MIME-Version: 1.0',
          'Content-Type: multipart/mixed; boundary="batas"',
          '',
          '--batas',
          'Content-Type: text/plain; charset=utf-8',
          '',
          'Pindaian terlampir.',
          '--batas',
          'Content-Type: application/pdf; name="pindaian.pdf"',
          'Content-Transfer-Encoding: base64',
          'Content-Disposition: attachment; filename="pindaian.pdf"',
          '',
          scan,
          '--batas--',
          '',
        ].join('\r\n'),
      );
      expect(big.length).toBeGreaterThan(1024 * 1024);
      const small = readFileSync(join(FIXTURES, '16-ooo-zimbra.eml'));
      let bigUid = ((await mail.append('Besar', big)) || undefined)?.uid;
      const smallUid = ((await mail.append('Besar', small)) || undefined)?.uid;
      expect(bigUid).toBeDefined();
      const proxy = await ImapFaultProxy.start(dovecot.port);
      const inbound = app.app.get(InboundMailService);
      const accepted: number[] = [];
      const failures = () =>
        ds.getRepository(MailboxMessageFailureEntity).find({ where: { mailbox: 'besar' } });
      const mailboxId = randomUUID();
      await ds.getRepository(MailboxEntity).insert({
        id: mailboxId,
        name: 'besar',
        officeCode: 'bali',
        host: '127.0.0.1',
        port: dovecot.port,
        secure: false,
        tlsRejectUnauthorized: true,
        username: 'helpdesk',
        passwordEnc: 'v1:tidak:dipakai:di-sini',
        folder: 'Besar',
        processedFolder: null,
        useIdle: true,
        pollSeconds: 30,
        enabled: false,
        version: 1,
        createdAt: new Date(),
        updatedAt: new Date(),
        updatedBy: null,
        lastPollAt: null,
        lastError: null,
        lastErrorAt: null,
        messagesProcessed: 0,
      });
      const admin = await app.token('admin@sigap.local');
      const flagsOf = async (uid: number) => {
        const lock = await mail.getMailboxLock('Besar');
        try {
          const m = await mail.fetchOne(String(uid), { flags: true }, { uid: true });
          return m && m.flags ? m.flags : new Set<string>();
        } finally {
          lock.release();
          await mail.mailboxClose();
        }
      };
      const bodyFetch = (uid: number) =>
        new RegExp(`UID FETCH ${uid} \\([^)]*BODY(\\.PEEK)?\\[\\]`, 'i');
      // The limit is the application's own (SIGAP_INBOUND_MAX_MB=1).
      const p = app.app.get(ImapPollerService).create(
        { ...mailbox, name: 'besar', folder: 'Besar', port: proxy.port },
        {
          accept: (raw, recipients) => {
            accepted.push(raw.length);
            return inbound.accept(raw, recipients);
          },
        },
      );
      p.start();
      try {
        await until('small one seen', async () => (await counts('Besar')).join() === '2,1');
        await until('big one held', async () => (await failures())[0]?.heldAt != null);
        const [row] = await failures();
        expect(row.uid).toBe(bigUid as number);
        expect(row.messageId).toBe(`<${bigId}>`);
        expect(row.lastError).toMatch(/melebihi batas pesan masuk 1,0 MB/);
        // Never fetched: only the small message's body crossed the wire, and only it was read.
        expect(proxy.sent).toMatch(bodyFetch(smallUid as number));
        expect(proxy.sent).not.toMatch(bodyFetch(bigUid as number));
        expect(accepted.length).toBe(1);
        expect(accepted[0]).toBeLessThan(small.length * 1.1);
        // Unread and flagged for an admin, and shown on the mailbox row.
        await until('flagged', async () => (await flagsOf(bigUid as number)).has('\\Flagged'));
        expect((await flagsOf(bigUid as number)).has('\\Seen')).toBeFalse();
        expect([p.snapshot().failingMessages, p.snapshot().heldMessages]).toEqual([0, 1]);
        const shown = await app.request<MailboxView>(
          'GET',
          `/api/v1/admin/mailboxes/${mailboxId}`,
          {
            token: admin,
          },
        );
        expect([shown.body.failingMessages, shown.body.heldMessages]).toEqual([0, 1]);
        expect(shown.body.lastMessageError).toContain('melebihi batas pesan masuk');
        // Released while the limit stands: held again at the next round, still not fetched.
        const release = () =>
          app.request('POST', `/api/v1/admin/mailboxes/${mailboxId}/release-held`, {
            token: admin,
          });
        expect((await release()).status).toBe(200);
        const polled = p.snapshot().lastPolledAt;
        p.pollNow();
        await until('another round', async () => p.snapshot().lastPolledAt !== polled);
        expect((await failures())[0]?.heldAt).not.toBeNull();
        expect(proxy.sent).not.toMatch(bodyFetch(bigUid as number));

        // An admin has it deleted: gone from the mailbox at the next round, still never fetched.
        const discarded = await app.request<MailboxView>(
          'POST',
          `/api/v1/admin/mailboxes/${mailboxId}/discard-held`,
          { token: admin },
        );
        expect(discarded.status).withContext(discarded.text).toBe(200);
        p.pollNow();
        await until('deleted from the mailbox', async () => (await counts('Besar'))[0] === 1);
        expect(await failures()).toEqual([]);
        expect(proxy.sent).not.toMatch(bodyFetch(bigUid as number));
        expect(p.snapshot().counts['discarded']).toBe(1);
        expect([p.snapshot().failingMessages, p.snapshot().heldMessages]).toEqual([0, 0]);
        // Another one like it is held in turn.
        bigUid = ((await mail.append('Besar', big)) || undefined)?.uid;
        p.pollNow();
        await until('second one held', async () => (await failures())[0]?.heldAt != null);
      } finally {
        await p.stop();
      }
      // A larger limit and a release: it goes through and loses its flag.
      const larger = app.app
        .get(ImapPollerService)
        .create(
          { ...mailbox, name: 'besar', folder: 'Besar', port: proxy.port },
          { maxMessageBytes: 4 * 1024 * 1024 },
        );
      expect(
        (
          await app.request('POST', `/api/v1/admin/mailboxes/${mailboxId}/release-held`, {
            token: admin,
          })
        ).status,
      ).toBe(200);
      larger.start();
      try {
        await until('big one seen', async () => (await counts('Besar')).join() === '2,0');
        expect(await failures()).toEqual([]);
        expect((await flagsOf(bigUid as number)).has('\\Flagged')).toBeFalse();
        expect(proxy.sent).toMatch(bodyFetch(bigUid as number));
      } finally {
        await larger.stop();
        await proxy.close();
      }
    }, 60_000);

    it('demands STARTTLS unless plain text is allowed: no password crosses a server without it', async () => {
      await append('Tls', '17-ooo-gmail-vacation.eml');
      const proxy = await ImapFaultProxy.start(dovecot.port);
      const required = app.app
        .get(ImapPollerService)
        .create(
          { ...mailbox, name: 'tls', folder: 'Tls', port: proxy.port },
          { plainTextAllowed: false, backoffMs: () => 60_000 },
        );
      required.start();
      try {
        await until('refused', async () => /STARTTLS/i.test(required.snapshot().lastError ?? ''));
        expect(required.snapshot().state).toBe('error');
        expect(proxy.sent).not.toContain(PASSWORD);
        expect(proxy.sent).not.toMatch(/\b(LOGIN|AUTHENTICATE)\b/i);
        expect(await counts('Tls')).toEqual([1, 1]);
      } finally {
        await required.stop();
      }
      // The suite's SIGAP_IMAP_TLS=off: plain text to the local test server.
      const plain = app.app.get(ImapPollerService).create({
        ...mailbox,
        name: 'tls',
        folder: 'Tls',
        port: proxy.port,
      });
      plain.start();
      try {
        await until('seen', async () => (await counts('Tls')).join() === '1,0');
        expect(proxy.sent).toMatch(/\b(LOGIN|AUTHENTICATE)\b/i);
      } finally {
        await plain.stop();
        await proxy.close();
      }
    }, 40_000);

    it('moves processed mail to the processed folder (created when missing) instead of flagging', async () => {
      await append('Pindah', '27-encoded-subject-utf8.eml');
      const before = await inboundRows();
      const p = app.app
        .get(ImapPollerService)
        .create({ ...mailbox, name: 'pindah', folder: 'Pindah', processedFolder: 'Diproses' });
      p.start();
      try {
        await until('moved', async () => (await counts('Pindah'))[0] === 0);
      } finally {
        await p.stop();
      }
      expect(await counts('Diproses')).toEqual([1, 1]);
      expect(await inboundRows()).toBe(before + 1);
    }, 30_000);

    it('survives the server going away mid-round: reconnects, loses and doubles nothing', async () => {
      await append('Putus', '02-gmail-reply-id.eml', '03-outlook-desktop-reply.eml');
      await append('Putus', '07-thunderbird-reply.eml');
      const before = await inboundRows();
      let restarts = 0;
      let errorsSeen = 0;
      const p: ImapPoller = poller('Putus', {
        beforeFlag: async () => {
          if (restarts++ === 0) await dovecot.restart();
        },
        backoffMs: () => {
          errorsSeen = p.snapshot().failures;
          return 200;
        },
      });
      p.start();
      try {
        await until('all seen', async () => {
          try {
            return (await counts('Putus')).join() === '3,0';
          } catch {
            // our own client lost the server too
            await mail.logout().catch(() => undefined);
            mail = new ImapFlow({
              host: '127.0.0.1',
              port: dovecot.port,
              secure: false,
              auth: { user: 'helpdesk', pass: PASSWORD },
              logger: false,
            });
            await mail.connect().catch(() => undefined);
            return false;
          }
        });
        expect(errorsSeen).toBeGreaterThan(0);
        expect(p.snapshot().lastError).toBeTruthy();
        expect(p.snapshot().failures).toBe(0);
        expect(p.snapshot().counts['duplicate']).toBe(1);
      } finally {
        await p.stop();
      }
      expect(await inboundRows()).toBe(before + 3);
      await expectOneEntryPerReply();
      // The configured poller lost its connection too, and came back.
      await until('configured poller back', async () => {
        const res = await app.request('GET', '/api/v1/mailboxes/bali', {
          token: await app.token('admin@sigap.local'),
        });
        return res.body.state === 'idle';
      });
    }, 60_000);
  });
}
