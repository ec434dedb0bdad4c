import type {
  OfficeAdminView,
  OfficeDetail,
  OfficeSummary,
  PositionAdminView,
  PositionView,
  Problem,
  SlaPreviewResponse,
  TicketDetail,
  TimeZoneOption,
} from '@sigap/contracts';
import type { ServiceStandard } from '@sigap/standards';
import { DataSource } from 'typeorm';
import { describeOnBothDatabases, type TestApp } from '../testing/test-app';

/** A one-step service of the new office, written as the catalog editor sends it. */
function firstService(office: string, executor: string): ServiceStandard {
  return {
    code: 'permohonan-email-dinas',
    office,
    name: 'Permohonan Akun E-mail Dinas',
    kind: 'standar-pelayanan',
    decree: null,
    requirements: [{ code: 'r1', text: 'Surat permohonan dari Kepala OPD' }],
    steps: [
      {
        order: 1,
        description: 'Tim teknis membuat akun e-mail dinas',
        executors: [executor],
        time: '1 Hari',
        inputs: ['Surat permohonan'],
        output: 'Akun e-mail aktif',
        notes: null,
      },
    ],
    serviceTime: { text: '2 Hari' },
    clockStartsWhen: 'received',
    cost: { text: 'Gratis', free: true },
    products: ['Akun e-mail dinas'],
    complaintChannels: [{ kind: 'email', value: 'pengaduan@dogiyaikab.go.id' }],
    internal: {
      legalBasis: [],
      facilities: [],
      competencies: [],
      supervision: [],
      staffCount: null,
      serviceGuarantee: null,
      securityGuarantee: null,
      performanceEvaluation: null,
    },
  };
}

const OFFICE = {
  code: 'dogiyai',
  name: 'Dinas Komunikasi dan Informatika Kabupaten Dogiyai',
  timeZone: 'Asia/Jayapura',
  ticketPrefix: 'DGY',
};

