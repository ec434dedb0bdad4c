import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { parseDuration, type Duration } from '@sigap/standards';
import type { ClockSnapshot } from '@sigap/sla';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarProvider } from '../calendars/calendar-provider';
import { Clock } from '../clock/clock';
import { AppConfig } from '../config/app-config';
import { figuresOf, FIRST_RESPONSE_CLOCK, type ClockRow } from '../tickets/clocks';
import { dbInstant, readInstant } from '../tickets/db-time';
import { bucketOf, localMonth } from './figures';

/** Seconds between refreshes: the most a closed ticket or completed step waits to be counted. */
export const REFRESH_SECONDS = 60;
/**
 * Tickets changed this long before the watermark are read again: a transaction that stamped
 * `updated_at` earlier but committed after the last refresh is still picked up.
 */
const OVERLAP_MS = 5 * 60_000;
const BATCH = 500;
const OUTCOMES = new Set(['met', 'met-late', 'breached']);

interface TicketFact {
  ticket_id: string;
  office_code: string;
  month: number;
  service_code: string;
  opd_id: string;
  assignee_id: string;
  outcome: string;
  elapsed_min: number;
  target_min: number;
  bucket: number;
  fr_outcome: string | null;
  fr_min: number | null;
  fr_bucket: number | null;
  stopped_at: Date | string;
}

interface StepFact {
  step_id: string;
  ticket_id: string;
  office_code: string;
  month: number;
  service_code: string;
  opd_id: string;
  step_order: number;
  position_code: string;
  holder_id: string;
  outcome: string;
  elapsed_min: number;
  target_min: number;
  time_text: string | null;
  bucket: number;
  stopped_at: Date | string;
}

export interface RefreshResult {
  tickets: number;
  ticketFacts: number;
  stepFacts: number;
  months: number;
}

interface Cursor {
  at: Date;
  id: string;
}

const minutes = (ms: number) => Math.round(ms / 60_000);
type Row = Record<string, unknown>;

