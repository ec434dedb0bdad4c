import { DomainError, FieldError } from '@sigap/api-common';

export type ComplaintErrorCode =
  | 'complaint.invalid'
  | 'complaint.unknown_office'
  | 'complaint.unknown_service'
  | 'complaint.unknown_tier'
  | 'complaint.office_not_found'
  | 'complaint.related_not_found'
  | 'complaint.rate_limited'
  | 'complaint.not_found'
  | 'complaint.forbidden'
  | 'complaint.lapor_unavailable'
  | 'complaint.lapor_already_forwarded'
  | 'complaint.lapor_not_forwarded'
  | 'complaint.lapor_failed';

const STATUS: Record<ComplaintErrorCode, number> = {
  'complaint.invalid': 400,
  'complaint.unknown_office': 422,
  'complaint.unknown_service': 422,
  'complaint.unknown_tier': 422,
  'complaint.office_not_found': 404,
  'complaint.related_not_found': 422,
  'complaint.rate_limited': 429,
  'complaint.not_found': 404,
  'complaint.forbidden': 403,
  'complaint.lapor_unavailable': 409,
  'complaint.lapor_already_forwarded': 409,
  'complaint.lapor_not_forwarded': 409,
  'complaint.lapor_failed': 502,
};

/** Complaint errors, each a stable code answered as problem+json. */
export class ComplaintError extends DomainError {
  constructor(
    code: ComplaintErrorCode,
    message: string,
    errors?: FieldError[],
    headers?: Record<string, string>,
  ) {
    super(code, STATUS[code], message, errors, headers);
  }

  static notFound(number: string): ComplaintError {
    return new ComplaintError('complaint.not_found', `Pengaduan ${number} tidak ditemukan.`);
  }
}
