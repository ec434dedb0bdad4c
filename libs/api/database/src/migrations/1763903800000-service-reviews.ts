import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * Periodic service reviews (`service_reviews`: the meeting, its attendees, the months reviewed,
 * the dashboard figures of those months as a JSON snapshot, notes and decisions) and the
 * improvement actions arising from them or standalone (`improvement_actions`: owner user or
 * position, due date, status with done date and closing note). Local dates are `YYYY-MM-DD`
 * text, months `YYYY-MM`: they compare as text on both databases.
 */
export class ServiceReviews1763903800000 implements MigrationInterface {
  name = 'ServiceReviews1763903800000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'service_reviews',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'office_code', type: 'varchar', length: '40' },
          { name: 'held_on', type: 'varchar', length: '10' },
          { name: 'title', type: 'varchar', length: '200' },
          { name: 'attendees_json', type: 'text' },
          { name: 'period_from', type: 'varchar', length: '7' },
          { name: 'period_to', type: 'varchar', length: '7' },
          { name: 'figures_json', type: 'text' },
          { name: 'notes', type: 'text', isNullable: true },
          { name: 'decisions_json', type: 'text' },
          { name: 'created_by', type: 'varchar', length: '36', isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'updated_at', type: 'datetime', precision: 3 },
          { name: 'version', type: 'int' },
        ],
        indices: [
          { name: 'IDX_service_reviews_office_held', columnNames: ['office_code', 'held_on'] },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'improvement_actions',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'office_code', type: 'varchar', length: '40' },
          { name: 'review_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'title', type: 'varchar', length: '200' },
          { name: 'description', type: 'text', isNullable: true },
          { name: 'owner_user_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'owner_position', type: 'varchar', length: '60', isNullable: true },
          { name: 'due_on', type: 'varchar', length: '10' },
          { name: 'status', type: 'varchar', length: '12' },
          { name: 'done_on', type: 'varchar', length: '10', isNullable: true },
          { name: 'closing_note', type: 'text', isNullable: true },
          { name: 'created_by', type: 'varchar', length: '36', isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'updated_at', type: 'datetime', precision: 3 },
          { name: 'version', type: 'int' },
        ],
        indices: [
          { name: 'IDX_improvement_actions_office_due', columnNames: ['office_code', 'due_on'] },
          { name: 'IDX_improvement_actions_review', columnNames: ['review_id'] },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('improvement_actions');
    await runner.dropTable('service_reviews');
  }
}
