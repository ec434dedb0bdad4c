import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, resolve } from 'node:path';
import { parseImapMailboxes, type ImapMailboxSettings } from './imap-settings';
import { MAIL_TLS_MODES, isLoopbackHost, type MailTlsMode } from './mail-tls-policy';
import { parseStorageSettings, type StorageSettings } from './storage-settings';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

export type NodeEnv = 'development' | 'production' | 'test';

/** What Express's `trust proxy` takes: all or nothing, a hop count, or proxy addresses/CIDRs. */
export type TrustProxy = boolean | number | string[];

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

/** Parsed `SIGAP_SMTP_URL` (`smtp://user:pass@host:587` or `smtps://...`). */
export interface SmtpSettings {
  secure: boolean;
  host: string;
  port: number;
  user: string | null;
  password: string | null;
}

/** DKIM signing of outgoing mail; all three settings or none. */
export interface DkimSettings {
  domainName: string;
  keySelector: string;
  privateKeyFile: string;
}

/** A start-up configuration problem: printed as one line, then the process exits. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * The application's only view of its environment. Built once at start-up by `loadConfig`,
 * validated with class-validator, and injected wherever a setting is needed.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  nodeEnv: NodeEnv;

  @IsInt()
  @Min(0)
  @Max(65535)
  port: number;

  @IsString()
  dataDir: string;

  /** `SIGAP_STORAGE_URL` and `SIGAP_S3_*`: where attachment bytes are kept (local by default). */
  storage: StorageSettings;

  /** Parsed `DATABASE_URL`; SQLite under the data dir when unset. */
  database: DatabaseSettings;

  /** Parsed `DATABASE_REPLICA_URL`: a read replica for dashboards and exports; null for none. */
  databaseReplica: Extract<DatabaseSettings, { type: 'mysql' }> | null;

  /** JWT signing secret; when absent (development only) one is generated in the data dir. */
  @IsOptional()
  @IsString()
  @MinLength(32)
  jwtSecret: string | null;

  @IsInt()
  @Min(60)
  @Max(7 * 24 * 3600)
  jwtExpiresInSeconds: number;

  @IsOptional()
  @IsEmail()
  adminEmail: string | null;

  @IsOptional()
  @IsString()
  @MinLength(8)
  adminPassword: string | null;

  /** The demo: the seed's four offices with their services and users (password printed on start). */
  @IsBoolean()
  demo: boolean;

  @IsString()
  @MinLength(6)
  demoPassword: string;

  /**
   * Give the demo offices a year of history at the first start (demo mode only; never in
   * production).
   */
  @IsBoolean()
  demoHistory: boolean;

  /** Seed of the demo history's random choices: the same seed gives the same history. */
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  demoHistorySeed: number;

  /** Load the seed on start: the national calendar; with `demo`, the demo offices and services. */
  @IsBoolean()
  loadSeed: boolean;

  @IsString()
  seedDir: string;

  @IsString()
  consoleDir: string;

  /** Allowed CORS origins; empty = CORS off. */
  @IsString({ each: true })
  corsOrigins: string[];

  /** Failed logins (per e-mail or per IP) before answering 429. */
  @IsInt()
  @Min(1)
  loginMaxFailures: number;

  /** Failures allowed without any delay. */
  @IsInt()
  @Min(0)
  loginFreeFailures: number;

  /** First delay once the free failures are used up; doubles with each further failure. */
  @IsInt()
  @Min(0)
  loginDelayMs: number;

  /** How long failures are remembered (and the lock-out lasts). */
  @IsInt()
  @Min(1)
  loginWindowSeconds: number;

  /**
   * Express `trust proxy` setting, so the rate limiters see the client's address: `false`
   * (default: the socket's address), a number of proxy hops, or the proxies' addresses and
   * CIDRs (`loopback`, `172.16.0.0/12`, ...). Parsed and checked by `parseTrustProxy`.
   */
  trustProxy: TrustProxy;

  /** bcrypt work factor of new password hashes (older hashes are renewed at sign-in). */
  @IsInt()
  @Min(10)
  @Max(15)
  bcryptCost: number;

  /** Serve the OpenAPI page and document (`/api/docs`, `/api/docs-json`). */
  @IsBoolean()
  apiDocs: boolean;

  @IsString()
  jsonBodyLimit: string;

  @IsString()
  importBodyLimit: string;

  /** Run pending migrations on start. */
  @IsBoolean()
  migrateOnStart: boolean;

  /** Largest attachment accepted, in bytes (SIGAP_ATTACHMENT_MAX_MB). */
  @IsInt()
  @Min(1024)
  attachmentMaxBytes: number;

  /** Days after closing within which a requester reply reopens a ticket. */
  @IsInt()
  @Min(0)
  @Max(365)
  reopenWindowDays: number;

  /** First-response time standard, in the duration grammar ("1 Hari", "4 jam"). */
  @IsString()
  @MinLength(1)
  firstResponseTime: string;

  /** Seconds between SLA sweeps; 0 turns the sweep off. */
  @IsInt()
  @Min(0)
  slaSweepSeconds: number;

  /** Outgoing mail server; null keeps messages in the data dir instead of sending them. */
  smtp: SmtpSettings | null;

  /** Reuse SMTP connections (nodemailer pool). */
  @IsBoolean()
  smtpPool: boolean;

  /** Refuse SMTP servers whose TLS certificate does not verify. */
  @IsBoolean()
  smtpTlsRejectUnauthorized: boolean;

  /**
   * `SIGAP_SMTP_TLS`: `required` (STARTTLS demanded on smtp://, implicit TLS on smtps://) or
   * `off` (plain text, for a local test server; in production only to this machine).
   */
  @IsIn(MAIL_TLS_MODES)
  smtpTls: MailTlsMode;

  /** `SIGAP_IMAP_TLS`: the same for every IMAP mailbox (`secure: false` then means STARTTLS). */
  @IsIn(MAIL_TLS_MODES)
  imapTls: MailTlsMode;

  /** From header of outgoing mail, e.g. `"Sigap Diskominfo" <helpdesk@example.go.id>`. */
  @IsString()
  @MinLength(3)
  mailFrom: string;

  dkim: DkimSettings | null;

  /** Key of the hidden ticket marker in outgoing mail; derived from the JWT secret when unset. */
  @IsOptional()
  @IsString()
  @MinLength(16)
  mailMarkerSecret: string | null;

  /** Key of the satisfaction survey links; derived from the JWT secret when unset. */
  @IsOptional()
  @IsString()
  @MinLength(16)
  surveySecret: string | null;

  /** Days a satisfaction survey link stays valid (`SIGAP_SURVEY_DAYS`). */
  @IsInt()
  @Min(1)
  @Max(365)
  surveyDays: number;

  /** Public base URL of the console, for links in mail (`SIGAP_PUBLIC_URL`). */
  @IsString()
  @MinLength(8)
  publicUrl: string;

  /** Seconds between outbox worker runs (`SIGAP_OUTBOX_SECONDS`); 0 turns the worker off. */
  @IsInt()
  @Min(0)
  outboxIntervalSeconds: number;

  /** Sending attempts before a retryable failure becomes permanent (`SIGAP_OUTBOX_MAX_ATTEMPTS`). */
  @IsInt()
  @Min(1)
  @Max(100)
  outboxMaxAttempts: number;

  /** Bearer token of `POST /api/v1/inbound/mail`; null answers 503 (`SIGAP_INBOUND_TOKEN`). */
  @IsOptional()
  @IsString()
  @MinLength(16)
  inboundToken: string | null;

  /** Largest raw inbound message, in bytes (`SIGAP_INBOUND_MAX_MB`, default 30). */
  @IsInt()
  @Min(1024)
  inboundMaxBytes: number;

  /** Office of inbound mail whose recipient is no office's mailbox (`SIGAP_DEFAULT_OFFICE`). */
  @IsOptional()
  @IsString()
  defaultOffice: string | null;

  /** IMAP mailboxes polled for inbound mail (`SIGAP_IMAP_MAILBOXES`, JSON); none by default. */
  imapMailboxes: ImapMailboxSettings[];

  /**
   * Seconds an instance's lease on a mailbox lasts (`SIGAP_IMAP_LEASE_SECONDS`): one instance
   * polls each mailbox, renews every third of this, and another takes over within it when the
   * holder stops or dies. Edits to a mailbox reach its holder within a third of it.
   */
  @IsInt()
  @Min(3)
  @Max(600)
  imapLeaseSeconds: number;

  /** Office code -> complaints address (`SIGAP_COMPLAINT_ADDRESSES`: `bali=pengaduan@…,riau=…`). */
  complaintAddresses: Record<string, string>;

  /** Public complaints accepted per client address per hour (`SIGAP_COMPLAINT_IP_LIMIT`). */
  @IsInt()
  @Min(1)
  complaintIpLimit: number;

  /** Public complaints accepted per e-mail address per 24 hours (`SIGAP_COMPLAINT_EMAIL_LIMIT`). */
  @IsInt()
  @Min(1)
  complaintEmailLimit: number;

  /** SP4N-LAPOR! API base URL (`SIGAP_LAPOR_URL`); unset: no forwarding. */
  @IsOptional()
  @IsString()
  laporUrl: string | null;

  /** SP4N-LAPOR! API token (`SIGAP_LAPOR_TOKEN`, a secret: never printed). */
  @IsOptional()
  @IsString()
  @MinLength(8)
  laporToken: string | null;

  /** Use the in-memory LAPOR! stand-in (`SIGAP_LAPOR_FAKE`; never in production). */
  @IsBoolean()
  laporFake: boolean;

  /** Seconds between pulls of forwarded complaints from SP4N-LAPOR! (`SIGAP_LAPOR_PULL_SECONDS`); 0 = off. */
  @IsInt()
  @Min(0)
  @Max(86_400)
  laporPullSeconds: number;

  /**
   * Seconds a stored attachment file that no attachment row names is kept before the cleanup
   * removes it (`SIGAP_ATTACHMENT_ORPHAN_GRACE_SECONDS`): longer than any upload takes to commit.
   */
  @IsInt()
  @Min(60)
  @Max(30 * 86_400)
  attachmentOrphanGraceSeconds: number;

  /** Seconds between cleanups of unreferenced attachment files (`SIGAP_ATTACHMENT_CLEANUP_SECONDS`); 0 = off. */
  @IsInt()
  @Min(0)
  @Max(7 * 86_400)
  attachmentCleanupSeconds: number;

  /** Minutes a portal sign-in link stays valid (`SIGAP_PORTAL_LINK_MINUTES`). */
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  portalLinkMinutes: number;

  /** Hours a portal session lasts (`SIGAP_PORTAL_SESSION_HOURS`). */
  @IsInt()
  @Min(1)
  @Max(30 * 24)
  portalSessionHours: number;

  /** Files one portal contact may upload in 24 hours (`SIGAP_PORTAL_UPLOADS_PER_DAY`). */
  @IsInt()
  @Min(1)
  @Max(100_000)
  portalUploadsPerDay: number;

  /** Bytes one portal contact may upload in 24 hours (`SIGAP_PORTAL_UPLOAD_MB_PER_DAY`). */
  @IsInt()
  @Min(1024 * 1024)
  @Max(1024 * 1024 * 1024 * 1024)
  portalUploadBytesPerDay: number;

  /**
   * Days raw inbound messages and the attachment copies no ticket refers to are kept
   * (`SIGAP_INBOUND_RETENTION_DAYS`); 0 keeps them forever.
   */
  @IsInt()
  @Min(0)
  @Max(36_500)
  inboundRetentionDays: number;

  /** Days a ticket's tracking link keeps working after the ticket is finished (`SIGAP_TRACKING_DAYS`). */
  @IsInt()
  @Min(1)
  @Max(3650)
  trackingDays: number;

  /** Level of the JSON log on stdout (`SIGAP_LOG_LEVEL`); `silent` turns it off. */
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

  /** Bearer token `GET /metrics` requires (`SIGAP_METRICS_TOKEN`); in production it is needed. */
  @IsOptional()
  @IsString()
  @MinLength(16)
  metricsToken: string | null;

  /** Free space the data folder's disk must keep for `/api/health/ready` (`SIGAP_HEALTH_MIN_FREE_MB`). */
  @IsInt()
  @Min(0)
  healthMinFreeMb: number;

  /** Whether an unreachable SMTP server or IMAP mailbox makes the instance not ready. */
  @IsBoolean()
  readyRequiresMail: boolean;

  /** `DATABASE_URL` with the password masked, safe to print. */
  get databaseDescription(): string {
    const db = this.database;
    if (db.type === 'sqlite') return `sqlite:${db.file}`;
    const user = db.username ? `${db.username}${db.password ? ':****' : ''}@` : '';
    const socket = db.socketPath ? `?socket=${db.socketPath}` : '';
    return `mysql://${user}${db.host}:${db.port}/${db.database}${socket}`;
  }

  /** `SIGAP_SMTP_URL` with the password masked, safe to print. */
  get smtpDescription(): string {
    const smtp = this.smtp;
    if (!smtp) return 'tidak ada (pesan disimpan di folder data)';
    const user = smtp.user ? `${smtp.user}${smtp.password ? ':****' : ''}@` : '';
    return `${smtp.secure ? 'smtps' : 'smtp'}://${user}${smtp.host}:${smtp.port}`;
  }

  get isProduction(): boolean {
    return this.nodeEnv === 'production';
  }
}

