/**
 * The MariaDB server a bench runs against: `SIGAP_BENCH_MYSQL_URL`, default
 * `mysql://root@127.0.0.1:3306/`. `?socket=/run/mysqld/mysqld.sock` makes both the API under
 * test and the bench's own mysql2 connections use that Unix socket instead of TCP (a server on
 * the same host), so the ceiling and the API always pay for the same kind of connection.
 */
export interface BenchServer {
  /** The URL as given; copy it and set the path to a database to make a DATABASE_URL. */
  url: URL;
  /** mysql2 connection options without a database. */
  conn: { host: string; port: number; user: string; password: string; socketPath?: string };
  /** How the bench reaches the server, for the printed header. */
  transport: string;
}

export function benchServer(env: NodeJS.ProcessEnv = process.env): BenchServer {
  const url = new URL(env['SIGAP_BENCH_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306/');
  const socketPath = url.searchParams.get('socket') ?? undefined;
  const conn = {
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
    ...(socketPath ? { socketPath } : {}),
  };
  const transport = socketPath ? `unix socket ${socketPath}` : `tcp ${conn.host}:${conn.port}`;
  return { url, conn, transport };
}
