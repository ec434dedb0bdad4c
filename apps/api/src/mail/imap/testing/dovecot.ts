/**
 * A private Dovecot for the IMAP specs, started from `tools/mail/start-dovecot.sh` on a free
 * local port with its Maildir in a temporary folder, and stopped (or restarted) by its pid.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository's root (not imported from the app's test helpers: the soak uses this too). */
const REPO_ROOT = resolve(__dirname, '../../../../../..');

export const DOVECOT_BIN = process.env['DOVECOT_BIN'] ?? '/usr/sbin/dovecot';

export function dovecotInstalled(): boolean {
  return existsSync(DOVECOT_BIN);
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

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('data', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.setTimeout(1000, () => {
      socket.destroy();
      resolve(false);
    });
  });
}

export class TestDovecot {
  private child: ChildProcess | null = null;

  private constructor(
    readonly dir: string,
    readonly port: number,
    readonly user: string,
    readonly password: string,
    readonly listen: string,
  ) {}

  /** `listen`: Dovecot's listen list (`127.0.0.1, 10.77.0.1`); 127.0.0.1 must be in it. */
  static async start(
    user = 'helpdesk',
    password = 'sandi-uji-imap',
    listen = '127.0.0.1',
  ): Promise<TestDovecot> {
    const dir = mkdtempSync(join(tmpdir(), 'sigap-dovecot-'));
    const server = new TestDovecot(dir, await freePort(), user, password, listen);
    await server.launch();
    return server;
  }

  get log(): string {
    const file = join(this.dir, 'dovecot.log');
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  }

  private async launch(): Promise<void> {
    const script = join(REPO_ROOT, 'tools/mail/start-dovecot.sh');
    const child = spawn(script, [this.dir, String(this.port), this.user, this.password], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, DOVECOT_LISTEN: this.listen },
      // Its own process group, so the master and every child can be ended together.
      detached: true,
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    this.child = child;
    for (let i = 0; i < 100; i++) {
      if (child.exitCode !== null) {
        throw new Error(`Dovecot berhenti (kode ${child.exitCode}): ${stderr}${this.log}`);
      }
      if (await answers(this.port)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`Dovecot tidak menjawab di port ${this.port}: ${stderr}${this.log}`);
  }

  /**
   * Ends the server with every process it started, so the connections it serves break
   * (`SIGKILL` is a crash: no goodbye to the clients).
   */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child?.pid || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    try {
      process.kill(-child.pid, signal);
    } catch {
      child.kill(signal);
    }
    await exited;
    for (let i = 0; i < 50 && (await answers(this.port)); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** A crash and a restart on the same port with the same Maildir. */
  async restart(): Promise<void> {
    await this.stop('SIGKILL');
    await this.launch();
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
