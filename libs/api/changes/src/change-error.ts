import { DomainError, FieldError } from '@sigap/api-common';

export type ChangeErrorCode =
  | 'change.invalid'
  | 'change.forbidden'
  | 'change.not_found'
  | 'change.office_not_found'
  | 'change.not_change'
  | 'change.wrong_state'
  | 'change.not_approver';

const STATUS: Record<ChangeErrorCode, number> = {
  'change.invalid': 400,
  'change.forbidden': 403,
  'change.not_found': 404,
  'change.office_not_found': 404,
  'change.not_change': 409,
  'change.wrong_state': 409,
  'change.not_approver': 403,
};

/** Change errors, each a stable code answered as problem+json. */
export class ChangeError extends DomainError {
  constructor(code: ChangeErrorCode, message: string, errors?: FieldError[]) {
    super(code, STATUS[code], message, errors);
  }
}
