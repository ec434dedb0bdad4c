import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { createTestDatabase, DATABASES, type TestDatabase } from '../testing/test-app';
import { dialectOf, runSql } from '@sigap/api-database';

/** Each dialect's SQL, run on its own database: the two answer the same. */
for (const kind of DATABASES) {
  describe(`database dialect on a real database [${kind}]`, () => {
    let db: TestDatabase | undefined;
    let source: DataSource;

    beforeAll(async () => {
      if (kind === 'mysql') {
        db = await createTestDatabase('mysql');
        source = new DataSource({ type: 'mysql', url: db.env['DATABASE_URL'], timezone: 'Z' });
      } else {
        source = new DataSource({ type: 'better-sqlite3', database: ':memory:' });
      }
      await source.initialize();
      await source.query(
        'CREATE TABLE probe (k VARCHAR(20) NOT NULL PRIMARY KEY, n INT NOT NULL, at DATETIME(3) NULL)',
      );
      await source.query(
        'CREATE TABLE probe_counter (k VARCHAR(20) NOT NULL, y INT NOT NULL, v INT NOT NULL, PRIMARY KEY (k, y))',
      );
    }, 30_000);
    afterAll(async () => {
      await source?.destroy();
      await db?.drop();
    }, 30_000);

    it('skips an insert whose key is there, and stores and reads back an instant', async () => {
      const dialect = dialectOf(source);
      expect(dialect.name).toBe(kind);
      const at = new Date('2026-05-06T07:08:09.123Z');
      const insert = dialect.insertIgnore('probe', ['k', 'n', 'at'], '(?, ?, ?)');
      await source.query(insert, ['a', 1, dialect.instant(at)]);
      await source.query(insert, ['a', 2, dialect.instant(at)]);
      const rows: { n: number | string; at: Date | string; h: string }[] = await source.query(
        `SELECT n, at, ${dialect.hourOf('at')} AS h FROM probe WHERE k = ? AND at >= ?`,
        ['a', dialect.instant(at)],
      );
      expect(rows.length).toBe(1);
      expect(Number(rows[0].n)).toBe(1);
      expect(dialect.readInstant(rows[0].at)?.toISOString()).toBe(at.toISOString());
      expect(rows[0].h).toBe('2026-05-06 07');
    });

    it('names its server, and relaxes commit syncing only for the run, even when it fails', async () => {
      const dialect = dialectOf(source);
      const type = await dialect.serverType(source);
      expect(kind === 'sqlite' ? type === 'sqlite' : type === 'mariadb' || type === 'mysql')
        .withContext(type)
        .toBeTrue();
      const sync = async () =>
        kind === 'sqlite'
          ? Number(
              ((await source.query('PRAGMA synchronous')) as { synchronous: number }[])[0]
                .synchronous,
            )
          : null;
      const before = await sync();
      let during: number | null = null;
      await expectAsync(
        dialect.withoutCommitSync(source, async () => {
          during = await sync();
          throw new Error('the job failed');
        }),
      ).toBeRejectedWithError('the job failed');
      // SQLite: NORMAL (1) during the run; the earlier setting after it.
      if (kind === 'sqlite') expect([before, during]).toEqual([before, 1]);
      expect(await sync()).toBe(before);
      await expectAsync(dialect.withoutCommitSync(source, async () => 'done')).toBeResolvedTo(
        'done',
      );
    });

    it('locks rows in a transaction where it can, and recognises a unique refusal', async () => {
      const dialect = dialectOf(source);
      await source.transaction(async (manager) => {
        const locked: unknown[] = await manager.query(
          `SELECT k FROM probe WHERE k = ?${dialect.forUpdate}`,
          ['a'],
        );
        expect(locked.length).toBe(1);
        const skipping: unknown[] = await manager.query(
          `SELECT k FROM probe ORDER BY k LIMIT 5${dialect.forUpdateSkipLocked}`,
        );
        expect(skipping.length).toBe(1);
      });
      const refused = await source.query('INSERT INTO probe (k, n) VALUES (?, ?)', ['a', 3]).then(
        () => null,
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(QueryFailedError);
      expect(dialect.isUniqueViolation(refused)).toBeTrue();
      expect(dialect.isUniqueViolation((refused as QueryFailedError).driverError)).toBeTrue();
    });

    it('counts a counter up from 1 per key, inside a transaction and outside one', async () => {
      const dialect = dialectOf(source);
      const next = async (manager: EntityManager, k: string, y: number) => {
        let last: unknown = null;
        for (const sql of dialect.counterBump('probe_counter', ['k', 'y'], 'v'))
          last = await runSql(manager, sql, [k, y]);
        return Number((last as { v: number | string }[])[0].v);
      };
      expect(await next(source.manager, 'a', 2026)).toBe(1);
      expect(await next(source.manager, 'a', 2026)).toBe(2);
      expect(await next(source.manager, 'a', 2027)).toBe(1);
      await source.transaction(async (manager) => {
        expect(await next(manager, 'a', 2026)).toBe(3);
        expect(await next(manager, 'b', 2026)).toBe(1);
        expect(await next(manager, 'a', 2026)).toBe(4);
      });
    });

    it('answers a raw update with the rows it changed where the dialect says so', async () => {
      const dialect = dialectOf(source);
      await source.transaction(async (manager) => {
        const result: { affectedRows?: number } = await runSql(
          manager,
          'UPDATE probe SET n = n + 1 WHERE k = ?',
          ['a'],
        );
        if (dialect.countsRawWrites) expect(result.affectedRows).toBe(1);
        else expect(result?.affectedRows).toBeUndefined();
      });
    });
  });
}
