import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '@sigap/api-config';
import { MIGRATIONS } from './migrations';
import { SqlLogger } from './sql-logger';

/**
 * TypeORM options for the configured database: MySQL/MariaDB via mysql2, or SQLite. The entity
 * list comes from the caller (the application root owns it), so this folder knows no feature;
 * a caller that only runs migrations may pass none.
 */
export function dataSourceOptions(
  config: AppConfig,
  entities: NonNullable<DataSourceOptions['entities']>,
): DataSourceOptions {
  const common = {
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    logging: ['error' as const, 'warn' as const],
    // Failed statements are logged without their parameter values.
    logger: new SqlLogger(),
  };
  const db = config.database;
  if (db.type === 'sqlite') {
    mkdirSync(dirname(db.file), { recursive: true });
    return {
      ...common,
      type: 'better-sqlite3',
      database: db.file,
      enableWAL: true,
    };
  }
  const server = (s: typeof db) => ({
    host: s.host,
    port: s.port,
    username: s.username,
    password: s.password,
    database: s.database,
    ...(s.socketPath ? { socketPath: s.socketPath } : {}),
  });
  const mysql = {
    ...common,
    type: 'mysql' as const,
    // Instants are stored and read as UTC whatever the server's or Node's zone.
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    connectTimeout: 10_000,
    // Lets `runBatch` send a ticket's creation as one request instead of a dozen round trips.
    // Every statement is built from code with `?` parameters (none from input), so a request
    // can never carry a statement nobody wrote.
    multipleStatements: true,
  };
  if (!config.databaseReplica) return { ...mysql, ...server(db) };
  // With a replica, everything still goes to the primary unless a reader asks for the replica
  // explicitly (`ReadReplica`): TypeORM's raw queries and transactions use the master.
  return {
    ...mysql,
    replication: {
      master: server(db),
      slaves: [server(config.databaseReplica)],
      defaultMode: 'master',
      // After repeated connection failures the pool cluster takes a server out; by default for
      // good, so a primary that restarted was never used again ("Pool does Not exist"). Taken
      // out for a second instead, then tried again.
      restoreNodeTimeout: 1000,
    },
  };
}
