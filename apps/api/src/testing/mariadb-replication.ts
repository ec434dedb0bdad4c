/**
 * A real MariaDB primary and a replica, each a private `mariadbd` on its own port and data
 * folder, the replica replicating from the primary by GTID. For tests of reads that go to a
 * replica; the machine's own MariaDB is left alone.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createConnection, type Connection } from 'mysql2/promise';

const run = promisify(execFile);
const MARIADBD = '/usr/sbin/mariadbd';

export interface MariaDbServer {
  port: number;
  dir: string;
  /** A root connection over the server's socket. */
  connect(): Promise<Connection>;
}

export interface ReplicatedPair {
  primary: MariaDbServer;
  replica: MariaDbServer;
  /** mysql:// URLs of one database on each, for the app (a user replicated from the primary). */
  primaryUrl: string;
  replicaUrl: string;
  /** Waits until the replica has applied everything the primary has written so far. */
  caughtUp(): Promise<void>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

async function startServer(
  serverId: number,
  extra: string[],
): Promise<{ server: MariaDbServer; process: ChildProcess }> {
  const dir = mkdtempSync(join(tmpdir(), `sigap-mariadb-${serverId}-`));
  const data = join(dir, 'data');
  const user = process.getuid?.() === 0 ? 'root' : (process.env['USER'] ?? 'nobody');
  await run('mariadb-install-db', [
    '--no-defaults',
    `--datadir=${data}`,
    `--user=${user}`,
    '--auth-root-authentication-method=normal',
    '--skip-test-db',
  ]);
  const port = await freePort();
  const socket = join(dir, 'mysqld.sock');
  const child = spawn(
    MARIADBD,
    [
      '--no-defaults',
      `--datadir=${data}`,
      `--user=${user}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      `--socket=${socket}`,
      `--pid-file=${join(dir, 'mysqld.pid')}`,
      `--server-id=${serverId}`,
      '--innodb-buffer-pool-size=64M',
      '--skip-name-resolve',
      ...extra,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const connect = () => createConnection({ socketPath: socket, user: 'root' });
  for (let i = 0; ; i++) {
    try {
      await (await connect()).end();
      break;
    } catch {
      if (child.exitCode !== null || i > 120) {
        child.kill('SIGKILL');
        throw new Error(`mariadbd ${serverId} did not start: ${log}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return { server: { port, dir, connect }, process: child };
}

export async function startReplicatedPair(database: string): Promise<ReplicatedPair> {
  const a = await startServer(1, ['--log-bin=primary-bin', '--binlog-format=ROW']);
  let b: Awaited<ReturnType<typeof startServer>> | null = null;
  try {
    b = await startServer(2, ['--read-only=1', '--relay-log=replica-relay']);
    const primary = await a.server.connect();
    try {
      for (const statement of [
        `CREATE USER 'repl'@'127.0.0.1' IDENTIFIED BY 'repl-secret'`,
        `GRANT REPLICATION SLAVE ON *.* TO 'repl'@'127.0.0.1'`,
        `CREATE USER 'sigap'@'127.0.0.1' IDENTIFIED BY 'sigap-secret'`,
        `GRANT ALL ON *.* TO 'sigap'@'127.0.0.1'`,
        `CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
      ]) {
        await primary.query(statement);
      }
    } finally {
      await primary.end();
    }
    const replica = await b.server.connect();
    try {
      // From the start of the primary's binary log: the users and the database come across too.
      await replica.query(
        `CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=${a.server.port},
           MASTER_USER='repl', MASTER_PASSWORD='repl-secret', MASTER_USE_GTID=slave_pos`,
      );
      await replica.query('START SLAVE');
    } finally {
      await replica.end();
    }
  } catch (error) {
    a.process.kill('SIGKILL');
    b?.process.kill('SIGKILL');
    throw error;
  }
  const replicaServer = b.server;
  const replicaProcess = b.process;
  const pair: ReplicatedPair = {
    primary: a.server,
    replica: replicaServer,
    primaryUrl: `mysql://sigap:sigap-secret@127.0.0.1:${a.server.port}/${database}`,
    replicaUrl: `mysql://sigap:sigap-secret@127.0.0.1:${replicaServer.port}/${database}`,
    async caughtUp() {
      const p = await a.server.connect();
      let gtid: string;
      try {
        const [rows] = (await p.query('SELECT @@gtid_binlog_pos AS pos')) as unknown as [
          { pos: string }[],
        ];
        gtid = rows[0].pos;
      } finally {
        await p.end();
      }
      const r = await replicaServer.connect();
      try {
        const [rows] = (await r.query('SELECT MASTER_GTID_WAIT(?, 30) AS ok', [
          gtid,
        ])) as unknown as [{ ok: number }[]];
        if (Number(rows[0].ok) !== 0) throw new Error(`replica did not reach ${gtid}`);
      } finally {
        await r.end();
      }
    },
    async stop() {
      for (const child of [replicaProcess, a.process]) {
        if (child.exitCode !== null) continue;
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(a.server.dir, { recursive: true, force: true });
      rmSync(replicaServer.dir, { recursive: true, force: true });
    },
  };
  return pair;
}
