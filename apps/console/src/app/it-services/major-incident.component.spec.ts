import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { IncidentView, ProblemView, TicketDetail } from '@sigap/contracts';
import { AGENT } from '../../testing/fixtures';
import { consoleTestProviders, resetStorage, textOf } from '../../testing/providers';
import { MajorIncidentComponent } from './major-incident.component';

const PARENT = {
  number: 'GNGTT-2026-000001',
  office: 'tebingtinggi',
  kind: 'incident',
  version: 5,
  allowedActions: ['resolve', 'cancel'],
} as unknown as TicketDetail;

const VIEW: IncidentView = {
  number: 'GNGTT-2026-000001',
  office: 'tebingtinggi',
  impact: 'tinggi',
  urgency: 'tinggi',
  priority: 'P1',
  priorityName: 'Kritis',
  response: '15 menit',
  resolution: '4 jam',
  supportHours: '24x7',
  services: [],
  ownerPosition: null,
  parent: null,
  children: [
    {
      number: 'GNGTT-2026-000002',
      subject: 'Website dinas pendidikan mati',
      status: 'new',
      requesterName: 'Operator Disdik',
    },
  ],
  rootCause: null,
  problem: null,
};

const PROBLEM: ProblemView = {
  id: '7d4c1a52-3f0e-4c55-9a7e-0e4b3c1f2a10',
  office: 'tebingtinggi',
  title: 'UPS ruang server sering mati',
  description: 'UPS lama tidak menahan beban.',
  status: 'open',
  rootCause: null,
  workaround: null,
  incidentCount: 2,
  createdAt: '2026-11-20T02:00:00.000Z',
  updatedAt: '2026-11-20T02:00:00.000Z',
  version: 1,
};

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MajorIncidentComponent],
  template: `<sg-major-incident
    [ticket]="ticket()"
    [view]="view()"
    (changed)="changes = changes + 1"
  />`,
})
class HostComponent {
  readonly ticket = signal<TicketDetail>(PARENT);
  readonly view = signal<IncidentView>(VIEW);
  changes = 0;
}

describe('MajorIncidentComponent', () => {
  let backend: HttpTestingController;

  async function mount(ticket: TicketDetail, view: IncidentView) {
    resetStorage(AGENT);
    TestBed.configureTestingModule({ providers: consoleTestProviders() });
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(HostComponent);
    fixture.componentInstance.ticket.set(ticket);
    fixture.componentInstance.view.set(view);
    fixture.detectChanges();
    await fixture.whenStable();
    return fixture;
  }

  const type = (root: HTMLElement, selector: string, value: string) => {
    const el = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
    el.value = value;
    el.dispatchEvent(new Event('input'));
  };

  afterEach(() => backend.verify());

  it('lists the linked reports, links more, and sends one update to every reporter', async () => {
    const fixture = await mount(PARENT, VIEW);
    backend.expectOne('/api/v1/problems?office=tebingtinggi').flush([PROBLEM]);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(textOf(element, '[data-test=major-children]')).toContain('GNGTT-2026-000002');
    expect(textOf(element, '[data-test=major-children]')).toContain('Operator Disdik');
    expect(textOf(element, '[data-test=major-resolve-note]')).toContain('laporan tertaut');

    type(element, '[data-test=major-link-input]', 'gngtt-2026-000003, GNGTT-2026-000004 ,');
    fixture.detectChanges();
    element.querySelector<HTMLButtonElement>('[data-test=major-link]')!.click();
    const link = backend.expectOne({
      method: 'POST',
      url: '/api/v1/incidents/GNGTT-2026-000001/children',
    });
    expect(link.request.body).toEqual({
      children: ['GNGTT-2026-000003', 'GNGTT-2026-000004'],
      expectedVersion: 5,
    });
    link.flush({ ...PARENT, version: 6 });
    expect(fixture.componentInstance.changes).toBe(1);

    type(element, '[data-test=major-update-input]', '  Genset sudah menyala.  ');
    fixture.detectChanges();
    element.querySelector<HTMLButtonElement>('[data-test=major-update-send]')!.click();
    const update = backend.expectOne({
      method: 'POST',
      url: '/api/v1/incidents/GNGTT-2026-000001/updates',
    });
    expect(update.request.body).toEqual({ body: 'Genset sudah menyala.', expectedVersion: 5 });
    update.flush({ ...PARENT, version: 6 });

    element.querySelector<HTMLButtonElement>('[data-test=major-unlink]')!.click();
    const unlink = backend.expectOne({
      method: 'DELETE',
      url: '/api/v1/incidents/GNGTT-2026-000001/children/GNGTT-2026-000002',
    });
    expect(unlink.request.headers.get('If-Match')).toBe('5');
    unlink.flush({ ...PARENT, version: 6 });
    expect(fixture.componentInstance.changes).toBe(3);
  });

  it('shows the parent of a linked report and saves its root cause', async () => {
    const child = { ...PARENT, number: 'GNGTT-2026-000002', version: 2 } as TicketDetail;
    const fixture = await mount(child, {
      ...VIEW,
      number: 'GNGTT-2026-000002',
      children: [],
      parent: {
        number: 'GNGTT-2026-000001',
        subject: 'Pusat data padam',
        status: 'in-progress',
        requesterName: null,
      },
    });
    backend.expectOne('/api/v1/problems?office=tebingtinggi').flush([]);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(textOf(element, '[data-test=major-parent]')).toContain('GNGTT-2026-000001');
    expect(element.querySelector('[data-test=major-link]')).toBeNull();
    type(element, '[data-test=major-root-cause]', 'UPS rusak');
    fixture.detectChanges();
    element.querySelector<HTMLButtonElement>('[data-test=major-root-cause-save]')!.click();
    const req = backend.expectOne({
      method: 'PUT',
      url: '/api/v1/incidents/GNGTT-2026-000002/root-cause',
    });
    expect(req.request.body).toEqual({ rootCause: 'UPS rusak', expectedVersion: 2 });
    req.flush(child);
  });

  it('reads only for someone the ticket offers no actions', async () => {
    const fixture = await mount({ ...PARENT, allowedActions: [] } as TicketDetail, {
      ...VIEW,
      problem: { id: PROBLEM.id, title: PROBLEM.title, status: 'known-error' },
    });
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('[data-test=major-link]')).toBeNull();
    expect(element.querySelector('[data-test=major-update-send]')).toBeNull();
    expect(element.querySelector('[data-test=major-unlink]')).toBeNull();
    expect(textOf(element, '[data-test=major-problem]')).toContain('Galat diketahui');
  });
});
