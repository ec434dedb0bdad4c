import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CurrentUser, OfficeDetail, UserView } from '@sigap/contracts';
import { ADMIN, OFFICES } from '../../testing/fixtures';
import { consoleTestProviders, resetStorage, textOf } from '../../testing/providers';
import { UsersPage } from './users.page';

const OFFICE: OfficeDetail = {
  ...OFFICES[0],
  region: 'ID-SU',
  positions: [
    { code: 'kadis', name: 'Kepala Dinas', reportsTo: null },
    { code: 'helpdesk', name: 'Petugas Helpdesk', reportsTo: 'kadis' },
    { code: 'opd-pemohon', name: 'OPD Pemohon', reportsTo: null, requesterSide: true },
  ],
};

const SARI: UserView = {
  id: 'u-1',
  email: 'sari@tebingtinggikota.go.id',
  name: 'Sari Lubis',
  roles: ['agent'],
  office: 'tebingtinggi',
  positions: ['helpdesk'],
  active: true,
  locale: 'id',
};

const MANAGER: CurrentUser = { ...ADMIN, id: 'u-9', roles: ['manager'] };
const USERS_URL = '/api/v1/users?office=tebingtinggi';

describe('UsersPage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  async function open(user: CurrentUser = ADMIN): Promise<HTMLElement> {
    resetStorage(user);
    TestBed.configureTestingModule({
      providers: consoleTestProviders([{ path: 'admin/pengguna', component: UsersPage }]),
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/admin/pengguna');
    await harness.fixture.whenStable();
    backend.expectOne('/api/v1/offices').flush(OFFICES);
    backend.expectOne('/api/v1/offices/tebingtinggi').flush(OFFICE);
    backend.expectOne(USERS_URL).flush([SARI]);
    await harness.fixture.whenStable();
    return harness.routeNativeElement!;
  }

  function type(root: HTMLElement, selector: string, value: string): void {
    const input = root.querySelector<HTMLInputElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  afterEach(() => backend.verify());

  it('lists the users with roles and positions, and each office position with its holders', async () => {
    const element = await open();
    const rows = element.querySelectorAll('[data-test=user-row]');
    expect(rows.length).toBe(1);
    expect(rows[0].textContent).toContain('Sari Lubis');
    expect(rows[0].textContent).toContain('Helpdesk');
    expect(textOf(rows[0] as HTMLElement, '[data-test=user-row-positions]')).toBe(
      'Petugas Helpdesk',
    );
    const holders = element.querySelectorAll('[data-test=holder-row]');
    // The requester-side position is not held by office users.
    expect(holders.length).toBe(2);
    expect(textOf(element, '[data-test=holder-row][data-position=kadis]')).toContain(
      'Belum ada pemegang',
    );
    expect(textOf(element, '[data-test=holder-row][data-position=helpdesk]')).toContain(
      'Sari Lubis',
    );
  });

  it('refuses an incomplete new user beside the fields without calling the API', async () => {
    const element = await open();
    element.querySelector<HTMLElement>('[data-test=new-user]')!.click();
    await harness.fixture.whenStable();
    type(element, '[data-test=user-email]', 'bukan-email');
    type(element, '[data-test=user-password]', 'pendek');
    element.querySelector<HTMLElement>('[data-test=save-user]')!.click();
    await harness.fixture.whenStable();
    expect(textOf(element, '[data-test=error-email]')).toBe('Isi alamat e-mail yang valid.');
    expect(textOf(element, '[data-test=error-name]')).toBe('Nama wajib diisi.');
    expect(textOf(element, '[data-test=error-password]')).toBe('Kata sandi minimal 8 karakter.');
    backend.expectNone('/api/v1/users');
  });

  it('creates a user holding a position and shows the problem+json field errors of the API', async () => {
    const element = await open();
    element.querySelector<HTMLElement>('[data-test=new-user]')!.click();
    await harness.fixture.whenStable();
    type(element, '[data-test=user-email]', 'budi@tebingtinggikota.go.id');
    type(element, '[data-test=user-name]', 'Budi Santoso');
    type(element, '[data-test=user-password]', 'rahasia-awal');
    element.querySelector<HTMLElement>('[data-test=save-user]')!.click();
    await harness.fixture.whenStable();
    const first = backend.expectOne({ method: 'POST', url: '/api/v1/users' });
    expect(first.request.body).toEqual(
      jasmine.objectContaining({
        email: 'budi@tebingtinggikota.go.id',
        name: 'Budi Santoso',
        roles: ['agent'],
        office: 'tebingtinggi',
        positions: [],
      }),
    );
    first.flush(
      {
        type: 'about:blank',
        title: 'Data tidak valid',
        status: 400,
        errors: [{ path: 'email', message: 'e-mail sudah dipakai' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await harness.fixture.whenStable();
    expect(textOf(element, '[data-test=error-email]')).toBe('e-mail sudah dipakai');
    expect(textOf(element, '[data-test=form-error]')).toContain('Data tidak valid');

    element.querySelector<HTMLElement>('[data-test=save-user]')!.click();
    await harness.fixture.whenStable();
    backend.expectOne({ method: 'POST', url: '/api/v1/users' }).flush({
      ...SARI,
      id: 'u-3',
      email: 'budi@tebingtinggikota.go.id',
      name: 'Budi Santoso',
      positions: ['kadis'],
    });
    await harness.fixture.whenStable();
    expect(element.querySelector('[data-test=user-form]')).toBeNull();
    expect(element.querySelectorAll('[data-test=user-row]').length).toBe(2);
    expect(textOf(element, '[data-test=holder-row][data-position=kadis]')).toContain(
      'Budi Santoso',
    );
  });

  it('edits roles and the active flag of a user with a PATCH', async () => {
    const element = await open();
    element.querySelector<HTMLElement>('[data-test=edit-user]')!.click();
    await harness.fixture.whenStable();
    expect(element.querySelector<HTMLInputElement>('[data-test=user-email]')!.disabled).toBe(true);
    element.querySelector<HTMLInputElement>('[data-test=role-executor] input')!.click();
    element.querySelector<HTMLInputElement>('[data-test=user-active] input')!.click();
    await harness.fixture.whenStable();
    element.querySelector<HTMLElement>('[data-test=save-user]')!.click();
    await harness.fixture.whenStable();
    const req = backend.expectOne({ method: 'PATCH', url: '/api/v1/users/u-1' });
    expect(req.request.body.roles).toEqual(['agent', 'executor']);
    expect(req.request.body.active).toBe(false);
    expect('password' in req.request.body).toBe(false);
    req.flush({ ...SARI, roles: ['agent', 'executor'], active: false });
    await harness.fixture.whenStable();
    expect(textOf(element, '[data-test=user-row]')).toContain('Nonaktif');
  });

  it('is read-only for a manager: no create or edit controls', async () => {
    const element = await open(MANAGER);
    expect(element.querySelector('[data-test=new-user]')).toBeNull();
    expect(element.querySelector('[data-test=edit-user]')).toBeNull();
    expect(textOf(element, '[data-test=read-only]')).toContain('Hanya baca');
  });
});
