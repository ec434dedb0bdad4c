import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '@sigap/contracts';
import { createTestDatabase, startTestApp, TestApp, TestDatabase } from '../testing/test-app';

describe('HTTP surface', () => {
  let db: TestDatabase;
  let app: TestApp;
  let consoleDir: string;

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    consoleDir = join(db.env['SIGAP_DATA_DIR'], 'console');
    app = await startTestApp(db, {
      SIGAP_CONSOLE_DIR: consoleDir,
      SIGAP_ADMIN_EMAIL: 'Admin@Kominfo.go.id',
      SIGAP_ADMIN_PASSWORD: 'rahasia-pertama',
    });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('says plainly that the console is not built', async () => {
    const res = await app.request('GET', '/', { headers: { Accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.text).toContain('Konsol belum dibangun');
  });

  it('serves the built console with an SPA fallback, but not under /api', async () => {
    mkdirSync(consoleDir, { recursive: true });
    writeFileSync(join(consoleDir, 'index.html'), '<!doctype html><title>Konsol Sigap</title>');
    writeFileSync(join(consoleDir, 'main.js'), 'console.log(1);');
    const deep = await app.request('GET', '/tiket/123', { headers: { Accept: 'text/html' } });
    expect(deep.status).toBe(200);
    expect(deep.text).toContain('Konsol Sigap');
    const asset = await app.request('GET', '/main.js');
    expect(asset.text).toBe('console.log(1);');
    const api = await app.request<Problem>('GET', '/api/tidak-ada', {
      headers: { Accept: 'text/html' },
    });
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
    expect(api.body.code).toBe('route.not_found');
  });

  it('sends security headers and no CORS by default', async () => {
    const res = await app.request('GET', '/api/health', {
      headers: { Origin: 'https://evil.example' },
    });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain(
      "script-src-attr 'unsafe-hashes' 'sha256-",
    );
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a malformed JSON body with a 400 problem', async () => {
    const res = await app.request<Problem>('POST', '/api/v1/auth/login', {
      raw: '{"email": "a@b",',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code).toBe('request.malformed_json');
    expect(res.text).not.toContain(' at ');
  });

  it('answers an oversized JSON body with a 413 problem', async () => {
    const res = await app.request<Problem>('POST', '/api/v1/auth/login', {
      body: { email: 'a@b.c', password: 'x'.repeat(1_100_000) },
    });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('request.too_large');
  });

  it('lists field paths for bad login bodies', async () => {
    const res = await app.request<Problem>('POST', '/api/v1/auth/login', {
      body: { email: 5, extra: true },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation.failed');
    const paths = res.body.errors!.map((e) => e.path).sort();
    expect(paths).toEqual(['email', 'extra', 'password']);
  });

  it('creates the first admin from SIGAP_ADMIN_EMAIL and SIGAP_ADMIN_PASSWORD', async () => {
    const login = await app.login('admin@kominfo.go.id', 'rahasia-pertama');
    expect(login.user.roles).toEqual(['admin']);
    expect(login.user.office).toBeNull();
  });

  it('answers a non-numeric version with a 400 problem naming it', async () => {
    const token = await app.token('admin@sigap.local');
    const res = await app.request<Problem>(
      'GET',
      '/api/v1/catalog/services/bali/pengembangan-aplikasi/versions/terbaru',
      { token },
    );
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'version', message: 'harus berupa bilangan bulat' }]);
  });

  it('publishes the OpenAPI document', async () => {
    const res = await app.request<{ openapi: string; info: { title: string } }>(
      'GET',
      '/api/docs-json',
    );
    expect(res.status).toBe(200);
    expect(res.body.info.title).toBe('Sigap API');
  });
});