describeOnBothDatabases(
  'onboarding: offices, positions and the calendar of a new office',
  (ctx) => {
    let app: TestApp;
    const admin = () => app.token('admin@sigap.local');
    const audit = async (action: string, entityId: string) =>
      (await app.app
        .get(DataSource)
        .query('SELECT actor_id FROM audit_log WHERE action = ? AND entity_id = ?', [
          action,
          entityId,
        ])) as Array<{ actor_id: string | null }>;
    const paths = (res: { body: unknown }) =>
      ((res.body as Problem).errors ?? []).map((e) => e.path).sort();

    beforeAll(() => (app = ctx()));

    it('offers WIB, WITA and WIT first, then the other IANA zones', async () => {
      const res = await app.request<TimeZoneOption[]>('GET', '/api/v1/offices/time-zones', {
        token: await admin(),
      });
      expect(res.status).toBe(200);
      expect(res.body.slice(0, 3)).toEqual([
        { zone: 'Asia/Jakarta', abbreviation: 'WIB', offset: 'UTC+7' },
        { zone: 'Asia/Makassar', abbreviation: 'WITA', offset: 'UTC+8' },
        { zone: 'Asia/Jayapura', abbreviation: 'WIT', offset: 'UTC+9' },
      ]);
      const zones = res.body.map((z) => z.zone);
      expect(zones).toContain('Europe/Amsterdam');
      expect(zones.filter((z) => z === 'Asia/Jayapura').length).toBe(1);
      expect(zones.length).toBeGreaterThan(300);
    });

    it('refuses bad fields with 400, naming each one', async () => {
      const token = await admin();
      const all = await app.request('POST', '/api/v1/offices', {
        token,
        body: {
          code: 'Dogiyai Kab',
          name: 'x',
          timeZone: 'Mars/Olympus',
          ticketPrefix: 'dgy',
          helpdeskEmail: 'bukan-email',
          logoUrl: 'javascript:alert(1)',
          region: 'Papua',
        },
      });
      expect(all.status).withContext(all.text).toBe(400);
      expect(all.headers.get('content-type')).toContain('application/problem+json');
      expect(paths(all)).toEqual(
        jasmine.arrayContaining([
          'code',
          'helpdeskEmail',
          'logoUrl',
          'name',
          'region',
          'ticketPrefix',
          'timeZone',
        ]),
      );
      for (const [body, path] of [
        [{ ...OFFICE, timeZone: 'asia/jayapura' }, 'timeZone'],
        [{ ...OFFICE, timeZone: 'WIT' }, 'timeZone'],
        [{ ...OFFICE, timeZone: '+09:00' }, 'timeZone'],
        [{ ...OFFICE, code: 'time-zones' }, 'code'],
        [{ ...OFFICE, code: '-dogiyai' }, 'code'],
        [{ ...OFFICE, ticketPrefix: 'ADUDGY' }, 'ticketPrefix'],
        [{ ...OFFICE, ticketPrefix: 'D' }, 'ticketPrefix'],
        [{ ...OFFICE, ticketPrefix: 'ABCDEFGHIJKLM' }, 'ticketPrefix'],
        [{ ...OFFICE, name: 'Dinas <b>Dogiyai</b>' }, 'name'],
        [{ ...OFFICE, name: null }, 'name'],
        [{ code: 'dogiyai' }, 'name'],
        [{ ...OFFICE, extra: 1 }, 'extra'],
      ] as const) {
        const res = await app.request('POST', '/api/v1/offices', { token, body });
        expect(res.status).withContext(JSON.stringify(body)).toBe(400);
        expect(paths(res)).withContext(JSON.stringify(body)).toContain(path);
      }
    });

    it('only admins create offices', async () => {
      const kadis = await app.token('kadis.bali@sigap.local');
      expect(
        (await app.request('POST', '/api/v1/offices', { token: kadis, body: OFFICE })).status,
      ).toBe(403);
      expect((await app.request('POST', '/api/v1/offices', { body: OFFICE })).status).toBe(401);
    });

    it('creates a WIT office (201, audited) with a working schedule in its own zone at once', async () => {
      const res = await app.request<OfficeAdminView>('POST', '/api/v1/offices', {
        token: await admin(),
        body: {
          ...OFFICE,
          name: '  Dinas Komunikasi dan Informatika   Kabupaten Dogiyai ',
          region: 'ID-PT',
          address: 'Jl. Kigamani\nMoanemani',
          helpdeskEmail: 'Helpdesk@DogiyaiKab.go.id',
          complaintEmail: 'pengaduan@dogiyaikab.go.id',
          logoUrl: 'https://dogiyaikab.go.id/logo.png',
        },
      });
      expect(res.status).withContext(res.text).toBe(201);
      expect(res.body).toEqual(
        jasmine.objectContaining({
          code: 'dogiyai',
          name: OFFICE.name,
          timeZone: 'Asia/Jayapura',
          zoneAbbreviation: 'WIT',
          ticketPrefix: 'DGY',
          region: 'ID-PT',
          address: 'Jl. Kigamani\nMoanemani',
          helpdeskEmail: 'helpdesk@dogiyaikab.go.id',
          complaintEmail: 'pengaduan@dogiyaikab.go.id',
          logoUrl: 'https://dogiyaikab.go.id/logo.png',
          retiredAt: null,
        }),
      );
      const entries = await audit('office.created', 'dogiyai');
      expect(entries.length).toBe(1);
      expect(entries[0].actor_id).toBeTruthy();
      const calendar = await app.request('GET', '/api/v1/calendars/dogiyai', {
        token: await admin(),
      });
      expect(calendar.status).withContext(calendar.text).toBe(200);
      expect(JSON.stringify(calendar.body)).toContain('Asia/Jayapura');

      const list = await app.request<OfficeSummary[]>('GET', '/api/v1/offices', {
        token: await app.token('helpdesk.bali@sigap.local'),
      });
      expect(list.body.map((o) => o.code)).toContain('dogiyai');
    });

    it('computes SLA previews of the new office in its own zone (WIT, with national holidays)', async () => {
      // The new office gets the seeded Ramadan 1447 H hours with its schedule (19 Feb - 20 Mar
      // 2026, Mon-Thu 08.00-12.00 + 12.30-15.00). Monday 2026-03-16 15:30 WIT is after Monday's
      // close (15.00): the start moves to Tue 17 Mar 08:00; "1 Hari" is the same clock time one
      // working day later: Wed 18 - Tue 24 are closed nationally, so Wed 25 Mar 08:00, inside
      // the normal week again (07.30-12.00) and so the due itself.
      const res = await app.request<SlaPreviewResponse>('POST', '/api/v1/sla/preview', {
        token: await admin(),
        body: { office: 'dogiyai', start: '2026-03-16T15:30:00+09:00', duration: '1 Hari' },
      });
      expect(res.status).withContext(res.text).toBe(200);
      expect(res.body.target).toBe('2026-03-25T08:00:00+09:00');
      // The same instant in Bali (WITA) is 14:30 there, still working time: Tue 17 Mar 14:30.
      const bali = await app.request<SlaPreviewResponse>('POST', '/api/v1/sla/preview', {
        token: await admin(),
        body: { office: 'bali', start: '2026-03-16T15:30:00+09:00', duration: '1 Hari' },
      });
      expect(bali.body.target).toBe('2026-03-17T14:30:00+08:00');
      // Nyepi, Idul Fitri and their cuti bersama close 18-24 March 2026 nationally. Tue 17 Mar
      // 15:30 is after the Ramadan close (15.00): the start moves to Wed 25 Mar 07:30 (normal
      // week); one working day later, Thu 26 Mar 07:30, is an opening: the previous working
      // day's close, Wed 25 Mar 16:00.
      const holiday = await app.request<SlaPreviewResponse>('POST', '/api/v1/sla/preview', {
        token: await admin(),
        body: { office: 'dogiyai', start: '2026-03-17T15:30:00+09:00', duration: '1 Hari' },
      });
      expect(holiday.body.target).toBe('2026-03-25T16:00:00+09:00');
    });

    it('answers 409 on a taken code or prefix, or a prefix whose complaint numbers clash', async () => {
      const token = await admin();
      const code = await app.request('POST', '/api/v1/offices', {
        token,
        body: { ...OFFICE, ticketPrefix: 'DGY2' },
      });
      expect(code.status).toBe(409);
      expect(paths(code)).toEqual(['code']);
      const prefix = await app.request('POST', '/api/v1/offices', {
        token,
        body: { ...OFFICE, code: 'nabire', ticketPrefix: 'BALI' },
      });
      expect(prefix.status).toBe(409);
      expect(paths(prefix)).toEqual(['ticketPrefix']);
      const first = await app.request('POST', '/api/v1/offices', {
        token,
        body: { ...OFFICE, code: 'papua-satu', ticketPrefix: 'PAPUATENGAH1' },
      });
      expect(first.status).withContext(first.text).toBe(201);
      const clash = await app.request<Problem>('POST', '/api/v1/offices', {
        token,
        body: { ...OFFICE, code: 'papua-dua', ticketPrefix: 'PAPUATENGAH2' },
      });
      expect(clash.status).toBe(409);
      expect(clash.body.errors?.[0].message).toContain('ADUPAPUATENG');
    });

    it('edits an office (audited)', async () => {
      const token = await admin();
      const res = await app.request<OfficeAdminView>('PATCH', '/api/v1/offices/papua-satu', {
        token,
        body: { name: 'Diskominfo Papua Tengah', ticketPrefix: 'PPT', address: null },
      });
      expect(res.status).withContext(res.text).toBe(200);
      expect(res.body.name).toBe('Diskominfo Papua Tengah');
      expect(res.body.ticketPrefix).toBe('PPT');
      expect((await audit('office.updated', 'papua-satu')).length).toBe(1);

      const taken = await app.request('PATCH', '/api/v1/offices/papua-satu', {
        token,
        body: { ticketPrefix: 'BALI' },
      });
      expect(taken.status).toBe(409);
      expect(paths(taken)).toEqual(['ticketPrefix']);
      for (const body of [{ name: null }, { timeZone: 'Mars/Olympus' }, { code: 'lain' }]) {
        const bad = await app.request('PATCH', '/api/v1/offices/papua-satu', { token, body });
        expect(bad.status).withContext(JSON.stringify(body)).toBe(400);
      }
      expect(
        (await app.request('PATCH', '/api/v1/offices/atlantis', { token, body: { name: 'Ada' } }))
          .status,
      ).toBe(404);
      expect(
        (
          await app.request('PATCH', '/api/v1/offices/papua-satu', {
            token: await app.token('kadis.bali@sigap.local'),
            body: { name: 'Bukan admin' },
          })
        ).status,
      ).toBe(403);
    });

    describe('positions', () => {
      const create = async (body: unknown, who = 'admin@sigap.local') =>
        app.request<PositionAdminView>('POST', '/api/v1/positions', {
          token: await app.token(who),
          body,
        });
      let kadis: PositionAdminView;
      let kabid: PositionAdminView;
      let tim: PositionAdminView;

      it('are created in a chain of command (201, audited)', async () => {
        const a = await create({ office: 'dogiyai', code: 'kadis', name: 'Kepala Dinas' });
        expect(a.status).withContext(a.text).toBe(201);
        kadis = a.body;
        expect(kadis.parentCode).toBeNull();
        const b = await create({
          office: 'dogiyai',
          code: 'kabid-aptika',
          name: 'Kepala Bidang Aplikasi Informatika',
          parentCode: 'kadis',
        });
        expect(b.status).withContext(b.text).toBe(201);
        kabid = b.body;
        expect(kabid.parentCode).toBe('kadis');
        const c = await create({
          office: 'dogiyai',
          code: 'tim-teknis',
          name: 'Tim Teknis',
          parentCode: 'kabid-aptika',
        });
        tim = c.body;
        expect((await audit('position.created', kabid.id)).length).toBe(1);

        const list = await app.request<PositionView[]>('GET', '/api/v1/positions?office=dogiyai', {
          token: await admin(),
        });
        expect(list.body.map((p) => [p.code, p.reportsToId])).toEqual([
          ['kadis', null],
          ['kabid-aptika', kadis.id],
          ['tim-teknis', kabid.id],
        ]);
      });

      it('refuse a taken code (409), an unknown parent and bad fields (400)', async () => {
        const taken = await create({ office: 'dogiyai', code: 'kadis', name: 'Kepala Dinas' });
        expect(taken.status).toBe(409);
        const parent = await create({
          office: 'dogiyai',
          code: 'kasi',
          name: 'Kepala Seksi',
          parentCode: 'tidak-ada',
        });
        expect(parent.status).toBe(400);
        expect(paths(parent)).toEqual(['parentCode']);
        const bad = await create({ office: 'dogiyai', code: 'Kasi AI', name: '' });
        expect(bad.status).toBe(400);
        expect(paths(bad)).toEqual(['code', 'name']);
        expect(
          (await create({ office: 'atlantis', code: 'kadis', name: 'Kepala Dinas' })).status,
        ).toBe(404);
      });

      it('refuse a parent that closes a loop (409), naming the chain', async () => {
        const res = await app.request<Problem>('PATCH', `/api/v1/positions/${kadis.id}`, {
          token: await admin(),
          body: { parentCode: 'tim-teknis' },
        });
        expect(res.status).toBe(409);
        expect(res.body.detail).toContain('kadis → tim-teknis → kabid-aptika → kadis');
        const self = await app.request('PATCH', `/api/v1/positions/${kabid.id}`, {
          token: await admin(),
          body: { parentCode: 'kabid-aptika' },
        });
        expect(self.status).toBe(409);
      });

      it('are renamed and moved (audited)', async () => {
        const res = await app.request<PositionAdminView>('PATCH', `/api/v1/positions/${tim.id}`, {
          token: await admin(),
          body: { name: 'Tim Teknis Aptika', parentCode: 'kadis' },
        });
        expect(res.status).withContext(res.text).toBe(200);
        expect(res.body).toEqual(
          jasmine.objectContaining({ name: 'Tim Teknis Aptika', parentCode: 'kadis' }),
        );
        const back = await app.request<PositionAdminView>('PATCH', `/api/v1/positions/${tim.id}`, {
          token: await admin(),
          body: { parentCode: 'kabid-aptika' },
        });
        expect(back.body.parentCode).toBe('kabid-aptika');
        expect((await audit('position.updated', tim.id)).length).toBe(2);
      });

      it("are managed by an office's own manager, not by another office's", async () => {
        const own = await create(
          { office: 'bali', code: 'kasi-persandian', name: 'Kasi Persandian', parentCode: 'kadis' },
          'kadis.bali@sigap.local',
        );
        expect(own.status).withContext(own.text).toBe(201);
        const other = await create(
          { office: 'dogiyai', code: 'kasi-lain', name: 'Kasi Lain' },
          'kadis.bali@sigap.local',
        );
        expect(other.status).toBe(403);
        const helpdesk = await create(
          { office: 'bali', code: 'kasi-lain', name: 'Kasi Lain' },
          'helpdesk.bali@sigap.local',
        );
        expect(helpdesk.status).toBe(403);
        const retire = await app.request('POST', `/api/v1/positions/${own.body.id}/retire`, {
          token: await app.token('kadis.bali@sigap.local'),
        });
        expect(retire.status).withContext(retire.text).toBe(200);
      });

      it('retire: refused while named by an active service or an open ticket, or with subordinates', async () => {
        const token = await admin();
        const service = await app.request('POST', '/api/v1/catalog/services', {
          token,
          body: firstService('dogiyai', 'tim-teknis'),
        });
        expect(service.status).withContext(service.text).toBe(201);

        const named = await app.request<Problem>('POST', `/api/v1/positions/${tim.id}/retire`, {
          token,
        });
        expect(named.status).toBe(409);
        expect(named.body.detail).toContain('permohonan-email-dinas');
        const parent = await app.request<Problem>('POST', `/api/v1/positions/${kabid.id}/retire`, {
          token,
        });
        expect(parent.status).toBe(409);
        expect(parent.body.detail).toContain('tim-teknis');

        // The first ticket of the new office: numbered with its prefix, in its own zone.
        const opened = await app.request<TicketDetail>('POST', '/api/v1/tickets', {
          token,
          body: {
            office: 'dogiyai',
            service: 'permohonan-email-dinas',
            channel: 'email',
            subject: 'Akun e-mail untuk Dinas Kesehatan',
            description: 'Mohon dibuatkan akun e-mail dinas untuk tiga staf.',
            requester: { name: 'Yohanes Pigai', email: 'yohanes@dinkes.dogiyaikab.go.id' },
          },
        });
        expect(opened.status).withContext(opened.text).toBe(201);
        expect(opened.body.number).toMatch(/^DGY-\d{4}-000001$/);
        // Numbers and clocks were given: the zone and the prefix are fixed from now on.
        const fixed = await app.request('PATCH', '/api/v1/offices/dogiyai', {
          token,
          body: { timeZone: 'Asia/Jakarta', ticketPrefix: 'DGY2' },
        });
        expect(fixed.status).toBe(409);
        expect(paths(fixed)).toEqual(['ticketPrefix', 'timeZone']);

        // Retire the service: the open ticket's live step still names the position.
        const retiredService = await app.request(
          'POST',
          '/api/v1/catalog/services/dogiyai/permohonan-email-dinas/retire',
          { token, body: {} },
        );
        expect(retiredService.status).withContext(retiredService.text).toBe(200);
        const live = await app.request<Problem>('POST', `/api/v1/positions/${tim.id}/retire`, {
          token,
        });
        expect(live.status).toBe(409);
        expect(live.body.detail).toContain(opened.body.number);

        const office = await app.request<Problem>('POST', '/api/v1/offices/dogiyai/retire', {
          token,
        });
        expect(office.status).toBe(409);
        expect(office.body.detail).toContain('1 tiket terbuka');

        const cancelled = await app.request(
          'POST',
          `/api/v1/tickets/${opened.body.number}/cancel`,
          {
            token,
            body: { expectedVersion: opened.body.version, reason: 'Uji pensiun kantor' },
          },
        );
        expect(cancelled.status).withContext(cancelled.text).toBe(200);

        const ok = await app.request<PositionAdminView>(
          'POST',
          `/api/v1/positions/${tim.id}/retire`,
          { token },
        );
        expect(ok.status).withContext(ok.text).toBe(200);
        expect(ok.body.retiredAt).not.toBeNull();
        expect((await audit('position.retired', tim.id)).length).toBe(1);
        const list = await app.request<PositionView[]>('GET', '/api/v1/positions?office=dogiyai', {
          token,
        });
        expect(list.body.map((p) => p.code)).toEqual(['kadis', 'kabid-aptika']);
        // Its code stays taken (past tickets name it), and it is no parent any more.
        expect(
          (await create({ office: 'dogiyai', code: 'tim-teknis', name: 'Tim Teknis' })).status,
        ).toBe(409);
        expect(
          (
            await create({
              office: 'dogiyai',
              code: 'staf',
              name: 'Staf',
              parentCode: 'tim-teknis',
            })
          ).status,
        ).toBe(400);
        // A new service version cannot name it.
        const named2 = await app.request('POST', '/api/v1/catalog/services', {
          token,
          body: { ...firstService('dogiyai', 'tim-teknis'), code: 'layanan-lain' },
        });
        expect(named2.status).toBe(400);
      });
    });

    it('retires an office: history kept, hidden from choosers, no new tickets or edits', async () => {
      const token = await admin();
      const res = await app.request<OfficeAdminView>('POST', '/api/v1/offices/dogiyai/retire', {
        token,
      });
      expect(res.status).withContext(res.text).toBe(200);
      expect(res.body.retiredAt).not.toBeNull();
      expect((await audit('office.retired', 'dogiyai')).length).toBe(1);

      const list = await app.request<OfficeSummary[]>('GET', '/api/v1/offices', { token });
      expect(list.body.map((o) => o.code)).not.toContain('dogiyai');
      const all = await app.request<OfficeSummary[]>('GET', '/api/v1/offices?include=retired', {
        token,
      });
      expect(all.body.find((o) => o.code === 'dogiyai')?.retiredAt).toBe(res.body.retiredAt);
      expect(
        (
          await app.request('GET', '/api/v1/offices?include=retired', {
            token: await app.token('kadis.bali@sigap.local'),
          })
        ).status,
      ).toBe(403);
      const detail = await app.request<OfficeDetail>('GET', '/api/v1/offices/dogiyai', { token });
      expect(detail.status).toBe(200);
      expect(detail.body.retiredAt).toBe(res.body.retiredAt);
      const publicList = await app.request<Array<{ code: string }>>(
        'GET',
        '/api/v1/public/offices',
      );
      expect(publicList.body.map((o) => o.code)).not.toContain('dogiyai');

      const opened = await app.request<Problem>('POST', '/api/v1/tickets', {
        token,
        body: {
          office: 'dogiyai',
          service: 'permohonan-email-dinas',
          channel: 'email',
          subject: 'Tiket sesudah pensiun',
          description: 'Tidak boleh dibuka.',
          requester: { name: 'Yohanes Pigai', email: 'yohanes@dinkes.dogiyaikab.go.id' },
        },
      });
      expect(opened.status).toBe(422);
      expect(opened.body.code).toBe('ticket.office_retired');
      expect(
        (await app.request('PATCH', '/api/v1/offices/dogiyai', { token, body: { name: 'Lagi' } }))
          .status,
      ).toBe(409);
      expect((await app.request('POST', '/api/v1/offices/dogiyai/retire', { token })).status).toBe(
        409,
      );
      const service = await app.request<Problem>('POST', '/api/v1/catalog/services', {
        token,
        body: { ...firstService('dogiyai', 'kadis'), code: 'sesudah-pensiun' },
      });
      expect(service.status).toBe(400);
      expect(paths(service)).toEqual(['office']);
      const complaint = await app.request<Problem>('POST', '/api/v1/public/complaints', {
        body: {
          office: 'dogiyai',
          category: 'pengaduan',
          name: 'Yohanes Pigai',
          email: 'yohanes@dinkes.dogiyaikab.go.id',
          text: 'Akun e-mail dinas belum dibuat sampai sekarang.',
        },
      });
      expect(complaint.status).toBe(422);
      expect(complaint.body.code).toBe('complaint.unknown_office');
      const tickets = await app.request<{ items: Array<{ number: string }> }>(
        'GET',
        '/api/v1/tickets?office=dogiyai&status=cancelled',
        { token },
      );
      expect(tickets.status).withContext(tickets.text).toBe(200);
    });
  },
);
