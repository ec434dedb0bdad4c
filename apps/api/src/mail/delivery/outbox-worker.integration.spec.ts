import { DataSource } from 'typeorm';
import { SMTPServer } from 'smtp-server';
import { CalendarProvider } from '@sigap/api-calendars';
import { Clock } from '@sigap/api-clock';
import { OutboxEntity } from '@sigap/api-outbox';
import { OutboxService } from '@sigap/api-outbox';
import {
  DATABASES,
  createTestDatabase,
  startTestApp,
  type TestApp,
  type TestDatabase,
} from '../../testing/test-app';
import { twoInstancesOnOneDatabase } from '../../testing/two-instances';
import { MailService } from '@sigap/api-mail';
import { MetricsService } from '@sigap/api-observability';
import { CLAIM_MS, OutboxWorker, backoffMs } from '@sigap/api-mail';
import { freePort, smtpTestEnv } from './testing/recording-smtp';

/** An in-process SMTP server that records each received message's Message-ID. */
class CountingSmtp {
  readonly ids: string[] = [];
  private server: SMTPServer | null = null;

  constructor(readonly port: number) {}

  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (address.address.startsWith('tolak')) {
          const error = new Error('mailbox unavailable') as Error & { responseCode: number };
          error.responseCode = 550;
          return callback(error);
        }
        callback();
      },
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const head = Buffer.concat(chunks).toString('utf8');
          const match = /^Message-ID:\s*(<[^>]+>)/im.exec(head);
          this.ids.push(match ? match[1] : '?');
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => this.server?.listen(this.port, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(resolve) : resolve()));
    this.server = null;
  }
}

describe('backoffMs', () => {
  it('doubles from 30 s with jitter within ±20 % and caps at 6 h', () => {
    expect(backoffMs(1, () => 0.5)).toBe(30_000);
    expect(backoffMs(2, () => 0.5)).toBe(60_000);
    expect(backoffMs(3, () => 0)).toBe(96_000);
    expect(backoffMs(3, () => 1)).toBe(144_000);
    expect(backoffMs(40, () => 0.5)).toBe(6 * 3600_000);
  });
});

