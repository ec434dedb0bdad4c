import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/**
 * The live feed and presence, shared by every API instance on the database.
 *
 * `ticket_events`: one row per committed change of a ticket, written in the change's own
 * transaction (so a rolled-back change announces nothing). Each instance with live clients reads
 * the rows past its mark twice a second and pushes them to its server-sent-event streams. Rows
 * are short-lived: they are deleted after an hour. `positions` lists the position codes of the
 * ticket's steps (comma-separated), so a user who reads a ticket through a step only learns of
 * that ticket.
 *
 * `ticket_presence`: who has a ticket open and whether they are writing a reply, renewed by the
 * console's heartbeat; a row past `expires_at` (epoch milliseconds) no longer counts.
 */
export class LiveUpdates1763903600000 implements MigrationInterface {
  name = 'LiveUpdates1763903600000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'ticket_events',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'ticket_number', type: 'varchar', length: '40' },
          { name: 'office_code', type: 'varchar', length: '40' },
          { name: 'positions', type: 'varchar', length: '1000', default: "''" },
          { name: 'kind', type: 'varchar', length: '20' },
          { name: 'version', type: 'int', isNullable: true },
          { name: 'at', type: 'bigint' },
        ],
      }),
    );
    await runner.createIndex(
      'ticket_events',
      new TableIndex({ name: 'idx_ticket_events_at', columnNames: ['at'] }),
    );
    await runner.createTable(
      new Table({
        name: 'ticket_presence',
        columns: [
          { name: 'ticket_number', type: 'varchar', length: '40', isPrimary: true },
          { name: 'user_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'user_name', type: 'varchar', length: '200' },
          { name: 'typing', type: 'boolean', default: false },
          { name: 'expires_at', type: 'bigint' },
        ],
      }),
    );
    await runner.createIndex(
      'ticket_presence',
      new TableIndex({ name: 'idx_ticket_presence_expires', columnNames: ['expires_at'] }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('ticket_presence');
    await runner.dropTable('ticket_events');
  }
}
