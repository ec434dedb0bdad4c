import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options';
import { TriageAndMailboxes1763900900000 } from '../database/migrations/1763900900000-triage-and-mailboxes';
import {
  DATABASES,
  createTestDatabase,
  startTestApp,
  testConfig,
  type TestDatabase,
} from '../testing/test-app';

/**
 * The triage migration makes the tickets' service columns nullable: on SQLite that rebuilds the
 * table. Tickets already there keep their steps, checklist, clock events and timeline through it
 * (the children reference `tickets` with ON DELETE CASCADE), down and up again.
 */
for (const kind of DATABASES) {
  describe(`triage migration keeps existing tickets [${kind}]`, () => {
    let db: TestDatabase;

    beforeAll(async () => {
      db = await createTestDatabase(kind);
      const app = await startTestApp(db);
      try {
        const res = await app.request('POST', '/api/v1/tickets', {
          token: await app.token('helpdesk.bali@sigap.local'),
          body: {
            office: 'bali',
            service: 'pengembangan-aplikasi',
            channel: 'letter',
            subject: 'Sebelum migrasi',
            description: 'Tiket lama.',
            requester: { name: 'Lama', email: 'lama@diskes.baliprov.go.id' },
          },
        });
        expect(res.status).withContext(res.text).toBe(201);
      } finally {
        await app.close();
      }
    }, 60_000);

    afterAll(async () => {
      await db?.drop();
    });

    it('down past it and up again, with the rows of every child table intact', async () => {
      const ds = new DataSource(dataSourceOptions(testConfig(db)));
      await ds.initialize();
      try {
        const counts = async () => {
          const out: number[] = [];
          for (const table of [
            'tickets',
            'ticket_steps',
            'ticket_checklist_items',
            'ticket_clock_events',
            'ticket_timeline',
          ]) {
            const rows: { n: number | string }[] = await ds.query(
              `SELECT COUNT(*) AS n FROM ${table}`,
            );
            out.push(Number(rows[0].n));
          }
          return out;
        };
        const before = await counts();
        expect(before.every((n) => n > 0))
          .withContext(String(before))
          .toBeTrue();
        const migration = new TriageAndMailboxes1763900900000();
        const runner = ds.createQueryRunner();
        try {
          // Reverted as TypeORM reverts: inside a transaction.
          await runner.startTransaction();
          await migration.down(runner);
          await runner.commitTransaction();
          expect(await counts()).toEqual(before);
          expect(await runner.hasTable('mailboxes')).toBeFalse();
          // Applied as TypeORM applies pending migrations (foreign keys off on SQLite first).
          await runner.beforeMigration();
          await runner.startTransaction();
          await migration.up(runner);
          await runner.commitTransaction();
          await runner.afterMigration();
        } finally {
          await runner.release();
        }
        expect(await counts()).toEqual(before);
        const serviced: { n: number | string }[] = await ds.query(
          'SELECT COUNT(*) AS n FROM tickets WHERE service_id IS NOT NULL',
        );
        expect(Number(serviced[0].n)).toBe(before[0]);
      } finally {
        await ds.destroy();
      }
    }, 60_000);
  });
}
