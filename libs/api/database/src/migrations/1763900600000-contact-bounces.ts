import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * A permanent bounce flags the contact's address: when and why. The delivery worker skips
 * automatic mail to a flagged address (and says so on the ticket's timeline).
 */
export class ContactBounces1763900600000 implements MigrationInterface {
  name = 'ContactBounces1763900600000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumns('requester_contacts', [
      new TableColumn({
        name: 'email_bounced_at',
        type: 'datetime',
        precision: 3,
        isNullable: true,
      }),
      new TableColumn({
        name: 'email_bounce_reason',
        type: 'varchar',
        length: '500',
        isNullable: true,
      }),
    ]);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('requester_contacts', 'email_bounce_reason');
    await runner.dropColumn('requester_contacts', 'email_bounced_at');
  }
}
