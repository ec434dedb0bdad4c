import { DomainError, FieldError } from '@sigap/api-common';

export type CannedResponseErrorCode =
  'canned.not_found' | 'canned.forbidden' | 'canned.title_taken' | 'canned.unknown_placeholder';

const STATUS: Record<CannedResponseErrorCode, number> = {
  'canned.not_found': 404,
  'canned.forbidden': 403,
  'canned.title_taken': 409,
  'canned.unknown_placeholder': 400,
};

/** Canned responses of an office. */
export class CannedResponseError extends DomainError {
  constructor(code: CannedResponseErrorCode, message: string, errors?: FieldError[]) {
    super(code, STATUS[code], message, errors);
  }
}
