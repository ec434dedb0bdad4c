import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { ClockView, TicketDetail } from '@sigap/contracts';
import { AGENT, SUMMARIES } from '../../testing/fixtures';
import { consoleTestProviders, resetStorage, textOf } from '../../testing/providers';
import { ChooseServiceComponent } from './choose-service.component';

const idle: ClockView = {
  state: 'not-started',
  duration: null,
  startedAt: null,
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

const TRIAGE: TicketDetail = {
  number: 'TT-2026-000009',
  office: 'tebingtinggi',
  service: null,
  subject: 'Minta aplikasi',
  status: 'new',
  channel: 'email',
  opdId: null,
  assigneeId: null,
  slaState: 'not-started',
  dueAt: null,
  targetDueAt: null,
  createdAt: '2026-11-24T02:00:00.000Z',
  version: 2,
  description: 'Mohon dibuatkan aplikasi.',
  serviceVersion: null,
  requester: {
    id: 'c-1',
    office: 'tebingtinggi',
    opdId: null,
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
  allowedActions: ['assign', 'choose-service', 'cancel'],
};

describe('ChooseServiceComponent', () => {
  let backend: HttpTestingController;

  async function create() {
    resetStorage(AGENT);
    TestBed.configureTestingModule({ providers: consoleTestProviders([]) });
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ChooseServiceComponent);
    fixture.componentRef.setInput('ticket', TRIAGE);
    fixture.componentRef.setInput('timeZone', 'Asia/Jakarta');
    let changed = 0;
    fixture.componentInstance.changed.subscribe(() => changed++);
    await fixture.whenStable();
    backend
      .expectOne('/api/v1/catalog/services?office=tebingtinggi')
      .flush([
        ...SUMMARIES,
        { ...SUMMARIES[0], code: 'lama', name: 'Layanan lama', status: 'retired' },
      ]);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement, changed: () => changed };
  }

  afterEach(() => backend.verify());

  it('offers the office active services and sends the chosen one with the version', async () => {
    const { fixture, element, changed } = await create();
    expect(textOf(element, 'p.muted')).toContain('WIB');
    const component = fixture.componentInstance as unknown as {
      services: () => { code: string }[];
      chosen: { set(v: string): void };
    };
    expect(component.services().map((s) => s.code)).not.toContain('lama');
    component.chosen.set(SUMMARIES[0].code);
    await fixture.whenStable();
    element.querySelector<HTMLButtonElement>('[data-test=choose-service-submit]')!.click();
    await fixture.whenStable();
    const req = backend.expectOne({
      method: 'POST',
      url: `/api/v1/tickets/${TRIAGE.number}/service`,
    });
    expect(req.request.body).toEqual({ serviceCode: SUMMARIES[0].code, expectedVersion: 2 });
    req.flush({ ...TRIAGE, service: SUMMARIES[0].code, version: 3 });
    await fixture.whenStable();
    expect(changed()).toBe(1);
  });

  it('rejects as not a service request only with a reason', async () => {
    const { fixture, element, changed } = await create();
    const button = element.querySelector<HTMLButtonElement>('[data-test=reject-request]')!;
    expect(button.disabled).toBeTrue();
    const reason = element.querySelector<HTMLInputElement>('[data-test=reject-reason]')!;
    reason.value = 'Undangan rapat';
    reason.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    button.click();
    await fixture.whenStable();
    const req = backend.expectOne(`/api/v1/tickets/${TRIAGE.number}/reject-request`);
    expect(req.request.body).toEqual({ reason: 'Undangan rapat', expectedVersion: 2 });
    req.flush({ ...TRIAGE, status: 'cancelled' });
    await fixture.whenStable();
    expect(changed()).toBe(1);
  });
});
