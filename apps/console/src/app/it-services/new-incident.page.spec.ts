import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AGENT, OFFICES } from '../../testing/fixtures';
import { consoleTestProviders, resetStorage, textOf } from '../../testing/providers';
import { MATRIX, SERVER, WEB } from './fixtures';
import { NewIncidentPage, previewPriority } from './new-incident.page';

describe('previewPriority', () => {
  it('reads impact x urgency off the matrix', () => {
    expect(previewPriority(MATRIX, 'tinggi', 'tinggi')?.name).toBe('Kritis');
    expect(previewPriority(MATRIX, 'sedang', 'rendah')?.priority).toBe('P4');
    expect(previewPriority(null, 'tinggi', 'tinggi')).toBeNull();
  });
});

describe('NewIncidentPage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  async function open(): Promise<HTMLElement> {
    resetStorage(AGENT);
    TestBed.configureTestingModule({
      providers: consoleTestProviders([
        { path: 'tiket/gangguan-baru', component: NewIncidentPage },
      ]),
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/tiket/gangguan-baru');
    await harness.fixture.whenStable();
    backend.expectOne('/api/v1/offices').flush(OFFICES);
    await harness.fixture.whenStable();
    backend.expectOne('/api/v1/it-services?office=tebingtinggi').flush([WEB, SERVER]);
    backend.expectOne('/api/v1/priority-matrix/tebingtinggi').flush(MATRIX);
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

  it('shows the priority the matrix gives before saving, and opens the incident', async () => {
    const element = await open();
    expect(textOf(element, '[data-test=inc-preview]')).toContain('P3');
    // The selects are Material's; the test sets the form they are bound to.
    const form = (
      harness.routeDebugElement!.componentInstance as unknown as {
        form: { patchValue(v: Record<string, unknown>): void };
      }
    ).form;
    form.patchValue({ services: ['server-pemko'], impact: 'tinggi', urgency: 'tinggi' });
    await harness.fixture.whenStable();
    expect(textOf(element, '[data-test=inc-preview]')).toContain('Kritis');
    expect(textOf(element, '[data-test=inc-preview]')).toContain('15 menit');
    expect(textOf(element, '[data-test=inc-preview]')).toContain('24 jam x 7 hari');

    type(element, '[data-test=inc-name]', 'Operator Jaga');
    type(element, '[data-test=inc-phone]', '+62 621 21000');
    type(element, '[data-test=inc-subject]', 'Ruang server padam');
    type(element, '[data-test=inc-description]', 'UPS mati, semua aplikasi tidak dapat diakses.');
    await harness.fixture.whenStable();
    // Each text counts up to the limit the API checks.
    const counts = Array.from(element.querySelectorAll('[data-test=field-count]')).map((e) =>
      e.textContent!.trim(),
    );
    expect(counts).toEqual(['13/200', '18/300', '45/20000']);
    element.querySelector<HTMLElement>('[data-test=inc-submit]')!.click();
    const req = backend.expectOne({ method: 'POST', url: '/api/v1/incidents' });
    expect(req.request.body).toEqual({
      office: 'tebingtinggi',
      services: ['server-pemko'],
      impact: 'tinggi',
      urgency: 'tinggi',
      channel: 'phone',
      subject: 'Ruang server padam',
      description: 'UPS mati, semua aplikasi tidak dapat diakses.',
      requester: { name: 'Operator Jaga', phone: '+62 621 21000' },
    });
    const navigate = spyOn(TestBed.inject(Router), 'navigate').and.resolveTo(true);
    req.flush({ number: 'GNGTT-2026-000001' });
    expect(navigate).toHaveBeenCalledWith(['/tiket', 'GNGTT-2026-000001']);
  });

  it('sends nothing while the reporter, title or description is missing', async () => {
    const element = await open();
    element.querySelector<HTMLElement>('[data-test=inc-submit]')!.click();
    await harness.fixture.whenStable();
    backend.expectNone('/api/v1/incidents');
    expect(element.querySelectorAll('mat-error').length).toBeGreaterThan(0);
  });
});
