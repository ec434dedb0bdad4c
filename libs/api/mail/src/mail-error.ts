import { DomainError, FieldError } from '@sigap/api-common';

export type MailErrorCode =
  | 'mail.template_not_found'
  | 'mail.invalid_request'
  | 'mail.third_party_not_found'
  | 'mail.third_party_decided';

const STATUS: Record<MailErrorCode, number> = {
  'mail.template_not_found': 404,
  'mail.invalid_request': 400,
  'mail.third_party_not_found': 404,
  'mail.third_party_decided': 409,
};

export class MailError extends DomainError {
  constructor(code: MailErrorCode, message: string, errors?: FieldError[]) {
    super(code, STATUS[code], message, errors);
  }

  static templateNotFound(name: string): MailError {
    return new MailError('mail.template_not_found', `Templat e-mail "${name}" tidak ditemukan.`);
  }
}
