import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/**
 * IMAP messages the inbound service failed on, one row per message (mailbox, folder,
 * UIDVALIDITY, UID): attempts, the last error, when to try again and whether it is held for an
 * admin. The mailbox list shows the counts and the last error from here.
 */
export class MailboxMessageFailures1763901600000 implements MigrationInterface {
  name = 'MailboxMessageFailures1763901600000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'mailbox_message_failures',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'mailbox', type: 'varchar', length: '40' },
          { name: 'folder', type: 'varchar', length: '200' },
          { name: 'uid_validity', type: 'varchar', length: '20' },
          { name: 'uid', type: 'int' },
          { name: 'message_id', type: 'varchar', length: '255', isNullable: true },
          { name: 'attempts', type: 'int' },
          { name: 'first_failed_at', type: 'datetime', precision: 3 },
          { name: 'last_failed_at', type: 'datetime', precision: 3 },
          { name: 'next_attempt_at', type: 'datetime', precision: 3 },
          { name: 'last_error', type: 'varchar', length: '500' },
          { name: 'held_at', type: 'datetime', precision: 3, isNullable: true },
        ],
        indices: [
          new TableIndex({
            name: 'ux_mailbox_failure_message',
            columnNames: ['mailbox', 'folder', 'uid_validity', 'uid'],
            isUnique: true,
          }),
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('mailbox_message_failures');
  }
}
