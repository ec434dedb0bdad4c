/**
 * Tickets benchmark on MariaDB, in one run:
 * 1. the agent queue: `GET /api/v1/tickets?open=true&limit=50` (one office's open tickets sorted
 *    by due, first page) over a database of --tickets (default 1,000,000) seeded tickets:
 *    p50 / p99 latency through HTTP (goal p99 < 30 ms);
 * 2. opening tickets through `POST /api/v1/tickets` with --clients (default 10) concurrent
 *    clients, each ticket with its checklist, steps, clock events, timeline, outbox and audit
 *    rows (at least 300/s, goal 600). The clients run in a child process; the CPU time of the
 *    API (this process), of the clients and of the MariaDB server (read from /proc when it runs
 *    on this machine) are printed per opening: figures that hold when the machine is busy;
 * 3. the ceiling: raw mysql2 transactions writing the same rows (copied from an opened ticket,
 *    outbox rows included) with the same statements in the same two requests (one multi-row
 *    insert per table and the counter; then the number, outbox and audit rows) but none of the
 *    opening's reads, validation, HTTP or answer, on as many connections; our rate as a share
 *    of it.
 *
 * Run from the repository root: `bash tools/bench/tickets/run.sh` (MariaDB at
 * SIGAP_BENCH_MYSQL_URL, default mysql://root@127.0.0.1:3306/). The database
 * `sigap_bench_tickets` is created on the first run (multi-row inserts, a few minutes) and
 * reused while it holds the right number of seeded tickets. Options: --tickets=N, --opens=N
 * (default 3000), --clients=N, --queue-requests=N (default 500), --fresh (drop and re-seed),
 * --buffer-pool-mb=N (default 2048: the InnoDB buffer pool the run gives a smaller server, set at
 * run time, printed and put back at the end; 0 leaves the server as it is).
 * The outbox worker and the SLA sweep are off during the run: delivering mail is not opening.
 * After the measured load, a second, shorter one runs under the CPU profiler: the API's CPU per
 * opening is printed by phase (HTTP and framework, authentication, validation, reads, domain and
 * row building, statements, response, GC; see phases.ts), with the statements and bytes each
 * opening sends to MariaDB. SIGAP_BENCH_PROFILE=file.cpuprofile also writes that profile out.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { fork } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createConnection, createPool, type Pool, type RowDataPacket } from 'mysql2/promise';
import { databaseCpuMs } from '../shared/proc-cpu';
import { dropMysqlFullTextIndex } from '@sigap/api-database';
import { benchServer } from '../shared/bench-server';
import { sizeBufferPool } from '../shared/buffer-pool';
import { DEMO_PASSWORD, SHIPPED_MAIN, startShippedApi } from '../shared/shipped-api';
import { bundleSources, PHASES, phaseTimes, type CpuProfile } from './phases';

const arg = (name: string, fallback: number): number => {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  return found ? Number(found.split('=')[1]) : fallback;
};
const TICKETS = arg('tickets', 1_000_000);
const OPENS = arg('opens', 3000);
const CLIENTS = arg('clients', 10);
const QUEUE_REQUESTS = arg('queue-requests', 500);
const FRESH = process.argv.includes('--fresh');
/** InnoDB buffer pool the run needs (MiB): the tickets table and its indexes are about 1 GB. */
const BUFFER_POOL_MB = arg('buffer-pool-mb', 2048);

const ROOT = resolve(__dirname, '../../..');
const DB = 'sigap_bench_tickets';
const bench = benchServer();
const { url: server, conn, transport } = bench;

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (n: number) => `${n.toFixed(1)} ms`;
const log = (line: string) => console.log(line);

async function seededCount(pool: Pool): Promise<number> {
  try {
    const [rows] = await pool.query<RowDataPacket[]>(
      "SELECT COUNT(*) AS n FROM tickets WHERE description = 'bench'",
    );
    return Number(rows[0]['n']);
  } catch {
    return -1;
  }
}

