import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import { catchError, map, of } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { SetupApi } from './setup.api';

/** Where "later" is remembered for this browser session. */
export const SETUP_DISMISSED_KEY = 'sigap.setup.dismissed';

/** The admin chose to finish or skip the set-up: the console stops leading there. */
export function dismissSetup(): void {
  try {
    sessionStorage.setItem(SETUP_DISMISSED_KEY, '1');
  } catch {
    // Storage can be disabled; the set-up then shows again on the next start page.
  }
}

function dismissed(): boolean {
  try {
    return sessionStorage.getItem(SETUP_DISMISSED_KEY) === '1';
  } catch {
    return false;
  }
}

/**
 * On the start page: an admin of an installation with no office in service is led to the
 * first-run set-up (`/penyiapan`), unless they set it aside in this session. Others pass.
 */
export const firstRunGuard: CanActivateFn = () => {
  const auth = inject(AuthService);
  if (!auth.hasRole('admin') || dismissed()) return true;
  const router = inject(Router);
  return inject(SetupApi)
    .status()
    .pipe(
      map((status) => (status.needed ? router.createUrlTree(['/penyiapan']) : true)),
      catchError(() => of(true)),
    );
};
