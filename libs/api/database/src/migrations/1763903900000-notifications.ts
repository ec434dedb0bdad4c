import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/**
 * The bell: one row per thing a user is told about (assigned, a step at risk or breached, the
 * requester replied, a mention), and per user and kind how it also reaches them by mail (at once
 * or in the daily digest). `digested_at` marks a row sent in a digest, so no digest sends it twice.
 */
export class Notifications1763903900000 implements MigrationInterface {
  name = 'Notifications1763903900000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'notifications',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'user_id', type: 'varchar', length: '36' },
          { name: 'office_code', type: 'varchar', length: '40', isNullable: true },
          { name: 'kind', type: 'varchar', length: '30' },
          { name: 'ticket_number', type: 'varchar', length: '40', isNullable: true },
          { name: 'ticket_subject', type: 'varchar', length: '300', isNullable: true },
          { name: 'step_order', type: 'int', isNullable: true },
          { name: 'actor_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'excerpt', type: 'varchar', length: '500', isNullable: true },
          { name: 'channel', type: 'varchar', length: '10' },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'read_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'digested_at', type: 'datetime', precision: 3, isNullable: true },
        ],
        indices: [
          new TableIndex({
            name: 'ix_notifications_user_created',
            columnNames: ['user_id', 'created_at'],
          }),
          new TableIndex({
            name: 'ix_notifications_user_read',
            columnNames: ['user_id', 'read_at'],
          }),
          new TableIndex({
            name: 'ix_notifications_digest',
            columnNames: ['channel', 'digested_at', 'read_at'],
          }),
        ],
        foreignKeys: [
          {
            name: 'fk_notifications_user',
            columnNames: ['user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'notification_preferences',
        columns: [
          { name: 'user_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '30', isPrimary: true },
          { name: 'channel', type: 'varchar', length: '10' },
          { name: 'updated_at', type: 'datetime', precision: 3 },
        ],
        foreignKeys: [
          {
            name: 'fk_notification_prefs_user',
            columnNames: ['user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('notification_preferences');
    await runner.dropTable('notifications');
  }
}
