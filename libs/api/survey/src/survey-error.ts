import { DomainError, FieldError } from '@sigap/api-common';

export type SurveyErrorCode =
  | 'survey.invalid'
  | 'survey.expired'
  | 'survey.used'
  | 'survey.rate_limited'
  | 'survey.forbidden'
  | 'survey.query_invalid';

const STATUS: Record<SurveyErrorCode, number> = {
  'survey.invalid': 404,
  'survey.expired': 410,
  'survey.used': 409,
  'survey.rate_limited': 429,
  'survey.forbidden': 403,
  'survey.query_invalid': 400,
};

export class SurveyError extends DomainError {
  constructor(
    code: SurveyErrorCode,
    message: string,
    errors?: FieldError[],
    headers?: Record<string, string>,
  ) {
    super(code, STATUS[code], message, errors, headers);
  }
}
