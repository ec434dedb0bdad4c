import type { ComplianceResponse, IkmReport, Problem, TicketDetail } from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { Clock } from '@sigap/api-clock';
import { AppConfig } from '@sigap/api-config';
import { DashboardRefreshService } from '@sigap/api-dashboards';
import { resolveSurveySecret, signSurveyToken } from '@sigap/api-survey';
import { SurveyService } from '@sigap/api-survey';
import { describeOnBothDatabases, type TestApp } from '../testing/test-app';
import { TicketEntity } from '@sigap/api-tickets';
import { pdfTextLines } from '@sigap/api-reports';

/** WITA (UTC+8) local time -> ISO instant. */
const wita = (local: string) => new Date(`${local}+08:00`).toISOString();

/** Working minutes as the Indonesian report prints them ("1 j 30 mnt"). */
function minutesId(m: number): string {
  const h = Math.floor(Math.round(m) / 60);
  const rest = Math.round(m) % 60;
  if (!h) return `${rest} mnt`;
  return rest ? `${h} j ${rest} mnt` : `${h} j`;
}

const pct = (share: number | null) =>
  share === null ? '-' : `${(Math.round(share * 1000) / 10).toFixed(1)}%`;

/** True when `run` appears in `lines` as consecutive entries. */
function containsRun(lines: string[], run: string[]): boolean {
  for (let i = 0; i + run.length <= lines.length; i++)
    if (run.every((r, j) => lines[i + j] === r)) return true;
  return false;
}

/**
 * Bali tickets run through the API in April and May 2026 (one on time, one with a step past its
 * limit and an internal note, one breaching its total time), a survey answered and a complaint
 * filed; the printed report must show what the dashboards and the IKM report give.
 */
