import {
  DEFAULT_PRIORITY_TARGETS,
  INCIDENT_PRIORITIES,
  type PriorityTarget,
  type IncidentDashboardResponse,
  type IncidentFigureRow,
  type IncidentPriority,
  type SupportHours,
} from '@sigap/contracts';
import { localMonth, share } from './figures';

type Row = Record<string, unknown>;
const OUTCOMES = new Set(['met', 'met-late', 'breached']);

/** One closed incident as the figures need it. */
export interface IncidentFact {
  priority: IncidentPriority;
  /** Outcome and running minutes of the resolution clock. */
  outcome: 'met' | 'met-late' | 'breached';
  restoreMinutes: number;
  /** Outcome of the response clock; null when it never stopped. */
  response: 'met' | 'met-late' | 'breached' | null;
  /** Ids of the IT services it names, in order. */
  services: string[];
}

interface Tally {
  row: IncidentFigureRow;
  minutes: number;
}

function tally(key: string, label: string, supportHours: SupportHours | null): Tally {
  return {
    row: {
      key,
      label,
      supportHours,
      total: 0,
      responseTotal: 0,
      responseMet: 0,
      responseMetLate: 0,
      responseBreached: 0,
      responseShare: null,
      resolutionMet: 0,
      resolutionMetLate: 0,
      resolutionBreached: 0,
      resolutionShare: null,
      meanRestoreMinutes: null,
    },
    minutes: 0,
  };
}

function add(t: Tally, f: IncidentFact): void {
  const r = t.row;
  r.total++;
  t.minutes += f.restoreMinutes;
  if (f.outcome === 'met') r.resolutionMet++;
  else if (f.outcome === 'met-late') r.resolutionMetLate++;
  else r.resolutionBreached++;
  if (f.response) {
    r.responseTotal++;
    if (f.response === 'met') r.responseMet++;
    else if (f.response === 'met-late') r.responseMetLate++;
    else r.responseBreached++;
  }
}

function done(t: Tally): IncidentFigureRow {
  const r = t.row;
  r.responseShare = share(r.responseMet + r.responseMetLate, r.responseTotal);
  r.resolutionShare = share(r.resolutionMet + r.resolutionMetLate, r.total);
  r.meanRestoreMinutes = r.total ? Math.round(t.minutes / r.total) : null;
  return r;
}

/**
 * Folds closed incidents into the rows by priority (all four), by service (an incident naming
 * two services counts on both) and overall (each incident once).
 */
export function foldIncidents(
  facts: readonly IncidentFact[],
  priorityNames: ReadonlyMap<IncidentPriority, string>,
  services: ReadonlyMap<string, { code: string; name: string; supportHours: SupportHours }>,
): Pick<IncidentDashboardResponse, 'byPriority' | 'byService' | 'total'> {
  const byPriority = new Map(
    INCIDENT_PRIORITIES.map((p) => [
      p,
      tally(p, `${p} ${priorityNames.get(p) ?? ''}`.trim(), null),
    ]),
  );
  const byService = new Map<string, Tally>();
  const total = tally('all', 'all', null);
  for (const f of facts) {
    add(total, f);
    const p = byPriority.get(f.priority);
    if (p) add(p, f);
    const ids = f.services.length ? [...new Set(f.services)] : [''];
    for (const id of ids) {
      const s = services.get(id);
      const key = s?.code ?? '';
      let t = byService.get(key);
      if (!t) {
        t = tally(key, s?.name ?? '(tanpa layanan TI)', s?.supportHours ?? null);
        byService.set(key, t);
      }
      add(t, f);
    }
  }
  return {
    byPriority: [...byPriority.values()].map(done) as IncidentDashboardResponse['byPriority'],
    byService: [...byService.values()]
      .map(done)
      .sort((a, b) => b.total - a.total || a.label.localeCompare(b.label)),
    total: done(total),
  };
}

/**
 * Reads an office's closed incidents whose resolution clock stopped in the local months
 * `from`..`to` (numbers `YYYYMM`): their priority, clocks and services. `service` narrows to
 * the incidents naming that IT service (by code); `opd` to those of the reporter's OPD.
 */
export async function readIncidentFacts(
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
): Promise<{
  facts: IncidentFact[];
  services: Map<string, { code: string; name: string; supportHours: SupportHours }>;
}> {
  const serviceRows = await query(
    'SELECT id, code, name, support_hours FROM it_services WHERE office_code = ?',
    [filter.office],
  );
  const services = new Map(
    serviceRows.map((s) => [
      String(s['id']),
      {
        code: String(s['code']),
        name: String(s['name']),
        supportHours: s['support_hours'] as SupportHours,
      },
    ]),
  );
  // Closed no earlier than the range's first day (a day early for any zone); the month of
  // the clock's stop decides below.
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
    `SELECT t.id, t.priority, t.sla_snapshot, t.first_response_state, l.it_service_id
       FROM tickets t LEFT JOIN ticket_it_services l ON l.ticket_id = t.id
      WHERE t.office_code = ? AND t.kind = 'incident' AND t.status = 'closed'
        AND t.sla_snapshot IS NOT NULL AND t.closed_at >= ?${extra}
      ORDER BY t.id, l.position`,
    params,
  );
  const byTicket = new Map<string, IncidentFact | null>();
  for (const r of rows) {
    const id = String(r['id']);
    if (!byTicket.has(id)) byTicket.set(id, factOf(r, filter));
    const fact = byTicket.get(id);
    if (fact && r['it_service_id']) fact.services.push(String(r['it_service_id']));
  }
  return {
    facts: [...byTicket.values()].filter((f): f is IncidentFact => !!f),
    services,
  };
}

function factOf(
  r: Row,
  filter: { timeZone: string; from: number; to: number },
): IncidentFact | null {
  const snap = JSON.parse(String(r['sla_snapshot'])) as {
    state: string;
    stoppedAt: number | null;
    elapsedMs: number;
  };
  if (!OUTCOMES.has(snap.state) || snap.stoppedAt === null) return null;
  const month = localMonth(snap.stoppedAt, filter.timeZone);
  if (month < filter.from || month > filter.to) return null;
  const fr = String(r['first_response_state'] ?? '');
  return {
    priority: (r['priority'] as IncidentPriority) ?? 'P4',
    outcome: snap.state as IncidentFact['outcome'],
    restoreMinutes: Math.round(snap.elapsedMs / 60_000),
    response: OUTCOMES.has(fr) ? (fr as IncidentFact['response']) : null,
    services: [],
  };
}

/** The office's names of the priorities (its matrix, or the default Kritis/Tinggi/...). */
export async function priorityNamesOf(
  query: (sql: string, params: unknown[]) => Promise<Row[]>,
  office: string,
): Promise<Map<IncidentPriority, string>> {
  const [row] = await query(
    'SELECT targets_json FROM incident_priority_matrices WHERE office_code = ?',
    [office],
  );
  const targets: readonly PriorityTarget[] = row
    ? (JSON.parse(String(row['targets_json'])) as PriorityTarget[])
    : DEFAULT_PRIORITY_TARGETS;
  return new Map(targets.map((t) => [t.priority, t.name]));
}
