import type {
  ChangeApprovalPolicyView,
  ChangeCalendarEntry,
  ChangeOutcomes,
  ChangeView,
  OpenChangeResponse,
  TicketDetail,
  TimelineEntryView,
} from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { AuditEntryEntity } from '@sigap/api-audit';
import { Clock } from '@sigap/api-clock';
import { OutboxEntity } from '@sigap/api-outbox';
import { describeOnBothDatabases, type TestApp } from '../testing/test-app';

/** An instant given in Bali's time (WITA, UTC+8). */
const wita = (local: string) => new Date(`${local}+08:00`);

const change = (extra: Record<string, unknown> = {}) => ({
  office: 'bali',
  services: ['web-pemprov'],
  risk: 'tinggi',
  channel: 'letter',
  subject: 'Membuka port 443 untuk aplikasi e-Perizinan',
  description: 'Dinas Penanaman Modal meminta port 443 dibuka ke server aplikasi barunya.',
  rollbackPlan: 'Kembalikan aturan firewall dari cadangan konfigurasi malam sebelumnya.',
  plannedStart: '2026-12-12T14:00:00.000Z',
  plannedEnd: '2026-12-12T16:00:00.000Z',
  requester: { name: 'Kasubbag Umum DPMPTSP', phone: '+62 361 777888' },
  ...extra,
});

const POLICY = {
  rules: [
    { risk: 'rendah', approvers: [{ position: 'kabid-iai', time: '1 hari' }] },
    { risk: 'sedang', approvers: [{ position: 'kabid-iai', time: '1 hari' }] },
    {
      risk: 'tinggi',
      approvers: [
        { position: 'kabid-iai', time: '1 hari' },
        { position: 'kadis', time: '2 hari' },
      ],
    },
  ],
};

