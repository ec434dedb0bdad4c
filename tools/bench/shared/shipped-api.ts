/**
 * The API under test as it ships: the production bundle (`dist/apps/api/main.js`, built by
 * `nx run api:build`) in a child process of its own, on a bench database, with demo data, no
 * console, the SLA sweep and the outbox worker off. A bench that loads the API in its own
 * process runs the TypeScript sources through a loader, which costs the server CPU the product
 * never pays (measured: about a fifth more per request); this one measures the real thing.
 * `api-child-preload.js` is preloaded into the child to count its database traffic and to run
 * the CPU profiler there on request.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchServer } from './bench-server';
import { processCpuSplitMs } from './proc-cpu';

const ROOT = resolve(__dirname, '../../..');
export const SHIPPED_MAIN = join(ROOT, 'dist/apps/api/main.js');
/** The demo users' password (the product's default for `SIGAP_DEMO_PASSWORD`). */
export const DEMO_PASSWORD = 'sigap-demo';

export interface ShippedApi {
  /** `http://127.0.0.1:<port>` */
  base: string;
  pid: number;
  /** The API process's CPU time so far (ms), user and kernel. */
  cpu(): { user: number; kernel: number };
  /** Statements and bytes the API has sent to the database so far. */
  traffic(): Promise<{ statements: number; bytes: number }>;
  profileStart(): Promise<void>;
  profileStop(): Promise<unknown>;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

export async function startShippedApi(
  server: BenchServer,
  database: string,
  extraEnv: Record<string, string> = {},
): Promise<ShippedApi> {
  if (!existsSync(SHIPPED_MAIN))
    throw new Error(`${SHIPPED_MAIN} is missing: build the API first (npx nx run api:build)`);
  const built = statSync(SHIPPED_MAIN).mtime.toISOString();
  const url = new URL(server.url.toString());
  url.pathname = `/${database}`;
  const port = await freePort();
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    NODE_ENV: 'development',
    PORT: String(port),
    SIGAP_DEMO: 'true',
    SIGAP_DEMO_HISTORY: 'false',
    SIGAP_JWT_SECRET: 'bench-secret-0123456789-0123456789-0123456789',
    SIGAP_SEED_DIR: join(ROOT, 'tools/seed'),
    SIGAP_DATA_DIR: mkdtempSync(join(tmpdir(), 'sigap-bench-')),
    SIGAP_CONSOLE_DIR: join(tmpdir(), 'no-console'),
    SIGAP_SLA_SWEEP_SECONDS: '0',
    SIGAP_OUTBOX_SECONDS: '0',
    SIGAP_LOGIN_MAX_FAILURES: '1000',
    SIGAP_LOG_LEVEL: 'warn',
    DATABASE_URL: url.toString(),
    ...extraEnv,
  };
  const child: ChildProcess = fork(SHIPPED_MAIN, [], {
    cwd: ROOT,
    env,
    execArgv: ['-r', join(__dirname, 'api-child-preload.js')],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    const code = await Promise.race([exited, new Promise((r) => setTimeout(r, 250, 'wait'))]);
    if (code !== 'wait') throw new Error(`the API bundle exited (${String(code)}) while starting`);
    try {
      if ((await fetch(`${base}/api/health/live`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('the API bundle did not become ready within 120 s');
    }
  }
  let nextId = 0;
  const ask = <T>(bench: string, pick: (m: Record<string, unknown>) => T) =>
    new Promise<T>((done, fail) => {
      const id = ++nextId;
      const onMessage = (m: Record<string, unknown>) => {
        if (m?.['bench'] !== bench || m['id'] !== id) return;
        child.off('message', onMessage);
        if (m['error']) fail(new Error(String(m['error'])));
        else done(pick(m));
      };
      child.on('message', onMessage);
      child.send({ bench, id });
    });
  const pid = child.pid as number;
  process.stderr.write(`API under test: ${SHIPPED_MAIN} (built ${built}), pid ${pid}\n`);
  return {
    base,
    pid,
    cpu: () => processCpuSplitMs(pid) ?? { user: NaN, kernel: NaN },
    traffic: () => ask('traffic', (m) => m['traffic'] as { statements: number; bytes: number }),
    profileStart: () => ask('profile-start', () => undefined),
    profileStop: () => ask('profile-stop', (m) => m['profile']),
    close: async () => {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
