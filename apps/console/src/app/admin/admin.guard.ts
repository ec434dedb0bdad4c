import { inject } from '@angular/core';
import type { CanActivateFn } from '@angular/router';
import { Router } from '@angular/router';
import type { Role } from '@sigap/contracts';
import { AuthService } from '../auth/auth.service';

/** A page for users holding one of `roles`; anyone else goes back to the catalog. */
export function rolesGuard(...roles: Role[]): CanActivateFn {
  return () => {
    const auth = inject(AuthService);
    if (roles.some((role) => auth.hasRole(role))) return true;
    return inject(Router).createUrlTree(['/katalog']);
  };
}
