import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { IncidentView, TicketDetail } from '@sigap/contracts';
import { AGENT } from '../../testing/fixtures';
import { consoleTestProviders, resetStorage, textOf } from '../../testing/providers';
import { MATRIX, WEB } from './fixtures';
import { IncidentPanelComponent } from './incident-panel.component';

const INCIDENT = {
  number: 'GNGTT-2026-000004',
  office: 'tebingtinggi',
  kind: 'incident',
  priority: 'P3',
  service: null,
  version: 3,
  allowedActions: ['assign', 'start-work', 'cancel'],
} as unknown as TicketDetail;

const VIEW: IncidentView = {
  number: 'GNGTT-2026-000004',
  office: 'tebingtinggi',
  impact: 'tinggi',
  urgency: 'rendah',
  priority: 'P3',
  priorityName: 'Sedang',
  response: '4 jam',
  resolution: '3 hari',
  supportHours: 'office',
  services: [{ code: WEB.code, name: WEB.name, kind: 'website', supportHours: 'office' }],
  ownerPosition: 'tim-teknis-kominfo',
  parent: null,
  children: [],
  rootCause: null,
  problem: null,
};

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [IncidentPanelComponent],
  template: `<sg-incident-panel [ticket]="ticket()" (changed)="changed()" />`,
})
class HostComponent {
  readonly ticket = signal<TicketDetail>(INCIDENT);
  changes = 0;

  changed(): void {
    this.changes++;
  }
}

describe('IncidentPanelComponent', () => {
  let backend: HttpTestingController;

  async function mount(ticket: TicketDetail) {
    resetStorage(AGENT);
    TestBed.configureTestingModule({ providers: consoleTestProviders() });
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(HostComponent);
    fixture.componentInstance.ticket.set(ticket);
    fixture.detectChanges();
    await fixture.whenStable();
    backend.expectOne('/api/v1/priority-matrix/tebingtinggi').flush(MATRIX);
    return fixture;
  }

  afterEach(() => backend.verify());

  it('shows the priority, targets and services, and recomputes on a new impact x urgency', async () => {
    const fixture = await mount(INCIDENT);
    backend.expectOne('/api/v1/incidents/GNGTT-2026-000004').flush(VIEW);
    await fixture.whenStable();
    // The major-incident part lists the office's problems to link to.
    backend.expectOne('/api/v1/problems?office=tebingtinggi').flush([]);
    const element = fixture.nativeElement as HTMLElement;
    expect(textOf(element, '[data-test=incident-priority]')).toContain('P3');
    expect(textOf(element, '[data-test=incident-priority]')).toContain('dampak Tinggi');
    expect(textOf(element, '[data-test=incident-targets]')).toContain('3 hari');
    expect(textOf(element, '[data-test=incident-services]')).toContain(WEB.name);
    const save = element.querySelector<HTMLButtonElement>('[data-test=ws-priority-save]')!;
    // Nothing to save until impact or urgency changes.
    expect(save.disabled).toBeTrue();

    const panel = fixture.debugElement.children[0].componentInstance as unknown as {
      urgency: { set(v: string): void };
    };
    panel.urgency.set('tinggi');
    fixture.detectChanges();
    await fixture.whenStable();
    expect(textOf(element, '[data-test=ws-preview]')).toContain('Kritis');
    // The reason counts against the API's limit.
    const reason = element.querySelector<HTMLInputElement>('[data-test=ws-priority-reason]')!;
    expect(reason.getAttribute('maxlength')).toBe('500');
    expect(textOf(element, '[data-test=field-count]')).toBe('0/500');
    save.click();
    const req = backend.expectOne({
      method: 'PUT',
      url: '/api/v1/incidents/GNGTT-2026-000004/priority',
    });
    expect(req.request.body).toEqual({
      impact: 'tinggi',
      urgency: 'tinggi',
      reason: null,
      expectedVersion: 3,
    });
    req.flush({ ...INCIDENT, priority: 'P1', version: 4 });
    expect(fixture.componentInstance.changes).toBe(1);
  });

  it('reads only, for someone the ticket offers no actions', async () => {
    const fixture = await mount({ ...INCIDENT, allowedActions: [] });
    backend.expectOne('/api/v1/incidents/GNGTT-2026-000004').flush(VIEW);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('[data-test=ws-priority-save]')).toBeNull();
    // The status page's words, read only: the generic phrases while none are written.
    expect(element.querySelector('[data-test=public-notice-save]')).toBeNull();
    expect(textOf(element, '[data-test=public-notice-text]')).toContain('Sedang ditangani');
  });

  it("lets the helpdesk write the status page's public title and summary", async () => {
    const fixture = await mount(INCIDENT);
    backend
      .expectOne('/api/v1/incidents/GNGTT-2026-000004')
      .flush({ ...VIEW, publicTitle: 'Website lambat', publicSummary: null });
    await fixture.whenStable();
    backend.expectOne('/api/v1/problems?office=tebingtinggi').flush([]);
    const element = fixture.nativeElement as HTMLElement;
    const title = element.querySelector<HTMLInputElement>('[data-test=public-notice-title]')!;
    expect(title.value).toBe('Website lambat');
    expect(title.getAttribute('maxlength')).toBe('200');
    const summary = element.querySelector<HTMLTextAreaElement>(
      '[data-test=public-notice-summary]',
    )!;
    expect(summary.getAttribute('maxlength')).toBe('1000');
    summary.value = '  Server sedang dipulihkan.  ';
    summary.dispatchEvent(new Event('input'));
    title.value = '';
    title.dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('[data-test=public-notice-save]')!.click();
    const req = backend.expectOne({
      method: 'PUT',
      url: '/api/v1/incidents/GNGTT-2026-000004/public-notice',
    });
    expect(req.request.body).toEqual({
      publicTitle: null,
      publicSummary: 'Server sedang dipulihkan.',
      expectedVersion: 3,
    });
    req.flush({ ...INCIDENT, version: 4 });
    expect(fixture.componentInstance.changes).toBe(1);
  });

  it('turns a mail in triage into an incident', async () => {
    const triage = {
      ...INCIDENT,
      number: 'TT-2026-000010',
      kind: 'request',
      priority: null,
      allowedActions: ['choose-service', 'cancel'],
    } as unknown as TicketDetail;
    const fixture = await mount(triage);
    backend.expectOne('/api/v1/it-services?office=tebingtinggi').flush([WEB]);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(textOf(element, '#incident-title')).toBe('Ini gangguan?');
    element.querySelector<HTMLElement>('[data-test=ws-priority-save]')!.click();
    const req = backend.expectOne({
      method: 'POST',
      url: '/api/v1/incidents/from-triage/TT-2026-000010',
    });
    expect(req.request.body).toEqual({
      services: [],
      impact: 'sedang',
      urgency: 'sedang',
      expectedVersion: 3,
    });
    req.flush({ ...triage, kind: 'incident' });
    expect(fixture.componentInstance.changes).toBe(1);
  });
});