export interface ConfigContext {
  /** Working directory; relative paths resolve from here. Default `process.cwd()`. */
  cwd?: string;
  /** Folder holding main.js when running the built app. */
  mainDir?: string;
}

type Env = Record<string, string | undefined>;

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on', 'ya'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off', 'tidak'].includes(raw)) return false;
  throw new ConfigError(`${name} harus true atau false, bukan "${env[name]}"`);
}

function int(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw)) throw new ConfigError(`${name} harus bilangan bulat, bukan "${raw}"`);
  return Number(raw);
}

function tlsMode(env: Env, name: string): MailTlsMode {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return 'required';
  if ((MAIL_TLS_MODES as readonly string[]).includes(raw)) return raw as MailTlsMode;
  throw new ConfigError(`${name} harus required atau off, bukan "${env[name]}"`);
}

function optional(env: Env, name: string): string | null {
  const raw = env[name];
  return raw === undefined || raw.trim() === '' ? null : raw;
}

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

/** Parses `smtp://user:pass@host:587` / `smtps://user:pass@host:465`; never echoes the password. */
export function parseSmtpUrl(url: string): SmtpSettings {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError(
      'SIGAP_SMTP_URL tidak valid: harus berbentuk smtp://pengguna:sandi@host:587 atau smtps://…',
    );
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
    throw new ConfigError(
      `SIGAP_SMTP_URL tidak valid: skema "${parsed.protocol.replace(/:$/, '')}" tidak didukung (gunakan smtp:// atau smtps://)`,
    );
  }
  if (!parsed.hostname) throw new ConfigError('SIGAP_SMTP_URL tidak valid: host tidak ada');
  const secure = parsed.protocol === 'smtps:';
  return {
    secure,
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
    user: parsed.username ? decodeURIComponent(parsed.username) : null,
    password: parsed.password ? decodeURIComponent(parsed.password) : null,
  };
}

