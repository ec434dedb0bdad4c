import { DomainError, type FieldError } from '@sigap/api-common';

export type OfficeErrorCode =
  | 'office.not_found'
  | 'office.invalid'
  | 'office.forbidden'
  | 'office.conflict'
  | 'office.retired'
  | 'position.not_found'
  | 'position.conflict';

const STATUS: Record<OfficeErrorCode, number> = {
  'office.not_found': 404,
  'office.invalid': 400,
  'office.forbidden': 403,
  'office.conflict': 409,
  'office.retired': 409,
  'position.not_found': 404,
  'position.conflict': 409,
};

export class OfficeError extends DomainError {
  constructor(code: OfficeErrorCode, message: string, errors?: FieldError[]) {
    super(code, STATUS[code], message, errors);
  }

  static notFound(code: string): OfficeError {
    return new OfficeError('office.not_found', `Kantor "${code}" tidak ditemukan.`);
  }

  static positionNotFound(): OfficeError {
    return new OfficeError('position.not_found', 'Jabatan tidak ditemukan.');
  }
}
