/**
 * `npm run openapi` (`main.js openapi [file]`): writes the API's OpenAPI document, by default to
 * `openapi.json` in the current folder. The app is built on a throw-away SQLite database in a
 * temporary folder and never listens: no server, no MariaDB, no configuration needed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { buildApiDocument } from '@sigap/api-common';
import { loadConfig } from '@sigap/api-config';
import { createApp } from '../create-app';

/** The document of the app as configured by default (nothing seeded, no jobs). */
export async function generateApiDocument(): Promise<OpenAPIObject> {
  const dir = mkdtempSync(join(tmpdir(), 'sigap-openapi-'));
  try {
    const config = loadConfig({
      NODE_ENV: 'development',
      SIGAP_DATA_DIR: dir,
      SIGAP_CONSOLE_DIR: join(dir, 'no-console'),
      SIGAP_API_DOCS: 'false',
      SIGAP_OUTBOX_SECONDS: '0',
      SIGAP_SLA_SWEEP_SECONDS: '0',
    });
    const app = await createApp(config, { logger: false });
    try {
      return buildApiDocument(app);
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function writeApiDocument(file = 'openapi.json'): Promise<string> {
  const path = resolve(file);
  const document = await generateApiDocument();
  writeFileSync(path, JSON.stringify(document, null, 2) + '\n');
  return path;
}
