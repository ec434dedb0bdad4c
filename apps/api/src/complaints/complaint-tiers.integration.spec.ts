import type {
  ComplaintTierList,
  ComplaintView,
  FileComplaintResponse,
  PublicOfficeDetail,
} from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { AuditEntryEntity } from '@sigap/api-audit';
import { Clock } from '@sigap/api-clock';
import { describeOnBothDatabases, type TestApp } from '../testing/test-app';
import { TicketEntity } from '@sigap/api-tickets';

/** Monday 11 May 2026, 10.00 WITA. */
const FILED_AT = '2026-05-11T02:00:00.000Z';
/** 5 working days in Bali's calendar (14 May holiday, 15 May cuti bersama): Wed 20 May. */
const DUE_5 = '2026-05-20T02:00:00.000Z';
/**
 * 14 working days, by hand: Tue 12, Wed 13, Mon 18, Tue 19, Wed 20, Thu 21, Fri 22, Mon 25,
 * Tue 26, (Wed 27 Idul Adha, Thu 28 cuti bersama) Fri 29, (Mon 1 Jun Pancasila) Tue 2, Wed 3,
 * Thu 4, Fri 5 June, at 10.00 WITA.
 */
const DUE_14 = '2026-06-05T02:00:00.000Z';

/** The four tiers of Purbalingga's published complaint handling (5, 5, 14 and 60 working days). */
const PURBALINGGA = [
  {
    code: 'informasi',
    name: 'Permintaan informasi',
    description: 'Pengaduan berupa permintaan informasi.',
    workingDays: 5,
  },
  {
    code: 'ringan',
    name: 'Pengaduan ringan',
    description: 'Tidak memerlukan koordinasi dengan pihak lain.',
    workingDays: 5,
  },
  {
    code: 'sedang',
    name: 'Pengaduan sedang',
    description: 'Memerlukan koordinasi dengan perangkat daerah lain.',
    workingDays: 14,
  },
  {
    code: 'berat',
    name: 'Pengaduan berat',
    description: 'Memerlukan penanganan lintas instansi.',
    workingDays: 60,
  },
];

const complaint = (extra: Record<string, unknown> = {}) => ({
  office: 'bali',
  category: 'pengaduan',
  name: 'I Made Wirawan',
  email: 'made.wirawan@example.id',
  text: 'Aplikasi yang diserahkan tidak dapat diakses sejak minggu lalu.',
  channel: 'letter',
  ...extra,
});

