import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

/**
 * The head of office who signs the evaluation report: name and NIP (18 digits), both optional;
 * the report leaves a line to fill in by hand while they are unset. With it, the index the IKM
 * on the dashboard reads: per office and local month, covering the scores, so that three years
 * of questionnaires are summed from the index in month order.
 */
export class OfficeSigner1763901700000 implements MigrationInterface {
  name = 'OfficeSigner1763901700000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumns('offices', [
      new TableColumn({ name: 'head_name', type: 'varchar', length: '120', isNullable: true }),
      new TableColumn({ name: 'head_nip', type: 'varchar', length: '18', isNullable: true }),
    ]);
    await runner.createIndex(
      'survey_responses',
      new TableIndex({
        name: 'ix_survey_resp_ikm',
        columnNames: [
          'office_code',
          'local_month',
          'service_id',
          'service_code',
          'local_date',
          ...['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'],
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropIndex('survey_responses', 'ix_survey_resp_ikm');
    await runner.dropColumn('offices', 'head_nip');
    await runner.dropColumn('offices', 'head_name');
  }
}
