/** Machine-readable codes of {@link MailThreadingError}. */
export type MailThreadingErrorCode =
  'INVALID_TICKET_NUMBER' | 'INVALID_ARGUMENT' | 'INVALID_SECRET' | 'INVALID_POLICY';

/**
 * The one error type of this library. `message` is in Bahasa Indonesia and names the
 * offending field; `code` is stable for programs.
 */
export class MailThreadingError extends Error {
  constructor(
    readonly code: MailThreadingErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'MailThreadingError';
  }
}
