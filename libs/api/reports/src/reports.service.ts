import { Injectable } from '@nestjs/common';
import type {
  ChangeDashboardResponse,
  ComplianceRow,
  IkmReport,
  IncidentDashboardResponse,
  ReportLang,
  ReportPeriod,
} from '@sigap/contracts';
import type { DerivedField, ServiceStandard } from '@sigap/standards';
import { DataSource } from 'typeorm';
import { ReadReplica } from '@sigap/api-database';
import { Clock } from '@sigap/api-clock';
import { DashboardsService } from '@sigap/api-dashboards';
import { localMonth, percentileOf } from '@sigap/api-dashboards';
import { hasRole, type AuthUser } from '@sigap/api-identity';
import { IkmReportService } from '@sigap/api-survey';
import { dialectOf, readInstant } from '@sigap/api-database';
import { ReportError } from './report-error';
import type { EvaluationReportQueryDto } from './report.dto';

type Row = Record<string, unknown>;
const num = (v: unknown) => Number(v ?? 0);
/** Breached tickets listed in full; the rest are counted. */
export const BREACH_LIST_LIMIT = 200;
/** Longest reason printed for a breach. */
const REASON_LENGTH = 240;

export interface ServiceFigures extends ComplianceRow {
  p90Minutes: number | null;
  complaints: number;
  ikm: {
    respondents: number;
    converted: number | null;
    grade: string | null;
  } | null;
}

export interface BreachLine {
  number: string;
  service: string;
  subject: string;
  /** Whole ticket past its limit (else only steps were). */
  ticketBreached: boolean;
  elapsedMinutes: number | null;
  targetMinutes: number | null;
  /** The late steps: "3. Kepala Bidang ...". */
  lateSteps: string[];
  /** The last internal note on the ticket (tags stripped), if any. */
  reason: string | null;
}

/** Everything the printed evaluation report shows. */
export interface EvaluationData {
  office: {
    code: string;
    name: string;
    timeZone: string;
    /** Who signs: null leaves a line to fill in by hand. */
    headName: string | null;
    headNip: string | null;
  };
  period: ReportPeriod;
  /** `2026-10` or `2026`. */
  label: string;
  from: string;
  to: string;
  lang: ReportLang;
  generatedAt: Date;
  dataAsOf: string | null;
  services: ServiceFigures[];
  total: ServiceFigures;
  complaintsWithoutService: number;
  /**
   * Services of the table whose standard does not publish some components, computed from its
   * steps instead: printed as "dihitung dari langkah", never as published text.
   */
  derived: { label: string; fields: DerivedField[] }[];
  breaches: BreachLine[];
  breachesNotListed: number;
  /** Incidents closed in the period: the dashboards' incident figures for the same range. */
  incidents: Pick<IncidentDashboardResponse, 'byPriority' | 'byService' | 'total'>;
  /** Changes finished in the period: the dashboards' change figures for the same range. */
  changes: Pick<ChangeDashboardResponse, 'byRisk' | 'total'>;
}

/** Office, first and last month (`YYYY-MM`) of the report, checked against who asks. */
export function resolveReport(
  user: AuthUser,
  q: EvaluationReportQueryDto,
): { office: string; from: string; to: string; label: string } {
  let office: string;
  if (hasRole(user, 'admin')) {
    const chosen = q.office ?? user.office;
    if (!chosen) throw ReportError.field('office', 'pilih kantor (admin melihat kantor mana pun)');
    office = chosen;
  } else if (hasRole(user, 'manager') && user.office) {
    if (q.office && q.office !== user.office)
      throw new ReportError('reports.forbidden', 'Laporan kantor lain tidak dapat diunduh.');
    office = user.office;
  } else {
    throw new ReportError('reports.forbidden', 'Laporan hanya untuk manajer kantor dan admin.');
  }
  if (q.period === 'month') {
    if (!q.month) throw ReportError.field('month', 'wajib untuk periode bulanan (YYYY-MM)');
    if (q.year) throw ReportError.field('year', 'hanya untuk periode tahunan');
    return { office, from: q.month, to: q.month, label: q.month };
  }
  if (!q.year) throw ReportError.field('year', 'wajib untuk periode tahunan (YYYY)');
  if (q.month) throw ReportError.field('month', 'hanya untuk periode bulanan');
  return { office, from: `${q.year}-01`, to: `${q.year}-12`, label: q.year };
}

