import { DomainError, FieldError } from '@sigap/api-common';

export type OpdErrorCode =
  | 'opd.not_found'
  | 'opd.invalid'
  | 'opd.domain_taken'
  | 'opd.name_taken'
  | 'opd.forbidden'
  | 'contact.not_found'
  | 'contact.invalid';

const STATUS: Record<OpdErrorCode, number> = {
  'opd.not_found': 404,
  'opd.invalid': 400,
  'opd.domain_taken': 409,
  'opd.name_taken': 409,
  'opd.forbidden': 403,
  'contact.not_found': 404,
  'contact.invalid': 400,
};

/** OPDs (requesting agencies) and requester contacts. */
export class OpdError extends DomainError {
  constructor(code: OpdErrorCode, message: string, errors?: FieldError[]) {
    super(code, STATUS[code], message, errors);
  }
}
