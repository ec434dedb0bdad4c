import { DomainError, FieldError } from '@sigap/api-common';

export type CatalogErrorCode =
  | 'catalog.not_found'
  | 'catalog.version_not_found'
  | 'catalog.already_exists'
  | 'catalog.stale_version'
  | 'catalog.invalid_standard'
  | 'catalog.forbidden'
  | 'catalog.unsupported_media_type'
  | 'catalog.unreadable_document'
  | 'catalog.seed_invalid';

const STATUS: Record<CatalogErrorCode, number> = {
  'catalog.not_found': 404,
  'catalog.version_not_found': 404,
  'catalog.already_exists': 409,
  'catalog.stale_version': 409,
  'catalog.invalid_standard': 400,
  'catalog.forbidden': 403,
  'catalog.unsupported_media_type': 415,
  'catalog.unreadable_document': 422,
  'catalog.seed_invalid': 500,
};

export class CatalogError extends DomainError {
  constructor(code: CatalogErrorCode, message: string, errors?: FieldError[]) {
    super(code, STATUS[code], message, errors);
  }

  static notFound(office: string, code: string): CatalogError {
    return new CatalogError(
      'catalog.not_found',
      `Layanan "${code}" di kantor "${office}" tidak ditemukan.`,
    );
  }

  static invalid(errors: FieldError[]): CatalogError {
    return new CatalogError(
      'catalog.invalid_standard',
      `Standar pelayanan tidak valid: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
      errors,
    );
  }
}
