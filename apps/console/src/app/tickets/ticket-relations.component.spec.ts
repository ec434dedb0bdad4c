import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type {
  ClockView,
  CurrentUser,
  MergePreview,
  TicketDetail,
  TicketLinksView,
} from '@sigap/contracts';
import { AGENT } from '../../testing/fixtures';
import { consoleTestProviders, resetStorage, textOf } from '../../testing/providers';
import { TicketRelationsComponent } from './ticket-relations.component';

const idle: ClockView = {
  state: 'running',
  duration: '1 Hari',
  startedAt: '2026-11-24T02:00:00.000Z',
  stoppedAt: null,
  targetDueAt: null,
  limitDueAt: null,
  atRiskAt: null,
  elapsedMinutes: 0,
  pausedMinutes: 0,
  remainingMinutes: null,
  calendarVersion: null,
  frozen: false,
};

const DUPLICATE: TicketDetail = {
  number: 'TT-2026-000012',
  office: 'tebingtinggi',
  service: 'pembuatan-aplikasi',
  subject: 'Aplikasi antrean (kirim ulang)',
  status: 'new',
  channel: 'email',
  opdId: 'opd-1',
  assigneeId: null,
  slaState: 'running',
  dueAt: null,
  targetDueAt: null,
  createdAt: '2026-11-24T02:00:00.000Z',
  version: 4,
  description: 'Sama dengan permohonan sebelumnya.',
  serviceVersion: 1,
  requester: {
    id: 'c-1',
    office: 'tebingtinggi',
    opdId: 'opd-1',
    name: 'Pemohon',
    email: 'pemohon@tebingtinggikota.go.id',
    phone: null,
  },
  receivedAt: '2026-11-24T02:00:00.000Z',
  resolvedAt: null,
  closedAt: null,
  checklist: [],
  steps: [],
  clocks: { ticket: idle, firstResponse: idle },
  firstResponseAt: null,
  allowedActions: ['assign', 'cancel', 'merge'],
  mergedInto: null,
};

const LINKS: TicketLinksView = {
  links: [
    {
      id: 'l-1',
      kind: 'related',
      source: 'link',
      number: 'TT-2026-000003',
      subject: 'Jaringan kantor camat',
      status: 'in-progress',
      createdAt: '2026-11-24T03:00:00.000Z',
    },
    {
      id: null,
      kind: 'parent',
      source: 'incident',
      number: 'TT-2026-000001',
      subject: 'Gangguan pusat data',
      status: 'in-progress',
      createdAt: null,
    },
  ],
  mergedInto: null,
  mergedFrom: [],
};

const PREVIEW: MergePreview = {
  source: {
    number: DUPLICATE.number,
    subject: DUPLICATE.subject,
    status: 'new',
    version: 4,
    opdId: 'opd-1',
  },
  target: {
    number: 'TT-2026-000010',
    subject: 'Aplikasi antrean',
    status: 'in-progress',
    version: 7,
    opdId: 'opd-1',
  },
  timelineEntries: 5,
  evidence: 1,
  attachments: 2,
  requesterMailed: true,
  refusal: null,
};

