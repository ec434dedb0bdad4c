import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type {
  CurrentUser,
  QueueStepView,
  TicketAssigneeView,
  TicketSummary,
} from '@sigap/contracts';
import { consoleTestProviders, resetStorage } from '../../testing/providers';
import { BulkAssignComponent, type BulkAssignResult } from './bulk-assign.component';

const MANAGER: CurrentUser = {
  id: 'u-kabid',
  email: 'kabid@sigap.local',
  name: 'Kabid Aptika',
  roles: ['manager'],
  office: 'bali',
  locale: 'id',
};

const AGENT: CurrentUser = {
  id: 'u-bali',
  email: 'helpdesk.bali@sigap.local',
  name: 'Helpdesk Bali',
  roles: ['agent'],
  office: 'bali',
  locale: 'id',
};

const step = (order: number, position: string, requesterSide = false): QueueStepView => ({
  order,
  description: 'Langkah',
  position,
  requesterSide,
  assignee: null,
  dueAt: null,
  activeSteps: 1,
});

const ticket = (n: number, currentStep: QueueStepView | null): TicketSummary => ({
  number: `BALI-2026-0000${n}`,
  office: 'bali',
  service: 'pengembangan-aplikasi',
  subject: `Permohonan ${n}`,
  status: 'in-progress',
  channel: 'portal',
  opdId: null,
  assigneeId: null,
  slaState: 'running',
  dueAt: null,
  targetDueAt: null,
  createdAt: '2026-03-02T01:00:00.000Z',
  version: n + 10,
  currentStep,
});

describe('BulkAssignComponent', () => {
  let fixture: ComponentFixture<BulkAssignComponent>;
  let backend: HttpTestingController;

  async function create(tickets: TicketSummary[], user = MANAGER): Promise<HTMLElement> {
    resetStorage(user);
    TestBed.configureTestingModule({ providers: consoleTestProviders() });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(BulkAssignComponent);
    fixture.componentRef.setInput('tickets', tickets);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  afterEach(() => backend.verify());

  const AGENTS: TicketAssigneeView[] = [
    { id: 'u-budi', name: 'Budi', email: 'b@x', openTickets: 0 },
    { id: 'u-bali', name: 'Helpdesk Bali', email: 'h@x', openTickets: 3 },
    { id: 'u-ani', name: 'Ani', email: 'a@x', openTickets: 5 },
  ];
  const options = (element: HTMLElement) =>
    Array.from(element.querySelector<HTMLSelectElement>('[data-test=bulk-assignee]')!.options);

  it('offers every active agent of the tickets office, whatever their steps, asked once', async () => {
    const element = await create([
      ticket(1, step(2, 'Analis')),
      ticket(3, step(1, 'Programmer')),
      ticket(4, step(4, 'OPD', true)),
      ticket(5, null),
    ]);
    backend.expectOne('/api/v1/tickets/assignees?office=bali').flush(AGENTS);
    await fixture.whenStable();
    // The manager is not an agent: the office's agents as the API ordered them (least loaded).
    expect(options(element).map((o) => o.value)).toEqual(['u-budi', 'u-bali', 'u-ani']);
    expect(options(element)[2].textContent).toContain('Ani · 5 tiket terbuka');
    expect(element.querySelector<HTMLSelectElement>('[data-test=bulk-assignee]')!.value).toBe(
      'u-budi',
    );
  });

  it('puts the signed-in agent first, named as such', async () => {
    const element = await create([ticket(1, null)], AGENT);
    backend.expectOne('/api/v1/tickets/assignees?office=bali').flush(AGENTS);
    await fixture.whenStable();
    expect(options(element).map((o) => o.value)).toEqual(['u-bali', 'u-budi', 'u-ani']);
    expect(options(element)[0].textContent).toContain('Helpdesk Bali (saya)');
  });

  it('says so when nobody can be chosen, and cannot confirm', async () => {
    const element = await create([ticket(1, step(2, 'Analis'))]);
    backend
      .expectOne('/api/v1/tickets/assignees?office=bali')
      .flush(null, { status: 500, statusText: 'Server Error' });
    await fixture.whenStable();
    expect(element.querySelector('[data-test=bulk-no-candidates]')).not.toBeNull();
    expect(element.querySelector<HTMLButtonElement>('[data-test=bulk-confirm]')!.disabled).toBe(
      true,
    );
  });

  it('reports every ticket once all are answered, a network failure as an error', async () => {
    const element = await create([ticket(1, step(2, 'Analis')), ticket(2, step(2, 'Analis'))]);
    let finished: BulkAssignResult[] = [];
    fixture.componentInstance.finished.subscribe((r) => (finished = r));
    backend
      .expectOne('/api/v1/tickets/assignees?office=bali')
      .flush([{ id: 'u-a', name: 'Ani', email: 'a@x', openTickets: 1 }]);
    await fixture.whenStable();
    element.querySelector<HTMLElement>('[data-test=bulk-confirm]')!.click();
    await fixture.whenStable();
    const one = backend.expectOne('/api/v1/tickets/BALI-2026-00001/assign');
    const two = backend.expectOne('/api/v1/tickets/BALI-2026-00002/assign');
    expect(one.request.body).toEqual({ userId: 'u-a', expectedVersion: 11 });
    expect(two.request.body).toEqual({ userId: 'u-a', expectedVersion: 12 });
    two.error(new ProgressEvent('error'), { status: 0, statusText: '' });
    await fixture.whenStable();
    expect(finished).toEqual([]);
    one.flush({});
    await fixture.whenStable();
    expect(finished.map((r) => [r.number, r.outcome])).toEqual([
      ['BALI-2026-00001', 'assigned'],
      ['BALI-2026-00002', 'error'],
    ]);
    expect(finished[1].message).toBeTruthy();
    expect(element.querySelector('[data-test=bulk-summary]')!.textContent).toContain(
      '1 ditugaskan · 0 bentrok · 1 gagal',
    );
  });
});
