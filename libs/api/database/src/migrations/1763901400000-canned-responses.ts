import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/** Canned responses: reply texts an office keeps ready, one title per office. */
export class CannedResponses1763901400000 implements MigrationInterface {
  name = 'CannedResponses1763901400000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'canned_responses',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'office_code', type: 'varchar', length: '40' },
          { name: 'title', type: 'varchar', length: '200' },
          { name: 'body', type: 'text' },
          { name: 'updated_by', type: 'varchar', length: '36', isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'updated_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          new TableIndex({
            name: 'ux_canned_office_title',
            columnNames: ['office_code', 'title'],
            isUnique: true,
          }),
        ],
        foreignKeys: [
          {
            name: 'fk_canned_office',
            columnNames: ['office_code'],
            referencedTableName: 'offices',
            referencedColumnNames: ['code'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('canned_responses');
  }
}
