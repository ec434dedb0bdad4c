import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

/**
 * - The first-response clock gets alerts of its own, like the ticket clock: the instant it is at
 *   risk (stored so the SLA sweep finds it by an index) and the last alert sent, so each alert is
 *   sent once.
 * - Requester contacts can be deactivated (kept for the tickets that name them, offered no more
 *   for new ones) and remember their last edit.
 */
export class FirstResponseAlertsAndContacts1763900700000 implements MigrationInterface {
  name = 'FirstResponseAlertsAndContacts1763900700000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumns('tickets', [
      new TableColumn({
        name: 'first_response_at_risk_at',
        type: 'datetime',
        precision: 3,
        isNullable: true,
      }),
      new TableColumn({
        name: 'first_response_alerted',
        type: 'varchar',
        length: '16',
        isNullable: true,
      }),
    ]);
    await runner.createIndex(
      'tickets',
      new TableIndex({
        name: 'ix_tickets_first_response_risk',
        columnNames: ['is_open', 'first_response_at_risk_at'],
      }),
    );
    await runner.addColumns('requester_contacts', [
      new TableColumn({ name: 'updated_at', type: 'datetime', precision: 3, isNullable: true }),
      new TableColumn({
        name: 'deactivated_at',
        type: 'datetime',
        precision: 3,
        isNullable: true,
      }),
    ]);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('requester_contacts', 'deactivated_at');
    await runner.dropColumn('requester_contacts', 'updated_at');
    await runner.dropIndex('tickets', 'ix_tickets_first_response_risk');
    await runner.dropColumn('tickets', 'first_response_alerted');
    await runner.dropColumn('tickets', 'first_response_at_risk_at');
  }
}
