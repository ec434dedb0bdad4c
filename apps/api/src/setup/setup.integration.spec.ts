import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OfficeSummary, Problem, SetupStatus, TestMailResult } from '@sigap/contracts';
import { startRecordingSmtp, type RecordingSmtp } from '../mail/delivery/testing/recording-smtp';
import {
  createTestDatabase,
  describeOnBothDatabases,
  startTestApp,
  type TestApp,
  type TestDatabase,
} from '../testing/test-app';

const ADMIN = { email: 'admin@diskominfo.example.go.id', password: 'rahasia-admin-pertama' };

/**
 * A production installation on an empty database: no demo office or user, the national calendar
 * only, the first admin from the configuration; the set-up reports what is missing.
 */
describeOnBothDatabases(
  'first run in production: starts clean',
  (ctx) => {
    let app: TestApp;
    let token: string;
    beforeAll(async () => {
      app = ctx();
      token = (await app.login(ADMIN.email, ADMIN.password)).accessToken;
    });

    it('has no office, no service and no demo user, but the national holidays', async () => {
      const offices = await app.request<OfficeSummary[]>('GET', '/api/v1/offices', { token });
      expect(offices.status).toBe(200);
      expect(offices.body).toEqual([]);
      const services = await app.request<unknown[]>('GET', '/api/v1/catalog/services', { token });
      expect(services.body).toEqual([]);
      const demo = await app.request('POST', '/api/v1/auth/login', {
        body: { email: 'admin@sigap.local', password: 'sigap-demo' },
      });
      expect(demo.status).toBe(401);
      const holidays = await app.request<unknown[]>(
        'GET',
        '/api/v1/calendars/national/closures?year=2026',
        { token },
      );
      expect(holidays.status).withContext(holidays.text).toBe(200);
      expect(JSON.stringify(holidays.body)).toContain('Nyepi');
    });

    it('reports the set-up as needed, with the mail transport (never its secrets)', async () => {
      const res = await app.request<SetupStatus>('GET', '/api/v1/setup', { token });
      expect(res.status).withContext(res.text).toBe(200);
      expect(res.body).toEqual({
        needed: true,
        offices: 0,
        positions: 0,
        services: 0,
        agents: 0,
        mailboxes: 0,
        smtp: { mode: 'keep', description: jasmine.any(String) },
      });
      expect((await app.request('GET', '/api/v1/setup')).status).toBe(401);
    });

    it('sends a test message through the configured transport (kept as a file here)', async () => {
      const res = await app.request<TestMailResult>('POST', '/api/v1/setup/test-mail', {
        token,
        body: { to: 'operator@diskominfo.example.go.id' },
      });
      expect(res.status).withContext(res.text).toBe(200);
      expect(res.body.mode).toBe('keep');
      const dir = join(app.config.dataDir, 'mail', 'kept');
      const files = readdirSync(dir);
      expect(files.length).toBe(1);
      const eml = readFileSync(join(dir, files[0]), 'utf8');
      expect(eml).toContain('To: operator@diskominfo.example.go.id');
      expect(eml).toContain('Subject: Sigap: e-mail uji');
      for (const body of [{ to: 'bukan alamat' }, {}, { to: 'a@b.c', cc: 'x@y.z' }]) {
        const bad = await app.request<Problem>('POST', '/api/v1/setup/test-mail', { token, body });
        expect(bad.status).withContext(JSON.stringify(body)).toBe(400);
      }
    });

    it('limits test messages to a few an hour', async () => {
      let last = 0;
      let retryAfter: string | null = null;
      for (let i = 0; i < 6; i++) {
        const res = await app.request('POST', '/api/v1/setup/test-mail', {
          token,
          body: { to: 'operator@diskominfo.example.go.id' },
        });
        last = res.status;
        retryAfter = res.headers.get('retry-after');
        if (last === 429) break;
      }
      expect(last).toBe(429);
      expect(Number(retryAfter)).toBeGreaterThan(0);
    });

    it('is done once the first office exists; that office gets its working schedule', async () => {
      const created = await app.request('POST', '/api/v1/offices', {
        token,
        body: {
          code: 'jayapura',
          name: 'Diskominfo Kota Jayapura',
          timeZone: 'Asia/Jayapura',
          ticketPrefix: 'JPR',
        },
      });
      expect(created.status).withContext(created.text).toBe(201);
      const position = await app.request('POST', '/api/v1/positions', {
        token,
        body: { office: 'jayapura', code: 'kadis', name: 'Kepala Dinas' },
      });
      expect(position.status).withContext(position.text).toBe(201);
      const res = await app.request<SetupStatus>('GET', '/api/v1/setup', { token });
      expect(res.body).toEqual(
        jasmine.objectContaining({ needed: false, offices: 1, positions: 1 }),
      );
      // The office's schedule carries the seeded Ramadan 1447 H hours (Mon-Thu 08.00-15.00 WIT
      // until Fri 20 Mar 2026). Mon 16 Mar 15:30 is after Monday's close: the start moves to Tue
      // 17 Mar 08:00; "1 Hari" later, past the national closures of Wed 18 - Tue 24, is Wed 25
      // Mar 08:00, working time in the normal week (07.30-12.00).
      const preview = await app.request<{ target: string }>('POST', '/api/v1/sla/preview', {
        token,
        body: { office: 'jayapura', start: '2026-03-16T15:30:00+09:00', duration: '1 Hari' },
      });
      expect(preview.status).withContext(preview.text).toBe(200);
      expect(preview.body.target).toBe('2026-03-25T08:00:00+09:00');
    });
  },
  {
    NODE_ENV: 'production',
    SIGAP_DEMO: 'false',
    SIGAP_ADMIN_EMAIL: ADMIN.email,
    SIGAP_ADMIN_PASSWORD: ADMIN.password,
  },
);

