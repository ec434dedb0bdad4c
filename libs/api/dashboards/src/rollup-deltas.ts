// Incremental upkeep of the rollups: when some tickets' facts change, only the rollup groups
// their old and new facts count in are read and rewritten.
import type { FactRow, FactTable, Run, StepFact, TicketFact } from './dashboard-facts';
import { rebuildRollup, ROLLUPS, type Rollup } from './dashboard-rollups';

/** Tickets whose facts are read and deleted per statement. */
const BATCH = 500;

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
