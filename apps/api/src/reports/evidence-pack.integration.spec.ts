import type {
  ChangeDashboardResponse,
  ChangeFigureRow,
  ComplianceResponse,
  IkmDashboardResponse,
  IncidentDashboardResponse,
  IncidentFigureRow,
  KindDashboardResponse,
  OpenChangeResponse,
  Problem,
  TicketDetail,
} from '@sigap/contracts';
import { Workbook, type Worksheet } from 'exceljs';
import { DataSource } from 'typeorm';
import { Clock } from '@sigap/api-clock';
import { AppConfig } from '@sigap/api-config';
import { DashboardRefreshService } from '@sigap/api-dashboards';
import { pdfTextLines } from '@sigap/api-reports';
import { resolveSurveySecret, signSurveyToken, SurveyService } from '@sigap/api-survey';
import { TicketEntity } from '@sigap/api-tickets';
import { describeOnBothDatabases, type TestApp } from '../testing/test-app';

type Cell = string | number | null;

/** WITA (UTC+8) local time -> ISO instant. */
const wita = (local: string) => new Date(`${local}+08:00`).toISOString();
/** A share as the XLSX writes it: percent with one decimal. */
const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

/** A worksheet's rows below its header, empty cells as null. */
function rowsOf(ws: Worksheet): Cell[][] {
  const rows: Cell[][] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const values = row.values as (Cell | undefined)[];
    const width = ws.getRow(1).cellCount;
    rows.push(Array.from({ length: width }, (_, i) => values[i + 1] ?? null));
  });
  return rows;
}

/**
 * Bali in April and May 2026, made through the API: a request closed on time with a
 * questionnaire answered and one still open, a complaint filed on the portal, an incident
 * resolved and one open, a change implemented that caused the incident and one rejected. The
 * pack (PDF and XLSX) must show for each section what the dashboard API answers for the same
 * office, months and period.
 */
