import type { EntityManager } from 'typeorm';
import { isMysql } from '@sigap/api-database';
import { dialectOf, runSql, type SqlStatement } from '@sigap/api-database';

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
  if (isMysql(manager)) {
    // One round trip: a new row answers "1 row affected" (value 1); an existing one is bumped
    // and its new value comes back as the statement's insert id (LAST_INSERT_ID(expr)).
    const result: { affectedRows: number; insertId: number } = await runSql(
      manager,
      'INSERT INTO ticket_counters (office_code, year, last_value) VALUES (?, ?, 1) ' +
        'ON DUPLICATE KEY UPDATE last_value = LAST_INSERT_ID(last_value + 1)',
      [officeCode, year],
    );
    const value = result.affectedRows === 1 ? 1 : Number(result.insertId);
    return formatTicketNumber(prefix, year, value);
  }
  const rows: { last_value: number | string }[] = await runSql(
    manager,
    'INSERT INTO ticket_counters (office_code, year, last_value) VALUES (?, ?, 1) ' +
      'ON CONFLICT (office_code, year) DO UPDATE SET last_value = last_value + 1 ' +
      'RETURNING last_value',
    [officeCode, year],
  );
  return formatTicketNumber(prefix, year, Number(rows[0].last_value));
}

/**
 * The counter's statements for a batch (`runBatch`) with the ticket's other rows: bump (or
 * create) the office-year row, holding its lock until commit, and read the new value back
 * (`counterValue` of the batch's answers). MariaDB reads its own change back in the same
 * transaction; SQLite answers it from the upsert itself.
 */
export function counterStatements(
  manager: EntityManager,
  officeCode: string,
  year: number,
): SqlStatement[] {
  if (dialectOf(manager).name === 'mysql')
    return [
      {
        sql:
          'INSERT INTO ticket_counters (office_code, year, last_value) VALUES (?, ?, 1) ' +
          'ON DUPLICATE KEY UPDATE last_value = last_value + 1',
        params: [officeCode, year],
      },
      {
        sql: 'SELECT last_value FROM ticket_counters WHERE office_code = ? AND year = ?',
        params: [officeCode, year],
      },
    ];
  return [
    {
      sql:
        'INSERT INTO ticket_counters (office_code, year, last_value) VALUES (?, ?, 1) ' +
        'ON CONFLICT (office_code, year) DO UPDATE SET last_value = last_value + 1 ' +
        'RETURNING last_value',
      params: [officeCode, year],
    },
  ];
}

/** The counter value a batch ending with `counterStatements` allocated. */
export function counterValue(results: readonly unknown[]): number {
  const rows = results[results.length - 1] as { last_value: number | string }[] | undefined;
  const value = Number(rows?.[0]?.last_value);
  if (!Number.isInteger(value) || value < 1)
    throw new Error('ticket counter: the batch did not answer the new value');
  return value;
}

export function formatTicketNumber(prefix: string, year: number, value: number): string {
  return `${prefix}-${year}-${String(value).padStart(6, '0')}`;
}
