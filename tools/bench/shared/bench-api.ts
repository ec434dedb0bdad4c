/**
 * The API under test, started inside the bench process on a bench database: demo data, no
 * console, the SLA sweep and the outbox worker off (delivering mail is not what is measured),
 * a login limit high enough for the load clients. `extraEnv` adds or overrides settings.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { loadConfig, type AppConfig } from '@sigap/api-config';
import { createApp } from '../../../apps/api/src/create-app';
import type { BenchServer } from './bench-server';

const ROOT = resolve(__dirname, '../../..');

export interface BenchApi {
  app: INestApplication;
  config: AppConfig;
  /** `http://127.0.0.1:<port>` */
  base: string;
  dataDir: string;
}

export async function startBenchApi(
  server: BenchServer,
  database: string,
  extraEnv: Record<string, string> = {},
): Promise<BenchApi> {
  const url = new URL(server.url.toString());
  url.pathname = `/${database}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'sigap-bench-'));
  const config = loadConfig(
    {
      NODE_ENV: 'development',
      SIGAP_DEMO: 'true',
      SIGAP_DEMO_HISTORY: 'false',
      SIGAP_JWT_SECRET: 'bench-secret-0123456789-0123456789-0123456789',
      SIGAP_SEED_DIR: join(ROOT, 'tools/seed'),
      SIGAP_DATA_DIR: dataDir,
      SIGAP_CONSOLE_DIR: join(tmpdir(), 'no-console'),
      SIGAP_SLA_SWEEP_SECONDS: '0',
      SIGAP_OUTBOX_SECONDS: '0',
      SIGAP_LOGIN_MAX_FAILURES: '1000',
      SIGAP_LOG_LEVEL: 'warn',
      DATABASE_URL: url.toString(),
      ...extraEnv,
    },
    { cwd: ROOT },
  );
  const app = await createApp(config, { logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return { app, config, base, dataDir };
}