/** Monthly rollups of one office's month (or of everything) rebuilt from the facts. */
export async function rebuildRollups(
  run: (sql: string, params?: unknown[]) => Promise<unknown>,
  pairs: ReadonlyArray<readonly [string, number]> | 'all',
): Promise<void> {
  const targets: Array<{ where: string; params: unknown[] }> =
    pairs === 'all'
      ? [{ where: '1 = 1', params: [] }]
      : pairs.map(([office, month]) => ({
          where: 'office_code = ? AND month = ?',
          params: [office, month],
        }));
  for (const { where, params } of targets) {
    await run(`DELETE FROM dash_ticket_month WHERE ${where}`, params);
    await run(`DELETE FROM dash_step_month WHERE ${where}`, params);
    await run(`DELETE FROM dash_hist WHERE ${where}`, params);
    await run(`DELETE FROM dash_step_opd_month WHERE ${where}`, params);
    await run(`DELETE FROM dash_hist_opd WHERE ${where}`, params);
    await run(
      `INSERT INTO dash_ticket_month (office_code, month, service_code, opd_id, assignee_id,
         total, met, met_late, breached, elapsed_sum, fr_total, fr_met, fr_met_late, fr_breached)
       SELECT office_code, month, service_code, opd_id, assignee_id, COUNT(*),
         SUM(CASE WHEN outcome = 'met' THEN 1 ELSE 0 END),
         SUM(CASE WHEN outcome = 'met-late' THEN 1 ELSE 0 END),
         SUM(CASE WHEN outcome = 'breached' THEN 1 ELSE 0 END),
         SUM(elapsed_min),
         SUM(CASE WHEN fr_outcome IS NULL THEN 0 ELSE 1 END),
         SUM(CASE WHEN fr_outcome = 'met' THEN 1 ELSE 0 END),
         SUM(CASE WHEN fr_outcome = 'met-late' THEN 1 ELSE 0 END),
         SUM(CASE WHEN fr_outcome = 'breached' THEN 1 ELSE 0 END)
       FROM dash_ticket_facts WHERE ${where}
       GROUP BY office_code, month, service_code, opd_id, assignee_id`,
      params,
    );
    await run(
      `INSERT INTO dash_step_month (office_code, month, service_code, step_order, position_code,
         holder_id, total, met, met_late, breached, elapsed_sum, target_min, time_text)
       SELECT office_code, month, service_code, step_order, position_code, holder_id, COUNT(*),
         SUM(CASE WHEN outcome = 'met' THEN 1 ELSE 0 END),
         SUM(CASE WHEN outcome = 'met-late' THEN 1 ELSE 0 END),
         SUM(CASE WHEN outcome = 'breached' THEN 1 ELSE 0 END),
         SUM(elapsed_min), MAX(target_min), MAX(time_text)
       FROM dash_step_facts WHERE ${where}
       GROUP BY office_code, month, service_code, step_order, position_code, holder_id`,
      params,
    );
    await run(
      `INSERT INTO dash_hist (office_code, kind, month, service_code, step_order, position_code, holder_id, bucket, n, sum_min)
       SELECT office_code, 'ticket', month, service_code, 0, '', '', bucket, COUNT(*), SUM(elapsed_min)
       FROM dash_ticket_facts WHERE ${where}
       GROUP BY office_code, month, service_code, bucket`,
      params,
    );
    await run(
      `INSERT INTO dash_hist (office_code, kind, month, service_code, step_order, position_code, holder_id, bucket, n, sum_min)
       SELECT office_code, 'first', month, service_code, 0, '', '', fr_bucket, COUNT(*), SUM(fr_min)
       FROM dash_ticket_facts WHERE ${where} AND fr_bucket IS NOT NULL
       GROUP BY office_code, month, service_code, fr_bucket`,
      params,
    );
    await run(
      `INSERT INTO dash_hist (office_code, kind, month, service_code, step_order, position_code, holder_id, bucket, n, sum_min)
       SELECT office_code, 'step', month, service_code, step_order, position_code, holder_id, bucket,
         COUNT(*), SUM(elapsed_min)
       FROM dash_step_facts WHERE ${where}
       GROUP BY office_code, month, service_code, step_order, position_code, holder_id, bucket`,
      params,
    );
    await run(
      `INSERT INTO dash_step_opd_month (office_code, opd_id, month, service_code, step_order,
         position_code, total, met, met_late, breached, elapsed_sum, target_min, time_text)
       SELECT office_code, opd_id, month, service_code, step_order, position_code, COUNT(*),
         SUM(CASE WHEN outcome = 'met' THEN 1 ELSE 0 END),
         SUM(CASE WHEN outcome = 'met-late' THEN 1 ELSE 0 END),
         SUM(CASE WHEN outcome = 'breached' THEN 1 ELSE 0 END),
         SUM(elapsed_min), MAX(target_min), MAX(time_text)
       FROM dash_step_facts WHERE ${where}
       GROUP BY office_code, opd_id, month, service_code, step_order, position_code`,
      params,
    );
    await run(
      `INSERT INTO dash_hist_opd (office_code, kind, opd_id, month, service_code, step_order,
         position_code, bucket, n, sum_min)
       SELECT office_code, 'first', opd_id, month, service_code, 0, '', fr_bucket, COUNT(*), SUM(fr_min)
       FROM dash_ticket_facts WHERE ${where} AND fr_bucket IS NOT NULL
       GROUP BY office_code, opd_id, month, service_code, fr_bucket`,
      params,
    );
    await run(
      `INSERT INTO dash_hist_opd (office_code, kind, opd_id, month, service_code, step_order,
         position_code, bucket, n, sum_min)
       SELECT office_code, 'step', opd_id, month, service_code, step_order, position_code, bucket,
         COUNT(*), SUM(elapsed_min)
       FROM dash_step_facts WHERE ${where}
       GROUP BY office_code, opd_id, month, service_code, step_order, position_code, bucket`,
      params,
    );
  }
}

/**
 * Keeps the dashboards' facts and rollups up to date. Every REFRESH_SECONDS it reads the tickets
 * changed since the watermark (`tickets.updated_at`; every ticket action stamps it), rewrites
 * their facts from the frozen clock figures (a closed ticket; each completed step) and rebuilds
 * the monthly rollups of the office-months touched, in one transaction per batch. Reopening a
 * ticket clears its frozen figures, so its facts go away until it closes again.
 *
 * Several API instances may run it: the transaction starts by locking the single watermark row,
 * so batches are applied one at a time; facts are keyed by ticket and step, so a batch applied
 * twice changes nothing.
 */
