import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import type { OfficeSigner } from '@sigap/contracts';
import { ADMIN, OFFICES } from '../../testing/fixtures';
import { consoleTestProviders, resetStorage, textOf } from '../../testing/providers';
import { ReportSignerPage } from './report-signer.page';

const SIGNER_URL = '/api/v1/offices/tebingtinggi/signer';

describe('ReportSignerPage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  async function open(
    signer: OfficeSigner = { headName: null, headNip: null },
  ): Promise<HTMLElement> {
    resetStorage(ADMIN);
    TestBed.configureTestingModule({
      providers: consoleTestProviders([
        { path: 'admin/penanda-tangan', component: ReportSignerPage },
      ]),
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/admin/penanda-tangan');
    await harness.fixture.whenStable();
    backend.expectOne('/api/v1/offices').flush(OFFICES);
    backend.expectOne(SIGNER_URL).flush(signer);
    await harness.fixture.whenStable();
    return harness.routeNativeElement!;
  }

  const field = (root: HTMLElement, test: string) =>
    root.querySelector<HTMLInputElement>(`[data-test=${test}]`)!;

  async function type(root: HTMLElement, test: string, value: string): Promise<void> {
    const input = field(root, test);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await harness.fixture.whenStable();
  }

  async function save(root: HTMLElement): Promise<void> {
    root.querySelector<HTMLElement>('[data-test=save-signer]')!.click();
    await harness.fixture.whenStable();
  }

  afterEach(() => backend.verify());

  it('shows the stored signer of the office', async () => {
    const element = await open({ headName: 'Drs. I Made Rāka', headNip: '197001012000031001' });
    expect(field(element, 'signer-name').value).toBe('Drs. I Made Rāka');
    expect(field(element, 'signer-nip').value).toBe('197001012000031001');
  });

  it('checks the NIP and the name before saving, then saves tidied values', async () => {
    const element = await open();
    await type(element, 'signer-name', '  Dr.  Siti   Aminah ');
    await type(element, 'signer-nip', '1970 0101 2000 0310');
    await save(element);
    expect(textOf(element, '[data-test=error-nip]')).toBe('NIP terdiri atas 18 angka.');
    backend.expectNone(SIGNER_URL);

    await type(element, 'signer-name', '<b>Siti</b>');
    await type(element, 'signer-nip', '1970 0101 2000 0310 01');
    await save(element);
    expect(textOf(element, '[data-test=error-name]')).toContain('tanpa < atau >');
    backend.expectNone(SIGNER_URL);

    await type(element, 'signer-name', '  Dr.  Siti   Aminah ');
    await save(element);
    const req = backend.expectOne({ method: 'PUT', url: SIGNER_URL });
    expect(req.request.body).toEqual({
      headName: 'Dr. Siti Aminah',
      headNip: '197001012000031001',
    });
    req.flush({ headName: 'Dr. Siti Aminah', headNip: '197001012000031001' });
    await harness.fixture.whenStable();
    expect(field(element, 'signer-name').value).toBe('Dr. Siti Aminah');
    expect(element.querySelector('[data-test=error-name]')).toBeNull();
  });

  it('shows a field refused by the server beside it', async () => {
    const element = await open();
    await type(element, 'signer-nip', '197001012000031001');
    await save(element);
    backend.expectOne({ method: 'PUT', url: SIGNER_URL }).flush(
      {
        type: 'about:blank',
        title: 'Data tidak valid',
        status: 400,
        code: 'validation.failed',
        errors: [{ path: 'headNip', message: 'NIP terdiri atas 18 angka' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await harness.fixture.whenStable();
    expect(textOf(element, '[data-test=error-nip]')).toBe('NIP terdiri atas 18 angka');
  });
});
