import { request as httpRequest } from 'node:http';
import { DataSource } from 'typeorm';
import { OutboxEntity } from '@sigap/api-outbox';
import { PortalAuthService } from '@sigap/api-portal';
import { nginxInstalled, NGINX_BIN, TestNginx } from './testing/nginx';
import { describeOnBothDatabases, type TestApp } from './testing/test-app';

interface Answer {
  status: number;
  /** Header name (lower case) to every value sent under it, in order. */
  headers: Map<string, string[]>;
  body: string;
}

/** The headers helmet sets on the API's answers, which the pages must carry too. */
const SECURITY_HEADERS = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'strict-transport-security',
  'x-content-type-options',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];

/**
 * The API behind the project's own nginx configuration (docker/nginx.conf), with the
 * SIGAP_TRUST_PROXY that names the proxy. Clients are told apart by their source address:
 * sockets bound to distinct loopback addresses (Linux routes all of 127.0.0.0/8 to lo).
 */
describeOnBothDatabases(
  'behind the project nginx',
  (ctx) => {
    let app: TestApp;
    let nginx: TestNginx;
    let nextClient = 10;

    /** A loopback address of its own for each simulated client (never anything else). */
    const newClient = () => `127.0.0.${nextClient++}`;

    function send(
      from: string,
      method: string,
      path: string,
      options: { headers?: Record<string, string>; body?: unknown } = {},
    ): Promise<Answer> {
      if (!/^127\.\d+\.\d+\.\d+$/.test(from)) throw new Error('loopback client addresses only');
      const body = options.body === undefined ? undefined : JSON.stringify(options.body);
      return new Promise((resolve, reject) => {
        const req = httpRequest(
          `${nginx.baseUrl}${path}`,
          {
            method,
            localAddress: from,
            headers: {
              ...(body ? { 'Content-Type': 'application/json' } : {}),
              ...options.headers,
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => {
              const headers = new Map<string, string[]>();
              for (let i = 0; i < res.rawHeaders.length; i += 2) {
                const name = res.rawHeaders[i].toLowerCase();
                headers.set(name, [...(headers.get(name) ?? []), res.rawHeaders[i + 1]]);
              }
              resolve({
                status: res.statusCode ?? 0,
                headers,
                body: Buffer.concat(chunks).toString('utf8'),
              });
            });
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    }

    const signIn = (from: string, email: string, password: string, forged?: string) =>
      send(from, 'POST', '/api/v1/auth/login', {
        body: { email, password },
        headers: forged ? { 'X-Forwarded-For': forged } : {},
      });

    beforeAll(async () => {
      if (!nginxInstalled()) {
        throw new Error(`nginx is not installed at ${NGINX_BIN} (tools/ci/install-system-deps.sh)`);
      }
      app = ctx();
      nginx = await TestNginx.start(app.baseUrl, {
        'index.html': '<!doctype html><title>Sigap</title><sg-root></sg-root>',
        'main-ABC123.js': 'console.log("sigap");',
      });
    }, 30_000);

    afterAll(async () => {
      await nginx?.stop();
    });

    it('ten failed sign-ins from one client do not lock out another', async () => {
      const noisy = newClient();
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) {
        statuses.push((await signIn(noisy, `tebak.${i}@contoh.go.id`, 'salah-salah')).status);
      }
      // Limited by its own address (each attempt named a different e-mail).
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(statuses.slice(5)).toEqual([429, 429, 429, 429, 429]);

      const other = await signIn(newClient(), 'helpdesk.bali@sigap.local', 'sigap-demo');
      expect(other.status).withContext(other.body).toBe(200);
      const failedElsewhere = await signIn(newClient(), 'tebak.lain@contoh.go.id', 'salah');
      expect(failedElsewhere.status).toBe(401);
    }, 60_000);

    it('a forged leftmost X-Forwarded-For does not get around the limit', async () => {
      const forger = newClient();
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) {
        const forged = `198.51.100.${i + 1}, 203.0.113.${i + 1}`;
        statuses.push((await signIn(forger, `palsu.${i}@contoh.go.id`, 'salah', forged)).status);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    }, 60_000);

    it('portal cookies stay Secure behind a TLS-terminating proxy, and only then', async () => {
      const ds = app.app.get(DataSource);
      const opd = await app.request('POST', '/api/v1/opds', {
        token: await app.token('admin@sigap.local'),
        body: { office: 'bali', name: 'Dinas Uji Proksi', emailDomains: ['proksi-uji.go.id'] },
      });
      expect(opd.status).withContext(opd.text).toBe(201);

      const session = async (email: string, proto: Record<string, string>) => {
        const client = newClient();
        const link = await send(client, 'POST', '/api/v1/portal/auth/link', { body: { email } });
        expect(link.status).toBe(202);
        await app.app.get(PortalAuthService).settled();
        const rows = await ds.getRepository(OutboxEntity).findBy({ kind: 'portal.sign-in-link' });
        const token = rows
          .map((r) => JSON.parse(r.payload) as { email: string; token: string })
          .find((p) => p.email === email)?.token;
        expect(token).withContext(`no link for ${email}`).toBeDefined();
        const res = await send(client, 'POST', '/api/v1/portal/auth/session', {
          body: { token },
          headers: proto,
        });
        expect(res.status).withContext(res.body).toBe(200);
        return res.headers.get('set-cookie') ?? [];
      };

      // The load balancer in front terminated TLS and says so.
      const secure = await session('ani@proksi-uji.go.id', { 'X-Forwarded-Proto': 'https' });
      expect(secure.length).toBe(2);
      for (const cookie of secure) expect(cookie).toMatch(/;\s*Secure/i);
      // Plain http all the way: no Secure (the browser would drop the cookie).
      const plain = await session('budi@proksi-uji.go.id', {});
      expect(plain.length).toBe(2);
      for (const cookie of plain) expect(cookie).not.toMatch(/;\s*Secure/i);
    }, 60_000);

    it('pages carry the same security headers as the API, once each, with the same CSP', async () => {
      const client = newClient();
      const api = await send(client, 'GET', '/api/health');
      expect(api.status).toBe(200);
      const page = await send(client, 'GET', '/permohonan/123', {
        headers: { Accept: 'text/html' },
      });
      const asset = await send(client, 'GET', '/main-ABC123.js');
      expect(page.status).toBe(200);
      expect(page.body).toContain('<sg-root>');
      expect(asset.status).toBe(200);
      expect(page.headers.get('cache-control')).toEqual(['no-store']);
      expect(asset.headers.get('cache-control')).toEqual(['max-age=31536000', 'public, immutable']);
      for (const name of SECURITY_HEADERS) {
        const expected = api.headers.get(name);
        expect(expected?.length).withContext(`API ${name}`).toBe(1);
        expect(page.headers.get(name)).withContext(`page ${name}`).toEqual(expected!);
        expect(asset.headers.get(name)).withContext(`asset ${name}`).toEqual(expected!);
      }
      // A 404 of a missing asset is covered as well (`always`).
      const missing = await send(client, 'GET', '/tidak-ada.js');
      expect(missing.status).toBe(404);
      expect(missing.headers.get('x-frame-options')).toEqual(api.headers.get('x-frame-options')!);
    });

    it('keeps /api/ on the API, its documentation assets included', async () => {
      const client = newClient();
      const css = await send(client, 'GET', '/api/docs/swagger-ui.css');
      expect(css.status).toBe(200);
      expect(css.headers.get('content-type')?.[0]).toContain('text/css');
      // The API's own (stricter) headers pass unchanged: not doubled, not replaced.
      expect(css.headers.get('x-frame-options')?.length).toBe(1);
      expect(css.headers.get('cache-control')).not.toEqual([
        'max-age=31536000',
        'public, immutable',
      ]);
      const unknown = await send(client, 'GET', '/api/tidak-ada.js');
      expect(unknown.status).toBe(404);
      expect(unknown.headers.get('content-type')?.[0]).toContain('application/problem+json');
    });
  },
  // nginx reaches the API from 127.0.0.1: that proxy, and only it, is trusted.
  { SIGAP_TRUST_PROXY: '127.0.0.1' },
);
