import {
  CHANGE_RISKS,
  type ChangeDashboardResponse,
  type ChangeFigureRow,
  type ChangeResult,
  type ChangeRisk,
  type DashboardPeriod,
} from '@sigap/contracts';
import { readInstant } from '@sigap/api-database';
import { localMonth, periodKey, periodKeys, share } from './figures';

type Row = Record<string, unknown>;
const ON_TIME = new Set(['met', 'met-late']);

/** Risk levels as the figures print them. */
export const RISK_LABELS: Record<ChangeRisk, string> = {
  rendah: 'Risiko rendah',
  sedang: 'Risiko sedang',
  tinggi: 'Risiko tinggi',
};

/** One finished change (implemented with a result, or rejected) as the figures need it. */
export interface ChangeFact {
  risk: ChangeRisk;
  /** Null for a rejected change. */
  result: ChangeResult | null;
  /** Office-local month (`YYYYMM`) it finished in. */
  month: number;
  /** Ids of the incidents linked to it as caused by it. */
  incidents: string[];
  /** Its approval steps that were decided, and those decided within their time. */
  approvals: number;
  approvalsOnTime: number;
}

function blank(key: string, label: string): ChangeFigureRow {
  return {
    key,
    label,
    total: 0,
    implemented: 0,
    success: 0,
    failed: 0,
    rolledBack: 0,
    successRate: null,
    rejected: 0,
    incidentsCaused: 0,
    changesWithIncidents: 0,
    approvals: 0,
    approvalsOnTime: 0,
    approvalsOnTimeShare: null,
  };
}

interface Tally {
  row: ChangeFigureRow;
  incidents: Set<string>;
}

function add(t: Tally, f: ChangeFact): void {
  const r = t.row;
  r.total++;
  if (f.result === null) r.rejected++;
  else {
    r.implemented++;
    if (f.result === 'success') r.success++;
    else if (f.result === 'failed') r.failed++;
    else r.rolledBack++;
  }
  if (f.incidents.length) r.changesWithIncidents++;
  for (const i of f.incidents) t.incidents.add(i);
  r.approvals += f.approvals;
  r.approvalsOnTime += f.approvalsOnTime;
}

function done(t: Tally): ChangeFigureRow {
  const r = t.row;
  r.incidentsCaused = t.incidents.size;
  r.successRate = share(r.success, r.implemented);
  r.approvalsOnTimeShare = share(r.approvalsOnTime, r.approvals);
  return r;
}

/** Folds finished changes into the rows by risk (all three), by period (every one) and overall. */
export function foldChanges(
  facts: readonly ChangeFact[],
  range: { from: number; to: number; period: DashboardPeriod },
): Pick<ChangeDashboardResponse, 'byRisk' | 'byPeriod' | 'total'> {
  const tally = (key: string, label: string): Tally => ({
    row: blank(key, label),
    incidents: new Set(),
  });
  const byRisk = new Map(CHANGE_RISKS.map((r) => [r, tally(r, RISK_LABELS[r])]));
  const keys = periodKeys(range.from, range.to, range.period);
  const byPeriod = new Map(keys.map((k) => [k, tally(k, k)]));
  const total = tally('all', 'all');
  for (const f of facts) {
    if (f.month < range.from || f.month > range.to) continue;
    add(total, f);
    const risk = byRisk.get(f.risk);
    if (risk) add(risk, f);
    const period = byPeriod.get(periodKey(f.month, range.period));
    if (period) add(period, f);
  }
  return {
    byRisk: [...byRisk.values()].map(done) as ChangeDashboardResponse['byRisk'],
    byPeriod: [...byPeriod.values()].map(done),
    total: done(total),
  };
}

/**
 * Reads an office's changes that finished in the local months `from`..`to` (numbers `YYYYMM`):
 * implemented with a result (month of the actual end) or rejected (month of the rejection), with
 * the incidents linked to them and their decided approval steps. `service` narrows to the
 * changes naming that IT service (by code); `opd` to those of the requester's OPD.
 */
export async function readChangeFacts(
  query: (sql: string, params: unknown[]) => Promise<Row[]>,
  instant: (at: Date) => Date | string,
  filter: {
    office: string;
    timeZone: string;
    from: number;
    to: number;
    service: string | null;
    opd: string | null;
  },
): Promise<ChangeFact[]> {
  // Touched no earlier than the range's first day (a day early for any zone); the month the
  // change finished in decides below.
  const since = new Date(Date.UTC(Math.floor(filter.from / 100), (filter.from % 100) - 1, 0));
  const params: unknown[] = [filter.office, instant(since)];
  let extra = '';
  if (filter.opd) {
    extra += ' AND t.opd_id = ?';
    params.push(filter.opd);
  }
  if (filter.service) {
    extra += ` AND EXISTS (SELECT 1 FROM ticket_it_services x JOIN it_services s
        ON s.id = x.it_service_id WHERE x.ticket_id = t.id AND s.code = ?)`;
    params.push(filter.service);
  }
  const rows = await query(
    `SELECT c.ticket_id, c.risk, c.state, c.result, c.actual_end, c.decisions_json, c.updated_at
       FROM changes c JOIN tickets t ON t.id = c.ticket_id
      WHERE c.office_code = ? AND (c.result IS NOT NULL OR c.state = 'rejected')
        AND c.updated_at >= ?${extra}
      ORDER BY c.ticket_id`,
    params,
  );
  const facts = new Map<string, ChangeFact>();
  for (const r of rows) {
    const finished = finishedAt(r);
    if (!finished) continue;
    const month = localMonth(finished, filter.timeZone);
    if (month < filter.from || month > filter.to) continue;
    facts.set(String(r['ticket_id']), {
      risk: r['risk'] as ChangeRisk,
      result: (r['result'] as ChangeResult | null) ?? null,
      month,
      incidents: [],
      approvals: 0,
      approvalsOnTime: 0,
    });
  }
  if (!facts.size) return [];
  const ids = [...facts.keys()];
  const marks = ids.map(() => '?').join(', ');
  const [links, steps] = await Promise.all([
    query(
      `SELECT change_ticket_id AS c, incident_ticket_id AS i FROM change_incidents
        WHERE change_ticket_id IN (${marks})`,
      ids,
    ),
    query(
      `SELECT ticket_id AS c, sla_state AS s FROM ticket_steps
        WHERE ticket_id IN (${marks}) AND status = 'done'`,
      ids,
    ),
  ]);
  for (const l of links) facts.get(String(l['c']))?.incidents.push(String(l['i']));
  for (const s of steps) {
    const fact = facts.get(String(s['c']));
    if (!fact) continue;
    fact.approvals++;
    if (ON_TIME.has(String(s['s']))) fact.approvalsOnTime++;
  }
  return [...facts.values()];
}

/** When a change finished: the actual end of its implementation, or its rejection. */
function finishedAt(r: Row): Date | null {
  if (r['result']) return readInstant((r['actual_end'] as Date | string | null) ?? null);
  let decisions: { decision?: string; at?: string }[] = [];
  try {
    decisions = JSON.parse(String(r['decisions_json'] ?? '[]')) as typeof decisions;
  } catch {
    decisions = [];
  }
  const rejection = [...(Array.isArray(decisions) ? decisions : [])]
    .reverse()
    .find((d) => d.decision === 'rejected' && d.at);
  if (rejection?.at) return new Date(rejection.at);
  return readInstant((r['updated_at'] as Date | string | null) ?? null);
}
