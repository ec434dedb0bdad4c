import { HttpEventType } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import type {
  CannedResponseView,
  ClockView,
  CurrentUser,
  OfficeCalendarView,
  ServiceDetail,
  TicketDetail,
  TimelineEntryView,
} from '@sigap/contracts';
import { OFFICES, SERVICE_DETAIL } from '../../testing/fixtures';
import {
  FakeLiveEvents,
  consoleTestProviders,
  resetStorage,
  textOf,
} from '../../testing/providers';
import { BALI_CALENDAR, wita } from './calendar-fixture';
import { LIVE_DEBOUNCE_MS, TIMELINE_ORDER_KEY, WorkspacePage } from './workspace.page';

const NUMBER = 'BALI-2026-00007';
const URL = `/api/v1/tickets/${NUMBER}`;
const SERVICE_URL = '/api/v1/catalog/services/bali/pengembangan-aplikasi';

const AGENT: CurrentUser = {
  id: 'u-bali',
  email: 'helpdesk.bali@sigap.local',
  name: 'Helpdesk Bali',
  roles: ['agent'],
  office: 'bali',
  locale: 'id',
  uploadMaxBytes: 10 * 1024 * 1024,
};

const clock = (overrides: Partial<ClockView> = {}): ClockView => ({
  state: 'running',
  duration: '7 Hari',
  startedAt: '2026-03-02T00:00:00.000Z',
  stoppedAt: null,
  targetDueAt: '2026-03-10T08:00:00.000Z',
  limitDueAt: '2026-03-11T08:00:00.000Z',
  atRiskAt: null,
  elapsedMinutes: 150,
  pausedMinutes: 0,
  remainingMinutes: 450,
  calendarVersion: 'abc',
  frozen: false,
  ...overrides,
});

const DETAIL: TicketDetail = {
  number: NUMBER,
  office: 'bali',
  service: 'pengembangan-aplikasi',
  subject: 'Aplikasi perizinan',
  status: 'in-progress',
  channel: 'letter',
  opdId: null,
  assigneeId: 'u-bali',
  slaState: 'running',
  dueAt: '2026-03-11T08:00:00.000Z',
  targetDueAt: '2026-03-10T08:00:00.000Z',
  createdAt: '2026-03-02T00:00:00.000Z',
  version: 4,
  description: 'Mohon dibuatkan aplikasi.',
  serviceVersion: 1,
  requester: {
    id: 'c-1',
    office: 'bali',
    opdId: null,
    name: 'Made Wirawan',
    email: 'made@baliprov.go.id',
    phone: null,
  },
  receivedAt: '2026-03-02T00:00:00.000Z',
  resolvedAt: null,
  closedAt: null,
  checklist: [
    {
      code: 'r1',
      text: 'Surat permohonan',
      optional: false,
      options: null,
      status: 'received',
      reason: null,
      attachmentIds: [],
      updatedBy: null,
      updatedAt: null,
    },
  ],
  steps: [
    {
      order: 1,
      description: 'Menerima surat permohonan',
      position: 'Pelaksana',
      executors: ['Pelaksana'],
      time: '1 Hari',
      participants: [],
      requesterSide: false,
      parallelWithPrevious: false,
      followUp: false,
      status: 'active',
      assignee: { id: 'u-bali', name: 'Helpdesk Bali' },
      output: null,
      activatedAt: '2026-03-02T00:00:00.000Z',
      completedAt: null,
      completedBy: null,
      clock: clock({ remainingMinutes: 90, elapsedMinutes: 390, duration: '1 Hari' }),
    },
    {
      order: 2,
      description: 'Analisis kebutuhan',
      position: 'Kepala Bidang',
      executors: [],
      time: '2 Hari',
      participants: [],
      requesterSide: false,
      parallelWithPrevious: false,
      followUp: false,
      status: 'pending',
      assignee: null,
      output: null,
      activatedAt: null,
      completedAt: null,
      completedBy: null,
      clock: null,
    },
  ],
  clocks: { ticket: clock(), firstResponse: clock({ state: 'met' }) },
  firstResponseAt: '2026-03-02T01:00:00.000Z',
  allowedActions: ['assign', 'return-to-requester', 'resolve', 'cancel'],
};

const TIMELINE: TimelineEntryView[] = [
  {
    id: 1,
    kind: 'event',
    event: 'ticket.status_changed',
    author: null,
    body: null,
    data: { from: 'new', to: 'in-progress' },
    at: '2026-03-02T00:00:00.000Z',
  },
  {
    id: 2,
    kind: 'note',
    event: null,
    author: { id: 'u-bali', name: 'Helpdesk Bali' },
    body: 'Cek berkas',
    data: null,
    at: '2026-03-02T01:00:00.000Z',
  },
  {
    id: 3,
    kind: 'reply',
    event: null,
    author: { id: 'u-bali', name: 'Helpdesk Bali' },
    body: 'Terima kasih',
    data: null,
    at: '2026-03-02T02:00:00.000Z',
  },
];

const CANNED: CannedResponseView[] = [
  {
    id: 'k-1',
    office: 'bali',
    title: 'Dokumen belum lengkap',
    body: 'Yth. {{nama_pemohon}}, permohonan {{nomor}} ({{layanan}}) menunggu KAK.',
    placeholders: ['nama_pemohon', 'nomor', 'layanan'],
    updatedAt: '2026-03-01T00:00:00.000Z',
    updatedBy: null,
  },
];

