import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { createServer as createTcpServer, type Server } from 'node:net';
import express from 'express';
import { pinoHttp } from 'pino-http';
import { InboundMailService } from '@sigap/api-mail';
import { SlaSweepService } from '@sigap/api-tickets';
import {
  createTestDatabase,
  describeOnBothDatabases,
  startTestApp,
  testConfig,
  type TestApp,
  DATABASES,
  type TestDatabase,
} from '../testing/test-app';
import { safePath } from '@sigap/api-common';
import { loggerParams } from '@sigap/api-observability';

describeOnBothDatabases('observability: metrics and health', (ctx) => {
  let app: TestApp;
  beforeAll(() => (app = ctx()));

  it('serves Prometheus metrics: routes by pattern, jobs, outbox and SLA figures', async () => {
    const token = await app.token('helpdesk.bali@sigap.local');
    await app.request('GET', '/api/v1/tickets/BALI-2026-999999', { token });
    await app.app.get(SlaSweepService).sweepOnce();
    const mail = await app.app
      .get(InboundMailService)
      .accept(
        Buffer.from(
          'From: Orang Asing <asing@contoh.invalid>\r\nTo: helpdesk@sigap.local\r\n' +
            'Subject: Halo\r\nMessage-ID: <metrik-1@contoh.invalid>\r\n\r\nIsi.\r\n',
        ),
      );
    const res = await fetch(`${app.baseUrl}/metrics`, { headers: { Accept: '*/*' } });
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(text).toMatch(
      /sigap_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/tickets\/:number",status="4xx"\} [1-9]/,
    );
    // The raw path never becomes a label.
    expect(text).not.toContain('BALI-2026-999999');
    expect(text).toMatch(/sigap_job_duration_seconds_count\{job="sla-sweep",outcome="ok"\} [1-9]/);
    expect(text).toContain(`sigap_inbound_messages_total{action="${mail.action}"} 1`);
    expect(text).toContain('sigap_outbox_messages');
    expect(text).toMatch(/sigap_outbox_oldest_pending_seconds \d/);
    expect(text).toContain('sigap_tickets_sla');
    expect(text).toContain('sigap_process_resident_memory_bytes');
  });

  it('answers live and ready, and stamps every response with a request id', async () => {
    const live = await app.request('GET', '/api/health/live');
    expect(live.status).toBe(200);
    expect(live.body.status).toBe('alive');
    const ready = await app.request('GET', '/api/health/ready');
    expect(ready.status).withContext(ready.text).toBe(200);
    expect(ready.body.status).toBe('ready');
    const names = (ready.body.checks as { name: string; ok: boolean }[]).map((c) => c.name);
    expect(names).toEqual(['startup', 'database', 'migrations', 'disk', 'smtp', 'imap']);
    expect(ready.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const given = await app.request('GET', '/api/health/live', {
      headers: { 'X-Request-Id': 'lb-trace-0001' },
    });
    expect(given.headers.get('x-request-id')).toBe('lb-trace-0001');
    const forged = await app.request('GET', '/api/health/live', {
      headers: { 'X-Request-Id': 'bad id; "quoted" <script>' },
    });
    expect(forged.headers.get('x-request-id')).not.toContain('bad');
  });
});

describe('observability: settings', () => {
  let db: TestDatabase;
  let smtpDown: Server;
  let closedPort: number;

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    // A port that refuses connections: bind, note it, close.
    smtpDown = createTcpServer();
    await new Promise<void>((r) => smtpDown.listen(0, '127.0.0.1', r));
    closedPort = (smtpDown.address() as AddressInfo).port;
    await new Promise<void>((r) => smtpDown.close(() => r()));
  }, 60_000);
  afterAll(async () => db?.drop(), 30_000);

  it('in production, /metrics is closed without a token and needs the bearer with one', async () => {
    const closed = await startTestApp(db, { NODE_ENV: 'production' });
    try {
      expect((await closed.request('GET', '/metrics')).status).toBe(404);
    } finally {
      await closed.close();
    }
    const secured = await startTestApp(db, {
      NODE_ENV: 'production',
      SIGAP_METRICS_TOKEN: 'metrik-rahasia-0123456789',
    });
    try {
      expect((await secured.request('GET', '/metrics')).status).toBe(401);
      const wrong = await secured.request('GET', '/metrics', {
        headers: { Authorization: 'Bearer metrik-rahasia-012345678X' },
      });
      expect(wrong.status).toBe(401);
      const right = await secured.request('GET', '/metrics', {
        headers: { Authorization: 'Bearer metrik-rahasia-0123456789' },
      });
      expect(right.status).toBe(200);
      expect(right.text).toContain('sigap_http_request_duration_seconds');
    } finally {
      await secured.close();
    }
  }, 60_000);

  it('is not ready when the disk is short; mail is reported, and critical only when asked', async () => {
    const full = await startTestApp(db, { SIGAP_HEALTH_MIN_FREE_MB: String(1024 * 1024 * 1024) });
    try {
      const res = await full.request('GET', '/api/health/ready');
      expect(res.status).toBe(503);
      const disk = res.body.checks.find((c: { name: string }) => c.name === 'disk');
      expect(disk.ok).toBeFalse();
      // Liveness does not depend on it: the process still serves.
      expect((await full.request('GET', '/api/health/live')).status).toBe(200);
    } finally {
      await full.close();
    }
    const smtp = `smtp://127.0.0.1:${closedPort}`;
    const lenient = await startTestApp(db, { SIGAP_SMTP_URL: smtp, SIGAP_SMTP_TLS: 'off' });
    try {
      const res = await lenient.request('GET', '/api/health/ready');
      expect(res.status).toBe(200);
      const check = res.body.checks.find((c: { name: string }) => c.name === 'smtp');
      expect(check.ok).toBeFalse();
      expect(check.critical).toBeFalse();
    } finally {
      await lenient.close();
    }
    const strict = await startTestApp(db, {
      SIGAP_SMTP_URL: smtp,
      SIGAP_SMTP_TLS: 'off',
      SIGAP_READY_REQUIRES_MAIL: 'true',
    });
    try {
      expect((await strict.request('GET', '/api/health/ready')).status).toBe(503);
    } finally {
      await strict.close();
    }
  }, 90_000);

  it('is ready on a server database with a data folder that did not exist yet', async () => {
    if (!DATABASES.includes('mysql')) return pending('MariaDB dilewati (SIGAP_TEST_SKIP_MYSQL)');
    const server = await createTestDatabase('mysql');
    const dataDir = join(server.env['SIGAP_DATA_DIR'] ?? '', 'belum-ada');
    // Every secret given, so nothing the app writes on its own creates the folder.
    const app = await startTestApp(server, {
      SIGAP_DATA_DIR: dataDir,
      SIGAP_MAIL_MARKER_SECRET: 'penanda-surat-0123456789-0123456789',
      SIGAP_SURVEY_SECRET: 'survei-0123456789-0123456789-0123456789',
    });
    try {
      const res = await app.request('GET', '/api/health/ready');
      expect(res.status).withContext(res.text).toBe(200);
      expect(existsSync(dataDir)).toBeTrue();
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    } finally {
      await app.close();
      await server.drop();
    }
  }, 60_000);

  it('logs one JSON access line with request id, route, user and office, and no secrets', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    const config = testConfig(db, { SIGAP_LOG_LEVEL: 'info' });
    const options = loggerParams(config).pinoHttp as Record<string, unknown>;
    const web = express();
    web.use(pinoHttp({ ...options, stream: sink } as never));
    web.use((req, _res, next) => {
      (req as unknown as { user: unknown }).user = { id: 'u-1', office: 'bali', roles: ['agent'] };
      next();
    });
    web.get('/api/v1/tickets/:number', (_req, res) => void res.status(404).json({ ok: false }));
    web.get('/api/v1/portal/track/:token', (_req, res) => void res.json({ ok: true }));
    const server = web.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      await fetch(`${base}/api/v1/tickets/BALI-2026-000001?secret=abc`, {
        headers: { Authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.rahasia', Cookie: 'sigap_portal=x' },
      });
      await fetch(`${base}/api/v1/portal/track/Zq8v2kLmN0pQrStUvWxYz123456`);
    } finally {
      server.close();
    }
    expect(lines.length).toBe(2);
    const first = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(first['level']).toBe('warn');
    expect(first['requestId']).toMatch(/^[0-9a-f-]{36}$/);
    expect(first['route']).toBe('/api/v1/tickets/:number');
    expect(first['user']).toBe('u-1');
    expect(first['office']).toBe('bali');
    expect(first['msg']).toBe('GET /api/v1/tickets/BALI-2026-000001 404');
    expect(typeof first['durationMs']).toBe('number');
    const all = lines.join('\n');
    expect(all).not.toContain('rahasia');
    expect(all).not.toContain('sigap_portal');
    expect(all).not.toContain('secret=abc');
    expect(all).not.toContain('Zq8v2kLmN0pQrStUvWxYz123456');
    expect(JSON.parse(lines[1])['msg']).toBe('GET /api/v1/portal/track/:secret 200');
  });

  it('masks credential-looking path segments but keeps ticket numbers and ids', () => {
    expect(safePath('/api/v1/survey/abcDEF0123456789_-xyz00?x=1')).toBe('/api/v1/survey/:secret');
    expect(safePath('/api/v1/tickets/RIAU-2026-000123/timeline')).toBe(
      '/api/v1/tickets/RIAU-2026-000123/timeline',
    );
    expect(safePath('/api/v1/attachments/0b7c4a6e-3f1d-4b8a-9c2e-5d6f7a8b9c0d')).toBe(
      '/api/v1/attachments/0b7c4a6e-3f1d-4b8a-9c2e-5d6f7a8b9c0d',
    );
  });
});
