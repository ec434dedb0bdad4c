import { DataSource } from 'typeorm';
import { describeOnBothDatabases } from '../testing/test-app';
import {
  rebuildRollups,
  replaceFacts,
  type StepFact,
  type TicketFact,
} from '@sigap/api-dashboards';
import { bucketOf } from '@sigap/api-dashboards';

const ROLLUP_TABLES = [
  'dash_ticket_month',
  'dash_step_month',
  'dash_hist',
  'dash_step_opd_month',
  'dash_hist_opd',
];
const OUTCOMES = ['met', 'met-late', 'breached'];

/** A small deterministic generator, so a failure can be replayed. */
function generator(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/**
 * The incremental refresh recomputes only the rollup groups that changed tickets count in. Over
 * rounds of random changes (facts moved to other months, services, OPDs, holders and outcomes,
 * facts removed as when a ticket is reopened, new tickets, first responses gained and lost), the
 * rollups it leaves must equal a full rebuild from the facts, row for row.
 */
describeOnBothDatabases('dashboards: incremental rollups equal a full rebuild', (ctx) => {
  let data: DataSource;
  const run = (sql: string, params?: unknown[]) => data.query(sql, params);
  const rnd = generator(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  let nextStep = 0;

  function factsOf(id: string): { ticket: TicketFact[]; steps: StepFact[] } {
    const office = pick(['bali', 'ntb']);
    const month = pick([202601, 202602, 202603]);
    const service = pick(['svc-a', 'svc-b']);
    const opd = pick(['', 'opd-1', 'opd-2']);
    const stopped = '2026-02-10 03:00:00.000';
    const elapsed = Math.floor(rnd() * 4000);
    const fr = rnd() < 0.7 ? Math.floor(rnd() * 900) : null;
    const ticket: TicketFact[] = [
      {
        ticket_id: id,
        office_code: office,
        month,
        service_code: service,
        opd_id: opd,
        assignee_id: pick(['', 'agent-1', 'agent-2']),
        outcome: pick(OUTCOMES),
        elapsed_min: elapsed,
        target_min: pick([1350, 3150]),
        bucket: bucketOf(elapsed),
        fr_outcome: fr === null ? null : pick(OUTCOMES),
        fr_min: fr,
        fr_bucket: fr === null ? null : bucketOf(fr),
        stopped_at: stopped,
      },
    ];
    const steps: StepFact[] = [];
    const count = Math.floor(rnd() * 4);
    for (let k = 1; k <= count; k++) {
      const minutes = Math.floor(rnd() * 600);
      steps.push({
        step_id: `step-${nextStep++}`,
        ticket_id: id,
        office_code: office,
        month: rnd() < 0.8 ? month : pick([202601, 202602, 202603]),
        service_code: service,
        opd_id: opd,
        step_order: k,
        position_code: pick(['kabid', 'kasi']),
        holder_id: pick(['holder-1', 'holder-2']),
        outcome: pick(OUTCOMES),
        elapsed_min: minutes,
        // Mostly the step's own standard; sometimes another (an edited procedure), so that a
        // group's largest target and text move as facts come and go.
        target_min: rnd() < 0.8 ? [60, 120, 450][k - 1] : pick([60, 120, 450]),
        time_text: rnd() < 0.8 ? ['1 Jam', '1- 2 Jam', '1 Hari'][k - 1] : pick(['1 Hari', null]),
        bucket: bucketOf(minutes),
        stopped_at: stopped,
      });
    }
    return { ticket, steps };
  }

  async function snapshot(): Promise<Record<string, string[]>> {
    const result: Record<string, string[]> = {};
    for (const table of ROLLUP_TABLES) {
      const rows = (await data.query(`SELECT * FROM ${table}`)) as Array<Record<string, unknown>>;
      result[table] = rows
        .map((r) =>
          JSON.stringify(
            Object.keys(r)
              .sort()
              .map((k) => [k, r[k] === null ? null : String(r[k])]),
          ),
        )
        .sort();
    }
    return result;
  }

  beforeAll(async () => {
    data = ctx().app.get(DataSource);
    const tickets = Array.from({ length: 120 }, (_, i) => `ticket-${i}`);
    const all = tickets.map((id) => factsOf(id));
    await replaceFacts(
      run,
      tickets,
      all.flatMap((f) => f.ticket),
      all.flatMap((f) => f.steps),
    );
    await rebuildRollups(run, 'all');
  });

  it('after each round of random changes, row for row', async () => {
    let fresh = 120;
    for (let round = 0; round < 10; round++) {
      const before = await snapshot();
      const changed = new Set<string>();
      while (changed.size < 15) changed.add(`ticket-${Math.floor(rnd() * fresh)}`);
      for (let i = 0; i < 3; i++) changed.add(`ticket-${fresh++}`);
      const ticketFacts: TicketFact[] = [];
      const stepFacts: StepFact[] = [];
      for (const id of changed) {
        if (rnd() < 0.2) continue; // reopened: its facts go
        const f = factsOf(id);
        ticketFacts.push(...f.ticket);
        stepFacts.push(...f.steps);
      }
      const groups = await replaceFacts(run, [...changed], ticketFacts, stepFacts);
      expect(groups).toBeGreaterThan(0);
      const incremental = await snapshot();
      // The changes moved figures (so an equal result below is not the untouched rollups).
      expect(incremental).withContext(`round ${round}`).not.toEqual(before);
      await rebuildRollups(run, 'all');
      const full = await snapshot();
      for (const table of ROLLUP_TABLES)
        expect(incremental[table]).withContext(`round ${round}: ${table}`).toEqual(full[table]);
    }
  });

  it('a ticket whose facts are unchanged leaves every rollup as it was', async () => {
    const rows = (await data.query(
      "SELECT * FROM dash_ticket_facts WHERE ticket_id = 'ticket-3'",
    )) as TicketFact[];
    const steps = (await data.query(
      "SELECT * FROM dash_step_facts WHERE ticket_id = 'ticket-3'",
    )) as StepFact[];
    const before = await snapshot();
    await replaceFacts(run, ['ticket-3'], rows, steps);
    expect(await snapshot()).toEqual(before);
  });
});
