import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';

/**
 * Mail delivery and inbound mail: claim and result columns on the outbox (so several workers
 * can share it and every sent Message-ID is known for threading), and `inbound_messages`, one
 * row per accepted raw message (its Message-ID unique), which also serves as the quarantine and
 * the triage inbox.
 */
export class MailDelivery1763900300000 implements MigrationInterface {
  name = 'MailDelivery1763900300000';

  async up(runner: QueryRunner): Promise<void> {
    const mysql = runner.connection.options.type === 'mysql';
    await runner.addColumns('outbox', [
      new TableColumn({ name: 'claimed_by', type: 'varchar', length: '64', isNullable: true }),
      new TableColumn({ name: 'claimed_until', type: 'datetime', precision: 3, isNullable: true }),
      new TableColumn({ name: 'last_error', type: 'varchar', length: '500', isNullable: true }),
      new TableColumn({ name: 'sent_at', type: 'datetime', precision: 3, isNullable: true }),
      new TableColumn({ name: 'message_id', type: 'varchar', length: '255', isNullable: true }),
      new TableColumn({ name: 'ticket_number', type: 'varchar', length: '40', isNullable: true }),
      new TableColumn({ name: 'recipient', type: 'varchar', length: '320', isNullable: true }),
    ]);
    await runner.createIndex(
      'outbox',
      new TableIndex({ name: 'ix_outbox_message_id', columnNames: ['message_id'] }),
    );
    await runner.createTable(
      new Table({
        name: 'inbound_messages',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'message_id', type: 'varchar', length: '255' },
          { name: 'sha256', type: 'varchar', length: '64' },
          { name: 'size', type: 'int' },
          { name: 'office_code', type: 'varchar', length: '40' },
          { name: 'from_address', type: 'varchar', length: '320', isNullable: true },
          { name: 'subject', type: 'varchar', length: '300', isNullable: true },
          { name: 'action', type: 'varchar', length: '16' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'ticket_number', type: 'varchar', length: '40', isNullable: true },
          { name: 'reason', type: 'varchar', length: '500', isNullable: true },
          { name: 'parse_error', type: 'varchar', length: '500', isNullable: true },
          { name: 'summary', type: mysql ? 'longtext' : 'text', isNullable: true },
          { name: 'received_at', type: 'datetime', precision: 3 },
          { name: 'decided_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'decided_by', type: 'varchar', length: '36', isNullable: true },
        ],
        indices: [
          new TableIndex({
            name: 'ux_inbound_message_id',
            columnNames: ['message_id'],
            isUnique: true,
          }),
          new TableIndex({ name: 'ix_inbound_ticket', columnNames: ['ticket_number'] }),
          new TableIndex({ name: 'ix_inbound_status', columnNames: ['status', 'received_at'] }),
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('inbound_messages');
    await runner.dropIndex('outbox', 'ix_outbox_message_id');
    for (const column of [
      'recipient',
      'ticket_number',
      'message_id',
      'sent_at',
      'last_error',
      'claimed_until',
      'claimed_by',
    ]) {
      await runner.dropColumn('outbox', column);
    }
  }
}
