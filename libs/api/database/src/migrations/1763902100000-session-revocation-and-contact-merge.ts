import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';

/**
 * Ending sign-ins on the server, and keeping unproven contacts apart:
 * - `users.token_generation`: every access token carries the generation it was issued under; a
 *   password change or reset moves it on, so every older token stops working.
 * - `revoked_tokens`: tokens signed out before they expire (SHA-256 of the token, kept until
 *   its expiry in epoch milliseconds, then swept).
 * - `requester_contacts.unverified`: a contact made from an address nobody proved they own
 *   (a public complaint naming an address another contact already has); an agent may merge it.
 *   `merged_into_id` points at the contact it was merged into.
 */
export class SessionRevocationAndContactMerge1763902100000 implements MigrationInterface {
  name = 'SessionRevocationAndContactMerge1763902100000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumn(
      'users',
      new TableColumn({ name: 'token_generation', type: 'int', default: 0 }),
    );
    await runner.createTable(
      new Table({
        name: 'revoked_tokens',
        columns: [
          { name: 'token_hash', type: 'varchar', length: '64', isPrimary: true },
          { name: 'user_id', type: 'varchar', length: '36' },
          { name: 'expires_at', type: 'bigint' },
        ],
        indices: [{ name: 'ix_revoked_tokens_expiry', columnNames: ['expires_at'] }],
      }),
    );
    await runner.addColumns('requester_contacts', [
      new TableColumn({ name: 'unverified', type: 'boolean', default: false }),
      new TableColumn({ name: 'merged_into_id', type: 'varchar', length: '36', isNullable: true }),
    ]);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('requester_contacts', 'merged_into_id');
    await runner.dropColumn('requester_contacts', 'unverified');
    await runner.dropTable('revoked_tokens');
    await runner.dropColumn('users', 'token_generation');
  }
}
