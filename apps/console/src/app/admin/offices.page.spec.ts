import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import {
  FIELD_LIMITS,
  type OfficeAdminView,
  type OfficeSummary,
  type TimeZoneOption,
} from '@sigap/contracts';
import { ADMIN, OFFICES } from '../../testing/fixtures';
import { consoleTestProviders, resetStorage, textOf } from '../../testing/providers';
import { checkOffice, officeValues } from './office-form.component';
import { OfficesPage } from './offices.page';

const ZONES: TimeZoneOption[] = [
  { zone: 'Asia/Jakarta', abbreviation: 'WIB', offset: 'UTC+7' },
  { zone: 'Asia/Makassar', abbreviation: 'WITA', offset: 'UTC+8' },
  { zone: 'Asia/Jayapura', abbreviation: 'WIT', offset: 'UTC+9' },
  { zone: 'Europe/Amsterdam', abbreviation: null, offset: 'UTC+1' },
];

const LIST: OfficeSummary[] = [
  ...OFFICES.map((o) => ({ ...o, retiredAt: null })),
  {
    code: 'lama',
    name: 'Diskominfo Lama',
    timeZone: 'Asia/Jakarta',
    zoneAbbreviation: 'WIB',
    ticketPrefix: 'LAMA',
    retiredAt: '2026-01-05T02:00:00.000Z',
  },
];

const DOGIYAI: OfficeAdminView = {
  code: 'dogiyai',
  name: 'Diskominfo Kabupaten Dogiyai',
  timeZone: 'Asia/Jayapura',
  zoneAbbreviation: 'WIT',
  ticketPrefix: 'DGY',
  region: null,
  address: null,
  website: null,
  helpdeskEmail: 'helpdesk@dogiyaikab.go.id',
  complaintEmail: null,
  incidentEmail: null,
  logoUrl: null,
  retiredAt: null,
  createdAt: '2026-12-07T01:00:00.000Z',
};

function type(root: HTMLElement, selector: string, value: string): void {
  const input = root.querySelector<HTMLInputElement | HTMLSelectElement>(selector);
  if (!input) throw new Error(`no ${selector}`);
  input.value = value;
  input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
}

