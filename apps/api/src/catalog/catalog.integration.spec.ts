import type { Problem, ServiceDetail, ServiceSummary } from '@sigap/contracts';
import type { ServiceStandard } from '@sigap/standards';
import { AuditService } from '@sigap/api-audit';
import { describeOnBothDatabases } from '../testing/test-app';

function sample(overrides: Partial<ServiceStandard> = {}): ServiceStandard {
  return {
    code: 'permohonan-subdomain',
    office: 'bali',
    name: 'Permohonan Subdomain',
    kind: 'standar-pelayanan',
    decree: null,
    requirements: [{ code: 'r1', text: 'Surat permohonan dari Kepala OPD' }],
    steps: [
      {
        order: 1,
        description: 'Helpdesk menerima dan memeriksa surat permohonan',
        executors: ['helpdesk'],
        time: '1 Jam',
        inputs: ['Surat permohonan'],
        output: 'Surat tercatat',
        notes: null,
      },
      {
        order: 2,
        description: 'Tim SPBE membuat subdomain',
        executors: ['tim-spbe', 'kasi-ai'],
        time: '1-2 Hari',
        inputs: [],
        output: 'Subdomain aktif',
        notes: null,
      },
    ],
    serviceTime: { text: '3 Hari' },
    clockStartsWhen: 'received',
    cost: { text: 'Gratis', free: true },
    products: ['Subdomain'],
    complaintChannels: [{ kind: 'email', value: 'diskominfo@baliprov.go.id' }],
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
    ...overrides,
  };
}

const SERVICES = '/api/v1/catalog/services';

