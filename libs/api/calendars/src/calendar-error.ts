import { DomainError, FieldError } from '@sigap/api-common';

export type CalendarErrorCode =
  | 'calendar.invalid'
  | 'calendar.closure_overlap'
  | 'calendar.office_not_found'
  | 'calendar.not_configured'
  | 'calendar.closure_not_found'
  | 'calendar.variant_not_found'
  | 'calendar.region_missing'
  | 'calendar.stale_version'
  | 'calendar.forbidden'
  | 'calendar.seed_invalid';

const STATUS: Record<CalendarErrorCode, number> = {
  'calendar.invalid': 400,
  'calendar.closure_overlap': 400,
  'calendar.office_not_found': 404,
  'calendar.not_configured': 409,
  'calendar.closure_not_found': 404,
  'calendar.variant_not_found': 404,
  'calendar.region_missing': 400,
  'calendar.stale_version': 409,
  'calendar.forbidden': 403,
  'calendar.seed_invalid': 500,
};

/** The one error type of the calendars domain. */
export class CalendarError extends DomainError {
  constructor(code: CalendarErrorCode, message: string, errors?: FieldError[]) {
    super(code, STATUS[code], message, errors);
  }

  static officeNotFound(office: string): CalendarError {
    return new CalendarError('calendar.office_not_found', `Kantor "${office}" tidak ditemukan.`);
  }

  static invalid(errors: FieldError[]): CalendarError {
    return new CalendarError(
      'calendar.invalid',
      `Kalender kerja tidak valid: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
      errors,
    );
  }

  static forbidden(message: string): CalendarError {
    return new CalendarError('calendar.forbidden', message);
  }
}
