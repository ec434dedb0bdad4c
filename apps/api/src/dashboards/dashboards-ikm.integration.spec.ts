import { randomUUID } from 'node:crypto';
import type { IkmDashboardResponse, TicketDetail } from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { describeOnBothDatabases, type TestApp } from '../testing/test-app';
import { dbInstant } from '@sigap/api-database';

const SERVICE = 'pengembangan-aplikasi';

/**
 * The IKM on the dashboard: questionnaires (written here as the survey stores them) summed per
 * service and period with the dashboard's filters, graded as DOMAIN.md says, exported, and
 * shown only to those who see the office's figures.
 */
describeOnBothDatabases('dashboards: IKM per service and period', (ctx) => {
  let app: TestApp;
  let data: DataSource;
  let opd: string;
  const as = (who: string) => app.token(who.includes('@') ? who : `${who}.bali@sigap.local`);
  const get = async (query: string, who = 'kadis') =>
    app.request<IkmDashboardResponse>('GET', `/api/v1/dashboards/ikm?${query}`, {
      token: await as(who),
    });

  async function respond(ticketId: string, service: string, date: string, scores: number[]) {
    const [svc] = (await data.query(
      'SELECT id FROM catalog_services WHERE office_code = ? AND code = ?',
      ['bali', service],
    )) as Array<{ id: string }>;
    await data.query(
      `INSERT INTO survey_responses (id, ticket_id, ticket_number, invitation_id, office_code,
         service_id, service_code, submitted_at, local_date, local_month,
         u1, u2, u3, u4, u5, u6, u7, u8, u9, comment)
       VALUES (?, ?, ?, ?, 'bali', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
      [
        randomUUID(),
        ticketId,
        `BALI-${ticketId.slice(0, 8)}`,
        randomUUID().replace(/-/g, ''),
        svc?.id ?? randomUUID(),
        service,
        dbInstant(data.manager, new Date(`${date}T02:00:00Z`)),
        date,
        date.slice(0, 7),
        ...scores,
      ],
    );
  }

  beforeAll(async () => {
    app = ctx();
    data = app.app.get(DataSource);
    const res = await app.request<TicketDetail>('POST', '/api/v1/tickets', {
      token: await as('helpdesk'),
      body: {
        office: 'bali',
        service: SERVICE,
        channel: 'letter',
        subject: 'Permohonan untuk IKM',
        description: 'Permohonan untuk IKM.',
        requester: { name: 'Pemohon IKM', email: 'ikm@diskes.baliprov.go.id' },
      },
    });
    expect(res.status).withContext(res.text).toBe(201);
    opd = randomUUID();
    await data.query(
      'INSERT INTO opds (id, office_code, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
      [
        opd,
        'bali',
        'Dinas Uji IKM',
        dbInstant(data.manager, new Date()),
        dbInstant(data.manager, new Date()),
      ],
    );
    await data.query('UPDATE tickets SET opd_id = ? WHERE number = ?', [opd, res.body.number]);
    const [ticket] = (await data.query('SELECT id FROM tickets WHERE number = ?', [
      res.body.number,
    ])) as Array<{ id: string }>;
    // May: one on the OPD's ticket (all 4) and one elsewhere (all 3); June: another service.
    await respond(ticket.id, SERVICE, '2026-05-10', [4, 4, 4, 4, 4, 4, 4, 4, 4]);
    await respond(randomUUID(), SERVICE, '2026-05-31', [3, 3, 3, 3, 3, 3, 3, 3, 3]);
    await respond(randomUUID(), 'lain', '2026-06-01', [2, 2, 2, 2, 2, 2, 2, 2, 1]);
    // Outside the range.
    await respond(randomUUID(), SERVICE, '2026-07-01', [1, 1, 1, 1, 1, 1, 1, 1, 1]);
  }, 60_000);

  it('per service and month with grade and respondents, all services per month', async () => {
    const res = await get('from=2026-05&to=2026-06');
    expect(res.status).withContext(res.text).toBe(200);
    const rows = res.body.rows.map((r) => [r.period, r.serviceCode, r.respondents, r.grade]);
    expect(rows).toEqual([
      ['2026-05', SERVICE, 2, 'B'],
      ['2026-06', 'lain', 1, 'D'],
    ]);
    // (36 + 27) / 18 x 25 = 87.5 (B: 76.61-88.30); 17 / 9 x 25 = 47.22 (D).
    expect(res.body.rows[0].converted).toBeCloseTo(87.5, 9);
    expect(res.body.rows[0].serviceName).toBe('PENGEMBANGAN APLIKASI');
    expect(res.body.rows[1].converted).toBeCloseTo(47.222222, 5);
    expect(res.body.rows[1].shown).toBe('47.22');
    expect(res.body.totals.map((t) => [t.period, t.respondents])).toEqual([
      ['2026-05', 2],
      ['2026-06', 1],
    ]);
    expect(res.body.scope.office).toBe('bali');
    expect(res.body.from).toBe('2026-05');
  });

  it('follows the period, service and OPD filters', async () => {
    const quarter = await get('from=2026-04&to=2026-07&period=quarter');
    expect(quarter.body.totals.map((t) => [t.period, t.respondents])).toEqual([
      ['2026-Q2', 3],
      ['2026-Q3', 1],
    ]);
    const service = await get(`from=2026-05&to=2026-06&service=${SERVICE}`);
    expect(service.body.rows.map((r) => r.serviceCode)).toEqual([SERVICE]);
    const byOpd = await get(`from=2026-05&to=2026-06&opd=${opd}`);
    expect(byOpd.body.rows.map((r) => [r.period, r.respondents, r.grade])).toEqual([
      ['2026-05', 1, 'A'],
    ]);
    expect(byOpd.body.rows[0].converted).toBe(100);
  });

  it('exports as CSV with the same filter', async () => {
    const res = await fetch(
      `${app.baseUrl}/api/v1/dashboards/ikm/export?format=csv&from=2026-05&to=2026-06`,
      {
        headers: { authorization: `Bearer ${await as('kadis')}` },
      },
    );
    const text = await res.text();
    expect(res.status).withContext(text).toBe(200);
    expect(text).toContain('IKM (25-100)');
    expect(text).toContain('PENGEMBANGAN APLIKASI');
    expect(text).toContain('87.5');
    expect(text).toContain('Semua layanan');
  });

  it('office-wide only: not an executor, not another office; admins name the office', async () => {
    expect((await get('from=2026-05&to=2026-06', 'kasi-ai')).status).toBe(403);
    expect((await get('from=2026-05&to=2026-06', 'kadis.riau@sigap.local')).status).toBe(200);
    const riau = await get('from=2026-05&to=2026-06', 'kadis.riau@sigap.local');
    expect(riau.body.rows).toEqual([]);
    expect(
      (await get('office=bali&from=2026-05&to=2026-06', 'kadis.riau@sigap.local')).status,
    ).toBe(403);
    const admin = await get('office=bali&from=2026-05&to=2026-06', 'admin@sigap.local');
    expect(admin.body.rows.length).toBe(2);
    expect((await get('from=2026-06&to=2026-05')).status).toBe(400);
  });
});
