import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * One lease per IMAP mailbox (`db:<id>` for a mailbox kept in the database, `config:<name>` for
 * one from `SIGAP_IMAP_MAILBOXES`): the API instance holding it is the only one polling that
 * mailbox, renews it while it runs, and another instance takes over once it runs out. `since`
 * is when the holder took it (shown to admins). Times are epoch milliseconds, so both databases
 * compare them the same way.
 */
export class ImapMailboxLeases1763902400000 implements MigrationInterface {
  name = 'ImapMailboxLeases1763902400000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'imap_mailbox_leases',
        columns: [
          { name: 'mailbox_key', type: 'varchar', length: '80', isPrimary: true },
          { name: 'holder', type: 'varchar', length: '120' },
          { name: 'since', type: 'bigint' },
          { name: 'expires_at', type: 'bigint' },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('imap_mailbox_leases');
  }
}
