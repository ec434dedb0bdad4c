import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * The optional respondent profile of the satisfaction questionnaire (Permenpan RB 14/2017): sex,
 * age band, last education and occupation, each a category code or null when left out.
 */
export class SurveyRespondentProfile1763902660000 implements MigrationInterface {
  name = 'SurveyRespondentProfile1763902660000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumns('survey_responses', [
      new TableColumn({ name: 'respondent_sex', type: 'varchar', length: '16', isNullable: true }),
      new TableColumn({
        name: 'respondent_age_band',
        type: 'varchar',
        length: '8',
        isNullable: true,
      }),
      new TableColumn({
        name: 'respondent_education',
        type: 'varchar',
        length: '16',
        isNullable: true,
      }),
      new TableColumn({
        name: 'respondent_occupation',
        type: 'varchar',
        length: '16',
        isNullable: true,
      }),
    ]);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const name of [
      'respondent_occupation',
      'respondent_education',
      'respondent_age_band',
      'respondent_sex',
    ]) {
      await runner.dropColumn('survey_responses', name);
    }
  }
}
