import { DomainError, FieldError } from '@sigap/api-common';

export type AttachmentErrorCode =
  | 'attachment.not_found'
  | 'attachment.missing_file'
  | 'attachment.invalid'
  | 'attachment.too_large'
  | 'attachment.unsupported_type'
  | 'attachment.type_mismatch'
  | 'attachment.forbidden';

const STATUS: Record<AttachmentErrorCode, number> = {
  'attachment.not_found': 404,
  'attachment.missing_file': 400,
  'attachment.invalid': 400,
  'attachment.too_large': 413,
  'attachment.unsupported_type': 415,
  'attachment.type_mismatch': 415,
  'attachment.forbidden': 403,
};

/** Upload and download of ticket attachments. */
export class AttachmentError extends DomainError {
  constructor(code: AttachmentErrorCode, message: string, errors?: FieldError[]) {
    super(code, STATUS[code], message, errors);
  }
}
