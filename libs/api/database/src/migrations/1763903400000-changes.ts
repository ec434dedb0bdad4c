import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * Changes (perubahan): one row per ticket of kind `change` (`changes`: risk, rollback plan,
 * planned and actual windows, result, review, and the approvers copied from the office's policy
 * when it was opened, and their decisions), each office's approval policy per risk (`change_approval_policies`, no
 * row: the default), and the incidents a change caused (`change_incidents`). The services a
 * change touches are rows of `ticket_it_services`, as for incidents.
 */
export class Changes1763903400000 implements MigrationInterface {
  name = 'Changes1763903400000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'changes',
        columns: [
          { name: 'ticket_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'office_code', type: 'varchar', length: '40' },
          { name: 'state', type: 'varchar', length: '20' },
          { name: 'risk', type: 'varchar', length: '8' },
          { name: 'rollback_plan', type: 'text' },
          { name: 'planned_start', type: 'datetime', precision: 3 },
          { name: 'planned_end', type: 'datetime', precision: 3 },
          { name: 'approvers_json', type: 'text' },
          { name: 'decisions_json', type: 'text' },
          { name: 'actual_start', type: 'datetime', precision: 3, isNullable: true },
          { name: 'actual_end', type: 'datetime', precision: 3, isNullable: true },
          { name: 'result', type: 'varchar', length: '12', isNullable: true },
          { name: 'implementation_note', type: 'text', isNullable: true },
          { name: 'review_note', type: 'text', isNullable: true },
          { name: 'reviewed_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'updated_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          {
            name: 'IDX_changes_office_window',
            columnNames: ['office_code', 'planned_start', 'planned_end'],
          },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'change_approval_policies',
        columns: [
          { name: 'office_code', type: 'varchar', length: '40', isPrimary: true },
          { name: 'rules_json', type: 'text' },
          { name: 'updated_at', type: 'datetime', precision: 3 },
          { name: 'updated_by', type: 'varchar', length: '36', isNullable: true },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'change_incidents',
        columns: [
          { name: 'change_ticket_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'incident_ticket_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'office_code', type: 'varchar', length: '40' },
          { name: 'linked_at', type: 'datetime', precision: 3 },
          { name: 'linked_by', type: 'varchar', length: '36', isNullable: true },
        ],
        indices: [{ name: 'IDX_change_incidents_incident', columnNames: ['incident_ticket_id'] }],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('change_incidents');
    await runner.dropTable('change_approval_policies');
    await runner.dropTable('changes');
  }
}
