/**
 * Ticket search at scale on MariaDB: `GET /api/v1/tickets?q=` through the shipped API, as an
 * agent of one office searches it, over --tickets (default 1,000,000) tickets with their
 * timelines (--timeline, default 3 entries each: the requester's message, a reply and an internal
 * note) and 20,000 requester contacts, all in Indonesian as offices write them.
 *
 * Words are drawn so that the index holds every kind of term a desk searches for: a letter
 * number that one ticket carries (rare), a requester's name (a few), an application's name
 * (about 2.5 %), a word in most tickets ("permohonan"), a prefix of a frequent word ("aplik"),
 * two words, a ticket number and an e-mail address. Each class is asked --requests times
 * (default 40) after a warm-up; p50 and p99 are printed per class and over all (goal: p99 under
 * 50 ms).
 *
 * Run from the repository root: `bash tools/bench/search/run.sh` (MariaDB at
 * SIGAP_BENCH_MYSQL_URL, as the other benches). The database `sigap_bench_search` is seeded on
 * the first run (multi-row inserts with the full-text indexes dropped and rebuilt after, some
 * minutes at a million) and reused while it holds the same number of tickets; --fresh re-seeds.
 */
import { createConnection, createPool, type Pool, type RowDataPacket } from 'mysql2/promise';
import { dropMysqlFullTextIndex } from '@sigap/api-database';
import { benchServer } from '../shared/bench-server';
import { sizeBufferPool } from '../shared/buffer-pool';
import { DEMO_PASSWORD, startShippedApi } from '../shared/shipped-api';

const arg = (name: string, fallback: number): number => {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  return found ? Number(found.split('=')[1]) : fallback;
};
const TICKETS = arg('tickets', 1_000_000);
const TIMELINE = arg('timeline', 3);
const REQUESTS = arg('requests', 40);
const CONTACTS = 20_000;
const FRESH = process.argv.includes('--fresh');
/** InnoDB buffer pool for the run (MiB): the tickets, timelines and full-text indexes. */
const BUFFER_POOL_MB = arg('buffer-pool-mb', 2048);
const DB = 'sigap_bench_search';
const OFFICE = 'bali';
const log = (line: string) => console.log(line);

// A small deterministic generator: the same seed gives the same database and queries.
let state = 20261207;
const rand = () => {
  state = (Math.imul(state, 1103515245) + 12345) >>> 0;
  return state / 2 ** 32;
};
const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];

