import { DomainError, FieldError } from '@sigap/api-common';

export type DashboardErrorCode =
  'dashboards.invalid_request' | 'dashboards.office_unknown' | 'dashboards.forbidden';

const STATUS: Record<DashboardErrorCode, number> = {
  'dashboards.invalid_request': 400,
  'dashboards.office_unknown': 404,
  'dashboards.forbidden': 403,
};

/** The one error type of the dashboard endpoints. */
export class DashboardError extends DomainError {
  constructor(code: DashboardErrorCode, message: string, errors?: FieldError[]) {
    super(code, STATUS[code], message, errors);
  }

  static field(path: string, message: string): DashboardError {
    return new DashboardError('dashboards.invalid_request', `${path}: ${message}`, [
      { path, message },
    ]);
  }
}
