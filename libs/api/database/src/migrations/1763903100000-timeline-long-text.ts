import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A timeline entry's body and data hold whole mail (the requester's text, sanitised HTML, the
 * full text with its quotes), and a ticket's description is up to 20,000 characters: on
 * MariaDB/MySQL a TEXT column stops at 65,535 bytes (20,000 characters of utf8mb4 can take
 * 80,000), and a long HTML mail (a pasted table, a newsletter) was refused with a server error.
 * LONGTEXT, as the other mail-sized columns (`inbound_messages.summary`, the outbox payload).
 * SQLite's TEXT has no such limit.
 */
export class TimelineLongText1763903100000 implements MigrationInterface {
  name = 'TimelineLongText1763903100000';

  async up(runner: QueryRunner): Promise<void> {
    if (runner.connection.options.type !== 'mysql') return;
    await runner.query(
      'ALTER TABLE ticket_timeline MODIFY body LONGTEXT NULL, MODIFY data LONGTEXT NULL',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    if (runner.connection.options.type !== 'mysql') return;
    // Rows longer than TEXT would be cut by the server: they are refused instead (strict mode).
    await runner.query('ALTER TABLE tickets MODIFY description TEXT NOT NULL');
    await runner.query('ALTER TABLE ticket_timeline MODIFY body TEXT NULL, MODIFY data TEXT NULL');
  }
}
