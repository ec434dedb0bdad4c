import type { PublicOffice, PublicOfficeDetail, PublicServiceDetail } from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { Clock } from '@sigap/api-clock';
import { describeOnBothDatabases, type TestApp } from '../testing/test-app';
import { TicketEntity } from '@sigap/api-tickets';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** What the four published standards say (tools/seed/catalog), read by hand. */
const SEEDS = [
  {
    office: 'riau',
    code: 'konsultasi-tata-kelola-spbe',
    kind: 'standar-pelayanan',
    requirements: 4,
    steps: 11,
    time: '3 Bulan',
    byChannel: [],
    cost: 'Tidak dipungut biaya',
  },
  {
    office: 'tebingtinggi',
    code: 'inventarisasi-aplikasi',
    kind: 'standar-pelayanan',
    requirements: 1,
    steps: 12,
    time: '1 Hari',
    byChannel: [
      { channel: 'walk-in', text: '30 (tiga puluh) menit sejak permintaan informasi disampaikan.' },
    ],
    cost: null,
  },
  {
    office: 'bali',
    code: 'pengembangan-aplikasi',
    kind: 'sop',
    requirements: 2,
    steps: 7,
    time: '28 s.d. 29 hari kerja',
    byChannel: [],
    cost: 'Tidak dicantumkan dalam SOP',
  },
  {
    office: 'gorontalo',
    code: 'pengembangan-aplikasi',
    kind: 'standar-pelayanan',
    requirements: 5,
    steps: 20,
    time: '1 s.d 2 bulan',
    byChannel: [],
    cost: 'Gratis',
  },
];

