import { DomainError, FieldError } from '@sigap/api-common';

export type ReportErrorCode =
  'reports.invalid_request' | 'reports.office_unknown' | 'reports.forbidden';

const STATUS: Record<ReportErrorCode, number> = {
  'reports.invalid_request': 400,
  'reports.office_unknown': 404,
  'reports.forbidden': 403,
};

/** The one error type of the report endpoints. */
export class ReportError extends DomainError {
  constructor(code: ReportErrorCode, message: string, errors?: FieldError[]) {
    super(code, STATUS[code], message, errors);
  }

  static field(path: string, message: string): ReportError {
    return new ReportError('reports.invalid_request', `${path}: ${message}`, [{ path, message }]);
  }
}
