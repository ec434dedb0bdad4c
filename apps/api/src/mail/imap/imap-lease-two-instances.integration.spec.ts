import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MailboxView } from '@sigap/contracts';
import { ImapFlow } from 'imapflow';
import { DataSource } from 'typeorm';
import { DATABASES, REPO_ROOT, type TestApp } from '../../testing/test-app';
import { twoInstancesOnOneDatabase } from '../../testing/two-instances';
import { InboundMessageEntity } from '@sigap/api-mail';
import { ImapPollerService } from '@sigap/api-mail';
import { TestDovecot, dovecotInstalled } from './testing/dovecot';

const PASSWORD = 'sandi-uji-sewa-imap-31';
const FIXTURE = readFileSync(
  join(REPO_ROOT, 'libs/mail-threading/fixtures/35-unknown-sender.eml'),
  'latin1',
);

/** A message of its own (fresh Message-ID), addressed to the Bali helpdesk. */
function message(label: string): Buffer {
  return Buffer.from(
    FIXTURE.replace(/^Message-ID: .*$/m, `Message-ID: <${label}-${randomUUID()}@uji.example>`),
    'latin1',
  );
}

async function until(what: string, check: () => Promise<boolean> | boolean, ms = 20_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`menunggu terlalu lama: ${what}`);
}

if (!dovecotInstalled()) {
  describe('one IMAP poller per mailbox across instances', () => {
    it('needs Dovecot', () => {
      pending('Dovecot tidak terpasang: jalankan tools/ci/install-system-deps.sh sebagai root');
    });
  });
}

