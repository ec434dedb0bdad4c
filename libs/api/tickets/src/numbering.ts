import type { EntityManager } from 'typeorm';
import { dialectOf, runSql } from '@sigap/api-database';

/**
 * Allocates the next ticket number of an office and year (`BALI-2026-000123`) inside the
 * caller's transaction. The counter row is created or incremented by one upsert, which takes
 * its row lock (MariaDB: held until commit, so concurrent openings queue on it; SQLite: one
 * writer at a time) and returns the new value in the same statement. Call it as late in the
 * transaction as possible: the lock is held until commit.
 */
export async function allocateTicketNumber(
  manager: EntityManager,
  officeCode: string,
  prefix: string,
  year: number,
): Promise<string> {
  const upsert = dialectOf(manager).counterUpsert(
    'ticket_counters',
    ['office_code', 'year'],
    'last_value',
  );
  const value = upsert.valueOf(await runSql(manager, upsert.sql, [officeCode, year]));
  return formatTicketNumber(prefix, year, value);
}

export function formatTicketNumber(prefix: string, year: number, value: number): string {
  return `${prefix}-${year}-${String(value).padStart(6, '0')}`;
}
