import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
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
import { applyComplaintSettings } from './complaint-settings';
import { applyDatabaseSettings, type DatabaseSettings } from './database-settings';
import { ConfigError, bool, int, optional, type Env } from './env-values';
import type { ImapMailboxSettings } from './imap-settings';
import {
  applyInboundMailSettings,
  applyOutgoingMailSettings,
  type DkimSettings,
  type SmtpSettings,
} from './mail-settings';
import { MAIL_TLS_MODES, type MailTlsMode } from './mail-tls-policy';
import { applySecuritySettings } from './security-settings';
import { parseSsoSettings, type SsoSettings } from './sso-settings';
import { parseStorageSettings, type StorageSettings } from './storage-settings';
import { SETTING_ENV_NAMES } from './setting-names';

export type NodeEnv = 'development' | 'production' | 'test';

/** What Express's `trust proxy` takes: all or nothing, a hop count, or proxy addresses/CIDRs. */
export type TrustProxy = boolean | number | string[];

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

  /** Sign-in methods: local passwords, OpenID Connect, LDAP (`SIGAP_LOCAL_LOGIN`, `SIGAP_OIDC_*`, `SIGAP_LDAP_*`). */
  sso: SsoSettings;

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

  /**
   * Hosts webhooks may reach in production although they resolve to a private, loopback or
   * link-local address (`SIGAP_WEBHOOK_ALLOWED_HOSTS`, comma-separated, lower case).
   */
  @IsString({ each: true })
  webhookAllowedHosts: string[];

  /** How long a webhook receiver has to answer, in ms (`SIGAP_WEBHOOK_TIMEOUT_SECONDS`). */
  @IsInt()
  @Min(100)
  @Max(120_000)
  webhookTimeoutMs: number;

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

  const serverDatabase = applyDatabaseSettings(config, env);
  applySecuritySettings(config, env);
  applyDemoAndSeedSettings(config, env, serverDatabase, cwd, mainDir);
  applyHttpSettings(config, env);
  applyTicketSettings(config, env);
  applyOutgoingMailSettings(config, env, cwd);
  applyInboundMailSettings(config, env);
  applyComplaintSettings(config, env);
  applyPortalSettings(config, env);
  applyOperationsSettings(config, env);
  config.sso = parseSsoSettings(env, config.isProduction);

  return validateConfig(config);
}

/** The demo offices, their year of history, and where the seed and the console's files are. */
function applyDemoAndSeedSettings(
  config: AppConfig,
  env: Env,
  serverDatabase: boolean,
  cwd: string,
  mainDir: string | undefined,
): void {
  const nodeEnv = config.nodeEnv;
  const demoRequested =
    env['SIGAP_DEMO'] === undefined ? undefined : bool(env, 'SIGAP_DEMO', false);
  // The demo (the four seed offices with their services and users): on by default only for
  // the embedded database outside production; SIGAP_DEMO=true forces it, SIGAP_DEMO=false turns
  // it off. Without it the seed loads the national calendar only.
  config.demo = demoRequested ?? (!serverDatabase && nodeEnv !== 'production');
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
}

/** What the HTTP server accepts: origins, the API's map, body sizes, and the public address. */
function applyHttpSettings(config: AppConfig, env: Env): void {
  config.corsOrigins = (optional(env, 'SIGAP_CORS_ORIGINS') ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  // The API's map is for development; in production only when asked for.
  config.apiDocs = bool(env, 'SIGAP_API_DOCS', config.nodeEnv !== 'production');
  config.jsonBodyLimit = optional(env, 'SIGAP_JSON_LIMIT') ?? '1mb';
  config.importBodyLimit = optional(env, 'SIGAP_IMPORT_LIMIT') ?? '1mb';
  config.migrateOnStart = bool(env, 'SIGAP_MIGRATE_ON_START', true);
  config.publicUrl = (
    optional(env, 'SIGAP_PUBLIC_URL')?.trim() ?? `http://localhost:${config.port}`
  ).replace(/\/+$/, '');
}

/** Tickets, their attachments, the service standard, the SLA sweep and the survey. */
function applyTicketSettings(config: AppConfig, env: Env): void {
  config.attachmentMaxBytes = int(env, 'SIGAP_ATTACHMENT_MAX_MB', 25) * 1024 * 1024;
  config.attachmentOrphanGraceSeconds = int(env, 'SIGAP_ATTACHMENT_ORPHAN_GRACE_SECONDS', 3600);
  config.attachmentCleanupSeconds = int(env, 'SIGAP_ATTACHMENT_CLEANUP_SECONDS', 3600);
  try {
    config.storage = parseStorageSettings(env);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  config.reopenWindowDays = int(env, 'SIGAP_REOPEN_DAYS', 7);
  config.firstResponseTime = optional(env, 'SIGAP_FIRST_RESPONSE') ?? '1 Hari';
  config.slaSweepSeconds = int(env, 'SIGAP_SLA_SWEEP_SECONDS', 60);
  config.surveySecret = optional(env, 'SIGAP_SURVEY_SECRET');
  config.surveyDays = int(env, 'SIGAP_SURVEY_DAYS', 14);
  config.trackingDays = int(env, 'SIGAP_TRACKING_DAYS', 90);
}

/** The requester portal: sign-in links, sessions and upload allowances. */
function applyPortalSettings(config: AppConfig, env: Env): void {
  config.portalLinkMinutes = int(env, 'SIGAP_PORTAL_LINK_MINUTES', 15);
  config.portalSessionHours = int(env, 'SIGAP_PORTAL_SESSION_HOURS', 8);
  config.portalUploadsPerDay = int(env, 'SIGAP_PORTAL_UPLOADS_PER_DAY', 50);
  config.portalUploadBytesPerDay = int(env, 'SIGAP_PORTAL_UPLOAD_MB_PER_DAY', 250) * 1024 * 1024;
}

/** Logging and the health checks. */
function applyOperationsSettings(config: AppConfig, env: Env): void {
  config.logLevel = (optional(env, 'SIGAP_LOG_LEVEL')?.trim().toLowerCase() ??
    (config.nodeEnv === 'test' ? 'silent' : 'info')) as AppConfig['logLevel'];
  config.healthMinFreeMb = int(env, 'SIGAP_HEALTH_MIN_FREE_MB', 256);
  config.readyRequiresMail = bool(env, 'SIGAP_READY_REQUIRES_MAIL', false);
  config.webhookAllowedHosts = (optional(env, 'SIGAP_WEBHOOK_ALLOWED_HOSTS') ?? '')
    .split(',')
    .map((host) =>
      host
        .trim()
        .toLowerCase()
        .replace(/^\[|\]$/g, ''),
    )
    .filter(Boolean);
  config.webhookTimeoutMs = Math.round(
    Number(optional(env, 'SIGAP_WEBHOOK_TIMEOUT_SECONDS') ?? '10') * 1000,
  );
}

/** Validates a config object (also used by tests that build one by hand). */
export function validateConfig(config: AppConfig): AppConfig {
  const errors = validateSync(config, { skipMissingProperties: false });
  const problems = errors.map((error) => {
    const name = SETTING_ENV_NAMES[error.property as keyof AppConfig] ?? error.property;
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
