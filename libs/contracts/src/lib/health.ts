export interface HealthResponse {
  status: 'ok' | 'starting' | 'error';
  database: { type: 'mysql' | 'mariadb' | 'sqlite'; connected: boolean };
  migrations: { applied: number; pending: number; last: string | null };
  version: string;
}

/** One check of `GET /api/health/ready`. */
export interface ReadinessCheck {
  name: 'startup' | 'database' | 'migrations' | 'disk' | 'smtp' | 'imap';
  ok: boolean;
  /** A failing critical check makes the instance not ready (503). */
  critical: boolean;
  detail: string;
}

/** `GET /api/health/ready`: 200 when every critical check passes, else 503. */
export interface ReadinessResponse {
  status: 'ready' | 'not-ready';
  checks: ReadinessCheck[];
  version: string;
}
