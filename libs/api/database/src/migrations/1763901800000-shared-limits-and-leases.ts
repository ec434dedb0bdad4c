import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * Counters shared by every API instance on one database: the rate limits of the public forms and
 * the portal's sign-in links (per key and fixed window; keys are stored only as SHA-256 hashes),
 * and named leases that let one instance at a time run a scheduled job (the SP4N-LAPOR! pull).
 * Times are epoch milliseconds, so both databases compare them the same way.
 */
export class SharedLimitsAndLeases1763901800000 implements MigrationInterface {
  name = 'SharedLimitsAndLeases1763901800000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'rate_limit_windows',
        columns: [
          { name: 'bucket', type: 'varchar', length: '40', isPrimary: true },
          { name: 'key_hash', type: 'varchar', length: '64', isPrimary: true },
          { name: 'window_start', type: 'bigint', isPrimary: true },
          { name: 'hits', type: 'int', default: 0 },
          { name: 'expires_at', type: 'bigint' },
        ],
        indices: [{ name: 'ix_rate_limit_windows_expiry', columnNames: ['expires_at'] }],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'job_leases',
        columns: [
          { name: 'name', type: 'varchar', length: '60', isPrimary: true },
          { name: 'holder', type: 'varchar', length: '64' },
          { name: 'expires_at', type: 'bigint' },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('job_leases');
    await runner.dropTable('rate_limit_windows');
  }
}
