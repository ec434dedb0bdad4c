import type {
  IncidentView,
  ItServiceView,
  PriorityMatrixView,
  TicketDetail,
  TicketPage,
  TimelineEntryView,
} from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { AuditEntryEntity } from '@sigap/api-audit';
import { Clock } from '@sigap/api-clock';
import { SlaSweepService, TriageService } from '@sigap/api-tickets';
import { describeOnBothDatabases, type TestApp } from '../testing/test-app';

/** An instant given in Bali's time (WITA, UTC+8). */
const wita = (local: string) => new Date(`${local}+08:00`);

const incident = (extra: Record<string, unknown> = {}) => ({
  office: 'bali',
  services: ['pusat-data'],
  impact: 'tinggi',
  urgency: 'tinggi',
  channel: 'phone',
  subject: 'Pusat data padam: semua aplikasi OPD tidak dapat diakses',
  description: 'Operator jaga melaporkan UPS mati dan ruang server gelap.',
  requester: { name: 'I Ketut Operator', phone: '+62 361 222333' },
  ...extra,
});

describeOnBothDatabases('incidents: IT services, priority matrix, incident clocks', (ctx) => {
  let app: TestApp;
  let ds: DataSource;
  let clock: Clock;
  let agent: string;
  let admin: string;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs read loosely typed bodies
  const post = <T = any>(path: string, body: unknown, token: string | null = agent) =>
    app.request<T>('POST', path, { token, body });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs read loosely typed bodies
  const put = <T = any>(path: string, body: unknown, token: string | null = agent) =>
    app.request<T>('PUT', path, { token, body });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs read loosely typed bodies
  const get = <T = any>(path: string, token: string | null = agent) =>
    app.request<T>('GET', path, { token });
  const timeline = async (n: string) =>
    (await get<TimelineEntryView[]>(`/api/v1/tickets/${n}/timeline`)).body;

  beforeAll(async () => {
    app = ctx();
    ds = app.app.get(DataSource);
    clock = app.app.get(Clock);
    agent = await app.token('helpdesk.bali@sigap.local');
    admin = await app.token('admin@sigap.local');
  });

  afterAll(() => clock.release());

  it('seeds the demo offices with their IT services and the default matrix', async () => {
    const list = await get<ItServiceView[]>('/api/v1/it-services');
    expect(list.status).withContext(list.text).toBe(200);
    const dc = list.body.find((s) => s.code === 'pusat-data');
    expect(dc).toEqual(
      jasmine.objectContaining({
        office: 'bali',
        kind: 'data-centre',
        supportHours: '24x7',
        ownerPosition: 'kabid-iai',
        criticality: 'tinggi',
        status: 'active',
      }),
    );
    expect(list.body.every((s) => s.office === 'bali')).toBeTrue();
    for (const office of ['riau', 'tebingtinggi', 'gorontalo']) {
      const other = await get<ItServiceView[]>(`/api/v1/it-services?office=${office}`, admin);
      expect(other.body.length).withContext(office).toBeGreaterThan(3);
      expect(other.body.some((s) => s.supportHours === '24x7'))
        .withContext(office)
        .toBeTrue();
    }
    const matrix = await get<PriorityMatrixView>('/api/v1/priority-matrix/bali');
    expect(matrix.status).withContext(matrix.text).toBe(200);
    expect(matrix.body.isDefault).toBeTrue();
    expect(matrix.body.cells.length).toBe(9);
    expect(matrix.body.targets.find((t) => t.priority === 'P1')).toEqual({
      priority: 'P1',
      name: 'Kritis',
      response: '15 menit',
      resolution: '4 jam',
    });
  });

  it('lets admins and the office manager keep the catalog; retires instead of deleting', async () => {
    const manager = await app.token('kadis.bali@sigap.local');
    const body = {
      office: 'bali',
      code: 'app-simpeg',
      name: 'Aplikasi Kepegawaian',
      kind: 'application',
      ownerPosition: 'tim-spbe',
      criticality: 'sedang',
      supportHours: 'office',
    };
    const denied = await post('/api/v1/it-services', body, agent);
    expect(denied.status).withContext(denied.text).toBe(403);
    const created = await post<ItServiceView>('/api/v1/it-services', body, manager);
    expect(created.status).withContext(created.text).toBe(201);
    expect(created.body.publicStatus).toBeFalse();
    const twice = await post('/api/v1/it-services', body, manager);
    expect(twice.status).withContext(twice.text).toBe(409);

    const edited = await put<ItServiceView>(
      `/api/v1/it-services/${created.body.id}`,
      { ...body, name: 'SIMPEG', publicStatus: true, office: undefined, code: undefined },
      manager,
    );
    expect(edited.status).withContext(edited.text).toBe(200);
    expect([edited.body.name, edited.body.publicStatus]).toEqual(['SIMPEG', true]);

    const retired = await post<ItServiceView>(
      `/api/v1/it-services/${created.body.id}/retire`,
      {},
      manager,
    );
    expect(retired.status).withContext(retired.text).toBe(200);
    expect(retired.body.status).toBe('retired');
    const active = await get<ItServiceView[]>('/api/v1/it-services');
    expect(active.body.some((s) => s.code === 'app-simpeg')).toBeFalse();
    const all = await get<ItServiceView[]>('/api/v1/it-services?includeRetired=true');
    expect(all.body.some((s) => s.code === 'app-simpeg')).toBeTrue();
    // A retired service is named by no new incident.
    const refused = await post('/api/v1/incidents', incident({ services: ['app-simpeg'] }));
    expect(refused.status).withContext(refused.text).toBe(400);
    expect(refused.body.errors).toEqual([jasmine.objectContaining({ path: 'services[0]' })]);

    const audit = await ds.getRepository(AuditEntryEntity).find({
      where: { entityType: 'it_service', entityId: created.body.id },
    });
    expect(audit.map((a) => a.action).sort()).toEqual([
      'it_service.created',
      'it_service.retired',
      'it_service.updated',
    ]);
  });

  it("P1 on a 24x7 service opened Saturday night: due in 4 hours round the clock, paused while waiting on the reporter, escalated to the owner position's head", async () => {
    // Saturday 8 August 2026, 22.30 WITA (14.30 UTC). The data centre is supported 24x7, so the
    // night and the weekend count:
    //   response 15 menit -> Sat 22.45 WITA = 14.45 UTC;
    //   resolution 4 jam  -> Sun 9 Aug 02.30 WITA = 18.30 UTC (Sat 8 Aug).
    clock.set(wita('2026-08-08T22:30:00'));
    const opened = await post<TicketDetail>('/api/v1/incidents', incident());
    expect(opened.status).withContext(opened.text).toBe(201);
    const t = opened.body;
    expect(t.number).toMatch(/^GNGBALI-2026-\d{6}$/);
    expect([t.kind, t.priority, t.service, t.status]).toEqual(['incident', 'P1', null, 'new']);
    expect(t.clocks.firstResponse.limitDueAt).toBe('2026-08-08T14:45:00.000Z');
    expect(t.clocks.ticket.limitDueAt).toBe('2026-08-08T18:30:00.000Z');
    expect(t.dueAt).toBe('2026-08-08T18:30:00.000Z');
    // The handling step is the data centre owner's (Kabid IAI), on the same clock.
    expect(t.steps.length).toBe(1);
    expect([t.steps[0].position, t.steps[0].status, t.steps[0].time]).toEqual([
      'kabid-iai',
      'active',
      '4 jam',
    ]);
    expect(t.steps[0].clock?.limitDueAt).toBe('2026-08-08T18:30:00.000Z');
    expect(t.steps[0].assignee?.name).toContain('Infrastruktur');

    const view = await get<IncidentView>(`/api/v1/incidents/${t.number}`);
    expect(view.status).withContext(view.text).toBe(200);
    expect(view.body).toEqual(
      jasmine.objectContaining({
        impact: 'tinggi',
        urgency: 'tinggi',
        priority: 'P1',
        priorityName: 'Kritis',
        supportHours: '24x7',
        ownerPosition: 'kabid-iai',
      }),
    );
    expect(view.body.services.map((s) => s.code)).toEqual(['pusat-data']);

    // Waiting on the reporter from 23.00 to 23.30 WITA: 30 minutes more, due 03.00 WITA
    // Sunday = 19.00 UTC.
    clock.set(wita('2026-08-08T23:00:00'));
    const waiting = await post<TicketDetail>(`/api/v1/tickets/${t.number}/return-to-requester`, {
      reason: 'Mohon konfirmasi apakah genset sudah menyala.',
      expectedVersion: t.version,
    });
    expect(waiting.status).withContext(waiting.text).toBe(200);
    expect(waiting.body.clocks.ticket.state).toBe('paused');
    clock.set(wita('2026-08-08T23:30:00'));
    const back = await post<TicketDetail>(`/api/v1/tickets/${t.number}/requester-answered`, {
      expectedVersion: waiting.body.version,
    });
    expect(back.status).withContext(back.text).toBe(200);
    expect(back.body.clocks.ticket.limitDueAt).toBe('2026-08-08T19:00:00.000Z');
    expect(back.body.steps[0].clock?.limitDueAt).toBe('2026-08-08T19:00:00.000Z');

    // The step's clock paused with the ticket's (due 03.00 WITA too). Past it, the sweep
    // escalates to the head of the owner position: Kabid IAI reports to the Kepala Dinas.
    clock.set(wita('2026-08-09T03:05:00'));
    await app.app.get(SlaSweepService).sweepOnce();
    const events = await timeline(t.number);
    const escalated = events.find((e) => e.event === 'sla.step_breached');
    expect(escalated?.data).toEqual(jasmine.objectContaining({ escalatedTo: 'kadis' }));
    expect(events.some((e) => e.event === 'sla.breached')).toBeTrue();
    const row = await get<TicketDetail>(`/api/v1/tickets/${t.number}`);
    expect(row.body.slaState).toBe('breached');
  });

  it('P3 on an office-hours service across the Ascension holiday; changing impact and urgency recomputes both targets', async () => {
    // Wednesday 13 May 2026, 10.00 WITA (02.00 UTC), the province website (office hours).
    // P3 (dampak tinggi x urgensi rendah): response 4 jam, resolution 3 hari (working days).
    //   response: Wed 10.00-12.00 (2 h) + 13.00-15.00 (2 h) -> Wed 15.00 WITA = 07.00 UTC.
    //   resolution: Thu 14 May (Kenaikan Yesus Kristus) and Fri 15 May (cuti bersama) are off,
    //   then the weekend: Mon 18 (1), Tue 19 (2), Wed 20 (3) -> Wed 20 May 10.00 WITA = 02.00 UTC.
    clock.set(wita('2026-05-13T10:00:00'));
    const opened = await post<TicketDetail>(
      '/api/v1/incidents',
      incident({
        services: ['web-pemprov'],
        impact: 'tinggi',
        urgency: 'rendah',
        channel: 'email',
        subject: 'Halaman berita website provinsi lambat',
        requester: { name: 'Ni Luh Humas', email: 'humas@diskominfos.baliprov.go.id' },
      }),
    );
    expect(opened.status).withContext(opened.text).toBe(201);
    const t = opened.body;
    expect(t.priority).toBe('P3');
    expect(t.clocks.firstResponse.limitDueAt).toBe('2026-05-13T07:00:00.000Z');
    expect(t.clocks.ticket.limitDueAt).toBe('2026-05-20T02:00:00.000Z');
    expect(t.steps[0].position).toBe('kasi-ai');

    // At 11.00 WITA the agent learns every OPD is affected: tinggi x tinggi = P1, 4 jam from
    // the start (10.00): Wed 10.00-12.00 (2 h) + 13.00-15.00 (2 h) -> Wed 15.00 WITA = 07.00 UTC;
    // response 15 menit from 10.00 -> 10.15 WITA = 02.15 UTC (already past: breached).
    clock.set(wita('2026-05-13T11:00:00'));
    const changed = await put<TicketDetail>(`/api/v1/incidents/${t.number}/priority`, {
      impact: 'tinggi',
      urgency: 'tinggi',
      reason: 'Seluruh OPD terdampak.',
      expectedVersion: t.version,
    });
    expect(changed.status).withContext(changed.text).toBe(200);
    expect(changed.body.priority).toBe('P1');
    expect(changed.body.clocks.ticket.limitDueAt).toBe('2026-05-13T07:00:00.000Z');
    expect(changed.body.clocks.ticket.duration).toBe('4 jam');
    expect(changed.body.clocks.firstResponse.limitDueAt).toBe('2026-05-13T02:15:00.000Z');
    expect(changed.body.clocks.firstResponse.state).toBe('breached');
    expect(changed.body.steps[0].clock?.limitDueAt).toBe('2026-05-13T07:00:00.000Z');
    expect(changed.body.steps[0].time).toBe('4 jam');

    const view = (await get<IncidentView>(`/api/v1/incidents/${t.number}`)).body;
    expect([view.priority, view.response, view.resolution]).toEqual(['P1', '15 menit', '4 jam']);
    const entry = (await timeline(t.number)).find((e) => e.event === 'incident.priority_changed');
    expect(entry?.data).toEqual(
      jasmine.objectContaining({
        from: jasmine.objectContaining({ priority: 'P3' }),
        to: jasmine.objectContaining({ priority: 'P1' }),
        reason: 'Seluruh OPD terdampak.',
      }),
    );
    const audit = await ds.getRepository(AuditEntryEntity).findOne({
      where: { action: 'incident.priority_changed', entityId: t.number },
    });
    expect(audit).not.toBeNull();

    // The queue shows it by kind and priority.
    const p1 = await get<TicketPage>('/api/v1/tickets?kind=incident&priority=P1');
    expect(p1.status).withContext(p1.text).toBe(200);
    expect(p1.body.items.map((i) => i.number)).toContain(t.number);
    expect(p1.body.items.every((i) => i.priority === 'P1' && i.kind === 'incident')).toBeTrue();
    const p3 = await get<TicketPage>('/api/v1/tickets?priority=P3');
    expect(p3.body.items.map((i) => i.number)).not.toContain(t.number);

    // Resolved like any ticket once the handling step is done.
    const done = await post<TicketDetail>(`/api/v1/tickets/${t.number}/steps/1/complete`, {
      output: 'Cache CDN dibersihkan, halaman normal.',
      expectedVersion: changed.body.version,
    });
    expect(done.status).withContext(done.text).toBe(200);
    const resolved = await post<TicketDetail>(`/api/v1/tickets/${t.number}/resolve`, {
      expectedVersion: done.body.version,
    });
    expect(resolved.status).withContext(resolved.text).toBe(200);
    expect(resolved.body.status).toBe('resolved');
    expect(resolved.body.clocks.ticket.state).toBe('met');
  });

  it('turns a mail in triage into an incident that keeps its number and counts from receipt', async () => {
    // Received Tuesday 24 November 2026, 09.00 WITA (01.00 UTC); converted at 09.20 WITA.
    // P2 (tinggi x sedang) on the network (office hours): response 30 menit -> 09.30 WITA =
    // 01.30 UTC; resolution 8 jam -> Tue 09.00-12.00 (3 h) + 13.00-16.00 (3 h) + Wed 25 Nov
    // 07.30-09.30 (2 h) -> Wed 09.30 WITA = 01.30 UTC on 25 November.
    const receipt = wita('2026-11-24T09:00:00');
    clock.set(receipt);
    const number = await ds.transaction((m) =>
      app.app.get(TriageService).openFromMail(m, {
        officeCode: 'bali',
        contactId: null,
        from: 'tu@dinkes.baliprov.go.id',
        fromName: 'TU Dinas Kesehatan',
        subject: 'Internet kantor mati sejak pagi',
        bodyText: 'Seluruh lantai dua tidak terhubung ke jaringan.',
        bodyHtml: null,
        attachments: [],
        messageId: `<jaringan-${Date.now()}@dinkes.baliprov.go.id>`,
        inboundId: `in-${Date.now()}`,
        receivedAt: receipt,
        via: 'permintaan baru',
        actorId: null,
      }),
    );
    expect(number).toMatch(/^BALI-2026-\d{6}$/);
    clock.set(wita('2026-11-24T09:20:00'));
    const before = await get<TicketDetail>(`/api/v1/tickets/${number}`);
    const converted = await post<TicketDetail>(`/api/v1/incidents/from-triage/${number}`, {
      services: ['jaringan-intra'],
      impact: 'tinggi',
      urgency: 'sedang',
      expectedVersion: before.body.version,
    });
    expect(converted.status).withContext(converted.text).toBe(200);
    expect([converted.body.number, converted.body.kind, converted.body.priority]).toEqual([
      number,
      'incident',
      'P2',
    ]);
    expect(converted.body.clocks.ticket.startedAt).toBe(receipt.toISOString());
    expect(converted.body.clocks.ticket.limitDueAt).toBe('2026-11-25T01:30:00.000Z');
    expect(converted.body.clocks.firstResponse.limitDueAt).toBe('2026-11-24T01:30:00.000Z');
    expect(converted.body.allowedActions).not.toContain('choose-service');
    // Not twice, and a service request is not converted.
    const again = await post(`/api/v1/incidents/from-triage/${number}`, {
      services: [],
      impact: 'rendah',
      urgency: 'rendah',
      expectedVersion: converted.body.version,
    });
    expect(again.status).withContext(again.text).toBe(409);
  });

  it('keeps offices apart and priority with the helpdesk', async () => {
    clock.set(wita('2026-11-25T10:00:00'));
    const opened = await post<TicketDetail>('/api/v1/incidents', incident());
    expect(opened.status).withContext(opened.text).toBe(201);
    const n = opened.body.number;
    const baliService = (await get<ItServiceView[]>('/api/v1/it-services')).body[0];
    const riau = await app.token('helpdesk.riau@sigap.local');

    expect((await get(`/api/v1/it-services?office=bali`, riau)).status).toBe(403);
    expect((await get(`/api/v1/it-services/${baliService.id}`, riau)).status).toBe(404);
    const riauEdit = await put(
      `/api/v1/it-services/${baliService.id}`,
      {
        name: 'Diambil alih',
        kind: baliService.kind,
        ownerPosition: baliService.ownerPosition,
        criticality: baliService.criticality,
        supportHours: baliService.supportHours,
      },
      await app.token('kadis.riau@sigap.local'),
    );
    expect(riauEdit.status).withContext(riauEdit.text).toBe(404);
    expect((await post(`/api/v1/it-services/${baliService.id}/retire`, {}, riau)).status).toBe(404);
    expect((await get(`/api/v1/priority-matrix/bali`, riau)).status).toBe(403);
    expect((await get(`/api/v1/incidents/${n}`, riau)).status).toBe(404);
    expect((await post('/api/v1/incidents', incident(), riau)).status).toBe(403);
    const riauPriority = await put(
      `/api/v1/incidents/${n}/priority`,
      { impact: 'rendah', urgency: 'rendah', expectedVersion: opened.body.version },
      riau,
    );
    expect(riauPriority.status).withContext(riauPriority.text).toBe(404);
    // Office B's service codes are unknown in office A.
    const crossService = await post(
      '/api/v1/incidents',
      incident({ office: 'riau', services: ['web-pemprov'] }),
      riau,
    );
    expect(crossService.status).withContext(crossService.text).toBe(400);

    // Only the helpdesk sets priority: not the step's executor, not the manager, not anonymous.
    const change = { impact: 'rendah', urgency: 'rendah', expectedVersion: opened.body.version };
    for (const who of ['kabid-iai.bali@sigap.local', 'kadis.bali@sigap.local']) {
      const res = await put(`/api/v1/incidents/${n}/priority`, change, await app.token(who));
      expect(res.status).withContext(`${who}: ${res.text}`).toBe(403);
    }
    expect((await put(`/api/v1/incidents/${n}/priority`, change, null)).status).toBe(401);
    const matrix = (await get<PriorityMatrixView>('/api/v1/priority-matrix/bali')).body;
    const byAgent = await put('/api/v1/priority-matrix/bali', {
      cells: matrix.cells,
      targets: matrix.targets,
    });
    expect(byAgent.status).withContext(byAgent.text).toBe(403);
    const still = (await get<IncidentView>(`/api/v1/incidents/${n}`)).body;
    expect(still.priority).toBe('P1');
  });

  it('answers bad input with 400s naming the fields', async () => {
    const bad = await post('/api/v1/incidents', {
      office: 'bali',
      services: ['Bukan Kode'],
      impact: 'parah',
      channel: 'faks',
      subject: '',
      description: 'x',
      requester: { name: 'A' },
    });
    expect(bad.status).withContext(bad.text).toBe(400);
    const paths = (bad.body.errors as { path: string }[]).map((e) => e.path);
    for (const p of ['services', 'impact', 'urgency', 'channel', 'subject', 'description'])
      expect(paths.some((x) => x === p || x.startsWith(`${p}[`)))
        .withContext(`${p} in ${paths.join(', ')}`)
        .toBeTrue();

    const both = await post('/api/v1/incidents', incident({ requesterId: 'x' }));
    expect(both.status).withContext(both.text).toBe(400);
    expect(both.body.errors[0].path).toBe('requester');

    const service = await post(
      '/api/v1/it-services',
      {
        office: 'bali',
        code: 'Printer Lantai 2',
        name: '',
        kind: 'printer',
        ownerPosition: 'opd-pemohon',
        criticality: 'parah',
        supportHours: '8x5',
      },
      admin,
    );
    expect(service.status).withContext(service.text).toBe(400);
    const servicePaths = (service.body.errors as { path: string }[]).map((e) => e.path).sort();
    expect(servicePaths).toEqual(['code', 'criticality', 'kind', 'name', 'supportHours']);
    // The owner must be an office position, not the requester's side.
    const owner = await post(
      '/api/v1/it-services',
      {
        office: 'bali',
        code: 'printer-lt2',
        name: 'Printer',
        kind: 'application',
        ownerPosition: 'opd-pemohon',
        criticality: 'rendah',
        supportHours: 'office',
      },
      admin,
    );
    expect(owner.status).withContext(owner.text).toBe(400);
    expect(owner.body.errors).toEqual([jasmine.objectContaining({ path: 'ownerPosition' })]);

    const matrix = (await get<PriorityMatrixView>('/api/v1/priority-matrix/bali')).body;
    const unreadable = await put(
      '/api/v1/priority-matrix/bali',
      {
        cells: matrix.cells,
        targets: matrix.targets.map((t, i) => (i === 0 ? { ...t, response: 'segera' } : t)),
      },
      admin,
    );
    expect(unreadable.status).withContext(unreadable.text).toBe(400);
    expect(unreadable.body.errors).toEqual([
      jasmine.objectContaining({ path: 'targets[0].response' }),
    ]);
    const short = await put(
      '/api/v1/priority-matrix/bali',
      { cells: matrix.cells.slice(1), targets: matrix.targets },
      admin,
    );
    expect(short.status).withContext(short.text).toBe(400);
    expect(short.body.errors[0].path).toBe('cells');
  });

  it("applies an office's own matrix to incidents opened after it", async () => {
    const manager = await app.token('kadis.bali@sigap.local');
    const matrix = (await get<PriorityMatrixView>('/api/v1/priority-matrix/bali')).body;
    const own = {
      cells: matrix.cells.map((c) =>
        c.impact === 'sedang' && c.urgency === 'sedang' ? { ...c, priority: 'P2' } : c,
      ),
      targets: matrix.targets.map((t) =>
        t.priority === 'P2' ? { ...t, response: '1 jam', resolution: '1 hari' } : t,
      ),
    };
    const saved = await put<PriorityMatrixView>('/api/v1/priority-matrix/bali', own, manager);
    expect(saved.status).withContext(saved.text).toBe(200);
    expect(saved.body.isDefault).toBeFalse();
    // Monday 16 November 2026, 14.00 WITA: 1 jam -> 15.00 WITA (07.00 UTC); 1 hari -> Tue
    // 17 November 14.00 WITA (06.00 UTC).
    clock.set(wita('2026-11-16T14:00:00'));
    const opened = await post<TicketDetail>(
      '/api/v1/incidents',
      incident({ services: ['email-dinas'], impact: 'sedang', urgency: 'sedang' }),
    );
    expect(opened.status).withContext(opened.text).toBe(201);
    expect(opened.body.priority).toBe('P2');
    expect(opened.body.clocks.firstResponse.limitDueAt).toBe('2026-11-16T07:00:00.000Z');
    expect(opened.body.clocks.ticket.limitDueAt).toBe('2026-11-17T06:00:00.000Z');
  });
});