/** Seeds TICKETS tickets spread over the offices and their services (multi-row inserts). */
async function seed(pool: Pool): Promise<void> {
  const [services] = await pool.query<RowDataPacket[]>(
    'SELECT s.id, s.code, s.office_code, o.ticket_prefix FROM catalog_services s JOIN offices o ON o.code = s.office_code',
  );
  const contacts = new Map<string, string>();
  for (const office of new Set(services.map((s) => s['office_code'] as string))) {
    const id = randomUUID();
    await pool.query(
      'INSERT INTO requester_contacts (id, office_code, name, email, created_at) VALUES (?, ?, ?, ?, NOW(3))',
      [id, office, 'Pemohon Bench', `bench@${office}.go.id`],
    );
    contacts.set(office, id);
  }
  const started = Date.now();
  const batch = 5000;
  // Secondary indexes are dropped during the load and rebuilt afterwards (a sorted build is far
  // faster than a million random index insertions); their definitions are read back first so
  // the rebuilt ones are exactly the migration's.
  const indexes = await secondaryIndexes(pool);
  const base = Date.UTC(2025, 0, 1);
  const conn2 = await pool.getConnection();
  await conn2.query('SET foreign_key_checks = 0, unique_checks = 0');
  for (const ix of indexes) {
    if (ix.fullText) await dropMysqlFullTextIndex((sql) => conn2.query(sql), 'tickets', ix.name);
    else await conn2.query(`ALTER TABLE tickets DROP INDEX \`${ix.name}\``);
  }
  for (let from = 0; from < TICKETS; from += batch) {
    const values: unknown[][] = [];
    for (let i = from; i < Math.min(TICKETS, from + batch); i++) {
      const s = services[i % services.length];
      // Ascending ids (same shape as a UUID) so the clustered index is appended to, not split.
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      const open = i % 10 < 2; // 20 % open
      const created = new Date(base + (i % 300) * 86_400_000 + (i % 3600) * 1000);
      const due = open
        ? new Date(created.getTime() + ((i * 7919) % 60) * 86_400_000)
        : new Date('9999-12-31T00:00:00Z');
      values.push([
        id,
        `${s['ticket_prefix']}-2025-B${String(i).padStart(7, '0')}`,
        s['office_code'],
        s['id'],
        s['code'],
        1,
        'letter',
        contacts.get(s['office_code']),
        null,
        `Tiket uji ${i}`,
        'bench',
        open ? 'in-progress' : 'closed',
        open ? 1 : 0,
        null,
        1,
        1,
        null,
        created,
        created,
        created,
        null,
        null,
        open ? 'running' : 'met',
        due,
        null,
        null,
        null,
        null,
        'met',
        null,
        null,
        null,
      ]);
    }
    await conn2.query(
      `INSERT INTO tickets (id, number, office_code, service_id, service_code, service_version, channel,
        requester_contact_id, opd_id, subject, description, status, is_open, assignee_id, version,
        clock_round, created_by, created_at, updated_at, received_at, resolved_at, closed_at,
        sla_state, due_at, target_due_at, at_risk_at, calendar_version, sla_snapshot,
        first_response_state, first_response_due_at, first_response_at, alerted) VALUES ?`,
      [values],
    );
    if ((from / batch) % 40 === 0)
      log(
        `  seeded ${from + values.length} tickets (${((Date.now() - started) / 1000).toFixed(0)} s)`,
      );
  }
  log(
    `  loaded in ${((Date.now() - started) / 1000).toFixed(1)} s; rebuilding ${indexes.length} indexes`,
  );
  const columnsOf = (ix: { columns: string[] }) => ix.columns.map((c) => `\`${c}\``).join(', ');
  await conn2.query(
    `ALTER TABLE tickets ${indexes
      .filter((ix) => !ix.fullText)
      .map((ix) => `ADD ${ix.unique ? 'UNIQUE ' : ''}INDEX \`${ix.name}\` (${columnsOf(ix)})`)
      .join(', ')}`,
  );
  // InnoDB builds one FULLTEXT index per statement.
  for (const ix of indexes.filter((i) => i.fullText))
    await conn2.query(`ALTER TABLE tickets ADD FULLTEXT INDEX \`${ix.name}\` (${columnsOf(ix)})`);
  await conn2.query('SET foreign_key_checks = 1, unique_checks = 1');
  conn2.release();
  await pool.query('ANALYZE TABLE tickets');
  log(`  seeded ${TICKETS} tickets in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Secondary indexes of `tickets` that a plain `ADD INDEX` can rebuild (not the FKs' own). */
async function secondaryIndexes(
  pool: Pool,
): Promise<{ name: string; unique: boolean; fullText: boolean; columns: string[] }[]> {
  const [rows] = await pool.query<RowDataPacket[]>(
    `SELECT INDEX_NAME AS name, NON_UNIQUE AS nonUnique, INDEX_TYPE AS type, COLUMN_NAME AS col
       FROM information_schema.STATISTICS
      WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'tickets'
        AND INDEX_NAME <> 'PRIMARY' AND INDEX_NAME NOT LIKE 'fk%'
      ORDER BY INDEX_NAME, SEQ_IN_INDEX`,
    [DB],
  );
  const byName = new Map<
    string,
    { name: string; unique: boolean; fullText: boolean; columns: string[] }
  >();
  for (const r of rows) {
    const name = r['name'] as string;
    const entry = byName.get(name) ?? {
      name,
      unique: Number(r['nonUnique']) === 0,
      fullText: r['type'] === 'FULLTEXT',
      columns: [],
    };
    entry.columns.push(r['col'] as string);
    byName.set(name, entry);
  }
  return [...byName.values()];
}

async function main(): Promise<void> {
  // Reuse the bench database only when it holds exactly the seeded tickets; otherwise (or with
  // --fresh, or after an interrupted load) it is dropped and built again.
  const admin = await createConnection(conn);
  await admin.query(
    `CREATE DATABASE IF NOT EXISTS \`${DB}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  );
  const probe = createPool({ ...conn, database: DB, connectionLimit: 1 });
  const existing = await seededCount(probe);
  await probe.end();
  const reuse = existing === TICKETS && !FRESH;
  if (!reuse) {
    await admin.query(`DROP DATABASE IF EXISTS \`${DB}\``);
    await admin.query(`CREATE DATABASE \`${DB}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  }
  const bufferPool = await sizeBufferPool(admin, BUFFER_POOL_MB);
  // multipleStatements: the ceiling sends its writes in the same two requests the API does.
  const pool = createPool({
    ...conn,
    database: DB,
    connectionLimit: CLIENTS + 2,
    timezone: 'Z',
    multipleStatements: true,
  });

  const api = await startShippedApi(bench, DB);
  const { base } = api;

  log(`mariadb via ${transport}`);

  log(`database ${DB}: ${reuse ? `reused, ${existing} seeded tickets` : 'new'}`);
  log(`innodb_buffer_pool_size ${bufferPool.text}`);
  if (!reuse) await seed(pool);
  else await forgetEarlierOpenings(pool);

  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'helpdesk.bali@sigap.local', password: DEMO_PASSWORD }),
  });
  const token = ((await login.json()) as { accessToken: string }).accessToken;
  const auth = { Authorization: `Bearer ${token}` };

  // 1. Agent queue.
  const queue = async () => {
    const t0 = performance.now();
    const res = await fetch(`${base}/api/v1/tickets?open=true&limit=50`, { headers: auth });
    const body = (await res.json()) as { items: unknown[] };
    if (res.status !== 200 || body.items.length !== 50) throw new Error(`queue: ${res.status}`);
    return performance.now() - t0;
  };
  for (let i = 0; i < 20; i++) await queue();
  const times: number[] = [];
  for (let i = 0; i < QUEUE_REQUESTS; i++) times.push(await queue());
  times.sort((a, b) => a - b);
  const [explain] = await pool.query<RowDataPacket[]>(
    "EXPLAIN SELECT id FROM tickets WHERE office_code = 'bali' AND is_open = 1 ORDER BY due_at, id LIMIT 50",
  );
  log(
    `agent queue (bali, open, first 50 by due; ${QUEUE_REQUESTS} requests): p50 ${ms(pct(times, 50))}, p99 ${ms(pct(times, 99))}, max ${ms(times[times.length - 1])} [index ${explain[0]['key']}]`,
  );

  // 2. Opening through the API.
  const [contact] = await pool.query<RowDataPacket[]>(
    "SELECT id FROM requester_contacts WHERE office_code = 'bali' LIMIT 1",
  );
  const body = JSON.stringify({
    office: 'bali',
    service: 'pengembangan-aplikasi',
    channel: 'letter',
    subject: 'Permohonan bench',
    description: 'Dibuka oleh bench.',
    requesterId: contact[0]['id'],
  });
  const openOne = async () => {
    const res = await fetch(`${base}/api/v1/tickets`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body,
    });
    const text = await res.text();
    if (res.status !== 201) throw new Error(`open: ${res.status} ${text}`);
    return (JSON.parse(text) as { number: string }).number;
  };
  const sample = await openOne();
  for (let i = 0; i < 50; i++) await openOne(); // warm-up
  // One client alone: latency and statements per opening (counted in the API's driver).
  const single0 = await api.traffic();
  const single: number[] = [];
  for (let i = 0; i < 100; i++) {
    const s0 = performance.now();
    await openOne();
    single.push(performance.now() - s0);
  }
  const perOpening = ((await api.traffic()).statements - single0.statements) / 100;
  single.sort((a, b) => a - b);
  log(
    `opening, one client: p50 ${ms(pct(single, 50))}, p99 ${ms(pct(single, 99))}; ~${perOpening.toFixed(1)} requests to the database per opening (batched statements count once)`,
  );
  // The concurrent clients run in a child process, the API in another (the shipped bundle): its
  // CPU time over the load, read from /proc, is the Node cost per opening. Statements and bytes
  // are counted in the API's own mysql2, so other clients of the server do not count.
  const traffic0 = await api.traffic();
  const db0 = mariadbCpuMs();
  const cpu0 = api.cpu();
  const load = await loadFromChild({ base, token, body, count: OPENS, clients: CLIENTS });
  const cpu1 = api.cpu();
  const cpu = { user: cpu1.user - cpu0.user, system: cpu1.kernel - cpu0.kernel };
  const db1 = mariadbCpuMs();
  const traffic1 = await api.traffic();
  const statementsPer = (traffic1.statements - traffic0.statements) / OPENS;
  const bytesPer = (traffic1.bytes - traffic0.bytes) / OPENS;
  const apiRate = load.rate;
  const rowsPer = await rowsOfTicket(pool, sample);
  log(
    `opening via HTTP (${CLIENTS} clients, ${OPENS} tickets): ${apiRate.toFixed(0)} tickets/s (${rowsPer.total} rows each: ${rowsPer.detail}; response ${load.bytes} bytes)`,
  );
  const perOpen = (cpuMs: number) => ms(cpuMs / OPENS);
  const apiCpuMs = cpu.user + cpu.system;
  log(
    `  CPU per opening: API server ${perOpen(apiCpuMs)} (user ${perOpen(cpu.user)}, kernel ${perOpen(cpu.system)}), MariaDB ${db0 !== null && db1 !== null ? perOpen(db1 - db0) : 'n/a'}, load clients ${perOpen(load.cpuMs)}`,
  );
  log(
    `  to the database per opening: ${statementsPer.toFixed(1)} requests, ${(bytesPer / 1024).toFixed(1)} KiB sent`,
  );
  // Where the API's time goes: a CPU profile over a second, shorter load (profiling slows the
  // server a little, so the rate above is measured without it), its shares applied to the API
  // CPU per opening measured above. SIGAP_BENCH_PROFILE=file.cpuprofile also writes it out.
  await api.profileStart();
  const profiledOpens = Math.max(200, Math.floor(OPENS / 3));
  await loadFromChild({ base, token, body, count: profiledOpens, clients: CLIENTS });
  const profile = await api.profileStop();
  const profileTo = process.env['SIGAP_BENCH_PROFILE'];
  if (profileTo) writeFileSync(profileTo, JSON.stringify(profile));
  const phases = phaseTimes(
    profile as unknown as CpuProfile,
    bundleSources(
      SHIPPED_MAIN,
      JSON.parse(readFileSync(`${SHIPPED_MAIN}.map`, 'utf8')) as Parameters<
        typeof bundleSources
      >[1],
    ),
  );
  const sampled = [...phases.values()].reduce((a, b) => a + b, 0);
  log(`  API CPU per opening by phase (profile of ${profiledOpens} more openings):`);
  for (const phase of PHASES) {
    const share = sampled ? (phases.get(phase) ?? 0) / sampled : 0;
    log(
      `    ${phase.padEnd(30)} ${ms((share * apiCpuMs) / OPENS).padStart(8)}  ${(100 * share).toFixed(0).padStart(3)} %`,
    );
  }

  // 3. Raw mysql2 ceiling: the same rows, one transaction per ticket.
  const raw = await rawCeiling(pool, sample);
  const rawRate = raw.rate;
  log(
    `raw mysql2 inserts of the same rows (${CLIENTS} connections): ${rawRate.toFixed(0)} tickets/s; API = ${((100 * apiRate) / rawRate).toFixed(0)} % of the ceiling`,
  );
  log(
    `  CPU per ticket: mysql2 client ${perOpen(raw.cpuMs)} (kernel ${perOpen(raw.kernelMs)}), MariaDB ${raw.dbMs !== null ? perOpen(raw.dbMs) : 'n/a'}`,
  );

  await api.close();
  await pool.end();
  await bufferPool.restore();
  await admin.end();
}

/** CPU time (ms) the local MariaDB server has used so far; null when it does not run here. */
function mariadbCpuMs(): number | null {
  return databaseCpuMs(server.hostname);
}

/**
 * Deletes the tickets earlier runs opened (children by cascade) and their audit rows, so each run
 * starts from the seeded million: otherwise the step holders' open-step counts (which the
 * least-loaded assignment reads) grow by thousands per run and every run measures a new load.
 */
async function forgetEarlierOpenings(pool: Pool): Promise<void> {
  const [result] = await pool.query<RowDataPacket[]>(
    "SELECT COUNT(*) AS n FROM tickets WHERE description <> 'bench'",
  );
  const n = Number(result[0]['n']);
  if (!n) return;
  await pool.query(
    "DELETE a FROM audit_log a JOIN tickets t ON t.number = a.entity_id AND a.entity_type = 'ticket' WHERE t.description <> 'bench'",
  );
  // Every outbox row here was queued by an opening (the worker is off).
  await pool.query('DELETE FROM outbox');
  await pool.query("DELETE FROM tickets WHERE description <> 'bench'");
  log(`  removed ${n} tickets opened by earlier runs`);
}

const CHILD_TABLES = [
  'ticket_checklist_items',
  'ticket_steps',
  'ticket_clock_events',
  'ticket_timeline',
];

async function rowsOfTicket(pool: Pool, number: string) {
  const [[ticket]] = await pool.query<RowDataPacket[]>('SELECT * FROM tickets WHERE number = ?', [
    number,
  ]);
  const children: Record<string, RowDataPacket[]> = {};
  for (const table of CHILD_TABLES)
    [children[table]] = await pool.query<RowDataPacket[]>(
      `SELECT * FROM ${table} WHERE ticket_id = ?`,
      [ticket['id']],
    );
  const [audit] = await pool.query<RowDataPacket[]>('SELECT * FROM audit_log WHERE entity_id = ?', [
    number,
  ]);
  const [outbox] = await pool.query<RowDataPacket[]>(
    'SELECT * FROM outbox WHERE payload LIKE ? ORDER BY created_at, id',
    [`%"ticket":"${number}"%`],
  );
  const counts = {
    tickets: 1,
    ...Object.fromEntries(CHILD_TABLES.map((t) => [t, children[t].length])),
    outbox: outbox.length,
    audit_log: audit.length,
  };
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return {
    ticket,
    children,
    audit,
    outbox,
    total,
    detail: Object.entries(counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', '),
  };
}

/** Tickets per second, and the CPU this process and MariaDB spent on them (ms). */
async function rawCeiling(
  pool: Pool,
  sample: string,
): Promise<{ rate: number; cpuMs: number; kernelMs: number; dbMs: number | null }> {
  const { ticket, children, audit, outbox } = await rowsOfTicket(pool, sample);
  const insertOf = (
    table: string,
    rows: RowDataPacket[],
    patch: (r: RowDataPacket) => Record<string, unknown>,
  ) => {
    const patched = rows.map(patch);
    const cols = Object.keys(patched[0]);
    return {
      sql: `INSERT INTO ${table} (${cols.map((c) => `\`${c}\``).join(', ')}) VALUES ?`,
      values: [patched.map((r) => cols.map((c) => r[c]))],
    };
  };
  let next = 0;
  let serial = 0;
  const db0 = mariadbCpuMs();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      const c = await pool.getConnection();
      try {
        while (next++ < OPENS) {
          const id = randomUUID();
          const number = `RAW-${Date.now()}-${serial++}`;
          const withoutAuto = (r: RowDataPacket) => {
            const { id: old, ...rest } = r;
            return typeof old === 'number'
              ? { ...rest, ticket_id: id }
              : { ...rest, id: randomUUID(), ticket_id: id };
          };
          // The write statements of an opening, in its order and in its two requests, without
          // its reads: the ticket under a provisional number, one multi-row insert per child
          // table, the counter upsert and its read-back (its row lock held only from there to
          // the commit); then the number, the outbox rows (their payload names the number) and
          // the audit row.
          await c.beginTransaction();
          const first: { sql: string; values: unknown[] }[] = [
            insertOf('tickets', [ticket], (r) => ({ ...r, id, number: `~${id}` })),
          ];
          for (const table of CHILD_TABLES) {
            if (children[table].length) first.push(insertOf(table, children[table], withoutAuto));
          }
          first.push(
            {
              sql:
                'INSERT INTO ticket_counters (office_code, year, last_value) VALUES (?, 2099, 1) ' +
                'ON DUPLICATE KEY UPDATE last_value = last_value + 1',
              values: ['bali'],
            },
            {
              sql: 'SELECT last_value FROM ticket_counters WHERE office_code = ? AND year = 2099',
              values: ['bali'],
            },
          );
          await c.query(
            first.map((q) => q.sql).join(';\n'),
            first.flatMap((q) => q.values),
          );
          const second: { sql: string; values: unknown[] }[] = [
            { sql: 'UPDATE tickets SET number = ? WHERE id = ?', values: [number, id] },
          ];
          if (outbox.length)
            second.push(
              insertOf('outbox', outbox, (r) => ({
                ...r,
                id: randomUUID(),
                payload: String(r['payload']).replace(sample, number),
              })),
            );
          if (audit.length)
            second.push(
              insertOf('audit_log', audit, (r) => {
                const { id: old, ...rest } = r;
                return typeof old === 'number'
                  ? { ...rest, entity_id: number }
                  : { ...rest, id: randomUUID(), entity_id: number };
              }),
            );
          await c.query(
            second.map((q) => q.sql).join(';\n'),
            second.flatMap((q) => q.values),
          );
          await c.commit();
        }
      } finally {
        c.release();
      }
    }),
  );
  const rate = OPENS / ((performance.now() - t0) / 1000);
  const cpu = process.cpuUsage(cpu0);
  const db1 = mariadbCpuMs();
  await pool.query("DELETE FROM tickets WHERE number LIKE 'RAW-%'");
  await pool.query("DELETE FROM audit_log WHERE entity_id LIKE 'RAW-%'");
  await pool.query('DELETE FROM outbox WHERE payload LIKE \'%"ticket":"RAW-%\'');
  return {
    rate,
    cpuMs: (cpu.user + cpu.system) / 1000,
    kernelMs: cpu.system / 1000,
    dbMs: db0 !== null && db1 !== null ? db1 - db0 : null,
  };
}

interface LoadJob {
  base: string;
  token: string;
  body: string;
  count: number;
  clients: number;
}

interface LoadResult {
  /** Tickets opened per second. */
  rate: number;
  /** CPU time of the load process over the run, in ms. */
  cpuMs: number;
  /** Size of the last answer. */
  bytes: number;
}

/**
 * Runs `clients` concurrent loops of POST /api/v1/tickets: plain node:http on kept-alive
 * connections (as a desk application or an integration would post), since the load generator
 * shares the two cores with the API and the database and should cost as little as it can.
 */
async function load(job: LoadJob): Promise<LoadResult> {
  let next = 0;
  let bytes = 0;
  const agent = new Agent({ keepAlive: true, maxSockets: job.clients });
  const url = new URL('/api/v1/tickets', job.base);
  const body = Buffer.from(job.body);
  const headers = {
    Authorization: `Bearer ${job.token}`,
    'Content-Type': 'application/json',
    'Content-Length': body.length,
  };
  const post = () =>
    new Promise<{ status: number; text: string }>((done, fail) => {
      const req = request(url, { method: 'POST', agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          done({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
        );
        res.on('error', fail);
      });
      req.on('error', fail);
      req.end(body);
    });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: job.clients }, async () => {
      while (next++ < job.count) {
        const res = await post();
        if (res.status !== 201) throw new Error(`open: ${res.status} ${res.text}`);
        bytes = Buffer.byteLength(res.text);
      }
    }),
  );
  const rate = job.count / ((performance.now() - t0) / 1000);
  const cpu = process.cpuUsage(cpu0);
  agent.destroy();
  return { rate, cpuMs: (cpu.user + cpu.system) / 1000, bytes };
}

function loadFromChild(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolveRate, reject) => {
    const child = fork(__filename, ['--load-child'], {
      execArgv: ['-r', join(ROOT, 'tools/jasmine/register.js')],
    });
    child.once('message', (m: { result?: LoadResult; error?: string }) => {
      if (m.error) reject(new Error(m.error));
      else resolveRate(m.result as LoadResult);
      child.kill();
    });
    child.once('error', reject);
    child.send(job);
  });
}

if (process.argv.includes('--load-child')) {
  process.once('message', (job: LoadJob) => {
    load(job).then(
      (result) => process.send?.({ result }),
      (error: Error) => process.send?.({ error: error.message }),
    );
  });
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
