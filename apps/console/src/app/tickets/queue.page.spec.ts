import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CurrentUser, OfficeCalendarView, TicketSummary } from '@sigap/contracts';
import { OFFICES, SUMMARIES } from '../../testing/fixtures';
import { CHOSEN_OFFICE_KEY, ChosenOffice } from '../shared/chosen-office';
import {
  BlankComponent,
  FakeLiveEvents,
  consoleTestProviders,
  resetStorage,
  textOf,
} from '../../testing/providers';
import { BALI_CALENDAR, wita } from './calendar-fixture';
import { PAGE_SIZE, QUEUE_LIVE_DEBOUNCE_MS, QueuePage } from './queue.page';

const BALI_AGENT: CurrentUser = {
  id: 'u-bali',
  email: 'helpdesk.bali@sigap.local',
  name: 'Helpdesk Bali',
  roles: ['agent'],
  office: 'bali',
  locale: 'id',
};

const row = (n: number, overrides: Partial<TicketSummary> = {}): TicketSummary => ({
  number: `BALI-2026-${String(n).padStart(5, '0')}`,
  office: 'bali',
  service: 'pengembangan-aplikasi',
  subject: `Permohonan ${n}`,
  status: 'new',
  channel: 'letter',
  opdId: null,
  assigneeId: null,
  slaState: 'running',
  dueAt: new Date(Date.now() + (n + 2) * 3_600_000).toISOString(),
  targetDueAt: null,
  createdAt: '2026-03-02T01:00:00.000Z',
  version: 1,
  ...overrides,
});

