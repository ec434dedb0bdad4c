import { Injectable } from '@nestjs/common';
import type {
  IkmDashboardResponse,
  AtRiskResponse,
  BacklogBucket,
  BacklogResponse,
  ChangeDashboardResponse,
  ComplianceGroup,
  ComplianceLevel,
  ComplianceResponse,
  ComplianceRow,
  DashboardMeta,
  DashboardPeriod,
  FirstResponseResponse,
  FirstResponseRow,
  IncidentDashboardResponse,
  KindDashboardResponse,
  StepBottleneckRow,
  StepBottlenecksResponse,
  WorkloadResponse,
  WorkloadRow,
} from '@sigap/contracts';
import { GROUPS_OF_LEVEL } from '@sigap/contracts';
import { workingDaysBetween } from '@sigap/sla';
import { DataSource } from 'typeorm';
import { ReadReplica } from '@sigap/api-database';
import { CalendarProvider } from '@sigap/api-calendars';
import { Clock } from '@sigap/api-clock';
import type { AuthUser } from '@sigap/api-identity';
import { IkmReportService } from '@sigap/api-survey';
import { dialectOf, readInstant } from '@sigap/api-database';
import { requireOfficeWide, resolveScope, type ResolvedScope } from './access';
import { DashboardError } from './dashboard-error';
import { DashboardRefreshService } from './dashboard-refresh.service';
import type { ComplianceQueryDto, DashboardFilterDto } from './dashboard.dto';
import { foldChanges, readChangeFacts } from './change-figures';
import { foldIncidents, priorityNamesOf, readIncidentFacts } from './incident-figures';
import { foldKinds, readKindFacts } from './kind-figures';
import {
  addMonths,
  localMonth,
  monthNumber,
  percentileOf,
  periodKey,
  periodKeys,
  share,
} from './figures';

type Row = Record<string, unknown>;
/** Where closed-work figures are read: monthly rollups, per-OPD rollups, or the facts. */
type Source = 'rollup' | 'opd' | 'facts';
const num = (v: unknown) => Number(v ?? 0);
/** Longest range a query may span. */
const MAX_MONTHS = 60;
/** Backlog age buckets in working days since the request was received. */
const AGE_BUCKETS: Array<[string, number, number | null]> = [
  ['0', 0, 0],
  ['1-2', 1, 2],
  ['3-5', 3, 5],
  ['6-10', 6, 10],
  ['11-20', 11, 20],
  ['21+', 21, null],
];
const LIST_LIMIT = 50;

interface Context {
  scope: ResolvedScope;
  from: number;
  to: number;
  period: DashboardPeriod;
  service: string | null;
  opd: string | null;
  meta: DashboardMeta;
  timeZone: string;
}

/** Conditions and parameters built together, so each `?` has its value. */
class Where {
  readonly parts: string[] = [];
  readonly params: unknown[] = [];
  add(sql: string, ...params: unknown[]): this {
    this.parts.push(sql);
    this.params.push(...params);
    return this;
  }
  get sql(): string {
    return this.parts.length ? this.parts.join(' AND ') : '1 = 1';
  }
}

/**
 * The dashboards' figures. Closed tickets and completed steps come from the facts and monthly
 * rollups that `DashboardRefreshService` keeps (as of its last refresh); open work (backlog, at
 * risk, workload) is read live from the tickets. The OPD filter reads the per-OPD rollups; only
 * an OPD filter together with a holder (an executor's own steps, or grouping by holder) reads
 * the facts.
 */
