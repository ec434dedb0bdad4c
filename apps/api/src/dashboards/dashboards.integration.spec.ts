import type {
  AtRiskResponse,
  BacklogResponse,
  ClockView,
  ComplianceResponse,
  FirstResponseResponse,
  StepBottlenecksResponse,
  TicketDetail,
  WorkloadResponse,
} from '@sigap/contracts';
import { Workbook } from 'exceljs';
import { Clock } from '@sigap/api-clock';
import { describeOnBothDatabases, type TestApp } from '../testing/test-app';
import { SlaSweepService } from '@sigap/api-tickets';
import { DashboardRefreshService } from '@sigap/api-dashboards';

/** WITA (UTC+8) local time -> ISO instant. */
const wita = (local: string) => new Date(`${local}+08:00`).toISOString();
const RANGE = 'from=2026-01&to=2026-12';

/** Nearest-rank percentile of plain numbers (what the dashboard approximates with buckets). */
function nearestRank(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1];
}

/** A dashboard figure read from a bucket: exact below an hour, else within 2.5 %. */
function expectClose(actual: number | null, expected: number, what: string): void {
  expect(actual).withContext(what).not.toBeNull();
  if (expected < 60) expect(actual).withContext(what).toBe(expected);
  else
    expect(Math.abs((actual as number) - expected) / expected)
      .withContext(what)
      .toBeLessThanOrEqual(0.026);
}

const stateCount = (clocks: ClockView[], state: string) =>
  clocks.filter((c) => c.state === state).length;

/**
 * Four Bali tickets run through the API (one fast, one with late steps, one breaching its
 * total time, one left open), then the dashboards are checked against the figures the ticket
 * pages show for the same tickets.
 */