@Injectable()
export class DashboardRefreshService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Dashboards');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<RefreshResult> | null = null;
  private readonly durations = new Map<string, Duration | null>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: CalendarProvider,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.nodeEnv === 'test') return;
    this.timer = setInterval(() => {
      this.refresh().catch((e: unknown) =>
        this.logger.error(`refresh failed: ${e instanceof Error ? e.message : String(e)}`),
      );
    }, REFRESH_SECONDS * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stop();
    await this.running?.catch(() => undefined);
  }

  /** Stops the periodic refresh (bulk loads run it once at the end instead). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Applies every change up to now (one refresh at a time per process). */
  refresh(): Promise<RefreshResult> {
    if (!this.running) {
      this.running = this.refreshAll().finally(() => (this.running = null));
    }
    return this.running;
  }

  /** The instant the facts were last brought up to date, or null before the first refresh. */
  async dataAsOf(): Promise<Date | null> {
    const rows: Row[] = await this.dataSource.query(
      'SELECT refreshed_at FROM dash_refresh WHERE id = 1',
    );
    return readInstant((rows[0]?.['refreshed_at'] as Date | string | null) ?? null);
  }

  private async refreshAll(): Promise<RefreshResult> {
    const total: RefreshResult = { tickets: 0, ticketFacts: 0, stepFacts: 0, months: 0 };
    let cursor: Cursor | null = null;
    for (;;) {
      const batch: { result: RefreshResult; next: Cursor | null } =
        await this.dataSource.transaction((manager) => this.refreshBatch(manager, cursor));
      total.tickets += batch.result.tickets;
      total.ticketFacts += batch.result.ticketFacts;
      total.stepFacts += batch.result.stepFacts;
      total.months += batch.result.months;
      if (!batch.next) break;
      cursor = batch.next;
    }
    return total;
  }

  private async refreshBatch(
    manager: EntityManager,
    cursor: Cursor | null,
  ): Promise<{ result: RefreshResult; next: Cursor | null }> {
    const mysql = manager.connection.options.type === 'mysql';
    const [state] = (await manager.query(
      `SELECT watermark FROM dash_refresh WHERE id = 1${mysql ? ' FOR UPDATE' : ''}`,
    )) as Row[];
    const watermark = readInstant((state?.['watermark'] as Date | string | null) ?? null);
    // The first batch starts a little before the watermark; the next ones continue after the
    // last ticket read, in (updated_at, id) order.
    const from = cursor ?? {
      at: new Date(watermark ? watermark.getTime() - OVERLAP_MS : 0),
      id: '',
    };
    const tickets = (await manager.query(
      `SELECT id, office_code, service_code, opd_id, assignee_id, status, sla_snapshot, updated_at
         FROM tickets WHERE updated_at > ? OR (updated_at = ? AND id > ?)
        ORDER BY updated_at, id LIMIT ${BATCH}`,
      [dbInstant(manager, from.at), dbInstant(manager, from.at), from.id],
    )) as Row[];
    const now = this.clock.now();
    const result: RefreshResult = {
      tickets: tickets.length,
      ticketFacts: 0,
      stepFacts: 0,
      months: 0,
    };
    if (!tickets.length) {
      await manager.query('UPDATE dash_refresh SET refreshed_at = ? WHERE id = 1', [
        dbInstant(manager, now),
      ]);
      return { result, next: null };
    }

    const ids = tickets.map((t) => t['id'] as string);
    const marks = ids.map(() => '?').join(', ');
    const steps = (await manager.query(
      `SELECT id, ticket_id, step_order, position_code, status, assignee_id, completed_by,
              time_text, sla_snapshot
         FROM ticket_steps WHERE ticket_id IN (${marks}) AND status = 'done'`,
      ids,
    )) as Row[];
    const frRows = (await manager.query(
      `SELECT ticket_id, clock, round, type, at, duration, reason FROM ticket_clock_events
        WHERE ticket_id IN (${marks}) AND clock = ? ORDER BY ticket_id, id`,
      [...ids, FIRST_RESPONSE_CLOCK],
    )) as Row[];
    const touched = new Map<string, [string, number]>();
    const touch = (office: string, month: number) =>
      touched.set(`${office}|${month}`, [office, month]);
    for (const table of ['dash_ticket_facts', 'dash_step_facts']) {
      const old = (await manager.query(
        `SELECT DISTINCT office_code, month FROM ${table} WHERE ticket_id IN (${marks})`,
        ids,
      )) as Row[];
      for (const r of old) touch(r['office_code'] as string, Number(r['month']));
      await manager.query(`DELETE FROM ${table} WHERE ticket_id IN (${marks})`, ids);
    }

    const zones = new Map<string, string>();
    const zoneOf = async (office: string) => {
      if (!zones.has(office)) zones.set(office, (await this.calendars.forOffice(office)).timeZone);
      return zones.get(office) as string;
    };
    const byTicket = new Map(tickets.map((t) => [t['id'] as string, t]));
    const ticketFacts: TicketFact[] = [];
    for (const t of tickets) {
      if (t['status'] !== 'closed' || !t['sla_snapshot']) continue;
      const snap = JSON.parse(t['sla_snapshot'] as string) as ClockSnapshot;
      if (!OUTCOMES.has(snap.state) || snap.stoppedAt === null) continue;
      const office = t['office_code'] as string;
      const zone = await zoneOf(office);
      const fr = await this.firstResponse(
        office,
        frRows.filter((r) => r['ticket_id'] === t['id']),
        now.getTime(),
      );
      const elapsed = minutes(snap.elapsedMs);
      ticketFacts.push({
        ticket_id: t['id'] as string,
        office_code: office,
        month: localMonth(snap.stoppedAt, zone),
        service_code: (t['service_code'] as string | null) ?? '',
        opd_id: (t['opd_id'] as string | null) ?? '',
        assignee_id: (t['assignee_id'] as string | null) ?? '',
        outcome: snap.state,
        elapsed_min: elapsed,
        target_min: minutes(snap.targetMs),
        bucket: bucketOf(elapsed),
        fr_outcome: fr?.outcome ?? null,
        fr_min: fr?.minutes ?? null,
        fr_bucket: fr ? bucketOf(fr.minutes) : null,
        stopped_at: dbInstant(manager, new Date(snap.stoppedAt)),
      });
    }
    const stepFacts: StepFact[] = [];
    for (const s of steps) {
      if (!s['sla_snapshot']) continue;
      const snap = JSON.parse(s['sla_snapshot'] as string) as ClockSnapshot;
      if (!OUTCOMES.has(snap.state) || snap.stoppedAt === null) continue;
      const t = byTicket.get(s['ticket_id'] as string) as Row;
      const office = t['office_code'] as string;
      const elapsed = minutes(snap.elapsedMs);
      stepFacts.push({
        step_id: s['id'] as string,
        ticket_id: s['ticket_id'] as string,
        office_code: office,
        month: localMonth(snap.stoppedAt, await zoneOf(office)),
        service_code: (t['service_code'] as string | null) ?? '',
        opd_id: (t['opd_id'] as string | null) ?? '',
        step_order: Number(s['step_order']),
        position_code: s['position_code'] as string,
        holder_id: ((s['completed_by'] ?? s['assignee_id']) as string | null) ?? '',
        outcome: snap.state,
        elapsed_min: elapsed,
        target_min: minutes(snap.targetMs),
        time_text: (s['time_text'] as string | null) ?? null,
        bucket: bucketOf(elapsed),
        stopped_at: dbInstant(manager, new Date(snap.stoppedAt)),
      });
    }
    await insertMany(manager, 'dash_ticket_facts', ticketFacts);
    await insertMany(manager, 'dash_step_facts', stepFacts);
    for (const f of [...ticketFacts, ...stepFacts]) touch(f.office_code, f.month);
    await rebuildRollups((sql, params) => manager.query(sql, params), [...touched.values()]);

    const lastRow = tickets[tickets.length - 1];
    const last = readInstant(lastRow['updated_at'] as Date | string) as Date;
    const advanced = !watermark || last.getTime() > watermark.getTime();
    await manager.query('UPDATE dash_refresh SET watermark = ?, refreshed_at = ? WHERE id = 1', [
      dbInstant(manager, advanced ? last : (watermark as Date)),
      dbInstant(manager, now),
    ]);
    result.ticketFacts = ticketFacts.length;
    result.stepFacts = stepFacts.length;
    result.months = touched.size;
    const next = tickets.length === BATCH ? { at: last, id: lastRow['id'] as string } : null;
    return { result, next };
  }

  /** Outcome and working minutes of a ticket's first-response clock, when it has stopped. */
  private async firstResponse(
    office: string,
    rows: Row[],
    now: number,
  ): Promise<{ outcome: string; minutes: number } | null> {
    if (!rows.length) return null;
    const clockRows: ClockRow[] = rows.map((r) => ({
      clock: r['clock'] as string,
      round: Number(r['round']),
      type: r['type'] as ClockRow['type'],
      at: readInstant(r['at'] as Date | string) as Date,
      duration: (r['duration'] as string | null) ?? null,
      reason: (r['reason'] as string | null) ?? null,
    }));
    const calendar = (await this.calendars.forOffice(office)).calendar;
    try {
      const f = figuresOf(clockRows, calendar, now, (text) => this.duration(text));
      if (!f || f.stoppedAt === null || !OUTCOMES.has(f.state)) return null;
      return { outcome: f.state, minutes: minutes(f.elapsedMs) };
    } catch {
      return null;
    }
  }

  private duration(text: string | null): Duration | null {
    if (!text) return null;
    if (!this.durations.has(text)) {
      let parsed: Duration | null = null;
      try {
        parsed = parseDuration(text);
      } catch {
        parsed = null;
      }
      this.durations.set(text, parsed);
    }
    return this.durations.get(text) ?? null;
  }
}

async function insertMany(manager: EntityManager, table: string, rows: object[]): Promise<void> {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]);
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200) as Array<Record<string, unknown>>;
    const marks = chunk.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ');
    await manager.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${marks}`,
      chunk.flatMap((r) => columns.map((c) => r[c])),
    );
  }
}
