import { DomainError, FieldError } from '@sigap/api-common';

export type WebhookErrorCode =
  | 'webhook.invalid'
  | 'webhook.not_found'
  | 'webhook.delivery_not_found'
  | 'webhook.delivery_pending';

const STATUS: Record<WebhookErrorCode, number> = {
  'webhook.invalid': 400,
  'webhook.not_found': 404,
  'webhook.delivery_not_found': 404,
  'webhook.delivery_pending': 409,
};

/** Webhook subscriptions and their deliveries. */
export class WebhookError extends DomainError {
  constructor(code: WebhookErrorCode, message: string, errors?: FieldError[]) {
    super(code, STATUS[code], message, errors);
  }

  static field(path: string, message: string): WebhookError {
    return new WebhookError('webhook.invalid', `${path}: ${message}`, [{ path, message }]);
  }
}