function defaultMainDir(): string | undefined {
  return require.main?.filename ? dirname(require.main.filename) : undefined;
}

/**
 * Builds and validates the configuration from environment variables. Throws `ConfigError` with
 * a one-line message naming what is wrong.
 */
export function loadConfig(env: Env, context: ConfigContext = {}): AppConfig {
  const cwd = context.cwd ?? process.cwd();
  const mainDir = context.mainDir ?? defaultMainDir();
  const config = new AppConfig();

  const nodeEnv = (env['NODE_ENV'] ?? 'development').trim() || 'development';
  config.nodeEnv = nodeEnv as NodeEnv;
  config.port = int(env, 'PORT', 3000);
  config.dataDir = resolve(cwd, optional(env, 'SIGAP_DATA_DIR') ?? './data');

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

  config.jwtSecret = optional(env, 'SIGAP_JWT_SECRET');
  config.jwtExpiresInSeconds = int(env, 'SIGAP_JWT_EXPIRES_IN', 8 * 3600);
  config.adminEmail = optional(env, 'SIGAP_ADMIN_EMAIL')?.trim().toLowerCase() ?? null;
  config.adminPassword = optional(env, 'SIGAP_ADMIN_PASSWORD');

  const demoRequested =
    env['SIGAP_DEMO'] === undefined ? undefined : bool(env, 'SIGAP_DEMO', false);
  // The demo (the four seed offices with their services and users): on by default only for
  // the embedded database outside production; SIGAP_DEMO=true forces it, SIGAP_DEMO=false turns
  // it off. Without it the seed loads the national calendar only.
  config.demo = demoRequested ?? (!databaseUrl && nodeEnv !== 'production');
  config.demoPassword = optional(env, 'SIGAP_DEMO_PASSWORD') ?? 'sigap-demo';
  // The demo's year of history: on with the demo (outside tests, which build their own data);
  // SIGAP_DEMO_HISTORY=false turns it off. Production never gets it.
  const historyRequested =
    env['SIGAP_DEMO_HISTORY'] === undefined ? undefined : bool(env, 'SIGAP_DEMO_HISTORY', false);
  if (historyRequested && (!config.demo || nodeEnv === 'production')) {
    throw new ConfigError(
      'SIGAP_DEMO_HISTORY=true hanya berlaku dalam mode demo (SIGAP_DEMO) dan tidak di produksi',
    );
  }
  config.demoHistory =
    historyRequested ?? (config.demo && nodeEnv !== 'test' && nodeEnv !== 'production');
  config.demoHistorySeed = int(env, 'SIGAP_DEMO_HISTORY_SEED', 20261207);
  config.loadSeed = bool(env, 'SIGAP_LOAD_SEED', true);

  const seedDir = optional(env, 'SIGAP_SEED_DIR');
  const bundledSeed = mainDir ? resolve(mainDir, 'seed') : null;
  config.seedDir = seedDir
    ? resolve(cwd, seedDir)
    : bundledSeed && existsSync(bundledSeed)
      ? bundledSeed
      : resolve(cwd, 'tools/seed');
  config.consoleDir = resolve(
    cwd,
    optional(env, 'SIGAP_CONSOLE_DIR') ?? 'dist/apps/console/browser',
  );
  config.corsOrigins = (optional(env, 'SIGAP_CORS_ORIGINS') ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);

  config.loginMaxFailures = int(env, 'SIGAP_LOGIN_MAX_FAILURES', 10);
  config.loginFreeFailures = int(env, 'SIGAP_LOGIN_FREE_FAILURES', 3);
  config.loginDelayMs = int(env, 'SIGAP_LOGIN_DELAY_MS', 250);
  config.loginWindowSeconds = int(env, 'SIGAP_LOGIN_WINDOW_SECONDS', 15 * 60);
  config.bcryptCost = int(env, 'SIGAP_BCRYPT_COST', 12);
  config.trustProxy = parseTrustProxy(optional(env, 'SIGAP_TRUST_PROXY'));
  // The API's map is for development; in production only when asked for.
  config.apiDocs = bool(env, 'SIGAP_API_DOCS', nodeEnv !== 'production');
  config.jsonBodyLimit = optional(env, 'SIGAP_JSON_LIMIT') ?? '1mb';
  config.importBodyLimit = optional(env, 'SIGAP_IMPORT_LIMIT') ?? '1mb';
  config.migrateOnStart = bool(env, 'SIGAP_MIGRATE_ON_START', true);
  config.attachmentMaxBytes = int(env, 'SIGAP_ATTACHMENT_MAX_MB', 25) * 1024 * 1024;
  config.reopenWindowDays = int(env, 'SIGAP_REOPEN_DAYS', 7);
  config.firstResponseTime = optional(env, 'SIGAP_FIRST_RESPONSE') ?? '1 Hari';
  config.slaSweepSeconds = int(env, 'SIGAP_SLA_SWEEP_SECONDS', 60);

  const smtpUrl = optional(env, 'SIGAP_SMTP_URL');
  config.smtp = smtpUrl ? parseSmtpUrl(smtpUrl.trim()) : null;
  config.smtpPool = bool(env, 'SIGAP_SMTP_POOL', true);
  config.smtpTlsRejectUnauthorized = bool(env, 'SIGAP_SMTP_TLS_REJECT_UNAUTHORIZED', true);
  config.smtpTls = tlsMode(env, 'SIGAP_SMTP_TLS');
  config.imapTls = tlsMode(env, 'SIGAP_IMAP_TLS');
  if (
    config.smtp &&
    !config.smtp.secure &&
    config.smtpTls === 'off' &&
    nodeEnv === 'production' &&
    !isLoopbackHost(config.smtp.host)
  ) {
    throw new ConfigError(
      `SIGAP_SMTP_TLS=off hanya boleh untuk server SMTP di mesin ini bila NODE_ENV=production (bukan ${config.smtp.host}): gunakan STARTTLS atau smtps://`,
    );
  }
  config.mailFrom =
    optional(env, 'SIGAP_MAIL_FROM')?.trim() ?? '"Sigap" <sigap@localhost.localdomain>';
  const dkimDomain = optional(env, 'SIGAP_DKIM_DOMAIN')?.trim();
  const dkimSelector = optional(env, 'SIGAP_DKIM_SELECTOR')?.trim();
  const dkimKeyFile = optional(env, 'SIGAP_DKIM_PRIVATE_KEY_FILE')?.trim();
  if (dkimDomain || dkimSelector || dkimKeyFile) {
    if (!dkimDomain || !dkimSelector || !dkimKeyFile) {
      throw new ConfigError(
        'SIGAP_DKIM_DOMAIN, SIGAP_DKIM_SELECTOR dan SIGAP_DKIM_PRIVATE_KEY_FILE harus diisi bersama',
      );
    }
    const privateKeyFile = resolve(cwd, dkimKeyFile);
    if (!existsSync(privateKeyFile)) {
      throw new ConfigError(`SIGAP_DKIM_PRIVATE_KEY_FILE tidak ditemukan: ${privateKeyFile}`);
    }
    config.dkim = { domainName: dkimDomain, keySelector: dkimSelector, privateKeyFile };
  } else {
    config.dkim = null;
  }
  config.mailMarkerSecret = optional(env, 'SIGAP_MAIL_MARKER_SECRET');
  config.surveySecret = optional(env, 'SIGAP_SURVEY_SECRET');
  config.surveyDays = int(env, 'SIGAP_SURVEY_DAYS', 14);
  config.publicUrl = (
    optional(env, 'SIGAP_PUBLIC_URL')?.trim() ?? `http://localhost:${config.port}`
  ).replace(/\/+$/, '');
  // Off in tests unless asked for: specs start the worker themselves.
  config.outboxIntervalSeconds = int(env, 'SIGAP_OUTBOX_SECONDS', nodeEnv === 'test' ? 0 : 10);
  config.outboxMaxAttempts = int(env, 'SIGAP_OUTBOX_MAX_ATTEMPTS', 8);
  config.inboundToken = optional(env, 'SIGAP_INBOUND_TOKEN');
  config.inboundMaxBytes = int(env, 'SIGAP_INBOUND_MAX_MB', 30) * 1024 * 1024;
  config.defaultOffice = optional(env, 'SIGAP_DEFAULT_OFFICE')?.trim() ?? null;
  config.logLevel = (optional(env, 'SIGAP_LOG_LEVEL')?.trim().toLowerCase() ??
    (nodeEnv === 'test' ? 'silent' : 'info')) as AppConfig['logLevel'];
  config.metricsToken = optional(env, 'SIGAP_METRICS_TOKEN')?.trim() || null;
  config.healthMinFreeMb = int(env, 'SIGAP_HEALTH_MIN_FREE_MB', 256);
  config.readyRequiresMail = bool(env, 'SIGAP_READY_REQUIRES_MAIL', false);
  try {
    config.imapMailboxes = parseImapMailboxes(optional(env, 'SIGAP_IMAP_MAILBOXES'), env);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  config.imapLeaseSeconds = int(env, 'SIGAP_IMAP_LEASE_SECONDS', 30);
  config.complaintAddresses = parseComplaintAddresses(optional(env, 'SIGAP_COMPLAINT_ADDRESSES'));
  config.complaintIpLimit = int(env, 'SIGAP_COMPLAINT_IP_LIMIT', 10);
  config.complaintEmailLimit = int(env, 'SIGAP_COMPLAINT_EMAIL_LIMIT', 5);
  config.laporUrl = optional(env, 'SIGAP_LAPOR_URL')?.trim().replace(/\/+$/, '') ?? null;
  config.laporToken = optional(env, 'SIGAP_LAPOR_TOKEN');
  config.laporFake = bool(env, 'SIGAP_LAPOR_FAKE', false);
  config.laporPullSeconds = int(env, 'SIGAP_LAPOR_PULL_SECONDS', 900);
  config.attachmentOrphanGraceSeconds = int(env, 'SIGAP_ATTACHMENT_ORPHAN_GRACE_SECONDS', 3600);
  config.attachmentCleanupSeconds = int(env, 'SIGAP_ATTACHMENT_CLEANUP_SECONDS', 3600);
  try {
    config.storage = parseStorageSettings(env);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  config.portalLinkMinutes = int(env, 'SIGAP_PORTAL_LINK_MINUTES', 15);
  config.portalSessionHours = int(env, 'SIGAP_PORTAL_SESSION_HOURS', 8);
  config.trackingDays = int(env, 'SIGAP_TRACKING_DAYS', 90);
  config.portalUploadsPerDay = int(env, 'SIGAP_PORTAL_UPLOADS_PER_DAY', 50);
  config.portalUploadBytesPerDay = int(env, 'SIGAP_PORTAL_UPLOAD_MB_PER_DAY', 250) * 1024 * 1024;
  config.inboundRetentionDays = int(env, 'SIGAP_INBOUND_RETENTION_DAYS', 365);
  if (config.laporFake && nodeEnv === 'production') {
    throw new ConfigError('SIGAP_LAPOR_FAKE tidak boleh dipakai bila NODE_ENV=production');
  }
  if (Boolean(config.laporUrl) !== Boolean(config.laporToken)) {
    throw new ConfigError('SIGAP_LAPOR_URL dan SIGAP_LAPOR_TOKEN harus diisi bersama');
  }

  return validateConfig(config);
}

const TRUST_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * `SIGAP_TRUST_PROXY`: `true`/`false`, a hop count (`1`), or a comma-separated list of the
 * proxies' addresses, CIDRs (`172.16.0.0/12`, `fd00::/8`) and the names Express knows
 * (`loopback`, `linklocal`, `uniquelocal`). Checked here so that a typo stops the start with one
 * line rather than at the first request; the check is by hand (node:net) because Express's own
 * parser is not a dependency of this application.
 */
export function parseTrustProxy(raw: string | null): TrustProxy {
  const value = raw?.trim() ?? '';
  if (value === '') return false;
  const lower = value.toLowerCase();
  // A bare `1` is a hop count (trust the nearest proxy), as Express reads it.
  if (['true', 'yes', 'on', 'ya'].includes(lower)) return true;
  if (['false', 'no', 'off', 'tidak'].includes(lower)) return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 100) {
      throw new ConfigError(
        `SIGAP_TRUST_PROXY tidak valid: ${hops} lompatan proksi terlalu banyak`,
      );
    }
    return hops;
  }
  const entries = value.split(',').map((part) => part.trim());
  for (const entry of entries) {
    if (!validTrustEntry(entry)) {
      throw new ConfigError(
        `SIGAP_TRUST_PROXY tidak valid: "${entry}" bukan alamat, CIDR, atau nama (loopback, linklocal, uniquelocal); contoh: 1, loopback, 172.16.0.0/12`,
      );
    }
  }
  return entries.map((entry) => entry.toLowerCase());
}

