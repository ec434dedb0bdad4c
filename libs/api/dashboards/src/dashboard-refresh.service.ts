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

export interface TicketFact {
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

export interface StepFact {
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
  /** Rollup groups brought up to date (each read and written by its key). */
  groups: number;
}

interface Cursor {
  at: Date;
  id: string;
}

const minutes = (ms: number) => Math.round(ms / 60_000);
type Row = Record<string, unknown>;

type Run = (sql: string, params?: unknown[]) => Promise<unknown>;
type FactTable = 'dash_ticket_facts' | 'dash_step_facts';

/** A fact row as read back or about to be written (column -> value). */
export type FactRow = Record<string, unknown>;

/**
 * One rollup: the rows of `table` are the facts of `facts` grouped by `keys` (fact column,
 * rollup column). `kind` tells the histogram kinds sharing a table apart; `only` narrows the
 * facts counted (SQL, with `counts` saying the same of one fact row).
 */
interface Rollup {
  table: string;
  facts: FactTable;
  kind?: string;
  only?: string;
  counts?: (fact: FactRow) => boolean;
  keys: ReadonlyArray<readonly [string, string]>;
  /** Constant key columns (rollup column, SQL literal). */
  fixed?: ReadonlyArray<readonly [string, string]>;
  /** Figure columns (rollup column, SQL aggregate over the facts). */
  values: ReadonlyArray<readonly [string, string]>;
  /**
   * What one fact adds to each summed figure, in the order of `values` (the first is the row's
   * count): changes are applied as differences.
   */
  delta: (fact: FactRow) => number[];
  /** Figures after the sums that are a MAX of the fact column of the same name. */
  kept?: readonly string[];
}

const count = (column: string, value: string) =>
  `SUM(CASE WHEN ${column} = '${value}' THEN 1 ELSE 0 END)`;
const same = (...columns: string[]) => columns.map((c) => [c, c] as const);
const OUTCOME_SUMS = [
  ['total', 'COUNT(*)'],
  ['met', count('outcome', 'met')],
  ['met_late', count('outcome', 'met-late')],
  ['breached', count('outcome', 'breached')],
  ['elapsed_sum', 'SUM(elapsed_min)'],
] as const;
const NO_STEP = [
  ['step_order', '0'],
  ['position_code', "''"],
] as const;
const HIST = [
  ['n', 'COUNT(*)'],
  ['sum_min', 'SUM(elapsed_min)'],
] as const;
const FIRST_HIST = [
  ['n', 'COUNT(*)'],
  ['sum_min', 'SUM(fr_min)'],
] as const;
const is = (value: unknown, wanted: string) => (value === wanted ? 1 : 0);
const outcomes = (f: FactRow) => [
  1,
  is(f['outcome'], 'met'),
  is(f['outcome'], 'met-late'),
  is(f['outcome'], 'breached'),
  Number(f['elapsed_min']),
];
const hasFirstResponse = (f: FactRow) => f['fr_bucket'] !== null && f['fr_bucket'] !== undefined;

/** Every rollup the dashboards read, and how each is derived from the facts. */
const ROLLUPS: readonly Rollup[] = [
  {
    table: 'dash_ticket_month',
    facts: 'dash_ticket_facts',
    keys: same('office_code', 'month', 'service_code', 'opd_id', 'assignee_id'),
    values: [
      ...OUTCOME_SUMS,
      ['fr_total', 'SUM(CASE WHEN fr_outcome IS NULL THEN 0 ELSE 1 END)'],
      ['fr_met', count('fr_outcome', 'met')],
      ['fr_met_late', count('fr_outcome', 'met-late')],
      ['fr_breached', count('fr_outcome', 'breached')],
    ],
    delta: (f) => [
      ...outcomes(f),
      f['fr_outcome'] === null || f['fr_outcome'] === undefined ? 0 : 1,
      is(f['fr_outcome'], 'met'),
      is(f['fr_outcome'], 'met-late'),
      is(f['fr_outcome'], 'breached'),
    ],
  },
  {
    table: 'dash_step_month',
    facts: 'dash_step_facts',
    keys: same('office_code', 'month', 'service_code', 'step_order', 'position_code', 'holder_id'),
    values: [...OUTCOME_SUMS, ['target_min', 'MAX(target_min)'], ['time_text', 'MAX(time_text)']],
    delta: outcomes,
    kept: ['target_min', 'time_text'],
  },
  {
    table: 'dash_hist',
    facts: 'dash_ticket_facts',
    kind: 'ticket',
    keys: same('office_code', 'month', 'service_code', 'bucket'),
    fixed: [...NO_STEP, ['holder_id', "''"]],
    values: HIST,
    delta: (f) => [1, Number(f['elapsed_min'])],
  },
  {
    table: 'dash_hist',
    facts: 'dash_ticket_facts',
    kind: 'first',
    only: 'fr_bucket IS NOT NULL',
    counts: hasFirstResponse,
    keys: [...same('office_code', 'month', 'service_code'), ['fr_bucket', 'bucket']],
    fixed: [...NO_STEP, ['holder_id', "''"]],
    values: FIRST_HIST,
    delta: (f) => [1, Number(f['fr_min'])],
  },
  {
    table: 'dash_hist',
    facts: 'dash_step_facts',
    kind: 'step',
    keys: same(
      'office_code',
      'month',
      'service_code',
      'step_order',
      'position_code',
      'holder_id',
      'bucket',
    ),
    values: HIST,
    delta: (f) => [1, Number(f['elapsed_min'])],
  },
  {
    table: 'dash_step_opd_month',
    facts: 'dash_step_facts',
    keys: same('office_code', 'opd_id', 'month', 'service_code', 'step_order', 'position_code'),
    values: [...OUTCOME_SUMS, ['target_min', 'MAX(target_min)'], ['time_text', 'MAX(time_text)']],
    delta: outcomes,
    kept: ['target_min', 'time_text'],
  },
  {
    table: 'dash_hist_opd',
    facts: 'dash_ticket_facts',
    kind: 'first',
    only: 'fr_bucket IS NOT NULL',
    counts: hasFirstResponse,
    keys: [...same('office_code', 'opd_id', 'month', 'service_code'), ['fr_bucket', 'bucket']],
    fixed: NO_STEP,
    values: FIRST_HIST,
    delta: (f) => [1, Number(f['fr_min'])],
  },
  {
    table: 'dash_hist_opd',
    facts: 'dash_step_facts',
    kind: 'step',
    keys: same(
      'office_code',
      'opd_id',
      'month',
      'service_code',
      'step_order',
      'position_code',
      'bucket',
    ),
    values: HIST,
    delta: (f) => [1, Number(f['elapsed_min'])],
  },
];

/**
 * Rebuilds one rollup where `factWhere` holds for the facts and `rollupWhere` for its rows
 * (the same condition, in the rollup's column names).
 */
async function rebuildRollup(
  run: Run,
  r: Rollup,
  factWhere: string,
  rollupWhere: string,
  params: unknown[],
): Promise<void> {
  const kind = r.kind ? [r.kind] : [];
  await run(`DELETE FROM ${r.table} WHERE ${r.kind ? 'kind = ? AND ' : ''}(${rollupWhere})`, [
    ...kind,
    ...params,
  ]);
  const fixed = r.fixed ?? [];
  const columns = [
    ...(r.kind ? ['kind'] : []),
    ...fixed.map(([c]) => c),
    ...r.keys.map(([, c]) => c),
    ...r.values.map(([c]) => c),
  ];
  const select = [
    ...(r.kind ? ['?'] : []),
    ...fixed.map(([, v]) => v),
    ...r.keys.map(([c]) => c),
    ...r.values.map(([, v]) => v),
  ];
  await run(
    `INSERT INTO ${r.table} (${columns.join(', ')})
     SELECT ${select.join(', ')} FROM ${r.facts}
      WHERE ${r.only ? `${r.only} AND ` : ''}(${factWhere})
      GROUP BY ${r.keys.map(([c]) => c).join(', ')}`,
    [...kind, ...params],
  );
}

/** Monthly rollups of one office's month (or of everything) rebuilt from the facts. */
export async function rebuildRollups(
  run: Run,
  pairs: ReadonlyArray<readonly [string, number]> | 'all',
): Promise<void> {
  const targets: Array<{ where: string; params: unknown[] }> =
    pairs === 'all'
      ? [{ where: '1 = 1', params: [] }]
      : pairs.map(([office, month]) => ({
          where: 'office_code = ? AND month = ?',
          params: [office, month],
        }));
  for (const { where, params } of targets)
    for (const r of ROLLUPS) await rebuildRollup(run, r, where, where, params);
}

/** Rollup rows read, replaced or recomputed per statement (each one OR term, by full key). */
const GROUPS_PER_STATEMENT = 200;

const termOf = (names: readonly string[]) => `(${names.map((c) => `${c} = ?`).join(' AND ')})`;

/**
 * Applies the facts' changes to a rollup: per group, what the new facts add minus what the old
 * ones did. Groups that did not change are left alone; the others are read by key, added up and
 * written back, and a group whose count reaches 0 goes (as a full rebuild would have no row for
 * it). A group whose kept MAX figures may move is summed again from its facts instead. Returns
 * the number of groups written.
 */
async function applyDeltas(
  run: Run,
  r: Rollup,
  old: readonly FactRow[],
  fresh: readonly FactRow[],
): Promise<number> {
  const kept = r.kept ?? [];
  const sumCount = r.values.length - kept.length;
  interface Change {
    key: unknown[];
    add: number[];
    /** The kept (MAX) figures of the facts counted out and in. */
    removed: unknown[][];
    added: unknown[][];
  }
  const changes = new Map<string, Change>();
  const fold = (rows: readonly FactRow[], sign: number) => {
    for (const f of rows) {
      if (r.counts && !r.counts(f)) continue;
      const key = r.keys.map(([c]) => f[c]);
      const id = JSON.stringify(key);
      const entry = changes.get(id) ?? {
        key,
        add: Array.from({ length: sumCount }, () => 0),
        removed: [],
        added: [],
      };
      r.delta(f).forEach((v, i) => (entry.add[i] += sign * v));
      if (kept.length) (sign < 0 ? entry.removed : entry.added).push(kept.map((c) => f[c] ?? null));
      changes.set(id, entry);
    }
  };
  fold(old, -1);
  fold(fresh, 1);
  const same = (a: unknown[], b: unknown[]) => JSON.stringify(a) === JSON.stringify(b);
  // Unchanged: every sum nets out and the MAX figures in equal those out.
  const changed = [...changes.values()].filter(
    (c) =>
      c.add.some((v) => v !== 0) ||
      JSON.stringify(c.removed.map((x) => JSON.stringify(x)).sort()) !==
        JSON.stringify(c.added.map((x) => JSON.stringify(x)).sort()),
  );
  const kind = r.kind ? [r.kind] : [];
  const kindSql = r.kind ? 'kind = ? AND ' : '';
  const keyColumns = r.keys.map(([, c]) => c);
  const factKeys = r.keys.map(([c]) => c);
  const valueColumns = r.values.map(([c]) => c);
  const fixed = r.fixed ?? [];
  const columns = [
    ...(r.kind ? ['kind'] : []),
    ...fixed.map(([c]) => c),
    ...keyColumns,
    ...valueColumns,
  ];
  const tuple = `(${[
    ...(r.kind ? ['?'] : []),
    ...fixed.map(([, v]) => v),
    ...keyColumns.map(() => '?'),
    ...valueColumns.map(() => '?'),
  ].join(', ')})`;
  for (let i = 0; i < changed.length; i += GROUPS_PER_STATEMENT) {
    const chunk = changed.slice(i, i + GROUPS_PER_STATEMENT);
    const where = `${kindSql}(${chunk.map(() => termOf(keyColumns)).join(' OR ')})`;
    const params = [...kind, ...chunk.flatMap((c) => c.key)];
    const current = new Map(
      (
        (await run(
          `SELECT ${[...keyColumns, ...valueColumns].join(', ')} FROM ${r.table} WHERE ${where}`,
          params,
        )) as FactRow[]
      ).map((row) => [JSON.stringify(keyColumns.map((c) => row[c])), row]),
    );
    const rows: Array<{ values: unknown[]; probes: Array<[string, unknown]> }> = [];
    const recompute: unknown[][] = [];
    for (const c of chunk) {
      // Keys read back as the types written (numbers stay numbers), so they match.
      const row = current.get(JSON.stringify(c.key));
      const sums = c.add.map((v, k) => v + (row ? Number(row[valueColumns[k]]) : 0));
      if (sums[0] <= 0) continue; // no fact left in the group: no row, as in a full rebuild
      if (!kept.length) {
        rows.push({ values: [...c.key, ...sums], probes: [] });
        continue;
      }
      // A MAX (a step's standard) is kept while the facts coming in carry it (or nothing) and
      // another fact still carries it where one going out did; otherwise the group is summed
      // from its facts.
      const stored = row ? kept.map((k) => row[k] ?? null) : (c.added[0] ?? []);
      const fits = c.added.every((a) => a.every((v, k) => v === null || v === stored[k]));
      if (!row && (c.removed.length || !c.added.every((a) => same(a, stored)))) {
        recompute.push(c.key);
        continue;
      }
      if (!fits) {
        recompute.push(c.key);
        continue;
      }
      const probes: Array<[string, unknown]> = [];
      kept.forEach((column, k) => {
        if (stored[k] !== null && c.removed.some((x) => x[k] === stored[k]))
          probes.push([column, stored[k]]);
      });
      rows.push({ values: [...c.key, ...sums, ...stored], probes });
    }
    // Is each MAX still carried by a fact of its group? One indexed probe each, in one query.
    const probes = rows.flatMap((x, n) =>
      x.probes.map(([column, value]) => ({ n, column, value })),
    );
    const missing = new Set<number>();
    for (let p = 0; p < probes.length; p += GROUPS_PER_STATEMENT) {
      const part = probes.slice(p, p + GROUPS_PER_STATEMENT);
      const found = (await run(
        part
          .map(
            (probe, j) =>
              `SELECT g FROM (SELECT ? AS g FROM ${r.facts} WHERE ${termOf([
                ...factKeys,
                probe.column,
              ])} LIMIT 1) p${j}`,
          )
          .join(' UNION ALL '),
        part.flatMap((probe, j) => [
          p + j,
          ...rows[probe.n].values.slice(0, factKeys.length),
          probe.value,
        ]),
      )) as Array<{ g: number | string }>;
      const hit = new Set(found.map((f) => Number(f.g)));
      part.forEach((probe, j) => {
        if (!hit.has(p + j)) missing.add(probe.n);
      });
    }
    const write = rows.filter((_, n) => !missing.has(n));
    for (const n of missing) recompute.push(rows[n].values.slice(0, factKeys.length));
    await run(`DELETE FROM ${r.table} WHERE ${where}`, params);
    if (write.length)
      await run(
        `INSERT INTO ${r.table} (${columns.join(', ')}) VALUES ${write.map(() => tuple).join(', ')}`,
        write.flatMap((x) => [...kind, ...x.values]),
      );
    if (recompute.length)
      await rebuildRollup(
        run,
        r,
        recompute.map(() => termOf(factKeys)).join(' OR '),
        recompute.map(() => termOf(keyColumns)).join(' OR '),
        recompute.flat(),
      );
  }
  return changed.length;
}

/**
 * Brings the rollups up to date with changed facts: `old` are the fact rows removed, `fresh` the
 * ones written (a changed fact is in both). Each group they count in takes the difference of
 * its sums, read and written by key; a group whose MAX figure (a step's standard) may move is
 * summed again from its facts. Either way the rows equal a full rebuild, and groups no changed
 * fact counts in are not read. Returns the number of groups written.
 */
export async function refreshRollups(
  run: Run,
  old: { tickets: readonly FactRow[]; steps: readonly FactRow[] },
  fresh: { tickets: readonly FactRow[]; steps: readonly FactRow[] },
): Promise<number> {
  let groups = 0;
  for (const r of ROLLUPS) {
    const side = r.facts === 'dash_ticket_facts' ? 'tickets' : 'steps';
    groups += await applyDeltas(run, r, old[side], fresh[side]);
  }
  return groups;
}

/**
 * Replaces the facts of some tickets (every fact of theirs goes; the given ones are written) and
 * brings the rollups up to date with the difference. Returns the number of rollup groups written.
 */
export async function replaceFacts(
  run: Run,
  ticketIds: readonly string[],
  ticketFacts: readonly TicketFact[],
  stepFacts: readonly StepFact[],
): Promise<number> {
  const old: Record<FactTable, FactRow[]> = { dash_ticket_facts: [], dash_step_facts: [] };
  for (let i = 0; i < ticketIds.length; i += BATCH) {
    const ids = ticketIds.slice(i, i + BATCH);
    const marks = ids.map(() => '?').join(', ');
    for (const table of ['dash_ticket_facts', 'dash_step_facts'] as const) {
      old[table].push(
        ...((await run(`SELECT * FROM ${table} WHERE ticket_id IN (${marks})`, ids)) as FactRow[]),
      );
      await run(`DELETE FROM ${table} WHERE ticket_id IN (${marks})`, ids);
    }
  }
  await insertMany(run, 'dash_ticket_facts', [...ticketFacts]);
  await insertMany(run, 'dash_step_facts', [...stepFacts]);
  return refreshRollups(
    run,
    { tickets: old.dash_ticket_facts, steps: old.dash_step_facts },
    {
      tickets: ticketFacts as unknown as FactRow[],
      steps: stepFacts as unknown as FactRow[],
    },
  );
}

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

async function insertMany(run: Run, table: string, rows: object[]): Promise<void> {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]);
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200) as Array<Record<string, unknown>>;
    const marks = chunk.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ');
    await run(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${marks}`,
      chunk.flatMap((r) => columns.map((c) => r[c])),
    );
  }
}