describeOnBothDatabases('complaint tiers', (ctx) => {
  let app: TestApp;
  let ds: DataSource;

  beforeAll(() => {
    app = ctx();
    ds = app.app.get(DataSource);
    app.app.get(Clock).set(FILED_AT);
  });

  afterAll(() => app.app.get(Clock).release());

  it('starts with the default alone: SP4N-LAPOR!, 5 working days, on the API and the public page', async () => {
    const agent = await app.token('helpdesk.bali@sigap.local');
    const res = await app.request<ComplaintTierList>('GET', '/api/v1/complaint-tiers/bali', {
      token: agent,
    });
    expect(res.status).withContext(res.text).toBe(200);
    expect(res.body.tiers).toEqual([]);
    expect(res.body.default.workingDays).toBe(5);
    const page = await app.request<PublicOfficeDetail>('GET', '/api/v1/public/offices/bali');
    expect(page.status).withContext(page.text).toBe(200);
    expect(page.body.complaintTiers.map((t) => t.workingDays)).toEqual([5]);
  });

  it('rejects bad lists with field paths, and lets only admins set them', async () => {
    const admin = await app.token('admin@sigap.local');
    const agent = await app.token('helpdesk.bali@sigap.local');
    const put = (token: string, body: unknown, office = 'bali') =>
      app.request('PUT', `/api/v1/complaint-tiers/${office}`, { token, body });

    const denied = await put(agent, { tiers: PURBALINGGA });
    expect(denied.status).withContext(denied.text).toBe(403);

    const duplicate = await put(admin, { tiers: [PURBALINGGA[0], PURBALINGGA[0]] });
    expect(duplicate.status).withContext(duplicate.text).toBe(400);
    expect(duplicate.body.errors).toEqual([jasmine.objectContaining({ path: 'tiers[1].code' })]);

    const zero = await put(admin, { tiers: [{ ...PURBALINGGA[0], workingDays: 0 }] });
    expect(zero.status).withContext(zero.text).toBe(400);
    expect(zero.body.errors.map((e: { path: string }) => e.path)).toContain('tiers[0].workingDays');

    const badCode = await put(admin, { tiers: [{ ...PURBALINGGA[0], code: 'Tingkat 1' }] });
    expect(badCode.status).withContext(badCode.text).toBe(400);

    const tooMany = await put(admin, {
      tiers: Array.from({ length: 13 }, (_, i) => ({ ...PURBALINGGA[0], code: `t${i}` })),
    });
    expect(tooMany.status).withContext(tooMany.text).toBe(400);

    const reserved = await put(admin, { tiers: [{ ...PURBALINGGA[0], code: 'sp4n-lapor' }] });
    expect(reserved.status).withContext(reserved.text).toBe(400);

    const unknown = await put(admin, { tiers: PURBALINGGA }, 'tidak-ada');
    expect(unknown.status).withContext(unknown.text).toBe(404);

    const listed = await app.request<ComplaintTierList>('GET', '/api/v1/complaint-tiers/bali', {
      token: agent,
    });
    expect(listed.body.tiers).toEqual([]);
  });

  it('sets an office its tiers (audited) and shows them on the public page in order', async () => {
    const admin = await app.token('admin@sigap.local');
    const res = await app.request<ComplaintTierList>('PUT', '/api/v1/complaint-tiers/bali', {
      token: admin,
      body: { tiers: PURBALINGGA },
    });
    expect(res.status).withContext(res.text).toBe(200);
    expect(res.body.tiers.map((t) => [t.code, t.workingDays])).toEqual([
      ['informasi', 5],
      ['ringan', 5],
      ['sedang', 14],
      ['berat', 60],
    ]);
    const audit = await ds.getRepository(AuditEntryEntity).findOneByOrFail({
      action: 'complaint_tiers.replaced',
      entityId: 'bali',
    });
    expect(JSON.parse(audit.before ?? 'null')).toEqual([]);
    expect(JSON.parse(audit.after ?? 'null').length).toBe(4);

    const page = await app.request<PublicOfficeDetail>('GET', '/api/v1/public/offices/bali');
    expect(page.body.complaintTiers.map((t) => [t.name, t.workingDays])).toEqual([
      ['Permintaan informasi', 5],
      ['Pengaduan ringan', 5],
      ['Pengaduan sedang', 14],
      ['Pengaduan berat', 60],
    ]);
    // Another office publishes none: it keeps the default.
    const riau = await app.request<PublicOfficeDetail>('GET', '/api/v1/public/offices/riau');
    expect(riau.body.complaintTiers.map((t) => t.workingDays)).toEqual([5]);
  });

  it("an agent's tier sets the due date in the office calendar; none picked keeps 5 working days", async () => {
    const agent = await app.token('helpdesk.bali@sigap.local');
    const file = (body: unknown) =>
      app.request<FileComplaintResponse>('POST', '/api/v1/complaints', { token: agent, body });

    const medium = await file(complaint({ tier: 'sedang' }));
    expect(medium.status).withContext(medium.text).toBe(201);
    expect(medium.body.dueAt).toBe(DUE_14);
    expect(medium.body.tier).toEqual({ code: 'sedang', name: 'Pengaduan sedang', workingDays: 14 });
    const ticket = await ds
      .getRepository(TicketEntity)
      .findOneByOrFail({ number: medium.body.number });
    expect(ticket.dueAt.toISOString()).toBe(DUE_14);
    const view = await app.request<ComplaintView>(
      'GET',
      `/api/v1/complaints/${medium.body.number}`,
      { token: agent },
    );
    expect(view.body.tier.workingDays).toBe(14);
    const detail = await app.request('GET', `/api/v1/tickets/${medium.body.number}`, {
      token: agent,
    });
    expect(detail.body.clocks.ticket.limitDueAt).toBe(DUE_14);

    const plain = await file(complaint());
    expect(plain.status).withContext(plain.text).toBe(201);
    expect(plain.body.dueAt).toBe(DUE_5);
    expect(plain.body.tier.code).toBe('sp4n-lapor');

    const unknown = await app.request('POST', '/api/v1/complaints', {
      token: agent,
      body: complaint({ tier: 'kilat' }),
    });
    expect(unknown.status).withContext(unknown.text).toBe(422);
    expect(unknown.body.errors).toEqual([jasmine.objectContaining({ path: 'tier' })]);

    // The public form cannot pick a tier.
    const pub = await app.request('POST', '/api/v1/public/complaints', {
      body: { ...complaint({ tier: 'berat' }), channel: undefined },
    });
    expect(pub.status).withContext(pub.text).toBe(400);
  });

  it('keeps a filed complaint on its tier when the office edits its list', async () => {
    const admin = await app.token('admin@sigap.local');
    const agent = await app.token('helpdesk.bali@sigap.local');
    const filed = await app.request<FileComplaintResponse>('POST', '/api/v1/complaints', {
      token: agent,
      body: complaint({ tier: 'sedang' }),
    });
    expect(filed.status).withContext(filed.text).toBe(201);
    const cleared = await app.request('PUT', '/api/v1/complaint-tiers/bali', {
      token: admin,
      body: { tiers: [] },
    });
    expect(cleared.status).withContext(cleared.text).toBe(200);
    const detail = await app.request('GET', `/api/v1/tickets/${filed.body.number}`, {
      token: agent,
    });
    expect(detail.body.clocks.ticket.limitDueAt).toBe(DUE_14);
    const view = await app.request<ComplaintView>(
      'GET',
      `/api/v1/complaints/${filed.body.number}`,
      {
        token: agent,
      },
    );
    expect(view.body.tier).toEqual({ code: 'sedang', name: 'Pengaduan sedang', workingDays: 14 });
  });
});
