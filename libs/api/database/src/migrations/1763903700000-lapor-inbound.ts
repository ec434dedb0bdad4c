import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

/**
 * SP4N-LAPOR! both ways: a complaint knows whether it came in from LAPOR! or was forwarded to it,
 * how its reporter chose to appear (named, anonymous, confidential), the agency it is
 * dispositioned to, and, after the office's follow-up, when LAPOR! closes it without a reply
 * from the reporter (indexed for the closing sweep). The tracking id was unique already.
 */
export class LaporInbound1763903700000 implements MigrationInterface {
  name = 'LaporInbound1763903700000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumns('complaints', [
      new TableColumn({ name: 'lapor_direction', type: 'varchar', length: '8', isNullable: true }),
      new TableColumn({ name: 'lapor_reporter', type: 'varchar', length: '16', isNullable: true }),
      new TableColumn({ name: 'lapor_agency', type: 'varchar', length: '80', isNullable: true }),
      new TableColumn({
        name: 'lapor_followed_up_at',
        type: 'datetime',
        precision: 3,
        isNullable: true,
      }),
      new TableColumn({
        name: 'lapor_closes_at',
        type: 'datetime',
        precision: 3,
        isNullable: true,
      }),
    ]);
    await runner.createIndex(
      'complaints',
      new TableIndex({ name: 'ix_complaints_lapor_closes', columnNames: ['lapor_closes_at'] }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropIndex('complaints', 'ix_complaints_lapor_closes');
    for (const column of [
      'lapor_closes_at',
      'lapor_followed_up_at',
      'lapor_agency',
      'lapor_reporter',
      'lapor_direction',
    ])
      await runner.dropColumn('complaints', column);
  }
}
