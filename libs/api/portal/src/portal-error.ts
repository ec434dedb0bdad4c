import { DomainError, FieldError } from '@sigap/api-common';

export type PortalErrorCode =
  | 'portal.unauthenticated'
  | 'portal.csrf'
  | 'portal.link_invalid'
  | 'portal.rate_limited'
  | 'portal.upload_quota'
  | 'portal.upload_quota_bytes'
  | 'portal.not_found'
  | 'portal.invalid'
  | 'portal.closed';

const STATUS: Record<PortalErrorCode, number> = {
  'portal.unauthenticated': 401,
  'portal.csrf': 403,
  'portal.link_invalid': 400,
  'portal.rate_limited': 429,
  'portal.upload_quota': 429,
  'portal.upload_quota_bytes': 413,
  'portal.not_found': 404,
  'portal.invalid': 400,
  'portal.closed': 409,
};

/** The requester portal and the public tracking page. */
export class PortalError extends DomainError {
  constructor(
    code: PortalErrorCode,
    message: string,
    errors?: FieldError[],
    headers?: Record<string, string>,
  ) {
    super(code, STATUS[code], message, errors, headers);
  }

  static notFound(what: string): PortalError {
    return new PortalError('portal.not_found', `${what} tidak ditemukan.`);
  }
}
