export type Role = 'admin' | 'manager' | 'agent' | 'executor';
export const ROLES: readonly Role[] = ['admin', 'manager', 'agent', 'executor'];

export interface LoginRequest {
  email: string;
  password: string;
}

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  /** Office code the user works in; null for a system-wide admin. */
  office: string | null;
  locale: 'id' | 'en';
  /** Position codes the user holds in their office (`GET /api/v1/auth/me` fills it). */
  positions?: string[];
  /**
   * The largest attachment the API accepts, in bytes (`SIGAP_ATTACHMENT_MAX_MB`), so a form can
   * refuse a bigger file before sending it. Filled by sign-in and `GET /api/v1/auth/me`.
   */
  uploadMaxBytes?: number;
}

export interface LoginResponse {
  accessToken: string;
  /** Seconds until the token expires. */
  expiresIn: number;
  user: CurrentUser;
}

/** The sign-in methods an installation offers (`GET /api/v1/auth/methods`, public). */
export interface AuthMethods {
  /** The e-mail and password form (off with `SIGAP_LOCAL_LOGIN=false`). */
  local: boolean;
  /** OpenID Connect: the browser goes to `loginUrl` ("Masuk dengan SSO"). */
  oidc: { loginUrl: string } | null;
  /** LDAP / Active Directory user name and password (`POST /api/v1/auth/ldap/login`). */
  ldap: boolean;
}

export interface LdapLoginRequest {
  username: string;
  password: string;
}

/** The one-time code the OpenID Connect callback hands to the console (`?sso=` on `/masuk`). */
export interface SsoExchangeRequest {
  code: string;
}
