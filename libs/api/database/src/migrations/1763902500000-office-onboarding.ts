import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

/**
 * Offices and positions made and retired through the API: an office's complaint address and
 * logo, when an office or a position was retired (kept for history, hidden from choosers), and
 * a unique ticket prefix (ticket numbers are `<prefix>-<year>-<n>`: two offices sharing one would
 * collide).
 */
export class OfficeOnboarding1763902500000 implements MigrationInterface {
  name = 'OfficeOnboarding1763902500000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumns('offices', [
      new TableColumn({
        name: 'complaint_email',
        type: 'varchar',
        length: '254',
        isNullable: true,
      }),
      new TableColumn({ name: 'logo_url', type: 'varchar', length: '500', isNullable: true }),
      new TableColumn({ name: 'retired_at', type: 'datetime', precision: 3, isNullable: true }),
    ]);
    await runner.createIndex(
      'offices',
      new TableIndex({
        name: 'uq_offices_ticket_prefix',
        columnNames: ['ticket_prefix'],
        isUnique: true,
      }),
    );
    await runner.addColumn(
      'positions',
      new TableColumn({ name: 'retired_at', type: 'datetime', precision: 3, isNullable: true }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('positions', 'retired_at');
    await runner.dropIndex('offices', 'uq_offices_ticket_prefix');
    await runner.dropColumn('offices', 'retired_at');
    await runner.dropColumn('offices', 'logo_url');
    await runner.dropColumn('offices', 'complaint_email');
  }
}
