// The rollups the dashboards read, each defined by how it groups and sums the facts, and their
// rebuild from the facts.
import type { FactRow, FactTable, Run } from './dashboard-facts';

/**
 * One rollup: the rows of `table` are the facts of `facts` grouped by `keys` (fact column,
 * rollup column). `kind` tells the histogram kinds sharing a table apart; `only` narrows the
 * facts counted (SQL, with `counts` saying the same of one fact row).
 */
export interface Rollup {
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
export const ROLLUPS: readonly Rollup[] = [
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
export async function rebuildRollup(
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