describe('TicketRelationsComponent', () => {
  let backend: HttpTestingController;
  const URL = `/api/v1/tickets/${DUPLICATE.number}`;

  async function create(ticket: TicketDetail = DUPLICATE, user: CurrentUser = AGENT) {
    resetStorage(user);
    TestBed.configureTestingModule({ providers: consoleTestProviders([]) });
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(TicketRelationsComponent);
    fixture.componentRef.setInput('ticket', ticket);
    let changed = 0;
    fixture.componentInstance.changed.subscribe(() => changed++);
    await fixture.whenStable();
    backend.expectOne(`/api/v1/tickets/${ticket.number}/links`).flush(LINKS);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement, changed: () => changed };
  }

  function type(element: HTMLElement, selector: string, value: string): void {
    const input = element.querySelector<HTMLInputElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  afterEach(() => backend.verify());

  it('lists its own links and a major incident’s, each linking to the ticket', async () => {
    const { element } = await create();
    const rows = element.querySelectorAll('[data-test=link]');
    expect(rows.length).toBe(2);
    expect(rows[0].textContent).toContain('Terkait');
    expect(rows[0].querySelector('a')?.getAttribute('href')).toBe('/tiket/TT-2026-000003');
    expect(rows[1].textContent).toContain('Induk');
    expect(rows[1].textContent).toContain('gangguan besar');
    // Only the ticket's own link can be removed here.
    expect(rows[0].querySelector('[data-test=link-remove]')).not.toBeNull();
    expect(rows[1].querySelector('[data-test=link-remove]')).toBeNull();
    expect(element.querySelector('[data-test=merged-banner]')).toBeNull();
  });

  it('links a ticket by number and kind', async () => {
    const { fixture, element, changed } = await create();
    type(element, '[data-test=link-number]', 'tt-2026-000005');
    const kind = element.querySelector<HTMLSelectElement>('[data-test=link-kind]')!;
    kind.value = 'child';
    kind.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    element.querySelector<HTMLButtonElement>('[data-test=link-add]')!.click();
    await fixture.whenStable();
    const req = backend.expectOne({ method: 'POST', url: `${URL}/links` });
    expect(req.request.body).toEqual({ number: 'TT-2026-000005', kind: 'child' });
    req.flush(LINKS);
    await fixture.whenStable();
    expect(changed()).toBe(1);
  });

  it('shows what a merge moves, says it is final, and sends both versions', async () => {
    const { fixture, element, changed } = await create();
    type(element, '[data-test=merge-target]', 'TT-2026-000010');
    await fixture.whenStable();
    element.querySelector<HTMLButtonElement>('[data-test=merge-open]')!.click();
    await fixture.whenStable();
    backend
      .expectOne((r) => r.url === `${URL}/merge` && r.params.get('target') === 'TT-2026-000010')
      .flush(PREVIEW);
    await fixture.whenStable();
    const dialog = element.querySelector<HTMLDialogElement>('[data-test=merge-dialog]')!;
    expect(dialog.open).toBeTrue();
    expect(textOf(dialog, '[data-test=merge-moves]')).toContain('5 entri riwayat');
    expect(textOf(dialog, '[data-test=merge-moves]')).toContain('2 berkas');
    expect(textOf(dialog, '[data-test=merge-final]')).toContain('tidak dapat dibatalkan');
    type(dialog, '[data-test=merge-reason]', 'Kirim ulang');
    await fixture.whenStable();
    dialog.querySelector<HTMLButtonElement>('[data-test=merge-confirm]')!.click();
    await fixture.whenStable();
    const req = backend.expectOne({ method: 'POST', url: `${URL}/merge` });
    expect(req.request.body).toEqual({
      target: 'TT-2026-000010',
      expectedVersion: 4,
      targetExpectedVersion: 7,
      reason: 'Kirim ulang',
    });
    req.flush({ ...DUPLICATE, status: 'merged', mergedInto: 'TT-2026-000010', version: 5 });
    await fixture.whenStable();
    expect(dialog.open).toBeFalse();
    expect(changed()).toBe(1);
  });

  it('shows a refusal instead of the merge button', async () => {
    const { fixture, element } = await create();
    type(element, '[data-test=merge-target]', 'TT-2026-000020');
    await fixture.whenStable();
    element.querySelector<HTMLButtonElement>('[data-test=merge-open]')!.click();
    await fixture.whenStable();
    backend
      .expectOne((r) => r.url === `${URL}/merge`)
      .flush({ ...PREVIEW, refusal: 'Tiket TT-2026-000020 dari OPD lain.' });
    await fixture.whenStable();
    const dialog = element.querySelector<HTMLDialogElement>('[data-test=merge-dialog]')!;
    expect(textOf(dialog, '[data-test=merge-refusal]')).toContain('OPD lain');
    expect(dialog.querySelector('[data-test=merge-confirm]')).toBeNull();
    dialog.querySelector<HTMLButtonElement>('[data-test=merge-cancel]')!.click();
    await fixture.whenStable();
    expect(dialog.open).toBeFalse();
  });

  it('a merged ticket shows the banner to its target and offers no merge or link', async () => {
    const { element } = await create({
      ...DUPLICATE,
      status: 'merged',
      allowedActions: [],
      mergedInto: 'TT-2026-000010',
    });
    expect(textOf(element, '[data-test=merged-banner]')).toContain('TT-2026-000010');
    expect(element.querySelector('[data-test=merged-target]')?.getAttribute('href')).toBe(
      '/tiket/TT-2026-000010',
    );
    expect(element.querySelector('[data-test=merge-form]')).toBeNull();
    expect(element.querySelector('[data-test=link-form]')).toBeNull();
  });

  it('offers neither to someone of another office', async () => {
    const { element } = await create(DUPLICATE, { ...AGENT, office: 'bali' });
    expect(element.querySelector('[data-test=merge-form]')).toBeNull();
    expect(element.querySelector('[data-test=link-form]')).toBeNull();
  });
});