for (const kind of DATABASES) {
  describe(`outbox worker [${kind}]`, () => {
    let db: TestDatabase;
    let app: TestApp;
    let smtp: CountingSmtp;
    let worker: OutboxWorker;
    let clock: Clock;
    let dataSource: DataSource;

    beforeAll(async () => {
      const port = await freePort();
      smtp = new CountingSmtp(port);
      db = await createTestDatabase(kind);
      app = await startTestApp(db, {
        ...smtpTestEnv(port),
        SIGAP_PUBLIC_URL: 'https://sigap.example.go.id/',
      });
      worker = app.app.get(OutboxWorker);
      clock = app.app.get(Clock);
      dataSource = app.app.get(DataSource);
    }, 60_000);

    afterAll(async () => {
      await smtp.stop();
      await app?.close();
      await db?.drop();
    }, 30_000);

    const enqueueResets = async (count: number, prefix: string) => {
      const outbox = app.app.get(OutboxService);
      await outbox.enqueue(
        Array.from({ length: count }, (_, i) => ({
          kind: 'password-reset',
          payload: {
            userId: `u${i}`,
            email: `${prefix}${i}@opd.example.go.id`,
            name: `Pengguna ${i}`,
            locale: 'id',
            token: `rahasia-${prefix}-${i}`,
            expiresAt: new Date(clock.now().getTime() + 3600_000).toISOString(),
          },
        })),
        clock.now(),
      );
    };

    const rows = () => dataSource.getRepository(OutboxEntity).find();

    it('keeps retrying while SMTP is down, then sends every message once', async () => {
      await enqueueResets(5, 'down');
      const first = await worker.drain();
      expect(first.retried).toBe(5);
      expect(first.sent).toBe(0);
      let stored = await rows();
      expect(stored.every((r) => r.status === 'pending' && r.attempts === 1)).toBeTrue();
      expect(stored.every((r) => /ECONNREFUSED|ECONNECTION/.test(r.lastError ?? ''))).toBeTrue();
      expect(stored.every((r) => r.nextAttemptAt.getTime() > clock.now().getTime())).toBeTrue();
      // Not due yet: nothing is claimed.
      expect((await worker.runOnce()).claimed).toBe(0);

      await smtp.start();
      clock.set(clock.now().getTime() + 10 * 60_000);
      const second = await worker.drain();
      expect(second.sent).toBe(5);
      stored = await rows();
      expect(stored.every((r) => r.status === 'sent' && r.attempts === 2 && r.sentAt)).toBeTrue();
      expect(new Set(smtp.ids).size).toBe(5);
      expect(smtp.ids.length).toBe(5);
      // The plain reset token is gone from the payload; the message carried the public URL.
      for (const r of stored) {
        expect(r.payload).not.toContain('rahasia-');
        expect(JSON.parse(r.payload).tokenErased).toBeTrue();
      }
      expect((await worker.drain()).claimed).toBe(0);
    }, 60_000);

    it('marks a 5xx rejection as a permanent failure without retrying', async () => {
      await enqueueResets(1, 'tolak');
      const result = await worker.drain();
      expect(result.failed).toBe(1);
      const row = (await rows()).find((r) => r.recipient === 'tolak0@opd.example.go.id');
      expect(row?.status).toBe('failed');
      expect(row?.lastError).toContain('550');
    }, 30_000);

    it('two workers on one database never send one row twice', async () => {
      smtp.ids.length = 0;
      await enqueueResets(60, 'dua');
      const other = new OutboxWorker(
        dataSource,
        app.app.get(MailService),
        app.config,
        clock,
        app.app.get(CalendarProvider),
      );
      expect(other.id).not.toBe(worker.id);
      const [a, b] = await Promise.all([worker.drain(), other.drain()]);
      expect(a.sent + b.sent).toBe(60);
      if (kind === 'mysql') {
        // Both really worked (SKIP LOCKED hands each its own rows).
        expect(a.sent).toBeGreaterThan(0);
        expect(b.sent).toBeGreaterThan(0);
      }
      expect(smtp.ids.length).toBe(60);
      expect(new Set(smtp.ids).size).toBe(60);
      const sent = (await rows()).filter((r) => r.recipient?.startsWith('dua'));
      expect(sent.every((r) => r.status === 'sent' && r.attempts === 1)).toBeTrue();
    }, 60_000);

    it('reports its passes (runs, errors, duration) and their rows in the metrics', async () => {
      const metrics = app.app.get(MetricsService);
      const value = async (series: string) => {
        const text = await metrics.render();
        const line = text.split('\n').find((l) => l.startsWith(`${series} `));
        return line ? Number(line.slice(series.length + 1)) : 0;
      };
      const runs = (outcome: string) =>
        value(`sigap_job_duration_seconds_count{job="outbox",outcome="${outcome}"}`);
      const rowsBy = (result: string) => value(`sigap_outbox_deliveries_total{result="${result}"}`);
      const before = {
        ok: await runs('ok'),
        error: await runs('error'),
        sent: await rowsBy('sent'),
        retried: await rowsBy('retried'),
        failed: await rowsBy('failed'),
      };
      await enqueueResets(3, 'metrik');
      await enqueueResets(1, 'tolak-metrik');
      expect((await worker.drain()).sent).toBe(3);
      // Two passes: one delivering the four rows, one finding nothing left.
      expect(await runs('ok')).toBe(before.ok + 2);
      expect(await rowsBy('sent')).toBe(before.sent + 3);
      expect(await rowsBy('failed')).toBe(before.failed + 1);

      await smtp.stop();
      try {
        await enqueueResets(2, 'putus-metrik');
        expect((await worker.runOnce()).retried).toBe(2);
        expect(await rowsBy('retried')).toBe(before.retried + 2);
      } finally {
        await smtp.start();
      }

      // A pass that cannot even claim (the database gone, say) is a failed run.
      spyOn(worker, 'claim').and.rejectWith(new Error('basis data tidak terjangkau'));
      await expectAsync(worker.runOnce()).toBeRejectedWithError(/tidak terjangkau/);
      expect(await runs('error')).toBe(before.error + 1);
      expect(await runs('ok')).toBe(before.ok + 3);
      const text = await metrics.render();
      expect(text).toMatch(/sigap_job_duration_seconds_sum\{job="outbox",outcome="ok"\} [0-9.e-]+/);
    }, 60_000);
  });
}

/**
 * An SMTP server that holds every message at the end of DATA until the test lets it go: a send
 * that lasts as long as the test wants (longer than a claim, on the workers' clocks).
 */