describeOnBothDatabases('changes: approvals by position, change calendar, outcomes', (ctx) => {
  let app: TestApp;
  let ds: DataSource;
  let clock: Clock;
  let agent: string;
  let admin: string;
  let kadis: string;
  let kabid: string;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs read loosely typed bodies
  const post = <T = any>(path: string, body: unknown, token: string | null = agent) =>
    app.request<T>('POST', path, { token, body });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs read loosely typed bodies
  const put = <T = any>(path: string, body: unknown, token: string | null = agent) =>
    app.request<T>('PUT', path, { token, body });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs read loosely typed bodies
  const get = <T = any>(path: string, token: string | null = agent) =>
    app.request<T>('GET', path, { token });
  const view = async (n: string) => (await get<ChangeView>(`/api/v1/changes/${n}`)).body;
  const decide = (
    n: string,
    order: number,
    how: 'approve' | 'reject',
    token: string,
    body: Record<string, unknown> = {},
  ) =>
    view(n).then((c) =>
      post<ChangeView>(
        `/api/v1/changes/${n}/approvals/${order}/${how}`,
        { expectedVersion: c.version, ...body },
        token,
      ),
    );

  beforeAll(async () => {
    app = ctx();
    ds = app.app.get(DataSource);
    clock = app.app.get(Clock);
    agent = await app.token('helpdesk.bali@sigap.local');
    admin = await app.token('admin@sigap.local');
    kadis = await app.token('kadis.bali@sigap.local');
    kabid = await app.token('kabid-iai.bali@sigap.local');
  });

  afterAll(() => clock.release());

  it('lets the office manager set approvers per risk; the helpdesk may not; bad positions are 400s', async () => {
    const dflt = await get<ChangeApprovalPolicyView>('/api/v1/changes/approval-policy/bali');
    expect(dflt.status).withContext(dflt.text).toBe(200);
    expect(dflt.body.isDefault).toBeTrue();
    expect(dflt.body.rules.map((r) => r.approvers.map((a) => a.position))).toEqual([
      ['kadis'],
      ['kadis'],
      ['kadis'],
    ]);
    const byAgent = await put('/api/v1/changes/approval-policy/bali', POLICY);
    expect(byAgent.status).withContext(byAgent.text).toBe(403);
    const bad = await put(
      '/api/v1/changes/approval-policy/bali',
      {
        rules: [
          { risk: 'rendah', approvers: [{ position: 'tidak-ada', time: '1 hari' }] },
          { risk: 'sedang', approvers: [{ position: 'kadis', time: 'besok saja' }] },
          { risk: 'tinggi', approvers: [] },
        ],
      },
      kadis,
    );
    expect(bad.status).withContext(bad.text).toBe(400);
    expect((bad.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual([
      'rules[0].approvers[0].position',
      'rules[1].approvers[0].time',
    ]);
    const riauManager = await app.token('kadis.riau@sigap.local');
    const cross = await put('/api/v1/changes/approval-policy/bali', POLICY, riauManager);
    expect(cross.status).withContext(cross.text).toBe(403);
    const set = await put<ChangeApprovalPolicyView>(
      '/api/v1/changes/approval-policy/bali',
      POLICY,
      kadis,
    );
    expect(set.status).withContext(set.text).toBe(200);
    expect(set.body.isDefault).toBeFalse();
    expect(set.body.rules.find((r) => r.risk === 'tinggi')?.approvers).toEqual([
      { position: 'kabid-iai', time: '1 hari' },
      { position: 'kadis', time: '2 hari' },
    ]);
  });

  it('makes a high-risk change wait for the Kadis: the wrong position is refused, each approval runs its own clock', async () => {
    await put('/api/v1/changes/approval-policy/bali', POLICY, kadis);
    // Monday 7 December 2026, 09.00 WITA.
    clock.set(wita('2026-12-07T09:00:00'));
    const opened = await post<OpenChangeResponse>('/api/v1/changes', change());
    expect(opened.status).withContext(opened.text).toBe(201);
    const c = opened.body.change;
    expect(c.number).toMatch(/^PRBBALI-2026-\d{6}$/);
    expect([c.state, c.risk]).toEqual(['awaiting-approval', 'tinggi']);
    expect(c.services).toEqual([jasmine.objectContaining({ code: 'web-pemprov' })]);
    expect(c.approvals.map((a) => [a.position, a.status])).toEqual([
      ['kabid-iai', 'active'],
      ['kadis', 'pending'],
    ]);
    // 1 hari kerja from Monday 09.00 WITA: Tuesday 09.00 WITA.
    expect(c.approvals[0].dueAt).toBe(wita('2026-12-08T09:00:00').toISOString());
    const ticket = (await get<TicketDetail>(`/api/v1/tickets/${c.number}`)).body;
    expect(ticket.kind).toBe('change');

    // Not the helpdesk, not the Kadis (not yet their turn, and not their position), not the
    // generic step route.
    const byAgent = await decide(c.number, 1, 'approve', agent);
    expect(byAgent.status).withContext(byAgent.text).toBe(403);
    const byKadisOnKabidStep = await decide(c.number, 1, 'approve', kadis);
    expect(byKadisOnKabidStep.status).withContext(byKadisOnKabidStep.text).toBe(403);
    const generic = await post(`/api/v1/tickets/${c.number}/steps/1/complete`, {
      output: 'Setuju',
      expectedVersion: (await view(c.number)).version,
    });
    expect(generic.status).withContext(generic.text).toBe(409);
    const early = await post(`/api/v1/changes/${c.number}/implement`, {
      actualStart: '2026-12-07T01:00:00.000Z',
      actualEnd: '2026-12-07T01:30:00.000Z',
      result: 'success',
      expectedVersion: (await view(c.number)).version,
    });
    expect(early.status).withContext(early.text).toBe(409);

    clock.set(wita('2026-12-07T11:00:00'));
    const first = await decide(c.number, 1, 'approve', kabid, { reason: 'Aman, sudah diuji.' });
    expect(first.status).withContext(first.text).toBe(200);
    expect(first.body.state).toBe('awaiting-approval');
    expect(first.body.approvals.map((a) => a.status)).toEqual(['approved', 'active']);
    // The Kadis's own clock: 2 hari kerja from Monday 11.00 WITA.
    expect(first.body.approvals[1].dueAt).toBe(wita('2026-12-09T11:00:00').toISOString());
    // The view tells each reader whether they may decide the waiting approval.
    const asKadis = (await get<ChangeView>(`/api/v1/changes/${c.number}`, kadis)).body;
    expect(asKadis.approvals.map((a) => a.mayDecide)).toEqual([false, true]);
    const asAgent = (await get<ChangeView>(`/api/v1/changes/${c.number}`)).body;
    expect(asAgent.approvals.map((a) => a.mayDecide)).toEqual([false, false]);
    const kabidAgain = await decide(c.number, 2, 'approve', kabid);
    expect(kabidAgain.status).withContext(kabidAgain.text).toBe(403);
    // Still waiting for the Kadis: it cannot be implemented.
    const stillEarly = await post(`/api/v1/changes/${c.number}/implement`, {
      actualStart: '2026-12-07T01:00:00.000Z',
      actualEnd: '2026-12-07T01:30:00.000Z',
      result: 'success',
      expectedVersion: first.body.version,
    });
    expect(stillEarly.status).withContext(stillEarly.text).toBe(409);

    const second = await decide(c.number, 2, 'approve', kadis);
    expect(second.status).withContext(second.text).toBe(200);
    expect(second.body.state).toBe('approved');

    // After the window: implemented, reviewed, closed.
    clock.set(wita('2026-12-13T09:00:00'));
    const done = await post<ChangeView>(`/api/v1/changes/${c.number}/implement`, {
      actualStart: '2026-12-12T14:05:00.000Z',
      actualEnd: '2026-12-12T15:10:00.000Z',
      result: 'success',
      note: 'Port dibuka, uji akses berhasil.',
      expectedVersion: second.body.version,
    });
    expect(done.status).withContext(done.text).toBe(200);
    expect([done.body.state, done.body.result]).toEqual(['implemented', 'success']);
    const closeEarly = await post(`/api/v1/changes/${c.number}/close`, {
      expectedVersion: done.body.version,
    });
    expect(closeEarly.status).withContext(closeEarly.text).toBe(409);
    const reviewed = await post<ChangeView>(
      `/api/v1/changes/${c.number}/review`,
      { note: 'Berjalan sesuai rencana; tidak ada gangguan.', expectedVersion: done.body.version },
      kadis,
    );
    expect(reviewed.status).withContext(reviewed.text).toBe(200);
    expect(reviewed.body.state).toBe('reviewed');
    const closed = await post<ChangeView>(`/api/v1/changes/${c.number}/close`, {
      expectedVersion: reviewed.body.version,
    });
    expect(closed.status).withContext(closed.text).toBe(200);
    expect(closed.body.state).toBe('closed');
    expect((await get<TicketDetail>(`/api/v1/tickets/${c.number}`)).body.status).toBe('closed');

    const timeline = (await get<TimelineEntryView[]>(`/api/v1/tickets/${c.number}/timeline`)).body;
    const events = timeline.map((e) => e.event);
    for (const e of ['change.opened', 'change.approved', 'change.implemented', 'change.reviewed'])
      expect(events).withContext(e).toContain(e);
    const audit = await ds.getRepository(AuditEntryEntity).find({
      where: { entityType: 'ticket', entityId: c.number },
    });
    expect(audit.map((a) => a.action)).toContain('ticket.change.approved');
  });

  it('closes a rejected change as rejected, with the reason required', async () => {
    clock.set(wita('2026-12-08T09:00:00'));
    const opened = await post<OpenChangeResponse>(
      '/api/v1/changes',
      change({
        risk: 'rendah',
        plannedStart: '2026-12-20T01:00:00.000Z',
        plannedEnd: '2026-12-20T02:00:00.000Z',
      }),
    );
    expect(opened.status).withContext(opened.text).toBe(201);
    const n = opened.body.change.number;
    const noReason = await decide(n, 1, 'reject', kabid);
    expect(noReason.status).withContext(noReason.text).toBe(400);
    expect((noReason.body as unknown as { errors: unknown }).errors).toEqual([
      jasmine.objectContaining({ path: 'reason' }),
    ]);
    const rejected = await decide(n, 1, 'reject', kabid, { reason: 'Bentrok dengan ujian CPNS.' });
    expect(rejected.status).withContext(rejected.text).toBe(200);
    expect(rejected.body.state).toBe('rejected');
    expect(rejected.body.approvals[0]).toEqual(
      jasmine.objectContaining({
        status: 'rejected',
        reason: 'Bentrok dengan ujian CPNS.',
        position: 'kabid-iai',
        positionName: 'Kepala Bidang Infrastruktur dan Aplikasi Informatika',
        decidedByName: jasmine.stringMatching(/\S/),
      }),
    );
    expect(rejected.body.approvals[0].decidedByName).not.toBe(rejected.body.approvals[0].decidedBy);
    const t = (await get<TicketDetail>(`/api/v1/tickets/${n}`)).body;
    expect(t.status).toBe('cancelled');
    const again = await decide(n, 1, 'approve', kabid);
    expect(again.status).withContext(again.text).toBe(409);
  });

  it('flags an overlap on a shared service in the answer, on the change and in the calendar, without refusing', async () => {
    clock.set(wita('2026-12-09T09:00:00'));
    const a = await post<OpenChangeResponse>(
      '/api/v1/changes',
      change({
        risk: 'sedang',
        services: ['email-dinas'],
        subject: 'Pembaruan server surel',
        plannedStart: '2026-12-19T12:00:00.000Z',
        plannedEnd: '2026-12-19T15:00:00.000Z',
      }),
    );
    expect(a.status).withContext(a.text).toBe(201);
    expect(a.body.warnings).toEqual([]);
    // Another service in the same window: no overlap.
    const elsewhere = await post<OpenChangeResponse>(
      '/api/v1/changes',
      change({
        risk: 'rendah',
        services: ['app-sipd'],
        plannedStart: '2026-12-19T12:00:00.000Z',
        plannedEnd: '2026-12-19T15:00:00.000Z',
      }),
    );
    expect(elsewhere.body.warnings).toEqual([]);
    // Back to back on the same service: no overlap.
    const after = await post<OpenChangeResponse>(
      '/api/v1/changes',
      change({
        risk: 'rendah',
        services: ['email-dinas'],
        plannedStart: '2026-12-19T15:00:00.000Z',
        plannedEnd: '2026-12-19T16:00:00.000Z',
      }),
    );
    expect(after.body.warnings).toEqual([]);
    const b = await post<OpenChangeResponse>(
      '/api/v1/changes',
      change({
        risk: 'rendah',
        services: ['jaringan-intra', 'email-dinas'],
        subject: 'Penggantian switch inti',
        plannedStart: '2026-12-19T14:00:00.000Z',
        plannedEnd: '2026-12-19T18:00:00.000Z',
      }),
    );
    expect(b.status).withContext(b.text).toBe(201);
    expect(b.body.warnings.length).toBe(1);
    expect(b.body.warnings[0].code).toBe('change.overlap');
    expect(b.body.warnings[0].overlaps.map((o) => [o.number, o.services])).toEqual([
      [a.body.change.number, ['email-dinas']],
      [after.body.change.number, ['email-dinas']],
    ]);
    // The earlier change is flagged too.
    const aNow = await view(a.body.change.number);
    expect(aNow.overlaps.map((o) => o.number)).toEqual([b.body.change.number]);

    const cal = await get<ChangeCalendarEntry[]>(
      '/api/v1/changes/calendar?from=2026-12-19T00:00:00.000Z&to=2026-12-20T00:00:00.000Z',
    );
    expect(cal.status).withContext(cal.text).toBe(200);
    const numbers = cal.body.map((e) => e.number);
    for (const n of [a, elsewhere, after, b].map((x) => x.body.change.number))
      expect(numbers).toContain(n);
    const entry = cal.body.find((e) => e.number === b.body.change.number);
    expect(entry?.overlaps.length).toBe(2);
    expect(cal.body.find((e) => e.number === elsewhere.body.change.number)?.overlaps).toEqual([]);
    // Outside the range: not listed.
    const empty = await get<ChangeCalendarEntry[]>(
      '/api/v1/changes/calendar?office=bali&from=2027-03-01T00:00:00.000Z&to=2027-03-02T00:00:00.000Z',
    );
    expect(empty.body).toEqual([]);
    const badRange = await get(
      '/api/v1/changes/calendar?from=2026-12-20T00:00:00.000Z&to=2026-12-19T00:00:00.000Z',
    );
    expect(badRange.status).withContext(badRange.text).toBe(400);

    // A rejected change no longer clashes.
    await decide(a.body.change.number, 1, 'reject', kabid, { reason: 'Tunda ke bulan depan.' });
    expect((await view(b.body.change.number)).overlaps.map((o) => o.number)).toEqual([
      after.body.change.number,
    ]);
  });

  it('withdraws a change cancelled before it is implemented: out of the overlaps, its approval no longer decided, counted', async () => {
    clock.set(wita('2026-12-10T09:00:00'));
    const window = {
      services: ['app-sipd'],
      plannedStart: '2026-12-22T12:00:00.000Z',
      plannedEnd: '2026-12-22T14:00:00.000Z',
    };
    const kept = await post<OpenChangeResponse>(
      '/api/v1/changes',
      change({ risk: 'rendah', subject: 'Pembaruan SIPD', ...window }),
    );
    const dropped = await post<OpenChangeResponse>(
      '/api/v1/changes',
      change({ risk: 'rendah', subject: 'Migrasi basis data SIPD', ...window }),
    );
    expect(dropped.body.warnings.length).toBe(1);
    const n = dropped.body.change.number;
    const version = dropped.body.change.version;
    // Not by the generic ticket route, not without a reason, not by someone of another office.
    const generic = await post(`/api/v1/tickets/${n}/cancel`, {
      reason: 'Migrasi diundur ke tahun depan.',
      expectedVersion: version,
    });
    expect(generic.status).withContext(generic.text).toBe(409);
    const noReason = await post(`/api/v1/changes/${n}/withdraw`, { expectedVersion: version });
    expect(noReason.status).withContext(noReason.text).toBe(400);
    const riau = await post(
      `/api/v1/changes/${n}/withdraw`,
      { reason: 'Bukan urusan Riau.', expectedVersion: version },
      await app.token('helpdesk.riau@sigap.local'),
    );
    expect(riau.status).withContext(riau.text).toBe(404);
    const stale = await post(`/api/v1/changes/${n}/withdraw`, {
      reason: 'Migrasi diundur ke tahun depan.',
      expectedVersion: version + 1,
    });
    expect(stale.status).withContext(stale.text).toBe(409);
    const res = await post<ChangeView>(`/api/v1/changes/${n}/withdraw`, {
      reason: 'Migrasi diundur ke tahun depan.',
      expectedVersion: version,
    });
    expect(res.status).withContext(res.text).toBe(200);
    const withdrawn = res.body;
    expect(withdrawn.state).toBe('withdrawn');
    const ticket = (await get<TicketDetail>(`/api/v1/tickets/${n}`)).body;
    expect(ticket.status).toBe('cancelled');
    const timeline = (await get<TimelineEntryView[]>(`/api/v1/tickets/${n}/timeline`)).body;
    expect(timeline.find((e) => e.event === 'change.withdrawn')?.data).toEqual(
      jasmine.objectContaining({ reason: 'Migrasi diundur ke tahun depan.' }),
    );
    const twice = await post(`/api/v1/changes/${n}/withdraw`, {
      reason: 'Sekali lagi.',
      expectedVersion: withdrawn.version,
    });
    expect(twice.status).withContext(twice.text).toBe(409);
    expect(withdrawn.overlaps).toEqual([]);
    expect(withdrawn.approvals.every((a) => !a.mayDecide)).toBeTrue();
    // The change that stays is no longer flagged against it.
    expect((await view(kept.body.change.number)).overlaps).toEqual([]);
    const late = await decide(n, 1, 'approve', kabid);
    expect(late.status).withContext(late.text).toBe(409);
    const calendar = await get<ChangeCalendarEntry[]>(
      '/api/v1/changes/calendar?from=2026-12-22T00:00:00.000Z&to=2026-12-23T00:00:00.000Z',
    );
    expect(calendar.body.find((e) => e.number === n)?.state).toBe('withdrawn');
    const outcomes = await get<ChangeOutcomes>(
      '/api/v1/changes/outcomes?from=2026-12-01T00:00:00.000Z&to=2027-01-01T00:00:00.000Z',
    );
    expect(outcomes.body.withdrawn).toBe(1);
    // The changes rejected earlier (their tickets cancelled by the rejection) stay rejected.
    const states = (
      await ds.query("SELECT state FROM changes WHERE state IN ('rejected', 'withdrawn')")
    ).map((r: { state: string }) => r.state);
    expect(states.filter((x: string) => x === 'withdrawn').length).toBe(1);
  });

  it('links the incidents a change caused and counts outcomes', async () => {
    clock.set(wita('2026-12-10T09:00:00'));
    const opened = await post<OpenChangeResponse>(
      '/api/v1/changes',
      change({
        risk: 'rendah',
        services: ['hosting-opd'],
        plannedStart: '2026-12-10T06:00:00.000Z',
        plannedEnd: '2026-12-10T07:00:00.000Z',
      }),
    );
    const n = opened.body.change.number;
    const ok = await decide(n, 1, 'approve', kabid);
    expect(ok.body.state).toBe('approved');
    clock.set(wita('2026-12-10T16:00:00'));
    const failed = await post<ChangeView>(`/api/v1/changes/${n}/implement`, {
      actualStart: '2026-12-10T06:00:00.000Z',
      actualEnd: '2026-12-10T07:30:00.000Z',
      result: 'rolled-back',
      expectedVersion: ok.body.version,
    });
    expect(failed.status).withContext(failed.text).toBe(200);
    const incident = await post<TicketDetail>('/api/v1/incidents', {
      office: 'bali',
      services: ['hosting-opd'],
      impact: 'sedang',
      urgency: 'tinggi',
      channel: 'phone',
      subject: 'Situs OPD tidak dapat diakses setelah pemeliharaan',
      description: 'Tiga situs OPD menampilkan galat 502.',
      requester: { name: 'Operator OPD', phone: '+62 361 111222' },
    });
    expect(incident.status).withContext(incident.text).toBe(201);
    const request = (
      await get<{ items: { number: string; kind?: string }[] }>('/api/v1/tickets')
    ).body.items.find((t) => (t.kind ?? 'request') === 'request');
    const bad = await put(`/api/v1/changes/${n}/incidents`, {
      incidents: [
        incident.body.number,
        request?.number ?? 'BALI-2026-999999',
        'GNGRIAU-2026-000001',
      ],
      expectedVersion: failed.body.version,
    });
    expect(bad.status).withContext(bad.text).toBe(400);
    expect((bad.body.errors as { path: string }[]).map((e) => e.path)).toEqual([
      'incidents[1]',
      'incidents[2]',
    ]);
    const linked = await put<ChangeView>(`/api/v1/changes/${n}/incidents`, {
      incidents: [incident.body.number],
      expectedVersion: failed.body.version,
    });
    expect(linked.status).withContext(linked.text).toBe(200);
    expect(linked.body.incidents).toEqual([incident.body.number]);

    const outcomes = await get<ChangeOutcomes>(
      '/api/v1/changes/outcomes?from=2026-12-01T00:00:00.000Z&to=2027-01-01T00:00:00.000Z',
    );
    expect(outcomes.status).withContext(outcomes.text).toBe(200);
    expect(outcomes.body.implemented).toBeGreaterThanOrEqual(2);
    expect(outcomes.body.rolledBack).toBeGreaterThanOrEqual(1);
    expect(outcomes.body.incidentsCaused).toBe(1);
    expect(outcomes.body.changesWithIncidents).toBe(1);
    expect(outcomes.body.successRate).toBe(outcomes.body.success / outcomes.body.implemented);
    expect(outcomes.body.rejected).toBeGreaterThanOrEqual(2);
  });

  it("keeps offices apart: office B sees office A's changes as not found and cannot act on them", async () => {
    clock.set(wita('2026-12-11T09:00:00'));
    const opened = await post<OpenChangeResponse>('/api/v1/changes', change({ risk: 'rendah' }));
    const n = opened.body.change.number;
    const version = opened.body.change.version;
    const riauAgent = await app.token('helpdesk.riau@sigap.local');
    const riauKadis = await app.token('kadis.riau@sigap.local');
    expect((await get(`/api/v1/changes/${n}`, riauAgent)).status).toBe(404);
    expect((await get(`/api/v1/changes/${n}`, riauKadis)).status).toBe(404);
    for (const [path, body] of [
      [`/api/v1/changes/${n}/approvals/1/approve`, { expectedVersion: version }],
      [`/api/v1/changes/${n}/approvals/1/reject`, { expectedVersion: version, reason: 'x' }],
      [`/api/v1/changes/${n}/review`, { expectedVersion: version, note: 'Tinjauan palsu' }],
      [`/api/v1/changes/${n}/close`, { expectedVersion: version }],
    ] as const) {
      for (const token of [riauAgent, riauKadis]) {
        const res = await post(path, body, token);
        expect([403, 404]).withContext(`${path}: ${res.text}`).toContain(res.status);
        if (res.status === 403) expect(res.body.code).not.toBe('change.not_approver');
      }
    }
    const riauLink = await put(
      `/api/v1/changes/${n}/incidents`,
      { incidents: [], expectedVersion: version },
      riauAgent,
    );
    expect(riauLink.status).withContext(riauLink.text).toBe(404);
    expect((await post('/api/v1/changes', change(), riauAgent)).status).toBe(403);
    expect(
      (
        await get(
          '/api/v1/changes/calendar?office=bali&from=2026-12-01T00:00:00.000Z&to=2027-01-01T00:00:00.000Z',
          riauAgent,
        )
      ).status,
    ).toBe(403);
    expect((await get('/api/v1/changes/approval-policy/bali', riauAgent)).status).toBe(403);
    // Office B's services are unknown in office A.
    const crossService = await post(
      '/api/v1/changes',
      change({ office: 'riau', services: ['web-pemprov'] }),
      riauAgent,
    );
    expect(crossService.status).withContext(crossService.text).toBe(400);
    expect((await get(`/api/v1/changes/${n}`, null)).status).toBe(401);
    // Nothing moved.
    expect((await view(n)).state).toBe('awaiting-approval');
    expect((await get(`/api/v1/changes/${n}`, admin)).status).toBe(200);
  });

  it('answers bad input with 400s naming the fields, and announces changes to webhooks', async () => {
    const bad = await post('/api/v1/changes', {
      office: 'bali',
      services: [],
      risk: 'parah',
      channel: 'faks',
      subject: '',
      description: 'x',
      rollbackPlan: '',
      plannedStart: 'besok',
      plannedEnd: 'lusa',
      requester: { name: 'A' },
    });
    expect(bad.status).withContext(bad.text).toBe(400);
    const paths = (bad.body.errors as { path: string }[]).map((e) => e.path);
    for (const p of [
      'services',
      'risk',
      'channel',
      'subject',
      'description',
      'rollbackPlan',
      'plannedStart',
      'plannedEnd',
    ])
      expect(paths)
        .withContext(`${p} in ${paths.join(', ')}`)
        .toContain(p);
    const backwards = await post(
      '/api/v1/changes',
      change({ plannedStart: '2026-12-12T16:00:00.000Z', plannedEnd: '2026-12-12T14:00:00.000Z' }),
    );
    expect(backwards.status).withContext(backwards.text).toBe(400);
    expect(backwards.body.errors).toEqual([jasmine.objectContaining({ path: 'plannedEnd' })]);

    const hook = await post(
      '/api/v1/webhooks',
      {
        url: 'https://hooks.example.net/sigap',
        events: ['change.opened', 'change.approved', 'change.status_changed'],
        office: 'bali',
      },
      admin,
    );
    expect(hook.status).withContext(hook.text).toBe(201);
    clock.set(wita('2026-12-14T09:00:00'));
    const opened = await post<OpenChangeResponse>('/api/v1/changes', change({ risk: 'rendah' }));
    const n = opened.body.change.number;
    await decide(n, 1, 'approve', kabid);
    const rows = await ds.getRepository(OutboxEntity).find({ where: { ticketNumber: n } });
    const events = rows
      .filter((r) => r.kind === 'webhook.delivery')
      .map((r) => (JSON.parse(r.payload) as { event: string }).event)
      .sort();
    expect(events).toEqual(['change.approved', 'change.opened', 'change.status_changed']);
  });
});