describeOnBothDatabases('dashboards: figures agree with the tickets they count', (ctx) => {
  let app: TestApp;
  let clock: Clock;
  const closed: TicketDetail[] = [];
  let open: TicketDetail;
  const as = (who: string) => app.token(`${who}.bali@sigap.local`);
  const at = (local: string) => clock.set(wita(local));
  const get = async <T>(who: string, path: string) => {
    const res = await app.request<T>('GET', `/api/v1/dashboards/${path}`, { token: await as(who) });
    expect(res.status).withContext(`${path}: ${res.text}`).toBe(200);
    return res.body;
  };

  async function openTicket(local: string, subject: string): Promise<TicketDetail> {
    at(local);
    const res = await app.request<TicketDetail>('POST', '/api/v1/tickets', {
      token: await as('helpdesk'),
      body: {
        office: 'bali',
        service: 'pengembangan-aplikasi',
        channel: 'letter',
        subject,
        description: 'Permohonan untuk dasbor.',
        requester: { name: 'Pemohon Dasbor', email: 'dasbor@diskes.baliprov.go.id' },
      },
    });
    expect(res.status).withContext(res.text).toBe(201);
    let t = res.body;
    for (const path of [
      'checklist/r1/receive',
      'checklist/r1/verify',
      'checklist/r2/receive',
      'checklist/r2/verify',
    ])
      t = await act(t, 'helpdesk', path);
    return t;
  }

  async function act(
    t: TicketDetail,
    who: string,
    path: string,
    body: Record<string, unknown> = {},
  ): Promise<TicketDetail> {
    const res = await app.request<TicketDetail>('POST', `/api/v1/tickets/${t.number}/${path}`, {
      token: await as(who),
      body: { expectedVersion: t.version, ...body },
    });
    expect(res.status).withContext(`${path}: ${res.text}`).toBe(200);
    return res.body;
  }

  /** Completes steps 2..7 at the given local times, replies, resolves and closes. */
  async function run(t: TicketDetail, times: string[], reply: string, close: string) {
    const holders = ['kasubbag-tu', 'kabid-iai', 'kasi-ai', 'kasi-ai', 'kasi-ai', 'kadis'];
    for (let i = 0; i < 6; i++) {
      at(times[i]);
      t = await act(t, holders[i], `steps/${i + 2}/complete`, { output: `Hasil langkah ${i + 2}` });
      if (i === 0) {
        at(reply);
        t = await act(t, 'helpdesk', 'replies', { body: 'Permohonan sedang diproses.' });
      }
    }
    at(close);
    t = await act(t, 'helpdesk', 'resolve');
    t = await act(t, 'helpdesk', 'close');
    expect(t.clocks.ticket.frozen).toBeTrue();
    return t;
  }

  beforeAll(async () => {
    app = ctx();
    clock = app.app.get(Clock);
    // Fast: every step within its target.
    const a = await openTicket('2026-04-06T08:00:00', 'Aplikasi cepat');
    closed.push(
      await run(
        a,
        [
          '2026-04-06T08:30:00',
          '2026-04-06T09:00:00',
          '2026-04-06T10:00:00',
          '2026-04-06T11:00:00',
          '2026-04-06T13:30:00',
          '2026-04-06T14:00:00',
        ],
        '2026-04-06T08:40:00',
        '2026-04-06T14:30:00',
      ),
    );
    // Step 2 after its target (90 min of "1-2 Jam"), step 3 past its limit (120 min of "1 Jam").
    const b = await openTicket('2026-04-07T08:00:00', 'Aplikasi dengan langkah terlambat');
    closed.push(
      await run(
        b,
        [
          '2026-04-07T09:30:00',
          '2026-04-07T11:30:00',
          '2026-04-07T13:30:00',
          '2026-04-08T08:00:00',
          '2026-04-08T08:30:00',
          '2026-04-08T09:00:00',
        ],
        '2026-04-07T09:40:00',
        '2026-04-08T10:00:00',
      ),
    );
    // The whole ticket past its limit (28-29 working days), step 4 past "7 Hari", and the
    // first response after its "1 Hari".
    const c = await openTicket('2026-04-08T08:00:00', 'Aplikasi melewati batas');
    closed.push(
      await run(
        c,
        [
          '2026-04-08T08:30:00',
          '2026-04-09T10:30:00',
          '2026-04-22T09:00:00',
          '2026-04-23T09:00:00',
          '2026-04-24T09:00:00',
          '2026-05-26T10:00:00',
        ],
        '2026-04-09T10:00:00',
        '2026-05-26T11:00:00',
      ),
    );
    // Left open with step 2 waiting for Kasubbag TU since 6 April.
    open = await openTicket('2026-04-06T09:00:00', 'Aplikasi masih terbuka');
    at('2026-05-27T09:00:00');
    await app.app.get(SlaSweepService).sweepOnce();
    const refreshed = await app.app.get(DashboardRefreshService).refresh();
    expect(refreshed.ticketFacts).toBe(3);
  }, 120_000);
  afterAll(() => clock.release());

  it('ticket compliance per service and per month equals the closed tickets’ frozen clocks', async () => {
    const clocks = closed.map((t) => t.clocks.ticket);
    // The hand-checked outcomes: two within their limit, the third breached.
    expect(clocks.map((c) => c.state)).toEqual(['met', 'met', 'breached']);
    const r = await get<ComplianceResponse>(
      'kadis',
      `compliance?level=tickets&by=service&${RANGE}`,
    );
    expect(r.rows.length).toBe(1);
    const row = r.rows[0];
    expect(row.key).toBe('pengembangan-aplikasi');
    expect(row.total).toBe(3);
    expect(row.met).toBe(stateCount(clocks, 'met'));
    expect(row.metLate).toBe(stateCount(clocks, 'met-late'));
    expect(row.breached).toBe(stateCount(clocks, 'breached'));
    const mean = clocks.reduce((s, c) => s + c.elapsedMinutes, 0) / clocks.length;
    expect(Math.abs((row.averageMinutes as number) - mean)).toBeLessThanOrEqual(1);
    expect(row.withinLimitShare).toBeCloseTo(2 / 3, 6);
    // The trend: April has the two closed in April, May the breached one.
    const trend = Object.fromEntries(r.trend.map((x) => [x.key, x.total]));
    expect(trend['2026-04']).toBe(2);
    expect(trend['2026-05']).toBe(1);
    expect(r.trend.length).toBe(12);
    const quarters = await get<ComplianceResponse>(
      'kadis',
      `compliance?level=tickets&by=period&period=quarter&${RANGE}`,
    );
    expect(quarters.rows.map((x) => [x.key, x.total, x.breached])).toEqual([
      ['2026-Q1', 0, 0],
      ['2026-Q2', 3, 1],
      ['2026-Q3', 0, 0],
      ['2026-Q4', 0, 0],
    ]);
    expect(r.dataAsOf).toBe(wita('2026-05-27T09:00:00'));
  });

  it('step bottlenecks: counts, share late, median and p90 from the steps’ clocks', async () => {
    const r = await get<StepBottlenecksResponse>('kadis', `steps?${RANGE}`);
    for (const order of [2, 3, 4, 5, 6, 7]) {
      const views = closed.map((t) => t.steps.find((s) => s.order === order)?.clock as ClockView);
      const row = r.rows.find((x) => x.stepOrder === order);
      expect(row).withContext(`step ${order}`).toBeDefined();
      if (!row) continue;
      expect(row.count).toBe(3);
      const late = views.filter((v) => v.state === 'met-late' || v.state === 'breached').length;
      expect(row.lateShare)
        .withContext(`step ${order} late`)
        .toBeCloseTo(late / 3, 6);
      expect(row.breached).toBe(stateCount(views, 'breached'));
      const minutes = views.map((v) => v.elapsedMinutes);
      expectClose(row.medianMinutes, nearestRank(minutes, 0.5), `step ${order} median`);
      expectClose(row.p90Minutes, nearestRank(minutes, 0.9), `step ${order} p90`);
    }
    const step2 = r.rows.find((x) => x.stepOrder === 2);
    expect(step2?.standard).toBe('1- 2 Jam');
    expect(step2?.targetMinutes).toBe(60);
    expect(step2?.medianMinutes).toBe(30);
    expect(step2?.p90Minutes).toBe(90);
    // Step 3 ("1 Jam"): tickets B (120 minutes) and C (a day) breached it.
    expect(r.rows.find((x) => x.stepOrder === 3)?.breached).toBe(2);
  });

  it('step compliance per position and holder adds up to the completed steps', async () => {
    const byPosition = await get<ComplianceResponse>(
      'kadis',
      `compliance?level=steps&by=position&${RANGE}`,
    );
    const kasi = byPosition.rows.find((x) => x.key === 'kasi-ai');
    const kasiViews = closed.flatMap((t) =>
      t.steps.filter((s) => s.position === 'kasi-ai' && s.clock).map((s) => s.clock as ClockView),
    );
    expect(kasi?.total).toBe(kasiViews.length);
    expect(kasi?.breached).toBe(stateCount(kasiViews, 'breached'));
    const byHolder = await get<ComplianceResponse>(
      'kadis',
      `compliance?level=steps&by=holder&${RANGE}`,
    );
    expect(byHolder.rows.reduce((s, x) => s + x.total, 0)).toBe(18);
    expect(byHolder.rows.some((x) => x.label.includes('Kepala Seksi Aplikasi'))).toBeTrue();
  });

  it('first response per month from the first-response clocks', async () => {
    const r = await get<FirstResponseResponse>('kadis', `first-response?${RANGE}`);
    const views = closed.map((t) => t.clocks.firstResponse);
    expect(r.overall.total).toBe(3);
    expect(r.overall.met).toBe(stateCount(views, 'met'));
    expect(r.overall.breached).toBe(stateCount(views, 'breached'));
    expect(r.overall.breached).toBe(1);
    expectClose(
      r.overall.medianMinutes,
      nearestRank(
        views.map((v) => v.elapsedMinutes),
        0.5,
      ),
      'first-response median',
    );
    expect(r.rows.find((x) => x.key === '2026-05')?.total).toBe(1);
  });

  it('backlog, at risk and workload read the open ticket live', async () => {
    const backlog = await get<BacklogResponse>('kadis', 'backlog');
    expect(backlog.total).toBe(1);
    // 6 April to 27 May WITA is more than 20 working days.
    expect(backlog.buckets.find((b) => b.key === '21+')?.count).toBe(1);
    const risk = await get<AtRiskResponse>('kadis', 'at-risk');
    expect(risk.tickets.map((t) => t.number)).toEqual([open.number]);
    expect(risk.steps.map((s) => [s.number, s.stepOrder, s.state])).toEqual([
      [open.number, 2, 'breached'],
    ]);
    const load = await get<WorkloadResponse>('kadis', 'workload');
    expect(load.positions.map((p) => [p.key, p.active, p.breached])).toEqual([
      ['kasubbag-tu', 1, 1],
    ]);
    expect(load.holders.length).toBe(1);
  });

  it('an executor sees only their own steps', async () => {
    const own = await get<StepBottlenecksResponse>('kasi-ai', `steps?${RANGE}`);
    expect(own.scope.holderId).not.toBeNull();
    expect(new Set(own.rows.map((r) => r.stepOrder))).toEqual(new Set([4, 5, 6]));
    expect(own.rows.every((r) => r.count === 3)).toBeTrue();
    const compliance = await get<ComplianceResponse>('kasi-ai', `compliance?by=position&${RANGE}`);
    expect(compliance.level).toBe('steps');
    expect(compliance.rows.map((r) => [r.key, r.total])).toEqual([['kasi-ai', 9]]);
    const load = await get<WorkloadResponse>('kasi-ai', 'workload');
    expect(load.positions).toEqual([]);
    const tickets = await app.request('GET', `/api/v1/dashboards/compliance?level=tickets`, {
      token: await as('kasi-ai'),
    });
    expect(tickets.status).toBe(403);
  });

  it('exports a table as CSV and as XLSX with the same figures', async () => {
    const csv = await app.request('GET', `/api/v1/dashboards/steps/export?format=csv&${RANGE}`, {
      token: await as('kadis'),
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain(
      'sigap-steps-bali-2026-01-2026-12.csv',
    );
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('Median (menit kerja)');
    expect(lines.length).toBe(7);
    const xlsx = await fetch(
      `${app.baseUrl}/api/v1/dashboards/compliance/export?format=xlsx&by=service&${RANGE}`,
      {
        headers: { Authorization: `Bearer ${await as('kadis')}` },
      },
    );
    expect(xlsx.status).toBe(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Kepatuhan');
    expect(sheet?.getRow(2).getCell(2).value).toBe(3);
    expect(sheet?.getRow(2).getCell(5).value).toBe(1);
    const bad = await app.request('GET', '/api/v1/dashboards/nothing/export', {
      token: await as('kadis'),
    });
    expect(bad.status).toBe(400);
  });
});
