import {
  MigrationInterface,
  QueryRunner,
  Table,
  TableColumnOptions,
  TableForeignKey,
  TableIndex,
} from 'typeorm';

/** Portable column helpers: the same migration runs on MySQL/MariaDB and SQLite. */
function isMysql(runner: QueryRunner): boolean {
  return runner.connection.options.type === 'mysql';
}

const id = (name = 'id'): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '36',
  isPrimary: true,
});
const str = (name: string, length: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
const instant = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'datetime',
  precision: 3,
  isNullable: nullable,
});
const bigText = (runner: QueryRunner, name: string, nullable = false): TableColumnOptions => ({
  name,
  type: isMysql(runner) ? 'longtext' : 'text',
  isNullable: nullable,
});

/**
 * Foundation tables: offices, positions, users and the positions they hold, the service
 * catalog with its immutable versions, and the audit log.
 */
export class InitialSchema1763900000000 implements MigrationInterface {
  name = 'InitialSchema1763900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'offices',
        columns: [
          { ...str('code', 40), isPrimary: true },
          str('name', 200),
          str('time_zone', 64),
          str('region', 16, true),
          str('ticket_prefix', 16),
          { name: 'address', type: 'text', isNullable: true },
          str('website', 255, true),
          str('helpdesk_email', 254, true),
          instant('created_at'),
        ],
      }),
    );

    await runner.createTable(
      new Table({
        name: 'positions',
        columns: [
          id(),
          str('office_code', 40),
          str('code', 60),
          str('name', 200),
          str('reports_to_id', 36, true),
          { name: 'requester_side', type: 'boolean', default: false },
          { name: 'aliases', type: 'text', isNullable: true },
          { name: 'sort_order', type: 'int', default: 0 },
        ],
        indices: [
          new TableIndex({
            name: 'uq_positions_office_code',
            columnNames: ['office_code', 'code'],
            isUnique: true,
          }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_positions_office',
            columnNames: ['office_code'],
            referencedTableName: 'offices',
            referencedColumnNames: ['code'],
            onDelete: 'CASCADE',
          }),
          new TableForeignKey({
            name: 'fk_positions_reports_to',
            columnNames: ['reports_to_id'],
            referencedTableName: 'positions',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          }),
        ],
      }),
    );

    await runner.createTable(
      new Table({
        name: 'users',
        columns: [
          id(),
          str('email', 254),
          str('password_hash', 100),
          str('name', 200),
          str('roles', 100),
          str('office_code', 40, true),
          { name: 'locale', type: 'varchar', length: '5', default: "'id'" },
          { name: 'active', type: 'boolean', default: true },
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'uq_users_email', columnNames: ['email'], isUnique: true }),
          new TableIndex({ name: 'ix_users_office', columnNames: ['office_code'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_users_office',
            columnNames: ['office_code'],
            referencedTableName: 'offices',
            referencedColumnNames: ['code'],
            onDelete: 'RESTRICT',
          }),
        ],
      }),
    );

    await runner.createTable(
      new Table({
        name: 'position_holders',
        columns: [
          { ...str('user_id', 36), isPrimary: true },
          { ...str('position_id', 36), isPrimary: true },
        ],
        indices: [
          new TableIndex({ name: 'ix_position_holders_position', columnNames: ['position_id'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_position_holders_user',
            columnNames: ['user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
          new TableForeignKey({
            name: 'fk_position_holders_position',
            columnNames: ['position_id'],
            referencedTableName: 'positions',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );

    await runner.createTable(
      new Table({
        name: 'catalog_services',
        columns: [
          id(),
          str('office_code', 40),
          str('code', 80),
          str('name', 300),
          str('status', 16),
          { name: 'current_version', type: 'int' },
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [
          new TableIndex({
            name: 'uq_catalog_services_office_code',
            columnNames: ['office_code', 'code'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'ix_catalog_services_office_status',
            columnNames: ['office_code', 'status'],
          }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_catalog_services_office',
            columnNames: ['office_code'],
            referencedTableName: 'offices',
            referencedColumnNames: ['code'],
            onDelete: 'RESTRICT',
          }),
        ],
      }),
    );

    await runner.createTable(
      new Table({
        name: 'catalog_service_versions',
        columns: [
          id(),
          str('service_id', 36),
          { name: 'version', type: 'int' },
          bigText(runner, 'standard_json'),
          str('created_by', 36, true),
          instant('created_at'),
        ],
        indices: [
          new TableIndex({
            name: 'uq_catalog_service_versions_service_version',
            columnNames: ['service_id', 'version'],
            isUnique: true,
          }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_catalog_service_versions_service',
            columnNames: ['service_id'],
            referencedTableName: 'catalog_services',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
          new TableForeignKey({
            name: 'fk_catalog_service_versions_user',
            columnNames: ['created_by'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          }),
        ],
      }),
    );

    await runner.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          instant('at'),
          str('actor_id', 36, true),
          str('action', 60),
          str('entity_type', 60),
          str('entity_id', 200),
          bigText(runner, 'before', true),
          bigText(runner, 'after', true),
        ],
        indices: [
          new TableIndex({
            name: 'ix_audit_log_entity',
            columnNames: ['entity_type', 'entity_id'],
          }),
          new TableIndex({ name: 'ix_audit_log_at', columnNames: ['at'] }),
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'audit_log',
      'catalog_service_versions',
      'catalog_services',
      'position_holders',
      'users',
      'positions',
      'offices',
    ]) {
      await runner.dropTable(table, true, true, true);
    }
  }
}
