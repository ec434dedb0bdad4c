/** One problem with one field of a request body, e.g. `steps[2].time`. */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * Base of the per-domain exception types (`CatalogError`, `IdentityError` ...). Each carries a
 * stable machine-readable code and the HTTP status it is answered with; the global problem
 * filter turns it into `application/problem+json`.
 */
export abstract class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly errors?: FieldError[],
    /** Extra response headers (e.g. `Retry-After`). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A request that does not match what the endpoint accepts (400, with field paths). */
export class RequestValidationError extends DomainError {
  constructor(errors: FieldError[], message = 'Data yang dikirim tidak valid.') {
    super('validation.failed', 400, message, errors);
  }
}

/** Errors that belong to no domain: unknown route, malformed body, unsupported media type. */
export class HttpRequestError extends DomainError {
  constructor(code: string, status: number, message: string, headers?: Record<string, string>) {
    super(code, status, message, undefined, headers);
  }
}
