import { DomainError } from '../common/domain-error';

export type OfficeErrorCode = 'office.not_found' | 'office.invalid' | 'office.forbidden';

const STATUS: Record<OfficeErrorCode, number> = {
  'office.not_found': 404,
  'office.invalid': 400,
  'office.forbidden': 403,
};

export class OfficeError extends DomainError {
  constructor(code: OfficeErrorCode, message: string) {
    super(code, STATUS[code], message);
  }

  static notFound(code: string): OfficeError {
    return new OfficeError('office.not_found', `Kantor "${code}" tidak ditemukan.`);
  }
}