@Injectable()
export class DashboardsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: CalendarProvider,
    private readonly clock: Clock,
    private readonly refresher: DashboardRefreshService,
    private readonly ikmReports: IkmReportService,
    private readonly reader: ReadReplica,
  ) {}

  /**
   * The satisfaction index per service and period, with the same filters: the questionnaires
   * submitted on the office-local dates of the months in range (on tickets of the OPD, when
   * set). Office-wide figures: not for an executor's own view.
   */
  async ikm(user: AuthUser, q: DashboardFilterDto): Promise<IkmDashboardResponse> {
    const ctx = await this.context(user, q);
    requireOfficeWide(ctx.scope, 'IKM');
    const report = await this.ikmReports.ikm({
      office: ctx.scope.office,
      service: ctx.service,
      opd: ctx.opd,
      // Local dates as text: the 31st closes every month.
      from: `${ctx.meta.from}-01`,
      to: `${ctx.meta.to}-31`,
      period: ctx.period,
    });
    return { ...ctx.meta, rows: report.rows, totals: report.totals };
  }

  /**
   * Incidents closed in the range by priority and by IT service: response and resolution
   * compliance and mean time to restore, each on the incident's own calendar. Read live from the
   * tickets (incidents are few); `service` names an IT service here. Office-wide figures.
   */
  async incidents(user: AuthUser, q: DashboardFilterDto): Promise<IncidentDashboardResponse> {
    const ctx = await this.context(user, q);
    requireOfficeWide(ctx.scope, 'Angka gangguan');
    const query = (sql: string, params: unknown[]) => this.query(sql, params);
    const [{ facts, services }, names] = await Promise.all([
      readIncidentFacts(query, (at) => dialectOf(this.dataSource).instant(at), {
        office: ctx.scope.office,
        timeZone: ctx.timeZone,
        from: ctx.from,
        to: ctx.to,
        service: ctx.service,
        opd: ctx.opd,
      }),
      priorityNamesOf(query, ctx.scope.office),
    ]);
    return { ...ctx.meta, ...foldIncidents(facts, names, services) };
  }

  /**
   * Changes finished in the range (implemented with a result, or rejected) by risk and period:
   * how they ended, the success rate, the incidents they caused and their approvals decided in
   * time. Read live from the changes; `service` names an IT service here. Office-wide figures.
   */
  async changes(user: AuthUser, q: DashboardFilterDto): Promise<ChangeDashboardResponse> {
    const ctx = await this.context(user, q);
    requireOfficeWide(ctx.scope, 'Angka perubahan');
    const facts = await readChangeFacts(
      (sql, params) => this.query(sql, params),
      (at) => dialectOf(this.dataSource).instant(at),
      {
        office: ctx.scope.office,
        timeZone: ctx.timeZone,
        from: ctx.from,
        to: ctx.to,
        service: ctx.service,
        opd: ctx.opd,
      },
    );
    return { ...ctx.meta, ...foldChanges(facts, ctx) };
  }

  /**
   * Every kind of ticket per period (received; finished with a stopped clock, against its time;
   * still open) and the channels the tickets of the range came in by. Read live from the
   * tickets; `service` names a catalog service. Office-wide figures.
   */
  async kinds(user: AuthUser, q: DashboardFilterDto): Promise<KindDashboardResponse> {
    const ctx = await this.context(user, q);
    requireOfficeWide(ctx.scope, 'Angka per jenis tiket');
    // A day before the range's first day covers every zone; the local month decides.
    const since = new Date(Date.UTC(Math.floor(ctx.from / 100), (ctx.from % 100) - 1, 0));
    const facts = await readKindFacts(
      (sql, params) => this.query(sql, params),
      (at) => dialectOf(this.dataSource).instant(at),
      { office: ctx.scope.office, timeZone: ctx.timeZone, service: ctx.service, opd: ctx.opd },
      since,
    );
    return { ...ctx.meta, ...foldKinds(facts, ctx) };
  }

  async compliance(user: AuthUser, q: ComplianceQueryDto): Promise<ComplianceResponse> {
    const ctx = await this.context(user, q);
    const level: ComplianceLevel = q.level ?? (ctx.scope.holderId ? 'steps' : 'tickets');
    const by: ComplianceGroup = q.by ?? 'service';
    if (!GROUPS_OF_LEVEL[level].includes(by))
      throw DashboardError.field('by', `pengelompokan "${by}" tidak tersedia untuk ${level}`);
    if (level === 'tickets') requireOfficeWide(ctx.scope, 'Kepatuhan SLA tiket');
    const source = this.complianceSource(ctx, level, by);
    const column: Record<ComplianceGroup, string> = {
      period: 'month',
      service: 'service_code',
      opd: 'opd_id',
      agent: 'assignee_id',
      position: 'position_code',
      holder: 'holder_id',
    };
    const key = column[by];
    const grouped = await this.query(
      `SELECT ${key} AS k, ${source.sums} FROM ${source.table} WHERE ${source.where.sql} GROUP BY ${key}`,
      source.where.params,
    );
    const monthly =
      by === 'period'
        ? grouped
        : await this.query(
            `SELECT month AS k, ${source.sums} FROM ${source.table} WHERE ${source.where.sql} GROUP BY month`,
            source.where.params,
          );
    const labels = await this.labels(ctx.scope.office, by);
    const rows =
      by === 'period'
        ? this.foldPeriods(grouped, ctx)
        : grouped
            .map((r) => complianceRow(String(r['k']), labels(String(r['k'])), [r]))
            .sort((a, b) => b.total - a.total || a.label.localeCompare(b.label));
    return {
      ...ctx.meta,
      level,
      by,
      rows,
      trend: this.foldPeriods(monthly, ctx),
    };
  }

  async steps(user: AuthUser, q: DashboardFilterDto): Promise<StepBottlenecksResponse> {
    const ctx = await this.context(user, q);
    // An OPD: the per-OPD rollups (with an executor's holder too: the facts).
    const mode: Source = ctx.opd ? (ctx.scope.holderId ? 'facts' : 'opd') : 'rollup';
    const useFacts = mode === 'facts';
    const where = this.monthWhere(ctx, mode);
    const table = {
      facts: 'dash_step_facts',
      opd: 'dash_step_opd_month',
      rollup: 'dash_step_month',
    }[mode];
    const counts = await this.query(
      `SELECT service_code, step_order, position_code,
         ${useFacts ? 'COUNT(*)' : 'SUM(total)'} AS total,
         ${useFacts ? "SUM(CASE WHEN outcome <> 'met' THEN 1 ELSE 0 END)" : 'SUM(met_late + breached)'} AS late,
         ${useFacts ? "SUM(CASE WHEN outcome = 'breached' THEN 1 ELSE 0 END)" : 'SUM(breached)'} AS breached,
         MAX(target_min) AS target_min, MAX(time_text) AS time_text
       FROM ${table} WHERE ${where.sql}
       GROUP BY service_code, step_order, position_code`,
      where.params,
    );
    const histWhere = useFacts ? where : this.monthWhere(ctx, mode).add("kind = 'step'");
    const hist = await this.query(
      useFacts
        ? `SELECT service_code, step_order, position_code, bucket, COUNT(*) AS n,
             SUM(elapsed_min) AS s
             FROM dash_step_facts WHERE ${histWhere.sql}
            GROUP BY service_code, step_order, position_code, bucket`
        : `SELECT service_code, step_order, position_code, bucket, SUM(n) AS n,
             SUM(sum_min) AS s
             FROM ${mode === 'opd' ? 'dash_hist_opd' : 'dash_hist'} WHERE ${histWhere.sql}
            GROUP BY service_code, step_order, position_code, bucket`,
      histWhere.params,
    );
    const histograms = new Map<string, Array<[number, number, number]>>();
    for (const h of hist) {
      const k = `${h['service_code']}|${h['step_order']}|${h['position_code']}`;
      const list = histograms.get(k) ?? [];
      list.push([num(h['bucket']), num(h['n']), num(h['s'])]);
      histograms.set(k, list);
    }
    const services = await this.labels(ctx.scope.office, 'service');
    const positions = await this.labels(ctx.scope.office, 'position');
    const rows: StepBottleneckRow[] = counts.map((c) => {
      const k = `${c['service_code']}|${c['step_order']}|${c['position_code']}`;
      const histogram = histograms.get(k) ?? [];
      const total = num(c['total']);
      return {
        service: String(c['service_code']),
        serviceName: services(String(c['service_code'])),
        stepOrder: num(c['step_order']),
        position: String(c['position_code']),
        positionName: positions(String(c['position_code'])),
        standard: (c['time_text'] as string | null) ?? null,
        targetMinutes: c['target_min'] === null ? null : num(c['target_min']),
        count: total,
        medianMinutes: percentileOf(histogram, 0.5),
        p90Minutes: percentileOf(histogram, 0.9),
        lateShare: share(num(c['late']), total),
        breached: num(c['breached']),
      };
    });
    rows.sort(
      (a, b) =>
        (b.lateShare ?? 0) - (a.lateShare ?? 0) ||
        a.service.localeCompare(b.service) ||
        a.stepOrder - b.stepOrder,
    );
    return { ...ctx.meta, rows };
  }

  async firstResponse(user: AuthUser, q: DashboardFilterDto): Promise<FirstResponseResponse> {
    const ctx = await this.context(user, q);
    requireOfficeWide(ctx.scope, 'Waktu tanggapan pertama');
    const mode: Source = ctx.opd ? 'opd' : 'rollup';
    const where = this.monthWhere(ctx, mode);
    const counts = await this.query(
      `SELECT month, SUM(fr_total) AS total, SUM(fr_met) AS met, SUM(fr_met_late) AS met_late,
         SUM(fr_breached) AS breached
       FROM dash_ticket_month WHERE ${where.sql} GROUP BY month`,
      where.params,
    );
    const histWhere = this.monthWhere(ctx, mode).add("kind = 'first'");
    const hist = await this.query(
      `SELECT month, bucket, SUM(n) AS n, SUM(sum_min) AS s
         FROM ${mode === 'opd' ? 'dash_hist_opd' : 'dash_hist'} WHERE ${histWhere.sql}
        GROUP BY month, bucket`,
      histWhere.params,
    );
    const keys = periodKeys(ctx.from, ctx.to, ctx.period);
    const blank = (key: string): FirstResponseRow => ({
      key,
      label: key,
      total: 0,
      met: 0,
      metLate: 0,
      breached: 0,
      medianMinutes: null,
      p90Minutes: null,
    });
    const rows = new Map(keys.map((k) => [k, blank(k)]));
    const overall = blank('all');
    overall.label = `${keys[0]} – ${keys[keys.length - 1]}`;
    for (const c of counts) {
      const row = rows.get(periodKey(num(c['month']), ctx.period));
      for (const target of [row, overall]) {
        if (!target) continue;
        target.total += num(c['total']);
        target.met += num(c['met']);
        target.metLate += num(c['met_late']);
        target.breached += num(c['breached']);
      }
    }
    const perPeriod = new Map<string, Array<[number, number, number]>>();
    const all: Array<[number, number, number]> = [];
    for (const h of hist) {
      const key = periodKey(num(h['month']), ctx.period);
      const pair: [number, number, number] = [num(h['bucket']), num(h['n']), num(h['s'])];
      perPeriod.set(key, [...(perPeriod.get(key) ?? []), pair]);
      all.push(pair);
    }
    for (const [key, row] of rows) {
      row.medianMinutes = percentileOf(perPeriod.get(key) ?? [], 0.5);
      row.p90Minutes = percentileOf(perPeriod.get(key) ?? [], 0.9);
    }
    overall.medianMinutes = percentileOf(all, 0.5);
    overall.p90Minutes = percentileOf(all, 0.9);
    return { ...ctx.meta, rows: [...rows.values()], overall };
  }

  async backlog(user: AuthUser, q: DashboardFilterDto): Promise<BacklogResponse> {
    const ctx = await this.context(user, q);
    const hourOf = (col: string) => dialectOf(this.dataSource).hourOf(col);
    let rows: Row[];
    if (ctx.scope.holderId) {
      // An executor's own active steps, aged from when each became their turn.
      const where = this.openStepWhere(ctx);
      rows = await this.query(
        `SELECT ${hourOf('s.activated_at')} AS h,
           SUM(CASE WHEN s.sla_state = 'breached' THEN 1 ELSE 0 END) AS breached, COUNT(*) AS n
         FROM ${this.stepsFrom(ctx)}
         WHERE ${where.sql} AND s.activated_at IS NOT NULL GROUP BY h`,
        where.params,
      );
    } else {
      const where = this.openTicketWhere(ctx);
      rows = await this.query(
        `SELECT ${hourOf('t.received_at')} AS h,
           SUM(CASE WHEN t.sla_state = 'breached' THEN 1 ELSE 0 END) AS breached, COUNT(*) AS n
         FROM tickets t WHERE ${where.sql} GROUP BY h`,
        where.params,
      );
    }
    // Offices are a whole number of hours from UTC, so every instant of a UTC hour falls on
    // the same local day: one working-day count per hour group.
    const calendar = (await this.calendars.forOffice(ctx.scope.office)).calendar;
    const now = this.clock.nowMs();
    const buckets: BacklogBucket[] = AGE_BUCKETS.map(([key, minDays, maxDays]) => ({
      key,
      minDays,
      maxDays,
      count: 0,
      breached: 0,
    }));
    let total = 0;
    for (const r of rows) {
      const at = Date.parse(`${String(r['h']).replace(' ', 'T')}:00:00Z`);
      const days = Math.max(0, at > now ? 0 : workingDaysBetween(calendar, at, now));
      const bucket =
        buckets.find((b) => days >= b.minDays && (b.maxDays === null || days <= b.maxDays)) ??
        buckets[buckets.length - 1];
      bucket.count += num(r['n']);
      bucket.breached += num(r['breached']);
      total += num(r['n']);
    }
    return { ...ctx.meta, buckets, total };
  }

  async atRisk(user: AuthUser, q: DashboardFilterDto): Promise<AtRiskResponse> {
    const ctx = await this.context(user, q);
    const positions = await this.labels(ctx.scope.office, 'position');
    const stepWhere = this.openStepWhere(ctx).add("s.sla_state IN ('at-risk', 'breached')");
    const steps = await this.query(
      `SELECT s.ticket_id, t.number, s.step_order, s.position_code, s.sla_state, s.due_at
         FROM ticket_steps s JOIN tickets t ON t.id = s.ticket_id
        WHERE ${stepWhere.sql} ORDER BY s.due_at, s.id LIMIT ${LIST_LIMIT}`,
      stepWhere.params,
    );
    let tickets: Row[] = [];
    let counts: Row[];
    if (ctx.scope.holderId) {
      counts = await this.query(
        `SELECT s.sla_state AS state, COUNT(*) AS n FROM ${this.stepsFrom(ctx)}
          WHERE ${stepWhere.sql} GROUP BY s.sla_state`,
        stepWhere.params,
      );
    } else {
      const where = this.openTicketWhere(ctx).add("t.sla_state IN ('at-risk', 'breached')");
      tickets = await this.query(
        `SELECT t.id, t.number, t.subject, t.service_code, t.sla_state, t.due_at FROM tickets t
          WHERE ${where.sql} ORDER BY t.due_at, t.id LIMIT ${LIST_LIMIT}`,
        where.params,
      );
      counts = await this.query(
        `SELECT t.sla_state AS state, COUNT(*) AS n FROM tickets t WHERE ${where.sql}
          GROUP BY t.sla_state`,
        where.params,
      );
    }
    const countOf = (state: string) => num(counts.find((c) => c['state'] === state)?.['n']);
    const iso = (v: unknown) =>
      readInstant((v as Date | string | null) ?? null)?.toISOString() ?? null;
    return {
      ...ctx.meta,
      atRisk: countOf('at-risk'),
      breached: countOf('breached'),
      tickets: tickets.map((t) => ({
        id: String(t['id']),
        number: String(t['number']),
        subject: String(t['subject']),
        service: String(t['service_code']),
        state: t['sla_state'] as 'at-risk' | 'breached',
        dueAt: iso(t['due_at']),
      })),
      steps: steps.map((s) => ({
        ticketId: String(s['ticket_id']),
        number: String(s['number']),
        stepOrder: num(s['step_order']),
        position: String(s['position_code']),
        positionName: positions(String(s['position_code'])),
        state: s['sla_state'] as 'at-risk' | 'breached',
        dueAt: iso(s['due_at']),
      })),
    };
  }

  async workload(user: AuthUser, q: DashboardFilterDto): Promise<WorkloadResponse> {
    const ctx = await this.context(user, q);
    const where = this.openStepWhere(ctx);
    const sums = `COUNT(*) AS active,
      SUM(CASE WHEN s.sla_state = 'at-risk' THEN 1 ELSE 0 END) AS at_risk,
      SUM(CASE WHEN s.sla_state = 'breached' THEN 1 ELSE 0 END) AS breached`;
    const byPosition = await this.query(
      `SELECT s.position_code AS k, ${sums} FROM ${this.stepsFrom(ctx)}
        WHERE ${where.sql} GROUP BY s.position_code`,
      where.params,
    );
    const byHolder = await this.query(
      `SELECT s.assignee_id AS k, ${sums} FROM ${this.stepsFrom(ctx)}
        WHERE ${where.sql} GROUP BY s.assignee_id`,
      where.params,
    );
    const positions = await this.labels(ctx.scope.office, 'position');
    const holders = await this.labels(ctx.scope.office, 'holder');
    const toRow =
      (label: (k: string) => string) =>
      (r: Row): WorkloadRow => {
        const key = (r['k'] as string | null) ?? '';
        return {
          key,
          label: label(key),
          active: num(r['active']),
          atRisk: num(r['at_risk']),
          breached: num(r['breached']),
        };
      };
    const order = (a: WorkloadRow, b: WorkloadRow) =>
      b.active - a.active || a.label.localeCompare(b.label);
    return {
      ...ctx.meta,
      positions: byPosition.map(toRow(positions)).sort(order),
      holders: byHolder.map(toRow(holders)).sort(order),
    };
  }

  // ---------------------------------------------------------------------------------------

  private async context(user: AuthUser, q: DashboardFilterDto): Promise<Context> {
    const scope = resolveScope(user, q.office);
    const office = (
      await this.query('SELECT code, time_zone FROM offices WHERE code = ?', [scope.office])
    )[0];
    if (!office)
      throw new DashboardError(
        'dashboards.office_unknown',
        `Kantor "${scope.office}" tidak dikenal.`,
      );
    const timeZone = String(office['time_zone']);
    const now = this.clock.now();
    const to = q.to ? (monthNumber(q.to) as number) : localMonth(now, timeZone);
    const from = q.from ? (monthNumber(q.from) as number) : addMonths(to, -11);
    if (from > to) throw DashboardError.field('from', 'bulan awal setelah bulan akhir');
    if (addMonths(from, MAX_MONTHS - 1) < to)
      throw DashboardError.field('from', `rentang paling lama ${MAX_MONTHS} bulan`);
    const period = q.period ?? 'month';
    const asOf = await this.refresher.dataAsOf();
    return {
      scope,
      from,
      to,
      period,
      service: q.service ?? null,
      opd: q.opd ?? null,
      timeZone,
      meta: {
        scope: { office: scope.office, holderId: scope.holderId, holderName: scope.holderName },
        from: `${Math.floor(from / 100)}-${String(from % 100).padStart(2, '0')}`,
        to: `${Math.floor(to / 100)}-${String(to % 100).padStart(2, '0')}`,
        period,
        dataAsOf: asOf?.toISOString() ?? null,
        generatedAt: now.toISOString(),
      },
    };
  }

  /** Office, month range and service; the OPD (per-OPD rollups, facts); an executor's holder. */
  private monthWhere(ctx: Context, mode: Source): Where {
    const where = new Where()
      .add('office_code = ?', ctx.scope.office)
      .add('month >= ?', ctx.from)
      .add('month <= ?', ctx.to);
    if (ctx.service) where.add('service_code = ?', ctx.service);
    if (mode !== 'rollup' && ctx.opd) where.add('opd_id = ?', ctx.opd);
    // The step rollups and the facts carry the holder (the per-OPD rollups do not).
    if (mode !== 'opd' && ctx.scope.holderId) where.add('holder_id = ?', ctx.scope.holderId);
    return where;
  }

  private complianceSource(
    ctx: Context,
    level: ComplianceLevel,
    by: ComplianceGroup,
  ): { table: string; sums: string; where: Where } {
    const factSums = `COUNT(*) AS total,
      SUM(CASE WHEN outcome = 'met' THEN 1 ELSE 0 END) AS met,
      SUM(CASE WHEN outcome = 'met-late' THEN 1 ELSE 0 END) AS met_late,
      SUM(CASE WHEN outcome = 'breached' THEN 1 ELSE 0 END) AS breached,
      SUM(elapsed_min) AS elapsed_sum`;
    const rollupSums = `SUM(total) AS total, SUM(met) AS met, SUM(met_late) AS met_late,
      SUM(breached) AS breached, SUM(elapsed_sum) AS elapsed_sum`;
    if (level === 'tickets') {
      // The ticket rollup carries the OPD as a key.
      const where = this.monthWhere(ctx, 'opd');
      return { table: 'dash_ticket_month', sums: rollupSums, where };
    }
    const mode: Source = ctx.opd
      ? ctx.scope.holderId || by === 'holder'
        ? 'facts'
        : 'opd'
      : 'rollup';
    const table = {
      facts: 'dash_step_facts',
      opd: 'dash_step_opd_month',
      rollup: 'dash_step_month',
    }[mode];
    return {
      table,
      sums: mode === 'facts' ? factSums : rollupSums,
      where: this.monthWhere(ctx, mode),
    };
  }

  private foldPeriods(monthly: Row[], ctx: Context): ComplianceRow[] {
    const keys = periodKeys(ctx.from, ctx.to, ctx.period);
    const groups = new Map<string, Row[]>(keys.map((k) => [k, []]));
    for (const r of monthly) groups.get(periodKey(num(r['k']), ctx.period))?.push(r);
    return keys.map((k) => complianceRow(k, k, groups.get(k) ?? []));
  }

  /** Open tickets of the office, with the service and OPD filters. */
  private openTicketWhere(ctx: Context): Where {
    const where = new Where().add('t.office_code = ?', ctx.scope.office).add('t.is_open = ?', 1);
    if (ctx.service) where.add('t.service_code = ?', ctx.service);
    if (ctx.opd) where.add('t.opd_id = ?', ctx.opd);
    return where;
  }

  /** The open steps, joined to their tickets only when a ticket filter needs it. */
  private stepsFrom(ctx: Context): string {
    return ctx.service || ctx.opd
      ? 'ticket_steps s JOIN tickets t ON t.id = s.ticket_id'
      : 'ticket_steps s';
  }

  /** Active steps of the office (an executor: theirs), with the service and OPD filters. */
  private openStepWhere(ctx: Context): Where {
    const where = new Where().add("s.status = 'active'").add('s.office_code = ?', ctx.scope.office);
    if (ctx.service) where.add('t.service_code = ?', ctx.service);
    if (ctx.opd) where.add('t.opd_id = ?', ctx.opd);
    if (ctx.scope.holderId) {
      const held = ctx.scope.positions;
      if (held.length)
        where.add(
          `(s.assignee_id = ? OR (s.assignee_id IS NULL AND s.position_code IN (${held.map(() => '?').join(', ')})))`,
          ctx.scope.holderId,
          ...held,
        );
      else where.add('s.assignee_id = ?', ctx.scope.holderId);
    }
    return where;
  }

  /** Display names of a grouping's keys (services, OPDs, people, positions) in an office. */
  private async labels(office: string, by: ComplianceGroup): Promise<(key: string) => string> {
    let rows: Row[] = [];
    if (by === 'service')
      rows = await this.query(
        'SELECT code AS k, name FROM catalog_services WHERE office_code = ?',
        [office],
      );
    else if (by === 'position')
      rows = await this.query('SELECT code AS k, name FROM positions WHERE office_code = ?', [
        office,
      ]);
    else if (by === 'opd')
      rows = await this.query('SELECT id AS k, name FROM opds WHERE office_code = ?', [office]);
    else if (by === 'agent' || by === 'holder')
      rows = await this.query(
        'SELECT id AS k, name FROM users WHERE office_code = ? OR office_code IS NULL',
        [office],
      );
    const names = new Map(rows.map((r) => [String(r['k']), String(r['name'])]));
    const none: Partial<Record<ComplianceGroup, string>> = {
      opd: '(tanpa OPD)',
      agent: '(belum ditangani agen)',
      holder: '(belum ditugaskan)',
    };
    return (key) => names.get(key) ?? (key === '' ? (none[by] ?? key) : key);
  }

  /** Dashboard reads may be seconds stale: they go to the read replica when there is one. */
  private query(sql: string, params: unknown[] = []): Promise<Row[]> {
    return this.reader.query<Row>(sql, params);
  }
}

function complianceRow(key: string, label: string, rows: Row[]): ComplianceRow {
  const sum = (c: string) => rows.reduce((s, r) => s + num(r[c]), 0);
  const total = sum('total');
  const met = sum('met');
  const metLate = sum('met_late');
  const elapsed = sum('elapsed_sum');
  return {
    key,
    label,
    total,
    met,
    metLate,
    breached: sum('breached'),
    withinLimitShare: share(met + metLate, total),
    metShare: share(met, total),
    averageMinutes: total ? Math.round(elapsed / total) : null,
  };
}
