import { DataSource, QueryFailedError } from 'typeorm';
import { createTestDatabase, DATABASES, type TestDatabase } from '../testing/test-app';
import { mysqlPool, queryConnection, transactionConnection } from '@sigap/api-database';
import { runSql } from '@sigap/api-database';

/**
 * `mysql-driver.ts` relies on TypeORM's MySQL query runner holding a mysql2 connection with the
 * callback `query(sql, values, cb)` face, and on mysql2's result and error shapes. An upgrade of
 * either that changes them fails here, not in production.
 */
if (DATABASES.includes('mysql')) {
  describe('raw mysql2 access behind TypeORM [mysql]', () => {
    let db: TestDatabase;
    let source: DataSource;

    beforeAll(async () => {
      db = await createTestDatabase('mysql');
      source = await new DataSource({
        type: 'mysql',
        url: db.env['DATABASE_URL'],
        timezone: 'Z',
      }).initialize();
      await source.query(
        'CREATE TABLE probe (id INT PRIMARY KEY AUTO_INCREMENT, name VARCHAR(20) NOT NULL UNIQUE)',
      );
    }, 30_000);
    afterAll(async () => {
      await source?.destroy();
      await db?.drop();
    }, 30_000);

    it('finds the callback connection only inside a transaction', async () => {
      expect(transactionConnection(source.manager)).toBeUndefined();
      await source.transaction(async (manager) => {
        const connection = transactionConnection(manager);
        expect(connection).toBeDefined();
        expect(typeof connection?.query).toBe('function');
        expect(connection?.query.length).toBeGreaterThanOrEqual(1);
      });
    });

    it('answers rows for a read and the result header for a write, as manager.query does', async () => {
      await source.transaction(async (manager) => {
        const connection = transactionConnection(manager);
        if (!connection) throw new Error('no mysql2 connection behind the runner');
        const header = await queryConnection<{ affectedRows: number; insertId: number }>(
          connection,
          'INSERT INTO probe (name) VALUES (?), (?)',
          ['a', 'b'],
        );
        expect(header.affectedRows).toBe(2);
        expect(typeof header.insertId).toBe('number');
        const rows = await queryConnection<{ id: number; name: string }[]>(
          connection,
          'SELECT id, name FROM probe WHERE name IN (?, ?) ORDER BY name',
          ['a', 'b'],
        );
        expect(Array.isArray(rows)).toBeTrue();
        expect(rows.map((r) => r.name)).toEqual(['a', 'b']);
        const viaTypeorm: { name: string }[] = await manager.query(
          'SELECT name FROM probe ORDER BY name',
        );
        expect(viaTypeorm.map((r) => r.name)).toEqual(rows.map((r) => r.name));
        // runSql takes this path inside the transaction and answers the same header.
        const updated = await runSql<{ affectedRows: number }>(
          manager,
          'UPDATE probe SET name = ? WHERE name = ?',
          ['c', 'b'],
        );
        expect(updated.affectedRows).toBe(1);
      });
    });

    it('rejects with QueryFailedError carrying the driver code, and the transaction rolls back', async () => {
      const failed = await source
        .transaction(async (manager) => {
          await runSql(manager, 'INSERT INTO probe (name) VALUES (?)', ['z']);
          await runSql(manager, 'INSERT INTO probe (name) VALUES (?)', ['a']);
        })
        .then(
          () => null,
          (error: unknown) => error,
        );
      expect(failed).toBeInstanceOf(QueryFailedError);
      expect(
        (failed as QueryFailedError & { driverError: { code?: string } }).driverError.code,
      ).toBe('ER_DUP_ENTRY');
      const left: unknown[] = await source.query('SELECT id FROM probe WHERE name = ?', ['z']);
      expect(left.length).toBe(0);
    });

    it("exposes mysql2's pool events", () => {
      const pool = mysqlPool(source);
      expect(pool).toBeDefined();
      expect(typeof pool?.on).toBe('function');
    });
  });
}
