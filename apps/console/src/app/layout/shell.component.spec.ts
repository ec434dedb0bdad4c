import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ADMIN, AGENT, OFFICES } from '../../testing/fixtures';
import {
  BlankComponent,
  consoleTestProviders,
  resetStorage,
  textOf,
} from '../../testing/providers';
import { LOGOUT_URL, TOKEN_STORAGE_KEY } from '../auth/auth.service';
import { I18nService, LOCALE_STORAGE_KEY } from '../i18n/i18n.service';
import { ShellComponent } from './shell.component';

describe('ShellComponent', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  async function open(user = AGENT): Promise<HTMLElement> {
    resetStorage(user);
    TestBed.configureTestingModule({
      providers: consoleTestProviders([
        { path: 'masuk', component: BlankComponent },
        {
          path: '',
          component: ShellComponent,
          children: [
            { path: 'katalog', component: BlankComponent },
            { path: 'katalog/impor', component: BlankComponent },
          ],
        },
      ]),
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/katalog');
    backend.expectOne('/api/v1/offices').flush(OFFICES);
    await harness.fixture.whenStable();
    return harness.fixture.nativeElement as HTMLElement;
  }

  afterEach(() => backend.verify());

  it("shows the product, the user's name and office name", async () => {
    const element = await open();
    expect(element.textContent).toContain('Sigap');
    expect(textOf(element, '.who-name')).toBe('Sari Lubis');
    expect(textOf(element, '.who-office')).toBe('Diskominfo Kota Tebing Tinggi');
  });

  it('lists the import only for admins', async () => {
    let element = await open();
    expect(element.querySelector('[data-test=nav-import]')).toBeNull();
    TestBed.resetTestingModule();
    element = await open(ADMIN);
    expect(element.querySelector('[data-test=nav-import]')).not.toBeNull();
  });

  it('lists each page only for the roles that may open it, in order', async () => {
    const testsOf = (element: HTMLElement) =>
      Array.from(element.querySelectorAll('mat-nav-list [data-test^=nav-]')).map((a) =>
        a.getAttribute('data-test'),
      );
    let element = await open();
    expect(testsOf(element)).toEqual([
      'nav-calendar',
      'nav-tickets',
      'nav-canned',
      'nav-opds',
      'nav-it-services',
      'nav-change-calendar',
      'nav-change-policy',
      'nav-problems',
      'nav-dashboard',
    ]);
    TestBed.resetTestingModule();
    element = await open(ADMIN);
    expect(testsOf(element)).toEqual([
      'nav-import',
      'nav-calendar',
      'nav-tickets',
      'nav-canned',
      'nav-offices',
      'nav-users',
      'nav-positions',
      'nav-opds',
      'nav-it-services',
      'nav-change-calendar',
      'nav-change-policy',
      'nav-problems',
      'nav-quarantine',
      'nav-templates',
      'nav-mailboxes',
      'nav-outbox',
      'nav-api-tokens',
      'nav-webhooks',
      'nav-dashboard',
      'nav-reports',
      'nav-reviews',
      'nav-setup',
    ]);
    const users = element.querySelector('[data-test=nav-users]')!;
    expect(users.getAttribute('href')).toBe('/admin/pengguna');
    expect(users.textContent).toContain('Pengguna');
  });

  it('switches the language from the toolbar and remembers it', async () => {
    const element = await open();
    expect(element.textContent).toContain('Layanan / Katalog');
    element.querySelector<HTMLElement>('[data-test=lang-en] button')!.click();
    await harness.fixture.whenStable();
    expect(TestBed.inject(I18nService).locale()).toBe('en');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    expect(element.textContent).toContain('Services / Catalog');
  });

  it('logs out to the login page', async () => {
    const element = await open();
    const token = sessionStorage.getItem(TOKEN_STORAGE_KEY);
    element.querySelector<HTMLButtonElement>('[data-test=logout]')!.click();
    await harness.fixture.whenStable();
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(TestBed.inject(Router).url).toBe('/masuk');
    // The server is told to revoke the token it was signed in with.
    const logout = backend.expectOne(LOGOUT_URL);
    expect(logout.request.method).toBe('POST');
    expect(token).toBeTruthy();
    expect(logout.request.headers.get('Authorization')).toBe(`Bearer ${token}`);
    logout.flush(null, { status: 204, statusText: 'No Content' });
  });

  it('signs out locally even when the server cannot be reached', async () => {
    const element = await open();
    element.querySelector<HTMLButtonElement>('[data-test=logout]')!.click();
    await harness.fixture.whenStable();
    backend.expectOne(LOGOUT_URL).error(new ProgressEvent('error'));
    await harness.fixture.whenStable();
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(TestBed.inject(Router).url).toBe('/masuk');
  });
});
