import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { RETURN_PARAM } from './auth.interceptor';
import { AuthService } from './auth.service';
import { homeFor } from './home';

/** Pages behind a sign-in: without a session, go to the login page and come back after. */
export const authGuard: CanActivateFn = (_route, state) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  if (auth.signedIn()) return true;
  return router.createUrlTree(['/masuk'], { queryParams: { [RETURN_PARAM]: state.url } });
};

/** Admin-only pages: others go back to their start page. */
export const adminGuard: CanActivateFn = (_route, state) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  if (!auth.signedIn()) {
    return router.createUrlTree(['/masuk'], { queryParams: { [RETURN_PARAM]: state.url } });
  }
  return auth.isAdmin() ? true : router.createUrlTree([homeFor(auth.user()?.roles)]);
};

/** The login page itself: a signed-in user goes straight to their start page. */
export const guestGuard: CanActivateFn = () => {
  const auth = inject(AuthService);
  return auth.signedIn() ? inject(Router).createUrlTree([homeFor(auth.user()?.roles)]) : true;
};

/** The empty path of the console: each user's start page (see `homeFor`). */
export const homeRedirect = (): string => homeFor(inject(AuthService).user()?.roles);
