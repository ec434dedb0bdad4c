import type { EntityManager } from 'typeorm';
import { queryConnection, transactionConnection } from './mysql-driver';

/** A statement and its parameters, to run alone (`runSql`) or with others (`runBatch`). */
export interface SqlStatement {
  sql: string;
  params: unknown[];
}

/**
 * Runs one statement with the manager, answering what `manager.query` answers (rows, or the
 * driver's result header for writes).
 *
 * Inside a MariaDB/MySQL transaction it goes straight to the transaction's mysql2 connection
 * (see `mysql-driver.ts` for why); errors still come out as TypeORM's `QueryFailedError`.
 * Everywhere else (SQLite, no transaction) it is `manager.query`.
 */
export function runSql<T = unknown>(
  manager: EntityManager,
  sql: string,
  params: unknown[] = [],
): Promise<T> {
  const connection = transactionConnection(manager);
  return connection ? queryConnection<T>(connection, sql, params) : manager.query(sql, params);
}

/**
 * Runs statements in order in the caller's transaction and answers each one's result (rows, or
 * the driver's result header for writes), in order.
 *
 * On MariaDB/MySQL they travel as one request (the connection is opened with
 * `multipleStatements`): a ticket's creation is a dozen short statements, and one round trip
 * each costs the API and the server more (a socket write and read, a wake-up, a command object,
 * on both sides) than the statements' own work. The server runs them in order and stops at the
 * first that fails; the error rejects the batch and the caller's transaction rolls back as it
 * would for one failing statement. Statements are only ever built from code with `?`
 * parameters, never from input. On SQLite (one writer, no network) they run one after another.
 */
export async function runBatch(
  manager: EntityManager,
  statements: readonly (SqlStatement | null)[],
): Promise<unknown[]> {
  const list = statements.filter((s): s is SqlStatement => s !== null);
  const connection = list.length > 1 ? transactionConnection(manager) : undefined;
  if (!connection || !multipleStatements(manager)) {
    const results: unknown[] = [];
    for (const s of list) results.push(await runSql(manager, s.sql, s.params));
    return results;
  }
  const sql = list.map((s) => s.sql).join(';\n');
  const params = list.flatMap((s) => s.params);
  const results = await queryConnection<unknown[]>(connection, sql, params);
  if (!Array.isArray(results) || results.length !== list.length)
    throw new Error(`runBatch: ${list.length} statements answered ${describe(results)}`);
  return results;
}

function multipleStatements(manager: EntityManager): boolean {
  return (
    (manager.connection.options as { multipleStatements?: boolean }).multipleStatements === true
  );
}

function describe(results: unknown): string {
  return Array.isArray(results) ? `${results.length} results` : typeof results;
}
