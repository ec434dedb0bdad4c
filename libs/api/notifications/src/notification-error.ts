import { DomainError } from '@sigap/api-common';

export type NotificationErrorCode = 'notification.forbidden' | 'notification.bad_request';

const STATUS: Record<NotificationErrorCode, number> = {
  'notification.forbidden': 403,
  'notification.bad_request': 400,
};

/** The bell of a user. */
export class NotificationError extends DomainError {
  constructor(code: NotificationErrorCode, message: string) {
    super(code, STATUS[code], message);
  }
}
