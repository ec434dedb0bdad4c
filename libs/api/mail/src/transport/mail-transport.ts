/**
 * Where built messages go: nodemailer over SMTP when `SIGAP_SMTP_URL` is set, otherwise a "keep"
 * transport that writes each message as an `.eml` file under `<data dir>/mail/kept/`, so nothing
 * is lost before a mail server is configured.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTransport, type SendMailOptions, type Transporter } from 'nodemailer';
import type { AppConfig } from '@sigap/api-config';
import { plainTextAllowed } from '@sigap/api-config';

export interface SendResult {
  messageId: string;
  /** SMTP server reply, or the file the message was kept in. */
  response: string;
}

export interface MailSender {
  readonly mode: 'smtp' | 'keep';
  send(message: SendMailOptions): Promise<SendResult>;
  close(): void;
}

/** Whether a failed send is worth retrying. */
export type SmtpErrorClass = 'retryable' | 'permanent';

export interface SmtpErrorClassification {
  kind: SmtpErrorClass;
  /** One line for the outbox row and the log (never the message body or credentials). */
  reason: string;
}

const NETWORK_CODES = new Set([
  'ECONNECTION',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ETLS',
  'EPROXY',
]);

/**
 * Sorts a send failure: SMTP 4xx and network trouble (refused, reset, timeout, DNS) are
 * retryable; SMTP 5xx and a message nodemailer cannot build are permanent. An authentication
 * failure is retryable even with a 5xx reply: it is the server set-up that is wrong, not this
 * message, and it should go out once an admin fixes the credentials. So is a failed or missing
 * STARTTLS (`ETLS`, whatever the reply code): the server's set-up, or someone stripping TLS on
 * the way, not the message.
 */
export function classifySmtpError(error: unknown): SmtpErrorClassification {
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    responseCode?: unknown;
    message?: unknown;
  };
  const code = typeof e.code === 'string' ? e.code : '';
  const status = typeof e.responseCode === 'number' ? e.responseCode : null;
  const message = (typeof e.message === 'string' ? e.message : String(error)).split('\n')[0];
  const reason = [code, status, message].filter((part) => part !== '' && part !== null).join(' ');

  if (code === 'EAUTH' || code === 'ENOAUTH' || code === 'ETLS')
    return { kind: 'retryable', reason };
  if (status !== null && status >= 400 && status < 500) return { kind: 'retryable', reason };
  if (status !== null && status >= 500 && status < 600) return { kind: 'permanent', reason };
  if (NETWORK_CODES.has(code)) return { kind: 'retryable', reason };
  if (code === 'EENVELOPE' || code === 'EMESSAGE' || code === 'EMAXRECIPIENTS') {
    return { kind: 'permanent', reason };
  }
  // Unknown trouble: retry; the worker gives up after its attempt limit anyway.
  return { kind: 'retryable', reason };
}

class SmtpSender implements MailSender {
  readonly mode = 'smtp' as const;
  constructor(private readonly transporter: Transporter) {}

  async send(message: SendMailOptions): Promise<SendResult> {
    const info = await this.transporter.sendMail(message);
    return { messageId: String(info.messageId), response: String(info.response ?? '') };
  }

  close(): void {
    this.transporter.close();
  }
}

class KeepSender implements MailSender {
  readonly mode = 'keep' as const;
  private readonly transporter = createTransport({ streamTransport: true, buffer: true });

  constructor(readonly dir: string) {}

  async send(message: SendMailOptions): Promise<SendResult> {
    const info = await this.transporter.sendMail(message);
    mkdirSync(this.dir, { recursive: true });
    const id = String(info.messageId).replace(/[<>]/g, '');
    const file = join(this.dir, `${id.replace(/[^A-Za-z0-9._@-]/g, '_')}.eml`);
    // Written whole under another name, then renamed: a reader of the folder never sees half a
    // message.
    writeFileSync(`${file}.part`, info.message as Buffer);
    renameSync(`${file}.part`, file);
    return { messageId: String(info.messageId), response: `disimpan di ${file}` };
  }

  close(): void {
    this.transporter.close();
  }
}

/** Folder the keep transport writes to. */
export function keptMailDir(config: AppConfig): string {
  return join(config.dataDir, 'mail', 'kept');
}

/** Builds the sender the configuration asks for. */
export function createMailSender(config: AppConfig): MailSender {
  const smtp = config.smtp;
  if (!smtp) return new KeepSender(keptMailDir(config));
  const dkim = config.dkim
    ? {
        domainName: config.dkim.domainName,
        keySelector: config.dkim.keySelector,
        privateKey: readFileSync(config.dkim.privateKeyFile, 'utf8'),
      }
    : undefined;
  // Without implicit TLS, STARTTLS is demanded before AUTH or any message is sent: a server (or
  // a man in the middle) that does not offer it ends the attempt (see `config/mail-tls-policy`).
  // Only the explicit `SIGAP_SMTP_TLS=off` for a local test server speaks plain text, never
  // upgrading.
  const plain = !smtp.secure && plainTextAllowed(config.smtpTls, smtp.host, config.isProduction);
  const transporter = createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.secure ? {} : plain ? { ignoreTLS: true } : { requireTLS: true }),
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
    pool: config.smtpPool,
    tls: { rejectUnauthorized: config.smtpTlsRejectUnauthorized },
    ...(dkim ? { dkim } : {}),
    // Fail fast so the worker can retry later instead of hanging on a dead server.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  return new SmtpSender(transporter);
}
