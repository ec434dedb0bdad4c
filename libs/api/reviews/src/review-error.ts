import { DomainError, FieldError } from '@sigap/api-common';

export type ReviewErrorCode =
  | 'review.invalid'
  | 'review.not_found'
  | 'review.office_not_found'
  | 'review.forbidden'
  | 'review.stale';

const STATUS: Record<ReviewErrorCode, number> = {
  'review.invalid': 400,
  'review.not_found': 404,
  'review.office_not_found': 404,
  'review.forbidden': 403,
  'review.stale': 409,
};

/** Errors of reviews and improvement actions, answered as problem+json. */
export class ReviewError extends DomainError {
  constructor(code: ReviewErrorCode, message: string, errors?: FieldError[]) {
    super(code, STATUS[code], message, errors);
  }
}
