import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';

/**
 * Integrations:
 * - `api_tokens`: tokens other systems call the API with. Only the SHA-256 of a token is kept
 *   (`token_hash`, unique); the token itself is shown once. `scopes` is a comma-separated list,
 *   `office_code` limits the token to one office (null: every office), `revoked_at` ends it.
 * - `webhooks`: subscriptions to ticket events, delivered as signed POSTs. The secret is kept
 *   as is: it signs every delivery, so it must be readable.
 * - `outbox.channel`: which worker delivers a row (`mail`, `webhook`); webhook deliveries ride
 *   the same outbox (written in the change's transaction, claimed, retried with backoff).
 *   `outbox.response_code` keeps the HTTP status of a webhook delivery's last attempt.
 */
export class ApiTokensAndWebhooks1763902800000 implements MigrationInterface {
  name = 'ApiTokensAndWebhooks1763902800000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'api_tokens',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'token_hash', type: 'varchar', length: '64', isUnique: true },
          { name: 'token_prefix', type: 'varchar', length: '12' },
          { name: 'scopes', type: 'varchar', length: '500' },
          { name: 'office_code', type: 'varchar', length: '40', isNullable: true },
          { name: 'created_by', type: 'varchar', length: '36', isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'expires_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'last_used_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'revoked_at', type: 'datetime', precision: 3, isNullable: true },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'webhooks',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'url', type: 'varchar', length: '2000' },
          { name: 'events', type: 'varchar', length: '500' },
          { name: 'office_code', type: 'varchar', length: '40', isNullable: true },
          { name: 'secret', type: 'varchar', length: '100' },
          { name: 'active', type: 'boolean', default: true },
          { name: 'created_by', type: 'varchar', length: '36', isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
    await runner.addColumns('outbox', [
      new TableColumn({ name: 'channel', type: 'varchar', length: '16', default: "'mail'" }),
      new TableColumn({ name: 'response_code', type: 'int', isNullable: true }),
    ]);
    await runner.createIndex(
      'outbox',
      new TableIndex({
        name: 'ix_outbox_channel_recipient',
        columnNames: ['channel', 'recipient', 'created_at'],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropIndex('outbox', 'ix_outbox_channel_recipient');
    await runner.dropColumn('outbox', 'response_code');
    await runner.dropColumn('outbox', 'channel');
    await runner.dropTable('webhooks');
    await runner.dropTable('api_tokens');
  }
}
