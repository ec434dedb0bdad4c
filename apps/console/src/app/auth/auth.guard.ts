import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { RETURN_PARAM } from './auth.interceptor';
import { AuthService } from './auth.service';

/** Pages behind a sign-in: without a session, go to the login page and come back after. */
export const authGuard: CanActivateFn = (_route, state) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  if (auth.signedIn()) return true;
  return router.createUrlTree(['/masuk'], { queryParams: { [RETURN_PARAM]: state.url } });
};

/** Admin-only pages: others go back to the catalog. */
export const adminGuard: CanActivateFn = (_route, state) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  if (!auth.signedIn()) {
    return router.createUrlTree(['/masuk'], { queryParams: { [RETURN_PARAM]: state.url } });
  }
  return auth.isAdmin() ? true : router.createUrlTree(['/katalog']);
};

/** The login page itself: a signed-in user goes straight to the catalog. */
export const guestGuard: CanActivateFn = () => {
  const auth = inject(AuthService);
  return auth.signedIn() ? inject(Router).createUrlTree(['/katalog']) : true;
};
