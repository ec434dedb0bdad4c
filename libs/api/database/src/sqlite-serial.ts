import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { BetterSqlite3QueryRunner } from 'typeorm/driver/better-sqlite3/BetterSqlite3QueryRunner';
import type { BetterSqlite3Driver } from 'typeorm/driver/better-sqlite3/BetterSqlite3Driver';

/**
 * The embedded database has one connection, and TypeORM's better-sqlite3 driver hands every
 * caller the same query runner. Two requests' transactions then interleave on that connection:
 * the second nests inside the first as a savepoint, and when either rolls back, the other's
 * already-answered work goes with it (two concurrent "create" requests could both answer 201
 * and leave nothing stored). TypeORM has no option for this, so the connection is serialised
 * here: each caller gets a runner of its own, a transaction holds the connection from BEGIN to
 * COMMIT/ROLLBACK, and a statement outside a transaction waits until no other transaction is
 * open. Code running inside a transaction callback that reaches for the data source again (a
 * repository of the data source rather than the transaction's manager) gets the transaction's
 * own runner, as before, instead of waiting for itself. better-sqlite3 runs statements
 * synchronously, so this costs no parallelism.
 */
class ConnectionLock {
  private holder: QueryRunner | null = null;
  private readonly waiting: Array<{ runner: QueryRunner; grant: () => void }> = [];

  owner(): QueryRunner | null {
    return this.holder;
  }

  acquire(runner: QueryRunner): Promise<void> {
    if (this.holder === null) {
      this.holder = runner;
      return Promise.resolve();
    }
    return new Promise((grant) => this.waiting.push({ runner, grant }));
  }

  release(runner: QueryRunner): void {
    if (this.holder !== runner) return;
    const next = this.waiting.shift();
    this.holder = next?.runner ?? null;
    next?.grant();
  }
}

class SerialQueryRunner extends BetterSqlite3QueryRunner {
  constructor(
    driver: BetterSqlite3Driver,
    private readonly lock: ConnectionLock,
    statements: Map<string, unknown>,
  ) {
    super(driver);
    // One prepared-statement cache for the one connection, as with the shared runner.
    (this as unknown as { stmtCache: Map<string, unknown> }).stmtCache = statements;
  }

  override async startTransaction(isolationLevel?: IsolationLevel): Promise<void> {
    const outermost = this.transactionDepth === 0;
    if (outermost) await this.lock.acquire(this);
    try {
      await super.startTransaction(isolationLevel);
    } catch (error) {
      if (outermost) this.lock.release(this);
      throw error;
    }
  }

  override async commitTransaction(): Promise<void> {
    await super.commitTransaction();
    if (this.transactionDepth === 0) this.lock.release(this);
  }

  override async rollbackTransaction(): Promise<void> {
    try {
      await super.rollbackTransaction();
    } finally {
      if (this.transactionDepth === 0) this.lock.release(this);
    }
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeORM's own signature
  override async query(query: string, parameters?: any[], structured = false): Promise<any> {
    if (this.lock.owner() === this) return super.query(query, parameters, structured);
    await this.lock.acquire(this);
    try {
      return await super.query(query, parameters, structured);
    } finally {
      this.lock.release(this);
    }
  }
}

/** Gives each caller of an embedded-SQLite data source its own serialised query runner. */
export function serialiseSqlite(dataSource: DataSource): DataSource {
  if (dataSource.options.type !== 'better-sqlite3') return dataSource;
  const driver = dataSource.driver as BetterSqlite3Driver;
  const lock = new ConnectionLock();
  const statements = new Map<string, unknown>();
  /** The runner of the transaction whose callback is running (per async context). */
  const inTransaction = new AsyncLocalStorage<QueryRunner>();
  driver.createQueryRunner = () => {
    const current = inTransaction.getStore();
    if (current && lock.owner() === current && !current.isReleased) return current;
    return new SerialQueryRunner(driver, lock, statements);
  };
  const manager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  manager.transaction = ((...args: unknown[]) => {
    // (work) or (isolationLevel, work); DataSource.transaction passes both, one undefined.
    const at = args.findIndex((arg) => typeof arg === 'function');
    const work = args[at] as (em: EntityManager) => Promise<unknown>;
    const tracked = (em: EntityManager) =>
      em.queryRunner ? inTransaction.run(em.queryRunner, () => work(em)) : work(em);
    return transaction(...args.map((arg, index) => (index === at ? tracked : arg)));
  }) as EntityManager['transaction'];
  return dataSource;
}
