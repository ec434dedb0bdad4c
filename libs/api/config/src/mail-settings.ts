// Mail settings: the outgoing server and its signing, the outbox worker, and inbound mail (the
// receiving endpoint and the IMAP mailboxes).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AppConfig } from './app-config';
import { ConfigError, bool, int, optional, tlsMode, type Env } from './env-values';
import { parseImapMailboxes } from './imap-settings';
import { isLoopbackHost } from './mail-tls-policy';

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

/** Fills the outgoing mail settings: server, TLS policy, sender and DKIM. */
export function applyOutgoingMailSettings(config: AppConfig, env: Env, cwd: string): void {
  const nodeEnv = config.nodeEnv;
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
}

/** Fills the outbox worker and inbound mail settings (endpoint, default office, IMAP mailboxes). */
export function applyInboundMailSettings(config: AppConfig, env: Env): void {
  const nodeEnv = config.nodeEnv;
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
  config.imapLeaseSeconds = int(env, 'SIGAP_IMAP_LEASE_SECONDS', 30);
  config.inboundRetentionDays = int(env, 'SIGAP_INBOUND_RETENTION_DAYS', 365);
}
