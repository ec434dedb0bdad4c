import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import type { OpdView } from '@sigap/contracts';
import { ADMIN, OFFICES } from '../../testing/fixtures';
import { consoleTestProviders, resetStorage, textOf } from '../../testing/providers';
import { parseDomains } from './admin.api';
import { OpdsPage } from './opds.page';

const DINKES: OpdView = {
  id: 'o-1',
  office: 'tebingtinggi',
  name: 'Dinas Kesehatan',
  emailDomains: ['dinkes.tebingtinggikota.go.id'],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('parseDomains', () => {
  it('splits on commas, spaces and new lines, lower-cases, drops a leading @ and repeats', () => {
    expect(parseDomains(' Dinkes.go.id, @bappeda.go.id\n dinkes.go.id ;; ')).toEqual([
      'dinkes.go.id',
      'bappeda.go.id',
    ]);
    expect(parseDomains('   ')).toEqual([]);
  });
});

describe('OpdsPage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  async function open(): Promise<HTMLElement> {
    resetStorage(ADMIN);
    TestBed.configureTestingModule({
      providers: consoleTestProviders([{ path: 'admin/opd', component: OpdsPage }]),
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/admin/opd');
    await harness.fixture.whenStable();
    backend.expectOne('/api/v1/offices').flush(OFFICES);
    backend.expectOne('/api/v1/opds?office=tebingtinggi').flush([DINKES]);
    await harness.fixture.whenStable();
    return harness.routeNativeElement!;
  }

  function type(root: HTMLElement, selector: string, value: string): void {
    const input = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  afterEach(() => backend.verify());

  it('lists the OPDs with their e-mail domains', async () => {
    const element = await open();
    expect(textOf(element, '[data-test=opd-row]')).toContain('Dinas Kesehatan');
    expect(textOf(element, '[data-test=opd-row-domains]')).toBe('dinkes.tebingtinggikota.go.id');
  });

  it('creates an OPD and shows a refused domain beside the domain field', async () => {
    const element = await open();
    element.querySelector<HTMLElement>('[data-test=new-opd]')!.click();
    await harness.fixture.whenStable();
    element.querySelector<HTMLElement>('[data-test=save-opd]')!.click();
    await harness.fixture.whenStable();
    expect(textOf(element, '[data-test=error-name]')).toBe('Nama OPD wajib diisi.');
    backend.expectNone('/api/v1/opds');

    type(element, '[data-test=opd-name]', 'Bappeda');
    type(element, '[data-test=opd-domains]', 'bappeda.go.id, bukan domain');
    element.querySelector<HTMLElement>('[data-test=save-opd]')!.click();
    await harness.fixture.whenStable();
    const req = backend.expectOne({ method: 'POST', url: '/api/v1/opds' });
    expect(req.request.body).toEqual({
      name: 'Bappeda',
      office: 'tebingtinggi',
      emailDomains: ['bappeda.go.id', 'bukan', 'domain'],
    });
    req.flush(
      {
        type: 'about:blank',
        title: 'Data tidak valid',
        status: 400,
        errors: [{ path: 'emailDomains.1', message: 'domain e-mail tidak valid' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await harness.fixture.whenStable();
    expect(textOf(element, '[data-test=error-domains]')).toBe('[1] domain e-mail tidak valid');

    type(element, '[data-test=opd-domains]', 'bappeda.go.id');
    element.querySelector<HTMLElement>('[data-test=save-opd]')!.click();
    await harness.fixture.whenStable();
    backend
      .expectOne({ method: 'POST', url: '/api/v1/opds' })
      .flush({ ...DINKES, id: 'o-2', name: 'Bappeda', emailDomains: ['bappeda.go.id'] });
    await harness.fixture.whenStable();
    expect(element.querySelectorAll('[data-test=opd-row]').length).toBe(2);
  });

  it('edits the domains of an OPD with a PATCH', async () => {
    const element = await open();
    element.querySelector<HTMLElement>('[data-test=edit-opd]')!.click();
    await harness.fixture.whenStable();
    expect(element.querySelector<HTMLTextAreaElement>('[data-test=opd-domains]')!.value).toBe(
      'dinkes.tebingtinggikota.go.id',
    );
    type(element, '[data-test=opd-domains]', 'dinkes.tebingtinggikota.go.id, puskesmas.go.id');
    element.querySelector<HTMLElement>('[data-test=save-opd]')!.click();
    await harness.fixture.whenStable();
    const req = backend.expectOne({ method: 'PATCH', url: '/api/v1/opds/o-1' });
    expect(req.request.body.emailDomains).toEqual([
      'dinkes.tebingtinggikota.go.id',
      'puskesmas.go.id',
    ]);
    req.flush({ ...DINKES, emailDomains: req.request.body.emailDomains });
    await harness.fixture.whenStable();
    expect(textOf(element, '[data-test=opd-row-domains]')).toContain('puskesmas.go.id');
  });
});
