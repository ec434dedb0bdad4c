import type { EntityManager } from 'typeorm';
import { dialectOf } from './dialect';

export { readInstant } from './dialect';

// Shorthands over `Dialect` for callers written before it; new code asks `dialectOf` directly.

/** A Date as a query parameter: MySQL takes Date (UTC session); SQLite stores UTC text. */
export function dbInstant(manager: EntityManager, at: Date): Date | string {
  return dialectOf(manager).instant(at);
}

export function isMysql(manager: EntityManager): boolean {
  return dialectOf(manager).name === 'mysql';
}
