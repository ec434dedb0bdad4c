import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * The queue's "all" view (every ticket of an office, open or closed, by due): the list filters on
 * office_code alone and sorts by (due_at, id), which the queue index (office_code, is_open,
 * due_at, id) cannot return in order without is_open pinned, so the database sorted the whole
 * office for each page. This index gives the rows in page order (and serves the cursor's
 * (due_at, id) seek); the open and closed views keep using the queue index.
 */
export class QueueOfficeDueIndex1763901900000 implements MigrationInterface {
  name = 'QueueOfficeDueIndex1763901900000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createIndex(
      'tickets',
      new TableIndex({
        name: 'ix_tickets_office_due',
        columnNames: ['office_code', 'due_at', 'id'],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropIndex('tickets', 'ix_tickets_office_due');
  }
}