describe('OfficesPage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  async function open(): Promise<HTMLElement> {
    resetStorage(ADMIN);
    TestBed.configureTestingModule({
      providers: consoleTestProviders([{ path: 'admin/kantor', component: OfficesPage }]),
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/admin/kantor');
    backend.expectOne('/api/v1/offices?include=retired').flush(LIST);
    await harness.fixture.whenStable();
    return harness.routeNativeElement!;
  }

  async function openForm(element: HTMLElement): Promise<HTMLElement> {
    element.querySelector<HTMLElement>('[data-test=new-office]')!.click();
    await harness.fixture.whenStable();
    backend.expectOne('/api/v1/offices/time-zones').flush(ZONES);
    await harness.fixture.whenStable();
    return element.querySelector<HTMLElement>('[data-test=office-form]')!;
  }

  afterEach(() => backend.verify());

  it('lists every office with its zone and prefix; a retired one is marked, without actions', async () => {
    const element = await open();
    const rows = element.querySelectorAll<HTMLElement>('[data-test=office-row]');
    expect(rows.length).toBe(3);
    expect(rows[1].textContent).toContain('WITA');
    expect(rows[1].textContent).toContain('BALI');
    expect(textOf(rows[2], '[data-test=office-retired]')).toBe('dipensiunkan');
    expect(rows[2].querySelector('[data-test=retire-office]')).toBeNull();
    expect(rows[0].querySelector('[data-test=retire-office]')).not.toBeNull();
  });

  it('offers WIB, WITA and WIT first and creates a WIT office with the fields given', async () => {
    const element = await open();
    const form = await openForm(element);
    const options = Array.from(
      form.querySelectorAll<HTMLOptionElement>('[data-test=office-timeZone] option'),
    ).map((o) => o.textContent!.trim());
    expect(options.slice(0, 3)).toEqual([
      'WIB · Asia/Jakarta (UTC+7)',
      'WITA · Asia/Makassar (UTC+8)',
      'WIT · Asia/Jayapura (UTC+9)',
    ]);
    type(form, '[data-test=office-code]', 'dogiyai');
    type(form, '[data-test=office-name]', 'Diskominfo Kabupaten Dogiyai');
    type(form, '[data-test=office-timeZone]', 'Asia/Jayapura');
    type(form, '[data-test=office-ticketPrefix]', 'dgy');
    type(form, '[data-test=office-helpdeskEmail]', 'helpdesk@dogiyaikab.go.id');
    await harness.fixture.whenStable();
    form.querySelector<HTMLElement>('[data-test=save-office]')!.click();
    const request = backend.expectOne('/api/v1/offices');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      code: 'dogiyai',
      name: 'Diskominfo Kabupaten Dogiyai',
      timeZone: 'Asia/Jayapura',
      ticketPrefix: 'DGY',
      region: null,
      address: null,
      website: null,
      helpdeskEmail: 'helpdesk@dogiyaikab.go.id',
      complaintEmail: null,
      incidentEmail: null,
      logoUrl: null,
    });
    request.flush(DOGIYAI, { status: 201, statusText: 'Created' });
    await harness.fixture.whenStable();
    backend.expectOne('/api/v1/offices?include=retired').flush([...LIST, DOGIYAI]);
    await harness.fixture.whenStable();
    expect(element.querySelector('[data-test=office-form]')).toBeNull();
    expect(element.querySelectorAll('[data-test=office-row]').length).toBe(4);
  });

  it('checks the fields before sending and shows the API refusal beside its field', async () => {
    const element = await open();
    const form = await openForm(element);
    form.querySelector<HTMLElement>('[data-test=save-office]')!.click();
    await harness.fixture.whenStable();
    backend.expectNone('/api/v1/offices');
    expect(form.querySelector('[data-test=office-error-code]')).not.toBeNull();
    expect(form.querySelector('[data-test=office-error-name]')).not.toBeNull();

    type(form, '[data-test=office-code]', 'dogiyai');
    type(form, '[data-test=office-name]', 'Diskominfo Kabupaten Dogiyai');
    type(form, '[data-test=office-ticketPrefix]', 'BALI');
    await harness.fixture.whenStable();
    form.querySelector<HTMLElement>('[data-test=save-office]')!.click();
    backend.expectOne('/api/v1/offices').flush(
      {
        type: 'urn:sigap:problem:office.conflict',
        title: 'Konflik dengan data yang ada',
        status: 409,
        code: 'office.conflict',
        detail: 'Sudah dipakai: awalan "BALI" sudah dipakai kantor lain.',
        errors: [{ path: 'ticketPrefix', message: 'awalan "BALI" sudah dipakai kantor lain' }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await harness.fixture.whenStable();
    expect(textOf(form, '[data-test=office-error-ticketPrefix]')).toBe(
      'awalan "BALI" sudah dipakai kantor lain',
    );
    expect(textOf(form, '[data-test=form-error]')).toContain('Sudah dipakai');
  });

  it("counts every text field up to the API's limit for it", async () => {
    const element = await open();
    const form = await openForm(element);
    const fields = Object.entries(FIELD_LIMITS.office);
    for (const [key, limit] of fields) {
      const input = form.querySelector<HTMLInputElement>(`[data-test=office-${key}]`);
      expect(input?.getAttribute('maxlength')).withContext(key).toBe(String(limit));
    }
    expect(form.querySelectorAll('[data-test=field-count]').length).toBe(fields.length);
    type(form, '[data-test=office-name]', 'Diskominfo Kabupaten Dogiyai');
    await harness.fixture.whenStable();
    const name = form.querySelector('[data-test=office-name]')!.closest('mat-form-field')!;
    expect(textOf(name as HTMLElement, '[data-test=field-count]')).toBe(
      `28/${FIELD_LIMITS.office.name}`,
    );
  });

  it('retires an office after a confirmation', async () => {
    const element = await open();
    const row = element.querySelectorAll<HTMLElement>('[data-test=office-row]')[0];
    row.querySelector<HTMLElement>('[data-test=retire-office]')!.click();
    await harness.fixture.whenStable();
    backend.expectNone('/api/v1/offices/tebingtinggi/retire');
    row.querySelector<HTMLElement>('[data-test=confirm-retire-office]')!.click();
    const request = backend.expectOne('/api/v1/offices/tebingtinggi/retire');
    expect(request.request.method).toBe('POST');
    request.flush({ ...LIST[0], retiredAt: '2026-12-07T02:00:00.000Z' });
    await harness.fixture.whenStable();
    expect(row.querySelector('[data-test=office-retired]')).not.toBeNull();
  });
});

describe('office form rules', () => {
  it('mirror the API: code, prefix without ADU, zone, e-mail and https logo', () => {
    const ok = { ...officeValues(null), code: 'dogiyai', name: 'Diskominfo', ticketPrefix: 'DGY' };
    expect(checkOffice(ok, true)).toEqual({});
    expect(checkOffice({ ...ok, code: 'Dogiyai' }, true).code).toBeDefined();
    expect(checkOffice({ ...ok, code: 'Dogiyai' }, false).code).toBeUndefined();
    expect(checkOffice({ ...ok, ticketPrefix: 'ADUX' }, true).ticketPrefix).toBeDefined();
    expect(checkOffice({ ...ok, ticketPrefix: 'D' }, true).ticketPrefix).toBeDefined();
    expect(checkOffice({ ...ok, logoUrl: 'http://x.go.id/l.png' }, true).logoUrl).toBeDefined();
    expect(checkOffice({ ...ok, helpdeskEmail: 'bukan' }, true).helpdeskEmail).toBeDefined();
    expect(checkOffice({ ...ok, region: 'Papua' }, true).region).toBeDefined();
    expect(checkOffice({ ...ok, name: '<b>x</b>' }, true).name).toBeDefined();
  });
});
