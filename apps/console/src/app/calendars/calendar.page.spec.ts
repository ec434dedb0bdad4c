import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CalendarClosure, CurrentUser, OfficeCalendarView } from '@sigap/contracts';
import { ADMIN, AGENT, OFFICES } from '../../testing/fixtures';
import { consoleTestProviders, resetStorage, textOf } from '../../testing/providers';
import { CalendarPage } from './calendar.page';

const CAL = '/api/v1/calendars/bali';

const closure = (overrides: Partial<CalendarClosure>): CalendarClosure => ({
  id: 'c-1',
  layer: 'national',
  scope: null,
  date: '2026-03-19',
  name: 'Hari Suci Nyepi (Tahun Baru Saka 1948)',
  type: 'libur-nasional',
  source: 'SKB 3 Menteri',
  from: null,
  to: null,
  prefilled: false,
  confirmed: true,
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

const VIEW: OfficeCalendarView = {
  office: 'bali',
  officeName: 'Diskominfos Provinsi Bali',
  region: 'ID-BA',
  timeZone: 'Asia/Makassar',
  zoneAbbreviation: 'WITA',
  version: 'aaaabbbbccccdddd',
  week: {
    mon: [
      { start: '07:30', end: '12:00' },
      { start: '13:00', end: '16:00' },
    ],
    fri: [
      { start: '07:30', end: '11:30' },
      { start: '13:00', end: '16:30' },
    ],
  },
  variants: [],
  year: 2026,
  closures: [
    closure({}),
    closure({
      id: 'c-2',
      layer: 'province',
      scope: 'ID-BA',
      date: '2026-04-07',
      name: 'Hari Raya Galungan',
      type: 'libur-daerah',
      source: 'Keputusan Gubernur',
    }),
    closure({
      id: 'c-3',
      layer: 'office',
      scope: 'bali',
      date: '2026-07-13',
      name: 'Upacara',
      type: 'penutupan-kantor',
      from: '12:00',
      to: '16:00',
      prefilled: true,
    }),
  ],
  canEdit: true,
  canEditShared: true,
};

describe('CalendarPage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  async function open(
    user: CurrentUser = ADMIN,
    view: OfficeCalendarView = VIEW,
  ): Promise<HTMLElement> {
    resetStorage(user);
    TestBed.configureTestingModule({
      providers: consoleTestProviders([{ path: 'kalender/:office', component: CalendarPage }]),
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/kalender/bali');
    backend.expectOne('/api/v1/offices').flush(OFFICES);
    backend.expectOne(CAL).flush(view);
    await harness.fixture.whenStable();
    return harness.routeNativeElement!;
  }

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
  }

  function type(element: HTMLElement, selector: string, value: string): void {
    const input = element.querySelector<HTMLInputElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  afterEach(() => backend.verify());

  it('shows the week with its zone, and holidays with layer and type badges', async () => {
    const element = await open();
    expect(textOf(element, '[data-test=calendar-zone]')).toContain('Asia/Makassar (WITA)');
    expect(textOf(element, '[data-test=day-mon] td')).toBe('07.30–12.00, 13.00–16.00 WITA');
    expect(textOf(element, '[data-test=day-sat] td')).toBe('Libur');
    const rows = element.querySelectorAll('[data-test=closure-row]');
    expect(rows.length).toBe(3);
    expect(rows[0].textContent).toContain('Kamis');
    expect(textOf(rows[0] as HTMLElement, '[data-test=layer-badge]')).toBe('Nasional');
    expect(textOf(rows[1] as HTMLElement, '[data-test=layer-badge]')).toBe('Provinsi');
    expect(textOf(rows[1] as HTMLElement, '[data-test=type-badge]')).toBe('Libur daerah');
    expect(rows[2].textContent).toContain('12.00–16.00 WITA');
    expect(textOf(rows[2] as HTMLElement, '[data-test=prefilled-badge]')).toBe('perlu diperiksa');
  });

  it('loads another year from the year selector', async () => {
    const element = await open();
    element.querySelector<HTMLElement>('[data-test=year-select]')!.click();
    await settle();
    const option = Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find(
      (o) => o.textContent!.trim() === '2027',
    )!;
    option.click();
    await settle();
    backend.expectOne(`${CAL}?year=2027`).flush({ ...VIEW, year: 2027, closures: [] });
    await settle();
    expect(textOf(element, '[data-test=no-closures]')).toContain('Belum ada hari libur');
  });

  it('adds a holiday and shows the server validation errors beside the fields', async () => {
    const element = await open();
    element.querySelector<HTMLElement>('[data-test=add-closure]')!.click();
    await settle();
    type(element, '[data-test=closure-date]', '2026-09-01');
    type(element, '[data-test=closure-name]', 'Libur uji');
    type(element, '[data-test=closure-from]', '14:00');
    type(element, '[data-test=closure-to]', '10:00');
    element.querySelector<HTMLElement>('[data-test=save-closure]')!.click();
    await settle();
    const first = backend.expectOne(`${CAL}/closures?year=2026`);
    expect(first.request.method).toBe('POST');
    expect(first.request.body).toEqual({
      date: '2026-09-01',
      name: 'Libur uji',
      type: 'penutupan-kantor',
      source: '',
      from: '14:00',
      to: '10:00',
    });
    first.flush(
      {
        type: 'urn:sigap:problem:calendar.invalid',
        title: 'Permintaan tidak valid',
        status: 400,
        code: 'calendar.invalid',
        errors: [
          { path: 'source', message: 'sumber (nomor keputusan atau catatan) wajib diisi' },
          { path: 'to', message: 'jam "from" (14:00) harus sebelum "to" (10:00)' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(textOf(element, '[data-test=closure-error-source]')).toContain('wajib diisi');
    expect(textOf(element, '[data-test=closure-error-to]')).toContain('harus sebelum');

    type(element, '[data-test=closure-source]', 'Nota dinas');
    type(element, '[data-test=closure-to]', '16:00');
    element.querySelector<HTMLElement>('[data-test=save-closure]')!.click();
    await settle();
    backend.expectOne(`${CAL}/closures?year=2026`).flush(closure({ id: 'c-9', layer: 'office' }));
    await settle();
    backend.expectOne(CAL).flush(VIEW);
    await settle();
    expect(element.querySelector('[data-test=closure-form]')).toBeNull();
  });

  it('edits the week and sends it with the version it started from', async () => {
    const element = await open();
    element.querySelector<HTMLElement>('[data-test=edit-schedule]')!.click();
    await settle();
    element.querySelector<HTMLElement>('[data-test=add-interval-sat]')!.click();
    await settle();
    type(element, '[data-test=start-sat-0]', '08:00');
    type(element, '[data-test=end-sat-0]', '12:00');
    element.querySelector<HTMLElement>('[data-test=save-schedule]')!.click();
    await settle();
    const put = backend.expectOne(`${CAL}/schedule`);
    expect(put.request.method).toBe('PUT');
    expect(put.request.body.expectedVersion).toBe('aaaabbbbccccdddd');
    expect(put.request.body.week.sat).toEqual([{ start: '08:00', end: '12:00' }]);
    expect(put.request.body.week.sun).toBeUndefined();
    put.flush(
      {
        type: 'urn:sigap:problem:calendar.invalid',
        title: 'Permintaan tidak valid',
        status: 400,
        code: 'calendar.invalid',
        errors: [{ path: 'week.sat[0].end', message: 'jam tidak valid' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(textOf(element, '[data-test=schedule-error]')).toBe('jam tidak valid');
  });

  it('an admin confirms a proposed dated schedule; a manager cannot put it in force', async () => {
    const ramadan = {
      name: 'Ramadan 1447 H',
      from: '2026-02-19',
      to: '2026-03-20',
      week: { mon: [{ start: '08:00', end: '15:00' }] },
      confirmed: false,
      source: 'Surat Edaran Menteri PANRB (nomor surat edaran menunggu konfirmasi)',
    };
    const element = await open(ADMIN, { ...VIEW, variants: [ramadan] });
    expect(textOf(element, '[data-test=variant-source]')).toContain(
      'Sumber: Surat Edaran Menteri PANRB (nomor surat edaran menunggu konfirmasi)',
    );
    const toggle = element.querySelector<HTMLElement>('[data-test=variant-toggle-confirmed]')!;
    expect(toggle.textContent).toContain('Konfirmasi');
    toggle.click();
    await settle();
    const post = backend.expectOne(`${CAL}/variants/2026-02-19/confirm`);
    expect(post.request.method).toBe('POST');
    post.flush({ ...VIEW, variants: [{ ...ramadan, confirmed: true }] });
    await settle();
    backend.expectOne(CAL).flush({ ...VIEW, variants: [{ ...ramadan, confirmed: true }] });
    await settle();
    expect(element.querySelector('[data-test=variant-proposed]')).toBeNull();
    expect(textOf(element, '[data-test=variant-toggle-confirmed]')).toContain(
      'Batalkan konfirmasi',
    );
    // Saving the schedule keeps the source.
    element.querySelector<HTMLElement>('[data-test=edit-schedule]')!.click();
    await settle();
    element.querySelector<HTMLElement>('[data-test=save-schedule]')!.click();
    await settle();
    const put = backend.expectOne(`${CAL}/schedule`);
    expect(put.request.body.variants[0].source).toBe(ramadan.source);
    put.flush({ ...VIEW, variants: put.request.body.variants });
    await settle();
  });

  it('a manager sees the proposal without the confirm button, and cannot tick it', async () => {
    const ramadan = {
      name: 'Ramadan 1447 H',
      from: '2026-02-19',
      to: '2026-03-20',
      week: { mon: [{ start: '08:00', end: '15:00' }] },
      confirmed: false,
    };
    const manager = { ...AGENT, roles: ['manager' as const], office: 'bali' };
    const element = await open(manager, {
      ...VIEW,
      variants: [ramadan],
      canEditShared: false,
    });
    expect(element.querySelector('[data-test=variant-toggle-confirmed]')).toBeNull();
    expect(textOf(element, '[data-test=variant-proposed]')).toContain('belum berlaku');
    element.querySelector<HTMLElement>('[data-test=edit-schedule]')!.click();
    await settle();
    await settle();
    const box = element.querySelector<HTMLInputElement>('[data-test=variant-confirmed]')!;
    expect(box.disabled).toBeTrue();
  });

  it('shows a proposed dated schedule, keeps it proposed on save, and confirms it when ticked', async () => {
    const ramadan = {
      name: 'Ramadan 1447 H',
      from: '2026-02-19',
      to: '2026-03-20',
      week: { mon: [{ start: '08:00', end: '15:00' }] },
      confirmed: false,
    };
    const element = await open(ADMIN, { ...VIEW, variants: [ramadan] });
    expect(textOf(element, '[data-test=variant-proposed]')).toContain('belum berlaku');
    const save = async () => {
      element.querySelector<HTMLElement>('[data-test=save-schedule]')!.click();
      await settle();
      const put = backend.expectOne(`${CAL}/schedule`);
      const body = put.request.body;
      put.flush({ ...VIEW, variants: body.variants });
      await settle();
      return body;
    };
    element.querySelector<HTMLElement>('[data-test=edit-schedule]')!.click();
    await settle();
    expect((await save()).variants[0].confirmed).toBeFalse();

    element.querySelector<HTMLElement>('[data-test=edit-schedule]')!.click();
    await settle();
    // The dated schedule's name counts against the API's limit.
    const variant = element.querySelector('[data-test=variant-editor]')!;
    expect(variant.querySelector('[data-test=field-count]')!.textContent!.trim()).toBe('14/200');
    const box = element.querySelector<HTMLInputElement>('[data-test=variant-confirmed]')!;
    expect(box.checked).toBeFalse();
    box.click();
    await settle();
    const body = await save();
    expect(body.variants[0].confirmed).toBeUndefined();
    expect(body.variants[0].name).toBe('Ramadan 1447 H');
    expect(element.querySelector('[data-test=variant-proposed]')).toBeNull();
  });

  it('reloads when the calendar changed meanwhile (409)', async () => {
    const element = await open();
    element.querySelector<HTMLElement>('[data-test=edit-schedule]')!.click();
    await settle();
    element.querySelector<HTMLElement>('[data-test=save-schedule]')!.click();
    await settle();
    backend
      .expectOne(`${CAL}/schedule`)
      .flush(
        { title: 'Konflik', status: 409, code: 'calendar.stale_version' },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    backend.expectOne(CAL).flush({ ...VIEW, version: 'eeeeffff00001111' });
    await settle();
    expect(textOf(element, '[data-test=calendar-version]')).toContain('eeeeffff00001111');
    expect(element.querySelector('[data-test=save-schedule]')).toBeNull();
  });

  it('pre-fills national holidays for admins', async () => {
    const element = await open();
    element.querySelector<HTMLElement>('[data-test=prefill]')!.click();
    await settle();
    const post = backend.expectOne('/api/v1/calendars/national/prefill?year=2026');
    expect(post.request.method).toBe('POST');
    post.flush({ year: 2026, added: [closure({ prefilled: true })], skipped: [] });
    await settle();
    backend.expectOne(CAL).flush(VIEW);
    await settle();
  });

  it('shows an unconfirmed regional day, and an admin confirms it', async () => {
    const galungan = closure({
      id: 'c-9',
      layer: 'province',
      scope: 'ID-BA',
      date: '2026-06-17',
      name: 'Hari Raya Galungan',
      type: 'libur-daerah',
      confirmed: false,
    });
    const element = await open(ADMIN, { ...VIEW, closures: [galungan] });
    const row = element.querySelector<HTMLElement>('[data-test=closure-row]')!;
    expect(textOf(row, '[data-test=unconfirmed-badge]')).toContain('belum dikonfirmasi');
    const toggle = row.querySelector<HTMLElement>('[data-test=toggle-confirmed]')!;
    expect(toggle.textContent).toContain('Konfirmasi');
    toggle.click();
    await settle();
    const post = backend.expectOne('/api/v1/calendars/closures/c-9/confirm');
    expect(post.request.method).toBe('POST');
    post.flush({ ...galungan, confirmed: true });
    await settle();
    backend.expectOne(CAL).flush({ ...VIEW, closures: [{ ...galungan, confirmed: true }] });
    await settle();
    const after = element.querySelector<HTMLElement>('[data-test=closure-row]')!;
    expect(after.querySelector('[data-test=unconfirmed-badge]')).toBeNull();
    expect(textOf(after, '[data-test=toggle-confirmed]')).toContain('Batalkan konfirmasi');
  });

  it('is read-only for a user who may not edit', async () => {
    const element = await open(AGENT, { ...VIEW, canEdit: false, canEditShared: false });
    expect(element.querySelector('[data-test=read-only]')).not.toBeNull();
    expect(element.querySelector('[data-test=edit-schedule]')).toBeNull();
    expect(element.querySelector('[data-test=add-closure]')).toBeNull();
    expect(element.querySelector('[data-test=prefill]')).toBeNull();
    expect(element.querySelector('[data-test=edit-closure]')).toBeNull();
    expect(element.querySelector('[data-test=office-select]')).toBeNull();
    expect(element.querySelector('[data-test=toggle-confirmed]')).toBeNull();
  });
});
