import { DomainError, FieldError } from '../common/domain-error';

export type MailErrorCode = 'mail.template_not_found' | 'mail.invalid_request';

const STATUS: Record<MailErrorCode, number> = {
  'mail.template_not_found': 404,
  'mail.invalid_request': 400,
};

export class MailError extends DomainError {
  constructor(code: MailErrorCode, message: string, errors?: FieldError[]) {
    super(code, STATUS[code], message, errors);
  }

  static templateNotFound(name: string): MailError {
    return new MailError('mail.template_not_found', `Templat e-mail "${name}" tidak ditemukan.`);
  }
}
