import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { runSql, type SqlStatement } from './statements';

interface InsertPlan {
  table: string;
  columns: ColumnMetadata[];
  head: string;
  rowPlaceholder: string;
}

const plans = new WeakMap<object, Map<string, InsertPlan>>();

/**
 * Inserts rows of one entity in a single multi-row `INSERT` through `manager.query`, skipping
 * TypeORM's per-entity persistence machinery (subject building, re-reading generated values).
 * Values go through the driver's own `preparePersistentValue`, so dates, booleans and
 * simple-json columns are stored exactly as `manager.insert` stores them, on MariaDB and SQLite.
 *
 * The column list is the properties the first row defines (auto-increment keys are left to the
 * database); every row must define the same ones. Generated ids are not read back.
 */
export async function insertRows<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: readonly Partial<T>[],
): Promise<void> {
  const statement = insertStatement(manager, target, rows);
  if (statement) await runSql(manager, statement.sql, statement.params);
}

/** The multi-row `INSERT` of `insertRows`, not yet run (null for no rows). */
export function insertStatement<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: readonly Partial<T>[],
): SqlStatement | null {
  if (!rows.length) return null;
  const plan = planFor(manager, target, rows[0]);
  const driver = manager.connection.driver;
  const params: unknown[] = [];
  for (const row of rows) {
    for (const column of plan.columns) {
      const value = (row as ObjectLiteral)[column.propertyName];
      if (value === undefined) {
        throw new Error(
          `insertRows(${plan.table}): row without "${column.propertyName}" (rows must define the same columns)`,
        );
      }
      params.push(driver.preparePersistentValue(value, column));
    }
  }
  const values = new Array<string>(rows.length).fill(plan.rowPlaceholder).join(', ');
  return { sql: `${plan.head} ${values}`, params };
}

interface SelectPlan {
  head: string;
  columns: ColumnMetadata[];
}

const selectPlans = new WeakMap<object, SelectPlan>();

/**
 * Reads rows of one entity with a raw `WHERE` (column names, `?` parameters) and hydrates them as
 * TypeORM would (dates, booleans, JSON columns, on MariaDB and SQLite), without building a query
 * builder per call. Plain objects, every column set (null when empty).
 */
export async function selectRows<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  where: string,
  params: unknown[],
): Promise<T[]> {
  const statement = selectStatement(manager, target, where, params);
  const raw: Record<string, unknown>[] = await runSql(manager, statement.sql, statement.params);
  return hydrateRows(manager, target, raw);
}

/** The `SELECT` of `selectRows`, not yet run: for a batch (`runBatch`); `hydrateRows` reads it. */
export function selectStatement<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  where: string,
  params: unknown[],
): SqlStatement {
  const metadata = manager.connection.getMetadata(target);
  let plan = selectPlans.get(metadata);
  if (!plan) {
    const escape = (name: string) => manager.connection.driver.escape(name);
    plan = {
      head: `SELECT ${metadata.columns.map((c) => escape(c.databaseName)).join(', ')} FROM ${escape(metadata.tableName)} WHERE`,
      columns: metadata.columns,
    };
    selectPlans.set(metadata, plan);
  }
  return { sql: `${plan.head} ${where}`, params };
}

/** Entities from the raw rows of a `selectStatement`. */
export function hydrateRows<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  raw: unknown,
): T[] {
  if (!Array.isArray(raw)) throw new Error('hydrateRows: the statement answered no rows');
  return (raw as Record<string, unknown>[]).map((row) => hydrateRow(manager, target, row));
}

/**
 * The select list of an entity's columns under a table alias, each named `<prefix><column>`, to
 * read an entity's row inside a larger statement (a join); `hydrateRow` with the same prefix
 * turns it back into the entity.
 */
export function aliasedColumns(
  manager: EntityManager,
  target: EntityTarget<ObjectLiteral>,
  alias: string,
  prefix: string,
): string {
  const escape = (name: string) => manager.connection.driver.escape(name);
  return manager.connection
    .getMetadata(target)
    .columns.map((c) => `${alias}.${escape(c.databaseName)} AS ${escape(prefix + c.databaseName)}`)
    .join(', ');
}

/** An entity from a raw row (columns named `<prefix><column>`), hydrated as TypeORM would. */
export function hydrateRow<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  row: Record<string, unknown>,
  prefix = '',
): T {
  const driver = manager.connection.driver;
  const entity: ObjectLiteral = {};
  for (const column of manager.connection.getMetadata(target).columns)
    entity[column.propertyName] = driver.prepareHydratedValue(
      row[prefix + column.databaseName],
      column,
    );
  return entity as T;
}

function planFor<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  first: Partial<T>,
): InsertPlan {
  const metadata = manager.connection.getMetadata(target);
  let byShape = plans.get(metadata);
  if (!byShape) {
    byShape = new Map();
    plans.set(metadata, byShape);
  }
  const columns = metadata.columns.filter(
    (c) => (first as ObjectLiteral)[c.propertyName] !== undefined,
  );
  const shape = columns.map((c) => c.propertyName).join(',');
  let plan = byShape.get(shape);
  if (!plan) {
    const escape = (name: string) => manager.connection.driver.escape(name);
    plan = {
      table: metadata.tableName,
      columns,
      head: `INSERT INTO ${escape(metadata.tableName)} (${columns
        .map((c) => escape(c.databaseName))
        .join(', ')}) VALUES`,
      rowPlaceholder: `(${columns.map(() => '?').join(', ')})`,
    };
    byShape.set(shape, plan);
  }
  return plan;
}
