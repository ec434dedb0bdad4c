import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';

/**
 * Complaint tiers: an office may publish its own tiers of complaints, each with an answer time in
 * working days (`complaint_tiers`); a complaint keeps a copy of the tier it was filed under
 * (null columns: the default, SP4N-LAPOR!'s 5 working days, as before).
 */
export class ComplaintTiers1763902650000 implements MigrationInterface {
  name = 'ComplaintTiers1763902650000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'complaint_tiers',
        columns: [
          { name: 'office_code', type: 'varchar', length: '40', isPrimary: true },
          { name: 'code', type: 'varchar', length: '40', isPrimary: true },
          { name: 'position', type: 'int' },
          { name: 'name', type: 'varchar', length: '120' },
          { name: 'description', type: 'varchar', length: '1000', isNullable: true },
          { name: 'working_days', type: 'int' },
        ],
      }),
    );
    await runner.addColumns('complaints', [
      new TableColumn({ name: 'tier_code', type: 'varchar', length: '40', isNullable: true }),
      new TableColumn({ name: 'tier_name', type: 'varchar', length: '120', isNullable: true }),
      new TableColumn({ name: 'tier_working_days', type: 'int', isNullable: true }),
    ]);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('complaints', 'tier_working_days');
    await runner.dropColumn('complaints', 'tier_name');
    await runner.dropColumn('complaints', 'tier_code');
    await runner.dropTable('complaint_tiers');
  }
}
