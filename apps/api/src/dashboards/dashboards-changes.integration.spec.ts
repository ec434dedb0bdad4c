import type {
  ChangeDashboardResponse,
  ChangeFigureRow,
  ChangeView,
  KindDashboardResponse,
  OpenChangeResponse,
  TicketDetail,
} from '@sigap/contracts';
import { Clock } from '@sigap/api-clock';
import { describeOnBothDatabases, type TestApp } from '../testing/test-app';

/** An instant given in Bali's time (WITA, UTC+8). */
const wita = (local: string) => new Date(`${local}+08:00`);

/**
 * Bali changes of November 2026 under the default policy (the Kadis approves every risk within
 * 1 hari kerja), worked out by hand:
 * - A, rendah: approved the same morning (on time), implemented on 3 Nov: success; caused
 *   incident I.
 * - B, tinggi: approved Thursday 5 Nov (due Tuesday 09.00: late), implemented 5 Nov: rolled back;
 *   also linked to incident I.
 * - C, sedang: rejected on 3 Nov 08.00 (on time).
 * - D, rendah: approved on time, implemented on 1 Dec: failed (December).
 * - E, tinggi: approved, never implemented: not finished, not counted.
 */
describeOnBothDatabases('dashboards: changes by risk and period', (ctx) => {
  let app: TestApp;
  let clock: Clock;
  let agent: string;
  let kadis: string;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs read loosely typed bodies
  const post = async <T = any>(path: string, body: unknown, token = agent): Promise<T> => {
    const res = await app.request<T>('POST', path, { token, body });
    expect(res.status).withContext(`${path}: ${res.text}`).toBeLessThan(300);
    return res.body;
  };
  const view = async (n: string) =>
    (await app.request<ChangeView>('GET', `/api/v1/changes/${n}`, { token: agent })).body;

  async function open(risk: string, at: string): Promise<string> {
    clock.set(wita(at));
    const r = await post<OpenChangeResponse>('/api/v1/changes', {
      office: 'bali',
      services: ['web-pemprov'],
      risk,
      channel: 'letter',
      subject: `Perubahan konfigurasi (${risk})`,
      description: 'Pembaruan konfigurasi server web.',
      rollbackPlan: 'Pulihkan konfigurasi dari cadangan.',
      plannedStart: wita('2026-11-02T20:00:00').toISOString(),
      plannedEnd: wita('2026-11-02T21:00:00').toISOString(),
      requester: { name: 'Kasubbag Umum', phone: '+62 361 777888' },
    });
    return r.change.number;
  }

  async function decide(n: string, how: 'approve' | 'reject', at: string): Promise<void> {
    clock.set(wita(at));
    await post(
      `/api/v1/changes/${n}/approvals/1/${how}`,
      { expectedVersion: (await view(n)).version, reason: how === 'reject' ? 'Tunda.' : null },
      kadis,
    );
  }

  async function implement(n: string, end: string, result: string): Promise<void> {
    clock.set(new Date(wita(end).getTime() + 3600_000));
    await post(`/api/v1/changes/${n}/implement`, {
      actualStart: new Date(wita(end).getTime() - 3600_000).toISOString(),
      actualEnd: wita(end).toISOString(),
      result,
      expectedVersion: (await view(n)).version,
    });
  }

  const get = <T>(table: string, query: string, token = kadis) =>
    app.request<T>('GET', `/api/v1/dashboards/${table}?${query}`, { token });

  const figures = (r: ChangeFigureRow) => ({
    total: r.total,
    outcomes: [r.implemented, r.success, r.failed, r.rolledBack, r.rejected],
    successRate: r.successRate,
    incidents: [r.incidentsCaused, r.changesWithIncidents],
    approvals: [r.approvals, r.approvalsOnTime],
    approvalsOnTimeShare: r.approvalsOnTimeShare,
  });

  beforeAll(async () => {
    app = ctx();
    clock = app.app.get(Clock);
    agent = await app.token('helpdesk.bali@sigap.local');
    kadis = await app.token('kadis.bali@sigap.local');

    const a = await open('rendah', '2026-11-02T09:00:00');
    const b = await open('tinggi', '2026-11-02T09:10:00');
    const c = await open('sedang', '2026-11-02T09:20:00');
    const d = await open('rendah', '2026-11-02T09:30:00');
    const e = await open('tinggi', '2026-11-02T09:40:00');
    await decide(a, 'approve', '2026-11-02T10:00:00');
    await decide(d, 'approve', '2026-11-02T10:10:00');
    await decide(e, 'approve', '2026-11-02T10:20:00');
    await decide(c, 'reject', '2026-11-03T08:00:00');
    await implement(a, '2026-11-03T11:00:00', 'success');
    await decide(b, 'approve', '2026-11-05T09:00:00');
    await implement(b, '2026-11-05T20:00:00', 'rolled-back');
    clock.set(wita('2026-11-06T09:00:00'));
    const incident = await post<TicketDetail>('/api/v1/incidents', {
      office: 'bali',
      services: ['web-pemprov'],
      impact: 'sedang',
      urgency: 'sedang',
      channel: 'phone',
      subject: 'Situs tidak dapat diakses setelah perubahan',
      description: 'Galat 502.',
      requester: { name: 'Operator OPD', phone: '+62 361 111222' },
    });
    for (const n of [a, b])
      await app.request('PUT', `/api/v1/changes/${n}/incidents`, {
        token: agent,
        body: { incidents: [incident.number], expectedVersion: (await view(n)).version },
      });
    await implement(d, '2026-12-01T10:00:00', 'failed');
    clock.set(wita('2026-12-10T09:00:00'));
  });

  afterAll(() => clock.release());

  it('counts outcomes, success rate, incidents caused and approvals on time, by risk and period', async () => {
    const res = await get<ChangeDashboardResponse>('changes', 'from=2026-11&to=2026-11');
    expect(res.status).withContext(res.text).toBe(200);
    const r = res.body;
    expect(figures(r.total)).toEqual({
      total: 3,
      outcomes: [2, 1, 0, 1, 1],
      successRate: 0.5,
      incidents: [1, 2],
      approvals: [3, 2],
      approvalsOnTimeShare: 2 / 3,
    });
    expect(r.byRisk.map((x) => [x.key, x.label, x.total])).toEqual([
      ['rendah', 'Risiko rendah', 1],
      ['sedang', 'Risiko sedang', 1],
      ['tinggi', 'Risiko tinggi', 1],
    ]);
    const [rendah, sedang, tinggi] = r.byRisk;
    expect(figures(rendah)).toEqual({
      total: 1,
      outcomes: [1, 1, 0, 0, 0],
      successRate: 1,
      incidents: [1, 1],
      approvals: [1, 1],
      approvalsOnTimeShare: 1,
    });
    expect(figures(sedang)).toEqual({
      total: 1,
      outcomes: [0, 0, 0, 0, 1],
      successRate: null,
      incidents: [0, 0],
      approvals: [1, 1],
      approvalsOnTimeShare: 1,
    });
    expect(figures(tinggi)).toEqual({
      total: 1,
      outcomes: [1, 0, 0, 1, 0],
      successRate: 0,
      incidents: [1, 1],
      approvals: [1, 0],
      approvalsOnTimeShare: 0,
    });

    // Two months by month: December holds D (failed, approved on time).
    const both = (await get<ChangeDashboardResponse>('changes', 'from=2026-11&to=2026-12')).body;
    expect(both.byPeriod.map((p) => [p.key, p.total, p.failed])).toEqual([
      ['2026-11', 3, 0],
      ['2026-12', 1, 1],
    ]);
    expect(figures(both.total).outcomes).toEqual([3, 1, 1, 1, 1]);
    // A quarter: one period.
    const quarter = (
      await get<ChangeDashboardResponse>('changes', 'from=2026-10&to=2026-12&period=quarter')
    ).body;
    expect(quarter.byPeriod.map((p) => [p.key, p.total])).toEqual([['2026-Q4', 4]]);
    // Narrowed to an IT service none of them names.
    const none = (
      await get<ChangeDashboardResponse>('changes', 'from=2026-11&to=2026-12&service=pusat-data')
    ).body;
    expect(none.total.total).toBe(0);
  });

  it('counts every ticket kind received and the channels they came by', async () => {
    const res = await get<KindDashboardResponse>('kinds', 'from=2026-11&to=2026-11');
    expect(res.status).withContext(res.text).toBe(200);
    const total = (kind: string) => res.body.totals.find((t) => t.kind === kind);
    expect(total('change')?.received).toBe(5);
    expect(total('incident')?.received).toBe(1);
    expect(total('incident')?.open).toBe(1);
    expect(res.body.rows.map((r) => `${r.kind}|${r.period}`)).toEqual([
      'request|2026-11',
      'complaint|2026-11',
      'incident|2026-11',
      'change|2026-11',
    ]);
    const letter = res.body.channels.find((c) => c.channel === 'letter');
    const phone = res.body.channels.find((c) => c.channel === 'phone');
    expect(res.body.channels.map((c) => c.channel)).toEqual([
      'portal',
      'email',
      'phone',
      'walk-in',
      'letter',
    ]);
    expect(letter?.change).toBe(5);
    expect(phone?.incident).toBe(1);
    const december = (await get<KindDashboardResponse>('kinds', 'from=2026-12&to=2026-12')).body;
    expect(december.totals.find((t) => t.kind === 'change')?.received).toBe(0);
  });

  it("keeps another office's, an executor's and a stranger's eyes off the figures", async () => {
    const riau = await app.token('helpdesk.riau@sigap.local');
    const executor = await app.token('kasi-ai.bali@sigap.local');
    for (const table of ['changes', 'kinds']) {
      expect((await get(table, 'office=bali', riau)).status).toBe(403);
      expect((await get(table, 'from=2026-11&to=2026-11', executor)).status).toBe(403);
      expect((await get(table, 'from=2026-13')).status).toBe(400);
      const stranger = await app.request('GET', `/api/v1/dashboards/${table}`, { token: null });
      expect(stranger.status).toBe(401);
    }
    const admin = await app.token('admin@sigap.local');
    const asAdmin = await get<ChangeDashboardResponse>(
      'changes',
      'office=bali&from=2026-11&to=2026-11',
      admin,
    );
    expect(asAdmin.status).withContext(asAdmin.text).toBe(200);
    expect(asAdmin.body.total.total).toBe(3);
  });
});
