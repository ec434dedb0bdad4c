import { Logger } from '@nestjs/common';
import type { DataSource, QueryRunner } from 'typeorm';
import { dialectOf } from './dialect';

const WAIT_SECONDS = 300;

/**
 * Serialises start-up work (migrations, seed data, first users) across API instances that start
 * at the same moment on one MariaDB/MySQL database: a named server lock (`GET_LOCK`) held on one
 * connection for the whole start-up; the next instance waits, then finds nothing left to do.
 * The name carries the database's name, so installations sharing a server do not wait on each
 * other. A crashed holder's lock goes with its connection. SQLite serves one host and needs none.
 */
export class StartupLock {
  private static readonly logger = new Logger('Startup');

  private constructor(
    private readonly runner: QueryRunner | null,
    private readonly name: string,
  ) {}

  static async acquire(dataSource: DataSource): Promise<StartupLock> {
    if (dialectOf(dataSource).name !== 'mysql') return new StartupLock(null, '');
    const runner = dataSource.createQueryRunner();
    try {
      await runner.connect();
      const [{ db }] = (await runner.query('SELECT DATABASE() AS db')) as { db: string }[];
      // GET_LOCK names are at most 64 characters.
      const name = `sigap-startup:${db}`.slice(0, 64);
      const [{ got: free }] = (await runner.query('SELECT IS_FREE_LOCK(?) AS got', [name])) as {
        got: number;
      }[];
      if (Number(free) !== 1) {
        StartupLock.logger.log('Menunggu instance lain menyelesaikan migrasi dan data awal');
      }
      const [{ got }] = (await runner.query('SELECT GET_LOCK(?, ?) AS got', [
        name,
        WAIT_SECONDS,
      ])) as { got: number | null }[];
      if (Number(got) !== 1) {
        throw new Error(
          `kunci start-up "${name}" dipegang instance lain lebih dari ${WAIT_SECONDS} detik`,
        );
      }
      return new StartupLock(runner, name);
    } catch (error) {
      await runner.release().catch(() => undefined);
      throw error;
    }
  }

  async release(): Promise<void> {
    if (!this.runner) return;
    try {
      await this.runner.query('SELECT RELEASE_LOCK(?)', [this.name]);
    } finally {
      await this.runner.release();
    }
  }
}