for (const kind of dovecotInstalled() ? DATABASES : []) {
  describe(`one IMAP poller per mailbox across instances [${kind}]`, () => {
    let dovecot: TestDovecot;
    let mail: ImapFlow;
    // Short leases so take-overs happen within seconds (renewed every second). The configured
    // mailbox needs Dovecot's port: filled in before the instances start.
    const env: Record<string, string> = {
      SIGAP_IMAP_TLS: 'off',
      SIGAP_IMAP_LEASE_SECONDS: '3',
      SIGAP_TEST_IMAP_PASSWORD: PASSWORD,
    };
    beforeAll(async () => {
      dovecot = await TestDovecot.start('helpdesk', PASSWORD);
      mail = new ImapFlow({
        host: '127.0.0.1',
        port: dovecot.port,
        secure: false,
        auth: { user: 'helpdesk', pass: PASSWORD },
        logger: false,
      });
      await mail.connect();
      await mail.mailboxCreate('Konfig');
      env['SIGAP_IMAP_MAILBOXES'] = JSON.stringify([
        {
          name: 'konfig',
          office: 'bali',
          host: '127.0.0.1',
          port: dovecot.port,
          secure: false,
          user: 'helpdesk',
          passwordEnv: 'SIGAP_TEST_IMAP_PASSWORD',
          folder: 'Konfig',
          pollSeconds: 30,
        },
      ]);
    }, 60_000);
    const pair = twoInstancesOnOneDatabase(kind, env);
    let id: string;
    let version: number;
    /** Set whenever both instances ran a poller for the mailbox at the same moment. */
    let overlap = false;
    let watch: NodeJS.Timeout | undefined;

    const apps = () => [pair.a, pair.b].filter((x): x is TestApp => Boolean(x));
    const pollers = (app: TestApp) => app.app.get(ImapPollerService);
    /** The instances running a poller for the mailbox now. */
    const running = () => apps().filter((app) => pollers(app).live('sewa') !== null);
    const ds = () => apps()[0].app.get(DataSource);
    const inboundRows = () => ds().getRepository(InboundMessageEntity).count();
    /** [messages, unseen] of a folder as another client sees them; [-1, -1] while it is missing. */
    const counts = async (folder: string): Promise<[number, number]> => {
      const status = await mail.status(folder, { messages: true, unseen: true }).catch(() => null);
      return status ? [status.messages ?? -1, status.unseen ?? -1] : [-1, -1];
    };
    const view = async (app: TestApp) => {
      const res = await app.request<MailboxView>('GET', `/api/v1/admin/mailboxes/${id}`, {
        token: await app.token('admin@sigap.local'),
      });
      expect(res.status).withContext(res.text).toBe(200);
      return res.body;
    };
    const patch = async (app: TestApp, body: Record<string, unknown>) => {
      const res = await app.request<MailboxView>('PATCH', `/api/v1/admin/mailboxes/${id}`, {
        token: await app.token('admin@sigap.local'),
        body: { expectedVersion: version, ...body },
      });
      expect(res.status).withContext(res.text).toBe(200);
      version = res.body.version;
      return res.body;
    };

    beforeAll(() => {
      watch = setInterval(() => {
        if (running().length > 1) overlap = true;
      }, 20);
    });

    afterAll(async () => {
      clearInterval(watch);
      await mail?.logout().catch(() => undefined);
      await dovecot?.destroy();
    }, 30_000);

    it('polls a mailbox from one instance only and shows every admin which one, since when', async () => {
      const created = await pair.b.request<MailboxView>('POST', '/api/v1/admin/mailboxes', {
        token: await pair.b.token('admin@sigap.local'),
        body: {
          name: 'sewa',
          office: 'bali',
          host: '127.0.0.1',
          port: dovecot.port,
          secure: false,
          user: 'helpdesk',
          password: PASSWORD,
          folder: 'INBOX',
          useIdle: true,
          pollSeconds: 30,
          enabled: true,
        },
      });
      expect(created.status).withContext(created.text).toBe(201);
      id = created.body.id as string;
      version = created.body.version;
      await until('one instance polls the mailbox', () => running().length === 1);
      // Both instances have gone through rounds: still only one.
      await new Promise((r) => setTimeout(r, 2500));
      expect(running().length).toBe(1);
      const holder = running()[0];
      const instance = pollers(holder).instance;
      expect(instance).toContain(`:${process.pid}:`);
      expect(pollers(pair.a).instance).not.toBe(pollers(pair.b).instance);

      for (const app of [pair.a, pair.b]) {
        const shown = await view(app);
        expect(shown.holder).toBe(instance);
        expect(Date.parse(shown.holderSince as string)).toBeLessThanOrEqual(Date.now());
      }

      // The lease held shows in the holder's metrics only.
      const metrics = async (app: TestApp) =>
        (await fetch(`${app.baseUrl}/metrics`, { headers: { Accept: '*/*' } })).text();
      const other = apps().find((app) => app !== holder) as TestApp;
      expect(await metrics(holder)).toContain('sigap_imap_mailbox_polled{mailbox="sewa"} 1');
      expect(await metrics(other)).not.toContain('sigap_imap_mailbox_polled{mailbox="sewa"}');

      for (let i = 0; i < 3; i++) await mail.append('INBOX', message(`satu-${i}`));
      await until('three messages processed', async () => (await inboundRows()) === 3);
      await until('marked seen', async () => (await counts('INBOX'))[1] === 0);
      expect(running()).toEqual([holder]);
      expect(overlap).toBe(false);
    }, 60_000);

    it('polls a configured mailbox from one instance too; the others send a poll request there', async () => {
      const polling = () => apps().filter((app) => pollers(app).status()[0]?.state !== 'stopped');
      await until('one instance polls the configured mailbox', () => polling().length === 1);
      const [holder] = polling();
      const other = apps().find((app) => app !== holder) as TestApp;
      const instance = pollers(holder).instance;
      await until('both instances know the holder', async () => {
        for (const app of [holder, other]) {
          const res = await app.request<{ name: string; holder: string | null }[]>(
            'GET',
            '/api/v1/mailboxes',
            { token: await app.token('admin@sigap.local') },
          );
          if (res.body[0]?.holder !== instance) return false;
        }
        return true;
      });
      const elsewhere = await other.request('POST', '/api/v1/mailboxes/konfig/poll', {
        token: await other.token('admin@sigap.local'),
      });
      expect(elsewhere.status).withContext(elsewhere.text).toBe(409);
      expect(elsewhere.text).toContain(instance);
      const here = await holder.request('POST', '/api/v1/mailboxes/konfig/poll', {
        token: await holder.token('admin@sigap.local'),
      });
      expect(here.status).withContext(here.text).toBe(202);
      const before = await inboundRows();
      await mail.append('Konfig', message('konfig'));
      await until('processed once', async () => (await inboundRows()) === before + 1);
      expect(polling()).toEqual([holder]);
    }, 60_000);

    it('applies an edit saved on the other instance, and a disable stops it everywhere', async () => {
      const holder = running()[0];
      const other = apps().find((app) => app !== holder) as TestApp;
      await patch(other, { processedFolder: 'Diproses' });
      await until(
        'the holder restarted with the new settings',
        () => pollers(holder).live('sewa')?.processedFolder === 'Diproses',
        10_000,
      );
      await mail.append('INBOX', message('dua'));
      // Moving reads every message: the three already handled are recognised and moved too.
      await until('moved to the new folder', async () => {
        // The folder appears once the restarted poller has created it.
        return (await counts('Diproses'))[0] === 4;
      });
      expect(await inboundRows()).toBe(5);

      const disabled = await patch(other, { enabled: false });
      expect(disabled.enabled).toBe(false);
      await until('no instance polls the disabled mailbox', () => running().length === 0, 10_000);
      // Its lease given back once the poller has stopped.
      await until('no holder shown', async () => (await view(holder)).holder === null, 5000);
      await mail.append('INBOX', message('tiga'));
      // Three rounds of each instance: nobody takes a disabled mailbox.
      await new Promise((r) => setTimeout(r, 3500));
      expect(running().length).toBe(0);
      expect(await inboundRows()).toBe(5);
      expect(await counts('INBOX')).toEqual([1, 1]);

      await patch(other, { enabled: true });
      await until('processed once enabled again', async () => (await inboundRows()) === 6);
      expect(running().length).toBe(1);
      expect(overlap).toBe(false);
    }, 60_000);

    it('stops polling when its lease is taken, and takes the mailbox back once that one runs out', async () => {
      const key = `db:${id}`;
      const expires = Date.now() + 3000;
      // Another instance (one that then dies) holds the lease until `expires`.
      await ds().query(
        'UPDATE imap_mailbox_leases SET holder = ?, since = ?, expires_at = ? WHERE mailbox_key = ?',
        ['mesin-mati:1:dead00', Date.now(), expires, key],
      );
      await until('the former holder stops', () => running().length === 0, 5000);
      expect(Date.now()).toBeLessThan(expires);
      expect((await view(pair.a)).holder).toBe('mesin-mati:1:dead00');
      await mail.append('INBOX', message('empat'));
      await until('an instance takes the run-out lease over', () => running().length === 1, 10_000);
      expect(Date.now()).toBeGreaterThanOrEqual(expires);
      await until('the new mail processed', async () => (await inboundRows()) === 7);
      const holder = pollers(running()[0]).instance;
      expect((await view(pair.b)).holder).toBe(holder);
      expect(overlap).toBe(false);
    }, 60_000);

    it('hands the mailbox over to the other instance when the holder stops', async () => {
      const holder = running()[0];
      const survivor = apps().find((app) => app !== holder) as TestApp;
      await holder.close();
      if (pair.a === holder) (pair as { a?: TestApp }).a = undefined;
      else (pair as { b?: TestApp }).b = undefined;
      const stoppedAt = Date.now();
      await until('the survivor polls the mailbox', () => running().length === 1, 10_000);
      // Given back on stop: taken at the survivor's next round, well within a lease.
      expect(Date.now() - stoppedAt).toBeLessThan(3000);
      await mail.append('INBOX', message('lima'));
      await until('the survivor picked the new mail up', async () => (await inboundRows()) === 8);
      expect((await view(survivor)).holder).toBe(pollers(survivor).instance);
    }, 60_000);
  });
}
