import { DomainError, FieldError } from '@sigap/api-common';

export type ItServiceErrorCode =
  | 'it_service.invalid'
  | 'it_service.not_found'
  | 'it_service.office_not_found'
  | 'it_service.duplicate_code'
  | 'it_service.retired'
  | 'it_service.forbidden';

const STATUS: Record<ItServiceErrorCode, number> = {
  'it_service.invalid': 400,
  'it_service.not_found': 404,
  'it_service.office_not_found': 404,
  'it_service.duplicate_code': 409,
  'it_service.retired': 409,
  'it_service.forbidden': 403,
};

/** Errors of the IT services catalog and the priority matrix, answered as problem+json. */
export class ItServiceError extends DomainError {
  constructor(code: ItServiceErrorCode, message: string, errors?: FieldError[]) {
    super(code, STATUS[code], message, errors);
  }
}
