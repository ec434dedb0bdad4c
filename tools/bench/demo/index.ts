/**
 * The demo's first start, timed: the application as `npm start` runs it on the embedded SQLite
 * database outside production (demo mode), in a fresh data folder, so the start generates the
 * default year of history through the domain. Prints the seconds until the application is ready,
 * the history's own seconds and where they went (per kind of domain action), then a second start
 * on the same folder, which must skip the generation.
 *
 * Run from the repository root: `bash tools/bench/demo/run.sh [--seed=N]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '@sigap/api-config';
import { createApp } from '../../../apps/api/src/create-app';

const root = resolve(__dirname, '../../..');
const seedArg = process.argv.find((a) => a.startsWith('--seed='));

async function start(
  dataDir: string,
): Promise<{ seconds: number; summary: unknown; offices: unknown[] }> {
  const config = loadConfig(
    {
      SIGAP_DATA_DIR: dataDir,
      SIGAP_SEED_DIR: join(root, 'tools/seed'),
      SIGAP_CONSOLE_DIR: join(dataDir, 'no-console'),
      SIGAP_LOG_LEVEL: 'warn',
      ...(seedArg ? { SIGAP_DEMO_HISTORY_SEED: seedArg.slice('--seed='.length) } : {}),
    },
    { cwd: root },
  );
  if (!config.demo || !config.demoHistory) throw new Error('expected demo mode with history');
  const started = process.hrtime.bigint();
  const app = await createApp(config, { logger: ['error', 'warn'] });
  await app.listen(0, '127.0.0.1');
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const data = app.get(DataSource);
  const rows = (await data.query('SELECT summary FROM demo_history WHERE id = 1')) as {
    summary: string | null;
  }[];
  // What each office's manager sees over the last 12 months.
  const since = new Date(Date.now() - 365 * 86_400_000).toISOString().replace('T', ' ');
  const offices = (await data.query(
    `SELECT o.code,
            (SELECT COUNT(*) FROM tickets t WHERE t.office_code = o.code AND t.status = 'closed'
                AND t.kind = 'request' AND t.closed_at >= ?) AS closed_requests,
            (SELECT COUNT(*) FROM survey_responses r WHERE r.office_code = o.code
                AND r.submitted_at >= ?) AS respondents
       FROM offices o ORDER BY o.code`,
    [since, since],
  )) as unknown[];
  await app.close();
  return {
    seconds,
    summary: rows[0]?.summary ? JSON.parse(rows[0].summary) : null,
    offices,
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sigap-bench-demo-'));
  try {
    const first = await start(dir);
    console.log(`first start (history generated): ${first.seconds.toFixed(1)} s`);
    console.log(`history: ${JSON.stringify(first.summary, null, 2)}`);
    console.log(`last 12 months per office: ${JSON.stringify(first.offices)}`);
    const second = await start(dir);
    console.log(`second start (history kept): ${second.seconds.toFixed(1)} s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
