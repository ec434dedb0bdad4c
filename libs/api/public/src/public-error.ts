import { DomainError } from '@sigap/api-common';

export type PublicErrorCode = 'public.office_not_found' | 'public.service_not_found';

/** Errors of the public standards pages (problem+json, 404). */
export class PublicError extends DomainError {
  constructor(code: PublicErrorCode, message: string) {
    super(code, 404, message);
  }
}