describeOnBothDatabases('public standards pages', (ctx) => {
  let app: TestApp;

  beforeAll(() => {
    app = ctx();
  });

  it('lists the four offices with their active services, without signing in', async () => {
    const res = await app.request<PublicOffice[]>('GET', '/api/v1/public/offices');
    expect(res.status).withContext(res.text).toBe(200);
    expect(res.body.map((o) => o.code).sort()).toEqual([
      'bali',
      'gorontalo',
      'riau',
      'tebingtinggi',
    ]);
    const bali = res.body.find((o) => o.code === 'bali');
    expect(bali?.zone).toBe('WITA');
    expect(res.body.find((o) => o.code === 'riau')?.zone).toBe('WIB');
    for (const o of res.body) expect(o.serviceCount).withContext(o.code).toBeGreaterThan(0);
    expect(res.headers.get('cache-control')).toContain('public');
  });

  for (const seed of SEEDS) {
    it(`shows ${seed.office}/${seed.code} with its six components`, async () => {
      const office = await app.request<PublicOfficeDetail>(
        'GET',
        `/api/v1/public/offices/${seed.office}`,
      );
      expect(office.status).withContext(office.text).toBe(200);
      expect(office.body.services.map((s) => s.code)).toContain(seed.code);

      const res = await app.request<PublicServiceDetail>(
        'GET',
        `/api/v1/public/offices/${seed.office}/services/${seed.code}`,
      );
      expect(res.status).withContext(res.text).toBe(200);
      const s = res.body;
      expect(s.kind).toBe(seed.kind);
      expect(s.requirements.length).toBe(seed.requirements);
      expect(s.steps.length).toBe(seed.steps);
      expect(s.steps.map((x) => x.order)).toEqual(
        Array.from({ length: seed.steps }, (_, i) => i + 1),
      );
      expect(s.serviceTime.text).toBe(seed.time);
      expect(s.serviceTime.byChannel).toEqual(seed.byChannel as never);
      if (seed.cost) expect(s.cost.text).toBe(seed.cost);
      expect(Array.isArray(s.products)).toBeTrue();
      expect(Array.isArray(s.complaintChannels)).toBeTrue();
      // Positions by name, never by code; no people, no internal ids.
      expect(s.steps[0].executors).not.toContain('opd-pemohon');
      expect(res.text).not.toMatch(UUID);
      expect(res.text).not.toContain('@sigap.local');
    });
  }

  it('names Bali step executors as the office position table does', async () => {
    const res = await app.request<PublicServiceDetail>(
      'GET',
      '/api/v1/public/offices/bali/services/pengembangan-aplikasi',
    );
    const names = res.body.steps.flatMap((s) => s.executors);
    expect(names).toContain('Kepala Seksi Aplikasi Informatika');
    expect(names).toContain('OPD pemohon');
  });

  it('marks what Bali derives from its steps, and shows owners and follow-ups (Gorontalo)', async () => {
    const bali = await app.request<PublicServiceDetail>(
      'GET',
      '/api/v1/public/offices/bali/services/pengembangan-aplikasi',
    );
    expect(bali.body.derived).toEqual(['serviceTime', 'products', 'requirements']);
    const gorontalo = await app.request<PublicServiceDetail>(
      'GET',
      '/api/v1/public/offices/gorontalo/services/pengembangan-aplikasi',
    );
    expect(gorontalo.body.derived).toEqual([]);
    const step6 = gorontalo.body.steps[5];
    expect(step6.owner).toBe('Tim Kerja Pengembangan Aplikasi');
    expect(step6.executors).toEqual(['OPD pemohon', 'Tim Kerja Pengembangan Aplikasi']);
    expect(step6.participants).toEqual(['Kementerian PAN-RB']);
    expect(gorontalo.body.steps.filter((x) => x.followUp).map((x) => x.order)).toEqual([
      17, 18, 19, 20,
    ]);
  });

  it('answers 304 to a matching If-None-Match, and 404 problems for unknown offices and services', async () => {
    const first = await app.request('GET', '/api/v1/public/offices/riau');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await app.request('GET', '/api/v1/public/offices/riau', {
      // fetch() adds `Cache-Control: no-cache` to a conditional request unless one is given.
      headers: { 'If-None-Match': etag as string, 'Cache-Control': 'max-age=0' },
    });
    expect(again.status).toBe(304);
    const none = await app.request('GET', '/api/v1/public/offices/atlantis');
    expect(none.status).toBe(404);
    expect(none.headers.get('content-type')).toContain('application/problem+json');
    const noService = await app.request('GET', '/api/v1/public/offices/riau/services/tidak-ada');
    expect(noService.status).toBe(404);
  });

  it('computes compliance over the last 12 months from frozen clocks, requests apart from complaints', async () => {
    const clock = app.app.get(Clock);
    clock.set('2026-06-15T03:00:00Z');
    try {
      const ds = app.app.get(DataSource);
      const open = async (subject: string) => {
        const res = await app.request('POST', '/api/v1/tickets', {
          token: await app.token('helpdesk.gorontalo@sigap.local'),
          body: {
            office: 'gorontalo',
            service: 'pengembangan-aplikasi',
            channel: 'portal',
            subject,
            description: 'x',
            requester: { name: 'Pemohon', email: 'p@opd.go.id' },
          },
        });
        expect(res.status).withContext(res.text).toBe(201);
        return res.body.number as string;
      };
      // Three finished requests: met, met late (within the limit), breached; one closed two
      // years ago (outside the period); one still open (not counted).
      const finish = async (number: string, state: string, closedAt: string) =>
        ds.getRepository(TicketEntity).update(
          { number },
          {
            status: 'closed',
            isOpen: false,
            closedAt: new Date(closedAt),
            slaState: state as never,
            slaSnapshot: JSON.stringify({ state, frozen: true }),
          },
        );
      await finish(await open('a'), 'met', '2026-03-01T03:00:00Z');
      await finish(await open('b'), 'met-late', '2026-05-01T03:00:00Z');
      await finish(await open('c'), 'breached', '2025-08-01T03:00:00Z');
      await finish(await open('d'), 'met', '2024-05-01T03:00:00Z');
      await open('e');
      const complaint = await app.request('POST', '/api/v1/public/complaints', {
        body: {
          office: 'gorontalo',
          category: 'masukan',
          name: 'Warga',
          email: 'warga@example.id',
          text: 'Mohon jam layanan diumumkan di situs.',
        },
      });
      expect(complaint.status).withContext(complaint.text).toBe(201);

      const res = await app.request<PublicOfficeDetail>('GET', '/api/v1/public/offices/gorontalo');
      const p = res.body.performance;
      expect(p.from).toBe('2025-06-15');
      expect(p.to).toBe('2026-06-15');
      expect(p.finished).toBe(3);
      expect(p.withinTime).toBe(2);
      expect(p.compliancePercent).toBe(66.7);
      expect(p.complaints).toBe(1);
      expect(p.complaintsAnsweredInTime).toBe(0);
      expect(p.ikm).toBeNull();
    } finally {
      clock.release();
    }
  });
});
