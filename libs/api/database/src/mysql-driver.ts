/**
 * The one place that reaches past TypeORM to the mysql2 connection it holds. TypeORM's `query`
 * builds a new promise wrapper around the connection for every statement (a `require`, a
 * captured stack trace) and copies the rows, which on a ticket opening's dozen statements costs
 * more client CPU than the statements themselves. `mysql-driver.integration.spec.ts` checks on
 * MariaDB that the shapes relied on here still hold after a TypeORM or mysql2 upgrade.
 */
import { QueryFailedError, type DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { dialectOf } from './dialect';

/** The callback face of a mysql2 connection (what TypeORM's MySQL query runner holds). */
export interface MysqlCallbackConnection {
  query(
    sql: string,
    values: unknown[],
    callback: (error: Error | null, result: unknown) => void,
  ): void;
}

/**
 * The mysql2 connection of the manager's open MariaDB/MySQL transaction; undefined elsewhere
 * (SQLite, no transaction, a released runner), where `manager.query` is the way.
 */
export function transactionConnection(manager: EntityManager): MysqlCallbackConnection | undefined {
  const runner = manager.queryRunner as
    (QueryRunner & { databaseConnection?: unknown }) | undefined;
  if (!runner || runner.isReleased || !runner.isTransactionActive) return undefined;
  if (dialectOf(manager).name !== 'mysql') return undefined;
  const connection = runner.databaseConnection as Partial<MysqlCallbackConnection> | undefined;
  // A runner without the expected face falls back to TypeORM rather than failing.
  return typeof connection?.query === 'function'
    ? (connection as MysqlCallbackConnection)
    : undefined;
}

/**
 * Runs a statement on the connection, answering what `manager.query` answers (rows, or the
 * driver's result header for writes); errors come out as TypeORM's `QueryFailedError`.
 */
export function queryConnection<T>(
  connection: MysqlCallbackConnection,
  sql: string,
  params: unknown[],
): Promise<T> {
  return new Promise<T>((resolve, reject) =>
    connection.query(sql, params, (error, result) =>
      error ? reject(new QueryFailedError(sql, params, error)) : resolve(result as T),
    ),
  );
}

/** mysql2's connection pool (its events are public API), or undefined on SQLite. */
export function mysqlPool(dataSource: DataSource): NodeJS.EventEmitter | undefined {
  if (dialectOf(dataSource).name !== 'mysql') return undefined;
  const pool = (dataSource.driver as unknown as { pool?: Partial<NodeJS.EventEmitter> }).pool;
  return typeof pool?.on === 'function' ? (pool as NodeJS.EventEmitter) : undefined;
}
