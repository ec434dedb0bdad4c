import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import type {
  AuthMethods,
  CurrentUser,
  LdapLoginRequest,
  LoginRequest,
  LoginResponse,
  Role,
} from '@sigap/contracts';
import { Observable, catchError, map, of } from 'rxjs';

export const TOKEN_STORAGE_KEY = 'sigap.token';
export const USER_STORAGE_KEY = 'sigap.user';
export const LOGIN_URL = '/api/v1/auth/login';
export const LOGOUT_URL = '/api/v1/auth/logout';
export const METHODS_URL = '/api/v1/auth/methods';
export const LDAP_LOGIN_URL = '/api/v1/auth/ldap/login';
export const SSO_EXCHANGE_URL = '/api/v1/auth/sso/exchange';

interface StoredSession {
  token: string;
  user: CurrentUser;
}

function readSession(): StoredSession | null {
  try {
    const token = sessionStorage.getItem(TOKEN_STORAGE_KEY);
    const user = sessionStorage.getItem(USER_STORAGE_KEY);
    if (!token || !user) return null;
    return { token, user: JSON.parse(user) as CurrentUser };
  } catch {
    return null;
  }
}

/** The signed-in user and the bearer token, kept in sessionStorage (gone when the tab closes). */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly session = signal<StoredSession | null>(readSession());

  readonly token = computed(() => this.session()?.token ?? null);
  readonly user = computed(() => this.session()?.user ?? null);
  readonly signedIn = computed(() => this.session() !== null);
  readonly isAdmin = computed(() => this.hasRole('admin'));

  hasRole(role: Role): boolean {
    return this.session()?.user.roles.includes(role) ?? false;
  }

  login(request: LoginRequest): Observable<CurrentUser> {
    return this.signIn(this.http.post<LoginResponse>(LOGIN_URL, request));
  }

  /** Signs in with a directory (LDAP / Active Directory) account. */
  ldapLogin(request: LdapLoginRequest): Observable<CurrentUser> {
    return this.signIn(this.http.post<LoginResponse>(LDAP_LOGIN_URL, request));
  }

  /** Finishes a single sign-on: the one-time code from `/masuk?sso=` becomes the session. */
  exchangeSso(code: string): Observable<CurrentUser> {
    return this.signIn(this.http.post<LoginResponse>(SSO_EXCHANGE_URL, { code }));
  }

  /** The sign-in methods this installation offers. */
  methods(): Observable<AuthMethods> {
    return this.http.get<AuthMethods>(METHODS_URL);
  }

  private signIn(answer: Observable<LoginResponse>): Observable<CurrentUser> {
    return answer.pipe(
      map((response) => {
        if (!response?.accessToken || !response.user) {
          throw new Error('The login answer has no accessToken or user');
        }
        this.store({ token: response.accessToken, user: response.user });
        return response.user;
      }),
    );
  }

  /** Forgets the session in this tab only (e.g. the server already refused the token). */
  logout(): void {
    this.store(null);
  }

  /**
   * Signs out: the session is forgotten here at once, and the server is told to revoke the
   * token so a copy of it cannot be used any more. The answer completes once the server has
   * answered; a failure (offline, token already gone) does not keep anyone signed in.
   */
  signOut(): Observable<void> {
    const token = this.token();
    this.store(null);
    if (!token) return of(undefined);
    return this.http
      .post<void>(LOGOUT_URL, null, { headers: { Authorization: `Bearer ${token}` } })
      .pipe(
        map(() => undefined),
        catchError(() => of(undefined)),
      );
  }

  private store(session: StoredSession | null): void {
    this.session.set(session);
    try {
      if (session) {
        sessionStorage.setItem(TOKEN_STORAGE_KEY, session.token);
        sessionStorage.setItem(USER_STORAGE_KEY, JSON.stringify(session.user));
      } else {
        sessionStorage.removeItem(TOKEN_STORAGE_KEY);
        sessionStorage.removeItem(USER_STORAGE_KEY);
      }
    } catch {
      // Storage disabled: the session lives in memory until the page reloads.
    }
  }
}
