import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';

/**
 * Major incidents, root causes and problem records, and each office's incident mailbox:
 * `incidents.parent_ticket_id` links a report to the major incident it belongs to,
 * `incidents.root_cause` and `incidents.problem_id` record what caused it and the problem that
 * gathers it with others like it, `problems` holds those records per office, and
 * `offices.incident_email` is the address whose new mail opens an incident.
 */
export class MajorIncidentsProblems1763903200000 implements MigrationInterface {
  name = 'MajorIncidentsProblems1763903200000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'problems',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'office_code', type: 'varchar', length: '40' },
          { name: 'title', type: 'varchar', length: '200' },
          { name: 'description', type: 'text' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'root_cause', type: 'text', isNullable: true },
          { name: 'workaround', type: 'text', isNullable: true },
          { name: 'created_by', type: 'varchar', length: '36', isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'updated_at', type: 'datetime', precision: 3 },
          { name: 'version', type: 'int', default: 1 },
        ],
        indices: [{ name: 'IDX_problems_office_status', columnNames: ['office_code', 'status'] }],
      }),
    );
    await runner.addColumns('incidents', [
      new TableColumn({
        name: 'parent_ticket_id',
        type: 'varchar',
        length: '36',
        isNullable: true,
      }),
      new TableColumn({ name: 'root_cause', type: 'text', isNullable: true }),
      new TableColumn({ name: 'problem_id', type: 'varchar', length: '36', isNullable: true }),
    ]);
    await runner.createIndex(
      'incidents',
      new TableIndex({ name: 'IDX_incidents_parent', columnNames: ['parent_ticket_id'] }),
    );
    await runner.createIndex(
      'incidents',
      new TableIndex({ name: 'IDX_incidents_problem', columnNames: ['problem_id'] }),
    );
    if (isSqlite(runner)) {
      // SQLite adds a nullable column in place; TypeORM would copy the whole table, which the
      // foreign keys pointing at `offices` refuse once offices have tickets and contacts.
      await runner.query('ALTER TABLE "offices" ADD COLUMN "incident_email" varchar(254)');
    } else {
      await runner.addColumn(
        'offices',
        new TableColumn({
          name: 'incident_email',
          type: 'varchar',
          length: '254',
          isNullable: true,
        }),
      );
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    if (isSqlite(runner)) await runner.query('ALTER TABLE "offices" DROP COLUMN "incident_email"');
    else await runner.dropColumn('offices', 'incident_email');
    await runner.dropIndex('incidents', 'IDX_incidents_problem');
    await runner.dropIndex('incidents', 'IDX_incidents_parent');
    await runner.dropColumn('incidents', 'problem_id');
    await runner.dropColumn('incidents', 'root_cause');
    await runner.dropColumn('incidents', 'parent_ticket_id');
    await runner.dropTable('problems');
  }
}

function isSqlite(runner: QueryRunner): boolean {
  return runner.connection.driver.options.type === 'better-sqlite3';
}
