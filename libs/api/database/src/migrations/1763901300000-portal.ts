import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';

/**
 * The requester portal: single-use sign-in links sent by e-mail and the sessions they open.
 * Only SHA-256 hashes of the link and session tokens are stored.
 */
export class Portal1763901300000 implements MigrationInterface {
  name = 'Portal1763901300000';

  async up(runner: QueryRunner): Promise<void> {
    const str = (name: string, length: number, isNullable = false) => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable,
    });
    const instant = (name: string, isNullable = false) => ({
      name,
      type: 'datetime',
      precision: 3,
      isNullable,
    });
    const contactFk = () =>
      new TableForeignKey({
        columnNames: ['contact_id'],
        referencedTableName: 'requester_contacts',
        referencedColumnNames: ['id'],
        onDelete: 'CASCADE',
      });
    await runner.createTable(
      new Table({
        name: 'portal_sign_in_links',
        columns: [
          { ...str('id', 36), isPrimary: true },
          str('token_hash', 64),
          str('contact_id', 36),
          str('requested_ip', 64, true),
          instant('created_at'),
          instant('expires_at'),
          instant('used_at', true),
        ],
        indices: [
          new TableIndex({
            name: 'uq_portal_links_token',
            columnNames: ['token_hash'],
            isUnique: true,
          }),
          new TableIndex({ name: 'ix_portal_links_contact', columnNames: ['contact_id'] }),
        ],
        foreignKeys: [contactFk()],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'portal_sessions',
        columns: [
          { ...str('id', 36), isPrimary: true },
          str('token_hash', 64),
          str('csrf_hash', 64),
          str('contact_id', 36),
          instant('created_at'),
          instant('expires_at'),
          instant('revoked_at', true),
        ],
        indices: [
          new TableIndex({
            name: 'uq_portal_sessions_token',
            columnNames: ['token_hash'],
            isUnique: true,
          }),
          new TableIndex({ name: 'ix_portal_sessions_contact', columnNames: ['contact_id'] }),
        ],
        foreignKeys: [contactFk()],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('portal_sessions');
    await runner.dropTable('portal_sign_in_links');
  }
}
