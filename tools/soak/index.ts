/**
 * Soak and faults: Sigap as a small data centre runs it, on this one machine.
 *
 * - three API instances (`dist/apps/api/main.js`), each in its own network namespace with its
 *   own address and data folder, behind Debian's nginx as the load balancer;
 * - one MariaDB primary with a replica replicating from it (dashboards read the replica), an
 *   S3-compatible bucket (s3rver) for attachments and raw mail, Dovecot as the IMAP mailbox the
 *   instances poll under a lease, and an SMTP server recording what they deliver;
 * - a modest mixed load through nginx for `--minutes` (10 by default): agents reading their queues
 *   and tickets, helpdesk openings, e-mail in (new requests and replies on the tickets' threads,
 *   plus mail from strangers), portal reads, dashboards;
 * - faults during it: an instance killed (SIGKILL) at 30 % and started again a minute later,
 *   MariaDB's primary restarted at 50 %, SMTP down for `--smtp-down-seconds` (60) at 70 %.
 *
 * Then the load stops, the mail is given time to drain, and the run checks and prints: no 5xx
 * outside the fault windows (each one retried by its client until answered), no mail lost or sent
 * twice, no ticket number skipped or repeated, memory flat after warm-up (< 10 % growth), the
 * outbox drained. Exit code 0 when everything holds.
 *
 * Run as root from the repository root after building the API: `bash tools/soak/run.sh
 * [--minutes=N]`. Not part of `npm test`. Output (logs, figures) in `tools/soak/out/<time>/`.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import type { Connection } from 'mysql2/promise';
import {
  startReplicatedPair,
  type ReplicatedPair,
} from '../../apps/api/src/testing/mariadb-replication';
import { TestS3Server } from '../../apps/api/src/testing/s3-server';
import { TestDovecot } from '../../apps/api/src/mail/imap/testing/dovecot';
import {
  ApiInstance,
  API_PORT,
  createNetwork,
  HOST_IP,
  LoadBalancer,
  missingTools,
  removeNetwork,
} from './hosts';
import { Client, loop, median, percentile, Stats } from './load';
import { MailSender, SmtpSink } from './mail';

const REPO = resolve(__dirname, '../..');
const INSTANCES = 3;
const DATABASE = 'sigap_soak';
const PASSWORD = 'sigap-demo';

const numArg = (name: string, fallback: number): number => {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = found ? Number(found.split('=')[1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} harus angka positif`);
  return value;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => ok(port));
    });
  });
}

async function waitFor(
  what: string,
  timeoutMs: number,
  check: () => Promise<boolean>,
): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs)
      throw new Error(`${what}: tidak tercapai dalam ${timeoutMs / 1000} s`);
    await sleep(500);
  }
  return Date.now();
}

interface Window {
  name: string;
  from: number;
  to: number;
}

interface Opening {
  number: string;
  email: string;
  subject: string;
}

async function main(): Promise<number> {
  const minutes = numArg('minutes', 10);
  const smtpDownMs = numArg('smtp-down-seconds', 60) * 1000;
  const durationMs = minutes * 60_000;
  if (process.getuid?.() !== 0) {
    console.error('soak: jalankan sebagai root (namespace jaringan: ip netns)');
    return 2;
  }
  const missing = missingTools();
  if (missing.length) {
    for (const line of missing) console.error(`soak: ${line}`);
    return 2;
  }
  if (!existsSync(join(REPO, 'dist/apps/api/main.js'))) {
    console.error('soak: API belum dibangun: npx nx run api:build');
    return 2;
  }
  const runId = randomUUID().slice(0, 8);
  const out = join(REPO, 'tools/soak/out', new Date().toISOString().replace(/[:.]/g, '-'));
  mkdirSync(out, { recursive: true });
  log(`soak ${minutes} menit, keluaran di ${out}`);

  const stopping: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stopping.reverse())
      await stop().catch((e: Error) => log(`berhenti: ${e.message}`));
    stopping.length = 0;
    removeNetwork(INSTANCES);
  };
  process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));

  try {
    createNetwork(INSTANCES);
    stopping.push(async () => removeNetwork(INSTANCES));
    const pair = await startReplicatedPair(DATABASE, { host: HOST_IP, clientHost: '10.77.0.%' });
    stopping.push(() => pair.stop());
    const s3 = await TestS3Server.start('sigap-soak', HOST_IP);
    stopping.push(() => s3.stop());
    const dovecot = await TestDovecot.start('helpdesk', 'sandi-soak-imap', `127.0.0.1, ${HOST_IP}`);
    stopping.push(() => dovecot.destroy());
    const smtp = new SmtpSink(HOST_IP, await freePort());
    await smtp.up();
    stopping.push(() => smtp.down());
    const lb = new LoadBalancer(out, await freePort());
    log(
      `MariaDB primer :${pair.primary.port}, replika :${pair.replica.port}; S3 ${s3.endpoint}; IMAP :${dovecot.port}; SMTP :${smtp.port}`,
    );

    const secret = () => randomBytes(32).toString('hex');
    const env: Record<string, string> = {
      NODE_ENV: 'development',
      PORT: String(API_PORT),
      DATABASE_URL: pair.primaryUrl,
      DATABASE_REPLICA_URL: pair.replicaUrl,
      SIGAP_DEMO: 'true',
      SIGAP_DEMO_HISTORY: 'false',
      SIGAP_DEFAULT_OFFICE: 'bali',
      SIGAP_JWT_SECRET: secret(),
      SIGAP_MAIL_MARKER_SECRET: secret(),
      SIGAP_SURVEY_SECRET: secret(),
      SIGAP_BCRYPT_COST: '10',
      SIGAP_SEED_DIR: join(REPO, 'tools/seed'),
      SIGAP_CONSOLE_DIR: join(out, 'tanpa-konsol'),
      SIGAP_TRUST_PROXY: HOST_IP,
      SIGAP_PUBLIC_URL: `http://127.0.0.1:${lb.port}/`,
      SIGAP_SMTP_URL: `smtp://${HOST_IP}:${smtp.port}`,
      SIGAP_SMTP_TLS: 'off',
      SIGAP_SMTP_POOL: 'false',
      SIGAP_MAIL_FROM: '"Sigap" <helpdesk@sigap-soak.baliprov.go.id>',
      SIGAP_IMAP_TLS: 'off',
      SIGAP_IMAP_LEASE_SECONDS: '15',
      SIGAP_IMAP_MAILBOXES: JSON.stringify([
        {
          name: 'helpdesk-bali',
          office: 'bali',
          host: HOST_IP,
          port: dovecot.port,
          secure: false,
          user: dovecot.user,
          passwordEnv: 'SIGAP_SOAK_IMAP_PASSWORD',
          pollSeconds: 5,
        },
      ]),
      SIGAP_SOAK_IMAP_PASSWORD: dovecot.password,
      SIGAP_OUTBOX_SECONDS: '2',
      SIGAP_LOG_LEVEL: 'warn',
      ...s3.env(`soak-${runId}`),
    };
    const instances = Array.from({ length: INSTANCES }, (_, k) => {
      const i = k + 1;
      return new ApiInstance(
        i,
        { ...env, SIGAP_DATA_DIR: join(out, `data-${i}`) },
        REPO,
        join(out, `api-${i}.log`),
      );
    });
    stopping.push(async () => {
      for (const instance of instances) await instance.stop();
    });
    // All three at once on the empty database: the start-up lock lets one migrate and seed.
    for (const instance of instances) instance.start();
    const bootStart = Date.now();
    await waitFor('ketiga instans siap', 300_000, async () =>
      (await Promise.all(instances.map((i) => i.ready()))).every(Boolean),
    );
    log(`tiga instans siap dalam ${((Date.now() - bootStart) / 1000).toFixed(1)} s`);
    await lb.start(instances.map((i) => `${i.ip}:${API_PORT}`));
    stopping.push(() => lb.stop());

    // A root connection over the primary's socket; opened again after the primary's restart.
    const rootConnection = async (): Promise<Connection> => {
      const connection = await pair.primary.connect();
      await connection.query(`USE \`${DATABASE}\``);
      return connection;
    };
    let root = await rootConnection();
    stopping.push(() => root.end().catch(() => undefined));
    const [offices] = (await root.query(
      "SELECT helpdesk_email AS email FROM offices WHERE code = 'bali'",
    )) as unknown as [{ email: string | null }[]];
    const helpdeskAddress = offices[0]?.email ?? 'helpdesk@sigap-soak.baliprov.go.id';

    // ---- load ------------------------------------------------------------------------------
    const stats = new Stats();
    const client = new Client(`http://127.0.0.1:${lb.port}`, stats);
    const login = async (email: string) =>
      (
        await client.call<{ accessToken: string }>('POST', '/api/v1/auth/login', 'auth/login', {
          body: { email, password: PASSWORD },
        })
      ).body.accessToken;
    const helpdesk = await login('helpdesk.bali@sigap.local');
    const riau = await login('helpdesk.riau@sigap.local');
    const manager = await login('kadis.bali@sigap.local');
    const sender = new MailSender(dovecot.port, dovecot.user, dovecot.password, helpdeskAddress);
    stopping.push(() => sender.close());

    const openings: Opening[] = [];
    const mailedFrom = new Set<string>();
    const repliedTo = new Set<string>();
    const errors: string[] = [];
    let running = true;
    const t0 = Date.now();
    const windows: Window[] = [];
    const events: string[] = [];
    const event = (line: string) => {
      events.push(`+${((Date.now() - t0) / 1000).toFixed(0)} s ${line}`);
      log(line);
    };
    let seq = 0;

    const agent = (token: string) => async () => {
      const page = await client.expect<{ items: { number: string }[] }>(
        200,
        'GET',
        '/api/v1/tickets?open=true&limit=50',
        'tickets',
        { token },
      );
      const items = page?.items ?? [];
      const pick = items[Math.floor(Math.random() * items.length)];
      if (!pick) return;
      await client.expect(200, 'GET', `/api/v1/tickets/${pick.number}`, 'tickets/:number', {
        token,
      });
      await client.expect(
        200,
        'GET',
        `/api/v1/tickets/${pick.number}/timeline`,
        'tickets/:number/timeline',
        { token },
      );
    };
    const open = async () => {
      const n = ++seq;
      const email = `pemohon-${n}-${runId}@bkd.baliprov.go.id`;
      const subject = `Soak ${runId} permohonan ${n}`;
      const ticket = await client.expect<{ number: string }>(
        201,
        'POST',
        '/api/v1/tickets',
        'tickets (buka)',
        {
          token: helpdesk,
          body: {
            office: 'bali',
            service: 'pengembangan-aplikasi',
            channel: 'email',
            subject,
            description: 'Permohonan pengembangan aplikasi dari uji ketahanan.',
            requester: { name: `Pemohon ${n}`, email },
          },
        },
      );
      if (ticket) openings.push({ number: ticket.number, email, subject });
    };
    let mailTurn = 0;
    const mailIn = async () => {
      const turn = mailTurn++ % 3;
      if (turn === 0) {
        // A new request from a requester the office knows: a triage ticket.
        const known = openings.find((o) => !mailedFrom.has(o.email));
        if (!known) return;
        mailedFrom.add(known.email);
        await sender.send(known.email, `Permintaan lanjutan dari ${known.email.split('@')[0]}`);
      } else if (turn === 1) {
        // A reply on a ticket's thread, to the acknowledgement it was sent.
        const mine = new Set(openings.map((o) => o.email));
        const ack = smtp.delivered.find(
          (d) => d.to.some((t) => mine.has(t)) && !repliedTo.has(d.messageId),
        );
        if (!ack) return;
        repliedTo.add(ack.messageId);
        await sender.send(ack.to[0] as string, `Re: ${ack.ticket ?? 'permohonan'}`, ack.messageId);
      } else {
        // A stranger: quarantine.
        await sender.send(
          `asing-${randomUUID().slice(0, 8)}@contoh-soak.invalid`,
          'Penawaran kerja sama',
        );
      }
    };
    const portal = async () => {
      await client.expect(200, 'GET', '/api/v1/public/offices', 'public/offices');
      await client.expect(200, 'GET', '/api/v1/public/offices/bali', 'public/offices/:office');
    };
    const dashboards = async () => {
      await client.expect(200, 'GET', '/api/v1/dashboards/backlog', 'dashboards/backlog', {
        token: manager,
      });
      await client.expect(200, 'GET', '/api/v1/dashboards/compliance', 'dashboards/compliance', {
        token: manager,
      });
    };

    const memory: { t: number; i: number; rss: number }[] = [];
    const sampler = (async () => {
      while (running) {
        for (const instance of instances) {
          const rss = instance.rss();
          if (rss !== null) memory.push({ t: Date.now() - t0, i: instance.index, rss });
        }
        await sleep(5000);
      }
    })();

    const faults = (async () => {
      const at = async (share: number) => {
        const wait = t0 + share * durationMs - Date.now();
        if (wait > 0) await sleep(wait);
      };
      await at(0.3);
      const killed = instances[1] as ApiInstance;
      const killAt = Date.now();
      await killed.kill();
      windows.push({
        name: `instans ${killed.index} dimatikan (SIGKILL)`,
        from: killAt,
        to: killAt + 10_000,
      });
      event(`instans ${killed.index} dimatikan (SIGKILL)`);
      await sleep(Math.min(60_000, 0.15 * durationMs));
      killed.start();
      await waitFor(`instans ${killed.index} siap lagi`, 180_000, () => killed.ready());
      event(`instans ${killed.index} hidup lagi dan siap`);

      await at(0.5);
      const dbStop = Date.now();
      event('MariaDB primer dihentikan untuk dimulai ulang');
      await pair.restartPrimary();
      event(`MariaDB primer hidup lagi (${((Date.now() - dbStop) / 1000).toFixed(1)} s)`);
      const allReady = await waitFor('semua instans siap setelah MariaDB', 180_000, async () =>
        (await Promise.all(instances.map((i) => i.ready()))).every(Boolean),
      );
      windows.push({ name: 'MariaDB dimulai ulang', from: dbStop, to: allReady + 15_000 });
      event(
        `semua instans siap lagi (${((allReady - dbStop) / 1000).toFixed(1)} s sejak MariaDB berhenti)`,
      );

      await at(0.7);
      await smtp.down();
      event(`SMTP mati selama ${smtpDownMs / 1000} s`);
      await sleep(smtpDownMs);
      await smtp.up();
      event('SMTP hidup lagi');
    })();

    const loops = [
      loop(() => running, 1000, agent(helpdesk), errors),
      loop(() => running, 1500, agent(riau), errors),
      loop(() => running, 3000, open, errors),
      loop(() => running, 4000, mailIn, errors),
      loop(() => running, 2000, portal, errors),
      loop(() => running, 5000, dashboards, errors),
    ];
    await sleep(durationMs);
    running = false;
    await Promise.all(loops);
    await sampler;
    await faults;
    const loadEnd = Date.now();
    event(
      `beban berhenti: ${stats.requests} permintaan, ${openings.length} tiket dibuka, ${sender.appended.length} e-mail masuk`,
    );

    // ---- drain -----------------------------------------------------------------------------
    await root.end().catch(() => undefined);
    root = await rootConnection();
    const pending = async () => {
      const [rows] = (await root.query(
        "SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'",
      )) as unknown as [{ n: number }[]];
      return Number(rows[0]?.n ?? 0);
    };
    const received = async () => {
      const [rows] = (await root.query(
        "SELECT message_id AS id FROM inbound_messages WHERE message_id LIKE '<soak-%'",
      )) as unknown as [{ id: string }[]];
      return new Set(rows.map((r) => r.id));
    };
    let drainedAt: number | null = null;
    try {
      // A row claimed by the killed instance waits for its claim to run out (5 min) before
      // another instance delivers it; a failed send waits for its backoff.
      drainedAt = await waitFor(
        'outbox kosong dan semua e-mail masuk diproses',
        12 * 60_000,
        async () => {
          const inbound = await received();
          return sender.appended.every((id) => inbound.has(id)) && (await pending()) === 0;
        },
      );
      event(`terkuras ${((drainedAt - loadEnd) / 1000).toFixed(0)} s setelah beban berhenti`);
    } catch (error) {
      event((error as Error).message);
    }

    // ---- checks ----------------------------------------------------------------------------
    const report = await check({
      root,
      pair,
      stats,
      windows,
      smtp,
      sender,
      openings,
      memory,
      durationMs,
      received: await received(),
      pending: await pending(),
      drained: drainedAt !== null,
    });
    const lines = [
      `Soak ${minutes} menit, ${new Date(t0).toISOString()}, run ${runId}`,
      ...events.map((e) => `  ${e}`),
      ...report.lines,
      ...(errors.length
        ? [
            `langkah beban yang gagal: ${errors.length} (${[...new Set(errors)].slice(0, 5).join('; ')})`,
          ]
        : []),
      report.ok && !errors.length
        ? 'HASIL: semua syarat terpenuhi'
        : 'HASIL: ada syarat yang tidak terpenuhi',
    ];
    writeFileSync(join(out, 'result.txt'), `${lines.join('\n')}\n`);
    console.log(`\n${lines.join('\n')}`);
    return report.ok && !errors.length ? 0 : 1;
  } finally {
    await stopAll();
  }
}

async function check(o: {
  root: Connection;
  pair: ReplicatedPair;
  stats: Stats;
  windows: Window[];
  smtp: SmtpSink;
  sender: MailSender;
  openings: Opening[];
  memory: { t: number; i: number; rss: number }[];
  durationMs: number;
  received: Set<string>;
  pending: number;
  drained: boolean;
}): Promise<{ ok: boolean; lines: string[] }> {
  const lines: string[] = [];
  let ok = true;
  const verdict = (pass: boolean, line: string) => {
    ok &&= pass;
    lines.push(`${pass ? 'LULUS' : 'GAGAL'}  ${line}`);
  };
  const query = async <T>(sql: string) => ((await o.root.query(sql)) as unknown as [T[]])[0];

  // Requests.
  const { stats } = o;
  const inWindow = (at: number) => o.windows.find((w) => at >= w.from && at <= w.to);
  const outside = stats.failures.filter((f) => !inWindow(f.at));
  const classes = [...stats.byClass.entries()]
    .sort()
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  lines.push(
    `permintaan: ${stats.requests} (${classes}); p50 ${percentile(stats.latencies, 50).toFixed(0)} ms, p99 ${percentile(stats.latencies, 99).toFixed(0)} ms`,
  );
  for (const w of o.windows) {
    const inside = stats.failures.filter((f) => f.at >= w.from && f.at <= w.to);
    const by = countBy(inside.map((f) => `${f.status || 'putus'} ${f.method} ${f.route}`));
    lines.push(
      `  jendela "${w.name}" (${((w.to - w.from) / 1000).toFixed(0)} s): ${inside.length} 5xx/putus, semua diulang${by ? `: ${by}` : ''}`,
    );
  }
  verdict(
    outside.length === 0 && stats.gaveUp.length === 0,
    `5xx di luar jendela gangguan: ${outside.length}${outside.length ? ` (${countBy(outside.map((f) => `${f.status || 'putus'} ${f.method} ${f.route}`))})` : ''}; gagal setelah diulang: ${stats.gaveUp.length}`,
  );
  verdict(
    stats.unexpected.length === 0,
    `jawaban tak terduga (4xx): ${stats.unexpected.length}${stats.unexpected.length ? ` (${countBy(stats.unexpected.map((u) => `${u.status} ${u.route}`))}; mis. ${stats.unexpected[0]?.body})` : ''}`,
  );

  // Mail out: every sent row delivered exactly once, nothing left.
  const rows = await query<{
    id: string;
    status: string;
    message_id: string | null;
    last_error: string | null;
  }>('SELECT id, status, message_id, last_error FROM outbox');
  const delivered = countMap(o.smtp.delivered.map((d) => d.messageId));
  const sent = rows.filter((r) => r.status === 'sent');
  const lost = sent.filter((r) => !r.message_id || !delivered.has(r.message_id));
  const twice = [...delivered.entries()].filter(([, n]) => n > 1);
  const known = new Set(rows.map((r) => r.message_id));
  const strays = [...delivered.keys()].filter((id) => !known.has(id));
  const failed = rows.filter((r) => r.status === 'failed');
  lines.push(
    `e-mail keluar: ${rows.length} baris outbox, ${sent.length} terkirim, ${o.smtp.delivered.length} diterima SMTP`,
  );
  verdict(
    lost.length === 0 && strays.length === 0,
    `e-mail keluar hilang: ${lost.length}; diterima tanpa baris outbox: ${strays.length}`,
  );
  verdict(
    twice.length === 0,
    `e-mail keluar terkirim dua kali: ${twice.length}${
      twice.length
        ? ` (${twice
            .slice(0, 3)
            .map(([id]) => id)
            .join(', ')})`
        : ''
    }`,
  );
  verdict(
    o.pending === 0 && failed.length === 0 && o.drained,
    `outbox terkuras: ${o.pending} menunggu, ${failed.length} gagal permanen${failed.length ? ` (${failed[0]?.last_error})` : ''}`,
  );

  // Mail in: every appended message became exactly one inbound row.
  const missingIn = o.sender.appended.filter((id) => !o.received.has(id));
  const actions = await query<{ action: string; n: number }>(
    "SELECT action, COUNT(*) AS n FROM inbound_messages WHERE message_id LIKE '<soak-%' GROUP BY action",
  );
  lines.push(
    `e-mail masuk: ${o.sender.appended.length} dikirim ke IMAP (${actions.map((a) => `${a.action} ${a.n}`).join(', ')})`,
  );
  verdict(missingIn.length === 0, `e-mail masuk hilang: ${missingIn.length}`);

  // Ticket numbers: per office and year 1..n, each once, and the counter at n.
  const tickets = await query<{ number: string; subject: string }>(
    'SELECT number, subject FROM tickets',
  );
  const counters = await query<{ office_code: string; year: number; last_value: number }>(
    'SELECT office_code, year, last_value FROM ticket_counters',
  );
  const series = new Map<string, number[]>();
  for (const t of tickets) {
    const m = /^(.+)-(\d{4})-(\d+)$/.exec(t.number);
    if (!m) continue;
    const key = `${m[1]}-${m[2]}`;
    series.set(key, [...(series.get(key) ?? []), Number(m[3])]);
  }
  const problems: string[] = [];
  for (const [key, values] of series) {
    const sorted = [...values].sort((a, b) => a - b);
    const repeated = sorted.filter((v, i) => i > 0 && v === sorted[i - 1]);
    const skipped: number[] = [];
    for (let v = 1, k = 0; v <= (sorted[sorted.length - 1] ?? 0); v++) {
      while ((sorted[k] ?? Infinity) < v) k++;
      if (sorted[k] !== v) skipped.push(v);
    }
    if (repeated.length || skipped.length)
      problems.push(
        `${key}: terulang ${repeated.join(',') || '-'}, terlewat ${skipped.slice(0, 10).join(',') || '-'}`,
      );
  }
  const counted = counters.reduce((sum, c) => sum + Number(c.last_value), 0);
  const soakTickets = tickets.filter((t) => t.subject.includes('Soak ')).map((t) => t.subject);
  const duplicateOpenings = soakTickets.length - new Set(soakTickets).size;
  lines.push(
    `tiket: ${tickets.length} (${o.openings.length} dibuka lewat API, ${tickets.length - soakTickets.length} lain: data demo dan e-mail), penghitung ${counted}; pembukaan ganda karena diulang: ${duplicateOpenings}`,
  );
  verdict(
    problems.length === 0 && counted === tickets.length,
    `nomor tiket terlewat atau terulang: ${problems.length ? problems.join('; ') : 'tidak ada'}`,
  );

  // Memory: the instances never restarted, after warm-up against the end of the load.
  const warm = Math.max(60_000, 0.2 * o.durationMs);
  const end = o.durationMs;
  const growth: string[] = [];
  let flat = true;
  for (const i of [1, 3]) {
    const own = o.memory.filter((s) => s.i === i);
    const first = own.filter((s) => s.t >= warm && s.t < warm + 60_000).map((s) => s.rss);
    const last = own.filter((s) => s.t >= end - 60_000).map((s) => s.rss);
    if (!first.length || !last.length) continue;
    const pct = (median(last) / median(first) - 1) * 100;
    flat &&= pct < 10;
    growth.push(
      `instans ${i}: ${mb(median(first))} → ${mb(median(last))} (${pct >= 0 ? '+' : ''}${pct.toFixed(1)} %)`,
    );
  }
  verdict(
    flat && growth.length > 0,
    `memori setelah pemanasan (median RSS menit pertama sesudah ${warm / 1000} s → menit terakhir): ${growth.join('; ')}`,
  );
  void o.pair;
  return { ok, lines };
}

function countMap(values: string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const v of values) map.set(v, (map.get(v) ?? 0) + 1);
  return map;
}

function countBy(values: string[]): string {
  return [...countMap(values).entries()].map(([k, n]) => `${n}× ${k}`).join(', ');
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`soak gagal: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
