import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * Threading asks, for every reply tagged with a ticket number, whether the sender is an address
 * the ticket's mail went to (a cc). That lookup is by ticket and recipient; without this index it
 * scanned the whole outbox, which only grows.
 */
export class InboundThreadingIndex1763900800000 implements MigrationInterface {
  name = 'InboundThreadingIndex1763900800000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createIndex(
      'outbox',
      new TableIndex({
        name: 'ix_outbox_ticket_recipient',
        columnNames: ['ticket_number', 'recipient'],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropIndex('outbox', 'ix_outbox_ticket_recipient');
  }
}