class GatedSmtp {
  /** Message-IDs accepted (answered 250), in order. */
  readonly accepted: string[] = [];
  /** Messages whose DATA has arrived and waits at the gate. */
  waiting = 0;
  private open = false;
  private release: (() => void)[] = [];
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, _session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const id = /^Message-ID:\s*(<[^>]+>)/im.exec(Buffer.concat(chunks).toString('utf8'));
        const accept = () => {
          this.waiting--;
          this.accepted.push(id ? id[1] : '?');
          callback();
        };
        this.waiting++;
        if (this.open) accept();
        else this.release.push(accept);
      });
    },
  });

  async start(): Promise<number> {
    const port = await freePort();
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    return port;
  }

  letGo(): void {
    this.open = true;
    for (const accept of this.release.splice(0)) accept();
  }

  close(): Promise<void> {
    this.letGo();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

for (const kind of DATABASES) {
  describe(`outbox under a slow SMTP server, two instances on one database [${kind}]`, () => {
    const smtp = new GatedSmtp();
    const env: Record<string, string> = {};
    beforeAll(async () => {
      Object.assign(env, smtpTestEnv(await smtp.start()), {
        SIGAP_PUBLIC_URL: 'https://sigap.example.go.id/',
      });
    });
    const pair = twoInstancesOnOneDatabase(kind, env);
    afterAll(() => smtp.close());

    const workers = () => [pair.a.app.get(OutboxWorker), pair.b.app.get(OutboxWorker)] as const;
    const clocks = () => [pair.a.app.get(Clock), pair.b.app.get(Clock)] as const;
    const rowsOf = (prefix: string) =>
      pair.a.app
        .get(DataSource)
        .getRepository(OutboxEntity)
        .find({ order: { createdAt: 'ASC' } })
        .then((rows) => rows.filter((r) => r.payload.includes(`"${prefix}`)));
    const enqueue = async (prefix: string, count: number) => {
      const [clock] = clocks();
      await pair.a.app.get(OutboxService).enqueue(
        Array.from({ length: count }, (_, i) => ({
          kind: 'password-reset',
          payload: {
            userId: `${prefix}-${i}`,
            email: `${prefix}${i}@opd.example.go.id`,
            name: `Pengguna ${i}`,
            locale: 'id',
            token: `rahasia-${prefix}-${i}`,
            expiresAt: new Date(clock.now().getTime() + 3600_000).toISOString(),
          },
        })),
        clock.now(),
      );
    };
    async function until(what: string, check: () => Promise<boolean>, ms = 15_000) {
      const end = Date.now() + ms;
      while (Date.now() < end) {
        if (await check()) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`menunggu terlalu lama: ${what}`);
    }

    it('keeps the claim of the row being sent while SMTP takes longer than a claim; the other instance sends only the rest', async () => {
      const [a, b] = workers();
      const [clockA, clockB] = clocks();
      const start = Date.now();
      clockA.set(start);
      clockB.set(start);
      await enqueue('lambat', 2);
      const running = a.runOnce();
      await until('first message at the gate', async () => smtp.waiting === 1);
      // (The row being sent has its Message-ID recorded already; the other waits its turn.)
      const [inFlight] = (await rowsOf('lambat')).filter((r) => r.messageId);
      // Longer than a claim passes on both instances while the first message is being sent.
      clockA.advance(CLAIM_MS + 60_000);
      clockB.advance(CLAIM_MS + 60_000);
      // The sending instance renews the claim of the row it is sending, by its own clock.
      await until('claim renewed', async () => {
        const row = (await rowsOf('lambat')).find((r) => r.id === inFlight.id);
        return row?.claimedBy === a.id && (row.claimedUntil?.getTime() ?? 0) > clockA.nowMs();
      });
      // The other instance takes only the row still waiting (its claim ran out) and sends it.
      const other = b.runOnce();
      await until('second message at the gate', async () => smtp.waiting === 2);
      smtp.letGo();
      const [mine, theirs] = await Promise.all([running, other]);
      expect([theirs.claimed, theirs.sent]).toEqual([1, 1]);
      expect([mine.claimed, mine.sent, mine.lost]).toEqual([2, 1, 1]);
      const rows = await rowsOf('lambat');
      expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBeTrue();
      const ids = rows.map((r) => String(r.messageId));
      const received = smtp.accepted.filter((id) => ids.includes(id));
      expect(received.sort()).toEqual([...ids].sort());
      expect(new Set(received).size).toBe(2);
      expect((await b.runOnce()).claimed).toBe(0);
    }, 60_000);

    it('never sends a row whose claim went to another worker while an earlier one was sending', async () => {
      const [a] = workers();
      const [clockA, clockB] = clocks();
      clockA.release();
      clockB.release();
      smtp.accepted.length = 0;
      (smtp as unknown as { open: boolean }).open = false;
      await enqueue('curi', 2);
      const running = a.runOnce();
      await until('first message at the gate', async () => smtp.waiting === 1);
      // This instance stalled past its claim on the second row, and another worker took it.
      // (The one being sent has its Message-ID recorded already; the other waits its turn.)
      const second = (await rowsOf('curi')).find((r) => !r.messageId);
      if (!second) throw new Error('baris kedua tidak ada');
      await pair.b.app
        .get(DataSource)
        .getRepository(OutboxEntity)
        .update(
          { id: second.id },
          { claimedBy: 'w-lain', claimedUntil: new Date(Date.now() + CLAIM_MS) },
        );
      smtp.letGo();
      const result = await running;
      expect([result.claimed, result.sent, result.lost]).toEqual([2, 1, 1]);
      expect(smtp.accepted.length).toBe(1);
      const after = await rowsOf('curi');
      const stolen = after.find((r) => r.id === second.id);
      expect(stolen?.status).toBe('pending');
      expect(stolen?.claimedBy).toBe('w-lain');
      expect(stolen?.attempts).toBe(0);
      expect(after.find((r) => r.id !== second.id)?.status).toBe('sent');
    }, 60_000);
  });
}
