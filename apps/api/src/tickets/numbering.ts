import type { EntityManager } from 'typeorm';
import { isMysql } from './db-time';

/**
 * Allocates the next ticket number of an office and year (`BALI-2026-000123`) inside the
 * caller's transaction. The counter row is created or incremented by one upsert, which takes
 * its row lock (MariaDB: held until commit, so concurrent openings queue on it; SQLite: one
 * writer at a time); the value is then read back in the same transaction.
 */
export async function allocateTicketNumber(
  manager: EntityManager,
  officeCode: string,
  prefix: string,
  year: number,
): Promise<string> {
  if (isMysql(manager)) {
    await manager.query(
      'INSERT INTO ticket_counters (office_code, year, last_value) VALUES (?, ?, 1) ' +
        'ON DUPLICATE KEY UPDATE last_value = last_value + 1',
      [officeCode, year],
    );
  } else {
    await manager.query(
      'INSERT INTO ticket_counters (office_code, year, last_value) VALUES (?, ?, 1) ' +
        'ON CONFLICT (office_code, year) DO UPDATE SET last_value = last_value + 1',
      [officeCode, year],
    );
  }
  const rows: { last_value: number | string }[] = await manager.query(
    'SELECT last_value FROM ticket_counters WHERE office_code = ? AND year = ?',
    [officeCode, year],
  );
  return formatTicketNumber(prefix, year, Number(rows[0].last_value));
}

export function formatTicketNumber(prefix: string, year: number, value: number): string {
  return `${prefix}-${year}-${String(value).padStart(6, '0')}`;
}
