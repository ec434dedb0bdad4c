import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * `calendar_closures.confirmed`: a closure whose date is not yet checked against the decree that
 * sets it (a regional day taken from the Balinese calendar, say) is stored and shown but closes
 * nothing until an admin confirms it. Every existing closure stays in force.
 */
export class UnconfirmedClosures1763902520000 implements MigrationInterface {
  name = 'UnconfirmedClosures1763902520000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumn(
      'calendar_closures',
      new TableColumn({ name: 'confirmed', type: 'boolean', default: true }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('calendar_closures', 'confirmed');
  }
}
