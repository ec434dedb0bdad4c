/**
 * A private S3-compatible server for the storage specs: s3rver (an npm package of the project's
 * dev dependencies, so `npm ci` installs it) started as its own process on a free local port,
 * with its objects in a temporary folder and one bucket made at start, and stopped by closing its
 * standard input.
 *
 * Debian 12 carries no `python3-moto`, and its `radosgw` (Ceph 16) needs a running Ceph cluster
 * (monitor and OSD) behind it, which is far more than a spec can start: s3rver it is.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository's root (not imported from the app's test helpers: the soak uses this too). */
const REPO_ROOT = resolve(__dirname, '../../../..');

const S3RVER_MODULE = join(REPO_ROOT, 'node_modules', 's3rver');

/** Runs s3rver in the child: argv is module, folder, port, bucket, listen address. */
const SERVER_SCRIPT = `
const [module, directory, port, bucket, address] = process.argv.slice(1);
const S3rver = require(module);
process.stdin.on('end', () => process.exit(0)).resume();
new S3rver({
  directory, address, port: Number(port), silent: true, vhostBuckets: false,
  configureBuckets: [{ name: bucket, configs: [] }],
}).run().then(
  () => console.log('s3-ready'),
  (error) => { console.error(error); process.exit(1); },
);
`;

/** s3rver's fixed test credentials. */
const ACCESS_KEY = 'S3RVER';
const SECRET_KEY = 'S3RVER';

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

export class TestS3Server {
  private child: ChildProcess | null = null;
  private output = '';

  private constructor(
    readonly dir: string,
    readonly port: number,
    readonly bucket: string,
    readonly address: string,
  ) {}

  /** Starts the server; fails with one clear line when s3rver is not installed. */
  static async start(bucket = 'sigap-uji', address = '127.0.0.1'): Promise<TestS3Server> {
    if (!existsSync(join(S3RVER_MODULE, 'package.json'))) {
      throw new Error(
        `server S3 uji (s3rver) tidak terpasang di ${S3RVER_MODULE}: jalankan npm ci di akar proyek`,
      );
    }
    const dir = mkdtempSync(join(tmpdir(), 'sigap-s3-'));
    const server = new TestS3Server(dir, await freePort(), bucket, address);
    await server.launch();
    return server;
  }

  get endpoint(): string {
    return `http://${this.address}:${this.port}`;
  }

  /** The settings that point Sigap at this server (`s3://bucket/prefix`). */
  env(prefix = 'lampiran'): Record<string, string> {
    return {
      SIGAP_STORAGE_URL: `s3://${this.bucket}/${prefix}`,
      SIGAP_S3_ENDPOINT: this.endpoint,
      SIGAP_S3_REGION: 'us-east-1',
      SIGAP_S3_ACCESS_KEY_ID: ACCESS_KEY,
      SIGAP_S3_SECRET_ACCESS_KEY: SECRET_KEY,
      SIGAP_S3_FORCE_PATH_STYLE: 'true',
    };
  }

  private async launch(): Promise<void> {
    // s3rver's own API rather than its command line, in a process that ends when its standard
    // input closes: a spec runner that dies without stopping it leaves no server behind.
    const child = spawn(
      process.execPath,
      ['-e', SERVER_SCRIPT, S3RVER_MODULE, this.dir, String(this.port), this.bucket, this.address],
      {
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    const ready = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 20_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        this.output += chunk.toString();
        if (this.output.includes('s3-ready')) {
          clearTimeout(timer);
          resolve(true);
        }
      });
      child.once('exit', () => {
        clearTimeout(timer);
        resolve(false);
      });
    });
    if (ready) return;
    await this.stop();
    throw new Error(`s3rver tidak berjalan di ${this.endpoint}: ${this.output.slice(-2000)}`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.stdin?.end();
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
