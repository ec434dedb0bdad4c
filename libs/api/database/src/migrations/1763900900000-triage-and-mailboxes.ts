import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';

const SERVICE_COLUMNS: { name: string; type: string; length?: string }[] = [
  { name: 'service_id', type: 'varchar', length: '36' },
  { name: 'service_code', type: 'varchar', length: '80' },
  { name: 'service_version', type: 'int' },
];

/**
 * Triage tickets and mailboxes kept in the database.
 *
 * - A request e-mailed by a known sender becomes a ticket at once, before an agent has chosen its
 *   service: the ticket's service columns become nullable (the foreign key stays).
 * - IMAP mailboxes administered per office (`mailboxes`): connection settings, the password
 *   encrypted at rest, what to do with processed messages, and the poller's last status.
 */
export class TriageAndMailboxes1763900900000 implements MigrationInterface {
  name = 'TriageAndMailboxes1763900900000';

  async up(runner: QueryRunner): Promise<void> {
    for (const c of SERVICE_COLUMNS) {
      await runner.changeColumn(
        'tickets',
        c.name,
        new TableColumn({ name: c.name, type: c.type, length: c.length, isNullable: true }),
      );
    }
    const str = (name: string, length: number, nullable = false) => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable: nullable,
    });
    const instant = (name: string, nullable = false) => ({
      name,
      type: 'datetime',
      precision: 3,
      isNullable: nullable,
    });
    await runner.createTable(
      new Table({
        name: 'mailboxes',
        columns: [
          { ...str('id', 36), isPrimary: true },
          str('name', 40),
          str('office_code', 40),
          str('host', 255),
          { name: 'port', type: 'int' },
          { name: 'secure', type: 'boolean', default: true },
          { name: 'tls_reject_unauthorized', type: 'boolean', default: true },
          str('username', 320),
          // AES-256-GCM: `v1:<iv>:<tag>:<ciphertext>`, base64url parts.
          str('password_enc', 1000),
          str('folder', 200),
          str('processed_folder', 200, true),
          { name: 'use_idle', type: 'boolean', default: true },
          { name: 'poll_seconds', type: 'int', default: 60 },
          { name: 'enabled', type: 'boolean', default: true },
          { name: 'version', type: 'int', default: 1 },
          instant('created_at'),
          instant('updated_at'),
          str('updated_by', 36, true),
          instant('last_poll_at', true),
          str('last_error', 500, true),
          instant('last_error_at', true),
          { name: 'messages_processed', type: 'int', default: 0 },
        ],
        indices: [
          new TableIndex({ name: 'uq_mailboxes_name', columnNames: ['name'], isUnique: true }),
          new TableIndex({ name: 'ix_mailboxes_office', columnNames: ['office_code'] }),
        ],
        foreignKeys: [
          {
            columnNames: ['office_code'],
            referencedTableName: 'offices',
            referencedColumnNames: ['code'],
            onDelete: 'RESTRICT',
          },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('mailboxes');
    // A ticket still without a service cannot go back to the old schema: it is cancelled triage
    // mail that never got a service, so the down migration refuses rather than invent one.
    const rows: { n: number | string }[] = await runner.query(
      'SELECT COUNT(*) AS n FROM tickets WHERE service_id IS NULL',
    );
    if (Number(rows[0]?.n ?? 0) > 0) {
      throw new Error('tiket tanpa layanan masih ada; pilihkan layanannya sebelum migrasi turun');
    }
    // SQLite can only tighten a column by rebuilding the table, and TypeORM reverts a migration
    // inside a transaction, where foreign keys cannot be switched off: dropping the old table
    // would cascade into the steps, checklist, clocks and timeline. The columns stay nullable
    // there (the earlier code never writes a null); MySQL/MariaDB alters them in place.
    if (runner.connection.options.type !== 'mysql') return;
    for (const c of SERVICE_COLUMNS) {
      await runner.changeColumn(
        'tickets',
        c.name,
        new TableColumn({ name: c.name, type: c.type, length: c.length, isNullable: false }),
      );
    }
  }
}
