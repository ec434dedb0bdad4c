/**
 * The soak's "hosts": a Linux bridge on this machine (the data-centre network), one network
 * namespace per API instance joined to it by a veth pair (each instance its own host with its own
 * address and loopback), and Debian's nginx on this machine as the load balancer in front of them.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const BRIDGE = 'sgsoak0';
/** This machine's address on the bridge: MariaDB, SMTP, IMAP and S3 listen here. */
export const HOST_IP = '10.77.0.1';
export const API_PORT = 3000;

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: 'pipe' });
const quiet = (cmd: string, args: string[]) => {
  try {
    run(cmd, args);
  } catch {
    // absent already
  }
};

/** Namespace, veth names and address of instance `i` (1-based). */
export function hostOf(i: number): { ns: string; outside: string; inside: string; ip: string } {
  return {
    ns: `sigap-soak-${i}`,
    outside: `sgsoak${i}h`,
    inside: `sgsoak${i}n`,
    ip: `10.77.0.${10 + i}`,
  };
}

/** Takes away what an earlier run left (namespaces, their veth pairs, the bridge). */
export function removeNetwork(count: number): void {
  for (let i = 1; i <= count; i++) {
    const h = hostOf(i);
    quiet('ip', ['netns', 'del', h.ns]);
    quiet('ip', ['link', 'del', h.outside]);
  }
  quiet('ip', ['link', 'del', BRIDGE]);
}

/** The bridge, and `count` namespaces each with its address and a default route via the bridge. */
export function createNetwork(count: number): void {
  removeNetwork(count);
  run('ip', ['link', 'add', BRIDGE, 'type', 'bridge']);
  run('ip', ['addr', 'add', `${HOST_IP}/24`, 'dev', BRIDGE]);
  run('ip', ['link', 'set', BRIDGE, 'up']);
  for (let i = 1; i <= count; i++) {
    const h = hostOf(i);
    run('ip', ['netns', 'add', h.ns]);
    run('ip', ['link', 'add', h.outside, 'type', 'veth', 'peer', 'name', h.inside]);
    run('ip', ['link', 'set', h.inside, 'netns', h.ns]);
    run('ip', ['link', 'set', h.outside, 'master', BRIDGE]);
    run('ip', ['link', 'set', h.outside, 'up']);
    run('ip', ['-n', h.ns, 'addr', 'add', `${h.ip}/24`, 'dev', h.inside]);
    run('ip', ['-n', h.ns, 'link', 'set', h.inside, 'up']);
    run('ip', ['-n', h.ns, 'link', 'set', 'lo', 'up']);
    run('ip', ['-n', h.ns, 'route', 'add', 'default', 'via', HOST_IP]);
  }
}

/** One API instance: `node dist/apps/api/main.js` inside its namespace. */
export class ApiInstance {
  child: ChildProcess | null = null;
  /** Every start, for the log. */
  starts = 0;

  constructor(
    readonly index: number,
    private readonly env: Record<string, string>,
    private readonly repo: string,
    private readonly logFile: string,
  ) {}

  get ip(): string {
    return hostOf(this.index).ip;
  }

  get pid(): number | null {
    return this.child && this.child.exitCode === null && this.child.signalCode === null
      ? (this.child.pid ?? null)
      : null;
  }

  start(): void {
    const log = createWriteStream(this.logFile, { flags: 'a' });
    // `ip netns exec` execs the command in the namespace: the child's pid is node's own.
    const child = spawn(
      'ip',
      ['netns', 'exec', hostOf(this.index).ns, process.execPath, 'dist/apps/api/main.js'],
      {
        cwd: this.repo,
        env: { ...this.env, PATH: process.env['PATH'] ?? '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    this.child = child;
    this.starts++;
  }

  /** A crash: SIGKILL, no shutdown hooks, in-flight requests cut. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || this.pid === null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  /** A clean stop (SIGTERM: Nest's shutdown hooks finish the work under way). */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || this.pid === null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }

  /** Resident memory in bytes (from /proc), or null when not running. */
  rss(): number | null {
    const pid = this.pid;
    if (pid === null) return null;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
      return kb ? Number(kb) * 1024 : null;
    } catch {
      return null;
    }
  }

  /** Whether `/api/health/ready` answers 200, asked directly (not through nginx). */
  async ready(): Promise<boolean> {
    try {
      const res = await fetch(`http://${this.ip}:${API_PORT}/api/health/ready`, {
        signal: AbortSignal.timeout(3000),
      });
      return res.status === 200;
    } catch {
      return false;
    }
  }
}

/**
 * Debian's nginx as the load balancer: round robin over the instances, a failed or refused
 * connection tried on the next instance (only for requests nginx may repeat: never a POST that
 * reached an instance), the client's address passed on in `X-Forwarded-For`.
 */
export class LoadBalancer {
  private child: ChildProcess | null = null;

  constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  static binary(): string {
    return process.env['NGINX_BIN'] ?? '/usr/sbin/nginx';
  }

  start(upstreams: string[]): Promise<void> {
    const conf = join(this.dir, 'nginx.conf');
    writeFileSync(
      conf,
      `worker_processes 1;
daemon off;
pid ${this.dir}/nginx.pid;
error_log ${this.dir}/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log ${this.dir}/nginx-access.log;
  client_body_temp_path ${this.dir}/body;
  proxy_temp_path ${this.dir}/proxy;
  fastcgi_temp_path ${this.dir}/fastcgi;
  uwsgi_temp_path ${this.dir}/uwsgi;
  scgi_temp_path ${this.dir}/scgi;
  upstream sigap {
${upstreams.map((u) => `    server ${u} max_fails=1 fail_timeout=5s;`).join('\n')}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${this.port};
    client_max_body_size 30m;
    location / {
      proxy_pass http://sigap;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_connect_timeout 2s;
      proxy_read_timeout 60s;
      proxy_next_upstream error timeout;
      proxy_next_upstream_tries 3;
    }
  }
}
`,
    );
    const child = spawn(LoadBalancer.binary(), ['-c', conf, '-p', this.dir], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    this.child = child;
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const check = async () => {
        if (child.exitCode !== null) return reject(new Error(`nginx berhenti: ${stderr}`));
        try {
          await fetch(`http://127.0.0.1:${this.port}/`, { signal: AbortSignal.timeout(1000) });
          return resolve();
        } catch {
          if (Date.now() - started > 10_000)
            return reject(new Error(`nginx tidak menjawab: ${stderr}`));
          setTimeout(() => void check(), 200);
        }
      };
      void check();
    });
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGQUIT');
    await exited;
  }
}

/** What this machine lacks for the soak, as lines saying what to install. */
export function missingTools(): string[] {
  const missing: string[] = [];
  const need = (path: string, what: string) => {
    if (!existsSync(path)) missing.push(`${path} tidak ada: apt-get install -y ${what}`);
  };
  need('/usr/sbin/ip', 'iproute2');
  need(LoadBalancer.binary(), 'nginx-light');
  need('/usr/sbin/mariadbd', 'mariadb-server');
  need('/usr/bin/mariadb-install-db', 'mariadb-server');
  need(process.env['DOVECOT_BIN'] ?? '/usr/sbin/dovecot', 'dovecot-imapd');
  return missing;
}
