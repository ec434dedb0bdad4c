import { HttpClient } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { AGENT } from '../../testing/fixtures';
import { BlankComponent, consoleTestProviders, resetStorage } from '../../testing/providers';
import { AuthService, LOGIN_URL, TOKEN_STORAGE_KEY } from './auth.service';

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;

  function setUp(): void {
    TestBed.configureTestingModule({
      providers: consoleTestProviders([
        { path: 'masuk', component: BlankComponent },
        { path: 'katalog', component: BlankComponent },
      ]),
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  }

  afterEach(() => backend.verify());

  it('adds the bearer token to API calls', () => {
    resetStorage(AGENT, 'tok-abc');
    setUp();
    http.get('/api/v1/offices').subscribe();
    const request = backend.expectOne('/api/v1/offices');
    expect(request.request.headers.get('Authorization')).toBe('Bearer tok-abc');
    request.flush([]);
  });

  it('sends no token when signed out', () => {
    resetStorage();
    setUp();
    http.get('/api/v1/offices').subscribe();
    expect(backend.expectOne('/api/v1/offices').request.headers.has('Authorization')).toBeFalse();
  });

  it('sends no token to the login call or outside the API', () => {
    resetStorage(AGENT);
    setUp();
    http.post(LOGIN_URL, {}).subscribe();
    expect(backend.expectOne(LOGIN_URL).request.headers.has('Authorization')).toBeFalse();
    http.get('/assets/x.json').subscribe();
    expect(backend.expectOne('/assets/x.json').request.headers.has('Authorization')).toBeFalse();
  });

  it('on a 401 forgets the session and returns to the login page, remembering the page', async () => {
    resetStorage(AGENT);
    setUp();
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/katalog');
    let failed = 0;
    http.get('/api/v1/catalog/services').subscribe({ error: () => failed++ });
    backend
      .expectOne('/api/v1/catalog/services')
      .flush(
        { title: 'Unauthorized', status: 401, code: 'auth.expired', type: 'about:blank' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await TestBed.inject(Router).navigated;
    await new Promise((resolve) => setTimeout(resolve));
    expect(failed).toBe(1);
    expect(TestBed.inject(AuthService).signedIn()).toBeFalse();
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(router.url).toBe('/masuk?kembali=%2Fkatalog&sesi=berakhir');
  });

  it('leaves a 401 of the login call to the login page', async () => {
    resetStorage();
    setUp();
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/katalog');
    http.post(LOGIN_URL, {}).subscribe({ error: () => undefined });
    backend.expectOne(LOGIN_URL).flush(null, { status: 401, statusText: 'Unauthorized' });
    await new Promise((resolve) => setTimeout(resolve));
    expect(router.url).toBe('/katalog');
  });

  it('passes other errors through untouched', async () => {
    resetStorage(AGENT);
    setUp();
    let status = 0;
    http.get('/api/v1/offices').subscribe({ error: (error) => (status = error.status) });
    backend.expectOne('/api/v1/offices').flush(null, { status: 500, statusText: 'Error' });
    expect(status).toBe(500);
    expect(TestBed.inject(AuthService).signedIn()).toBeTrue();
  });
});