describe('QueuePage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;
  let live: FakeLiveEvents;
  /** Whether the live stream is already open as the page loads (set per spec). */
  let liveAtStart = true;

  async function open(
    items: TicketSummary[] = [row(1), row(2), row(3)],
    nextCursor: string | null = null,
    calendar: OfficeCalendarView | null = null,
  ): Promise<HTMLElement> {
    resetStorage(BALI_AGENT);
    live = new FakeLiveEvents();
    live.connected.set(liveAtStart);
    TestBed.configureTestingModule({
      providers: [
        ...consoleTestProviders([
          { path: 'tiket', component: QueuePage },
          { path: 'tiket/:number', component: BlankComponent },
        ]),
        live.provider(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/tiket');
    backend.expectOne('/api/v1/offices').flush(OFFICES);
    await settle();
    backend.expectOne('/api/v1/catalog/services?office=bali').flush([]);
    backend.expectOne('/api/v1/opds?office=bali').flush([]);
    const calendarRequest = backend.expectOne((r) => r.url === '/api/v1/calendars/bali');
    if (calendar) calendarRequest.flush(calendar);
    else calendarRequest.flush(null, { status: 503, statusText: 'Unavailable' });
    backend
      .expectOne((r) => r.url === '/api/v1/tickets' && r.params.get('status') === 'new,reopened')
      .flush({ items, nextCursor });
    await settle();
    return harness.routeNativeElement!;
  }

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
  }

  function press(key: string): void {
    document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  }

  afterEach(() => {
    liveAtStart = true;
    backend.verify();
  });

  it('lists the unassigned tickets of the office first, with a countdown to the due time', async () => {
    const element = await open();
    const rows = element.querySelectorAll('[data-test=ticket-row]');
    expect(rows.length).toBe(3);
    expect(rows[0].textContent).toContain('BALI-2026-00001');
    expect(rows[0].textContent).toContain('Baru');
    expect(rows[0].querySelector('.countdown')!.textContent).toMatch(/^sisa 2 j/);
    expect(rows[0].textContent).toContain('WITA');
  });

  describe('live updates', () => {
    const event = (
      ticket: string,
      office = 'bali',
      kind: 'changed' | 'opened' | 'presence' = 'changed',
    ) => ({
      type: 'ticket' as const,
      event: { kind, ticket, office, version: 2, at: '2026-03-02T02:00:00.000Z' },
    });
    const refreshed = () =>
      backend.match(
        (r) => r.url === '/api/v1/tickets' && r.params.get('status') === 'new,reopened',
      );
    const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    it('reads the rows again once for a burst of changes to the office, keeping the selection', async () => {
      const element = await open();
      press('j');
      await settle();
      live.send(event('BALI-2026-00009', 'bali', 'opened'));
      live.send(event('BALI-2026-00002'));
      live.send(event('BALI-2026-00003'));
      await wait(100);
      expect(refreshed().length).withContext('debounced').toBe(0);
      await wait(QUEUE_LIVE_DEBOUNCE_MS + 100);
      const requests = refreshed();
      expect(requests.length).toBe(1);
      expect(requests[0].request.params.get('limit')).toBe(String(PAGE_SIZE));
      requests[0].flush({
        items: [row(9, { dueAt: new Date(Date.now() + 3_600_000).toISOString() }), row(1), row(2)],
        nextCursor: null,
      });
      await settle();
      const rows = element.querySelectorAll('[data-test=ticket-row]');
      expect(rows.length).toBe(3);
      expect(rows[0].textContent).toContain('BALI-2026-00009');
      // The selected ticket (the second, 00002) stays selected where it now stands.
      expect(rows[2].closest('.selected')).not.toBeNull();
    });

    it('reads the list again on the first ready when the stream was not live as it loaded', async () => {
      liveAtStart = false;
      await open();
      live.send({ type: 'ready', reconnected: false });
      await wait(QUEUE_LIVE_DEBOUNCE_MS + 150);
      const requests = refreshed();
      expect(requests.length).toBe(1);
      requests[0].flush({ items: [row(1)], nextCursor: null });
      await settle();
    });

    it('ignores presence, other offices, and the first connection; refreshes after a reconnection', async () => {
      await open();
      live.send(event('RIAU-2026-00001', 'riau'));
      live.send(event('BALI-2026-00001', 'bali', 'presence'));
      live.send({ type: 'ready', reconnected: false });
      await wait(QUEUE_LIVE_DEBOUNCE_MS + 150);
      expect(refreshed().length).toBe(0);
      live.send({ type: 'ready', reconnected: true });
      await wait(QUEUE_LIVE_DEBOUNCE_MS + 150);
      const requests = refreshed();
      expect(requests.length).toBe(1);
      requests[0].flush({ items: [row(1)], nextCursor: null });
      await settle();
    });
  });

  describe('with the office calendar and a fake clock', () => {
    beforeEach(() => {
      jasmine.clock().install();
      // Thursday 5 March 2026, 15.00 WITA: one working hour left today.
      jasmine.clock().mockDate(new Date(wita('2026-03-05T15:00:00')));
    });
    afterEach(() => jasmine.clock().uninstall());

    it('counts down in working time and stands still after office hours', async () => {
      const due = new Date(wita('2026-03-06T08:30:00')).toISOString();
      const paused = row(2, { slaState: 'paused', dueAt: due });
      const element = await open([row(1, { dueAt: due }), paused], null, BALI_CALENDAR);
      const countdowns = () =>
        Array.from(element.querySelectorAll('.countdown')).map((e) => e.textContent!.trim());
      // Thursday 15.00-16.00 and Friday 07.30-08.30: two working hours, not 17.5 wall hours.
      expect(countdowns()).toEqual(['sisa 2 jam', 'Dijeda']);
      expect(element.textContent).toContain('berhenti di luar jam kerja');

      jasmine.clock().tick(30 * 60_000);
      await settle();
      expect(countdowns()[0]).toBe('sisa 1 jam 30 menit');

      // From 16.00 to Friday 07.30 the office is closed: the countdown stands still.
      jasmine.clock().tick(3 * 3_600_000);
      await settle();
      expect(countdowns()[0]).toBe('sisa 1 jam');
      jasmine.clock().tick(12 * 3_600_000);
      await settle();
      expect(countdowns()[0]).toBe('sisa 1 jam');
      // Friday 08.00 (18.30 + 12 h + 1.5 h): half an hour of working time has gone.
      jasmine.clock().tick(90 * 60_000);
      await settle();
      expect(countdowns()[0]).toBe('sisa 30 menit');
      expect(countdowns()[1]).toBe('Dijeda');
    });

    it('says how a stopped clock ended instead of counting down', async () => {
      const due = new Date(wita('2026-03-06T08:30:00')).toISOString();
      const element = await open(
        [
          row(1, { slaState: 'met', status: 'resolved', dueAt: due }),
          row(2, { slaState: 'met-late', status: 'closed', dueAt: due }),
        ],
        null,
        BALI_CALENDAR,
      );
      const countdowns = Array.from(element.querySelectorAll('.countdown')).map((e) =>
        e.textContent!.trim(),
      );
      expect(countdowns).toEqual(['Tepat waktu', 'Selesai terlambat']);
    });
  });

  it('maps each view to its API filters', async () => {
    const element = await open();
    const expectations: [string, Record<string, string>][] = [
      ['mine', { open: 'true', assignee: 'u-bali' }],
      ['at-risk', { open: 'true', sla: 'at-risk' }],
      ['breached', { open: 'true', sla: 'breached' }],
      ['waiting', { status: 'waiting' }],
      ['all', {}],
    ];
    for (const [view, params] of expectations) {
      element.querySelector<HTMLElement>(`[data-test=view-${view}]`)!.click();
      await settle();
      const request = backend.expectOne((r) => r.url === '/api/v1/tickets');
      const sent = Object.fromEntries(
        request.request.params.keys().map((k) => [k, request.request.params.get(k)]),
      );
      expect(sent).toEqual({ ...params, office: 'bali', limit: '50' });
      request.flush({ items: [], nextCursor: null });
      await settle();
    }
  });

  it('moves with j and k and opens the selected ticket with Enter', async () => {
    const element = await open();
    const selected = () =>
      element.querySelector('[data-test=ticket-row].selected')?.textContent ?? '';
    expect(selected()).toContain('00001');
    press('j');
    press('j');
    await settle();
    expect(selected()).toContain('00003');
    press('j');
    await settle();
    expect(selected()).toContain('00003');
    press('k');
    await settle();
    expect(selected()).toContain('00002');
    press('Enter');
    await settle();
    expect(TestBed.inject(Router).url).toBe('/tiket/BALI-2026-00002');
  });

  it('focuses the search with /', async () => {
    const element = await open();
    press('/');
    expect(document.activeElement).toBe(element.querySelector('[data-test=search]'));
  });

  it('searches all of a ticket, marks the words in the subject and says where else it matched', async () => {
    const element = await open();
    const box = element.querySelector<HTMLInputElement>('[data-test=search]')!;
    box.value = '  aplikas  ';
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await settle();
    backend
      .expectOne((r) => r.url === '/api/v1/tickets' && r.params.get('q') === 'aplikas')
      .flush({
        items: [
          row(7, { subject: 'Pembangunan aplikasi SIMPEG', matchedIn: ['ticket', 'message'] }),
          row(8, { subject: 'Permohonan baru', matchedIn: ['ticket', 'attachment'] }),
        ],
        nextCursor: null,
      });
    await settle();
    const rows = element.querySelectorAll('[data-test=ticket-row]');
    expect(Array.from(rows[0].querySelectorAll('mark')).map((m) => m.textContent)).toEqual([
      'aplikas',
    ]);
    expect(rows[0].querySelector('[data-test=matched-in]')!.textContent).toContain(
      'Cocok di: pesan atau catatan',
    );
    // The second matched in its description: the subject marks nothing, so it is named.
    expect(rows[1].querySelectorAll('mark').length).toBe(0);
    expect(rows[1].querySelector('[data-test=matched-in]')!.textContent).toContain(
      'perihal/uraian, nama lampiran',
    );
  });

  it('loads the next page with the cursor', async () => {
    const element = await open([row(1)], 'c2');
    element.querySelector<HTMLElement>('[data-test=load-more]')!.click();
    await settle();
    backend
      .expectOne((r) => r.url === '/api/v1/tickets' && r.params.get('cursor') === 'c2')
      .flush({ items: [row(2)], nextCursor: null });
    await settle();
    expect(element.querySelectorAll('[data-test=ticket-row]').length).toBe(2);
    expect(element.querySelector('[data-test=load-more]')).toBeNull();
  });
  function tick(element: HTMLElement, index: number): void {
    element.querySelectorAll<HTMLElement>('[data-test=row-check] input')[index].click();
  }

  const step = (order: number, position: string) => ({
    order,
    description: 'Analisis kebutuhan',
    position,
    requesterSide: false,
    assignee: null,
    dueAt: null,
    activeSteps: 1,
  });

  it('ticks rows by checkbox, x and select all, then assigns them each with its own version', async () => {
    const element = await open([
      row(1, { currentStep: step(1, 'Analis') }),
      row(2, { version: 7 }),
      row(3),
    ]);
    const count = () => element.querySelector('[data-test=selected-count]')!.textContent!.trim();
    expect(element.querySelector<HTMLButtonElement>('[data-test=assign-selected]')!.disabled).toBe(
      true,
    );
    tick(element, 0);
    press('j');
    press('x');
    await settle();
    expect(count()).toBe('2 dipilih');
    const checks = element.querySelectorAll('[data-test=ticket-row].checked');
    expect(Array.from(checks).map((e) => e.querySelector('.number')!.textContent)).toEqual([
      'BALI-2026-00001',
      'BALI-2026-00002',
    ]);
    element.querySelector<HTMLElement>('[data-test=select-all] input')!.click();
    await settle();
    expect(count()).toBe('3 dipilih');
    element.querySelector<HTMLElement>('[data-test=select-all] input')!.click();
    await settle();
    expect(count()).toBe('0 dipilih');
    tick(element, 0);
    tick(element, 1);
    await settle();

    const trigger = element.querySelector<HTMLElement>('[data-test=assign-selected]')!;
    trigger.focus();
    trigger.click();
    await settle();
    const dialog = element.querySelector<HTMLElement>('[data-test=bulk-assign]')!;
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(dialog.textContent).toContain('Tugaskan 2 tiket');
    // Every agent of the office, not only the holders of the current steps' positions.
    backend.expectOne('/api/v1/tickets/assignees?office=bali').flush([
      { id: 'u-ani', name: 'Ani', email: 'ani@sigap.local', openTickets: 0 },
      { id: 'u-bali', name: 'Helpdesk Bali', email: 'x@sigap.local', openTickets: 3 },
    ]);
    await settle();
    const select = dialog.querySelector<HTMLSelectElement>('[data-test=bulk-assignee]')!;
    const options = Array.from(select.options).map((o) =>
      o.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(options).toEqual(['Helpdesk Bali (saya) · 3 tiket terbuka', 'Ani · 0 tiket terbuka']);
    // Keys of the queue stay quiet while the dialog is open.
    press('x');
    await settle();
    expect(count()).toBe('2 dipilih');
    select.value = 'u-ani';
    select.dispatchEvent(new Event('change'));
    await settle();
    dialog.querySelector<HTMLElement>('[data-test=bulk-confirm]')!.click();
    await settle();

    const first = backend.expectOne('/api/v1/tickets/BALI-2026-00001/assign');
    const second = backend.expectOne('/api/v1/tickets/BALI-2026-00002/assign');
    expect(first.request.body).toEqual({ userId: 'u-ani', expectedVersion: 1 });
    expect(second.request.body).toEqual({ userId: 'u-ani', expectedVersion: 7 });
    first.flush({});
    await settle();
    expect(dialog.querySelector('[data-outcome=pending]')).not.toBeNull();
    second.flush(
      { type: 'about:blank', title: 'Versi berbeda', status: 409, code: 'ticket.version_conflict' },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    backend
      .expectOne((r) => r.url === '/api/v1/tickets' && r.params.get('status') === 'new,reopened')
      .flush({ items: [row(1, { assigneeId: 'u-ani' }), row(3)], nextCursor: null });
    await settle();
    expect(dialog.querySelector('[data-test=bulk-summary]')!.textContent).toContain(
      '1 ditugaskan · 1 bentrok · 0 gagal',
    );
    const outcomes = Array.from(dialog.querySelectorAll('[data-test=bulk-results] li')).map((li) =>
      li.getAttribute('data-outcome'),
    );
    expect(outcomes).toEqual(['assigned', 'conflict']);
    expect(count()).toBe('0 dipilih');
    expect(element.querySelectorAll('[data-test=ticket-row]').length).toBe(2);
    dialog.querySelector<HTMLElement>('[data-test=bulk-close]')!.click();
    await settle();
    expect(element.querySelector('[data-test=bulk-assign]')).toBeNull();
    // The button that opened the dialog is disabled now (nothing ticked): focus goes to the
    // focused ticket's row instead of being lost.
    expect(document.activeElement).toBe(
      element.querySelector('[data-test=ticket-row] a.row') as Element,
    );
  });

  it('gives focus back to the button that opened the dialog when it is closed', async () => {
    const element = await open();
    tick(element, 1);
    await settle();
    const trigger = element.querySelector<HTMLElement>('[data-test=assign-selected]')!;
    trigger.focus();
    trigger.click();
    await settle();
    backend
      .expectOne('/api/v1/tickets/assignees?office=bali')
      .flush([{ id: 'u-bali', name: 'Helpdesk Bali', email: 'x@sigap.local', openTickets: 0 }]);
    await settle();
    const dialog = element.querySelector<HTMLElement>('[data-test=bulk-assign]')!;
    expect(dialog.contains(document.activeElement)).toBeTrue();
    dialog.querySelector<HTMLElement>('[data-test=bulk-close]')!.click();
    await settle();
    expect(element.querySelector('[data-test=bulk-assign]')).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });

  it('assigns the focused ticket with a, reports a refusal, and closes with Escape', async () => {
    const element = await open();
    press('j');
    press('a');
    await settle();
    const dialog = element.querySelector<HTMLElement>('[data-test=bulk-assign]')!;
    expect(dialog.textContent).toContain('Tugaskan 1 tiket');
    expect(dialog.textContent).toContain('BALI-2026-00002');
    backend.expectOne('/api/v1/tickets/assignees?office=bali').flush([
      { id: 'u-budi', name: 'Budi', email: 'b@sigap.local', openTickets: 0 },
      { id: 'u-bali', name: 'Helpdesk Bali', email: 'x@sigap.local', openTickets: 2 },
    ]);
    await settle();
    // The signed-in agent comes first.
    const select = dialog.querySelector<HTMLSelectElement>('[data-test=bulk-assignee]')!;
    expect(select.value).toBe('u-bali');
    dialog.querySelector<HTMLElement>('[data-test=bulk-confirm]')!.click();
    await settle();
    const request = backend.expectOne('/api/v1/tickets/BALI-2026-00002/assign');
    expect(request.request.body).toEqual({ userId: 'u-bali', expectedVersion: 1 });
    request.flush(
      {
        type: 'about:blank',
        title: 'Penanggung jawab tidak sah',
        status: 422,
        detail: 'Penanggung jawab tiket harus helpdesk aktif kantor ini.',
        code: 'ticket.assignee_invalid',
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle();
    backend
      .expectOne((r) => r.url === '/api/v1/tickets' && r.params.get('status') === 'new,reopened')
      .flush({ items: [row(1), row(2), row(3)], nextCursor: null });
    await settle();
    const result = dialog.querySelector('[data-test=bulk-results] li')!;
    expect(result.getAttribute('data-outcome')).toBe('error');
    expect(result.textContent).toContain('harus helpdesk aktif');
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await settle();
    expect(element.querySelector('[data-test=bulk-assign]')).toBeNull();
    // Opened by a key: focus lands on the focused ticket's row.
    const links = element.querySelectorAll('[data-test=ticket-row] a.row');
    expect(document.activeElement).toBe(links[1]);
  });

  it('keeps loading while the viewport sits at the end of what has arrived', async () => {
    const first = Array.from({ length: 50 }, (_, i) => row(i + 1));
    const element = await open(first, 'c2');
    const viewport = element.querySelector<HTMLElement>('[data-test=queue]')!;
    // The viewport shows a handful of rows: nothing more is asked for yet.
    backend.expectNone((r) => r.url === '/api/v1/tickets');
    viewport.scrollTop = viewport.scrollHeight;
    viewport.dispatchEvent(new Event('scroll'));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await settle();
    backend
      .expectOne((r) => r.url === '/api/v1/tickets' && r.params.get('cursor') === 'c2')
      .flush({ items: [row(51), row(52)], nextCursor: 'c3' });
    await settle();
    // The short page leaves the viewport at the end without any scrolling: ask again.
    backend
      .expectOne((r) => r.url === '/api/v1/tickets' && r.params.get('cursor') === 'c3')
      .flush({ items: [row(53)], nextCursor: null });
    await settle();
    expect(element.querySelector('[data-test=load-more]')).toBeNull();
    viewport.scrollTop = viewport.scrollHeight;
    viewport.dispatchEvent(new Event('scroll'));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await settle();
    expect(viewport.querySelectorAll('[data-test=ticket-row]').length).toBeGreaterThan(0);
    expect(viewport.textContent).toContain('BALI-2026-00053');
  });
  describe('for an executor', () => {
    const EXECUTOR: CurrentUser = {
      ...BALI_AGENT,
      id: 'u-kasi',
      name: 'Kasi Aplikasi',
      roles: ['executor'],
    };

    it('opens on the steps they hold, and a row they hold says so', async () => {
      resetStorage(EXECUTOR);
      TestBed.configureTestingModule({
        providers: consoleTestProviders([{ path: 'tiket', component: QueuePage }]),
      });
      backend = TestBed.inject(HttpTestingController);
      harness = await RouterTestingHarness.create();
      await harness.navigateByUrl('/tiket');
      backend.expectOne('/api/v1/offices').flush(OFFICES);
      await settle();
      backend.expectOne('/api/v1/catalog/services?office=bali').flush([]);
      backend.expectOne('/api/v1/opds?office=bali').flush([]);
      backend
        .expectOne((r) => r.url === '/api/v1/calendars/bali')
        .flush(null, { status: 503, statusText: 'Unavailable' });
      const step = {
        order: 4,
        description: 'Menyusun proses bisnis',
        position: 'kasi-ai',
        requesterSide: false,
        assignee: { id: 'u-kasi', name: 'Kasi Aplikasi' },
        dueAt: null,
        activeSteps: 1,
      };
      backend
        .expectOne((r) => r.url === '/api/v1/tickets' && r.params.get('assignee') === 'u-kasi')
        .flush({
          items: [
            row(1, { status: 'in-progress', currentStep: step }),
            row(2, {
              status: 'in-progress',
              currentStep: { ...step, assignee: { id: 'u-x', name: 'Putu Ayu' } },
            }),
          ],
          nextCursor: null,
        });
      await settle();
      const element = harness.routeNativeElement!;
      expect(element.querySelector('[data-test=view-mine]')!.getAttribute('aria-pressed')).toBe(
        'true',
      );
      const holders = Array.from(element.querySelectorAll('[data-test=row-holder]')).map((e) =>
        e.textContent!.trim(),
      );
      expect(holders).toEqual(['Dipegang Anda', 'Dipegang Putu Ayu']);
      for (const rowElement of Array.from(element.querySelectorAll('[data-test=ticket-row]')))
        expect(rowElement.textContent).not.toContain('Belum ditugaskan');
    });
  });

  describe('for an admin', () => {
    afterEach(() => sessionStorage.removeItem(CHOSEN_OFFICE_KEY));

    it('shows the office chosen on another page, and a new choice reloads the queue', async () => {
      resetStorage({ ...BALI_AGENT, roles: ['admin'], office: null });
      sessionStorage.setItem(CHOSEN_OFFICE_KEY, 'tebingtinggi');
      TestBed.configureTestingModule({
        providers: consoleTestProviders([{ path: 'tiket', component: QueuePage }]),
      });
      backend = TestBed.inject(HttpTestingController);
      harness = await RouterTestingHarness.create();
      await harness.navigateByUrl('/tiket');
      backend.expectOne('/api/v1/offices').flush(OFFICES);
      await settle();
      backend.expectOne('/api/v1/catalog/services?office=tebingtinggi').flush([]);
      backend.expectOne('/api/v1/opds?office=tebingtinggi').flush([]);
      backend
        .expectOne((r) => r.url === '/api/v1/calendars/tebingtinggi')
        .flush(null, {
          status: 503,
          statusText: 'Unavailable',
        });
      backend
        .expectOne((r) => r.url === '/api/v1/tickets' && r.params.get('office') === 'tebingtinggi')
        .flush({ items: [], nextCursor: null });
      await settle();
      expect(harness.routeNativeElement!.querySelector('[data-test=office-select]')).not.toBeNull();
      TestBed.inject(ChosenOffice).set('bali');
      await settle();
      backend.expectOne('/api/v1/catalog/services?office=bali').flush([]);
      backend.expectOne('/api/v1/opds?office=bali').flush([]);
      backend
        .expectOne((r) => r.url === '/api/v1/calendars/bali')
        .flush(null, {
          status: 503,
          statusText: 'Unavailable',
        });
      backend
        .expectOne((r) => r.url === '/api/v1/tickets' && r.params.get('office') === 'bali')
        .flush({ items: [], nextCursor: null });
    });
  });

  describe('with a standard in days', () => {
    beforeEach(() => {
      jasmine.clock().install();
      jasmine.clock().mockDate(new Date(wita('2026-03-05T15:00:00')));
    });
    afterEach(() => jasmine.clock().uninstall());

    it('counts in working days and hours towards the target, and names it', async () => {
      // Thu 15.00 to Tue 10 Mar 17.00 ... 3 working days to Tue 15.00, then 1 h to the close.
      const target = new Date(wita('2026-03-10T16:00:00')).toISOString();
      const limit = new Date(wita('2026-03-11T16:00:00')).toISOString();
      resetStorage(BALI_AGENT);
      TestBed.configureTestingModule({
        providers: consoleTestProviders([{ path: 'tiket', component: QueuePage }]),
      });
      backend = TestBed.inject(HttpTestingController);
      harness = await RouterTestingHarness.create();
      await harness.navigateByUrl('/tiket');
      backend.expectOne('/api/v1/offices').flush(OFFICES);
      await settle();
      backend.expectOne('/api/v1/catalog/services?office=bali').flush([
        {
          ...SUMMARIES[0],
          office: 'bali',
          code: 'pengembangan-aplikasi',
          name: 'Pengembangan Aplikasi',
          serviceTime: {
            text: '7 Hari',
            parsed: { min: 7, max: 7, unit: 'day', basis: 'working', startsWhen: null },
          },
        },
      ]);
      backend.expectOne('/api/v1/opds?office=bali').flush([]);
      backend.expectOne((r) => r.url === '/api/v1/calendars/bali').flush(BALI_CALENDAR);
      backend
        .expectOne((r) => r.url === '/api/v1/tickets')
        .flush({ items: [row(1, { dueAt: limit, targetDueAt: target })], nextCursor: null });
      await settle();
      // The working-time countdown comes in once the browser is idle after the first page.
      jasmine.clock().tick(600);
      await settle();
      const element = harness.routeNativeElement!;
      expect(textOf(element, '.meta')).toContain('Pengembangan Aplikasi');
      expect(textOf(element, '.countdown')).toBe('sisa 3 hari kerja 1 jam');
      expect(textOf(element, '[data-test=due]')).toContain('Target');
    });
  });
});
