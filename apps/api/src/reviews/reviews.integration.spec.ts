import type {
  ComplianceResponse,
  FirstResponseResponse,
  ImprovementActionDetail,
  ImprovementActionOwnerOptions,
  ImprovementActionView,
  IncidentDashboardResponse,
  ReviewView,
} from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { AuditEntryEntity } from '@sigap/api-audit';
import { Clock } from '@sigap/api-clock';
import { ReviewsService } from '@sigap/api-reviews';
import { describeOnBothDatabases, type TestApp } from '../testing/test-app';

const review = (extra: Record<string, unknown> = {}) => ({
  office: 'bali',
  heldOn: '2026-10-05',
  title: 'Rapat tinjauan layanan triwulan III',
  attendees: [
    { name: 'I Made Suarjana', position: 'Kepala Dinas' },
    { name: 'Ni Luh Sari', position: 'Kabid IAI' },
  ],
  periodFrom: '2026-07',
  periodTo: '2026-09',
  notes: 'Kepatuhan SLA turun pada bulan Agustus.',
  decisions: ['Tambah petugas helpdesk', 'Perbarui SOP hosting'],
  ...extra,
});

describeOnBothDatabases('reviews: review meetings and improvement actions', (ctx) => {
  let app: TestApp;
  let ds: DataSource;
  let clock: Clock;
  let manager: string;
  let agent: string;
  let executor: string;
  let riauManager: string;
  let admin: string;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs read loosely typed bodies
  const post = <T = any>(path: string, body: unknown, token: string | null = manager) =>
    app.request<T>('POST', path, { token, body });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs read loosely typed bodies
  const put = <T = any>(path: string, body: unknown, token: string | null = manager) =>
    app.request<T>('PUT', path, { token, body });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs read loosely typed bodies
  const get = <T = any>(path: string, token: string | null = manager) =>
    app.request<T>('GET', path, { token });

  beforeAll(async () => {
    app = ctx();
    ds = app.app.get(DataSource);
    clock = app.app.get(Clock);
    // 2026-10-20 10:00 in Bali (WITA).
    clock.set(new Date('2026-10-20T10:00:00+08:00'));
    manager = await app.token('kadis.bali@sigap.local');
    agent = await app.token('helpdesk.bali@sigap.local');
    executor = await app.token('kasi-ai.bali@sigap.local');
    riauManager = await app.token('kadis.riau@sigap.local');
    admin = await app.token('admin@sigap.local');
  });

  afterAll(() => clock.release());

  it('records a review with the dashboard figures of the period as they were', async () => {
    const preview = await get('/api/v1/reviews/figures?from=2026-07&to=2026-09');
    expect(preview.status).toBe(200);

    const created = await post<ReviewView>('/api/v1/reviews', review());
    expect(created.status).toBe(201);
    const r = created.body;
    expect(r.office).toBe('bali');
    expect(r.heldOn).toBe('2026-10-05');
    expect(r.attendees.length).toBe(2);
    expect(r.decisions).toEqual(['Tambah petugas helpdesk', 'Perbarui SOP hosting']);
    expect(r.version).toBe(1);
    expect(r.createdByName).toBeTruthy();

    // The snapshot is the dashboard's own figures for the office and months.
    const q = 'office=bali&from=2026-07&to=2026-09';
    const compliance = (await get<ComplianceResponse>(`/api/v1/dashboards/compliance?${q}`)).body;
    const first = (await get<FirstResponseResponse>(`/api/v1/dashboards/first-response?${q}`)).body;
    const incidents = (await get<IncidentDashboardResponse>(`/api/v1/dashboards/incidents?${q}`))
      .body;
    expect(r.figures.from).toBe('2026-07');
    expect(r.figures.to).toBe('2026-09');
    expect(r.figures.tickets.total).toBe(compliance.trend.reduce((s, t) => s + t.total, 0));
    expect(r.figures.firstResponse.total).toBe(first.overall.total);
    expect(r.figures.incidents.total).toBe(incidents.total.total);
    expect(r.figures).toEqual(jasmine.objectContaining({ tickets: preview.body.tickets }));

    // Kept as recorded: a later change of the stored figures' source does not reach it, and
    // an edit cannot replace them.
    const edited = await put<ReviewView>(`/api/v1/reviews/${r.id}`, {
      heldOn: '2026-10-06',
      title: 'Rapat tinjauan triwulan III (revisi)',
      attendees: r.attendees,
      notes: null,
      decisions: ['Tambah petugas helpdesk'],
      expectedVersion: 1,
      figures: { tickets: { total: 999 } },
    });
    expect(edited.status).toBe(400);
    const edit = await put<ReviewView>(`/api/v1/reviews/${r.id}`, {
      heldOn: '2026-10-06',
      title: 'Rapat tinjauan triwulan III (revisi)',
      attendees: r.attendees,
      notes: null,
      decisions: ['Tambah petugas helpdesk'],
      expectedVersion: 1,
    });
    expect(edit.status).toBe(200);
    expect(edit.body.version).toBe(2);
    expect(edit.body.heldOn).toBe('2026-10-06');
    expect(edit.body.figures).toEqual(r.figures);
    expect(edit.body.periodFrom).toBe('2026-07');

    // A stale version is refused.
    const stale = await put(`/api/v1/reviews/${r.id}`, {
      heldOn: '2026-10-07',
      title: 'Tabrakan',
      attendees: r.attendees,
      expectedVersion: 1,
    });
    expect(stale.status).toBe(409);
    expect((await get<ReviewView>(`/api/v1/reviews/${r.id}`)).body.title).toBe(
      'Rapat tinjauan triwulan III (revisi)',
    );

    const audit = await ds.manager.find(AuditEntryEntity, {
      where: { entityType: 'service_review', entityId: r.id },
      order: { id: 'ASC' },
    });
    expect(audit.map((a) => a.action)).toEqual(['review.recorded', 'review.updated']);
  });

  it('validates a review', async () => {
    const bad = await post('/api/v1/reviews', {
      ...review(),
      heldOn: '2026-02-30',
      attendees: [],
      periodFrom: '2026-13',
      title: '',
    });
    expect(bad.status).toBe(400);
    const paths = (bad.body.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(jasmine.arrayContaining(['heldOn', 'attendees', 'periodFrom', 'title']));
    const reversed = await post(
      '/api/v1/reviews',
      review({ periodFrom: '2026-09', periodTo: '2026-07' }),
    );
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors[0].path).toBe('periodFrom');
  });

  it('lists reviews by period', async () => {
    await post(
      '/api/v1/reviews',
      review({
        heldOn: '2026-04-03',
        periodFrom: '2026-01',
        periodTo: '2026-03',
        title: 'Tinjauan triwulan I',
      }),
    );
    const all = await get<ReviewView[]>('/api/v1/reviews');
    expect(all.body.map((r) => r.heldOn)).toEqual(['2026-10-06', '2026-04-03']);
    const april = await get<ReviewView[]>('/api/v1/reviews?from=2026-04&to=2026-04');
    expect(april.body.map((r) => r.title)).toEqual(['Tinjauan triwulan I']);
    // Agents of the office read.
    expect((await get<ReviewView[]>('/api/v1/reviews', agent)).body.length).toBe(2);
  });

  it('tracks an improvement action through its status, audited, with overdue shown', async () => {
    const [r] = (await get<ReviewView[]>('/api/v1/reviews?from=2026-10&to=2026-10')).body;
    const owners = (await get<ImprovementActionOwnerOptions>('/api/v1/improvement-actions/owners'))
      .body;
    const kasi = owners.positions.find((p) => p.code === 'kasi-ai');
    expect(kasi).toBeDefined();
    expect(owners.users.length).toBeGreaterThan(0);

    const late = await post<ImprovementActionDetail>('/api/v1/improvement-actions', {
      office: 'bali',
      reviewId: r.id,
      title: 'Perbarui SOP hosting',
      ownerPosition: 'kasi-ai',
      dueOn: '2026-10-15',
    });
    expect(late.status).toBe(201);
    expect(late.body.status).toBe('open');
    expect(late.body.overdue).toBeTrue();
    expect(late.body.ownerName).toBe(kasi?.name as string);
    expect(late.body.reviewTitle).toBe(r.title);
    expect(late.body.history.map((h) => [h.from, h.to])).toEqual([[null, 'open']]);

    const soon = await post<ImprovementActionDetail>('/api/v1/improvement-actions', {
      office: 'bali',
      title: 'Tambah petugas helpdesk jam sibuk',
      description: 'Senin dan Jumat pagi.',
      ownerUserId: owners.users[0].id,
      dueOn: '2026-11-30',
    });
    expect(soon.status).toBe(201);
    expect(soon.body.overdue).toBeFalse();
    expect(soon.body.reviewId).toBeNull();

    const base = {
      title: late.body.title,
      ownerPosition: 'kasi-ai',
      dueOn: late.body.dueOn,
    };
    const progress = await put<ImprovementActionDetail>(
      `/api/v1/improvement-actions/${late.body.id}`,
      { ...base, status: 'in-progress', expectedVersion: 1 },
    );
    expect(progress.status).toBe(200);
    expect(progress.body.overdue).toBeTrue();

    // Done needs a closing note; the done date is not in the future.
    const noNote = await put(`/api/v1/improvement-actions/${late.body.id}`, {
      ...base,
      status: 'done',
      expectedVersion: 2,
    });
    expect(noNote.status).toBe(400);
    expect(noNote.body.errors[0].path).toBe('closingNote');
    const future = await put(`/api/v1/improvement-actions/${late.body.id}`, {
      ...base,
      status: 'done',
      doneOn: '2026-10-21',
      closingNote: 'Selesai',
      expectedVersion: 2,
    });
    expect(future.status).toBe(400);
    expect(future.body.errors[0].path).toBe('doneOn');

    const done = await put<ImprovementActionDetail>(`/api/v1/improvement-actions/${late.body.id}`, {
      ...base,
      status: 'done',
      closingNote: 'SOP baru disahkan Kadis.',
      expectedVersion: 2,
    });
    expect(done.status).toBe(200);
    expect(done.body.doneOn).toBe('2026-10-20');
    expect(done.body.overdue).toBeFalse();
    expect(done.body.history.map((h) => [h.from, h.to])).toEqual([
      [null, 'open'],
      ['open', 'in-progress'],
      ['in-progress', 'done'],
    ]);
    expect(done.body.history[2].note).toBe('SOP baru disahkan Kadis.');
    expect(done.body.history[2].actorName).toBeTruthy();

    const stale = await put(`/api/v1/improvement-actions/${late.body.id}`, {
      ...base,
      status: 'cancelled',
      closingNote: 'x',
      expectedVersion: 2,
    });
    expect(stale.status).toBe(409);

    const audit = await ds.manager.find(AuditEntryEntity, {
      where: { entityType: 'improvement_action', entityId: late.body.id },
      order: { id: 'ASC' },
    });
    expect(audit.map((a) => a.action)).toEqual([
      'improvement_action.created',
      'improvement_action.status_changed',
      'improvement_action.status_changed',
    ]);

    // Filters: status, due period, overdue.
    const list = (q: string) =>
      get<ImprovementActionView[]>(`/api/v1/improvement-actions${q}`).then((x) =>
        x.body.map((a) => a.title),
      );
    expect(await list('')).toEqual(['Perbarui SOP hosting', 'Tambah petugas helpdesk jam sibuk']);
    expect(await list('?status=done')).toEqual(['Perbarui SOP hosting']);
    expect(await list('?from=2026-11&to=2026-11')).toEqual(['Tambah petugas helpdesk jam sibuk']);
    expect(await list('?overdue=true')).toEqual([]);
    clock.set(new Date('2026-12-01T09:00:00+08:00'));
    expect(await list('?overdue=true')).toEqual(['Tambah petugas helpdesk jam sibuk']);
    expect(await list(`?review=${r.id}`)).toEqual(['Perbarui SOP hosting']);
    expect((await get<ReviewView>(`/api/v1/reviews/${r.id}`)).body.actionCount).toBe(1);
    clock.set(new Date('2026-10-20T10:00:00+08:00'));
  });

  it('validates an action: one owner of the office, a review of the office', async () => {
    const riauPosition = await post('/api/v1/improvement-actions', {
      office: 'bali',
      title: 'Salah kantor',
      ownerPosition: 'kabid-aptika',
      dueOn: '2026-12-01',
    });
    expect(riauPosition.status).toBe(400);
    expect(riauPosition.body.errors[0].path).toBe('ownerPosition');
    const both = await post('/api/v1/improvement-actions', {
      office: 'bali',
      title: 'Dua pemilik',
      ownerPosition: 'kasi-ai',
      ownerUserId: '00000000-0000-4000-8000-000000000000',
      dueOn: '2026-12-01',
    });
    expect(both.status).toBe(400);
    const riauReview = await post<ReviewView>(
      '/api/v1/reviews',
      review({ office: 'riau' }),
      riauManager,
    );
    expect(riauReview.status).toBe(201);
    const foreign = await post('/api/v1/improvement-actions', {
      office: 'bali',
      reviewId: riauReview.body.id,
      title: 'Tinjauan kantor lain',
      ownerPosition: 'kasi-ai',
      dueOn: '2026-12-01',
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0].path).toBe('reviewId');
  });

  it('never lets another office, an agent, an executor or an anonymous caller write', async () => {
    const [r] = (await get<ReviewView[]>('/api/v1/reviews?from=2026-10&to=2026-10')).body;
    const [a] = (await get<ImprovementActionView[]>('/api/v1/improvement-actions')).body;
    const action = {
      office: 'bali',
      title: 'Tidak boleh',
      ownerPosition: 'kasi-ai',
      dueOn: '2026-12-01',
    };
    const edit = {
      title: a.title,
      ownerPosition: a.ownerPosition,
      ownerUserId: a.ownerUserId,
      dueOn: a.dueOn,
      status: 'cancelled',
      closingNote: 'x',
      expectedVersion: a.version,
    };

    // Another office: lists forbidden, records not found, writes refused.
    expect((await get('/api/v1/reviews?office=bali', riauManager)).status).toBe(403);
    expect((await get('/api/v1/improvement-actions?office=bali', riauManager)).status).toBe(403);
    expect((await get(`/api/v1/reviews/${r.id}`, riauManager)).status).toBe(404);
    expect((await get(`/api/v1/improvement-actions/${a.id}`, riauManager)).status).toBe(404);
    expect((await post('/api/v1/reviews', review(), riauManager)).status).toBe(403);
    expect((await post('/api/v1/improvement-actions', action, riauManager)).status).toBe(403);
    expect((await put(`/api/v1/improvement-actions/${a.id}`, edit, riauManager)).status).toBe(404);
    expect(
      (await get('/api/v1/reviews/figures?office=bali&from=2026-07&to=2026-09', riauManager))
        .status,
    ).toBe(403);
    // Riau's own list does not show Bali's records.
    expect(
      (await get<ReviewView[]>('/api/v1/reviews', riauManager)).body.every(
        (x) => x.office === 'riau',
      ),
    ).toBeTrue();

    // An agent of the office reads but does not write.
    expect((await get(`/api/v1/improvement-actions/${a.id}`, agent)).status).toBe(200);
    expect((await post('/api/v1/reviews', review(), agent)).status).toBe(403);
    expect((await post('/api/v1/improvement-actions', action, agent)).status).toBe(403);
    expect((await put(`/api/v1/improvement-actions/${a.id}`, edit, agent)).status).toBe(403);
    expect(
      (
        await put(
          `/api/v1/reviews/${r.id}`,
          { heldOn: r.heldOn, title: 'x', attendees: r.attendees, expectedVersion: r.version },
          agent,
        )
      ).status,
    ).toBe(403);

    // An executor (step holder) and an anonymous caller (a requester) get nothing.
    expect((await get('/api/v1/reviews', executor)).status).toBe(403);
    expect((await get(`/api/v1/improvement-actions/${a.id}`, executor)).status).toBe(403);
    expect((await post('/api/v1/improvement-actions', action, executor)).status).toBe(403);
    expect((await get('/api/v1/reviews', null)).status).toBe(401);
    expect((await post('/api/v1/reviews', review(), null)).status).toBe(401);
    expect((await get('/api/v1/improvement-actions?office=bali', null)).status).toBe(401);

    // Nothing changed.
    const after = (await get<ImprovementActionView>(`/api/v1/improvement-actions/${a.id}`)).body;
    expect(after.version).toBe(a.version);
    expect(after.status).toBe(a.status);

    // Admins write for any office.
    expect((await post('/api/v1/improvement-actions', action, admin)).status).toBe(201);
  });

  it('gives the evidence pack the reviews of the period and every action by status', async () => {
    const evidence = await app.app.get(ReviewsService).evidence('bali', '2026-07', '2026-12');
    expect(evidence.office).toBe('bali');
    expect(evidence.from).toBe('2026-07-01');
    expect(evidence.to).toBe('2026-12-31');
    expect(evidence.today).toBe('2026-10-20');
    expect(evidence.reviews.map((r) => r.heldOn)).toEqual(['2026-10-06']);
    expect(evidence.actions.length).toBe(3);
    expect(evidence.counts).toEqual({ open: 2, 'in-progress': 0, done: 1, cancelled: 0 });
    expect(evidence.overdue).toBe(0);
    const firstHalf = await app.app
      .get(ReviewsService)
      .evidence('bali', '2026-01-01', '2026-06-30');
    expect(firstHalf.reviews.map((r) => r.title)).toEqual(['Tinjauan triwulan I']);
    expect(firstHalf.actions.length).toBe(3);
    clock.set(new Date('2026-12-02T09:00:00+08:00'));
    const later = await app.app.get(ReviewsService).evidence('bali', '2026-07', '2026-12');
    expect(later.overdue).toBe(2);
    clock.set(new Date('2026-10-20T10:00:00+08:00'));
  });
});
