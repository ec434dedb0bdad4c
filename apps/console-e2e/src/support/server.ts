import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createConnection } from 'mysql2/promise';

const root = resolve(__dirname, '../../../..');

/** Token of the inbound mail endpoint in the e2e run (`POST /api/v1/inbound/mail`). */
export const E2E_INBOUND_TOKEN = 'e2e-inbound-token-0123456789abcdef';

export interface RunningSigap {
  baseUrl: string;
  /** The server's data folder (outgoing mail is kept under `mail/kept/` without SMTP). */
  dataDir: string;
  /** The fresh MariaDB database's URL; null on the embedded SQLite. */
  databaseUrl: string | null;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? ok(address.port) : fail()));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`Sigap exited with ${child.exitCode} before it was ready:\n${log()}`);
    }
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Sigap did not become healthy within 90 s:\n${log()}`);
}

/**
 * Starts the built API (which serves the built console) on a free port, on a fresh MariaDB
 * database (dropped afterwards) — or on a fresh embedded SQLite when SIGAP_E2E_DB=sqlite.
 */
export async function startSigap(
  /** More settings, given the address the server will answer on (e.g. single sign-on). */
  extraEnv: (
    baseUrl: string,
  ) => Promise<Record<string, string>> | Record<string, string> = () => ({}),
): Promise<RunningSigap> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'sigap-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    SIGAP_DATA_DIR: dataDir,
    SIGAP_DEMO: 'true',
    // The journeys count on a known, empty demo; the year of history has its own tests.
    SIGAP_DEMO_HISTORY: 'false',
    NODE_ENV: 'development',
    SIGAP_INBOUND_TOKEN: E2E_INBOUND_TOKEN,
    ...(await extraEnv(`http://127.0.0.1:${port}`)),
  };
  let dropDb: (() => Promise<void>) | null = null;
  if (process.env['SIGAP_E2E_DB'] !== 'sqlite') {
    const adminUrl = process.env['SIGAP_TEST_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306/mysql';
    const name = `sigap_e2e_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
    const conn = await createConnection(adminUrl);
    await conn.query(
      `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    await conn.end();
    const dbUrl = new URL(adminUrl);
    dbUrl.pathname = `/${name}`;
    env['DATABASE_URL'] = dbUrl.toString();
    dropDb = async () => {
      const c = await createConnection(adminUrl);
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    };
  }
  let output = '';
  const child = spawn(process.execPath, ['dist/apps/api/main.js'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseUrl, child, () => output);
  } catch (e) {
    child.kill('SIGKILL');
    await dropDb?.();
    throw e;
  }
  return {
    baseUrl,
    dataDir,
    databaseUrl: env['DATABASE_URL'] ?? null,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      await dropDb?.();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
