import type { DataSource, DataSourceOptions, EntityManager } from 'typeorm';
import { ensureSqliteFullText } from './full-text';

/** Row lock options for `find`/`findOne` (empty where the database has one writer). */
export type WriteLock = { lock?: { mode: 'pessimistic_write' } };

/**
 * What differs between the two databases Sigap runs on: MariaDB/MySQL (production, several
 * connections writing at once) and SQLite (development, tests, small offices: one writer at a
 * time). Feature code asks this instead of testing the driver, so each difference is written
 * once, here. Injected as `Dialect`; code without DI uses `dialectOf(manager)`.
 */
export abstract class Dialect {
  abstract readonly name: 'mysql' | 'sqlite';

  /**
   * Whether several connections write at once. Only then do row locks, skip-locked claims and
   * "let the unique index refuse it" strategies pay off; SQLite serialises every write.
   */
  abstract readonly concurrentWriters: boolean;

  /** ` FOR UPDATE` to append to a SELECT whose rows the transaction will write, or nothing. */
  abstract readonly forUpdate: string;

  /** ` FOR UPDATE SKIP LOCKED`: rows another transaction holds are left to it; or nothing. */
  abstract readonly forUpdateSkipLocked: string;

  /** A Date as a raw query parameter (MySQL: a Date on a UTC session; SQLite: UTC text). */
  abstract instant(at: Date): Date | string;

  /** `INSERT ... VALUES (...)` that does nothing when the row's unique key is already there. */
  abstract insertIgnore(table: string, columns: readonly string[], values: string): string;

  /** SQL for the hour of a stored instant as text, `YYYY-MM-DD HH` (UTC). */
  abstract hourOf(column: string): string;

  /** Options that lock the rows a `find` reads, for the transaction (or none). */
  abstract writeLock(): WriteLock;

  /**
   * Whether a raw UPDATE (`runSql`) answers with the number of rows it changed. MySQL's result
   * header does; SQLite's raw answer does not, so there the query builder's `affected` counts.
   */
  abstract readonly countsRawWrites: boolean;

  /**
   * Statements that start `counter` of `table`'s row under the unique key `keys` at 1 or add one
   * to it, holding the row's lock until commit. Each takes the key values as parameters; the
   * last answers the new value as a row with the `counter` column (MySQL reads its own change
   * back in the transaction; SQLite's upsert returns it).
   */
  abstract counterBump(table: string, keys: readonly string[], counter: string): string[];

  /**
   * Runs `run` with commits not waiting for the disk, then puts the setting back. Only SQLite
   * waits on a disk sync per commit by default in a way a bulk job notices (WAL with
   * `synchronous = NORMAL` still survives a crash of the process; only a power loss may take the
   * last commits); on MariaDB/MySQL the server's own durability settings stay the operator's.
   */
  abstract withoutCommitSync<T>(source: DataSource, run: () => Promise<T>): Promise<T>;

  /**
   * The full-text query text for search terms (letters and digits only, already folded): every
   * term must match, each also as a prefix. See `full-text.ts`.
   */
  abstract fullTextQuery(terms: readonly string[]): string;

  /**
   * One full-text source as the FROM and WHERE of a search branch: the source table under
   * `alias`, its rows matching the named parameter `param` (a `fullTextQuery`), and the SQL of
   * each row's relevance (higher is better) as `score`.
   */
  abstract fullTextSource(
    source: { table: string; columns: readonly string[] },
    alias: string,
    param: string,
  ): { from: string; where: string; score: string };

  /**
   * After the migrations: puts the full-text index back in step where the engine can lose it
   * (SQLite's triggers go with a table a later migration rebuilt). Answers whether it had to.
   */
  abstract repairFullText(source: DataSource): Promise<boolean>;

  /** The server's product, as health reports it: MariaDB or MySQL (asked once), or SQLite. */
  abstract serverType(source: DataSource): Promise<'mysql' | 'mariadb' | 'sqlite'>;

  /** An instant read back from a raw row: Date (MySQL) or UTC text (SQLite). */
  readInstant(value: Date | string | null | undefined): Date | null {
    return readInstant(value);
  }

  /**
   * Whether a driver error is a unique-index violation. A check-then-insert can still lose a race
   * to a concurrent request; the index is the final word, and this turns its refusal into a 409.
   */
  isUniqueViolation(error: unknown): boolean {
    return isUniqueViolation(error);
  }
}

