import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CurrentUser } from '@sigap/contracts';
import { AGENT, OFFICES } from '../../testing/fixtures';
import { consoleTestProviders, resetStorage, textOf } from '../../testing/providers';
import { ItServicesPage } from './it-services.page';
import { MATRIX, POSITIONS, SERVER, WEB } from './fixtures';

const MANAGER: CurrentUser = { ...AGENT, id: 'u-9', name: 'Kadis', roles: ['manager'] };

describe('ItServicesPage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  async function open(user: CurrentUser): Promise<HTMLElement> {
    resetStorage(user);
    TestBed.configureTestingModule({
      providers: consoleTestProviders([{ path: 'admin/layanan-ti', component: ItServicesPage }]),
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/admin/layanan-ti');
    await harness.fixture.whenStable();
    backend.expectOne('/api/v1/offices').flush(OFFICES);
    backend.expectOne('/api/v1/it-services?office=tebingtinggi').flush([WEB, SERVER]);
    backend.expectOne('/api/v1/positions?office=tebingtinggi').flush(POSITIONS);
    backend.expectOne('/api/v1/priority-matrix/tebingtinggi').flush(MATRIX);
    await harness.fixture.whenStable();
    return harness.routeNativeElement!;
  }

  afterEach(() => backend.verify());

  it('lists the services with their owner and support hours, and the default matrix', async () => {
    const element = await open(AGENT);
    const rows = element.querySelectorAll('[data-test=it-service-row]');
    expect(rows.length).toBe(2);
    expect(rows[0].textContent).toContain('Website Pemerintah Kota Tebing Tinggi');
    expect(rows[0].textContent).toContain('Tim Teknis Kominfo');
    expect(rows[1].querySelector('[data-test=its-row-hours]')?.textContent?.trim()).toBe(
      '24 jam x 7 hari',
    );
    expect(textOf(element, '[data-test=cell-tinggi-tinggi]')).toBe('P1');
    expect(textOf(element, '[data-test=cell-rendah-rendah]')).toBe('P4');
    expect(textOf(element, '[data-test=matrix-default]')).toContain('P1 15 menit / 4 jam');
    // An agent reads; only admins and managers edit.
    expect(element.querySelector('[data-test=new-it-service]')).toBeNull();
    expect(element.querySelector('[data-test=edit-it-service]')).toBeNull();
  });

  it('lets a manager add a service and shows the refused field beside it', async () => {
    const element = await open(MANAGER);
    element.querySelector<HTMLElement>('[data-test=new-it-service]')!.click();
    await harness.fixture.whenStable();
    const type = (selector: string, value: string) => {
      const input = element.querySelector<HTMLInputElement>(selector)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    type('[data-test=its-code]', 'Email Dinas');
    type('[data-test=its-name]', 'E-mail Dinas');
    type('[data-test=its-description]', 'Surel kantor');
    await harness.fixture.whenStable();
    // Each text counts up to the limit the API checks.
    const counts = Array.from(element.querySelectorAll('[data-test=field-count]')).map((e) =>
      e.textContent!.trim(),
    );
    expect(counts).toEqual(['11/60', '12/200', '12/2000']);
    element.querySelector<HTMLElement>('[data-test=save-it-service]')!.click();
    await harness.fixture.whenStable();
    const req = backend.expectOne({ method: 'POST', url: '/api/v1/it-services' });
    expect(req.request.body).toEqual(
      jasmine.objectContaining({
        office: 'tebingtinggi',
        code: 'Email Dinas',
        name: 'E-mail Dinas',
        kind: 'application',
        supportHours: 'office',
      }),
    );
    req.flush(
      {
        type: 'about:blank',
        title: 'Data layanan TI tidak valid.',
        status: 400,
        errors: [{ path: 'code', message: 'kode layanan: huruf kecil, angka dan tanda hubung' }],
      },
      {
        status: 400,
        statusText: 'Bad Request',
        headers: { 'content-type': 'application/problem+json' },
      },
    );
    await harness.fixture.whenStable();
    expect(textOf(element, '[data-test=error-code]')).toContain('huruf kecil');
  });

  it('retires a service instead of deleting it', async () => {
    const element = await open(MANAGER);
    element.querySelector<HTMLElement>('[data-test=retire-it-service]')!.click();
    const req = backend.expectOne({ method: 'POST', url: '/api/v1/it-services/s-1/retire' });
    req.flush({ ...WEB, status: 'retired', retiredAt: '2026-02-01T00:00:00.000Z' });
    await harness.fixture.whenStable();
    expect(element.querySelectorAll('[data-test=it-service-row]').length).toBe(1);
  });
});