function validTrustEntry(entry: string): boolean {
  if (TRUST_NAMES.has(entry.toLowerCase())) return true;
  const slash = entry.indexOf('/');
  const address = slash < 0 ? entry : entry.slice(0, slash);
  const family = isIP(address);
  if (!family) return false;
  if (slash < 0) return true;
  const suffix = entry.slice(slash + 1);
  if (/^\d{1,3}$/.test(suffix)) return Number(suffix) <= (family === 4 ? 32 : 128);
  // An IPv4 netmask (`255.255.0.0`) is accepted too, when its ones are contiguous.
  if (family !== 4 || isIP(suffix) !== 4) return false;
  const bits = suffix
    .split('.')
    .map((octet) => Number(octet).toString(2).padStart(8, '0'))
    .join('');
  return /^1*0*$/.test(bits);
}

/** `bali=pengaduan@diskominfos.baliprov.go.id,riau=…` -> { bali: 'pengaduan@…' } (lower case). */
export function parseComplaintAddresses(raw: string | null): Record<string, string> {
  const result: Record<string, string> = {};
  if (!raw) return result;
  const parts = raw.split(',').map((p) => p.trim());
  for (const part of parts.filter(Boolean)) {
    const match = /^([a-z0-9-]+)=([^\s@=,]+@[^\s@=,]+\.[^\s@=,]+)$/i.exec(part);
    if (!match) {
      throw new ConfigError(
        `SIGAP_COMPLAINT_ADDRESSES tidak valid: "${part}" (bentuk: kantor=alamat@domain)`,
      );
    }
    result[match[1].toLowerCase()] = match[2].toLowerCase();
  }
  return result;
}

