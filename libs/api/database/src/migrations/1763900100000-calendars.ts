import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';

const instant = (name: string) => ({ name, type: 'datetime', precision: 3 });
const str = (name: string, length: number, nullable = false) => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});

/**
 * Working calendars: one weekly schedule (with dated variants) per office, closures layered
 * national -> province -> office, the record of applied seed files, and the one-row revision
 * counter that every calendar edit bumps (other API instances watch it to drop their caches).
 */
export class Calendars1763900100000 implements MigrationInterface {
  name = 'Calendars1763900100000';

  async up(runner: QueryRunner): Promise<void> {
    const text = runner.connection.options.type === 'mysql' ? 'mediumtext' : 'text';
    await runner.createTable(
      new Table({
        name: 'calendar_schedules',
        columns: [
          { ...str('office_code', 40), isPrimary: true },
          str('time_zone', 64),
          { name: 'week', type: text },
          { name: 'variants', type: text },
          str('updated_by', 36, true),
          instant('updated_at'),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_calendar_schedules_office',
            columnNames: ['office_code'],
            referencedTableName: 'offices',
            referencedColumnNames: ['code'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'calendar_closures',
        columns: [
          { ...str('id', 36), isPrimary: true },
          str('layer', 16),
          // '*' for the national layer, the region (ID-BA) for a province, the office code.
          str('scope', 40),
          str('date', 10),
          { name: 'year', type: 'int' },
          str('name', 200),
          str('type', 24),
          str('source', 500),
          str('from_time', 5, true),
          str('to_time', 5, true),
          { name: 'prefilled', type: 'boolean', default: false },
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [
          new TableIndex({
            name: 'ix_calendar_closures_layer_scope_year',
            columnNames: ['layer', 'scope', 'year'],
          }),
          new TableIndex({
            name: 'ix_calendar_closures_layer_scope_date',
            columnNames: ['layer', 'scope', 'date'],
          }),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'calendar_seeds',
        columns: [{ ...str('name', 200), isPrimary: true }, instant('applied_at')],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'calendar_revision',
        columns: [
          { name: 'id', type: 'int', isPrimary: true },
          { name: 'revision', type: 'int' },
        ],
      }),
    );
    await runner.query('INSERT INTO calendar_revision (id, revision) VALUES (1, 0)');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'calendar_revision',
      'calendar_seeds',
      'calendar_closures',
      'calendar_schedules',
    ]) {
      await runner.dropTable(table, true, true, true);
    }
  }
}
