/**
 * Prometheus metrics (prom-client), one registry per application instance. Three kinds:
 * - measured in this process as things happen: HTTP latency per route, periodic job runs and
 *   durations, inbound mail by action, database pool use;
 * - read from the database at scrape time, so every instance reports the same installation-wide
 *   figure (alert on `max`, not `sum`): outbox depth, oldest pending age and failures, IMAP
 *   failures and held messages, open tickets at risk and breached per office. These reads are
 *   cached for a few seconds, so several scrapers cost the database one set of small queries.
 */
import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { DataSource } from 'typeorm';
import { PeriodicJob, type JobObserver } from '@sigap/api-common';
import { mysqlPool } from '@sigap/api-database';

const DB_CACHE_MS = 5_000;

interface DbFigures {
  outbox: { status: string; n: number; oldest: Date | null }[];
  imap: { mailbox: string; held: number; failing: number }[];
  tickets: { office: string; state: string; n: number }[];
}

@Injectable()
export class MetricsService implements OnModuleInit, OnModuleDestroy {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'sigap_http_request_duration_seconds',
    help: 'HTTP request time by route pattern, method and status class',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly jobDuration = new Histogram({
    name: 'sigap_job_duration_seconds',
    help: 'Periodic job runs (outbox, SLA sweep, dashboard refresh, LAPOR! pull, cleanups) by outcome',
    labelNames: ['job', 'outcome'] as const,
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
    registers: [this.registry],
  });

  readonly inboundMessages = new Counter({
    name: 'sigap_inbound_messages_total',
    help: 'Inbound e-mail handled by this instance, by what was done with it',
    labelNames: ['action'] as const,
    registers: [this.registry],
  });

  readonly outboxDeliveries = new Counter({
    name: 'sigap_outbox_deliveries_total',
    help: "Outbox rows handled by this instance's worker, by result (sent, retried, failed, deferred, lost)",
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  private readonly dbPool = new Gauge({
    name: 'sigap_db_pool_connections',
    help: 'Database pool connections of this instance by state (MariaDB/MySQL)',
    labelNames: ['state'] as const,
    registers: [this.registry],
  });

  private readonly dbPoolWaits = new Counter({
    name: 'sigap_db_pool_waits_total',
    help: 'Requests for a database connection that had to wait for a free one',
    registers: [this.registry],
  });

  private readonly pool = { open: 0, inUse: 0 };
  private cached: { at: number; figures: Promise<DbFigures> } | null = null;
  private readonly observer: JobObserver = (job, seconds, ok) =>
    this.jobDuration.observe({ job, outcome: ok ? 'ok' : 'error' }, seconds);

  constructor(private readonly dataSource: DataSource) {
    collectDefaultMetrics({ register: this.registry, prefix: 'sigap_' });
    const figures = () => this.dbFigures();
    new Gauge({
      name: 'sigap_outbox_messages',
      help: 'Outbox rows waiting to be sent (pending) and given up on (failed)',
      labelNames: ['status'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const row of (await figures()).outbox) this.set({ status: row.status }, row.n);
      },
    });
    new Gauge({
      name: 'sigap_outbox_oldest_pending_seconds',
      help: 'Age of the oldest outbox row still waiting to be sent (0 when none)',
      registers: [this.registry],
      async collect() {
        const pending = (await figures()).outbox.find((r) => r.status === 'pending');
        const oldest = pending?.oldest ? new Date(pending.oldest).getTime() : null;
        this.set(oldest ? Math.max(0, (Date.now() - oldest) / 1000) : 0);
      },
    });
    new Gauge({
      name: 'sigap_imap_failing_messages',
      help: 'Messages of a mailbox that failed to be processed and wait for a retry',
      labelNames: ['mailbox'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const row of (await figures()).imap) this.set({ mailbox: row.mailbox }, row.failing);
      },
    });
    new Gauge({
      name: 'sigap_imap_held_messages',
      help: 'Messages of a mailbox held after repeated failures, waiting for an admin',
      labelNames: ['mailbox'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const row of (await figures()).imap) this.set({ mailbox: row.mailbox }, row.held);
      },
    });
    new Gauge({
      name: 'sigap_tickets_sla',
      help: 'Open tickets whose SLA clock is at risk or breached, per office',
      labelNames: ['office', 'state'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const row of (await figures()).tickets) {
          this.set({ office: row.office, state: row.state }, row.n);
        }
      },
    });
  }

  onModuleInit(): void {
    PeriodicJob.observe(this.observer);
    this.watchPool();
  }

  onModuleDestroy(): void {
    PeriodicJob.unobserve(this.observer);
  }

  async render(): Promise<string> {
    this.dbPool.set({ state: 'open' }, this.pool.open);
    this.dbPool.set({ state: 'in_use' }, this.pool.inUse);
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** mysql2's pool events (public API) count connections; SQLite has no pool. */
  private watchPool(): void {
    const pool = mysqlPool(this.dataSource);
    if (!pool) return;
    pool.on('connection', () => this.pool.open++);
    pool.on('acquire', () => this.pool.inUse++);
    pool.on('release', () => (this.pool.inUse = Math.max(0, this.pool.inUse - 1)));
    pool.on('enqueue', () => this.dbPoolWaits.inc());
  }

  private dbFigures(): Promise<DbFigures> {
    const now = Date.now();
    if (this.cached && now - this.cached.at < DB_CACHE_MS) return this.cached.figures;
    const figures = this.readDb();
    this.cached = { at: now, figures };
    figures.catch(() => (this.cached = null));
    return figures;
  }

  private async readDb(): Promise<DbFigures> {
    const q = (sql: string) => this.dataSource.query(sql) as Promise<Record<string, unknown>[]>;
    const [outbox, imap, tickets] = await Promise.all([
      q(`SELECT status, COUNT(*) AS n, MIN(created_at) AS oldest FROM outbox
          WHERE status IN ('pending', 'failed') GROUP BY status`),
      q(`SELECT mailbox, SUM(CASE WHEN held_at IS NULL THEN 0 ELSE 1 END) AS held,
                SUM(CASE WHEN held_at IS NULL THEN 1 ELSE 0 END) AS failing
           FROM mailbox_message_failures GROUP BY mailbox`),
      q(`SELECT office_code AS office, sla_state AS state, COUNT(*) AS n FROM tickets
          WHERE is_open = 1 AND sla_state IN ('at-risk', 'breached')
          GROUP BY office_code, sla_state`),
    ]);
    return {
      outbox: outbox.map((r) => ({
        status: String(r['status']),
        n: Number(r['n']),
        oldest: r['oldest'] ? parseInstant(r['oldest']) : null,
      })),
      imap: imap.map((r) => ({
        mailbox: String(r['mailbox']),
        held: Number(r['held']),
        failing: Number(r['failing']),
      })),
      tickets: tickets.map((r) => ({
        office: String(r['office']),
        state: String(r['state']),
        n: Number(r['n']),
      })),
    };
  }
}

/** MariaDB gives a Date (UTC), SQLite the stored text. */
function parseInstant(value: unknown): Date {
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}
