/** RFC 9457 problem details, as every API error is answered (`application/problem+json`). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** Stable machine-readable code, e.g. `catalog.not_found`, `validation.failed`. */
  code: string;
  /** Validation errors with field paths (`steps[2].time`). */
  errors?: { path: string; message: string }[];
}

/** True when a response body is a problem document (for clients reading error answers). */
export function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['type'] === 'string' &&
    typeof v['title'] === 'string' &&
    typeof v['status'] === 'number' &&
    typeof v['code'] === 'string' &&
    (v['errors'] === undefined ||
      (Array.isArray(v['errors']) &&
        v['errors'].every(
          (e: unknown) =>
            typeof e === 'object' &&
            e !== null &&
            typeof (e as Record<string, unknown>)['path'] === 'string' &&
            typeof (e as Record<string, unknown>)['message'] === 'string',
        )))
  );
}
