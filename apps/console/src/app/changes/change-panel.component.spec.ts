import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { CurrentUser, TicketDetail } from '@sigap/contracts';
import { AGENT } from '../../testing/fixtures';
import { consoleTestProviders, resetStorage, textOf } from '../../testing/providers';
import { ChangePanelComponent } from './change-panel.component';
import { CHANGE, CHANGE_TICKET, KADIS } from './fixtures';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ChangePanelComponent],
  template: `<sg-change-panel [ticket]="ticket()" timeZone="Asia/Jakarta" (changed)="changed()" />`,
})
class HostComponent {
  readonly ticket = signal<TicketDetail>(CHANGE_TICKET);
  changes = 0;

  changed(): void {
    this.changes++;
  }
}

describe('ChangePanelComponent', () => {
  let backend: HttpTestingController;

  async function mount(user: CurrentUser, view = CHANGE) {
    resetStorage(user);
    TestBed.configureTestingModule({ providers: consoleTestProviders() });
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(HostComponent);
    fixture.detectChanges();
    await fixture.whenStable();
    backend.expectOne(`/api/v1/changes/${CHANGE.number}`).flush(view);
    await fixture.whenStable();
    return fixture;
  }

  afterEach(() => backend.verify());

  it("shows the change, its overlap and approvals; the Kadis decides the Kadis's approval", async () => {
    const fixture = await mount(KADIS);
    const element = fixture.nativeElement as HTMLElement;
    expect(textOf(element, '[data-test=change-state]')).toBe('Menunggu persetujuan');
    expect(textOf(element, '[data-test=change-risk]')).toBe('Tinggi');
    expect(textOf(element, '[data-test=change-window]')).toContain('21.00 WIB');
    expect(textOf(element, '[data-test=change-overlaps]')).toContain('PRBTT-2026-000002');
    expect(textOf(element, '[data-test=change-approvals]')).toContain('Sudah diuji.');
    // Positions and deciders by name, not by code.
    const positions = element.querySelectorAll('[data-test=approval-position]');
    expect(Array.from(positions, (p) => p.textContent?.trim())).toEqual([
      'Kepala Bidang TIK',
      'Kepala Dinas',
    ]);
    expect(textOf(element, '[data-test=approval-decider]')).toContain('oleh Made Suarta');
    // One decision box: the active approval, on the Kadis's own position.
    expect(element.querySelectorAll('[data-test=change-approve]').length).toBe(1);

    // Rejecting needs a reason: nothing is sent without one.
    element.querySelector<HTMLElement>('[data-test=change-reject]')!.click();
    backend.expectNone(`/api/v1/changes/${CHANGE.number}/approvals/2/reject`);

    element.querySelector<HTMLElement>('[data-test=change-approve]')!.click();
    const req = backend.expectOne({
      method: 'POST',
      url: `/api/v1/changes/${CHANGE.number}/approvals/2/approve`,
    });
    expect(req.request.body).toEqual({ reason: null, expectedVersion: 4 });
    req.flush({
      ...CHANGE,
      state: 'approved',
      overlaps: [],
      approvals: CHANGE.approvals.map((a) => ({ ...a, status: 'approved', mayDecide: false })),
      version: 5,
    });
    await fixture.whenStable();
    expect(textOf(element, '[data-test=change-state]')).toBe('Disetujui');
    expect(fixture.componentInstance.changes).toBe(1);
    expect(element.querySelector('[data-test=change-approve]')).toBeNull();
    // A manager does not record the implementation: that is the helpdesk's.
    expect(element.querySelector('[data-test=change-implement]')).toBeNull();
  });

  it('offers no decision to a helpdesk agent who does not hold the position, but the implementation once approved', async () => {
    const fixture = await mount(AGENT, {
      ...CHANGE,
      approvals: CHANGE.approvals.map((a) => ({ ...a, mayDecide: false })),
    });
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('[data-test=change-approve]')).toBeNull();
    fixture.componentInstance.ticket.set({ ...CHANGE_TICKET, version: 5 });
    fixture.detectChanges();
    await fixture.whenStable();
    backend
      .expectOne(`/api/v1/changes/${CHANGE.number}`)
      .flush({ ...CHANGE, state: 'approved', overlaps: [], version: 5 });
    await fixture.whenStable();
    expect(element.querySelector('[data-test=change-implement]')).not.toBeNull();
    expect(element.querySelector('[data-test=change-incidents]')).not.toBeNull();
  });

  it('lets the helpdesk withdraw a change not yet made, with a reason of at least five letters', async () => {
    const fixture = await mount(AGENT, {
      ...CHANGE,
      approvals: CHANGE.approvals.map((a) => ({ ...a, mayDecide: false })),
    });
    const element = fixture.nativeElement as HTMLElement;
    element.querySelector<HTMLElement>('[data-test=change-withdraw] summary')!.click();
    fixture.detectChanges();
    const input = element.querySelector<HTMLInputElement>('[data-test=change-withdraw-reason]')!;
    const confirm = element.querySelector<HTMLButtonElement>(
      '[data-test=change-withdraw-confirm]',
    )!;
    input.value = 'Tdk';
    input.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    await fixture.whenStable();
    expect(confirm.disabled).toBeTrue();
    input.value = 'Migrasi diundur ke tahun depan.';
    input.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    await fixture.whenStable();
    expect(confirm.disabled).toBeFalse();
    confirm.click();
    await fixture.whenStable();
    const req = backend.expectOne({
      method: 'POST',
      url: `/api/v1/changes/${CHANGE.number}/withdraw`,
    });
    expect(req.request.body).toEqual({
      reason: 'Migrasi diundur ke tahun depan.',
      expectedVersion: CHANGE.version,
    });
    req.flush({ ...CHANGE, state: 'withdrawn', overlaps: [] });
    await fixture.whenStable();
    expect(textOf(element, '[data-test=change-state]')).toBe('Dibatalkan');
    expect(element.querySelector('[data-test=change-withdraw]')).toBeNull();
    expect(fixture.componentInstance.changes).toBe(1);
  });
});
