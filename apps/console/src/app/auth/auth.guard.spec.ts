import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { ADMIN, AGENT } from '../../testing/fixtures';
import { BlankComponent, consoleTestProviders, resetStorage } from '../../testing/providers';
import { adminGuard, authGuard, guestGuard } from './auth.guard';

describe('route guards', () => {
  function router(): Router {
    TestBed.configureTestingModule({
      providers: consoleTestProviders([
        { path: 'masuk', component: BlankComponent, canActivate: [guestGuard] },
        { path: 'katalog', component: BlankComponent, canActivate: [authGuard] },
        { path: 'katalog/impor', component: BlankComponent, canActivate: [adminGuard] },
        { path: 'tiket', component: BlankComponent, canActivate: [authGuard] },
      ]),
    });
    return TestBed.inject(Router);
  }

  it('sends a signed-out visitor to the login page with the page to return to', async () => {
    resetStorage();
    const r = router();
    await r.navigateByUrl('/katalog');
    expect(r.url).toBe('/masuk?kembali=%2Fkatalog');
  });

  it('lets a signed-in user through', async () => {
    resetStorage(AGENT);
    const r = router();
    await r.navigateByUrl('/katalog');
    expect(r.url).toBe('/katalog');
  });

  it('keeps a non-admin out of admin pages', async () => {
    resetStorage(AGENT);
    const r = router();
    await r.navigateByUrl('/katalog/impor');
    expect(r.url).toBe('/tiket');
  });

  it('lets an admin into admin pages', async () => {
    resetStorage(ADMIN);
    const r = router();
    await r.navigateByUrl('/katalog/impor');
    expect(r.url).toBe('/katalog/impor');
  });

  it('sends a signed-out visitor of an admin page to the login page', async () => {
    resetStorage();
    const r = router();
    await r.navigateByUrl('/katalog/impor');
    expect(r.url).toBe('/masuk?kembali=%2Fkatalog%2Fimpor');
  });

  it('sends a signed-in user away from the login page', async () => {
    resetStorage(AGENT);
    const r = router();
    await r.navigateByUrl('/masuk');
    expect(r.url).toBe('/tiket');
  });
});
