// Database settings: `DATABASE_URL` and the optional read replica.
import { resolve } from 'node:path';
import type { AppConfig } from './app-config';
import { ConfigError, optional, type Env } from './env-values';

export type DatabaseSettings =
  | { type: 'sqlite'; file: string }
  | {
      type: 'mysql';
      host: string;
      port: number;
      username: string;
      password: string;
      database: string;
      /** Unix socket of a server on the same host (`?socket=/run/mysqld/mysqld.sock`); host and port are then unused. */
      socketPath?: string;
    };

/** Parses `mysql://user:pass@host:3306/db` (also `mariadb://`). */
export function parseDatabaseUrl(url: string): DatabaseSettings {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError(
      'DATABASE_URL tidak valid: harus berbentuk mysql://pengguna:sandi@host:3306/nama_db',
    );
  }
  if (parsed.protocol !== 'mysql:' && parsed.protocol !== 'mariadb:') {
    throw new ConfigError(
      `DATABASE_URL tidak valid: skema "${parsed.protocol.replace(/:$/, '')}" tidak didukung (gunakan mysql://)`,
    );
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!parsed.hostname) throw new ConfigError('DATABASE_URL tidak valid: host tidak ada');
  if (!database || database.includes('/')) {
    throw new ConfigError('DATABASE_URL tidak valid: nama basis data tidak ada (…/nama_db)');
  }
  const port = parsed.port ? Number(parsed.port) : 3306;
  const unknown = [...parsed.searchParams.keys()].filter((key) => key !== 'socket');
  if (unknown.length > 0) {
    throw new ConfigError(
      `DATABASE_URL tidak valid: parameter "${unknown[0]}" tidak dikenal (yang didukung: socket)`,
    );
  }
  const socket = parsed.searchParams.get('socket');
  if (socket !== null && !socket.startsWith('/')) {
    throw new ConfigError(
      'DATABASE_URL tidak valid: socket harus path absolut, mis. ?socket=/run/mysqld/mysqld.sock',
    );
  }
  return {
    type: 'mysql',
    host: parsed.hostname,
    port,
    username: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database,
    ...(socket ? { socketPath: socket } : {}),
  };
}

/**
 * Fills the database settings; SQLite in the data folder when `DATABASE_URL` is unset. Returns
 * whether a server database was named, which other defaults depend on.
 */
export function applyDatabaseSettings(config: AppConfig, env: Env): boolean {
  const databaseUrl = optional(env, 'DATABASE_URL');
  config.database = databaseUrl
    ? parseDatabaseUrl(databaseUrl.trim())
    : { type: 'sqlite', file: resolve(config.dataDir, 'sigap.sqlite') };
  const replicaUrl = optional(env, 'DATABASE_REPLICA_URL')?.trim();
  if (replicaUrl && !databaseUrl) {
    throw new ConfigError(
      'DATABASE_REPLICA_URL hanya berlaku bersama DATABASE_URL (MariaDB/MySQL)',
    );
  }
  try {
    config.databaseReplica = replicaUrl
      ? (parseDatabaseUrl(replicaUrl) as AppConfig['databaseReplica'])
      : null;
  } catch (error) {
    throw new ConfigError(
      (error as Error).message.replace(/^DATABASE_URL/, 'DATABASE_REPLICA_URL'),
    );
  }

  return Boolean(databaseUrl);
}
