import { DomainError, FieldError } from '@sigap/api-common';

export type IncidentErrorCode =
  | 'incident.invalid'
  | 'incident.forbidden'
  | 'incident.not_found'
  | 'incident.not_incident'
  | 'incident.not_triage'
  | 'incident.closed'
  | 'incident.link_conflict'
  | 'problem.not_found'
  | 'problem.invalid';

const STATUS: Record<IncidentErrorCode, number> = {
  'incident.invalid': 400,
  'incident.forbidden': 403,
  'incident.not_found': 404,
  'incident.not_incident': 409,
  'incident.not_triage': 409,
  'incident.closed': 409,
  'incident.link_conflict': 409,
  'problem.not_found': 404,
  'problem.invalid': 400,
};

/** Incident errors, each a stable code answered as problem+json. */
export class IncidentError extends DomainError {
  constructor(code: IncidentErrorCode, message: string, errors?: FieldError[]) {
    super(code, STATUS[code], message, errors);
  }
}
