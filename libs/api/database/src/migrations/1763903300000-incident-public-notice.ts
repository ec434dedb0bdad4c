import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * What the public status page says of an incident: a title and a summary in plain words that
 * the helpdesk writes for the public, apart from the ticket's own subject and description
 * (which may name people, positions and internal details). Empty: the page shows a generic
 * phrase instead. Existing incidents read as before, with no public wording.
 */
export class IncidentPublicNotice1763903300000 implements MigrationInterface {
  name = 'IncidentPublicNotice1763903300000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumns('incidents', [
      new TableColumn({ name: 'public_title', type: 'varchar', length: '200', isNullable: true }),
      new TableColumn({
        name: 'public_summary',
        type: 'varchar',
        length: '1000',
        isNullable: true,
      }),
    ]);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('incidents', 'public_summary');
    await runner.dropColumn('incidents', 'public_title');
  }
}
