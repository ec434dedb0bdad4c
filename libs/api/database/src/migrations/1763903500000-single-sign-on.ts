import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Single sign-on.
 * - `users.auth_source`: how the user signs in (`local` password, `oidc`, `ldap`); users of a
 *   directory never sign in with a local password.
 * - `users.external_id`: who they are at that source (the OpenID subject, the LDAP DN), unique
 *   per source.
 * - `sso_handoffs`: one-time codes that carry a finished single sign-on from the API's callback
 *   to the console (SHA-256 of the code, the user, expiry in epoch milliseconds).
 */
export class SingleSignOn1763903500000 implements MigrationInterface {
  name = 'SingleSignOn1763903500000';

  async up(runner: QueryRunner): Promise<void> {
    if (isSqlite(runner)) {
      // In place: TypeORM would copy the table, which the foreign keys to `users` refuse once
      // users own tickets.
      await runner.query(
        `ALTER TABLE "users" ADD COLUMN "auth_source" varchar(10) NOT NULL DEFAULT ('local')`,
      );
      await runner.query('ALTER TABLE "users" ADD COLUMN "external_id" varchar(500)');
    } else {
      await runner.addColumns('users', [
        new TableColumn({ name: 'auth_source', type: 'varchar', length: '10', default: "'local'" }),
        new TableColumn({ name: 'external_id', type: 'varchar', length: '500', isNullable: true }),
      ]);
    }
    await runner.createIndex(
      'users',
      new TableIndex({
        name: 'ux_users_external_id',
        columnNames: ['auth_source', 'external_id'],
        isUnique: true,
      }),
    );
    await runner.createTable(
      new Table({
        name: 'sso_handoffs',
        columns: [
          { name: 'code_hash', type: 'varchar', length: '64', isPrimary: true },
          { name: 'user_id', type: 'varchar', length: '36' },
          { name: 'expires_at', type: 'bigint' },
        ],
        indices: [{ name: 'ix_sso_handoffs_expiry', columnNames: ['expires_at'] }],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('sso_handoffs');
    await runner.dropIndex('users', 'ux_users_external_id');
    if (isSqlite(runner)) {
      await runner.query('ALTER TABLE "users" DROP COLUMN "external_id"');
      await runner.query('ALTER TABLE "users" DROP COLUMN "auth_source"');
    } else {
      await runner.dropColumn('users', 'external_id');
      await runner.dropColumn('users', 'auth_source');
    }
  }
}

function isSqlite(runner: QueryRunner): boolean {
  return runner.connection.driver.options.type === 'better-sqlite3';
}
