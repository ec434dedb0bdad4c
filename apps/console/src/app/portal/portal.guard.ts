import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import { PortalApi } from './portal.api';

/** Portal pages need a portal session; without one, the sign-in page (asking for a link). */
export const portalSessionGuard: CanActivateFn = async () => {
  const api = inject(PortalApi);
  const router = inject(Router);
  if (api.me()) return true;
  try {
    await api.loadMe();
    return true;
  } catch {
    return router.createUrlTree(['/portal/masuk']);
  }
};
