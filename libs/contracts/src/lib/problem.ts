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
