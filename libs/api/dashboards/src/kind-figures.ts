import {
  FIGURE_CHANNELS,
  TICKET_KINDS,
  type ChannelFigureRow,
  type DashboardPeriod,
  type KindDashboardResponse,
  type KindFigureRow,
  type TicketChannel,
  type TicketKind,
} from '@sigap/contracts';
import { readInstant } from '@sigap/api-database';
import { localMonth, periodKey, periodKeys, share } from './figures';

type Row = Record<string, unknown>;
const OUTCOMES = new Set(['met', 'met-late', 'breached']);

/** One ticket as the per-kind figures need it. */
export interface KindFact {
  kind: TicketKind;
  channel: TicketChannel;
  /** Office-local month it was received in. */
  receivedMonth: number;
  /** Office-local month its clock stopped in, when it is closed with a stopped clock. */
  finishedMonth: number | null;
  outcome: 'met' | 'met-late' | 'breached' | null;
  open: boolean;
}

function blank(kind: TicketKind, period: string): KindFigureRow {
  return {
    kind,
    period,
    received: 0,
    finished: 0,
    met: 0,
    metLate: 0,
    breached: 0,
    withinLimitShare: null,
    open: 0,
  };
}

/**
 * Folds tickets into the rows per kind and period (every kind, every period), the totals per
 * kind over the range, and the channels of the tickets received in the range.
 */
export function foldKinds(
  facts: readonly KindFact[],
  range: { from: number; to: number; period: DashboardPeriod },
): Pick<KindDashboardResponse, 'rows' | 'totals' | 'channels'> {
  const keys = periodKeys(range.from, range.to, range.period);
  const rows = new Map<string, KindFigureRow>();
  for (const kind of TICKET_KINDS) for (const k of keys) rows.set(`${kind}|${k}`, blank(kind, k));
  const totals = new Map(TICKET_KINDS.map((kind) => [kind, blank(kind, 'all')]));
  const channels = new Map<TicketChannel, ChannelFigureRow>(
    FIGURE_CHANNELS.map((channel) => [
      channel,
      { channel, request: 0, complaint: 0, incident: 0, change: 0, total: 0 },
    ]),
  );
  const inRange = (m: number | null) => m !== null && m >= range.from && m <= range.to;
  for (const f of facts) {
    if (inRange(f.receivedMonth)) {
      const row = rows.get(`${f.kind}|${periodKey(f.receivedMonth, range.period)}`);
      for (const target of [row, totals.get(f.kind)]) {
        if (!target) continue;
        target.received++;
        if (f.open) target.open++;
      }
      const channel = channels.get(f.channel);
      if (channel) {
        channel[f.kind]++;
        channel.total++;
      }
    }
    if (inRange(f.finishedMonth) && f.outcome) {
      const row = rows.get(`${f.kind}|${periodKey(f.finishedMonth as number, range.period)}`);
      for (const target of [row, totals.get(f.kind)]) {
        if (!target) continue;
        target.finished++;
        if (f.outcome === 'met') target.met++;
        else if (f.outcome === 'met-late') target.metLate++;
        else target.breached++;
      }
    }
  }
  const done = (r: KindFigureRow) => ({
    ...r,
    withinLimitShare: share(r.met + r.metLate, r.finished),
  });
  return {
    rows: [...rows.values()].map(done),
    totals: [...totals.values()].map(done),
    channels: [...channels.values()],
  };
}

/**
 * Reads an office's tickets received, or closed, in the local months `from`..`to`: kind,
 * channel, month received, and for closed ones with a clock the month it stopped and its
 * outcome. `service` narrows to tickets of that catalog service; `opd` to the requester's OPD.
 */
export async function readKindFacts(
  query: (sql: string, params: unknown[]) => Promise<Row[]>,
  instant: (at: Date) => Date | string,
  filter: {
    office: string;
    timeZone: string;
    service: string | null;
    opd: string | null;
  },
  since: Date,
): Promise<KindFact[]> {
  const at = instant(since);
  const params: unknown[] = [filter.office, at, at];
  let extra = '';
  if (filter.opd) {
    extra += ' AND opd_id = ?';
    params.push(filter.opd);
  }
  if (filter.service) {
    extra += ' AND service_code = ?';
    params.push(filter.service);
  }
  const rows = await query(
    `SELECT kind, channel, received_at, status, is_open, sla_snapshot FROM tickets
      WHERE office_code = ? AND (received_at >= ? OR closed_at >= ?)${extra}`,
    params,
  );
  const facts: KindFact[] = [];
  for (const r of rows) {
    const received = readInstant((r['received_at'] as Date | string | null) ?? null);
    if (!received) continue;
    let finishedMonth: number | null = null;
    let outcome: KindFact['outcome'] = null;
    if (r['status'] === 'closed' && r['sla_snapshot']) {
      const snap = JSON.parse(String(r['sla_snapshot'])) as {
        state: string;
        stoppedAt: number | null;
      };
      if (OUTCOMES.has(snap.state) && snap.stoppedAt !== null) {
        finishedMonth = localMonth(snap.stoppedAt, filter.timeZone);
        outcome = snap.state as KindFact['outcome'];
      }
    }
    facts.push({
      kind: ((r['kind'] as TicketKind | null) ?? 'request') as TicketKind,
      channel: r['channel'] as TicketChannel,
      receivedMonth: localMonth(received, filter.timeZone),
      finishedMonth,
      outcome,
      open: Number(r['is_open']) === 1 || r['is_open'] === true,
    });
  }
  return facts;
}
