/**
 * A private nginx for the reverse-proxy specs: the project's own `docker/nginx.conf`, with only
 * what ties it to the containers rewritten (the listening address, the API's upstream, the
 * static files' folder), run unprivileged on a free local port from a temporary folder and
 * stopped by its pid.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './test-app';

export const NGINX_BIN = process.env['NGINX_BIN'] ?? '/usr/sbin/nginx';
export const PROJECT_NGINX_CONF = join(REPO_ROOT, 'docker/nginx.conf');

/** The unprivileged account the server runs as when the tests run as root. */
const NOBODY = 65534;

export function nginxInstalled(): boolean {
  return existsSync(NGINX_BIN);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * The project's server block for a test: each rewrite must match exactly once, so a change of
 * docker/nginx.conf that this test no longer understands fails loudly instead of testing
 * something else.
 */
export function deriveServerConfig(
  source: string,
  options: { port: number; apiUrl: string; root: string },
): string {
  const rewrites: [RegExp, string][] = [
    [/^(\s*)listen \d+;$/m, `$1listen 127.0.0.1:${options.port};`],
    [/^(\s*)proxy_pass http:\/\/api:3000;$/m, `$1proxy_pass ${options.apiUrl};`],
    [/^(\s*)root \/usr\/share\/nginx\/html;$/m, `$1root ${options.root};`],
  ];
  let config = source;
  for (const [pattern, replacement] of rewrites) {
    const global = new RegExp(pattern.source, 'gm');
    const count = [...config.matchAll(global)].length;
    if (count !== 1) throw new Error(`docker/nginx.conf: ${pattern} matched ${count} times`);
    config = config.replace(pattern, replacement);
  }
  return config;
}

export class TestNginx {
  private child: ChildProcess | null = null;

  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts nginx in front of `apiUrl`, serving the given static files. */
  static async start(apiUrl: string, files: Record<string, string>): Promise<TestNginx> {
    const dir = mkdtempSync(join(tmpdir(), 'sigap-nginx-'));
    const server = new TestNginx(dir, await freePort());
    const root = join(dir, 'html');
    mkdirSync(root);
    for (const [name, content] of Object.entries(files)) writeFileSync(join(root, name), content);
    const serverBlock = deriveServerConfig(readFileSync(PROJECT_NGINX_CONF, 'utf8'), {
      port: server.port,
      apiUrl,
      root,
    });
    writeFileSync(
      join(dir, 'nginx.conf'),
      [
        'daemon off;',
        'worker_processes 1;',
        `pid ${join(dir, 'nginx.pid')};`,
        `error_log ${join(dir, 'error.log')} warn;`,
        'events { worker_connections 64; }',
        'http {',
        '  include /etc/nginx/mime.types;',
        '  default_type application/octet-stream;',
        '  access_log off;',
        ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
          (kind) => `  ${kind}_temp_path ${join(dir, `${kind}_temp`)};`,
        ),
        serverBlock,
        '}',
        '',
      ].join('\n'),
    );
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chownTree(dir, NOBODY, NOBODY);
    const check = spawnSyncNginx(dir, asRoot);
    if (check) throw new Error(`nginx refused the derived configuration: ${check}`);
    server.child = spawn(
      NGINX_BIN,
      ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf')],
      { stdio: ['ignore', 'ignore', 'pipe'], ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}) },
    );
    let stderr = '';
    server.child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    for (let i = 0; i < 100; i++) {
      if (await accepts(server.port)) return server;
      if (server.child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await server.stop();
    throw new Error(`nginx did not start: ${stderr}`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGQUIT');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** `nginx -t` on the derived configuration: the error text, or null when it is fine. */
function spawnSyncNginx(dir: string, asRoot: boolean): string | null {
  const result = spawnSync(
    NGINX_BIN,
    ['-t', '-q', '-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf')],
    { encoding: 'utf8', ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}) },
  );
  return result.status === 0 ? null : `${result.stderr}`.trim();
}

function chownTree(path: string, uid: number, gid: number): void {
  chownSync(path, uid, gid);
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) chownTree(child, uid, gid);
    else chownSync(child, uid, gid);
  }
}
