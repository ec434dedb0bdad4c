import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

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
  if (!rows.length) return;
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
  await manager.query(`${plan.head} ${values}`, params);
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
