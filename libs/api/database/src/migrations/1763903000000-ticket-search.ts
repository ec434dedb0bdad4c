import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  dropMysqlFullText,
  dropSqliteFullText,
  installMysqlFullText,
  installSqliteFullText,
} from '../full-text';

/**
 * Full-text indexes for ticket search (`GET /api/v1/tickets?q=`): ticket subject and
 * description, timeline bodies (e-mail and portal messages, replies, internal notes), requester
 * names and e-mail addresses, attachment file names. See `full-text.ts`.
 */
export class TicketSearch1763903000000 implements MigrationInterface {
  name = 'TicketSearch1763903000000';

  async up(runner: QueryRunner): Promise<void> {
    const run = (sql: string) => runner.query(sql);
    if (runner.connection.options.type === 'mysql') await installMysqlFullText(run);
    else await installSqliteFullText(run);
  }

  async down(runner: QueryRunner): Promise<void> {
    const run = (sql: string) => runner.query(sql);
    if (runner.connection.options.type === 'mysql') await dropMysqlFullText(run);
    else await dropSqliteFullText(run);
  }
}
