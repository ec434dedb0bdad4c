import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * Ticket steps name the outside parties that take part (Kementerian PAN-RB) and whether they
 * are follow-ups after go-live. Existing steps read as before: no participants, not a follow-up.
 */
export class StepOwnersFollowUps1763902700000 implements MigrationInterface {
  name = 'StepOwnersFollowUps1763902700000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumns('ticket_steps', [
      new TableColumn({ name: 'participants', type: 'text', isNullable: true }),
      new TableColumn({ name: 'follow_up', type: 'boolean', default: false }),
    ]);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('ticket_steps', 'follow_up');
    await runner.dropColumn('ticket_steps', 'participants');
  }
}