describe('first-run set-up: the test message over SMTP', () => {
  let db: TestDatabase;
  let app: TestApp;
  let smtp: RecordingSmtp;
  let smtpOpen = false;

  beforeAll(async () => {
    const started = await startRecordingSmtp();
    smtp = started.smtp;
    smtpOpen = true;
    db = await createTestDatabase('sqlite');
    app = await startTestApp(db, started.env);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    if (smtpOpen) await smtp.close();
    await db?.drop();
  });

  it('goes through the SMTP server; only admins may send it', async () => {
    const token = await app.token('admin@sigap.local');
    const status = await app.request<SetupStatus>('GET', '/api/v1/setup', { token });
    expect(status.body.smtp).toEqual({
      mode: 'smtp',
      description: jasmine.stringMatching(/^smtp:\/\/127\.0\.0\.1:\d+$/),
    });
    expect(status.body.needed).toBeFalse();
    const res = await app.request<TestMailResult>('POST', '/api/v1/setup/test-mail', {
      token,
      body: { to: 'operator@diskominfo.example.go.id' },
    });
    expect(res.status).withContext(res.text).toBe(200);
    expect(res.body.mode).toBe('smtp');
    const received = smtp.byMessageId(res.body.messageId);
    expect(received?.to).toEqual(['operator@diskominfo.example.go.id']);
    expect(received?.mail.subject).toBe('Sigap: e-mail uji / test message');
    for (const who of ['kadis.bali@sigap.local', 'helpdesk.bali@sigap.local']) {
      const refused = await app.request('POST', '/api/v1/setup/test-mail', {
        token: await app.token(who),
        body: { to: 'operator@diskominfo.example.go.id' },
      });
      expect(refused.status).toBe(403);
      expect(
        (await app.request('GET', '/api/v1/setup', { token: await app.token(who) })).status,
      ).toBe(403);
    }
    expect(smtp.messages.length).toBe(1);
  });

  it('answers 502 with the reason when the server cannot be reached', async () => {
    await smtp.close();
    smtpOpen = false;
    const res = await app.request<Problem>('POST', '/api/v1/setup/test-mail', {
      token: await app.token('admin@sigap.local'),
      body: { to: 'operator@diskominfo.example.go.id' },
    });
    expect(res.status).toBe(502);
    expect(res.body.code).toBe('setup.test_mail_failed');
  });
});