const ACTIONS = [
  'Permohonan pembangunan',
  'Permohonan integrasi',
  'Permohonan pengembangan',
  'Gangguan akses',
  'Permohonan perpanjangan',
  'Permohonan pembuatan akun',
  'Konsultasi tata kelola',
  'Permohonan hosting',
];
const APPS = [
  'SIMPEG',
  'e-Kinerja',
  'SIPD',
  'e-Office',
  'SIMDA',
  'e-Retribusi',
  'SIMRAL',
  'SIPKD',
  'e-Perizinan',
  'SIAK',
  'e-Musrenbang',
  'SIRUP',
  'LPSE',
  'JDIH',
  'PPID',
  'SIMPATIK',
  'e-Sakip',
  'SIMAS',
  'SIMBADA',
  'e-Planning',
  'e-Budgeting',
  'SIMRS',
  'SIKDA',
  'Dapodik',
  'e-Rapor',
  'SIPP',
  'SIMTANAS',
  'e-Lapor',
  'Satu Data',
  'Dashboard Pimpinan',
  'portal berita',
  'website dinas',
  'surel dinas',
  'jaringan intra',
  'pusat data',
  'aplikasi antrean',
  'e-Absensi',
  'SIMONEV',
  'e-Arsip',
  'SIPEDAS',
];
const OPDS = [
  'Dinas Kesehatan',
  'Dinas Pendidikan',
  'Bappeda',
  'BKPSDM',
  'Dinas Pariwisata',
  'Dinas PUPR',
  'Dinas Sosial',
  'BPKAD',
  'Inspektorat',
  'Dinas Perhubungan',
  'Satpol PP',
  'DPMPTSP',
  'Dinas Kependudukan',
  'Dinas Pertanian',
  'RSUD',
  'Sekretariat Daerah',
  'Dinas Koperasi',
  'Dinas Lingkungan Hidup',
  'BPBD',
  'Dinas Perikanan',
];
const FIRST = [
  'Made',
  'Ketut',
  'Putu',
  'Wayan',
  'Nyoman',
  'Komang',
  'Gede',
  'Ayu',
  'Ni Luh',
  'Kadek',
  'Agung',
  'Dewi',
  'Sari',
  'Indah',
  'Budi',
  'Rina',
  'Andi',
  'Fitri',
  'Yusuf',
  'Siti',
];
const LAST = [
  'Suardana',
  'Wirawan',
  'Lestari',
  'Pratama',
  'Saputra',
  'Wijaya',
  'Astuti',
  'Kusuma',
  'Mahendra',
  'Purnama',
  'Santika',
  'Utami',
  'Permana',
  'Aryawan',
  'Dharma',
  'Sudarsana',
  'Widiastuti',
  'Gunawan',
  'Hartono',
  'Rahayu',
];
const REPLIES = [
  'Terima kasih, permohonan sudah kami terima dan sedang diverifikasi oleh tim teknis.',
  'Mohon lengkapi dokumen kerangka acuan kerja dan analisis kebutuhan aplikasi.',
  'Aplikasi sudah dipasang di server pusat data, silakan uji akses dari jaringan dinas.',
  'Akun administrator sudah dibuat, kata sandi dikirim terpisah melalui surel dinas.',
  'Jadwal rapat koordinasi integrasi data disepakati hari Kamis di ruang rapat Diskominfo.',
];
const NOTES = [
  'Koordinasi dengan bidang persandian untuk sertifikat elektronik.',
  'Menunggu alokasi mesin virtual dari tim pusat data.',
  'Perlu kajian keamanan sebelum dibuka ke publik.',
  'Sudah dibahas dengan kepala bidang, lanjut ke tahap pengujian.',
];

interface Seeded {
  number: (i: number) => string;
  letter: (i: number) => string;
  contactName: (c: number) => string;
  contactEmail: (c: number) => string;
}

const seeded: Seeded = {
  number: (i) => `BALI-2024-${String(i + 1).padStart(6, '0')}`,
  // A letter number each ticket carries once: `045/<i + 100000>/Diskominfo`.
  letter: (i) => String(100000 + i),
  contactName: (c) =>
    `${FIRST[c % FIRST.length]} ${LAST[Math.floor(c / FIRST.length) % LAST.length]} ${c}`,
  contactEmail: (c) =>
    `pemohon${c}@${['diskes', 'disdik', 'bappeda', 'bkpsdm'][c % 4]}.baliprov.go.id`,
};

async function seededCount(pool: Pool): Promise<number> {
  try {
    const [rows] = await pool.query<RowDataPacket[]>(
      "SELECT COUNT(*) AS n FROM tickets WHERE number LIKE 'BALI-2024-%'",
    );
    return Number(rows[0]['n']);
  } catch {
    return -1;
  }
}

/** The FULLTEXT indexes of a table (to drop during the load and rebuild after). */
async function fullTextIndexes(
  pool: Pool,
  table: string,
): Promise<{ name: string; columns: string[] }[]> {
  const [rows] = await pool.query<RowDataPacket[]>(
    `SELECT INDEX_NAME AS name, COLUMN_NAME AS col FROM information_schema.STATISTICS
      WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND INDEX_TYPE = 'FULLTEXT' ORDER BY INDEX_NAME, SEQ_IN_INDEX`,
    [DB, table],
  );
  const byName = new Map<string, string[]>();
  for (const r of rows)
    byName.set(r['name'] as string, [
      ...(byName.get(r['name'] as string) ?? []),
      r['col'] as string,
    ]);
  return [...byName].map(([name, columns]) => ({ name, columns }));
}

