import type {
  CalendarClosure,
  OfficeCalendarView,
  PrefillResult,
  Problem,
  SlaPreviewResponse,
} from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '@sigap/api-audit';
import { describeOnBothDatabases, TestApp } from '../testing/test-app';
import {
  CalendarClosureEntity,
  CalendarScheduleEntity,
  CalendarSeedEntity,
} from '@sigap/api-calendars';
import { CalendarSeedService, DbCalendarProvider } from '@sigap/api-calendars';

const CAL = '/api/v1/calendars';
const PREVIEW = '/api/v1/sla/preview';

const galungan = {
  date: '2026-04-07',
  name: 'Hari Raya Galungan (uji)',
  type: 'libur-daerah',
  source: 'Keputusan Gubernur Bali (uji)',
};

describeOnBothDatabases('calendars', (ctx) => {
  const as = (who: string) => ctx().token(`${who}@sigap.local`);
  const preview = async (office: string, start: string, duration: unknown) => {
    const res = await ctx().request<SlaPreviewResponse>('POST', PREVIEW, {
      token: await as('admin'),
      body: { office, start, duration },
    });
    expect(res.status).withContext(res.text).toBe(200);
    return res.body;
  };
  const view = async (office: string, year = 2026) => {
    const res = await ctx().request<OfficeCalendarView>('GET', `${CAL}/${office}?year=${year}`, {
      token: await as('admin'),
    });
    expect(res.status).withContext(res.text).toBe(200);
    return res.body;
  };

  describe('seed', () => {
    it('gives every demo office the common schedule in its own zone and the 2026 holidays', async () => {
      const bali = await view('bali');
      expect(bali.timeZone).toBe('Asia/Makassar');
      expect(bali.zoneAbbreviation).toBe('WITA');
      expect(bali.week.mon).toEqual([
        { start: '07:30', end: '12:00' },
        { start: '13:00', end: '16:00' },
      ]);
      expect(bali.week.fri).toEqual([
        { start: '07:30', end: '11:30' },
        { start: '13:00', end: '16:30' },
      ]);
      expect(bali.week.sat).toBeUndefined();
      const national = bali.closures.filter((c) => c.layer === 'national');
      expect(national.filter((c) => c.type === 'libur-nasional').length).toBe(17);
      expect(national.filter((c) => c.type === 'cuti-bersama').length).toBe(8);
      expect((await view('riau')).zoneAbbreviation).toBe('WIB');
      expect((await view('gorontalo')).timeZone).toBe('Asia/Makassar');
      expect((await view('tebingtinggi')).timeZone).toBe('Asia/Jakarta');
    });

    it('is idempotent: loading again adds nothing', async () => {
      const before = await view('riau');
      const seed = ctx().app.get(CalendarSeedService);
      const report = await seed.load();
      expect(report).toEqual({ schedulesCreated: 0, holidayFilesApplied: [], closuresAdded: 0 });
      const after = await view('riau');
      expect(after.version).toBe(before.version);
      expect(after.closures.length).toBe(before.closures.length);
    });
  });

  describe('SLA preview (hand-computed)', () => {
    it('Bali, Wed 18 Mar 2026 09.00 WITA + 1 Hari: skips Nyepi and the Idul Fitri leave', async () => {
      // 18 Mar (Wed) is cuti bersama, so the start moves to the next working instant. Closed:
      // 19 Thu Nyepi, 20 Fri cuti, 21-22 weekend (Idul Fitri), 23 Mon and 24 Tue cuti. The next
      // working instant is Wed 25 Mar 07.30; one working day later at the same clock time is
      // Thu 26 Mar 07.30, which is the opening, so the due is the previous working day's close:
      // Wed 25 Mar 16.00 WITA.
      const body = await preview('bali', '2026-03-18T09:00+08:00', '1 Hari');
      expect(body.target).toBe('2026-03-25T16:00:00+08:00');
      expect(body.limit).toBe(body.target);
      expect(body.breakdown.zoneAbbreviation).toBe('WITA');
      expect(body.breakdown.timeZone).toBe('Asia/Makassar');
      expect(body.breakdown.workingDays).toBe(1);
      expect(body.breakdown.closuresSkipped.map((c) => c.date)).toEqual([
        '2026-03-18',
        '2026-03-19',
        '2026-03-20',
        '2026-03-23',
        '2026-03-24',
      ]);
      expect(body.breakdown.closuresSkipped[1].name).toContain('Nyepi');
      expect(body.breakdown.calendarVersion).toMatch(/^[0-9a-f]{16}$/);
    });

    it('Riau, Tue 17 Mar 14.00 WIB + 1 hari = Wed 25 Mar 14.00 WIB', async () => {
      // Tue 17 Mar is a working day; the next five weekdays (18, 19, 20, 23, 24) are closed,
      // so one working day later at the same clock time is Wed 25 Mar 14.00 (inside 13.00-16.00).
      // Tue 17 Mar is in Ramadan (closes 15.00), Wed 25 Mar is not: the working time between is
      // Tue 14.00-15.00 (60) + Wed 07.30-12.00 (270) + 13.00-14.00 (60) = 390 minutes.
      const body = await preview('riau', '2026-03-17T14:00:00+07:00', '1 hari');
      expect(body.target).toBe('2026-03-25T14:00:00+07:00');
      expect(body.breakdown.workingMinutes).toBe(390);
    });

    it('a range gives a target and a later limit; the start may be local to the office', async () => {
      // Mon 12 Jan 2026 10.00 WITA + 1 bulan = Thu 12 Feb 10.00 (working time, stays);
      // + 2 bulan = Thu 12 Mar 10.00 (working time, stays).
      const body = await preview('gorontalo', '2026-01-12T10:00', '1 s.d 2 bulan');
      expect(body.target).toBe('2026-02-12T10:00:00+08:00');
      expect(body.limit).toBe('2026-03-12T10:00:00+08:00');
      expect(body.breakdown.start).toBe('2026-01-12T10:00:00+08:00');
    });

    it("takes the grammar's object form", async () => {
      // Fri 6 Mar 11.00 WIB + 1 working hour, in Ramadan (Friday 08.00-11.30 + 12.30-15.30):
      // 11.00-11.30, break to 12.30, 12.30-13.00.
      const body = await preview('riau', '2026-03-06T04:00:00Z', {
        min: 1,
        max: 1,
        unit: 'hour',
        basis: 'working',
        startsWhen: null,
      });
      expect(body.target).toBe('2026-03-06T13:00:00+07:00');
    });

    it('answers 400 with the reason for a bad office, instant or duration', async () => {
      const token = await as('admin');
      const cases: [unknown, string, string | RegExp][] = [
        [
          { office: 'atlantis', start: '2026-03-18T09:00+08:00', duration: '1 hari' },
          'office',
          /atlantis/,
        ],
        [{ office: 'bali', start: 'kemarin sore', duration: '1 hari' }, 'start', /ISO 8601/],
        [
          { office: 'bali', start: '2026-02-30T09:00+08:00', duration: '1 hari' },
          'start',
          /tidak ada/,
        ],
        [
          { office: 'bali', start: '2026-03-18T09:00+08:00', duration: 'secepatnya' },
          'duration',
          /.+/,
        ],
        [
          {
            office: 'bali',
            start: '2026-03-18T09:00+08:00',
            duration: { min: 1.5, max: 2, unit: 'day', basis: 'working' },
          },
          'duration',
          /bilangan bulat/,
        ],
        [{ office: 'bali', start: '2026-03-18T09:00+08:00' }, 'duration', /wajib/],
      ];
      for (const [body, path, message] of cases) {
        const res = await ctx().request<Problem>('POST', PREVIEW, { token, body });
        expect(res.status).withContext(JSON.stringify(body)).toBe(400);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        const error = res.body.errors?.find((e) => e.path === path);
        expect(error).withContext(res.text).toBeDefined();
        expect(error!.message).toMatch(message);
      }
    });
  });

  describe('layering', () => {
    it('a Bali regional closure affects Bali only; a national one every office', async () => {
      // Mon 6 Apr 09.00 + 1 hari = Tue 7 Apr 09.00, unless Tue 7 Apr is closed (then Wed 8 Apr).
      const admin = await as('admin');
      const created = await ctx().request<CalendarClosure>(
        'POST',
        `${CAL}/province/ID-BA/closures?year=2026`,
        { token: admin, body: galungan },
      );
      expect(created.status).withContext(created.text).toBe(201);
      expect(created.body.layer).toBe('province');
      expect(created.body.scope).toBe('ID-BA');
      expect((await preview('bali', '2026-04-06T09:00+08:00', '1 hari')).target).toBe(
        '2026-04-08T09:00:00+08:00',
      );
      expect((await preview('gorontalo', '2026-04-06T09:00+08:00', '1 hari')).target).toBe(
        '2026-04-07T09:00:00+08:00',
      );
      expect((await preview('riau', '2026-04-06T09:00+07:00', '1 hari')).target).toBe(
        '2026-04-07T09:00:00+07:00',
      );
      const bali = await view('bali');
      expect(bali.closures.find((c) => c.date === '2026-04-07')?.layer).toBe('province');
      expect((await view('riau')).closures.find((c) => c.date === '2026-04-07')).toBeUndefined();

      const national = await ctx().request<CalendarClosure>(
        'POST',
        `${CAL}/national/closures?year=2026`,
        {
          token: admin,
          body: { date: '2026-04-14', name: 'Libur uji', type: 'libur-nasional', source: 'uji' },
        },
      );
      expect(national.status).toBe(201);
      for (const [office, offset] of [
        ['bali', '+08:00'],
        ['riau', '+07:00'],
        ['gorontalo', '+08:00'],
        ['tebingtinggi', '+07:00'],
      ]) {
        expect((await preview(office, `2026-04-13T09:00${offset}`, '1 hari')).target)
          .withContext(office)
          .toBe(`2026-04-15T09:00:00${offset}`);
      }
      expect(
        (await ctx().request('DELETE', `${CAL}/closures/${national.body.id}`, { token: admin }))
          .status,
      ).toBe(204);
    });
  });

  describe('edits', () => {
    it('a holiday added through the API changes the next preview and the version', async () => {
      // Mon 6 Jul 10.00 WIB + 1 hari = Tue 7 Jul 10.00; with Tue 7 Jul closed, Wed 8 Jul 10.00.
      const manager = await as('kadis.riau');
      const before = await preview('riau', '2026-07-06T10:00+07:00', '1 hari');
      expect(before.target).toBe('2026-07-07T10:00:00+07:00');
      const created = await ctx().request<CalendarClosure>(
        'POST',
        `${CAL}/riau/closures?year=2026`,
        {
          token: manager,
          body: {
            date: '2026-07-07',
            name: 'Penutupan kantor (pindahan gedung)',
            type: 'penutupan-kantor',
            source: 'Nota dinas Kadis',
          },
        },
      );
      expect(created.status).withContext(created.text).toBe(201);
      const after = await preview('riau', '2026-07-06T10:00+07:00', '1 hari');
      expect(after.target).toBe('2026-07-08T10:00:00+07:00');
      expect(after.breakdown.calendarVersion).not.toBe(before.breakdown.calendarVersion);
      expect(after.breakdown.closuresSkipped.map((c) => c.name)).toEqual([
        'Penutupan kantor (pindahan gedung)',
      ]);
      // Other offices' versions do not change with an office closure.
      const audit = await ctx()
        .app.get(AuditService)
        .forEntity('calendar_closure', created.body.id);
      expect(audit.map((a) => a.action)).toEqual(['calendar.closure.created']);

      // Moving it with PATCH moves the due; deleting it restores the first answer.
      const moved = await ctx().request<CalendarClosure>(
        'PATCH',
        `${CAL}/closures/${created.body.id}`,
        { token: manager, body: { date: '2026-07-08' } },
      );
      expect(moved.status).withContext(moved.text).toBe(200);
      expect((await preview('riau', '2026-07-06T10:00+07:00', '1 hari')).target).toBe(
        '2026-07-07T10:00:00+07:00',
      );
      expect((await preview('riau', '2026-07-07T10:00+07:00', '1 hari')).target).toBe(
        '2026-07-09T10:00:00+07:00',
      );
      const removed = await ctx().request('DELETE', `${CAL}/closures/${created.body.id}`, {
        token: manager,
      });
      expect(removed.status).toBe(204);
      const restored = await preview('riau', '2026-07-06T10:00+07:00', '1 hari');
      expect(restored.target).toBe(before.target);
      expect(restored.breakdown.calendarVersion).toBe(before.breakdown.calendarVersion);
      const trail = await ctx()
        .app.get(AuditService)
        .forEntity('calendar_closure', created.body.id);
      expect(trail.map((a) => a.action)).toEqual([
        'calendar.closure.deleted',
        'calendar.closure.updated',
        'calendar.closure.created',
      ]);
    });

    it('a part-day closure closes only its hours', async () => {
      // Mon 13 Jul 08.00 WIB + 5 jam: 08.00-12.00 (4 h) then 13.00-14.00 = 14.00. Closed 12.00-16.00:
      // 4 h by 12.00, the rest of Monday is closed, Tue 14 Jul 07.30 + 1 h = 08.30.
      expect((await preview('riau', '2026-07-13T08:00+07:00', '5 jam')).target).toBe(
        '2026-07-13T14:00:00+07:00',
      );
      const res = await ctx().request<CalendarClosure>('POST', `${CAL}/riau/closures`, {
        token: await as('admin'),
        body: {
          date: '2026-07-13',
          name: 'Upacara HUT Provinsi',
          type: 'penutupan-kantor',
          source: 'Surat Edaran Sekda',
          from: '12.00',
          to: '16:00',
        },
      });
      expect(res.status).withContext(res.text).toBe(201);
      expect([res.body.from, res.body.to]).toEqual(['12:00', '16:00']);
      expect((await preview('riau', '2026-07-13T08:00+07:00', '5 jam')).target).toBe(
        '2026-07-14T08:30:00+07:00',
      );
    });

    it('refuses bad closures with field paths', async () => {
      const token = await as('admin');
      const base = { date: '2026-09-01', name: 'Uji', type: 'penutupan-kantor', source: 'uji' };
      const cases: [string, Record<string, unknown>, string][] = [
        [`${CAL}/riau/closures?year=2026`, { ...base, from: '14:00', to: '10:00' }, 'to'],
        [`${CAL}/riau/closures?year=2026`, { ...base, from: '25:00', to: '26:00' }, 'from'],
        [`${CAL}/riau/closures?year=2026`, { ...base, date: '2027-01-05' }, 'date'],
        [`${CAL}/riau/closures?year=2026`, { ...base, date: '2026-02-30' }, 'date'],
        [`${CAL}/riau/closures`, { ...base, type: 'libur-pribadi' }, 'type'],
        [`${CAL}/riau/closures`, { ...base, source: '  ' }, 'source'],
        [`${CAL}/riau/closures`, { ...base, extra: 1 }, 'extra'],
      ];
      for (const [url, body, path] of cases) {
        const res = await ctx().request<Problem>('POST', url, { token, body });
        expect(res.status)
          .withContext(`${JSON.stringify(body)} ${res.text}`)
          .toBe(400);
        expect(res.body.errors?.map((e) => e.path))
          .withContext(res.text)
          .toContain(path);
      }
    });

    it('refuses a closure overlapping another of the same layer, but not of another layer', async () => {
      const token = await as('admin');
      const body = { date: '2026-09-02', name: 'Uji A', type: 'penutupan-kantor', source: 'uji' };
      expect((await ctx().request('POST', `${CAL}/bali/closures`, { token, body })).status).toBe(
        201,
      );
      const again = await ctx().request<Problem>('POST', `${CAL}/bali/closures`, {
        token,
        body: { ...body, name: 'Uji B', from: '10:00', to: '11:00' },
      });
      expect(again.status).toBe(400);
      expect(again.body.code).toBe('calendar.closure_overlap');
      expect(again.body.errors?.[0].path).toBe('from');
      const otherLayer = await ctx().request('POST', `${CAL}/province/ID-BA/closures`, {
        token,
        body: { ...body, type: 'libur-daerah' },
      });
      expect(otherLayer.status).toBe(201);
    });

    it('updates the schedule with a version check and validation errors with paths', async () => {
      const token = await as('kadis.gorontalo');
      const current = await ctx().request<OfficeCalendarView>('GET', `${CAL}/gorontalo`, { token });
      expect(current.body.canEdit).toBeTrue();
      expect(current.body.canEditShared).toBeFalse();
      const bad = await ctx().request<Problem>('PUT', `${CAL}/gorontalo/schedule`, {
        token,
        body: {
          expectedVersion: current.body.version,
          timeZone: 'Asia/Gorontalo_Tengah',
          week: {
            mon: [
              { start: '07:30', end: '12:00' },
              { start: '11:00', end: '16:00' },
            ],
            tue: [{ start: '16:00', end: '08:00' }],
          },
          variants: [{ name: 'Ramadan', from: '2026-03-19', to: '2026-02-19', week: {} }],
        },
      });
      expect(bad.status).toBe(400);
      const paths = bad.body.errors!.map((e) => e.path);
      expect(paths).toContain('timeZone');
      expect(paths.some((p) => p.startsWith('week.mon')))
        .withContext(paths.join())
        .toBeTrue();
      expect(paths.some((p) => p.startsWith('week.tue')))
        .withContext(paths.join())
        .toBeTrue();
      expect(paths.some((p) => p.startsWith('variants[0]')))
        .withContext(paths.join())
        .toBeTrue();

      // Ramadan 2026: Mon-Thu 08.00-15.00, Fri 08.00-15.30 (no break).
      const ramadan = {
        name: 'Ramadan 1447 H',
        from: '2026-02-19',
        to: '2026-03-19',
        week: {
          mon: [{ start: '08:00', end: '15:00' }],
          tue: [{ start: '08:00', end: '15:00' }],
          wed: [{ start: '08:00', end: '15:00' }],
          thu: [{ start: '08:00', end: '15:00' }],
          fri: [{ start: '08:00', end: '15:30' }],
        },
      };
      const ok = await ctx().request<OfficeCalendarView>('PUT', `${CAL}/gorontalo/schedule`, {
        token,
        body: {
          expectedVersion: current.body.version,
          week: current.body.week,
          variants: [ramadan],
        },
      });
      expect(ok.status).withContext(ok.text).toBe(200);
      expect(ok.body.version).not.toBe(current.body.version);
      expect(ok.body.variants[0].name).toBe('Ramadan 1447 H');
      // Mon 2 Mar 2026 14.00 WITA + 2 jam in Ramadan: 14.00-15.00, then Tue 08.00-09.00.
      expect((await preview('gorontalo', '2026-03-02T14:00+08:00', '2 jam')).target).toBe(
        '2026-03-03T09:00:00+08:00',
      );

      const stale = await ctx().request<Problem>('PUT', `${CAL}/gorontalo/schedule`, {
        token,
        body: { expectedVersion: current.body.version, week: current.body.week, variants: [] },
      });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('calendar.stale_version');
      const audit = await ctx().app.get(AuditService).forEntity('calendar', 'gorontalo');
      expect(audit[0].action).toBe('calendar.schedule.updated');
    });
  });

  describe('access', () => {
    const closure = { date: '2026-10-05', name: 'Uji', type: 'penutupan-kantor', source: 'uji' };

    it("an agent of riau cannot read or edit bali's calendar, nor edit riau's", async () => {
      const token = await as('helpdesk.riau');
      expect((await ctx().request('GET', `${CAL}/bali`, { token })).status).toBe(403);
      expect((await ctx().request('GET', `${CAL}/riau`, { token })).status).toBe(200);
      expect(
        (await ctx().request('POST', `${CAL}/bali/closures`, { token, body: closure })).status,
      ).toBe(403);
      expect(
        (await ctx().request('POST', `${CAL}/riau/closures`, { token, body: closure })).status,
      ).toBe(403);
    });

    it('a manager edits only the own office, never the national or province layers', async () => {
      const token = await as('kadis.riau');
      expect(
        (await ctx().request('POST', `${CAL}/bali/closures`, { token, body: closure })).status,
      ).toBe(403);
      expect(
        (await ctx().request('POST', `${CAL}/national/closures`, { token, body: closure })).status,
      ).toBe(403);
      expect(
        (await ctx().request('POST', `${CAL}/province/ID-RI/closures`, { token, body: closure }))
          .status,
      ).toBe(403);
      expect(
        (await ctx().request('POST', `${CAL}/national/prefill?year=2027`, { token })).status,
      ).toBe(403);
      const nationalId = (await view('riau')).closures.find((c) => c.layer === 'national')!.id;
      expect(
        (
          await ctx().request('PATCH', `${CAL}/closures/${nationalId}`, {
            token,
            body: { name: 'Bukan hak kadis' },
          })
        ).status,
      ).toBe(403);
      expect(
        (await ctx().request('DELETE', `${CAL}/closures/${nationalId}`, { token })).status,
      ).toBe(403);
    });

    it('an executor cannot edit any calendar', async () => {
      const token = await as('pranata-komputer.riau');
      const current = await ctx().request<OfficeCalendarView>('GET', `${CAL}/riau`, { token });
      expect(current.status).toBe(200);
      expect(current.body.canEdit).toBeFalse();
      expect(
        (await ctx().request('POST', `${CAL}/riau/closures`, { token, body: closure })).status,
      ).toBe(403);
      expect(
        (
          await ctx().request('PUT', `${CAL}/riau/schedule`, {
            token,
            body: { expectedVersion: current.body.version, week: current.body.week },
          })
        ).status,
      ).toBe(403);
    });
  });

  describe('pre-fill', () => {
    it('adds 2027 from date-holidays, marked to be checked, never over an existing date', async () => {
      const token = await as('admin');
      const own = await ctx().request<CalendarClosure>(
        'POST',
        `${CAL}/national/closures?year=2027`,
        {
          token,
          body: {
            date: '2027-01-01',
            name: 'Tahun Baru 2027 Masehi',
            type: 'libur-nasional',
            source: 'SKB 2027',
          },
        },
      );
      expect(own.status).toBe(201);
      const first = await ctx().request<PrefillResult>(
        'POST',
        `${CAL}/national/prefill?year=2027`,
        {
          token,
        },
      );
      expect(first.status).withContext(first.text).toBe(200);
      expect(first.body.added.length).toBeGreaterThan(5);
      expect(first.body.added.every((c) => c.prefilled && c.layer === 'national')).toBeTrue();
      expect(first.body.skipped.map((s) => s.date)).toEqual(['2027-01-01']);
      const second = await ctx().request<PrefillResult>(
        'POST',
        `${CAL}/national/prefill?year=2027`,
        {
          token,
        },
      );
      expect(second.body.added).toEqual([]);
      expect(second.body.skipped.length).toBe(first.body.added.length + 1);
      const list = await ctx().request<CalendarClosure[]>(
        'GET',
        `${CAL}/national/closures?year=2027`,
        {
          token,
        },
      );
      expect(list.body.find((c) => c.date === '2027-01-01')!.name).toBe('Tahun Baru 2027 Masehi');
      const missingYear = await ctx().request<Problem>('POST', `${CAL}/national/prefill`, {
        token,
      });
      expect(missingYear.status).toBe(400);
      expect(missingYear.body.errors?.[0].path).toBe('year');
    });
  });

  describe('regional days, Ramadan and Saturday service', () => {
    // The seeded ones (other tests add confirmed province closures of their own).
    const baliDays = async () =>
      (await view('bali')).closures.filter(
        (c) =>
          c.layer === 'province' && c.scope === 'ID-BA' && c.source.startsWith('Kalender Bali'),
      );

    it('seeds the Bali 2026 days unconfirmed; only an admin confirms one, and due dates follow', async () => {
      const seeded = await baliDays();
      const galungan = seeded.find((c) => c.name === 'Hari Raya Galungan')!;
      expect(galungan.date).toBe('2026-06-17');
      expect(seeded.length).toBeGreaterThanOrEqual(10);
      expect(seeded.every((c) => !c.confirmed)).toBeTrue();
      expect((await view('riau')).closures.some((c) => c.layer === 'province')).toBeFalse();

      // Mon 15 Jun 2026 10.00 WITA + 2 hari; Tue 16 Jun is 1 Muharam (national).
      // Galungan unconfirmed: Wed 17 = day 1, Thu 18 = day 2 -> Thu 18 Jun 10.00.
      // Galungan confirmed: Wed 17 closed, Thu 18 = day 1, Fri 19 = day 2 -> Fri 19 Jun 10.00.
      const due = async () => (await preview('bali', '2026-06-15T10:00+08:00', '2 hari')).target;
      expect(await due()).toBe('2026-06-18T10:00:00+08:00');
      const before = (await view('bali')).version;

      const kadis = await as('kadis.bali');
      const refused = await ctx().request<Problem>(
        'POST',
        `${CAL}/closures/${galungan.id}/confirm`,
        { token: kadis },
      );
      expect(refused.status).toBe(403);
      const missing = await ctx().request<Problem>('POST', `${CAL}/closures/nope/confirm`, {
        token: await as('admin'),
      });
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('calendar.closure_not_found');

      const admin = await as('admin');
      try {
        const confirmed = await ctx().request<CalendarClosure>(
          'POST',
          `${CAL}/closures/${galungan.id}/confirm`,
          { token: admin },
        );
        expect(confirmed.status).withContext(confirmed.text).toBe(200);
        expect(confirmed.body.confirmed).toBeTrue();
        expect(await due()).toBe('2026-06-19T10:00:00+08:00');
        expect((await view('bali')).version).not.toBe(before);
        // Gorontalo is in the same zone but another province: untouched.
        expect((await preview('gorontalo', '2026-06-15T10:00+08:00', '2 hari')).target).toBe(
          '2026-06-18T10:00:00+08:00',
        );
        // Editing the name keeps it confirmed; confirming again changes nothing.
        const renamed = await ctx().request<CalendarClosure>(
          'PATCH',
          `${CAL}/closures/${galungan.id}`,
          { token: admin, body: { source: 'Keputusan Gubernur Bali (uji)' } },
        );
        expect(renamed.body.confirmed).toBeTrue();
        const audit = await ctx().app.get(AuditService).forEntity('calendar_closure', galungan.id);
        expect(audit.map((a) => a.action)).toContain('calendar.closure.confirmed');
      } finally {
        const back = await ctx().request<CalendarClosure>(
          'POST',
          `${CAL}/closures/${galungan.id}/unconfirm`,
          { token: admin },
        );
        expect(back.status).withContext(back.text).toBe(200);
        expect(back.body.confirmed).toBeFalse();
      }
      expect(await due()).toBe('2026-06-18T10:00:00+08:00');
      expect((await view('bali')).version).toBe(before);
    });

    it("adds a seeded dated schedule once to existing schedules, never over an office's own", async () => {
      const dataSource = ctx().app.get(DataSource);
      const seed = ctx().app.get(CalendarSeedService);
      const schedules = dataSource.getRepository(CalendarScheduleEntity);
      // Revision 2 of the file, applied to a database that never had revision 1.
      const key = 'calendars/variants-2026.yaml#r2';
      const reapply = async (variants: CalendarScheduleEntity['variants']) => {
        await schedules.update({ officeCode: 'tebingtinggi' }, { variants });
        await dataSource.getRepository(CalendarSeedEntity).delete({ name: key });
        await seed.load();
        return (await view('tebingtinggi')).variants;
      };
      // The office keeps its own Ramadan dates: the seeded ones overlap them and are left out.
      const own = {
        name: 'Ramadan (kantor)',
        from: '2026-02-18',
        to: '2026-03-19',
        week: { mon: [{ start: '08:00', end: '14:00' }] },
      };
      expect(await reapply([own])).toEqual([own]);
      // A schedule without it gets it, in force, and an audit entry says where it came from.
      const added = await reapply([]);
      expect(added.map((v) => [v.name, v.from, v.to, v.confirmed])).toEqual([
        ['Ramadan 1447 H', '2026-02-19', '2026-03-20', true],
      ]);
      const audit = await ctx().app.get(AuditService).forEntity('calendar', 'tebingtinggi');
      expect(audit[0].action).toBe('calendar.schedule.variants_seeded');
      expect(audit[0].after).toContain(key);
      // Applied once: loading again changes nothing, even after an office removed it.
      await schedules.update({ officeCode: 'tebingtinggi' }, { variants: [] });
      await seed.load();
      expect((await view('tebingtinggi')).variants).toEqual([]);
      await schedules.update({ officeCode: 'tebingtinggi' }, { variants: added });
    });

    it("revision 2 puts revision 1's untouched Ramadan proposal into force, never over a decision", async () => {
      const dataSource = ctx().app.get(DataSource);
      const seed = ctx().app.get(CalendarSeedService);
      const schedules = dataSource.getRepository(CalendarScheduleEntity);
      const seeds = dataSource.getRepository(CalendarSeedEntity);
      const offices = ['bali', 'gorontalo', 'riau', 'tebingtinggi'];
      const saved = await schedules.find();
      const seeded = (await view('riau')).variants.find((v) => v.from === '2026-02-19')!;
      expect(seeded.confirmed).toBeTrue();
      // What revision 1 seeded: the same name, dates and hours, as an unconfirmed proposal.
      const proposal = {
        ...seeded,
        confirmed: false,
        source: 'Surat Edaran Menteri PANRB (nomor surat edaran menunggu konfirmasi)',
      };
      const own = { ...proposal, name: 'Ramadan (PPK kantor)', week: { mon: seeded.week.mon } };
      const setVariants = async (variants: Record<string, unknown[]>) => {
        for (const [officeCode, list] of Object.entries(variants)) {
          await schedules.update(
            { officeCode },
            { variants: list as (typeof saved)[0]['variants'] },
          );
        }
        ctx().app.get(DbCalendarProvider).invalidate();
      };
      try {
        // An installation that got revision 1 and not yet revision 2.
        await seeds.delete({ name: 'calendars/variants-2026.yaml#r2' });
        await seeds.insert({ name: 'calendars/variants-2026.yaml', appliedAt: new Date() });
        await setVariants({
          tebingtinggi: [proposal],
          bali: [proposal],
          gorontalo: [own],
          riau: [],
        });
        const admin = await as('admin');
        // Bali: an admin confirmed the proposal, then withdrew it: a decision.
        for (const path of ['confirm', 'unconfirm']) {
          const res = await ctx().request('POST', `${CAL}/bali/variants/2026-02-19/${path}`, {
            token: admin,
          });
          expect(res.status).withContext(res.text).toBe(200);
        }
        // Tebing Tinggi: the head of the office saved the schedule without touching the proposal.
        const kadis = await as('kadis.tebingtinggi');
        const current = await view('tebingtinggi');
        const put = await ctx().request('PUT', `${CAL}/tebingtinggi/schedule`, {
          token: kadis,
          body: { expectedVersion: current.version, week: current.week, variants: [proposal] },
        });
        expect(put.status).withContext(put.text).toBe(200);

        await seed.load();
        const after = Object.fromEntries(
          await Promise.all(offices.map(async (o) => [o, (await view(o)).variants] as const)),
        );
        // Untouched: in force now, citing the 2026 sources.
        expect(after['tebingtinggi']).toEqual([{ ...seeded }]);
        expect(after['tebingtinggi'][0].source).toContain('1/SE/2026');
        const audit = await ctx().app.get(AuditService).forEntity('calendar', 'tebingtinggi');
        expect(audit[0].action).toBe('calendar.schedule.variants_revised');
        expect(audit[0].actorId).toBeNull();
        // The admin's withdrawal stands; the office's own hours stay; a removed one stays removed.
        expect(after['bali']).toEqual([proposal]);
        expect(after['gorontalo']).toEqual([own]);
        expect(after['riau']).toEqual([]);
        expect(await seeds.count({ where: { name: 'calendars/variants-2026.yaml#r2' } })).toBe(1);
        // Applied once: withdrawing by hand afterwards is not undone by the next start.
        await setVariants({ tebingtinggi: [proposal] });
        await seed.load();
        expect((await view('tebingtinggi')).variants).toEqual([proposal]);
      } finally {
        for (const row of saved) {
          await schedules.update({ officeCode: row.officeCode }, { variants: row.variants });
        }
        ctx().app.get(DbCalendarProvider).invalidate();
      }
    });

    it('Riau: the seeded Ramadan 1447 H hours are in force; an admin withdraws and confirms them', async () => {
      const token = await as('kadis.riau');
      const admin = await as('admin');
      const current = await ctx().request<OfficeCalendarView>('GET', `${CAL}/riau`, { token });
      const ramadan = current.body.variants.find((v) => v.name === 'Ramadan 1447 H')!;
      expect(ramadan).toEqual(jasmine.objectContaining({ from: '2026-02-19', to: '2026-03-20' }));
      expect(ramadan.confirmed).toBeTrue();
      expect(ramadan.source).toContain('Perpres No. 21 Tahun 2023');
      expect(ramadan.source).toContain('SE Gubernur DKI Jakarta No. 1/SE/2026');
      // Mon 23 Feb 2026 10.00 WIB + 8 jam.
      // Ramadan (Mon-Thu 08.00-12.00, 12.30-15.00): Mon 10.00-12.00 + 12.30-15.00 = 4.5 h;
      // Tue 08.00 + 3.5 h = 11.30.
      // Normal week: Mon 10.00-12.00 + 13.00-16.00 = 5 h; Tue 07.30 + 3 h = 10.30.
      const due = async () => (await preview('riau', '2026-02-23T10:00+07:00', '8 jam')).target;
      expect(await due()).toBe('2026-02-24T11:30:00+07:00');
      // The head of the office may not withdraw it through the admin's door.
      const byHead = await ctx().request<Problem>(
        'POST',
        `${CAL}/riau/variants/2026-02-19/unconfirm`,
        { token },
      );
      expect(byHead.status).toBe(403);
      expect(await due()).toBe('2026-02-24T11:30:00+07:00');
      const put = (who: string, version: string, variants: unknown[]) =>
        ctx().request<Problem>('PUT', `${CAL}/riau/schedule`, {
          token: who,
          body: { expectedVersion: version, week: current.body.week, variants },
        });
      const off = await ctx().request<OfficeCalendarView>(
        'POST',
        `${CAL}/riau/variants/2026-02-19/unconfirm`,
        { token: admin },
      );
      expect(off.status).withContext(off.text).toBe(200);
      try {
        expect(await due()).toBe('2026-02-24T10:30:00+07:00');
        // Withdrawing again changes nothing.
        const again = await ctx().request<OfficeCalendarView>(
          'POST',
          `${CAL}/riau/variants/2026-02-19/unconfirm`,
          { token: admin },
        );
        expect(again.body.version).toBe(off.body.version);
        // Withdrawn, it is a proposal again: the head may not put it back into force by a PUT.
        const withdrawn = off.body.variants.find((v) => v.from === '2026-02-19')!;
        const confirmedByHead = await put(token, off.body.version, [
          { ...withdrawn, confirmed: true },
        ]);
        expect(confirmedByHead.status).toBe(403);
        const bad = await put(admin, off.body.version, [{ ...withdrawn, confirmed: 'ya' }]);
        expect(bad.status).toBe(400);
        expect(bad.body.errors?.map((e) => e.path)).toContain('variants[0].confirmed');
        const longSource = await put(admin, off.body.version, [
          { ...withdrawn, source: 'x'.repeat(501) },
        ]);
        expect(longSource.status).toBe(400);
        expect(longSource.body.errors?.map((e) => e.path)).toContain('variants[0].source');
      } finally {
        const on = await ctx().request<OfficeCalendarView>(
          'POST',
          `${CAL}/riau/variants/2026-02-19/confirm`,
          { token: admin },
        );
        expect(on.status).withContext(on.text).toBe(200);
        expect(on.body.version).toBe(current.body.version);
      }
      expect(await due()).toBe('2026-02-24T11:30:00+07:00');
    });

    it('an office serving on Saturday during a dated period counts Saturday hours', async () => {
      const token = await as('kadis.gorontalo');
      const current = await ctx().request<OfficeCalendarView>('GET', `${CAL}/gorontalo`, { token });
      // Fri 10 Jul 2026 15.00 WITA + 4 jam: Fri 15.00-16.30 = 1.5 h, 2.5 h left.
      // With Saturday service 08.00-12.00 (1 Jul - 31 Aug): Sat 11 Jul 08.00 + 2.5 h = 10.30.
      // Without: Mon 13 Jul 07.30 + 2.5 h = 10.00. Outside the period (Fri 4 Sep): Mon 7 Sep 10.00.
      const due = async (start: string) => (await preview('gorontalo', start, '4 jam')).target;
      expect(await due('2026-07-10T15:00+08:00')).toBe('2026-07-13T10:00:00+08:00');
      const saturday = {
        name: 'Layanan Sabtu',
        from: '2026-07-01',
        to: '2026-08-31',
        week: { ...current.body.week, sat: [{ start: '08:00', end: '12:00' }] },
      };
      const ok = await ctx().request<OfficeCalendarView>('PUT', `${CAL}/gorontalo/schedule`, {
        token,
        body: {
          expectedVersion: current.body.version,
          week: current.body.week,
          variants: [...current.body.variants, saturday],
        },
      });
      expect(ok.status).withContext(ok.text).toBe(200);
      try {
        expect(ok.body.variants.find((v) => v.name === 'Layanan Sabtu')?.week.sat).toEqual([
          { start: '08:00', end: '12:00' },
        ]);
        expect(await due('2026-07-10T15:00+08:00')).toBe('2026-07-11T10:30:00+08:00');
        expect(await due('2026-09-04T15:00+08:00')).toBe('2026-09-07T10:00:00+08:00');
      } finally {
        const back = await ctx().request<OfficeCalendarView>('PUT', `${CAL}/gorontalo/schedule`, {
          token,
          body: {
            expectedVersion: ok.body.version,
            week: current.body.week,
            variants: current.body.variants,
          },
        });
        expect(back.status).withContext(back.text).toBe(200);
      }
    });
  });

  describe('provider', () => {
    it('notices an edit made by another instance within the revision check interval', async () => {
      const app: TestApp = ctx();
      const provider = app.app.get(DbCalendarProvider);
      const before = await provider.forOffice('tebingtinggi');
      // Another instance writes a closure and bumps the revision; this instance's cache is not told.
      const dataSource = app.app.get(DataSource);
      await dataSource.getRepository(CalendarClosureEntity).insert({
        id: '00000000-0000-4000-8000-00000000c0de',
        layer: 'office',
        scope: 'tebingtinggi',
        date: '2026-11-03',
        year: 2026,
        name: 'Dari instans lain',
        type: 'penutupan-kantor',
        source: 'uji',
        fromTime: null,
        toTime: null,
        prefilled: false,
        createdAt: new Date(),
        updatedAt: new Date(),
      });
      await dataSource.query('UPDATE calendar_revision SET revision = revision + 1 WHERE id = 1');
      await new Promise((r) => setTimeout(r, DbCalendarProvider.REVISION_CHECK_MS + 100));
      const after = await provider.forOffice('tebingtinggi');
      expect(after.version).not.toBe(before.version);
      expect(after.version).toBe(after.calendar.version);
      // Same object while nothing changes.
      expect(await provider.forOffice('tebingtinggi')).toBe(after);
    });
  });
});
