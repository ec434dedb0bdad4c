import { DataSource } from 'typeorm';
import { createTestDatabase, DATABASES, testConfig, TestDatabase } from '../testing/test-app';
import { UserEntity } from '@sigap/api-identity';
import { OfficeEntity } from '@sigap/api-offices';
import { dataSourceOptions, dialectOf, FULL_TEXT_SOURCES } from '@sigap/api-database';
import { ENTITIES } from '../entities';
import { MIGRATIONS } from '@sigap/api-database';

const TABLES = [
  'offices',
  'positions',
  'users',
  'position_holders',
  'catalog_services',
  'catalog_service_versions',
  'audit_log',
  // tickets
  'opds',
  'opd_email_domains',
  'requester_contacts',
  'password_resets',
  'outbox',
  'ticket_counters',
  'tickets',
  'ticket_checklist_items',
  'ticket_steps',
  'ticket_clock_events',
  'ticket_timeline',
  'attachments',
  // mail
  'mailboxes',
  'mailbox_message_failures',
  'inbound_attachments',
  // complaints
  'complaints',
  'complaint_tiers',
  // IT service management
  'it_services',
  'incident_priority_matrices',
  'incidents',
  'ticket_it_services',
  'changes',
  'change_approval_policies',
  'change_incidents',
  // shared rate limits and job leases
  'rate_limit_windows',
  'job_leases',
  // signed-out access tokens
  'revoked_tokens',
];

for (const kind of DATABASES) {
  describe(`migrations [${kind}]`, () => {
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

    it('migrate up creates every table, down removes them, up again works', async () => {
      const runner = dataSource.createQueryRunner();
      try {
        const applied = await dataSource.runMigrations({ transaction: 'each' });
        expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => m.name));
        for (const table of TABLES)
          expect(await runner.hasTable(table))
            .withContext(table)
            .toBeTrue();
        expect(await dataSource.showMigrations()).toBeFalse();
        // The queue's "all" view reads an office's tickets in (due, id) order from an index.
        const officeDue = (await runner.getTable('tickets'))?.indices.find(
          (index) => index.name === 'ix_tickets_office_due',
        );
        expect(officeDue?.columnNames).toEqual(['office_code', 'due_at', 'id']);

        for (let i = 0; i < MIGRATIONS.length; i++)
          await dataSource.undoLastMigration({ transaction: 'each' });
        for (const table of TABLES)
          expect(await runner.hasTable(table))
            .withContext(table)
            .toBeFalse();
        expect(await dataSource.showMigrations()).toBeTrue();

        await dataSource.runMigrations({ transaction: 'each' });
        expect(await runner.hasTable('audit_log')).toBeTrue();
      } finally {
        await runner.release();
      }
    }, 60_000);

    it('stores instants in UTC with milliseconds and enforces unique e-mails', async () => {
      const at = new Date('2026-03-19T23:59:58.123Z');
      await dataSource.query(
        'INSERT INTO offices (code, name, time_zone, ticket_prefix, created_at) VALUES (?, ?, ?, ?, ?)',
        [
          'uji',
          'Kantor Uji',
          'Asia/Makassar',
          'UJI',
          kind === 'sqlite' ? '2026-03-19 23:59:58.123' : at,
        ],
      );
      const [office] = await dataSource.getRepository(OfficeEntity).find();
      expect(office.createdAt.toISOString()).toBe(at.toISOString());

      const user = (id: string) =>
        dataSource.getRepository(UserEntity).insert({
          id,
          email: 'sama@uji.go.id',
          passwordHash: 'x',
          name: 'Uji',
          roles: ['agent'],
          officeCode: 'uji',
          locale: 'id',
          active: true,
          createdAt: at,
          updatedAt: at,
        });
      await user('00000000-0000-0000-0000-000000000001');
      await expectAsync(user('00000000-0000-0000-0000-000000000002')).toBeRejected();
    });

    it('keeps the full-text index working after the search migration is undone and redone', async () => {
      // On MariaDB a FULLTEXT index added again after a drop answers nothing unless the table
      // was rebuilt in between (full-text.ts).
      await dataSource.query(
        'INSERT INTO offices (code, name, time_zone, ticket_prefix, created_at) VALUES (?, ?, ?, ?, ?)',
        [
          'cari',
          'Kantor Cari',
          'Asia/Jakarta',
          'CARI',
          kind === 'sqlite' ? '2026-01-05 01:00:00.000' : new Date(),
        ],
      );
      await dataSource.query(
        'INSERT INTO requester_contacts (id, office_code, name, email, created_at) VALUES (?, ?, ?, ?, ?)',
        [
          '00000000-0000-0000-0000-00000000c001',
          'cari',
          'Ketut Suardana',
          'ketut@dinas.go.id',
          kind === 'sqlite' ? '2026-01-05 01:00:00.000' : new Date(),
        ],
      );
      // A user of that office too: later migrations alter `offices` and `users`, which SQLite
      // must do in place (copying a table that rows point at breaks the foreign keys).
      await dataSource.query(
        'INSERT INTO users (id, email, password_hash, name, roles, office_code, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [
          '00000000-0000-0000-0000-00000000c002',
          'petugas@cari.go.id',
          'x',
          'Petugas Cari',
          'agent',
          'cari',
          kind === 'sqlite' ? '2026-01-05 01:00:00.000' : new Date(),
          kind === 'sqlite' ? '2026-01-05 01:00:00.000' : new Date(),
        ],
      );
      // Undo the search migration (and any after it) with the rows in place, then redo it.
      const from = MIGRATIONS.findIndex((m) => m.name === 'TicketSearch1763903000000');
      expect(from).toBeGreaterThan(0);
      for (let i = from; i < MIGRATIONS.length; i++)
        await dataSource.undoLastMigration({ transaction: 'each' });
      await dataSource.runMigrations({ transaction: 'each' });
      const dialect = dialectOf(dataSource);
      const source = FULL_TEXT_SOURCES.find((s) => s.table === 'requester_contacts')!;
      const fts = dialect.fullTextSource(source, 'c', 'q');
      const [sql, params] = dataSource.driver.escapeQueryWithParameters(
        `SELECT c.name AS name FROM ${fts.from} WHERE ${fts.where}`,
        { q: dialect.fullTextQuery(['suard']) },
      );
      const rows: { name: string }[] = await dataSource.query(sql, params);
      expect(rows.map((r) => r.name)).toEqual(['Ketut Suardana']);
    });
  });
}
