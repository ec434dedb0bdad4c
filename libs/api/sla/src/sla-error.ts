import { DomainError, FieldError } from '@sigap/api-common';

export type SlaPreviewErrorCode = 'sla.invalid_request' | 'sla.office_unknown' | 'sla.forbidden';

const STATUS: Record<SlaPreviewErrorCode, number> = {
  'sla.invalid_request': 400,
  'sla.office_unknown': 400,
  'sla.forbidden': 403,
};

/** The one error type of the SLA endpoints. */
export class SlaPreviewError extends DomainError {
  constructor(code: SlaPreviewErrorCode, message: string, errors?: FieldError[]) {
    super(code, STATUS[code], message, errors);
  }

  static field(path: string, message: string): SlaPreviewError {
    return new SlaPreviewError('sla.invalid_request', `${path}: ${message}`, [{ path, message }]);
  }
}
