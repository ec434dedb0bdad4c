import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@sigap/api-database';
import { ENTITIES } from '../entities';
import { createTestDatabase, DATABASES, testConfig, TestDatabase } from '../testing/test-app';

const TABLES = ['calendar_schedules', 'calendar_closures', 'calendar_seeds', 'calendar_revision'];

for (const kind of DATABASES) {
  describe(`calendars migration [${kind}]`, () => {
    let db: TestDatabase;
    let dataSource: DataSource;

    beforeAll(async () => {
      db = await createTestDatabase(kind);
      dataSource = new DataSource(dataSourceOptions(testConfig(db), ENTITIES));
      await dataSource.initialize();
    }, 30_000);

    afterAll(async () => {
      if (dataSource?.isInitialized) await dataSource.destroy();
      await db?.drop();
    });

    it('creates the calendar tables with the revision row, and reverts them', async () => {
      const runner = dataSource.createQueryRunner();
      try {
        await dataSource.runMigrations({ transaction: 'each' });
        for (const table of TABLES)
          expect(await runner.hasTable(table))
            .withContext(table)
            .toBeTrue();
        expect(await dataSource.query('SELECT id, revision FROM calendar_revision')).toEqual([
          { id: 1, revision: 0 },
        ]);
        // Revert down to (and including) the calendars migration.
        while (
          (await dataSource.query('SELECT name FROM migrations')).some(
            (m: { name: string }) => m.name === 'Calendars1763900100000',
          )
        ) {
          await dataSource.undoLastMigration({ transaction: 'each' });
        }
        for (const table of TABLES)
          expect(await runner.hasTable(table))
            .withContext(table)
            .toBeFalse();
        expect(await runner.hasTable('offices')).toBeTrue();
        await dataSource.runMigrations({ transaction: 'each' });
        expect(await runner.hasTable('calendar_closures')).toBeTrue();
      } finally {
        await runner.release();
      }
      // Every migration up, twenty down and up again: DDL on MariaDB is slow on a busy machine.
    }, 180_000);
  });
}