/** The ticket's standard: "7 Hari" in working days, step positions by code. */
const SERVICE: ServiceDetail = {
  ...SERVICE_DETAIL,
  standard: {
    ...SERVICE_DETAIL.standard,
    code: 'pengembangan-aplikasi',
    office: 'bali',
    name: 'Pengembangan Aplikasi',
  },
  parsed: {
    serviceTime: { min: 7, max: 7, unit: 'day', basis: 'working', startsWhen: null },
    steps: [
      { order: 1, time: { min: 1, max: 1, unit: 'day', basis: 'working', startsWhen: null } },
      { order: 2, time: { min: 2, max: 2, unit: 'day', basis: 'working', startsWhen: null } },
    ],
  },
  positionNames: { 'kasi-ai': 'Kepala Seksi Aplikasi Informatika', kabid: 'Kepala Bidang' },
};

/** The same ticket as a Kasi's steps: positions by code, the active step held by the Kasi. */
const KASI_DETAIL: TicketDetail = {
  ...DETAIL,
  steps: [
    {
      ...DETAIL.steps[0],
      position: 'kasi-ai',
      assignee: { id: 'u-kasi', name: 'Kasi Aplikasi' },
    },
    { ...DETAIL.steps[1], position: 'kabid' },
  ],
};

describe('WorkspacePage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;
  let live: FakeLiveEvents;

  /** The composer asks for the office's canned responses and service names. */
  function flushComposerLists(canned: CannedResponseView[] = CANNED): void {
    backend.expectOne('/api/v1/canned-responses?office=bali').flush(canned);
    backend
      .expectOne('/api/v1/catalog/services?office=bali')
      .flush([{ code: 'pengembangan-aplikasi', name: 'Pengembangan Aplikasi' }]);
  }

  /** The ticket's service standard; null answers 503 (the page then shows codes as given). */
  function flushService(service: ServiceDetail | null): void {
    const request = backend.expectOne(`${SERVICE_URL}`);
    if (service) request.flush(service);
    else request.flush(null, { status: 503, statusText: 'Unavailable' });
  }

  async function open(
    calendar: OfficeCalendarView | null = null,
    service: ServiceDetail | null = null,
    detail: TicketDetail = DETAIL,
    timeline: TimelineEntryView[] = TIMELINE,
  ): Promise<HTMLElement> {
    resetStorage(AGENT);
    live = new FakeLiveEvents();
    TestBed.configureTestingModule({
      providers: [
        ...consoleTestProviders([{ path: 'tiket/:number', component: WorkspacePage }]),
        live.provider(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(`/tiket/${NUMBER}`);
    await settle();
    backend.expectOne('/api/v1/offices').flush(OFFICES);
    backend.expectOne(URL).flush(detail);
    backend.expectOne(`${URL}/timeline`).flush(timeline);
    await settle();
    flushComposerLists();
    flushService(service);
    const calendarRequest = backend.expectOne((r) => r.url === '/api/v1/calendars/bali');
    if (calendar) calendarRequest.flush(calendar);
    else calendarRequest.flush(null, { status: 503, statusText: 'Unavailable' });
    await settle();
    return harness.routeNativeElement!;
  }

  /** The ticket's links (their own spec): none here. */
  function flushLinks(): void {
    for (const r of backend.match((r) => r.url === `${URL}/links`))
      r.flush({ links: [], mergedInto: null, mergedFrom: [] });
  }

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
  }

  function type(element: HTMLElement, selector: string, value: string): void {
    const input = element.querySelector<HTMLInputElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  /** The length counter shown with a field: in its form field, or beside a plain input. */
  function countOf(element: HTMLElement, selector: string): string {
    const field = element.querySelector<HTMLElement>(selector)!;
    return textOf(
      field.closest<HTMLElement>('mat-form-field') ?? field.parentElement!,
      '[data-test=field-count]',
    );
  }

  afterEach(() => {
    // The presence heartbeats and the ticket's links have their own specs.
    backend.match((r) => r.url === `${URL}/presence` || r.url === `${URL}/links`);
    backend.verify();
  });

  it("names an incident's step owner from the office's positions (no service to name it)", async () => {
    resetStorage(AGENT);
    live = new FakeLiveEvents();
    TestBed.configureTestingModule({
      providers: [
        ...consoleTestProviders([{ path: 'tiket/:number', component: WorkspacePage }]),
        live.provider(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(`/tiket/${NUMBER}`);
    await settle();
    backend.expectOne('/api/v1/offices').flush(OFFICES);
    backend.expectOne(URL).flush({
      ...DETAIL,
      kind: 'incident',
      service: null,
      checklist: [],
      steps: [{ ...DETAIL.steps[0], position: 'kabid-iai' }],
    });
    backend.expectOne(`${URL}/timeline`).flush(TIMELINE);
    await settle();
    flushComposerLists();
    backend
      .expectOne((r) => r.url === '/api/v1/calendars/bali')
      .flush(null, {
        status: 503,
        statusText: 'Unavailable',
      });
    backend.expectOne('/api/v1/positions?office=bali').flush([
      {
        id: 'p-1',
        office: 'bali',
        code: 'kabid-iai',
        name: 'Kepala Bidang Infrastruktur dan Aplikasi Informatika',
        reportsToId: null,
        requesterSide: false,
        holders: [],
      },
    ]);
    await settle();
    const element = harness.routeNativeElement!;
    expect(textOf(element, '[data-test=step-position]')).toBe(
      'Kepala Bidang Infrastruktur dan Aplikasi Informatika',
    );
    // No checklist: no requirements heading either.
    expect(element.textContent).not.toContain('Persyaratan');
    // The incident panel's own reads have their spec.
    backend.match(
      (r) => r.url === '/api/v1/priority-matrix/bali' || r.url === `/api/v1/incidents/${NUMBER}`,
    );
  });

  it('shows the clocks in the office zone, the checklist, the steps and the timeline', async () => {
    const element = await open();
    expect(textOf(element, '[data-test=ticket-number]')).toContain(NUMBER);
    const ticketClock = textOf(element, '[data-test=ticket-clock]');
    expect(ticketClock).toContain('sisa 7 jam 30 menit');
    expect(ticketClock).toContain('Terpakai 25%');
    expect(ticketClock).toContain('11 Mar 2026 16.00 WITA');
    expect(textOf(element, '[data-test=step-clock]')).toContain('sisa 1 jam 30 menit');
    expect(textOf(element, '[data-test=checklist-status]')).toBe('Diterima');
    const steps = element.querySelectorAll('[data-test=step]');
    expect(steps.length).toBe(2);
    expect(steps[0].getAttribute('data-status')).toBe('active');
    expect(textOf(steps[0] as HTMLElement, '[data-test=step-assignee]')).toBe('Helpdesk Bali');
    expect(textOf(steps[1] as HTMLElement, '[data-test=step-assignee]')).toBe(
      'Belum ada pelaksana',
    );
    const kinds = Array.from(element.querySelectorAll('[data-test=timeline-entry]')).map((e) =>
      e.getAttribute('data-kind'),
    );
    expect(kinds).toEqual(['event', 'note', 'reply']);
    // System events read as sentences, not codes.
    expect(textOf(element, '[data-test=event-text]')).toBe(
      'Status berubah dari Baru menjadi Dikerjakan',
    );
    expect(element.querySelector('.entry-note')).not.toBeNull();
    expect(element.querySelector('[data-test=action-resolve]')).not.toBeNull();
    expect(element.querySelector('[data-test=action-close]')).toBeNull();
  });

  describe('live updates and presence', () => {
    const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const change = (
      ticket: string,
      version: number | null,
      kind: 'changed' | 'presence' = 'changed',
    ) => ({
      type: 'ticket' as const,
      event: { kind, ticket, office: 'bali', version, at: '2026-03-02T02:00:00.000Z' },
    });

    it('reads the ticket and its timeline again when someone else changes it', async () => {
      const element = await open();
      // Its own version, another ticket and presence change nothing.
      live.send(change(NUMBER, DETAIL.version));
      live.send(change('BALI-2026-09999', 9));
      live.send(change(NUMBER, null, 'presence'));
      await wait(LIVE_DEBOUNCE_MS + 100);
      expect(backend.match(URL).length).toBe(0);

      live.send(change(NUMBER, DETAIL.version + 1));
      live.send(change(NUMBER, DETAIL.version + 2));
      await wait(LIVE_DEBOUNCE_MS + 100);
      backend
        .expectOne(URL)
        .flush({ ...DETAIL, version: DETAIL.version + 2, subject: 'Diubah rekan' });
      backend.expectOne(`${URL}/timeline`).flush(TIMELINE);
      await settle();
      expect(textOf(element, '[data-test=ticket-number]')).toContain('Diubah rekan');
    });

    it('shows who else has the ticket open and who is typing, and says when the user types', async () => {
      const element = await open();
      const beat = backend.expectOne((r) => r.url === `${URL}/presence` && r.method === 'PUT');
      expect(beat.request.body).toEqual({ typing: false });
      beat.flush([
        { userId: 'u-2', name: 'Dewi Lestari', typing: true },
        { userId: 'u-3', name: 'Kepala Seksi Aplikasi Informatika (BALI)', typing: false },
      ]);
      await settle();
      const people = element.querySelectorAll('[data-test=presence-user]');
      expect(people.length).toBe(2);
      expect(people[0].textContent).toContain('DL');
      expect(people[0].textContent).toContain('Dewi Lestari');
      expect(people[0].textContent).toContain('sedang mengetik');
      expect(people[1].textContent).toContain('sedang melihat');
      expect(people[1].querySelector('.avatar')!.textContent!.trim()).toBe('KI');
      expect(textOf(element, '[data-test=presence-typing]')).toContain('Dewi Lestari');

      // The user starts writing: a heartbeat says so at once.
      const box = element.querySelector<HTMLTextAreaElement>('sg-reply-composer textarea')!;
      box.value = 'Sedang saya cek';
      box.dispatchEvent(new Event('input'));
      await settle();
      const typing = backend.expectOne((r) => r.url === `${URL}/presence` && r.method === 'PUT');
      expect(typing.request.body).toEqual({ typing: true });
      typing.flush([]);
      await settle();
      expect(element.querySelector('[data-test=presence]')).toBeNull();

      // Someone arrives (a live presence event): asked again at once.
      live.send(change(NUMBER, null, 'presence'));
      await settle();
      backend
        .expectOne((r) => r.url === `${URL}/presence` && r.method === 'PUT')
        .flush([{ userId: 'u-2', name: 'Dewi Lestari', typing: false }]);
      await settle();
      expect(element.querySelectorAll('[data-test=presence-user]').length).toBe(1);
    });
  });

  it('verifies a checklist item with the version it saw', async () => {
    const element = await open();
    type(element, '[data-test=reject-reason]', 'Tidak terbaca');
    await settle();
    expect(countOf(element, '[data-test=reject-reason]')).toBe('13/2000');
    element.querySelector<HTMLElement>('[data-test=verify]')!.click();
    const request = backend.expectOne(`${URL}/checklist/r1/verify`);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ expectedVersion: 4 });
    request.flush({});
    await settle();
    backend.expectOne(URL).flush({ ...DETAIL, version: 5 });
    backend.expectOne(`${URL}/timeline`).flush(TIMELINE);
  });

  it('completes the active step with its output', async () => {
    const element = await open();
    type(element, '[data-test=step-output]', 'Surat diterima lengkap');
    await settle();
    expect(countOf(element, '[data-test=step-output]')).toBe('22/5000');
    element.querySelector<HTMLElement>('[data-test=complete-step]')!.click();
    const request = backend.expectOne(`${URL}/steps/1/complete`);
    expect(request.request.body).toEqual({ expectedVersion: 4, output: 'Surat diterima lengkap' });
    request.flush({});
    await settle();
    backend.expectOne(URL).flush(DETAIL);
    backend.expectOne(`${URL}/timeline`).flush(TIMELINE);
  });

  it('reassigns a step to another holder of its position, from the candidates', async () => {
    const element = await open();
    const steps = element.querySelectorAll<HTMLElement>('[data-test=step]');
    steps[0].querySelector<HTMLElement>('[data-test=reassign]')!.click();
    await settle();
    backend.expectOne(`${URL}/steps/1/candidates`).flush([
      { id: 'u-bali', name: 'Helpdesk Bali', email: 'h@bali', openSteps: 3, current: true },
      { id: 'u-putu', name: 'Putu Ayu', email: 'p@bali', openSteps: 0, current: false },
      { id: 'u-gede', name: 'Gede Arta', email: 'g@bali', openSteps: 1, current: false },
    ]);
    await settle();
    const select = element.querySelector<HTMLSelectElement>('[data-test=candidate-select]')!;
    const options = Array.from(select.options);
    expect(options.map((o) => o.textContent!.replace(/\s+/g, ' ').trim())).toEqual([
      'Helpdesk Bali · 3 langkah aktif · pelaksana sekarang',
      'Putu Ayu · 0 langkah aktif',
      'Gede Arta · 1 langkah aktif',
    ]);
    // The current assignee cannot be picked again; the first other holder is preselected.
    expect(options[0].disabled).toBe(true);
    expect(select.value).toBe('u-putu');
    select.value = 'u-gede';
    select.dispatchEvent(new Event('change'));
    await settle();
    element.querySelector<HTMLElement>('[data-test=assign-step]')!.click();
    const request = backend.expectOne(`${URL}/steps/1/assign`);
    expect(request.request.body).toEqual({ expectedVersion: 4, userId: 'u-gede' });
    request.flush({});
    await settle();
    backend.expectOne(URL).flush(DETAIL);
    backend.expectOne(`${URL}/timeline`).flush(TIMELINE);
    await settle();
    expect(element.querySelector('[data-test=reassign-picker]')).toBeNull();
  });

  it('says so when nobody holds the position of the step', async () => {
    const element = await open();
    element
      .querySelectorAll<HTMLElement>('[data-test=step]')[1]
      .querySelector<HTMLElement>('[data-test=reassign]')!
      .click();
    await settle();
    backend.expectOne(`${URL}/steps/2/candidates`).flush([]);
    await settle();
    expect(textOf(element, '[data-test=no-candidates]')).toBe('Tidak ada pemegang jabatan ini.');
    expect(element.querySelector('[data-test=assign-step]')).toBeNull();
  });

  it('asks for a reason before returning to the requester, then sends it', async () => {
    const element = await open();
    element.querySelector<HTMLElement>('[data-test=action-return-to-requester]')!.click();
    backend.expectNone(`${URL}/return-to-requester`);
    type(element, '[data-test=action-reason]', 'Lampirkan KAK');
    await settle();
    expect(countOf(element, '[data-test=action-reason]')).toBe('13/2000');
    element.querySelector<HTMLElement>('[data-test=action-return-to-requester]')!.click();
    const request = backend.expectOne(`${URL}/return-to-requester`);
    expect(request.request.body).toEqual({ expectedVersion: 4, reason: 'Lampirkan KAK' });
    request.flush({});
    await settle();
    backend.expectOne(URL).flush({ ...DETAIL, status: 'waiting' });
    backend.expectOne(`${URL}/timeline`).flush(TIMELINE);
  });

  it('on 409 says someone else changed the ticket and reloads it', async () => {
    const element = await open();
    element.querySelector<HTMLElement>('[data-test=action-resolve]')!.click();
    backend.expectOne(`${URL}/resolve`).flush(
      {
        type: 'about:blank',
        title: 'Versi tiket sudah berubah',
        status: 409,
        code: 'ticket.stale_version',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(document.body.textContent).toContain('Tiket sudah diubah orang lain, muat ulang');
    backend.expectOne(URL).flush({ ...DETAIL, version: 6, subject: 'Diubah' });
    backend.expectOne(`${URL}/timeline`).flush(TIMELINE);
    await settle();
    expect(textOf(element, '[data-test=ticket-number]')).toContain('Diubah');
  });

  it('inserts a canned response with its placeholders filled, then saves it as a note', async () => {
    const element = await open();
    const picker = element.querySelector<HTMLSelectElement>('[data-test=canned-picker]')!;
    picker.value = 'k-1';
    picker.dispatchEvent(new Event('change'));
    await settle();
    const box = element.querySelector<HTMLTextAreaElement>('[data-test=composer]')!;
    expect(box.value).toBe(
      `Yth. Made Wirawan, permohonan ${NUMBER} (Pengembangan Aplikasi) menunggu KAK.`,
    );
    expect(picker.value).toBe('');
    element.querySelector<HTMLElement>('[data-test=send]')!.click();
    const request = backend.expectOne(`${URL}/notes`);
    expect(request.request.body).toEqual({ expectedVersion: 4, body: box.value });
    request.flush({});
    await settle();
    backend.expectOne(URL).flush(DETAIL);
    backend.expectOne(`${URL}/timeline`).flush(TIMELINE);
    await settle();
    expect(element.querySelector<HTMLTextAreaElement>('[data-test=composer]')!.value).toBe('');
  });

  it("lists the ticket's files when asked, and downloads one with the agent's token", async () => {
    const element = await open();
    backend.expectNone(`${URL}/attachments`);
    element.querySelector<HTMLElement>('[data-test=files-toggle]')!.click();
    await settle();
    backend.expectOne(`${URL}/attachments`).flush([
      {
        id: 'a-1',
        ticket: NUMBER,
        fileName: 'ktp pemohon.png',
        mediaType: 'image/png',
        size: 2048,
        sha256: 'ab'.repeat(32),
        uploadedBy: 'u-agent',
        createdAt: '2026-03-02T02:00:00.000Z',
        href: '/api/v1/attachments/a-1',
      },
    ]);
    await settle();
    const rows = element.querySelectorAll('[data-test=file]');
    expect(rows.length).toBe(1);
    expect(rows[0].textContent!.replace(/\s+/g, ' ')).toContain('ktp pemohon.png 2 KB');
    rows[0].querySelector<HTMLElement>('button')!.click();
    const download = backend.expectOne('/api/v1/attachments/a-1');
    expect(download.request.responseType).toBe('blob');
    download.flush(new Blob(['png']));
    element.querySelector<HTMLElement>('[data-test=files-toggle]')!.click();
    await settle();
    expect(element.querySelector('[data-test=files]')).toBeNull();
  });

  it('uploads attachments with a progress bar and sends them with the reply', async () => {
    const element = await open();
    element.querySelector<HTMLElement>('[data-test=kind-reply]')!.click();
    await settle();
    type(element, '[data-test=composer]', 'Terlampir surat jawaban.');
    await settle();
    expect(countOf(element, '[data-test=composer]')).toBe('24/20000');
    const input = element.querySelector<HTMLInputElement>('[data-test=attach-input]')!;
    const files = new DataTransfer();
    files.items.add(new File(['%PDF-1.4 jawaban'], 'jawaban.pdf', { type: 'application/pdf' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
    await settle();
    const upload = backend.expectOne(`${URL}/attachments`);
    expect(upload.request.body instanceof FormData).toBeTrue();
    expect((upload.request.body as FormData).get('file')).toEqual(jasmine.any(File));
    upload.event({ type: HttpEventType.UploadProgress, loaded: 40, total: 100 });
    await settle();
    expect(textOf(element, '[data-test=upload-percent]')).toBe('40%');
    expect(element.querySelector('[data-test=upload-progress]')).not.toBeNull();
    // Sending waits for the upload to finish.
    expect(element.querySelector<HTMLButtonElement>('[data-test=send]')!.disabled).toBeTrue();
    upload.flush({ id: 'a-1', ticket: NUMBER, fileName: 'jawaban.pdf' });
    await settle();
    expect(element.querySelector('[data-test=upload]')!.getAttribute('data-state')).toBe('done');
    element.querySelector<HTMLElement>('[data-test=send]')!.click();
    const reply = backend.expectOne(`${URL}/replies`);
    expect(reply.request.body).toEqual({
      expectedVersion: 4,
      body: 'Terlampir surat jawaban.',
      attachmentIds: ['a-1'],
    });
    reply.flush({});
    await settle();
    backend.expectOne(URL).flush(DETAIL);
    backend.expectOne(`${URL}/timeline`).flush([
      ...TIMELINE,
      {
        id: 9,
        kind: 'reply',
        event: null,
        author: null,
        body: 'Terlampir surat jawaban.',
        data: { attachmentIds: ['a-1'] },
        at: '2026-03-02T03:00:00.000Z',
      },
    ]);
    await settle();
    expect(element.querySelectorAll('[data-test=upload]').length).toBe(0);
    expect(textOf(element, '[data-test=entry-attachments]')).toBe('1 lampiran');
  });

  it('drops a failed upload from what is sent', async () => {
    const element = await open();
    element.querySelector<HTMLElement>('[data-test=kind-reply]')!.click();
    await settle();
    type(element, '[data-test=composer]', 'Balasan');
    const input = element.querySelector<HTMLInputElement>('[data-test=attach-input]')!;
    const files = new DataTransfer();
    files.items.add(new File(['MZ'], 'program.pdf'));
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
    await settle();
    backend
      .expectOne(`${URL}/attachments`)
      .flush(
        { status: 400, title: 'Lampiran ditolak', code: 'attachment.type_mismatch' },
        { status: 400, statusText: 'Bad Request' },
      );
    await settle();
    expect(element.querySelector('[data-test=upload]')!.getAttribute('data-state')).toBe('failed');
    // Held while the failed file is listed: the agent sees why, removes it, then sends.
    const send = element.querySelector<HTMLButtonElement>('[data-test=send]')!;
    expect(send.disabled).toBeTrue();
    expect(textOf(element, '[data-test=upload-blocked]')).toContain('Buang berkas yang gagal');
    element.querySelector<HTMLElement>('[data-test=upload-remove]')!.click();
    await settle();
    expect(send.disabled).toBeFalse();
    send.click();
    const reply = backend.expectOne(`${URL}/replies`);
    expect(reply.request.body).toEqual({ expectedVersion: 4, body: 'Balasan' });
    reply.flush({});
    await settle();
    backend.expectOne(URL).flush(DETAIL);
    backend.expectOne(`${URL}/timeline`).flush(TIMELINE);
  });

  it('refuses a file over the limit before sending it, and holds the reply until it is removed', async () => {
    const element = await open();
    element.querySelector<HTMLElement>('[data-test=kind-reply]')!.click();
    await settle();
    type(element, '[data-test=composer]', 'Balasan');
    expect(textOf(element, '[data-test=upload-limit]')).toBe('Tiap berkas paling besar 10.0 MB.');
    const input = element.querySelector<HTMLInputElement>('[data-test=attach-input]')!;
    const files = new DataTransfer();
    files.items.add(new File([new Uint8Array(11 * 1024 * 1024)], 'pindaian.pdf'));
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
    await settle();
    // Nothing went to the API (verify() after each test checks no request is left).
    backend.expectNone(`${URL}/attachments`);
    expect(element.querySelector('[data-test=upload]')!.getAttribute('data-state')).toBe('failed');
    expect(textOf(element, '[data-test=upload-error]')).toBe(
      'Terlalu besar (11.0 MB); batasnya 10.0 MB. Tidak diunggah.',
    );
    const send = element.querySelector<HTMLButtonElement>('[data-test=send]')!;
    expect(send.disabled).toBeTrue();
    element.querySelector<HTMLElement>('[data-test=upload-remove]')!.click();
    await settle();
    expect(send.disabled).toBeFalse();
  });

  describe('with the office calendar and a fake clock', () => {
    beforeEach(() => {
      jasmine.clock().install();
      jasmine.clock().mockDate(new Date(wita('2026-03-05T15:00:00')));
    });
    afterEach(() => jasmine.clock().uninstall());

    it('ticks the clocks in working time between two fetches', async () => {
      const element = await open(BALI_CALENDAR);
      const remaining = () =>
        textOf(element, '[data-test=ticket-clock] [data-test=clock-remaining]');
      expect(remaining()).toBe('sisa 7 jam 30 menit');
      expect(textOf(element, '[data-test=clock-note]')).toContain('jam kerja kantor');
      jasmine.clock().tick(30 * 60_000);
      await settle();
      // The minute refresh asks the API again; until it answers the figure moves on locally.
      backend.match(URL);
      expect(remaining()).toBe('sisa 7 jam');
      // Past 16.00 nothing more passes until Friday 07.30.
      jasmine.clock().tick(30 * 60_000);
      await settle();
      backend.match(URL);
      expect(remaining()).toBe('sisa 6 jam 30 menit');
      jasmine.clock().tick(2 * 3_600_000);
      await settle();
      backend.match(URL);
      expect(remaining()).toBe('sisa 6 jam 30 menit');
      expect(textOf(element, '[data-test=ticket-clock]')).toContain('Terpakai');
    });
  });

  it('accepts mail held from a third party as the requester reply, then reloads', async () => {
    const held: TimelineEntryView = {
      id: 9,
      kind: 'event',
      event: 'mail.third-party',
      author: null,
      body: 'E-mail dari orang.lain@gmail.com ditahan',
      data: { inboundId: 'in-1', from: 'orang.lain@gmail.com', decision: null },
      at: '2026-03-02T03:00:00.000Z',
    };
    resetStorage(AGENT);
    TestBed.configureTestingModule({
      providers: consoleTestProviders([{ path: 'tiket/:number', component: WorkspacePage }]),
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(`/tiket/${NUMBER}`);
    await settle();
    backend.expectOne('/api/v1/offices').flush(OFFICES);
    backend.expectOne(URL).flush(DETAIL);
    backend.expectOne(`${URL}/timeline`).flush([...TIMELINE, held]);
    await settle();
    flushComposerLists();
    flushService(null);
    backend
      .expectOne((r) => r.url === '/api/v1/calendars/bali')
      .flush(null, { status: 503, statusText: 'Unavailable' });
    await settle();
    const element = harness.routeNativeElement!;
    expect(element.querySelectorAll('[data-test=held-mail]').length).toBe(1);
    element.querySelector<HTMLElement>('[data-test=held-mail-accept]')!.click();
    const request = backend.expectOne(`${URL}/third-party-mail/in-1/accept`);
    expect(request.request.method).toBe('POST');
    request.flush({ decision: 'accept', effect: 'answered' });
    flushLinks();
    await settle();
    backend.expectOne(URL).flush(DETAIL);
    backend
      .expectOne(`${URL}/timeline`)
      .flush([...TIMELINE, { ...held, data: { ...held.data, decision: 'accept' } }]);
    flushLinks();
    await settle();
    // Decided: no buttons any more.
    expect(element.querySelectorAll('[data-test=held-mail]').length).toBe(0);
  });
  describe('as staff read it', () => {
    afterEach(() => localStorage.removeItem(TIMELINE_ORDER_KEY));

    it("names the service, the office and the positions, and shows the requester's Uraian", async () => {
      const element = await open(null, SERVICE, KASI_DETAIL);
      expect(textOf(element, '[data-test=ticket-service]')).toBe('Pengembangan Aplikasi');
      expect(textOf(element, '[data-test=ticket-office]')).toBe('Kantor Diskominfos Provinsi Bali');
      const positions = Array.from(element.querySelectorAll('[data-test=step-position]')).map((e) =>
        e.textContent!.trim(),
      );
      expect(positions).toEqual(['Kepala Seksi Aplikasi Informatika', 'Kepala Bidang']);
      expect(element.textContent).not.toContain('kasi-ai');
      expect(textOf(element, '[data-test=description]')).toContain('Mohon dibuatkan aplikasi.');
    });

    it('says so when the only holder of the position is the one holding the step', async () => {
      const element = await open(null, SERVICE, KASI_DETAIL);
      element.querySelector<HTMLElement>('[data-test=reassign]')!.click();
      await settle();
      backend
        .expectOne(`${URL}/steps/1/candidates`)
        .flush([
          { id: 'u-kasi', name: 'Kasi Aplikasi', email: 'k@bali', openSteps: 2, current: true },
        ]);
      await settle();
      expect(textOf(element, '[data-test=only-current]')).toBe(
        'Hanya Kasi Aplikasi yang memegang jabatan ini; tidak ada pemegang lain untuk dialihkan.',
      );
      expect(element.querySelector('[data-test=candidate-select]')).toBeNull();
      expect(element.querySelector('[data-test=assign-step]')).toBeNull();
    });

    it("completes someone else's step on their behalf, and the timeline says so", async () => {
      const completed: TimelineEntryView = {
        id: 8,
        kind: 'event',
        event: 'step.completed',
        author: { id: 'u-bali', name: 'Helpdesk Bali' },
        body: null,
        data: { order: 1, output: 'Disposisi', onBehalfOf: 'u-kasi' },
        at: '2026-03-02T03:00:00.000Z',
      };
      const element = await open(null, SERVICE, KASI_DETAIL, [...TIMELINE, completed]);
      expect(textOf(element, '[data-test=complete-step]')).toBe(
        'Selesaikan atas nama Kasi Aplikasi',
      );
      expect(textOf(element, '[data-test=behalf-note]')).toContain('dipegang Kasi Aplikasi');
      const events = Array.from(element.querySelectorAll('[data-test=event-text]')).map(
        (e) => e.textContent,
      );
      expect(events).toContain('Langkah 1 selesai atas nama Kasi Aplikasi');
    });

    it('offers each checklist button only while it would change the item', async () => {
      const element = await open();
      const button = (name: string) =>
        element.querySelector<HTMLButtonElement>(`[data-test=${name}]`)!;
      // The item is received: receiving again does nothing, verifying or rejecting does.
      expect(button('receive').disabled).toBeTrue();
      expect(button('receive').getAttribute('aria-pressed')).toBe('true');
      expect(button('verify').disabled).toBeFalse();
      expect(button('reject').disabled).toBeFalse();
    });

    it('orders the timeline as chosen and remembers the choice', async () => {
      const element = await open();
      const kinds = () =>
        Array.from(element.querySelectorAll('[data-test=timeline-entry]')).map((e) =>
          e.getAttribute('data-kind'),
        );
      expect(kinds()).toEqual(['event', 'note', 'reply']);
      const select = element.querySelector<HTMLSelectElement>('[data-test=timeline-order]')!;
      select.value = 'newest';
      select.dispatchEvent(new Event('change'));
      await settle();
      expect(kinds()).toEqual(['reply', 'note', 'event']);
      expect(localStorage.getItem(TIMELINE_ORDER_KEY)).toBe('newest');
    });

    it('opens with the order chosen before', async () => {
      localStorage.setItem(TIMELINE_ORDER_KEY, 'newest');
      const element = await open();
      const kinds = Array.from(element.querySelectorAll('[data-test=timeline-entry]')).map((e) =>
        e.getAttribute('data-kind'),
      );
      expect(kinds).toEqual(['reply', 'note', 'event']);
      expect(element.querySelector<HTMLSelectElement>('[data-test=timeline-order]')!.value).toBe(
        'newest',
      );
    });

    it("shows an e-mail's HTML formatted in a sandbox, its quoted text folded", async () => {
      const mail: TimelineEntryView = {
        id: 10,
        kind: 'reply',
        event: 'mail.received',
        author: null,
        body: 'Berkas terlampir. > Pesan lama',
        data: {
          from: 'ayu@diskes.baliprov.go.id',
          bodyHtml: '<p><b>Berkas</b> terlampir.</p><blockquote><p>Pesan lama</p></blockquote>',
        },
        at: '2026-03-02T04:00:00.000Z',
      };
      const element = await open(null, null, DETAIL, [...TIMELINE, mail]);
      // The requester's mail, named by its sender (not a reply to them from the system).
      const head = Array.from(element.querySelectorAll('[data-test=entry-head]')).map(
        (e) => e.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      );
      expect(head.some((h) => h.startsWith('E-mail pemohon · ayu@diskes.baliprov.go.id ·')))
        .withContext(head.join(' | '))
        .toBeTrue();
      const frame = element.querySelector<HTMLIFrameElement>('[data-test=mail-html]')!;
      // No permission at all: no script, no form, no same origin.
      expect(frame.getAttribute('sandbox')).toBe('');
      expect(frame.srcdoc).toContain('<b>Berkas</b>');
      expect(frame.srcdoc).not.toContain('Pesan lama');
      const toggle = element.querySelector<HTMLElement>('[data-test=toggle-quoted]')!;
      expect(toggle.getAttribute('aria-expanded')).toBe('false');
      toggle.click();
      await settle();
      expect(frame.srcdoc).toContain('Pesan lama');
      expect(toggle.getAttribute('aria-expanded')).toBe('true');
    });

    it("folds a plain-text e-mail's quoted history, and shows it as text when unfolded", async () => {
      const whole = [
        'Surat sudah <b>kami</b> tanda tangani.',
        '',
        'On Mon, Nov 23, 2026 at 9:00 AM Helpdesk <helpdesk@helpdesk.diskominfos.baliprov.go.id> wrote:',
        '> Mohon surat ditandatangani.',
        '> > <img src=x onerror=alert(1)>',
      ].join('\r\n');
      const mail: TimelineEntryView = {
        id: 11,
        kind: 'reply',
        event: 'mail.received',
        author: null,
        body: 'Surat sudah <b>kami</b> tanda tangani.',
        data: {
          from: 'ayu@diskes.baliprov.go.id',
          bodyText: 'Surat sudah <b>kami</b> tanda tangani.',
          bodyHtml: null,
          fullText: whole,
        },
        at: '2026-03-02T04:00:00.000Z',
      };
      const element = await open(null, null, DETAIL, [...TIMELINE, mail]);
      const text = element.querySelector<HTMLElement>('[data-test=mail-text]')!;
      expect(text.textContent).toBe('Surat sudah <b>kami</b> tanda tangani.');
      // Text, never markup: the tags are shown as typed and nothing is parsed.
      expect(text.querySelector('b, img')).toBeNull();
      const toggle = element.querySelector<HTMLElement>('[data-test=toggle-quoted]')!;
      expect(toggle.textContent!.trim()).toBe('Tampilkan kutipan');
      expect(toggle.getAttribute('aria-expanded')).toBe('false');
      toggle.click();
      await settle();
      expect(text.textContent).toContain('> Mohon surat ditandatangani.');
      expect(text.textContent).toContain('> > <img src=x onerror=alert(1)>');
      expect(text.querySelector('img')).toBeNull();
      expect(toggle.textContent!.trim()).toBe('Sembunyikan kutipan');
      expect(toggle.getAttribute('aria-expanded')).toBe('true');
      toggle.click();
      await settle();
      expect(text.textContent).toBe('Surat sudah <b>kami</b> tanda tangani.');
    });

    it('shows an older plain-text e-mail that is all quote whole, with nothing to fold', async () => {
      const mail: TimelineEntryView = {
        id: 12,
        kind: 'reply',
        event: 'mail.received',
        author: null,
        body: '> Mohon kirim KAK.\n> > Permohonan awal.',
        data: { from: 'ayu@diskes.baliprov.go.id', bodyHtml: null },
        at: '2026-03-02T04:00:00.000Z',
      };
      const element = await open(null, null, DETAIL, [...TIMELINE, mail]);
      expect(element.querySelector('[data-test=mail-text]')!.textContent).toBe(
        '> Mohon kirim KAK.\n> > Permohonan awal.',
      );
      expect(element.querySelector('[data-test=toggle-quoted]')).toBeNull();
    });
  });

  describe('with a standard in days, the office calendar and a fake clock', () => {
    beforeEach(() => {
      jasmine.clock().install();
      jasmine.clock().mockDate(new Date(wita('2026-03-05T15:00:00')));
    });
    afterEach(() => jasmine.clock().uninstall());

    it('counts the time left in working days and hours, towards the target', async () => {
      // 3 working days of 7.5 h and 2 h more.
      const ticket = clock({ remainingMinutes: 3 * 450 + 120 });
      const element = await open(BALI_CALENDAR, SERVICE, {
        ...DETAIL,
        clocks: { ...DETAIL.clocks, ticket },
      });
      expect(textOf(element, '[data-test=ticket-clock] [data-test=clock-remaining]')).toBe(
        'sisa 3 hari kerja 2 jam',
      );
      expect(textOf(element, '[data-test=ticket-clock] [data-test=clock-toward]')).toBe(
        'menuju target',
      );
    });
  });
});
