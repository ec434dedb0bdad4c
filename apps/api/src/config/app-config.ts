import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseImapMailboxes, type ImapMailboxSettings } from '../mail/imap/imap-settings';
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

  /** Parsed `DATABASE_URL`; SQLite under the data dir when unset. */
  database: DatabaseSettings;

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

  /** Express `trust proxy` setting, so the rate limiter sees the client's address. */
  @IsBoolean()
  trustProxy: boolean;

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

  /** Days a ticket's tracking link keeps working after the ticket is finished (`SIGAP_TRACKING_DAYS`). */
  @IsInt()
  @Min(1)
  @Max(3650)
  trackingDays: number;

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
  config.trustProxy = bool(env, 'SIGAP_TRUST_PROXY', false);
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
  try {
    config.imapMailboxes = parseImapMailboxes(optional(env, 'SIGAP_IMAP_MAILBOXES'), env);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  config.complaintAddresses = parseComplaintAddresses(optional(env, 'SIGAP_COMPLAINT_ADDRESSES'));
  config.complaintIpLimit = int(env, 'SIGAP_COMPLAINT_IP_LIMIT', 10);
  config.complaintEmailLimit = int(env, 'SIGAP_COMPLAINT_EMAIL_LIMIT', 5);
  config.laporUrl = optional(env, 'SIGAP_LAPOR_URL')?.trim().replace(/\/+$/, '') ?? null;
  config.laporToken = optional(env, 'SIGAP_LAPOR_TOKEN');
  config.laporFake = bool(env, 'SIGAP_LAPOR_FAKE', false);
  config.laporPullSeconds = int(env, 'SIGAP_LAPOR_PULL_SECONDS', 900);
  config.attachmentOrphanGraceSeconds = int(env, 'SIGAP_ATTACHMENT_ORPHAN_GRACE_SECONDS', 3600);
  config.attachmentCleanupSeconds = int(env, 'SIGAP_ATTACHMENT_CLEANUP_SECONDS', 3600);
  config.portalLinkMinutes = int(env, 'SIGAP_PORTAL_LINK_MINUTES', 15);
  config.portalSessionHours = int(env, 'SIGAP_PORTAL_SESSION_HOURS', 8);
  config.trackingDays = int(env, 'SIGAP_TRACKING_DAYS', 90);
  if (config.laporFake && nodeEnv === 'production') {
    throw new ConfigError('SIGAP_LAPOR_FAKE tidak boleh dipakai bila NODE_ENV=production');
  }
  if (Boolean(config.laporUrl) !== Boolean(config.laporToken)) {
    throw new ConfigError('SIGAP_LAPOR_URL dan SIGAP_LAPOR_TOKEN harus diisi bersama');
  }

  return validateConfig(config);
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
  nodeEnv: 'NODE_ENV',
  port: 'PORT',
  dataDir: 'SIGAP_DATA_DIR',
  jwtSecret: 'SIGAP_JWT_SECRET',
  jwtExpiresInSeconds: 'SIGAP_JWT_EXPIRES_IN',
  adminEmail: 'SIGAP_ADMIN_EMAIL',
  adminPassword: 'SIGAP_ADMIN_PASSWORD',
  demoPassword: 'SIGAP_DEMO_PASSWORD',
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
