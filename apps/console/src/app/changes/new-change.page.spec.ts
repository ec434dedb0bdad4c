import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AGENT, OFFICES } from '../../testing/fixtures';
import { consoleTestProviders, resetStorage, textOf } from '../../testing/providers';
import { SERVER, WEB } from '../it-services/fixtures';
import { wallClockToIso } from './changes.api';
import { CHANGE, POLICY } from './fixtures';
import { NewChangePage } from './new-change.page';

describe('wallClockToIso', () => {
  it("reads a datetime-local value on the office's clock", () => {
    expect(wallClockToIso('2026-12-12T21:00', 'Asia/Jakarta')).toBe('2026-12-12T14:00:00.000Z');
    expect(wallClockToIso('2026-12-12T21:00', 'Asia/Makassar')).toBe('2026-12-12T13:00:00.000Z');
    expect(wallClockToIso('besok', 'Asia/Jakarta')).toBeNull();
  });
});

describe('NewChangePage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  async function open(): Promise<HTMLElement> {
    resetStorage(AGENT);
    TestBed.configureTestingModule({
      providers: consoleTestProviders([{ path: 'tiket/perubahan-baru', component: NewChangePage }]),
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/tiket/perubahan-baru');
    await harness.fixture.whenStable();
    backend.expectOne('/api/v1/offices').flush(OFFICES);
    await harness.fixture.whenStable();
    backend.expectOne('/api/v1/it-services?office=tebingtinggi').flush([WEB, SERVER]);
    backend.expectOne('/api/v1/changes/approval-policy/tebingtinggi').flush(POLICY);
    backend.expectOne('/api/v1/opds?office=tebingtinggi').flush([]);
    await harness.fixture.whenStable();
    return harness.routeNativeElement!;
  }

  afterEach(() => backend.verify());

  function type(root: HTMLElement, selector: string, value: string): void {
    const input = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  function form() {
    return (
      harness.routeDebugElement!.componentInstance as unknown as {
        form: { patchValue(v: Record<string, unknown>): void };
      }
    ).form;
  }

  it('shows who approves the chosen risk, sends the window on the office clock and tells of an overlap', async () => {
    const element = await open();
    expect(textOf(element, '[data-test=chg-approvers]')).toContain('kabid-tik (1 hari)');
    form().patchValue({ services: ['web-pemko'], risk: 'tinggi' });
    await harness.fixture.whenStable();
    expect(textOf(element, '[data-test=chg-approvers]')).toContain(
      'kabid-tik (1 hari) → kadis (2 hari)',
    );

    type(element, '[data-test=chg-start]', '2026-12-12T21:00');
    type(element, '[data-test=chg-end]', '2026-12-12T23:00');
    type(element, '[data-test=chg-subject]', 'Membuka port 443');
    type(element, '[data-test=chg-description]', 'Port 443 untuk aplikasi perizinan.');
    type(element, '[data-test=chg-rollback]', 'Pulihkan konfigurasi firewall.');
    type(element, '[data-test=chg-name]', 'Kasubbag Umum DPMPTSP');
    await harness.fixture.whenStable();
    element.querySelector<HTMLElement>('[data-test=chg-submit]')!.click();
    const req = backend.expectOne({ method: 'POST', url: '/api/v1/changes' });
    expect(req.request.body).toEqual({
      office: 'tebingtinggi',
      services: ['web-pemko'],
      risk: 'tinggi',
      channel: 'letter',
      subject: 'Membuka port 443',
      description: 'Port 443 untuk aplikasi perizinan.',
      rollbackPlan: 'Pulihkan konfigurasi firewall.',
      plannedStart: '2026-12-12T14:00:00.000Z',
      plannedEnd: '2026-12-12T16:00:00.000Z',
      requester: { name: 'Kasubbag Umum DPMPTSP' },
    });
    const navigate = spyOn(TestBed.inject(Router), 'navigate').and.resolveTo(true);
    req.flush({
      change: CHANGE,
      warnings: [{ code: 'change.overlap', message: 'x', overlaps: CHANGE.overlaps }],
    });
    await harness.fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/tiket', CHANGE.number]);
    expect(document.body.textContent).toContain('bertumpang tindih dengan PRBTT-2026-000002');
  });

  it('sends nothing without services, window, rollback plan or requester', async () => {
    const element = await open();
    element.querySelector<HTMLElement>('[data-test=chg-submit]')!.click();
    await harness.fixture.whenStable();
    backend.expectNone('/api/v1/changes');
    expect(element.querySelectorAll('mat-error').length).toBeGreaterThan(0);
  });

  it('shows the API field errors under their fields', async () => {
    const element = await open();
    form().patchValue({
      services: ['web-pemko'],
      start: '2026-12-12T21:00',
      end: '2026-12-12T20:00',
      subject: 'Membuka port',
      description: 'Uraian perubahan',
      rollbackPlan: 'Rencana pemulihan',
      name: 'Pemohon',
    });
    element.querySelector<HTMLElement>('[data-test=chg-submit]')!.click();
    backend.expectOne({ method: 'POST', url: '/api/v1/changes' }).flush(
      {
        type: 'about:blank',
        title: 'Jendela perubahan tidak valid.',
        status: 400,
        code: 'change.invalid',
        errors: [{ path: 'plannedEnd', message: 'waktu selesai harus setelah waktu mulai' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await harness.fixture.whenStable();
    expect(element.textContent).toContain('waktu selesai harus setelah waktu mulai');
  });
});