const monthNum = (m: string) => Number(m.slice(0, 4)) * 100 + Number(m.slice(5, 7));

function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(d).padStart(2, '0')}`;
}

function plainText(body: string): string {
  const text = body
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > REASON_LENGTH ? `${text.slice(0, REASON_LENGTH - 1)}…` : text;
}

/**
 * Gathers the evaluation report's figures from their owners: ticket compliance and average
 * working time from the dashboards (same call, same numbers as the dashboard page), the p90 from
 * the same closed-ticket facts, the IKM from the survey report, complaints from the tickets of
 * kind `complaint` received in the period, the breaches from the dashboard facts, and the
 * incidents by priority and IT service from the dashboards' incident figures (same call).
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dashboards: DashboardsService,
    private readonly ikm: IkmReportService,
    private readonly clock: Clock,
    /** The report only reads, and may be seconds stale: from the read replica when there is one. */
    private readonly reader: ReadReplica,
  ) {}

  async evaluation(user: AuthUser, q: EvaluationReportQueryDto): Promise<EvaluationData> {
    const { office, from, to, label } = resolveReport(user, q);
    const found = (
      await this.reader.query(
        'SELECT code, name, time_zone, head_name, head_nip FROM offices WHERE code = ?',
        [office],
      )
    )[0] as Row | undefined;
    if (!found)
      throw new ReportError('reports.office_unknown', `Kantor "${office}" tidak dikenal.`);
    const timeZone = String(found['time_zone']);
    const lang = q.lang ?? 'id';
    const compliance = await this.dashboards.compliance(user, {
      office,
      from,
      to,
      period: q.period,
      level: 'tickets',
      by: 'service',
    });
    const incidents = await this.dashboards.incidents(user, { office, from, to, period: q.period });
    const changes = await this.dashboards.changes(user, { office, from, to, period: q.period });
    const range = [office, monthNum(from), monthNum(to)];
    const p90 = await this.p90PerService(range);
    const ikm = await this.ikm.ikm({
      office,
      service: null,
      from: `${from}-01`,
      to: lastDay(to),
      period: q.period,
    });
    const complaints = await this.complaintsPerService(office, timeZone, from, to);
    const services = new Map<string, ServiceFigures>();
    const blank = (key: string, label: string): ServiceFigures => ({
      key,
      label,
      total: 0,
      met: 0,
      metLate: 0,
      breached: 0,
      withinLimitShare: null,
      metShare: null,
      averageMinutes: null,
      p90Minutes: null,
      complaints: 0,
      ikm: null,
    });
    for (const row of compliance.rows)
      services.set(row.key, {
        ...blank(row.key, row.label),
        ...row,
        p90Minutes: p90.get(row.key) ?? null,
      });
    for (const row of ikm.rows) {
      const s = services.get(row.serviceCode) ?? blank(row.serviceCode, row.serviceName);
      s.ikm = { respondents: row.respondents, converted: row.converted, grade: row.grade };
      services.set(row.serviceCode, s);
    }
    let complaintsWithoutService = 0;
    for (const [code, n] of complaints) {
      if (!code) {
        complaintsWithoutService += n;
        continue;
      }
      const s = services.get(code) ?? blank(code, await this.serviceName(office, code));
      s.complaints += n;
      services.set(code, s);
    }
    const list = [...services.values()].sort((a, b) => a.label.localeCompare(b.label));
    const total = this.totalOf(list, ikm, p90.get('') ?? null);
    total.complaints += complaintsWithoutService;
    const { lines, more } = await this.breaches(range);
    const derived = await this.derivedOf(office);
    return {
      office: {
        code: office,
        name: String(found['name']),
        timeZone,
        headName: (found['head_name'] as string | null) ?? null,
        headNip: (found['head_nip'] as string | null) ?? null,
      },
      period: q.period,
      label,
      from,
      to,
      lang,
      generatedAt: this.clock.now(),
      dataAsOf: compliance.dataAsOf,
      services: list,
      total,
      complaintsWithoutService,
      derived: list
        .filter((s) => derived.has(s.key))
        .map((s) => ({ label: s.label, fields: derived.get(s.key) ?? [] })),
      breaches: lines,
      breachesNotListed: more,
      incidents: {
        byPriority: incidents.byPriority,
        byService: incidents.byService,
        total: incidents.total,
      },
      changes: { byRisk: changes.byRisk, total: changes.total },
    };
  }

  private totalOf(list: ServiceFigures[], ikm: IkmReport, p90: number | null): ServiceFigures {
    const sum = (f: (s: ServiceFigures) => number) => list.reduce((n, s) => n + f(s), 0);
    const total = sum((s) => s.total);
    const elapsed = sum((s) => (s.averageMinutes ?? 0) * s.total);
    const ikmTotal = ikm.totals[0];
    return {
      key: '',
      label: '',
      total,
      met: sum((s) => s.met),
      metLate: sum((s) => s.metLate),
      breached: sum((s) => s.breached),
      withinLimitShare: total ? (sum((s) => s.met) + sum((s) => s.metLate)) / total : null,
      metShare: total ? sum((s) => s.met) / total : null,
      averageMinutes: total ? Math.round(elapsed / total) : null,
      p90Minutes: p90,
      complaints: sum((s) => s.complaints),
      ikm: ikmTotal
        ? {
            respondents: ikmTotal.respondents,
            converted: ikmTotal.converted,
            grade: ikmTotal.grade,
          }
        : null,
    };
  }

  /** p90 working minutes of closed tickets per service ('' = all), from the dashboard facts. */
  private async p90PerService(range: unknown[]): Promise<Map<string, number | null>> {
    const rows: Row[] = await this.reader.query(
      `SELECT service_code AS s, bucket AS b, COUNT(*) AS n, SUM(elapsed_min) AS m
         FROM dash_ticket_facts WHERE office_code = ? AND month >= ? AND month <= ?
         GROUP BY service_code, bucket`,
      range,
    );
    const per = new Map<string, Array<[number, number, number]>>();
    const all = new Map<number, [number, number, number]>();
    for (const r of rows) {
      const key = String(r['s']);
      const entry: [number, number, number] = [num(r['b']), num(r['n']), num(r['m'])];
      per.set(key, [...(per.get(key) ?? []), entry]);
      const a = all.get(entry[0]) ?? [entry[0], 0, 0];
      all.set(entry[0], [a[0], a[1] + entry[1], a[2] + entry[2]]);
    }
    const out = new Map<string, number | null>();
    for (const [key, hist] of per) out.set(key, percentileOf(hist, 0.9));
    out.set('', percentileOf([...all.values()], 0.9));
    return out;
  }

  /** Complaints received in the period (office-local months), per service code. */
  private async complaintsPerService(
    office: string,
    timeZone: string,
    from: string,
    to: string,
  ): Promise<Map<string, number>> {
    // A day either side covers every time zone; the local month decides.
    const start = new Date(Date.UTC(Number(from.slice(0, 4)), Number(from.slice(5, 7)) - 1, 0));
    const end = new Date(Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)), 2));
    const at = (d: Date) => dialectOf(this.dataSource).instant(d);
    const rows: Row[] = await this.reader.query(
      `SELECT service_code AS s, received_at AS r FROM tickets
        WHERE office_code = ? AND kind = 'complaint' AND received_at >= ? AND received_at < ?`,
      [office, at(start), at(end)],
    );
    const lo = monthNum(from);
    const hi = monthNum(to);
    const out = new Map<string, number>();
    for (const r of rows) {
      const received = readInstant(r['r'] as Date | string);
      if (!received) continue;
      const m = localMonth(received, timeZone);
      if (m < lo || m > hi) continue;
      const key = r['s'] ? String(r['s']) : '';
      out.set(key, (out.get(key) ?? 0) + 1);
    }
    return out;
  }

  /** The components each service's current standard marks as derived from its steps. */
  private async derivedOf(office: string): Promise<Map<string, DerivedField[]>> {
    const rows: Row[] = await this.reader.query(
      `SELECT s.code AS code, v.standard_json AS standard
         FROM catalog_services s
         JOIN catalog_service_versions v ON v.service_id = s.id AND v.version = s.current_version
        WHERE s.office_code = ?`,
      [office],
    );
    const out = new Map<string, DerivedField[]>();
    for (const row of rows) {
      const standard = JSON.parse(String(row['standard'])) as Pick<ServiceStandard, 'derived'>;
      if (standard.derived?.length) out.set(String(row['code']), standard.derived);
    }
    return out;
  }

  private async serviceName(office: string, code: string): Promise<string> {
    const row = (
      await this.reader.query(
        'SELECT name FROM catalog_services WHERE office_code = ? AND code = ?',
        [office, code],
      )
    )[0] as Row | undefined;
    return row ? String(row['name']) : code;
  }

  /**
   * Closed tickets of the period past their limit, and tickets with a step past its limit, with
   * the late steps' positions and, as the recorded reason, the ticket's last internal note.
   */
  private async breaches(range: unknown[]): Promise<{ lines: BreachLine[]; more: number }> {
    const tickets: Row[] = await this.reader.query(
      `SELECT ticket_id AS id, outcome, elapsed_min AS e, target_min AS t, stopped_at AS at
         FROM dash_ticket_facts
        WHERE office_code = ? AND month >= ? AND month <= ? AND outcome = 'breached'`,
      range,
    );
    const steps: Row[] = await this.reader.query(
      `SELECT f.ticket_id AS id, f.step_order AS o, f.position_code AS p, p.name AS pn,
              f.stopped_at AS at
         FROM dash_step_facts f
         LEFT JOIN positions p ON p.office_code = f.office_code AND p.code = f.position_code
        WHERE f.office_code = ? AND f.month >= ? AND f.month <= ? AND f.outcome = 'breached'
        ORDER BY f.step_order`,
      range,
    );
    const order = new Map<string, number>();
    const stamp = (v: unknown) => readInstant(v as Date | string)?.getTime() ?? 0;
    for (const t of tickets) order.set(String(t['id']), stamp(t['at']));
    for (const s of steps) {
      const id = String(s['id']);
      if (!order.has(id)) order.set(id, stamp(s['at']));
    }
    const ids = [...order.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id);
    const listed = ids.slice(0, BREACH_LIST_LIMIT);
    if (!listed.length) return { lines: [], more: 0 };
    const marks = listed.map(() => '?').join(', ');
    const info: Row[] = await this.reader.query(
      `SELECT t.id, t.number, t.subject, t.service_code AS s, c.name AS sn
         FROM tickets t
         LEFT JOIN catalog_services c ON c.id = t.service_id
        WHERE t.id IN (${marks})`,
      listed,
    );
    const notes: Row[] = await this.reader.query(
      `SELECT ticket_id AS id, body, id AS seq FROM ticket_timeline
        WHERE kind = 'note' AND ticket_id IN (${marks})`,
      listed,
    );
    const lastNote = new Map<string, { at: number; body: string }>();
    for (const n of notes) {
      const id = String(n['id']);
      const at = num(n['seq']);
      if (!n['body']) continue;
      if ((lastNote.get(id)?.at ?? -1) <= at) lastNote.set(id, { at, body: String(n['body']) });
    }
    const byId = new Map(info.map((r) => [String(r['id']), r]));
    const ticketFacts = new Map(tickets.map((t) => [String(t['id']), t]));
    const lines = listed.map((id): BreachLine => {
      const t = byId.get(id);
      const fact = ticketFacts.get(id);
      const note = lastNote.get(id);
      return {
        number: t ? String(t['number']) : id,
        service: t ? String(t['sn'] ?? t['s'] ?? '') : '',
        subject: t ? String(t['subject']) : '',
        ticketBreached: !!fact,
        elapsedMinutes: fact ? num(fact['e']) : null,
        targetMinutes: fact ? num(fact['t']) : null,
        lateSteps: steps
          .filter((s) => String(s['id']) === id)
          .map((s) => `${num(s['o'])}. ${String(s['pn'] ?? s['p'])}`),
        reason: note ? plainText(note.body) || null : null,
      };
    });
    return { lines, more: ids.length - listed.length };
  }
}
