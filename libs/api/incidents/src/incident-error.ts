import { DomainError, FieldError } from '@sigap/api-common';

export type IncidentErrorCode =
  | 'incident.invalid'
  | 'incident.forbidden'
  | 'incident.not_found'
  | 'incident.not_incident'
  | 'incident.not_triage'
  | 'incident.closed';

const STATUS: Record<IncidentErrorCode, number> = {
  'incident.invalid': 400,
  'incident.forbidden': 403,
  'incident.not_found': 404,
  'incident.not_incident': 409,
  'incident.not_triage': 409,
  'incident.closed': 409,
};

/** Incident errors, each a stable code answered as problem+json. */
export class IncidentError extends DomainError {
  constructor(code: IncidentErrorCode, message: string, errors?: FieldError[]) {
    super(code, STATUS[code], message, errors);
  }
}
