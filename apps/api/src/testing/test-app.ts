/**
 * Integration-test harness: a real database (MariaDB/MySQL and SQLite), the real Nest app on a
 * random port, and HTTP through `fetch`. `describeOnBothDatabases` runs a suite on each.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { LoginResponse } from '@sigap/contracts';
import { createConnection } from 'mysql2/promise';
import { AppConfig, loadConfig } from '@sigap/api-config';
import { createApp } from '../create-app';

export const REPO_ROOT = resolve(__dirname, '../../../..');
export const DEMO_PASSWORD = 'sigap-demo';
export type DbKind = 'sqlite' | 'mysql';

export interface TestDatabase {
  kind: DbKind;
  /** Environment variables that point the app at this database. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** Server URL (no database) for the test MariaDB/MySQL: SIGAP_TEST_MYSQL_URL or local root. */
function mysqlServerUrl(): URL {
  return new URL(process.env['SIGAP_TEST_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306/');
}

export async function createTestDatabase(kind: DbKind): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'sigap-test-'));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  if (kind === 'sqlite') {
    return { kind, env: { SIGAP_DATA_DIR: dir }, drop: async () => removeDir() };
  }
  const server = mysqlServerUrl();
  const name = `sigap_test_${randomBytes(6).toString('hex')}`;
  const connect = () =>
    createConnection({
      host: server.hostname,
      port: Number(server.port || 3306),
      user: decodeURIComponent(server.username || 'root'),
      password: decodeURIComponent(server.password),
    });
  const admin = await connect();
  try {
    await admin.query(
      `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await admin.end();
  }
  const url = new URL(server.toString());
  url.pathname = `/${name}`;
  return {
    kind,
    env: { SIGAP_DATA_DIR: dir, DATABASE_URL: url.toString() },
    drop: async () => {
      const conn = await connect();
      try {
        await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await conn.end();
        removeDir();
      }
    },
  };
}

/** Configuration as the tests run it: demo data, fixed secret, fast login limiter. */
export function testConfig(db: TestDatabase, env: Record<string, string> = {}): AppConfig {
  return loadConfig(
    {
      NODE_ENV: 'test',
      SIGAP_DEMO: 'true',
      SIGAP_JWT_SECRET: 'test-secret-0123456789-0123456789-0123456789',
      SIGAP_SEED_DIR: join(REPO_ROOT, 'tools/seed'),
      SIGAP_CONSOLE_DIR: join(db.env['SIGAP_DATA_DIR'], 'no-console'),
      SIGAP_TRUST_PROXY: 'true',
      SIGAP_LOGIN_MAX_FAILURES: '5',
      SIGAP_LOGIN_FREE_FAILURES: '2',
      SIGAP_LOGIN_DELAY_MS: '150',
      // The lowest cost the configuration allows keeps sign-ins quick in tests.
      SIGAP_BCRYPT_COST: '10',
      // Specs that run as production would otherwise log every request; a spec that reads the
      // log sets its own level.
      SIGAP_LOG_LEVEL: 'silent',
      ...db.env,
      ...env,
    },
    { cwd: REPO_ROOT },
  );
}

export interface RequestOptions {
  token?: string | null;
  body?: unknown;
  /** Sent as is (no JSON encoding). */
  raw?: string | Buffer;
  headers?: Record<string, string>;
}

export interface TestResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export class TestApp {
  private tokens = new Map<string, string>();
  private ipCounter = 0;

  constructor(
    readonly app: NestExpressApplication,
    readonly config: AppConfig,
    readonly baseUrl: string,
  ) {}

  /** A client address of its own (via X-Forwarded-For), so login limits do not cross tests. */
  freshIp(): string {
    this.ipCounter++;
    return `10.${(this.ipCounter >> 8) & 255}.${this.ipCounter & 255}.${Math.floor(Math.random() * 250) + 1}`;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs read loosely typed bodies
  async request<T = any>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<TestResponse<T>> {
    const headers: Record<string, string> = {
      'X-Forwarded-For': this.freshIp(),
      ...options.headers,
    };
    let body: string | Buffer | undefined;
    if (options.raw !== undefined) body = options.raw;
    else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['Content-Type'] ??= 'application/json';
    }
    if (options.token) headers['Authorization'] = `Bearer ${options.token}`;
    const response = await fetch(this.baseUrl + path, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    if (/json/.test(response.headers.get('content-type') ?? '') && text) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  async login(email: string, password = DEMO_PASSWORD): Promise<LoginResponse> {
    const response = await this.request<LoginResponse>('POST', '/api/v1/auth/login', {
      body: { email, password },
    });
    if (response.status !== 200)
      throw new Error(`login ${email} failed: ${response.status} ${response.text}`);
    return response.body;
  }

  /** Cached bearer token for a demo user. */
  async token(email: string): Promise<string> {
    let token = this.tokens.get(email);
    if (!token) {
      token = (await this.login(email)).accessToken;
      this.tokens.set(email, token);
    }
    return token;
  }

  async close(): Promise<void> {
    await this.app.close();
  }
}

export async function startTestApp(
  db: TestDatabase,
  env: Record<string, string> = {},
): Promise<TestApp> {
  const config = testConfig(db, env);
  const app = await createApp(config, { logger: false });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return new TestApp(app, config, `http://127.0.0.1:${address.port}`);
}

export const DATABASES: DbKind[] =
  process.env['SIGAP_TEST_SKIP_MYSQL'] === '1' ? ['sqlite'] : ['sqlite', 'mysql'];

/**
 * Declares the suite once per database. `ctx()` gives the running app inside specs.
 */
export function describeOnBothDatabases(
  name: string,
  body: (ctx: () => TestApp, kind: DbKind) => void,
  env: Record<string, string> = {},
): void {
  for (const kind of DATABASES) {
    describe(`${name} [${kind}]`, () => {
      let db: TestDatabase | undefined;
      let app: TestApp | undefined;
      beforeAll(async () => {
        db = await createTestDatabase(kind);
        app = await startTestApp(db, env);
      }, 60_000);
      afterAll(async () => {
        await app?.close();
        await db?.drop();
      }, 30_000);
      body(() => {
        if (!app) throw new Error('app not started');
        return app;
      }, kind);
    });
  }
}
