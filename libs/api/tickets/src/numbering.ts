import type { EntityManager } from 'typeorm';
import { dialectOf, type SqlStatement } from '@sigap/api-database';

const COUNTER_TABLE = 'ticket_counters';
const COUNTER_KEYS = ['office_code', 'year'] as const;
const COUNTER_COLUMN = 'last_value';

/**
 * Ticket numbers are gapless per office and year (`BALI-2026-000123`).
 *
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