async function seed(pool: Pool): Promise<void> {
  const started = Date.now();
  const [services] = await pool.query<RowDataPacket[]>(
    'SELECT id, code FROM catalog_services WHERE office_code = ?',
    [OFFICE],
  );
  const conn = await pool.getConnection();
  await conn.query('SET foreign_key_checks = 0, unique_checks = 0');
  const dropped: { table: string; name: string; columns: string[] }[] = [];
  for (const table of ['tickets', 'ticket_timeline', 'requester_contacts']) {
    for (const ix of await fullTextIndexes(pool, table)) {
      // Dropped with the table rebuilt: see dropMysqlFullTextIndex.
      await dropMysqlFullTextIndex((sql) => conn.query(sql), table, ix.name);
      dropped.push({ table, ...ix });
    }
  }
  const at = new Date('2025-06-01T02:00:00Z');
  for (let from = 0; from < CONTACTS; from += 5000) {
    const rows: unknown[][] = [];
    for (let c = from; c < Math.min(CONTACTS, from + 5000); c++)
      rows.push([
        `00000000-0000-4000-9000-${String(c).padStart(12, '0')}`,
        OFFICE,
        seeded.contactName(c),
        seeded.contactEmail(c),
        at,
      ]);
    await conn.query(
      'INSERT INTO requester_contacts (id, office_code, name, email, created_at) VALUES ?',
      [rows],
    );
  }
  const batch = 4000;
  for (let from = 0; from < TICKETS; from += batch) {
    const tickets: unknown[][] = [];
    const timeline: unknown[][] = [];
    for (let i = from; i < Math.min(TICKETS, from + batch); i++) {
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      const s = services[i % services.length];
      const app = pick(APPS);
      const opd = pick(OPDS);
      const created = new Date(Date.UTC(2025, 0, 1) + (i % 330) * 86_400_000);
      const open = i % 10 < 2;
      tickets.push([
        id,
        seeded.number(i),
        OFFICE,
        s['id'],
        s['code'],
        1,
        'email',
        `00000000-0000-4000-9000-${String(i % CONTACTS).padStart(12, '0')}`,
        null,
        `${pick(ACTIONS)} ${app} ${opd}`,
        `Dengan hormat, bersama surat nomor 045/${seeded.letter(i)}/${opd.split(' ').pop()} kami mengajukan ${pick(ACTIONS).toLowerCase()} ${app} untuk mendukung layanan ${opd}. Aplikasi ini dibutuhkan segera.`,
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
        open ? new Date(created.getTime() + 30 * 86_400_000) : new Date('9999-12-31T00:00:00Z'),
        null,
        null,
        null,
        null,
        'met',
        null,
        null,
        null,
      ]);
      for (let k = 0; k < TIMELINE; k++) {
        const kind = k % 2 === 0 && k > 0 ? 'note' : 'reply';
        const body =
          k === 0
            ? `Mohon bantuan untuk ${app}. Terima kasih.`
            : kind === 'reply'
              ? pick(REPLIES)
              : pick(NOTES);
        timeline.push([
          id,
          kind,
          null,
          null,
          body,
          null,
          new Date(created.getTime() + k * 3_600_000),
        ]);
      }
    }
    await conn.query(
      `INSERT INTO tickets (id, number, office_code, service_id, service_code, service_version, channel,
        requester_contact_id, opd_id, subject, description, status, is_open, assignee_id, version,
        clock_round, created_by, created_at, updated_at, received_at, resolved_at, closed_at,
        sla_state, due_at, target_due_at, at_risk_at, calendar_version, sla_snapshot,
        first_response_state, first_response_due_at, first_response_at, alerted) VALUES ?`,
      [tickets],
    );
    if (timeline.length)
      await conn.query(
        'INSERT INTO ticket_timeline (ticket_id, kind, event, author_id, body, data, at) VALUES ?',
        [timeline],
      );
    if ((from / batch) % 50 === 0)
      log(
        `  seeded ${from + tickets.length} tickets (${((Date.now() - started) / 1000).toFixed(0)} s)`,
      );
  }
  log(
    `  loaded in ${((Date.now() - started) / 1000).toFixed(0)} s; building ${dropped.length} full-text indexes`,
  );
  for (const ix of dropped)
    await conn.query(
      `ALTER TABLE ${ix.table} ADD FULLTEXT INDEX \`${ix.name}\` (${ix.columns.join(', ')})`,
    );
  await conn.query('SET foreign_key_checks = 1, unique_checks = 1');
  conn.release();
  await pool.query('ANALYZE TABLE tickets, ticket_timeline, requester_contacts');
  log(`  seeded ${TICKETS} tickets in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main(): Promise<void> {
  const bench = benchServer();
  const admin = await createConnection(bench.conn);
  await admin.query(
    `CREATE DATABASE IF NOT EXISTS \`${DB}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  );
  const bufferPool = await sizeBufferPool(admin, BUFFER_POOL_MB);
  const pool = createPool({ ...bench.conn, database: DB, connectionLimit: 4, timezone: 'Z' });
  const existing = await seededCount(pool);
  const reuse = existing === TICKETS && !FRESH;
  if (!reuse) {
    await pool.end();
    await admin.query(`DROP DATABASE IF EXISTS \`${DB}\``);
    await admin.query(`CREATE DATABASE \`${DB}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  }
  const data = reuse
    ? pool
    : createPool({ ...bench.conn, database: DB, connectionLimit: 4, timezone: 'Z' });
  // The API migrates and seeds the demo offices; then the bench's tickets go in.
  const api = await startShippedApi(bench, DB);
  log(
    `mariadb via ${bench.transport}; database ${DB}: ${reuse ? `reused, ${existing} tickets` : 'new'}`,
  );
  if (!reuse) await seed(data);
  const login = await fetch(`${api.base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: `helpdesk.${OFFICE}@sigap.local`, password: DEMO_PASSWORD }),
  });
  const token = ((await login.json()) as { accessToken: string }).accessToken;
  const ask = async (q: string) => {
    const t0 = performance.now();
    const res = await fetch(`${api.base}/api/v1/tickets?q=${encodeURIComponent(q)}&limit=50`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const body = (await res.json()) as { items: { number: string }[] };
    if (res.status !== 200) throw new Error(`search ${q}: ${res.status} ${JSON.stringify(body)}`);
    return { ms: performance.now() - t0, found: body.items.length };
  };
  const any = () => Math.floor(rand() * TICKETS);
  const classes: { name: string; query: () => string }[] = [
    { name: 'letter number (one ticket)', query: () => seeded.letter(any()) },
    {
      name: 'requester name (a few)',
      query: () => seeded.contactName(Math.floor(rand() * CONTACTS)),
    },
    { name: 'application (~2.5 %)', query: () => pick(APPS).replace(/^e-/, '') },
    {
      name: 'common word (most)',
      query: () => pick(['permohonan', 'aplikasi', 'layanan', 'dinas']),
    },
    { name: 'prefix of a common word', query: () => pick(['aplik', 'permoh', 'integr', 'jaring']) },
    {
      name: 'two words',
      query: () =>
        `${pick(['integrasi', 'pembangunan', 'hosting'])} ${pick(APPS).replace(/^e-/, '')}`,
    },
    { name: 'ticket number', query: () => seeded.number(any()) },
    { name: 'requester e-mail', query: () => seeded.contactEmail(Math.floor(rand() * CONTACTS)) },
  ];
  for (let i = 0; i < 20; i++) await ask(pick(classes).query());
  const all: number[] = [];
  log(
    `search (${OFFICE} agent, ${TICKETS} tickets, ${TIMELINE} timeline entries each, ${REQUESTS} requests a class):`,
  );
  for (const c of classes) {
    const times: number[] = [];
    let found = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const r = await ask(c.query());
      times.push(r.ms);
      found += r.found;
    }
    times.sort((a, b) => a - b);
    all.push(...times);
    log(
      `  ${c.name.padEnd(28)} p50 ${pct(times, 50).toFixed(1).padStart(7)} ms  p99 ${pct(times, 99).toFixed(1).padStart(7)} ms  (${(found / REQUESTS).toFixed(1)} results on average)`,
    );
  }
  all.sort((a, b) => a - b);
  log(
    `  all ${all.length} searches: p50 ${pct(all, 50).toFixed(1)} ms, p99 ${pct(all, 99).toFixed(1)} ms (goal: p99 under 50 ms)`,
  );
  await api.close();
  await data.end();
  if (data !== pool) await pool.end().catch(() => undefined);
  await bufferPool.restore();
  await admin.end();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
