import { DomainError, FieldError } from '@sigap/api-common';

export type IdentityErrorCode =
  | 'auth.invalid_credentials'
  | 'auth.wrong_password'
  | 'auth.unauthenticated'
  | 'auth.forbidden'
  | 'auth.rate_limited'
  | 'identity.invalid_user'
  | 'identity.email_taken'
  | 'identity.user_not_found'
  | 'identity.position_not_found'
  | 'auth.reset_invalid'
  | 'identity.invalid_api_token'
  | 'identity.api_token_not_found'
  | 'auth.local_login_disabled'
  | 'auth.sso_not_configured'
  | 'auth.sso_failed'
  | 'auth.sso_no_group'
  | 'auth.sso_conflict'
  | 'auth.sso_unavailable';

const STATUS: Record<IdentityErrorCode, number> = {
  'auth.invalid_credentials': 401,
  'auth.wrong_password': 400,
  'auth.unauthenticated': 401,
  'auth.forbidden': 403,
  'auth.rate_limited': 429,
  'identity.invalid_user': 400,
  'identity.email_taken': 409,
  'identity.user_not_found': 404,
  'identity.position_not_found': 404,
  'auth.reset_invalid': 400,
  'identity.invalid_api_token': 400,
  'identity.api_token_not_found': 404,
  'auth.local_login_disabled': 403,
  'auth.sso_not_configured': 404,
  'auth.sso_failed': 400,
  'auth.sso_no_group': 403,
  'auth.sso_conflict': 409,
  'auth.sso_unavailable': 503,
};

/** Sign-in, token and permission errors. */
export class IdentityError extends DomainError {
  constructor(
    code: IdentityErrorCode,
    message: string,
    headers?: Record<string, string>,
    errors?: FieldError[],
  ) {
    super(code, STATUS[code], message, errors, headers);
  }

  static invalidCredentials(): IdentityError {
    return new IdentityError('auth.invalid_credentials', 'E-mail atau kata sandi salah.');
  }

  static unauthenticated(): IdentityError {
    return new IdentityError(
      'auth.unauthenticated',
      'Silakan masuk terlebih dahulu (header Authorization: Bearer <token> tidak ada atau tidak berlaku).',
    );
  }

  static forbidden(what: string): IdentityError {
    return new IdentityError('auth.forbidden', what);
  }
}
