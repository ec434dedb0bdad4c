import { HttpHeaders } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { LOGIN_RESPONSE } from '../../testing/fixtures';
import { BlankComponent, consoleTestProviders, resetStorage } from '../../testing/providers';
import { I18nService } from '../i18n/i18n.service';
import type { AuthMethods } from '@sigap/contracts';
import {
  AuthService,
  LDAP_LOGIN_URL,
  LOGIN_URL,
  METHODS_URL,
  SSO_EXCHANGE_URL,
  TOKEN_STORAGE_KEY,
  USER_STORAGE_KEY,
} from './auth.service';
import { LoginPage } from './login.page';

describe('LoginPage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  const PASSWORD_ONLY: AuthMethods = { local: true, oidc: null, ldap: false };

  async function open(url = '/masuk', methods = PASSWORD_ONLY): Promise<HTMLElement> {
    resetStorage();
    TestBed.configureTestingModule({
      providers: consoleTestProviders([
        { path: 'masuk', component: LoginPage },
        { path: 'katalog', component: BlankComponent },
        { path: 'tiket', component: BlankComponent },
        { path: 'katalog/:office/:code', component: BlankComponent },
      ]),
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    backend.expectOne(METHODS_URL).flush(methods);
    await harness.fixture.whenStable();
    return harness.routeNativeElement!;
  }

  function fill(element: HTMLElement, email: string, password: string): void {
    const emailInput = element.querySelector<HTMLInputElement>('input[type=email]')!;
    const passwordInput = element.querySelector<HTMLInputElement>('input[type=password]')!;
    emailInput.value = email;
    emailInput.dispatchEvent(new Event('input'));
    passwordInput.value = password;
    passwordInput.dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  }

  afterEach(() => backend.verify());

  it("signs in, keeps the token in sessionStorage and opens an agent's queue", async () => {
    const element = await open();
    fill(element, 'sari@tebingtinggikota.go.id', 'rahasia');
    const request = backend.expectOne(LOGIN_URL);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      email: 'sari@tebingtinggikota.go.id',
      password: 'rahasia',
    });
    request.flush(LOGIN_RESPONSE);
    await harness.fixture.whenStable();

    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBe('tok-123');
    expect(JSON.parse(sessionStorage.getItem(USER_STORAGE_KEY)!).name).toBe('Sari Lubis');
    expect(TestBed.inject(AuthService).user()?.office).toBe('tebingtinggi');
    expect(TestBed.inject(Router).url).toBe('/tiket');
  });

  it('returns to the page asked for before signing in', async () => {
    const element = await open('/masuk?kembali=%2Fkatalog%2Fbali%2Fsubdomain');
    fill(element, 'sari@tebingtinggikota.go.id', 'rahasia');
    backend.expectOne(LOGIN_URL).flush(LOGIN_RESPONSE);
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/katalog/bali/subdomain');
  });

  it('does not follow a return address to another site', async () => {
    const element = await open('/masuk?kembali=%2F%2Fevil.example');
    fill(element, 'sari@tebingtinggikota.go.id', 'rahasia');
    backend.expectOne(LOGIN_URL).flush(LOGIN_RESPONSE);
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/tiket');
  });

  it('says "E-mail atau kata sandi salah" on a 401', async () => {
    const element = await open();
    fill(element, 'sari@tebingtinggikota.go.id', 'salah');
    backend
      .expectOne(LOGIN_URL)
      .flush(
        { type: 'about:blank', title: 'Unauthorized', status: 401, code: 'auth.invalid' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await harness.fixture.whenStable();
    expect(element.querySelector('[data-test=login-error]')!.textContent!.trim()).toBe(
      'E-mail atau kata sandi salah',
    );
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(TestBed.inject(Router).url).toBe('/masuk');
  });

  it('on a 429 says how many seconds to wait and blocks the button', async () => {
    const element = await open();
    fill(element, 'sari@tebingtinggikota.go.id', 'salah');
    backend.expectOne(LOGIN_URL).flush(
      { type: 'about:blank', title: 'Too Many Requests', status: 429, code: 'auth.throttled' },
      {
        status: 429,
        statusText: 'Too Many Requests',
        headers: new HttpHeaders({ 'Retry-After': '42' }),
      },
    );
    await harness.fixture.whenStable();
    expect(element.querySelector('[data-test=login-error]')!.textContent!.trim()).toBe(
      'Terlalu banyak percobaan, coba lagi dalam 42 detik',
    );
    expect(element.querySelector<HTMLButtonElement>('button[type=submit]')!.disabled).toBeTrue();
  });

  it('shows the errors in English after switching language', async () => {
    const element = await open();
    TestBed.inject(I18nService).setLocale('en');
    fill(element, 'sari@tebingtinggikota.go.id', 'salah');
    backend.expectOne(LOGIN_URL).flush(null, { status: 401, statusText: 'Unauthorized' });
    await harness.fixture.whenStable();
    expect(element.querySelector('[data-test=login-error]')!.textContent!.trim()).toBe(
      'Wrong e-mail or password',
    );
  });

  it('sends nothing while the form is empty', async () => {
    const element = await open();
    element.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await harness.fixture.whenStable();
    backend.expectNone(LOGIN_URL);
    expect(element.textContent).toContain('E-mail wajib diisi');
  });

  describe('single sign-on', () => {
    const SSO_AND_LDAP: AuthMethods = {
      local: false,
      oidc: { loginUrl: '/api/v1/auth/oidc/login' },
      ldap: true,
    };

    it('shows "Masuk dengan SSO" and, with local sign-in off, the directory form only', async () => {
      const element = await open('/masuk', SSO_AND_LDAP);
      const sso = element.querySelector<HTMLAnchorElement>('[data-test=login-sso]')!;
      expect(sso.textContent!.trim()).toBe('Masuk dengan SSO');
      expect(sso.getAttribute('href')).toBe('/api/v1/auth/oidc/login');
      expect(element.querySelector('input[type=email]')).toBeNull();
      expect(element.querySelector('[data-test=login-switch]')).toBeNull();
      const username = element.querySelector<HTMLInputElement>('input[type=text]')!;
      const password = element.querySelector<HTMLInputElement>('input[type=password]')!;
      username.value = ' budi ';
      username.dispatchEvent(new Event('input'));
      password.value = 'sandi';
      password.dispatchEvent(new Event('input'));
      element.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      const request = backend.expectOne(LDAP_LOGIN_URL);
      expect(request.request.body).toEqual({ username: 'budi', password: 'sandi' });
      request.flush(null, { status: 401, statusText: 'Unauthorized' });
      await harness.fixture.whenStable();
      expect(element.querySelector('[data-test=login-error]')!.textContent!.trim()).toBe(
        'Nama pengguna atau kata sandi salah',
      );
    });

    it('hides every form when only SSO is offered', async () => {
      const element = await open('/masuk', { local: false, oidc: SSO_AND_LDAP.oidc, ldap: false });
      expect(element.querySelector('[data-test=login-form]')).toBeNull();
      expect(element.querySelector('[data-test=login-sso]')).not.toBeNull();
    });

    it('exchanges the code the callback sent for the session', async () => {
      resetStorage();
      TestBed.configureTestingModule({
        providers: consoleTestProviders([
          { path: 'masuk', component: LoginPage },
          { path: 'tiket', component: BlankComponent },
        ]),
      });
      backend = TestBed.inject(HttpTestingController);
      harness = await RouterTestingHarness.create();
      await harness.navigateByUrl('/masuk?sso=kode-sekali-pakai');
      backend.expectOne(METHODS_URL).flush(SSO_AND_LDAP);
      const exchange = backend.expectOne(SSO_EXCHANGE_URL);
      expect(exchange.request.body).toEqual({ code: 'kode-sekali-pakai' });
      exchange.flush(LOGIN_RESPONSE);
      await harness.fixture.whenStable();
      expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBe('tok-123');
      expect(TestBed.inject(Router).url).toBe('/tiket');
    });
  });
});
