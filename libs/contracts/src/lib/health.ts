export interface HealthResponse {
  status: 'ok' | 'starting' | 'error';
  database: { type: 'mysql' | 'mariadb' | 'sqlite'; connected: boolean };
  migrations: { applied: number; pending: number; last: string | null };
  version: string;
}
