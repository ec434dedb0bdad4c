import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import {
  AuthService,
  LDAP_LOGIN_URL,
  LOGIN_URL,
  LOGOUT_URL,
  SSO_EXCHANGE_URL,
} from './auth.service';

/** Calls that answer their own 401 (sign-in, sign-out): no session to forget, no token sent. */
const SIGN_IN_URLS = new Set([LOGIN_URL, LOGOUT_URL, LDAP_LOGIN_URL, SSO_EXCHANGE_URL]);

/** Query parameter of the login page that says where to return after signing in. */
export const RETURN_PARAM = 'kembali';

/**
 * Adds `Authorization: Bearer <token>` to the API's calls. A 401 from any call except the login
 * itself means the session is gone: forget it and go to the login page, remembering the page.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const token = auth.token();
  const isApi = request.url.startsWith('/api/');
  // The sign-in and the sign-out handle their own answers (the sign-out sends its own token).
  const isLogin = SIGN_IN_URLS.has(request.url);
  const authorised =
    token && isApi && !isLogin
      ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } })
      : request;

  return next(authorised).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status === 401 && !isLogin) {
        auth.logout();
        const current = router.url;
        const onLogin = current.startsWith('/masuk');
        void router.navigate(['/masuk'], {
          queryParams: onLogin ? {} : { [RETURN_PARAM]: current, sesi: 'berakhir' },
        });
      }
      return throwError(() => error);
    }),
  );
};
