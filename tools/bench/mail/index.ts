/**
 * Inbound mail benchmark on MariaDB: raw RFC 822 messages through `POST /api/v1/inbound/mail`
 * (the MTA pipe / webhook endpoint), the full path: token check, raw message and attachments
 * kept on disk, MIME parsed, classified, threaded, written in one transaction.
 *
 * The mix: half new requests from known senders (contacts of the Bali office: the triage inbox),
 * half replies to open tickets (`[#NUMBER]` in the subject, from the requester) each carrying a
 * PDF attachment of a few hundred KB (--attachment-kb, default 300); a reply is appended to the
 * ticket's timeline, moves its version and queues the notice to the assignee. --clients
 * (default 10) post concurrently from a child process (so the load generator does not share the
 * API's CPU). Prints messages per second, p50 / p99 latency and the peak RSS of the API process.
 * Goal: at least 150 per second.
 *
 * Run from the repository root: `bash tools/bench/mail/run.sh` (MariaDB at
 * SIGAP_BENCH_MYSQL_URL, default mysql://root@127.0.0.1:3306/). The database `sigap_bench_mail`
 * is created fresh on every run. Options: --messages=N (default 2000), --clients=N,
 * --tickets=N (open tickets replied to, default 200), --attachment-kb=N.
 *
 * Also printed: SQL statements (and bytes) the API sends per message. SIGAP_BENCH_QUERIES=1 lists
 * them by statement; SIGAP_BENCH_PROFILE=<file>.cpuprofile writes a CPU profile of the API taken
 * during the load only (open it in Chrome DevTools). On a shared machine, judge by CPU and
 * statements per message rather than by the rate.
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as diagnostics from 'node:diagnostics_channel';
import { Agent, request } from 'node:http';
import { rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import * as os from 'node:os';
import { join, resolve } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { databaseCpuMs } from '../shared/proc-cpu';
import { benchServer } from '../shared/bench-server';
import { startBenchApi } from '../shared/bench-api';

const arg = (name: string, fallback: number): number => {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = found ? Number(found.split('=')[1]) : fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`--${name} harus bilangan bulat positif, bukan "${found?.split('=')[1]}"`);
  }
  return value;
};
const MESSAGES = arg('messages', 2000);
const CLIENTS = arg('clients', 10);
const TICKETS = arg('tickets', 200);
const ATTACHMENT_KB = arg('attachment-kb', 300);

const ROOT = resolve(__dirname, '../../..');
const DB = 'sigap_bench_mail';
const TOKEN = 'bench-inbound-token-0123456789abcdef';
const bench = benchServer();
const { url: server, conn, transport } = bench;

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const log = (line: string) => console.log(line);
const contactEmail = (i: number) => `pemohon${i}@diskes.baliprov.go.id`;

/** Base64 in 76-character lines, as mail clients write it. */
function base64Lines(data: Buffer): string {
  return (data.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}

function newRequest(i: number, from: string): Buffer {
  return Buffer.from(
    [
      `From: Pemohon ${i} <${from}>`,
      'To: helpdesk@diskominfos.baliprov.go.id',
      `Subject: Permohonan pembuatan akun e-mail dinas ${i}`,
      `Message-ID: <baru-${i}-${randomBytes(6).toString('hex')}@diskes.baliprov.go.id>`,
      'Date: Mon, 23 Nov 2026 09:00:00 +0800',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      `Selamat pagi, kami mohon dibuatkan akun e-mail dinas untuk pegawai baru (${i}).`,
      'Terima kasih.',
      '',
    ].join('\r\n'),
  );
}

function reply(i: number, from: string, number: string, attachment: Buffer): Buffer {
  const boundary = `b-${randomBytes(8).toString('hex')}`;
  return Buffer.from(
    [
      `From: Pemohon <${from}>`,
      'To: helpdesk@diskominfos.baliprov.go.id',
      `Subject: Re: [#${number}] Permohonan aplikasi`,
      `Message-ID: <balas-${i}-${randomBytes(6).toString('hex')}@diskes.baliprov.go.id>`,
      'Date: Mon, 23 Nov 2026 09:05:00 +0800',
      'MIME-Version: 1.0',
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Berikut surat permohonan yang sudah ditandatangani.',
      '',
      'Pada Sen, 23 Nov 2026 pukul 08.00, Helpdesk menulis:',
      '> Mohon lampirkan surat permohonan.',
      '',
      `--${boundary}`,
      `Content-Type: application/pdf; name="surat-${i}.pdf"`,
      `Content-Disposition: attachment; filename="surat-${i}.pdf"`,
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(attachment),
      `--${boundary}--`,
      '',
    ].join('\r\n'),
  );
}

async function main(): Promise<void> {
  const admin = await createConnection(conn);
  await admin.query(`DROP DATABASE IF EXISTS \`${DB}\``);
  await admin.query(`CREATE DATABASE \`${DB}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const { app, config, base, dataDir } = await startBenchApi(bench, DB, {
    SIGAP_INBOUND_TOKEN: TOKEN,
    SIGAP_DEFAULT_OFFICE: 'bali',
  });

  // Open tickets to reply to, each for its own requester (a known contact), assigned.
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'helpdesk.bali@sigap.local', password: config.demoPassword }),
  });
  const session = (await login.json()) as { accessToken: string; user: { id: string } };
  const auth = {
    Authorization: `Bearer ${session.accessToken}`,
    'Content-Type': 'application/json',
  };
  const numbers: string[] = [];
  for (let i = 0; i < TICKETS; i++) {
    const opened = await fetch(`${base}/api/v1/tickets`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        office: 'bali',
        service: 'pengembangan-aplikasi',
        channel: 'email',
        subject: `Permohonan aplikasi ${i}`,
        description: 'Tiket uji penerimaan e-mail.',
        requester: { name: `Pemohon ${i}`, email: contactEmail(i) },
      }),
    });
    const body = (await opened.json()) as { number: string; version: number };
    if (opened.status !== 201) throw new Error(`membuka tiket gagal: ${JSON.stringify(body)}`);
    const assigned = await fetch(`${base}/api/v1/tickets/${body.number}/assign`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ userId: session.user.id, expectedVersion: body.version }),
    });
    if (assigned.status !== 200)
      throw new Error(`menugaskan tiket gagal: ${await assigned.text()}`);
    numbers.push(body.number);
  }

  // Every SQL statement the API sends while the load runs (SIGAP_BENCH_QUERIES=1 lists them),
  // seen on mysql2's own tracing channel: whichever path sent it (TypeORM or plain SQL).
  const queries = new Map<string, { n: number; bytes: number }>();
  let queryCount = 0;
  let queryBytes = 0;
  let counting = true;
  const onQuery = (context: unknown) => {
    if (!counting) return;
    const sql = String((context as { query?: unknown }).query ?? '');
    queryCount++;
    queryBytes += sql.length;
    if (process.env['SIGAP_BENCH_QUERIES']) {
      const shape = sql
        .replace(/'(?:[^'\\]|\\.)*'/g, '?')
        .replace(/\b\d+(\.\d+)?\b/g, '?')
        .replace(/\s+/g, ' ')
        .slice(0, 120);
      const seen = queries.get(shape) ?? { n: 0, bytes: 0 };
      queries.set(shape, { n: seen.n + 1, bytes: seen.bytes + sql.length });
    }
  };
  diagnostics.subscribe('tracing:mysql2:query:start', onQuery);

  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 100);
  // The parent only serves the API while the child builds and posts (building costs it nothing).
  // SIGAP_BENCH_PROFILE=file.cpuprofile: a CPU profile of the API during the load only.
  const profileTo = process.env['SIGAP_BENCH_PROFILE'];
  const profiler = profileTo ? new Session() : null;
  if (profiler) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  }
  const cpu0 = process.cpuUsage();
  const db0 = mariadbCpuMs();
  const {
    clientCpuMs,
    latencies,
    actions: actionCounts,
    seconds,
    avgKb,
  } = await loadFromChild({ base, numbers });
  const cpu = process.cpuUsage(cpu0);
  const db1 = mariadbCpuMs();
  clearInterval(sampler);
  counting = false;
  diagnostics.unsubscribe('tracing:mysql2:query:start', onQuery);
  if (profiler && profileTo) {
    const { profile } = await profiler.post('Profiler.stop');
    writeFileSync(profileTo, JSON.stringify(profile));
    profiler.disconnect();
  }
  const cpuMsPerMessage = (cpu.user + cpu.system) / 1000 / MESSAGES;

  latencies.sort((a, b) => a - b);
  const actions = new Map(Object.entries(actionCounts));
  const rate = MESSAGES / seconds;
  log(`mariadb via ${transport}`);
  log(
    `inbound mail: ${MESSAGES} messages (avg ${avgKb.toFixed(0)} KB; replies carry ${ATTACHMENT_KB} KB), ${CLIENTS} clients, MariaDB`,
  );
  log(`  actions: ${[...actions].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  log(`  ${rate.toFixed(1)} messages/s (goal >= 150) in ${seconds.toFixed(2)} s`);
  log(`  latency p50 ${pct(latencies, 50).toFixed(1)} ms, p99 ${pct(latencies, 99).toFixed(1)} ms`);
  log(
    `  CPU per message: API ${cpuMsPerMessage.toFixed(2)} ms, load generator ${clientCpuMs.toFixed(2)} ms${
      db0 !== null && db1 !== null
        ? `, MariaDB ${((db1 - db0) / MESSAGES).toFixed(2)} ms (whole server)`
        : ''
    }; ${os.cpus().length} CPUs here`,
  );
  log(
    `  SQL per message: ${(queryCount / MESSAGES).toFixed(1)} statements, ${(queryBytes / MESSAGES / 1024).toFixed(1)} KB of SQL`,
  );
  log(`  peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
  for (const [shape, q] of [...queries].sort((a, b) => b[1].bytes - a[1].bytes)) {
    log(
      `    ${(q.n / MESSAGES).toFixed(2)} x ${(q.bytes / q.n / 1024).toFixed(1).padStart(6)} KB  ${shape}`,
    );
  }
  const expected = { created: Math.ceil(MESSAGES / 2), appended: Math.floor(MESSAGES / 2) };
  const wrong =
    actions.get('created') !== expected.created || actions.get('appended') !== expected.appended;

  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
  const drop = await createConnection(conn);
  await drop.query(`DROP DATABASE IF EXISTS \`${DB}\``);
  await drop.end();
  if (wrong) {
    console.error(`hasil tak terduga: diharapkan ${JSON.stringify(expected)}`);
    process.exitCode = 1;
  }
}

/** CPU time of the MariaDB / MySQL server so far (ms), or null when it does not run here. */
function mariadbCpuMs(): number | null {
  return databaseCpuMs(server.hostname);
}

interface LoadJob {
  base: string;
  numbers: string[];
}

interface LoadResult {
  latencies: number[];
  /** CPU of the load generator while posting, ms per message. */
  clientCpuMs: number;
  actions: Record<string, number>;
  seconds: number;
  avgKb: number;
}

function loadFromChild(job: LoadJob): Promise<LoadResult> {
  return new Promise((done, reject) => {
    const child = fork(__filename, [...process.argv.slice(2), '--load-child'], {
      execArgv: ['-r', join(ROOT, 'tools/jasmine/register.js')],
    });
    child.once('message', (m: LoadResult & { error?: string }) => {
      if (m.error) reject(new Error(m.error));
      else done(m);
      child.kill();
    });
    child.once('error', reject);
    child.send(job);
  });
}

/** The load generator: builds the messages, then posts them with CLIENTS concurrent clients. */
async function load(job: LoadJob): Promise<LoadResult> {
  // Built before timing: even indexes new requests, odd ones replies.
  const attachment = randomBytes(ATTACHMENT_KB * 1024);
  const messages: Buffer[] = [];
  for (let i = 0; i < MESSAGES; i++) {
    const who = i % job.numbers.length;
    if (i % 2 === 0) messages.push(newRequest(i, contactEmail(who)));
    else {
      // A distinct attachment per message (a stored file each), same size.
      attachment.writeUInt32BE(i, 0);
      messages.push(reply(i, contactEmail(who), job.numbers[who], attachment));
    }
  }
  const avgKb = messages.reduce((n, m) => n + m.length, 0) / messages.length / 1024;
  const latencies: number[] = [];
  const actions: Record<string, number> = {};
  let next = 0;
  // Plain node:http on kept-alive connections, as an MTA's delivery agent would post: the load
  // generator shares the two cores with the API, so it should cost as little as it can.
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const url = new URL('/api/v1/inbound/mail', job.base);
  const post = (body: Buffer) =>
    new Promise<{ status: number; text: string }>((done, fail) => {
      const req = request(
        url,
        {
          method: 'POST',
          agent,
          headers: {
            'Content-Type': 'message/rfc822',
            'Content-Length': body.length,
            Authorization: `Bearer ${TOKEN}`,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            done({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
          );
          res.on('error', fail);
        },
      );
      req.on('error', fail);
      req.end(body);
    });
  const client = async () => {
    for (;;) {
      const index = next++;
      if (index >= messages.length) return;
      const t0 = performance.now();
      const res = await post(messages[index]);
      latencies.push(performance.now() - t0);
      const body = JSON.parse(res.text) as { action?: string };
      const key = res.status === 202 ? (body.action ?? '?') : `HTTP ${res.status}`;
      actions[key] = (actions[key] ?? 0) + 1;
    }
  };
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const cpu = process.cpuUsage(cpu0);
  agent.destroy();
  return {
    latencies,
    actions,
    seconds: (performance.now() - started) / 1000,
    avgKb,
    clientCpuMs: (cpu.user + cpu.system) / 1000 / MESSAGES,
  };
}

if (process.argv.includes('--load-child')) {
  process.once('message', (job: LoadJob) => {
    load(job).then(
      (result) => process.send?.(result),
      (error: Error) => process.send?.({ error: error.stack ?? String(error) }),
    );
  });
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