/** Raw rows give Date (MySQL) or UTC text (SQLite); either reads back as the same instant. */
export function readInstant(value: Date | string | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  return new Date(/[zZ]$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
}

const UNIQUE_VIOLATION_CODES: ReadonlySet<string> = new Set([
  'ER_DUP_ENTRY',
  'SQLITE_CONSTRAINT_UNIQUE',
  'SQLITE_CONSTRAINT_PRIMARYKEY',
]);

/** Unique-index refusal by either driver (the error alone says which database raised it). */
export function isUniqueViolation(error: unknown): boolean {
  return UNIQUE_VIOLATION_CODES.has(String((error as { code?: unknown } | null)?.code ?? ''));
}

export class MysqlDialect extends Dialect {
  readonly name = 'mysql' as const;
  readonly concurrentWriters = true;
  readonly forUpdate = ' FOR UPDATE';
  readonly forUpdateSkipLocked = ' FOR UPDATE SKIP LOCKED';

  instant(at: Date): Date {
    return at;
  }

  insertIgnore(table: string, columns: readonly string[], values: string): string {
    return `INSERT IGNORE INTO ${table} (${columns.join(', ')}) VALUES ${values}`;
  }

  hourOf(column: string): string {
    return `DATE_FORMAT(${column}, '%Y-%m-%d %H')`;
  }

  writeLock(): WriteLock {
    return { lock: { mode: 'pessimistic_write' } };
  }

  readonly countsRawWrites = true;

  counterBump(table: string, keys: readonly string[], counter: string): string[] {
    return [
      `INSERT INTO ${table} (${[...keys, counter].join(', ')}) VALUES (${keys.map(() => '?').join(', ')}, 1) ` +
        `ON DUPLICATE KEY UPDATE ${counter} = ${counter} + 1`,
      `SELECT ${counter} FROM ${table} WHERE ${keys.map((k) => `${k} = ?`).join(' AND ')}`,
    ];
  }

  withoutCommitSync<T>(_source: DataSource, run: () => Promise<T>): Promise<T> {
    return run();
  }

  fullTextQuery(terms: readonly string[]): string {
    return terms.map((t) => `+${t}*`).join(' ');
  }

  repairFullText(): Promise<boolean> {
    // InnoDB keeps FULLTEXT indexes through every ALTER TABLE.
    return Promise.resolve(false);
  }

  fullTextSource(
    source: { table: string; columns: readonly string[] },
    alias: string,
    param: string,
  ): { from: string; where: string; score: string } {
    const match = `MATCH(${source.columns.map((c) => `${alias}.${c}`).join(', ')}) AGAINST (:${param} IN BOOLEAN MODE)`;
    return { from: `${source.table} ${alias}`, where: match, score: match };
  }

  private readonly products = new WeakMap<DataSource, 'mysql' | 'mariadb'>();

  async serverType(source: DataSource): Promise<'mysql' | 'mariadb'> {
    const known = this.products.get(source);
    if (known) return known;
    const rows: { v: string }[] = await source.query('SELECT VERSION() AS v');
    const product = /mariadb/i.test(rows[0]?.v ?? '') ? 'mariadb' : 'mysql';
    this.products.set(source, product);
    return product;
  }
}

export class SqliteDialect extends Dialect {
  readonly name = 'sqlite' as const;
  readonly concurrentWriters = false;
  readonly forUpdate = '';
  readonly forUpdateSkipLocked = '';

  instant(at: Date): string {
    return at.toISOString().replace('T', ' ').replace('Z', '');
  }

  insertIgnore(table: string, columns: readonly string[], values: string): string {
    return `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values} ON CONFLICT DO NOTHING`;
  }

  hourOf(column: string): string {
    return `strftime('%Y-%m-%d %H', ${column})`;
  }

  writeLock(): WriteLock {
    return {};
  }

  readonly countsRawWrites = false;

  counterBump(table: string, keys: readonly string[], counter: string): string[] {
    return [
      `INSERT INTO ${table} (${[...keys, counter].join(', ')}) VALUES (${keys.map(() => '?').join(', ')}, 1) ` +
        `ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${counter} = ${counter} + 1 ` +
        `RETURNING ${counter}`,
    ];
  }

  async withoutCommitSync<T>(source: DataSource, run: () => Promise<T>): Promise<T> {
    const [row] = (await source.query('PRAGMA synchronous')) as { synchronous: number }[];
    const previous = Number(row?.synchronous ?? 2);
    await source.query('PRAGMA synchronous = NORMAL');
    try {
      return await run();
    } finally {
      await source.query(`PRAGMA synchronous = ${Number.isInteger(previous) ? previous : 2}`);
    }
  }

  fullTextQuery(terms: readonly string[]): string {
    return terms.map((t) => `"${t}"*`).join(' ');
  }

  repairFullText(source: DataSource): Promise<boolean> {
    return ensureSqliteFullText(source);
  }

  fullTextSource(
    source: { table: string; columns: readonly string[] },
    alias: string,
    param: string,
  ): { from: string; where: string; score: string } {
    // FTS5's table-valued form: the index answers the matching rowids with their bm25 rank
    // (lower is better), joined back to the source row.
    return {
      from: `${source.table}_fts(:${param}) ${alias}_f JOIN ${source.table} ${alias} ON ${alias}.rowid = ${alias}_f.rowid`,
      where: '1 = 1',
      score: `-${alias}_f.rank`,
    };
  }

  serverType(): Promise<'sqlite'> {
    return Promise.resolve('sqlite');
  }
}

const MYSQL = new MysqlDialect();
const SQLITE = new SqliteDialect();

/** The dialect of TypeORM options: `mysql` (mysql2) or SQLite (better-sqlite3). */
export function dialectForOptions(options: Pick<DataSourceOptions, 'type'>): Dialect {
  if (options.type === 'mysql') return MYSQL;
  if (options.type === 'better-sqlite3') return SQLITE;
  throw new Error(`database type "${options.type}" is not supported`);
}

/** The dialect behind a data source or an entity manager (for code without DI). */
export function dialectOf(source: DataSource | EntityManager): Dialect {
  return dialectForOptions('connection' in source ? source.connection.options : source.options);
}