describeOnBothDatabases('catalog', (ctx) => {
  const as = (email: string) => ctx().token(`${email}@sigap.local`);

  describe('seed services', () => {
    it('are loaded with the requirement and step counts of the published documents', async () => {
      const token = await as('admin');
      const list = await ctx().request<ServiceSummary[]>('GET', SERVICES, { token });
      expect(list.status).toBe(200);
      const counts = Object.fromEntries(
        list.body.map((s) => [s.office, [s.requirementCount, s.stepCount, s.version, s.status]]),
      );
      expect(counts).toEqual({
        bali: [jasmine.any(Number), 7, 1, 'active'],
        gorontalo: [5, 20, 1, 'active'],
        riau: [4, 11, 1, 'active'],
        tebingtinggi: [1, 12, 1, 'active'],
      });
    });

    it("keep Tebing Tinggi's two alternative requirement lines (letter/e-mail or walk-in)", async () => {
      const token = await as('helpdesk.tebingtinggi');
      const detail = await ctx().request<ServiceDetail>(
        'GET',
        `${SERVICES}/tebingtinggi/inventarisasi-aplikasi`,
        {
          token,
        },
      );
      expect(detail.status).toBe(200);
      const options = detail.body.standard.requirements[0].options ?? [];
      expect(options.length).toBe(2);
      expect(options.map((o) => o.channel)).toEqual(['letter', 'walk-in']);
      expect(detail.body.standard.steps.length).toBe(12);
      expect(detail.body.parsed.serviceTime).toEqual(
        jasmine.objectContaining({ min: 1, unit: 'day' }),
      );
    });

    it('give Gorontalo 5 requirements and 20 steps with position names', async () => {
      const token = await as('kadis.gorontalo');
      const detail = await ctx().request<ServiceDetail>(
        'GET',
        `${SERVICES}/gorontalo/pengembangan-aplikasi`,
        { token },
      );
      expect(detail.body.standard.requirements.length).toBe(5);
      expect(detail.body.standard.steps.length).toBe(20);
      expect(detail.body.parsed.steps.length).toBe(20);
      for (const step of detail.body.standard.steps) {
        for (const executor of step.executors) {
          expect(detail.body.positionNames[executor]).withContext(executor).toBeTruthy();
        }
      }
    });

    it("parse Bali's per-step times", async () => {
      const token = await as('helpdesk.bali');
      const detail = await ctx().request<ServiceDetail>(
        'GET',
        `${SERVICES}/bali/pengembangan-aplikasi`,
        { token },
      );
      expect(detail.body.standard.steps.length).toBe(7);
      const timed = detail.body.parsed.steps.filter((s) => s.time !== null);
      expect(timed.length).toBeGreaterThan(0);
    });

    it('filter by office and status', async () => {
      const token = await as('admin');
      const riau = await ctx().request<ServiceSummary[]>(
        'GET',
        `${SERVICES}?office=riau&status=active`,
        { token },
      );
      expect(riau.body.map((s) => s.code)).toEqual(['konsultasi-tata-kelola-spbe']);
      const bad = await ctx().request<Problem>('GET', `${SERVICES}?status=hilang`, { token });
      expect(bad.status).toBe(400);
      expect(bad.body.errors![0].path).toBe('status');
    });
  });

  describe('offices', () => {
    it('lists the four offices with their zones and shows positions', async () => {
      const token = await as('helpdesk.riau');
      const list = await ctx().request('GET', '/api/v1/offices', { token });
      expect(
        list.body.map(
          (o: { code: string; zoneAbbreviation: string }) => `${o.code}:${o.zoneAbbreviation}`,
        ),
      ).toEqual(['bali:WITA', 'gorontalo:WITA', 'riau:WIB', 'tebingtinggi:WIB']);
      const bali = await ctx().request('GET', '/api/v1/offices/bali', { token });
      expect(bali.body.region).toBe('ID-BA');
      const kasi = bali.body.positions.find((p: { code: string }) => p.code === 'kasi-ai');
      expect(kasi.reportsTo).toBe('kabid-iai');
      expect((await ctx().request('GET', '/api/v1/offices/atlantis', { token })).status).toBe(404);
    });
  });

  describe('editing', () => {
    it('creates a service (201), refuses the same code again (409)', async () => {
      const token = await as('kadis.bali');
      const created = await ctx().request<ServiceDetail>('POST', SERVICES, {
        token,
        body: sample(),
      });
      expect(created.status).toBe(201);
      expect(created.body.version).toBe(1);
      expect(created.body.status).toBe('active');
      expect(created.body.parsed.steps[1].time).toEqual(
        jasmine.objectContaining({ min: 1, max: 2, unit: 'day' }),
      );
      expect(created.body.createdBy).toBeTruthy();
      const again = await ctx().request<Problem>('POST', SERVICES, { token, body: sample() });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('catalog.already_exists');
    });

    it('updates into a new version, keeps the old one readable, refuses a stale version', async () => {
      const token = await as('admin');
      const url = `${SERVICES}/bali/permohonan-subdomain`;
      const updated = await ctx().request<ServiceDetail>('PUT', url, {
        token,
        body: { expectedVersion: 1, standard: sample({ name: 'Permohonan Subdomain Baru' }) },
      });
      expect(updated.status).toBe(200);
      expect(updated.body.version).toBe(2);
      expect(updated.body.versions.map((v) => v.version)).toEqual([2, 1]);

      const v1 = await ctx().request<ServiceDetail>('GET', `${url}/versions/1`, { token });
      expect(v1.body.standard.name).toBe('Permohonan Subdomain');
      const latest = await ctx().request<ServiceDetail>('GET', url, { token });
      expect(latest.body.standard.name).toBe('Permohonan Subdomain Baru');
      expect((await ctx().request('GET', `${url}/versions/9`, { token })).status).toBe(404);

      const stale = await ctx().request<Problem>('PUT', url, {
        token,
        body: { expectedVersion: 1, standard: sample({ name: 'Terlambat' }) },
      });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('catalog.stale_version');

      const moved = await ctx().request<Problem>('PUT', url, {
        token,
        body: { expectedVersion: 2, standard: sample({ code: 'kode-lain' }) },
      });
      expect(moved.status).toBe(400);
      expect(moved.body.errors!.map((e) => e.path)).toEqual(['standard.code']);
    });

    it('computes derived cost and total time again from the steps, in the office working day', async () => {
      const token = await as('kadis.bali');
      const steps = (cost2: string, time2: string) => [
        { ...sample().steps[0], cost: 'Rp 0' },
        { ...sample().steps[1], time: time2, cost: cost2 },
      ];
      // The values sent are stale on purpose: the steps decide.
      const body = (cost2: string, time2: string, name = 'Sewa Studio') =>
        sample({
          code: 'sewa-studio',
          name,
          steps: steps(cost2, time2),
          cost: { text: 'Gratis', free: true },
          serviceTime: { text: '1 Hari' },
          derived: ['serviceTime', 'cost'],
        });
      const url = `${SERVICES}/bali/sewa-studio`;
      const created = await ctx().request<ServiceDetail>('POST', SERVICES, {
        token,
        body: body('Rp 150.000', '2 Hari'),
      });
      expect(created.status).withContext(created.text).toBe(201);
      expect(created.body.standard.cost).toEqual({ text: 'Rp 150.000', free: false });
      // Bali's working day is 7.5 h: 1 jam + 2 x 450 menit = 960 menit = 16 jam.
      expect(created.body.standard.serviceTime.text).toBe('16 jam');
      expect(created.body.standard.derived).toEqual(['serviceTime', 'cost']);

      const edited = await ctx().request<ServiceDetail>('PUT', url, {
        token,
        body: { expectedVersion: 1, standard: body('Rp 200.000', '1 Hari') },
      });
      expect(edited.status).withContext(edited.text).toBe(200);
      expect(edited.body.standard.cost).toEqual({ text: 'Rp 200.000', free: false });
      // 60 + 450 = 510 menit = 8,5 jam.
      expect(edited.body.standard.serviceTime.text).toBe('8,5 jam');

      const unreadable = await ctx().request<Problem>('PUT', url, {
        token,
        body: { expectedVersion: 2, standard: body('sesuai Perda', '1 Hari') },
      });
      expect(unreadable.status).toBe(400);
      expect(unreadable.body.errors!.map((e) => e.path)).toEqual(['standard.cost.text']);
      expect(unreadable.body.errors![0].message).toContain('"sesuai Perda"');
      // Typed by hand instead: no longer derived, kept as written.
      const typed = await ctx().request<ServiceDetail>('PUT', url, {
        token,
        body: {
          expectedVersion: 2,
          standard: {
            ...body('sesuai Perda', '1 Hari'),
            cost: { text: 'Sesuai Perda retribusi', free: false },
            derived: ['serviceTime'],
          },
        },
      });
      expect(typed.status).withContext(typed.text).toBe(200);
      expect(typed.body.standard.cost.text).toBe('Sesuai Perda retribusi');
    });

    it("keeps the seed's reviewed total time on an edit that leaves the step times alone", async () => {
      const token = await as('admin');
      const url = `${SERVICES}/bali/pengembangan-aplikasi`;
      const current = await ctx().request<ServiceDetail>('GET', url, { token });
      const standard = current.body.standard as ServiceStandard;
      expect(standard.serviceTime.text).toBe('28 s.d. 29 hari kerja');
      const renamed = await ctx().request<ServiceDetail>('PUT', url, {
        token,
        body: {
          expectedVersion: current.body.version,
          standard: { ...standard, name: `${standard.name} (revisi)` },
        },
      });
      expect(renamed.status).withContext(renamed.text).toBe(200);
      expect(renamed.body.standard.serviceTime.text).toBe('28 s.d. 29 hari kerja');
      // One "7 Hari" becomes "6 Hari": 27 x 7.5 jam + 1-2 jam + 1 jam = 204,5 s.d. 205,5 jam.
      const first7 = standard.steps.findIndex((s) => s.time === '7 Hari');
      const shorter = await ctx().request<ServiceDetail>('PUT', url, {
        token,
        body: {
          expectedVersion: renamed.body.version,
          standard: {
            ...standard,
            steps: standard.steps.map((s, i) => (i === first7 ? { ...s, time: '6 Hari' } : s)),
          },
        },
      });
      expect(shorter.status).withContext(shorter.text).toBe(200);
      expect(shorter.body.standard.serviceTime.text).toBe('204,5 s.d. 205,5 jam');
      expect(shorter.body.standard.derived).toContain('serviceTime');
    });

    it('retires and reactivates, and records every change in the audit log', async () => {
      const token = await as('kadis.bali');
      const url = `${SERVICES}/bali/permohonan-subdomain`;
      const retired = await ctx().request<ServiceDetail>('POST', `${url}/retire`, { token });
      expect(retired.status).toBe(200);
      expect(retired.body.status).toBe('retired');
      const active = await ctx().request<ServiceSummary[]>(
        'GET',
        `${SERVICES}?office=bali&status=active`,
        { token },
      );
      expect(active.body.map((s) => s.code)).not.toContain('permohonan-subdomain');
      const back = await ctx().request<ServiceDetail>('POST', `${url}/reactivate`, { token });
      expect(back.body.status).toBe('active');

      const entries = await ctx()
        .app.get(AuditService)
        .forEntity('catalog_service', 'bali/permohonan-subdomain');
      expect(entries.map((e) => e.action)).toEqual([
        'catalog.service.reactivated',
        'catalog.service.retired',
        'catalog.service.updated',
        'catalog.service.created',
      ]);
      const update = entries[2];
      expect(JSON.parse(update.before!).standard.name).toBe('Permohonan Subdomain');
      expect(JSON.parse(update.after!).standard.name).toBe('Permohonan Subdomain Baru');
      expect(update.actorId).toBeTruthy();
    });
  });

  describe('bad bodies', () => {
    async function post(body: unknown) {
      return ctx().request<Problem>('POST', SERVICES, { token: await as('admin'), body });
    }
    const paths = (res: { body: Problem }) => (res.body.errors ?? []).map((e) => e.path);

    it('lists missing fields', async () => {
      const body: Record<string, unknown> = { ...sample() };
      delete body['name'];
      delete body['steps'];
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.code).toBe('validation.failed');
      expect(paths(res)).toContain('name');
      expect(paths(res)).toContain('steps');
    });

    it('refuses unknown fields, also nested ones', async () => {
      const standard = sample();
      const res = await post({
        ...standard,
        warna: 'merah',
        steps: [{ ...standard.steps[0], prioritas: 1 }],
      });
      expect(res.status).toBe(400);
      expect(paths(res)).toEqual(jasmine.arrayContaining(['warna', 'steps[0].prioritas']));
    });

    it('refuses a time the duration grammar cannot read', async () => {
      const standard = sample({ code: 'waktu-aneh' });
      standard.steps[1].time = 'kapan-kapan';
      const res = await post(standard);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('catalog.invalid_standard');
      expect(paths(res)).toEqual(['steps[1].time']);
      expect(res.body.errors![0].message).toContain('kapan-kapan');
    });

    it('refuses an executor that is not a position of the office', async () => {
      const standard = sample({ code: 'jabatan-aneh' });
      standard.steps[0].executors = ['helpdesk', 'kabid-aptika'];
      const res = await post(standard);
      expect(res.status).toBe(400);
      expect(paths(res)).toEqual(['steps[0].executors[1]']);
    });

    it('refuses an unknown office and a wrong kind', async () => {
      const res = await post(sample({ office: 'atlantis' }));
      expect(res.status).toBe(400);
      expect(paths(res)).toEqual(['office']);
      const kind = await post({ ...sample(), kind: 'brosur' });
      expect(paths(kind)).toEqual(['kind']);
    });
  });

  describe('access', () => {
    it('lets users of an office read only their own catalog', async () => {
      const token = await as('helpdesk.bali');
      expect(
        (await ctx().request('GET', `${SERVICES}/riau/konsultasi-tata-kelola-spbe`, { token }))
          .status,
      ).toBe(403);
      expect((await ctx().request('GET', `${SERVICES}?office=riau`, { token })).status).toBe(403);
      const own = await ctx().request<ServiceSummary[]>('GET', SERVICES, { token });
      expect(new Set(own.body.map((s) => s.office))).toEqual(new Set(['bali']));
    });

    it("does not let an agent modify another office's catalog", async () => {
      const token = await as('helpdesk.bali');
      const create = await ctx().request<Problem>('POST', SERVICES, {
        token,
        body: sample({ office: 'riau', code: 'layanan-riau' }),
      });
      expect(create.status).toBe(403);
      expect(create.body.code).toBe('catalog.forbidden');
      const retire = await ctx().request(
        'POST',
        `${SERVICES}/riau/konsultasi-tata-kelola-spbe/retire`,
        { token },
      );
      expect(retire.status).toBe(403);
    });

    it('does not let a manager modify another office, nor an executor any catalog', async () => {
      const manager = await as('kadis.bali');
      const put = await ctx().request('PUT', `${SERVICES}/riau/konsultasi-tata-kelola-spbe`, {
        token: manager,
        body: {
          expectedVersion: 1,
          standard: sample({ office: 'riau', code: 'konsultasi-tata-kelola-spbe' }),
        },
      });
      expect(put.status).toBe(403);
      const executor = await as('tim-spbe.bali');
      const create = await ctx().request('POST', SERVICES, {
        token: executor,
        body: sample({ code: 'oleh-pelaksana' }),
      });
      expect(create.status).toBe(403);
      const retire = await ctx().request('POST', `${SERVICES}/bali/pengembangan-aplikasi/retire`, {
        token: executor,
      });
      expect(retire.status).toBe(403);
    });
  });
});
