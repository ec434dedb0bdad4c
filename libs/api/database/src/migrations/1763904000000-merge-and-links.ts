import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';

/**
 * Merging and linking tickets. A merged duplicate points at the ticket it continues under
 * (`tickets.merged_into_id`, indexed: the target lists what was merged into it). Timeline entries
 * moved by a merge keep the number of the ticket they came from (`ticket_timeline.merged_from`).
 * `ticket_links`: related and parent/child links between tickets of one office, one row per
 * pair (`from` is the parent of a parent/child link).
 */
export class MergeAndLinks1763904000000 implements MigrationInterface {
  name = 'MergeAndLinks1763904000000';

  async up(runner: QueryRunner): Promise<void> {
    if (isSqlite(runner)) {
      // In place: TypeORM would copy the tables, which the foreign keys to `tickets` refuse.
      await runner.query('ALTER TABLE "tickets" ADD COLUMN "merged_into_id" varchar(36)');
      await runner.query('ALTER TABLE "ticket_timeline" ADD COLUMN "merged_from" varchar(40)');
    } else {
      await runner.addColumn(
        'tickets',
        new TableColumn({
          name: 'merged_into_id',
          type: 'varchar',
          length: '36',
          isNullable: true,
        }),
      );
      await runner.addColumn(
        'ticket_timeline',
        new TableColumn({ name: 'merged_from', type: 'varchar', length: '40', isNullable: true }),
      );
    }
    await runner.createIndex(
      'tickets',
      new TableIndex({ name: 'ix_tickets_merged_into', columnNames: ['merged_into_id'] }),
    );
    await runner.createTable(
      new Table({
        name: 'ticket_links',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'office_code', type: 'varchar', length: '40' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'from_ticket_id', type: 'varchar', length: '36' },
          { name: 'to_ticket_id', type: 'varchar', length: '36' },
          { name: 'created_by', type: 'varchar', length: '36', isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        foreignKeys: [
          {
            columnNames: ['from_ticket_id'],
            referencedTableName: 'tickets',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            columnNames: ['to_ticket_id'],
            referencedTableName: 'tickets',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [
          {
            name: 'ux_ticket_links_pair',
            columnNames: ['from_ticket_id', 'to_ticket_id'],
            isUnique: true,
          },
          { name: 'ix_ticket_links_to', columnNames: ['to_ticket_id'] },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('ticket_links');
    await runner.dropIndex('tickets', 'ix_tickets_merged_into');
    if (isSqlite(runner)) {
      await runner.query('ALTER TABLE "ticket_timeline" DROP COLUMN "merged_from"');
      await runner.query('ALTER TABLE "tickets" DROP COLUMN "merged_into_id"');
    } else {
      await runner.dropColumn('ticket_timeline', 'merged_from');
      await runner.dropColumn('tickets', 'merged_into_id');
    }
  }
}

function isSqlite(runner: QueryRunner): boolean {
  return runner.connection.driver.options.type === 'better-sqlite3';
}
