/**
 * A private OpenLDAP server for the LDAP sign-in specs, started from `tools/ldap/start-slapd.sh`
 * on a free local port with its database in a temporary folder, loaded from
 * `tools/ldap/test-directory.ldif`, and stopped by its pid.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../testing/test-app';

export const SLAPD_BIN = process.env['SLAPD_BIN'] ?? '/usr/sbin/slapd';

export function slapdInstalled(): boolean {
  return existsSync(SLAPD_BIN);
}

function freePort(): Promise<number> {
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

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export class TestSlapd {
  private constructor(
    readonly dir: string,
    readonly port: number,
    private child: ChildProcess | null,
  ) {}

  get url(): string {
    return `ldap://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<TestSlapd> {
    const dir = mkdtempSync(join(tmpdir(), 'sigap-slapd-'));
    const port = await freePort();
    const child = spawn(join(REPO_ROOT, 'tools/ldap/start-slapd.sh'), [dir, String(port)], {
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const server = new TestSlapd(dir, port, child);
    for (let i = 0; i < 100; i++) {
      if (child.exitCode !== null) {
        rmSync(dir, { recursive: true, force: true });
        throw new Error(`slapd berhenti (kode ${child.exitCode}): ${stderr}`);
      }
      if (await listening(port)) return server;
      await new Promise((r) => setTimeout(r, 100));
    }
    await server.destroy();
    throw new Error(`slapd tidak menjawab di port ${port}: ${stderr}`);
  }

  async destroy(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (child?.pid && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