describeOnBothDatabases('reports: the SPBE evidence pack equals the dashboards', (ctx) => {
  let app: TestApp;
  let clock: Clock;
  const as = (who: string) => app.token(who.includes('@') ? who : `${who}.bali@sigap.local`);
  const at = (local: string) => clock.set(wita(local));

  async function post<T = TicketDetail>(who: string, path: string, body: unknown): Promise<T> {
    const res = await app.request<T>('POST', path, { token: await as(who), body });
    expect(res.status).withContext(`${path}: ${res.text}`).toBeLessThan(300);
    return res.body;
  }
  const act = (t: TicketDetail, who: string, path: string, body = {}) =>
    post(who, `/api/v1/tickets/${t.number}/${path}`, { expectedVersion: t.version, ...body });

  async function request(local: string, subject: string): Promise<TicketDetail> {
    at(local);
    let t = await post('helpdesk', '/api/v1/tickets', {
      office: 'bali',
      service: 'pengembangan-aplikasi',
      channel: 'letter',
      subject,
      description: 'Permohonan untuk bukti dukung.',
      requester: { name: 'Pemohon', email: 'pemohon@diskes.baliprov.go.id' },
    });
    for (const p of ['r1/receive', 'r1/verify', 'r2/receive', 'r2/verify'])
      t = await act(t, 'helpdesk', `checklist/${p}`);
    return t;
  }

  async function change(risk: string, local: string): Promise<string> {
    at(local);
    const r = await post<OpenChangeResponse>('helpdesk', '/api/v1/changes', {
      office: 'bali',
      services: ['web-pemprov'],
      risk,
      channel: 'email',
      subject: `Pembaruan server web (${risk})`,
      description: 'Pembaruan versi server web.',
      rollbackPlan: 'Pulihkan dari cadangan.',
      plannedStart: wita('2026-04-20T20:00:00'),
      plannedEnd: wita('2026-04-20T21:00:00'),
      requester: { name: 'Kasubbag Umum', phone: '+62 361 777888' },
    });
    return r.change.number;
  }
  const changeVersion = async (n: string) =>
    (
      await app.request<{ version: number }>('GET', `/api/v1/changes/${n}`, {
        token: await as('helpdesk'),
      })
    ).body.version;

  beforeAll(async () => {
    app = ctx();
    clock = app.app.get(Clock);
    // A request closed on time in April, one left open in May.
    let a = await request('2026-04-06T08:00:00', 'Aplikasi tepat waktu');
    const holders = ['kasubbag-tu', 'kabid-iai', 'kasi-ai', 'kasi-ai', 'kasi-ai', 'kadis'];
    const times = ['08:30', '09:00', '10:00', '11:00', '13:30', '14:00'];
    for (let i = 0; i < 6; i++) {
      at(`2026-04-06T${times[i]}:00`);
      a = await act(a, holders[i], `steps/${i + 2}/complete`, { output: `Hasil ${i + 2}` });
      if (i === 0) a = await act(a, 'helpdesk', 'replies', { body: 'Sedang diproses.' });
    }
    at('2026-04-06T14:30:00');
    a = await act(a, 'helpdesk', 'resolve');
    a = await act(a, 'helpdesk', 'close');
    await request('2026-05-04T09:00:00', 'Aplikasi masih berjalan');
    // Its questionnaire, answered in April.
    at('2026-04-06T15:00:00');
    const ds = app.app.get(DataSource);
    const entity = await ds.getRepository(TicketEntity).findOneByOrFail({ number: a.number });
    const message = await ds.transaction((m) =>
      app.app.get(SurveyService).invite(m, entity, clock.now()),
    );
    const payload = message?.payload as { invitation: string; expiresAt: string };
    const token = signSurveyToken(resolveSurveySecret(app.app.get(AppConfig)), {
      id: payload.invitation,
      ticketId: entity.id,
      expiresAt: new Date(payload.expiresAt),
    });
    const answered = await app.request('POST', `/api/v1/survey/${token}`, {
      body: { scores: [4, 4, 3, 4, 3, 4, 4, 3, 4] },
    });
    expect(answered.status).withContext(answered.text).toBe(201);
    // A complaint on the portal.
    at('2026-04-09T10:00:00');
    const complaint = await app.request('POST', '/api/v1/public/complaints', {
      body: {
        office: 'bali',
        category: 'pengaduan',
        service: 'pengembangan-aplikasi',
        name: 'I Made Wirawan',
        email: 'made.wirawan@example.id',
        text: 'Aplikasi yang diserahkan belum dapat diakses.',
      },
    });
    expect(complaint.status).withContext(complaint.text).toBe(201);
    // Changes: one implemented (success) on 20 April, one rejected.
    const ok = await change('rendah', '2026-04-14T09:00:00');
    const no = await change('tinggi', '2026-04-14T09:30:00');
    at('2026-04-14T10:00:00');
    await post('kadis', `/api/v1/changes/${ok}/approvals/1/approve`, {
      expectedVersion: await changeVersion(ok),
    });
    await post('kadis', `/api/v1/changes/${no}/approvals/1/reject`, {
      expectedVersion: await changeVersion(no),
      reason: 'Tunda sampai ada uji coba.',
    });
    at('2026-04-20T22:00:00');
    await post('helpdesk', `/api/v1/changes/${ok}/implement`, {
      actualStart: wita('2026-04-20T20:00:00'),
      actualEnd: wita('2026-04-20T21:00:00'),
      result: 'success',
      expectedVersion: await changeVersion(ok),
    });
    // An incident the change caused, resolved; another left open.
    at('2026-04-21T09:00:00');
    const incident = (subject: string) =>
      post('helpdesk', '/api/v1/incidents', {
        office: 'bali',
        services: ['web-pemprov'],
        impact: 'sedang',
        urgency: 'sedang',
        channel: 'phone',
        subject,
        description: 'Situs tidak dapat diakses.',
        requester: { name: 'Operator OPD', phone: '+62 361 111222' },
      });
    let i1 = await incident('Situs galat setelah pembaruan');
    const linked = await app.request('PUT', `/api/v1/changes/${ok}/incidents`, {
      token: await as('helpdesk'),
      body: { incidents: [i1.number], expectedVersion: await changeVersion(ok) },
    });
    expect(linked.status).withContext(linked.text).toBe(200);
    at('2026-04-21T11:00:00');
    i1 = await act(i1, 'helpdesk', 'steps/1/complete', { output: 'Pulih.' });
    i1 = await act(i1, 'helpdesk', 'resolve');
    await act(i1, 'helpdesk', 'close');
    at('2026-05-05T09:00:00');
    await incident('Situs lambat');
    // A review meeting in May on April, with one improvement action.
    at('2026-05-20T10:00:00');
    const review = await post<{ id: string }>('kadis', '/api/v1/reviews', {
      office: 'bali',
      heldOn: '2026-05-20',
      title: 'Tinjauan layanan April',
      attendees: [
        { name: 'I Made Suarjana', position: 'Kepala Dinas' },
        { name: 'Ni Luh Sari', position: 'Kabid IAI' },
      ],
      periodFrom: '2026-04',
      periodTo: '2026-04',
      decisions: ['Uji coba wajib sebelum perubahan server web'],
    });
    await post('kadis', '/api/v1/improvement-actions', {
      office: 'bali',
      reviewId: review.id,
      title: 'Susun prosedur uji coba perubahan',
      ownerPosition: 'kasi-ai',
      dueOn: '2026-06-30',
    });
    at('2026-05-27T09:00:00');
    await app.app.get(DashboardRefreshService).refresh();
  }, 240_000);
  afterAll(() => clock.release());

  const QUERY = 'from=2026-04&to=2026-05&period=month';

  async function dashboard<T>(table: string, extra = ''): Promise<T> {
    const res = await app.request<T>('GET', `/api/v1/dashboards/${table}?${QUERY}${extra}`, {
      token: await as('kadis'),
    });
    expect(res.status).withContext(res.text).toBe(200);
    return res.body;
  }

  async function download(query: string, who = 'kadis') {
    const res = await fetch(`${app.baseUrl}/api/v1/reports/evidence-pack?${query}`, {
      headers: { authorization: `Bearer ${await as(who)}`, 'x-forwarded-for': app.freshIp() },
    });
    const body = Buffer.from(await res.arrayBuffer());
    expect(res.status).withContext(body.toString().slice(0, 400)).toBe(200);
    return { res, body };
  }

  it("writes every section's table as a sheet, each figure equal to the dashboard's", async () => {
    const { res, body } = await download(`${QUERY}&format=xlsx`);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toContain(
      'attachment; filename="bukti-dukung-spbe-BALI-2026-04-2026-05.xlsx"',
    );
    const workbook = new Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Katalog layanan',
      'Kanal',
      'Per jenis tiket',
      'Kepatuhan SLA layanan',
      'Tren kepatuhan SLA',
      'Gangguan',
      'Perubahan',
      'IKM',
      'Penanganan pengaduan',
      'Tinjauan berkala',
      'Tindakan perbaikan',
      'Keterangan',
    ]);
    const sheet = (name: string) => rowsOf(workbook.getWorksheet(name) as Worksheet);

    // The catalog: Bali's published service.
    const catalog = sheet('Katalog layanan');
    expect(catalog.map((r) => r[0])).toContain('pengembangan-aplikasi');

    // Channels and kinds: the dashboard's kinds answer.
    const kinds = await dashboard<KindDashboardResponse>('kinds');
    const channels = sheet('Kanal');
    expect(channels.map((r) => r.slice(1))).toEqual(
      kinds.channels.map((c) => [c.request, c.complaint, c.incident, c.change, c.total]),
    );
    const letter = kinds.channels.find((c) => c.channel === 'letter');
    expect(letter?.request).toBe(2);
    expect(kinds.channels.find((c) => c.channel === 'email')?.change).toBe(2);
    const perKind = sheet('Per jenis tiket');
    const kindRows = [...kinds.rows, ...kinds.totals];
    expect(perKind.length).toBe(kindRows.length);
    perKind.forEach((cells, i) => {
      const r = kindRows[i];
      expect(cells.slice(2))
        .withContext(`${r.kind} ${r.period}`)
        .toEqual([
          r.received,
          r.finished,
          r.met,
          r.metLate,
          r.breached,
          pct(r.withinLimitShare),
          r.open,
        ]);
    });
    const totalOf = (kind: string) => kinds.totals.find((t) => t.kind === kind);
    expect(totalOf('request')?.received).toBe(2);
    expect(totalOf('request')?.open).toBe(1);
    expect(totalOf('incident')?.finished).toBe(1);

    // Ticket compliance per service and its trend: the dashboard's compliance answer.
    const compliance = await dashboard<ComplianceResponse>(
      'compliance',
      '&level=tickets&by=service',
    );
    const figures = (r: ComplianceResponse['rows'][number]) => [
      r.total,
      r.met,
      r.metLate,
      r.breached,
      pct(r.withinLimitShare),
      pct(r.metShare),
      r.averageMinutes,
    ];
    expect(sheet('Kepatuhan SLA layanan').map((r) => r.slice(1))).toEqual(
      compliance.rows.map(figures),
    );
    expect(sheet('Tren kepatuhan SLA').map((r) => r.slice(1))).toEqual(
      compliance.trend.map(figures),
    );
    expect(compliance.rows.reduce((n, r) => n + r.total, 0)).toBeGreaterThan(0);

    // Incidents by priority, by IT service and all.
    const incidents = await dashboard<IncidentDashboardResponse>('incidents');
    const incidentFigures = (r: IncidentFigureRow) => [
      r.key,
      r.label,
      r.total,
      r.responseTotal,
      r.responseMet,
      r.responseMetLate,
      r.responseBreached,
      pct(r.responseShare),
      r.resolutionMet,
      r.resolutionMetLate,
      r.resolutionBreached,
      pct(r.resolutionShare),
      r.meanRestoreMinutes,
    ];
    expect(sheet('Gangguan').map((r) => r.slice(1))).toEqual(
      [...incidents.byPriority, ...incidents.byService, incidents.total].map(incidentFigures),
    );
    expect(incidents.total.total).toBe(1);

    // Changes by risk, by period and all.
    const changes = await dashboard<ChangeDashboardResponse>('changes');
    const changeFigures = (r: ChangeFigureRow) => [
      r.key,
      r.label,
      r.total,
      r.implemented,
      r.success,
      r.failed,
      r.rolledBack,
      pct(r.successRate),
      r.rejected,
      r.incidentsCaused,
      r.changesWithIncidents,
      r.approvals,
      r.approvalsOnTime,
      pct(r.approvalsOnTimeShare),
    ];
    expect(sheet('Perubahan').map((r) => r.slice(1))).toEqual(
      [...changes.byRisk, ...changes.byPeriod, changes.total].map(changeFigures),
    );
    expect([changes.total.total, changes.total.success, changes.total.rejected]).toEqual([2, 1, 1]);
    expect(changes.total.incidentsCaused).toBe(1);

    // IKM per service and all services, per period.
    const ikm = await dashboard<IkmDashboardResponse>('ikm');
    const ikmRows = sheet('IKM');
    expect(ikmRows.map((r) => [r[0], r[1], r[2], r[4]])).toEqual([
      ...ikm.rows.map((x) => [x.period, x.serviceName, x.respondents, x.grade]),
      ...ikm.totals.map((x) => [x.period, 'Semua layanan', x.respondents, x.grade]),
    ]);
    expect(ikm.totals.reduce((n, x) => n + x.respondents, 0)).toBe(1);

    // Complaint handling: the complaint rows of the kinds answer.
    const complaints = [...kinds.rows, ...kinds.totals].filter((r) => r.kind === 'complaint');
    expect(sheet('Penanganan pengaduan').map((r) => r.slice(1))).toEqual(
      complaints.map((r) => [
        r.received,
        r.finished,
        r.met + r.metLate,
        r.breached,
        pct(r.withinLimitShare),
        r.open,
      ]),
    );
    expect(totalOf('complaint')?.received).toBe(1);
    const portal = kinds.channels.find((c) => c.channel === 'portal');
    expect(portal?.complaint).toBe(1);

    // The reviews of the months and the office's improvement actions with their status.
    const reviews = sheet('Tinjauan berkala');
    expect(reviews.map((r) => [r[0], r[1], r[2], r[6], r[7]])).toEqual([
      [
        '2026-05-20',
        'Tinjauan layanan April',
        '2026-04 – 2026-04',
        'Uji coba wajib sebelum perubahan server web',
        1,
      ],
    ]);
    expect(sheet('Tindakan perbaikan').map((r) => [r[0], r[1], r[3], r[4], r[6]])).toEqual([
      [
        'Susun prosedur uji coba perubahan',
        'Tinjauan layanan April',
        '2026-06-30',
        'Belum dimulai',
        'tidak',
      ],
    ]);
  }, 60_000);

  it('renders the PDF with every section and the dashboard figures', async () => {
    const { res, body } = await download(`office=bali&${QUERY}&format=pdf`, 'admin@sigap.local');
    expect(res.headers.get('content-type')).toContain('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(
      'bukti-dukung-spbe-BALI-2026-04-2026-05.pdf',
    );
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const lines = pdfTextLines(body);
    expect(lines).toContain('BUKTI DUKUNG EVALUASI SPBE');
    expect(lines).toContain('Indikator Penerapan Manajemen Layanan SPBE');
    for (const section of [
      '1. Katalog layanan dan standar pelayanan',
      '2. Kanal layanan yang ditangani',
      '3. Jumlah dan kepatuhan SLA per jenis tiket dan periode',
      '4. Gangguan (insiden) per prioritas dan layanan TI',
      '5. Perubahan per tingkat risiko dan periode',
      '6. Indeks Kepuasan Masyarakat (IKM)',
      '7. Penanganan pengaduan',
      '8. Tinjauan berkala dan tindakan perbaikan',
    ])
      expect(lines).withContext(section).toContain(section);
    const footers = lines.filter((l) => /· Halaman \d+ dari \d+$/.test(l));
    expect(footers.length).toBeGreaterThan(0);
    footers.forEach((f, i) => expect(f).toContain(`Halaman ${i + 1} dari ${footers.length}`));
    expect(footers[0]).toContain('April 2026 – Mei 2026');
    // The channel row of letters: the dashboard's counts, in order.
    const kinds = await dashboard<KindDashboardResponse>('kinds');
    const letter = kinds.channels.find((c) => c.channel === 'letter');
    const i = lines.indexOf('Surat');
    expect(i).toBeGreaterThan(0);
    expect(lines.slice(i + 1, i + 6)).toEqual(
      [letter?.request, letter?.complaint, letter?.incident, letter?.change, letter?.total].map(
        String,
      ),
    );
    // The changes: all of them, with the success rate as the dashboard gives it.
    const all = lines.lastIndexOf('Semua perubahan');
    expect(lines.slice(all + 1, all + 4)).toEqual(['2', '1', '100.0% (1/1)']);
    expect(lines).toContain('Tinjauan layanan April');
    expect(lines).toContain('Belum dimulai');
  }, 60_000);

  it('is for the office manager and admins only; others 403, anonymous 401, bad queries 400', async () => {
    const status = async (who: string | null, query: string) =>
      (
        await app.request<Problem>('GET', `/api/v1/reports/evidence-pack?${query}`, {
          token: who ? await as(who) : null,
        })
      ).status;
    const q = `office=bali&${QUERY}&format=xlsx`;
    expect(await status(null, q)).toBe(401);
    expect(await status('helpdesk', q)).toBe(403);
    expect(await status('kasi-ai', q)).toBe(403);
    expect(await status('kadis.riau@sigap.local', q)).toBe(403);
    expect(await status('kadis', q)).toBe(200);
    expect(await status('admin@sigap.local', q)).toBe(200);
    expect(await status('kadis', `${QUERY}&format=docx`)).toBe(400);
    expect(await status('kadis', 'from=2026-05&to=2026-04&format=pdf')).toBe(400);
    expect(await status('kadis', 'from=2026-13&to=2026-12&format=pdf')).toBe(400);
    expect(await status('kadis', `${QUERY}`)).toBe(400);
    expect(await status('admin@sigap.local', `office=atlantis&${QUERY}&format=pdf`)).toBe(404);
  }, 60_000);
});
