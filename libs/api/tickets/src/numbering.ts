import type { EntityManager } from 'typeorm';
import { dialectOf, runSql, type SqlStatement } from '@sigap/api-database';

const COUNTER_TABLE = 'ticket_counters';
const COUNTER_KEYS = ['office_code', 'year'] as const;
const COUNTER_COLUMN = 'last_value';

/**
 * Allocates the next ticket number of an office and year (`BALI-2026-000123`) inside the
 * caller's transaction. The counter row is created or incremented by an upsert, which takes
 * its row lock (MariaDB: held until commit, so concurrent openings queue on it; SQLite: one
 * writer at a time), and the new value is read back. Call it as late in the transaction as
 * possible: the lock is held until commit.
 */
export async function allocateTicketNumber(
  manager: EntityManager,
  officeCode: string,
  prefix: string,
  year: number,
): Promise<string> {
  const answers: unknown[] = [];
  for (const { sql, params } of counterStatements(manager, officeCode, year))
    answers.push(await runSql(manager, sql, params));
  return formatTicketNumber(prefix, year, counterValue(answers));
}

/**
 * The counter's statements for a batch (`runBatch`) with the ticket's other rows: bump (or
 * create) the office-year row, holding its lock until commit, and read the new value back
 * (`counterValue` of the batch's answers). The dialect writes them: MariaDB reads its own change
 * back in the same transaction; SQLite answers it from the upsert itself.
 */
export function counterStatements(
  manager: EntityManager,
  officeCode: string,
  year: number,
): SqlStatement[] {
  return dialectOf(manager)
    .counterBump(COUNTER_TABLE, COUNTER_KEYS, COUNTER_COLUMN)
    .map((sql) => ({ sql, params: [officeCode, year] }));
}

/** The counter value a batch ending with `counterStatements` allocated. */
export function counterValue(results: readonly unknown[]): number {
  const rows = results[results.length - 1] as Record<string, number | string>[] | undefined;
  const value = Number(rows?.[0]?.[COUNTER_COLUMN]);
  if (!Number.isInteger(value) || value < 1)
    throw new Error('ticket counter: the batch did not answer the new value');
  return value;
}

export function formatTicketNumber(prefix: string, year: number, value: number): string {
  return `${prefix}-${year}-${String(value).padStart(6, '0')}`;
}
