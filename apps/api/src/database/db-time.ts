import type { EntityManager } from 'typeorm';

/** A Date as a query parameter: MySQL takes Date (UTC session); SQLite stores UTC text. */
export function dbInstant(manager: EntityManager, at: Date): Date | string {
  if (manager.connection.options.type === 'mysql') return at;
  return at.toISOString().replace('T', ' ').replace('Z', '');
}

export function isMysql(manager: EntityManager): boolean {
  return manager.connection.options.type === 'mysql';
}

/** Raw rows give Date (MySQL) or UTC text (SQLite). */
export function readInstant(value: Date | string | null): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  return new Date(/[zZ]$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
}
