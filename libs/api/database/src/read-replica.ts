import { Global, Injectable, Logger, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Reads that may be a few seconds stale (dashboards, their exports, the evaluation report) go to
 * the read replica when `DATABASE_REPLICA_URL` is set, and to the primary otherwise. Should the
 * replica fail, the read is retried once on the primary, so a lost replica degrades speed, not
 * answers. Everything else, and every write, stays on the primary.
 */
@Injectable()
export class ReadReplica {
  private readonly logger = new Logger('ReadReplica');
  private readonly enabled: boolean;

  constructor(private readonly dataSource: DataSource) {
    const options = dataSource.options as { replication?: unknown };
    this.enabled = Boolean(options.replication);
  }

  /** Whether reads go to a replica. */
  get active(): boolean {
    return this.enabled;
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    if (!this.enabled) return this.dataSource.query(sql, params) as Promise<T[]>;
    const runner = this.dataSource.createQueryRunner('slave');
    try {
      return (await runner.query(sql, params)) as T[];
    } catch (error) {
      this.logger.warn(
        `replika gagal, dibaca dari primer: ${error instanceof Error ? error.message.slice(0, 200) : 'galat'}`,
      );
      return this.dataSource.query(sql, params) as Promise<T[]>;
    } finally {
      await runner.release();
    }
  }
}

@Global()
@Module({ providers: [ReadReplica], exports: [ReadReplica] })
export class ReadReplicaModule {}