const ENV_NAMES: Partial<Record<keyof AppConfig, string>> = {
  complaintIpLimit: 'SIGAP_COMPLAINT_IP_LIMIT',
  complaintEmailLimit: 'SIGAP_COMPLAINT_EMAIL_LIMIT',
  laporUrl: 'SIGAP_LAPOR_URL',
  laporToken: 'SIGAP_LAPOR_TOKEN',
  laporFake: 'SIGAP_LAPOR_FAKE',
  laporPullSeconds: 'SIGAP_LAPOR_PULL_SECONDS',
  attachmentOrphanGraceSeconds: 'SIGAP_ATTACHMENT_ORPHAN_GRACE_SECONDS',
  attachmentCleanupSeconds: 'SIGAP_ATTACHMENT_CLEANUP_SECONDS',
  portalLinkMinutes: 'SIGAP_PORTAL_LINK_MINUTES',
  portalSessionHours: 'SIGAP_PORTAL_SESSION_HOURS',
  trackingDays: 'SIGAP_TRACKING_DAYS',
  portalUploadsPerDay: 'SIGAP_PORTAL_UPLOADS_PER_DAY',
  portalUploadBytesPerDay: 'SIGAP_PORTAL_UPLOAD_MB_PER_DAY',
  inboundRetentionDays: 'SIGAP_INBOUND_RETENTION_DAYS',
  nodeEnv: 'NODE_ENV',
  port: 'PORT',
  dataDir: 'SIGAP_DATA_DIR',
  jwtSecret: 'SIGAP_JWT_SECRET',
  jwtExpiresInSeconds: 'SIGAP_JWT_EXPIRES_IN',
  adminEmail: 'SIGAP_ADMIN_EMAIL',
  adminPassword: 'SIGAP_ADMIN_PASSWORD',
  demoPassword: 'SIGAP_DEMO_PASSWORD',
  demoHistory: 'SIGAP_DEMO_HISTORY',
  demoHistorySeed: 'SIGAP_DEMO_HISTORY_SEED',
  seedDir: 'SIGAP_SEED_DIR',
  consoleDir: 'SIGAP_CONSOLE_DIR',
  corsOrigins: 'SIGAP_CORS_ORIGINS',
  loginMaxFailures: 'SIGAP_LOGIN_MAX_FAILURES',
  loginFreeFailures: 'SIGAP_LOGIN_FREE_FAILURES',
  loginDelayMs: 'SIGAP_LOGIN_DELAY_MS',
  loginWindowSeconds: 'SIGAP_LOGIN_WINDOW_SECONDS',
  attachmentMaxBytes: 'SIGAP_ATTACHMENT_MAX_MB',
  reopenWindowDays: 'SIGAP_REOPEN_DAYS',
  firstResponseTime: 'SIGAP_FIRST_RESPONSE',
  slaSweepSeconds: 'SIGAP_SLA_SWEEP_SECONDS',
  smtpPool: 'SIGAP_SMTP_POOL',
  smtpTlsRejectUnauthorized: 'SIGAP_SMTP_TLS_REJECT_UNAUTHORIZED',
  smtpTls: 'SIGAP_SMTP_TLS',
  imapTls: 'SIGAP_IMAP_TLS',
  imapLeaseSeconds: 'SIGAP_IMAP_LEASE_SECONDS',
  mailFrom: 'SIGAP_MAIL_FROM',
  mailMarkerSecret: 'SIGAP_MAIL_MARKER_SECRET',
  surveySecret: 'SIGAP_SURVEY_SECRET',
  surveyDays: 'SIGAP_SURVEY_DAYS',
  publicUrl: 'SIGAP_PUBLIC_URL',
  outboxIntervalSeconds: 'SIGAP_OUTBOX_SECONDS',
  outboxMaxAttempts: 'SIGAP_OUTBOX_MAX_ATTEMPTS',
  inboundToken: 'SIGAP_INBOUND_TOKEN',
  inboundMaxBytes: 'SIGAP_INBOUND_MAX_MB',
  defaultOffice: 'SIGAP_DEFAULT_OFFICE',
  logLevel: 'SIGAP_LOG_LEVEL',
  metricsToken: 'SIGAP_METRICS_TOKEN',
  healthMinFreeMb: 'SIGAP_HEALTH_MIN_FREE_MB',
  readyRequiresMail: 'SIGAP_READY_REQUIRES_MAIL',
  apiDocs: 'SIGAP_API_DOCS',
  bcryptCost: 'SIGAP_BCRYPT_COST',
};

