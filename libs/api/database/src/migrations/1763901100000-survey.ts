import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/**
 * The satisfaction survey: one invitation per resolution (a signed, single-use, expiring link
 * sent to the requester) and at most one answered questionnaire per ticket, with its nine scores
 * and the local date and month it was filled (for IKM per period in the office's zone).
 */
export class Survey1763901100000 implements MigrationInterface {
  name = 'Survey1763901100000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'survey_invitations',
        columns: [
          { name: 'id', type: 'varchar', length: '32', isPrimary: true },
          { name: 'ticket_id', type: 'varchar', length: '36' },
          { name: 'office_code', type: 'varchar', length: '40' },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'expires_at', type: 'datetime', precision: 3 },
          { name: 'used_at', type: 'datetime', precision: 3, isNullable: true },
        ],
        indices: [new TableIndex({ name: 'ix_survey_inv_ticket', columnNames: ['ticket_id'] })],
      }),
    );
    const scores = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'].map((name) => ({
      name,
      type: 'smallint',
    }));
    await runner.createTable(
      new Table({
        name: 'survey_responses',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'ticket_id', type: 'varchar', length: '36' },
          { name: 'ticket_number', type: 'varchar', length: '40' },
          { name: 'invitation_id', type: 'varchar', length: '32' },
          { name: 'office_code', type: 'varchar', length: '40' },
          { name: 'service_id', type: 'varchar', length: '36' },
          { name: 'service_code', type: 'varchar', length: '80' },
          { name: 'submitted_at', type: 'datetime', precision: 3 },
          { name: 'local_date', type: 'varchar', length: '10' },
          { name: 'local_month', type: 'varchar', length: '7' },
          ...scores,
          { name: 'comment', type: 'text', isNullable: true },
        ],
        indices: [
          new TableIndex({
            name: 'ux_survey_resp_ticket',
            columnNames: ['ticket_id'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'ix_survey_resp_office_date',
            columnNames: ['office_code', 'local_date', 'service_code'],
          }),
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('survey_responses');
    await runner.dropTable('survey_invitations');
  }
}
