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

/** Where the pair listens and whom it lets in (the defaults: this machine only). */
export interface PairOptions {
  /** The address both servers listen on, and the replica reaches the primary at. */
  host?: string;
  /** The client host pattern of the application's and the replication user (`10.77.0.%`). */
  clientHost?: string;
}

export interface ReplicatedPair {
  primary: MariaDbServer;
  replica: MariaDbServer;
  /** mysql:// URLs of one database on each, for the app (a user replicated from the primary). */
  primaryUrl: string;
  replicaUrl: string;
  /** Waits until the replica has applied everything the primary has written so far. */
  caughtUp(): Promise<void>;
  /**
   * Stops the primary (a clean shutdown) and starts it again on the same port and data;
   * `whileDown` runs in between.
   */
  restartPrimary(whileDown?: () => Promise<void>): Promise<void>;
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

interface RunningServer {
  server: MariaDbServer;
  process: ChildProcess;
  /** Ends the server with SIGTERM (SIGKILL after 10 s). */
  stop(): Promise<void>;
  /** Starts it again with the same settings, port and data; resolves once it answers. */
  relaunch(): Promise<void>;
}

async function startServer(
  serverId: number,
  extra: string[],
  host = '127.0.0.1',
): Promise<RunningServer> {
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
  const connect = () => createConnection({ socketPath: socket, user: 'root' });
  const launch = async (): Promise<ChildProcess> => {
    const child = spawn(
      MARIADBD,
      [
        '--no-defaults',
        `--datadir=${data}`,
        `--user=${user}`,
        `--port=${port}`,
        `--bind-address=${host}`,
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
    for (let i = 0; ; i++) {
      try {
        await (await connect()).end();
        return child;
      } catch {
        if (child.exitCode !== null || i > 120) {
          child.kill('SIGKILL');
          throw new Error(`mariadbd ${serverId} did not start: ${log}`);
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  };
  const running: RunningServer = {
    server: { port, dir, connect },
    process: await launch(),
    async stop() {
      const child = running.process;
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    },
    async relaunch() {
      running.process = await launch();
    },
  };
  return running;
}

export async function startReplicatedPair(
  database: string,
  options: PairOptions = {},
): Promise<ReplicatedPair> {
  const host = options.host ?? '127.0.0.1';
  const client = options.clientHost ?? '127.0.0.1';
  const a = await startServer(1, ['--log-bin=primary-bin', '--binlog-format=ROW'], host);
  let b: RunningServer | null = null;
  try {
    b = await startServer(2, ['--read-only=1', '--relay-log=replica-relay'], host);
    const primary = await a.server.connect();
    try {
      for (const statement of [
        `CREATE USER 'repl'@'${client}' IDENTIFIED BY 'repl-secret'`,
        `GRANT REPLICATION SLAVE ON *.* TO 'repl'@'${client}'`,
        `CREATE USER 'sigap'@'${client}' IDENTIFIED BY 'sigap-secret'`,
        `GRANT ALL ON *.* TO 'sigap'@'${client}'`,
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
        `CHANGE MASTER TO MASTER_HOST='${host}', MASTER_PORT=${a.server.port},
           MASTER_USER='repl', MASTER_PASSWORD='repl-secret', MASTER_USE_GTID=slave_pos,
           MASTER_CONNECT_RETRY=2`,
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
  const replicaRunning = b;
  const pair: ReplicatedPair = {
    primary: a.server,
    replica: replicaServer,
    primaryUrl: `mysql://sigap:sigap-secret@${host}:${a.server.port}/${database}`,
    replicaUrl: `mysql://sigap:sigap-secret@${host}:${replicaServer.port}/${database}`,
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
    async restartPrimary(whileDown) {
      await a.stop();
      try {
        await whileDown?.();
      } finally {
        await a.relaunch();
      }
    },
    async stop() {
      await replicaRunning.stop();
      await a.stop();
      rmSync(a.server.dir, { recursive: true, force: true });
      rmSync(replicaServer.dir, { recursive: true, force: true });
    },
  };
  return pair;
}
