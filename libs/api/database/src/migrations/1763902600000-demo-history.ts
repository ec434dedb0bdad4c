import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * The marker of the demo's generated history: one row, written when the generation starts and
 * completed when it ends, so that later starts do not generate it again.
 */
export class DemoHistory1763902600000 implements MigrationInterface {
  name = 'DemoHistory1763902600000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'demo_history',
        columns: [
          { name: 'id', type: 'int', isPrimary: true },
          { name: 'seed', type: 'int' },
          { name: 'started_at', type: 'datetime', precision: 3 },
          { name: 'completed_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'summary', type: 'text', isNullable: true },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('demo_history');
  }
}