/** Validates a config object (also used by tests that build one by hand). */
export function validateConfig(config: AppConfig): AppConfig {
  const errors = validateSync(config, { skipMissingProperties: false });
  const problems = errors.map((error) => {
    const name = ENV_NAMES[error.property as keyof AppConfig] ?? error.property;
    const secret = /SECRET|PASSWORD|TOKEN/.test(name);
    const value = secret ? '' : ` (nilai: "${String(error.value)}")`;
    return `${name} tidak valid${value}: ${Object.values(error.constraints ?? {}).join('; ')}`;
  });
  if (config.isProduction && !config.jwtSecret) {
    problems.push('SIGAP_JWT_SECRET wajib diisi bila NODE_ENV=production');
  }
  for (const [name, password] of [
    ['SIGAP_ADMIN_PASSWORD', config.adminPassword],
    ['SIGAP_DEMO_PASSWORD', config.demoPassword],
  ] as const) {
    if (password && Buffer.byteLength(password, 'utf8') > 72) {
      problems.push(`${name} tidak valid: kata sandi paling panjang 72 byte (UTF-8)`);
    }
  }
  if (Boolean(config.adminEmail) !== Boolean(config.adminPassword)) {
    problems.push('SIGAP_ADMIN_EMAIL dan SIGAP_ADMIN_PASSWORD harus diisi bersama');
  }
  if (problems.length) throw new ConfigError(problems.join('; '));
  return config;
}

/** Reads the process environment: the one place in the application that does. */
export function loadConfigFromProcess(): AppConfig {
  return loadConfig(process.env);
}