describeOnBothDatabases('reports: the evaluation PDF prints the dashboards’ figures', (ctx) => {
  let app: TestApp;
  let clock: Clock;
  const as = (who: string) => app.token(who.includes('@') ? who : `${who}.bali@sigap.local`);
  const at = (local: string) => clock.set(wita(local));

  async function act(t: TicketDetail, who: string, path: string, body = {}) {
    const res = await app.request<TicketDetail>('POST', `/api/v1/tickets/${t.number}/${path}`, {
      token: await as(who),
      body: { expectedVersion: t.version, ...body },
    });
    expect(res.status).withContext(`${path}: ${res.text}`).toBe(200);
    return res.body;
  }

  async function openTicket(local: string, subject: string): Promise<TicketDetail> {
    at(local);
    const res = await app.request<TicketDetail>('POST', '/api/v1/tickets', {
      token: await as('helpdesk'),
      body: {
        office: 'bali',
        service: 'pengembangan-aplikasi',
        channel: 'letter',
        subject,
        description: 'Permohonan untuk laporan evaluasi.',
        requester: { name: 'Pemohon Laporan', email: 'laporan@diskes.baliprov.go.id' },
      },
    });
    expect(res.status).withContext(res.text).toBe(201);
    let t = res.body;
    for (const p of ['r1/receive', 'r1/verify', 'r2/receive', 'r2/verify'])
      t = await act(t, 'helpdesk', `checklist/${p}`);
    return t;
  }

  async function run(t: TicketDetail, times: string[], close: string, note?: [number, string]) {
    const holders = ['kasubbag-tu', 'kabid-iai', 'kasi-ai', 'kasi-ai', 'kasi-ai', 'kadis'];
    for (let i = 0; i < 6; i++) {
      if (note && note[0] === i) t = await act(t, 'helpdesk', 'notes', { body: note[1] });
      at(times[i]);
      t = await act(t, holders[i], `steps/${i + 2}/complete`, { output: `Hasil ${i + 2}` });
      if (i === 0) t = await act(t, 'helpdesk', 'replies', { body: 'Sedang diproses.' });
    }
    at(close);
    t = await act(t, 'helpdesk', 'resolve');
    return act(t, 'helpdesk', 'close');
  }

  async function pdf(query: string, who = 'kadis') {
    const res = await fetch(`${app.baseUrl}/api/v1/reports/evaluation?${query}`, {
      headers: { authorization: `Bearer ${await as(who)}`, 'x-forwarded-for': app.freshIp() },
    });
    const body = Buffer.from(await res.arrayBuffer());
    expect(res.status).withContext(body.toString()).toBe(200);
    return { res, body, lines: pdfTextLines(body) };
  }

  const dashboard = async (from: string, to: string, period: string) => {
    const res = await app.request<ComplianceResponse>(
      'GET',
      `/api/v1/dashboards/compliance?level=tickets&by=service&from=${from}&to=${to}&period=${period}`,
      { token: await as('kadis') },
    );
    expect(res.status).withContext(res.text).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    app = ctx();
    clock = app.app.get(Clock);
    const a = await openTicket('2026-04-06T08:00:00', 'Aplikasi tepat waktu');
    const closedA = await run(
      a,
      [
        '2026-04-06T08:30:00',
        '2026-04-06T09:00:00',
        '2026-04-06T10:00:00',
        '2026-04-06T11:00:00',
        '2026-04-06T13:30:00',
        '2026-04-06T14:00:00',
      ],
      '2026-04-06T14:30:00',
    );
    // Step 3 (Kepala Bidang) past its "1 Jam" limit; a note says why.
    const b = await openTicket('2026-04-07T08:00:00', 'Aplikasi dengan langkah terlambat');
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
      '2026-04-08T10:00:00',
      [1, 'Kepala Bidang <b>rapat</b> di luar kantor; disposisi tertunda.'],
    );
    // The whole ticket past its limit, closed in May.
    const c = await openTicket('2026-04-08T08:00:00', 'Aplikasi melewati batas');
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
      '2026-05-26T11:00:00',
    );
    // One questionnaire answered for the first ticket, in April.
    at('2026-04-06T15:00:00');
    const ds = app.app.get(DataSource);
    const entity = await ds.getRepository(TicketEntity).findOneByOrFail({ number: closedA.number });
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
    // A complaint about the service, filed in April.
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
    at('2026-05-27T09:00:00');
    await app.app.get(DashboardRefreshService).refresh();
  }, 180_000);
  afterAll(() => clock.release());

  it('April: the row of the service equals the dashboard, the IKM and the complaints', async () => {
    const dash = await dashboard('2026-04', '2026-04', 'month');
    expect(dash.rows.length).toBe(1);
    const row = dash.rows[0];
    expect(row.total).toBe(2);
    const ikm = await app.request<IkmReport>(
      'GET',
      '/api/v1/survey/ikm?office=bali&from=2026-04-01&to=2026-04-30&period=month',
      { token: await as('kadis') },
    );
    expect(ikm.status).withContext(ikm.text).toBe(200);
    const ikmRow = ikm.body.rows[0];
    expect(ikmRow.respondents).toBe(1);

    const { res, body, lines } = await pdf('period=month&month=2026-04');
    expect(res.headers.get('content-type')).toContain('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(
      'attachment; filename="laporan-evaluasi-BALI-2026-04.pdf"',
    );
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(lines).toContain('LAPORAN EVALUASI KINERJA PELAYANAN');
    expect(lines.join('\n')).toContain('Periode: April 2026 (Bulanan)');
    const cells = [
      String(row.total),
      String(row.met),
      String(row.metLate),
      String(row.breached),
      pct(row.withinLimitShare),
      minutesId(row.averageMinutes as number),
    ];
    expect(containsRun(lines, cells)).withContext(lines.join(' | ')).toBeTrue();
    // The value as shown everywhere: cut (not rounded) to two decimals, graded from that.
    const ikmCell = `${ikmRow.shown} (${ikmRow.grade}`;
    const at = lines.findIndex((l) => l.startsWith(ikmCell));
    expect(at).withContext(lines.join(' | ')).toBeGreaterThan(0);
    // Respondents, then complaints (the one filed in April).
    expect(lines.slice(at + 1, at + 3)).toEqual(['1', '1']);
    // The late step of the second ticket with its note, tags removed (wrapped lines joined).
    const text = lines.join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('3. ');
    expect(text).toContain('Kepala Bidang rapat di luar kantor; disposisi tertunda.');
    expect(text).not.toContain('<b>');
    // Bali's SOP publishes no total time, product or requirements: marked as derived. Its
    // cost is neither published nor derivable (no step costs): not derived, never "free".
    expect(text).toContain(
      'waktu layanan, produk, persyaratan dihitung dari langkah (tidak diterbitkan dalam standar)',
    );
    // The change section (none in April) follows the incidents: the report may run to a
    // second page; every page is numbered.
    expect(text).toContain('Tidak ada perubahan yang selesai pada periode ini.');
    expect(lines.some((l) => / · April 2026 · Halaman 1 dari [12]$/.test(l))).toBeTrue();
  }, 30_000);

  it('the year: all three tickets, the breached one listed, in English on request', async () => {
    const dash = await dashboard('2026-01', '2026-12', 'year');
    const row = dash.rows[0];
    expect(row.total).toBe(3);
    expect(row.breached).toBe(1);
    const { res, lines } = await pdf(
      'office=bali&period=year&year=2026&lang=en',
      'admin@sigap.local',
    );
    expect(res.headers.get('content-disposition')).toContain('laporan-evaluasi-BALI-2026.pdf');
    expect(lines).toContain('SERVICE PERFORMANCE EVALUATION REPORT');
    expect(
      containsRun(lines, [
        String(row.total),
        String(row.met),
        String(row.metLate),
        String(row.breached),
        pct(row.withinLimitShare),
      ]),
    )
      .withContext(lines.join(' | '))
      .toBeTrue();
    expect(lines.join(' ')).toContain('Whole ticket past its limit');
  }, 30_000);

  it('managers of the office and admins only; others 403, anonymous 401', async () => {
    const status = async (who: string | null, query: string) =>
      (
        await app.request('GET', `/api/v1/reports/evaluation?${query}`, {
          token: who ? await as(who) : null,
        })
      ).status;
    const q = 'office=bali&period=month&month=2026-04';
    expect(await status(null, q)).toBe(401);
    expect(await status('helpdesk', q)).toBe(403);
    expect(await status('kasi-ai', q)).toBe(403);
    expect(await status('kadis.riau@sigap.local', q)).toBe(403);
    expect(await status('kadis', q)).toBe(200);
    expect(await status('admin@sigap.local', q)).toBe(200);
  }, 30_000);

  it('rejects bad parameters with problem+json 400 (unknown office 404)', async () => {
    const problem = async (query: string, who = 'kadis') => {
      const res = await app.request<Problem>('GET', `/api/v1/reports/evaluation?${query}`, {
        token: await as(who),
      });
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      return res.status;
    };
    expect(await problem('month=2026-04')).toBe(400);
    expect(await problem('period=week&month=2026-04')).toBe(400);
    expect(await problem('period=month')).toBe(400);
    expect(await problem('period=month&month=2026-13')).toBe(400);
    expect(await problem('period=month&month=2026-04&year=2026')).toBe(400);
    expect(await problem('period=year&year=26')).toBe(400);
    expect(await problem('period=year&year=2026&lang=fr')).toBe(400);
    expect(await problem('period=year&year=2026&extra=1')).toBe(400);
    expect(await problem('office=atlantis&period=year&year=2026', 'admin@sigap.local')).toBe(404);
  });
});
