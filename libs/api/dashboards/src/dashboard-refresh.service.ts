import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { parseDuration, type Duration } from '@sigap/standards';
import type { ClockSnapshot } from '@sigap/sla';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarProvider } from '@sigap/api-calendars';
import { Clock } from '@sigap/api-clock';
import { PeriodicJob } from '@sigap/api-common';
import { AppConfig } from '@sigap/api-config';
import { figuresOf, FIRST_RESPONSE_CLOCK, type ClockRow } from '@sigap/api-tickets';
import { dialectOf, readInstant } from '@sigap/api-database';
import type { StepFact, TicketFact } from './dashboard-facts';
import { bucketOf, localMonth } from './figures';
import { replaceFacts } from './rollup-deltas';

/** Seconds between refreshes: the most a closed ticket or completed step waits to be counted. */
export const REFRESH_SECONDS = 60;
/**
 * Tickets changed this long before the watermark are read again: a transaction that stamped
 * `updated_at` earlier but committed after the last refresh is still picked up.
 */
const OVERLAP_MS = 5 * 60_000;
/** Changed tickets read and turned into facts per transaction. */
const BATCH = 500;
const OUTCOMES = new Set(['met', 'met-late', 'breached']);

export interface RefreshResult {
  tickets: number;
  ticketFacts: number;
  stepFacts: number;
  /** Rollup groups brought up to date (each read and written by its key). */
  groups: number;
}

interface Cursor {
  at: Date;
  id: string;
}

const minutes = (ms: number) => Math.round(ms / 60_000);
type Row = Record<string, unknown>;

/**
 * Keeps the dashboards' facts and rollups up to date. Every REFRESH_SECONDS it reads the tickets
 * changed since the watermark (`tickets.updated_at`; every ticket action stamps it), rewrites
 * their facts from the frozen clock figures (a closed ticket; each completed step) and recomputes
 * only the rollup rows their old and new facts count in (`refreshRollups`), in one
 * transaction per batch. Reopening a ticket clears its frozen figures, so its facts go away until it closes again.
 *
 * Several API instances may run it: the transaction starts by locking the single watermark row,
 * so batches are applied one at a time; facts are keyed by ticket and step, so a batch applied
 * twice changes nothing.
 */
@Injectable()
export class DashboardRefreshService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Dashboards');
  private readonly job = new PeriodicJob<RefreshResult>(async () => {
    await this.refresh().catch((e: unknown) =>
      this.logger.error(`refresh failed: ${e instanceof Error ? e.message : String(e)}`),
    );
  }, 'dashboard-refresh');
  private readonly durations = new Map<string, Duration | null>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: CalendarProvider,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.nodeEnv === 'test') return;
    this.job.start(REFRESH_SECONDS * 1000);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.job.shutdown();
  }

  /** Stops the periodic refresh (bulk loads run it once at the end instead). */
  stop(): void {
    this.job.stop();
  }

  /** Applies every change up to now (one refresh at a time per process: a second call joins it). */
  refresh(): Promise<RefreshResult> {
    return this.job.underWay ?? this.job.track(this.refreshAll());
  }

  /** The instant the facts were last brought up to date, or null before the first refresh. */
  async dataAsOf(): Promise<Date | null> {
    const rows: Row[] = await this.dataSource.query(
      'SELECT refreshed_at FROM dash_refresh WHERE id = 1',
    );
    return readInstant((rows[0]?.['refreshed_at'] as Date | string | null) ?? null);
  }

  private async refreshAll(): Promise<RefreshResult> {
    const total: RefreshResult = { tickets: 0, ticketFacts: 0, stepFacts: 0, groups: 0 };
    let cursor: Cursor | null = null;
    for (;;) {
      const batch: { result: RefreshResult; next: Cursor | null } =
        await this.dataSource.transaction((manager) => this.refreshBatch(manager, cursor));
      total.tickets += batch.result.tickets;
      total.ticketFacts += batch.result.ticketFacts;
      total.stepFacts += batch.result.stepFacts;
      total.groups += batch.result.groups;
      if (!batch.next) break;
      cursor = batch.next;
    }
    return total;
  }

  private async refreshBatch(
    manager: EntityManager,
    cursor: Cursor | null,
  ): Promise<{ result: RefreshResult; next: Cursor | null }> {
    const [state] = (await manager.query(
      `SELECT watermark FROM dash_refresh WHERE id = 1${dialectOf(manager).forUpdate}`,
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
      [dialectOf(manager).instant(from.at), dialectOf(manager).instant(from.at), from.id],
    )) as Row[];
    const now = this.clock.now();
    const result: RefreshResult = {
      tickets: tickets.length,
      ticketFacts: 0,
      stepFacts: 0,
      groups: 0,
    };
    if (!tickets.length) {
      await manager.query('UPDATE dash_refresh SET refreshed_at = ? WHERE id = 1', [
        dialectOf(manager).instant(now),
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
        stopped_at: dialectOf(manager).instant(new Date(snap.stoppedAt)),
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
        stopped_at: dialectOf(manager).instant(new Date(snap.stoppedAt)),
      });
    }
    const groups = await replaceFacts(
      (sql, params) => manager.query(sql, params),
      ids,
      ticketFacts,
      stepFacts,
    );

    const lastRow = tickets[tickets.length - 1];
    const last = readInstant(lastRow['updated_at'] as Date | string) as Date;
    const advanced = !watermark || last.getTime() > watermark.getTime();
    await manager.query('UPDATE dash_refresh SET watermark = ?, refreshed_at = ? WHERE id = 1', [
      dialectOf(manager).instant(advanced ? last : (watermark as Date)),
      dialectOf(manager).instant(now),
    ]);
    result.ticketFacts = ticketFacts.length;
    result.stepFacts = stepFacts.length;
    result.groups = groups;
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
