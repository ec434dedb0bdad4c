import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { SendMailOptions } from 'nodemailer';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { loadConfig } from '@sigap/api-config';
import { classifySmtpError, createMailSender, keptMailDir } from './mail-transport';

interface Received {
  raw: string;
  connections: number;
}

/** An in-process SMTP server on a random (or given) port that collects what it receives. */
async function startSmtp(port = 0, options: Partial<SMTPServerOptions> = {}) {
  const received: string[] = [];
  let connections = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push(Buffer.concat(chunks).toString('utf8'));
        callback();
      });
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.server.address() as AddressInfo;
  return {
    port: address.port,
    received,
    stats: (): Received => ({ raw: received[received.length - 1], connections }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port nobody listens on. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

const MESSAGE: SendMailOptions = {
  from: '"Sigap Diskominfo" <helpdesk@example.go.id>',
  to: ['ayu@dinkes.example.go.id'],
  replyTo: 'layanan@example.go.id',
  subject: '[#BALI-2026-000042] Permohonan diterima: Aplikasi kepegawaian — ujicoba ümlaut',
  text: 'Yth. Ibu Ayu,\n\n[ref:BALI-2026-000042:0123abcd]',
  html: '<p>Yth. Ibu Ayu,</p><span style="display:none">[ref:BALI-2026-000042:0123abcd]</span>',
  messageId: '<sigap.BALI-2026-000042.a0.abcd1234@example.go.id>',
  inReplyTo: '<first@gmail.com>',
  references: ['<first@gmail.com>'],
  headers: { 'Auto-Submitted': 'auto-generated', 'X-Loop': 'sigap' },
};

describe('mail transport over real SMTP', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'sigap-smtp-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  // The test servers speak plain text: TLS is switched off explicitly, as for any local server.
  const configFor = (port: number, env: Record<string, string> = {}) =>
    loadConfig({
      SIGAP_DATA_DIR: dir,
      SIGAP_SMTP_URL: `smtp://127.0.0.1:${port}`,
      SIGAP_SMTP_TLS: 'off',
      ...env,
    });

  it('delivers both parts with the threading headers, a UTF-8 subject and a DKIM signature', async () => {
    const smtp = await startSmtp();
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const keyFile = join(dir, 'dkim.pem');
    writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const sender = createMailSender(
      configFor(smtp.port, {
        SIGAP_DKIM_DOMAIN: 'example.go.id',
        SIGAP_DKIM_SELECTOR: 'sigap2026',
        SIGAP_DKIM_PRIVATE_KEY_FILE: keyFile,
      }),
    );
    try {
      expect(sender.mode).toBe('smtp');
      const result = await sender.send(MESSAGE);
      expect(result.messageId).toBe(MESSAGE.messageId as string);
      const { raw } = smtp.stats();
      expect(raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/im);
      expect(raw).toMatch(
        /^DKIM-Signature: v=1; a=rsa-sha256; c=relaxed\/relaxed;\s+d=example\.go\.id;\s+q=dns\/txt; s=sigap2026;/m,
      );
      const parsed = await simpleParser(raw);
      expect(parsed.subject).toBe(MESSAGE.subject as string);
      expect(parsed.messageId).toBe(MESSAGE.messageId as string);
      expect(parsed.inReplyTo).toBe('<first@gmail.com>');
      expect(parsed.references).toBe('<first@gmail.com>');
      expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
      expect(parsed.headers.get('x-loop')).toBe('sigap');
      expect(parsed.replyTo?.value[0].address).toBe('layanan@example.go.id');
      expect(parsed.text).toContain('[ref:BALI-2026-000042:0123abcd]');
      expect(parsed.html).toContain('[ref:BALI-2026-000042:0123abcd]');
    } finally {
      sender.close();
      await smtp.close();
    }
  });

  it('reuses one connection when pooled and opens one per message when not', async () => {
    for (const [pool, expected] of [
      ['true', 1],
      ['false', 3],
    ] as const) {
      const smtp = await startSmtp();
      const sender = createMailSender(configFor(smtp.port, { SIGAP_SMTP_POOL: pool }));
      try {
        for (let i = 0; i < 3; i++)
          await sender.send({ ...MESSAGE, messageId: `<m${i}@example.go.id>` });
        expect(smtp.received.length).toBe(3);
        expect(smtp.stats().connections).withContext(`pool=${pool}`).toBe(expected);
      } finally {
        sender.close();
        await smtp.close();
      }
    }
  });

  it('fails retryably while the server is down, and delivers once it is back', async () => {
    const port = await freePort();
    const sender = createMailSender(configFor(port, { SIGAP_SMTP_POOL: 'false' }));
    try {
      const error = await sender.send(MESSAGE).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).not.toBeNull();
      expect(classifySmtpError(error).kind).toBe('retryable');
      expect(classifySmtpError(error).reason).toMatch(/ECONNECTION|ECONNREFUSED/);
      const smtp = await startSmtp(port);
      try {
        await sender.send(MESSAGE);
        expect(smtp.received.length).toBe(1);
      } finally {
        await smtp.close();
      }
    } finally {
      sender.close();
    }
  });

  it('classifies 5xx replies as permanent and 4xx as retryable', async () => {
    const smtp = await startSmtp(0, {
      onRcptTo(address, _session, callback) {
        const error = Object.assign(new Error('ditolak'), {
          responseCode: address.address.startsWith('penuh') ? 452 : 550,
        });
        callback(error);
      },
    });
    const sender = createMailSender(configFor(smtp.port, { SIGAP_SMTP_POOL: 'false' }));
    const failure = (to: string) =>
      sender.send({ ...MESSAGE, to: [to] }).then(
        () => null,
        (e: unknown) => e,
      );
    try {
      const hard = classifySmtpError(await failure('tidak-ada@example.go.id'));
      expect(hard.kind).toBe('permanent');
      expect(hard.reason).toContain('550');
      expect(classifySmtpError(await failure('penuh@example.go.id')).kind).toBe('retryable');
    } finally {
      sender.close();
      await smtp.close();
    }
  });

  describe('STARTTLS', () => {
    /** A server with AUTH; `auths` counts the AUTH commands it was sent. */
    const startAuthSmtp = async (options: Partial<SMTPServerOptions>) => {
      const auths: string[] = [];
      const smtp = await startSmtp(0, {
        authOptional: false,
        allowInsecureAuth: true,
        onAuth(auth, session, callback) {
          auths.push(`${auth.username}:${auth.password}:${session.secure ? 'tls' : 'plain'}`);
          callback(null, { user: auth.username });
        },
        ...options,
      });
      return { smtp, auths };
    };
    const url = (port: number) => `smtp://helpdesk:rahasia-smtp@127.0.0.1:${port}`;

    it('is required by default: a server without STARTTLS never sees AUTH or the message', async () => {
      const { smtp, auths } = await startAuthSmtp({ disabledCommands: ['STARTTLS'] });
      const sender = createMailSender(
        loadConfig({
          SIGAP_DATA_DIR: dir,
          SIGAP_SMTP_URL: url(smtp.port),
          SIGAP_SMTP_POOL: 'false',
        }),
      );
      try {
        const error = await sender.send(MESSAGE).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).not.toBeNull();
        expect(String((error as Error).message)).toMatch(/STARTTLS/i);
        // Retried later: it is the server's set-up (or an attack), not the message, that fails.
        expect(classifySmtpError(error).kind).toBe('retryable');
        expect(auths).toEqual([]);
        expect(smtp.received).toEqual([]);
      } finally {
        sender.close();
        await smtp.close();
      }
    });

    it('upgrades with STARTTLS before AUTH when the server offers it', async () => {
      const { smtp, auths } = await startAuthSmtp({ disabledCommands: [] });
      const sender = createMailSender(
        loadConfig({
          SIGAP_DATA_DIR: dir,
          SIGAP_SMTP_URL: url(smtp.port),
          SIGAP_SMTP_POOL: 'false',
          // smtp-server's built-in certificate is self-signed.
          SIGAP_SMTP_TLS_REJECT_UNAUTHORIZED: 'false',
        }),
      );
      try {
        await sender.send(MESSAGE);
        expect(auths).toEqual(['helpdesk:rahasia-smtp:tls']);
        expect(smtp.received.length).toBe(1);
      } finally {
        sender.close();
        await smtp.close();
      }
    });

    it('speaks plain text only when switched off explicitly (a local test server)', async () => {
      const { smtp, auths } = await startAuthSmtp({ disabledCommands: ['STARTTLS'] });
      const sender = createMailSender(
        configFor(smtp.port, { SIGAP_SMTP_URL: url(smtp.port), SIGAP_SMTP_POOL: 'false' }),
      );
      try {
        await sender.send(MESSAGE);
        expect(auths).toEqual(['helpdesk:rahasia-smtp:plain']);
        expect(smtp.received.length).toBe(1);
      } finally {
        sender.close();
        await smtp.close();
      }
    });

    it('refuses plain text to another machine in production, and unknown modes', () => {
      const production = {
        NODE_ENV: 'production',
        SIGAP_JWT_SECRET: 'rahasia-produksi-0123456789-0123456789',
        SIGAP_DATA_DIR: dir,
        SIGAP_SMTP_TLS: 'off',
      };
      expect(() =>
        loadConfig({ ...production, SIGAP_SMTP_URL: 'smtp://u:sandi-smtp@mail.example.go.id:587' }),
      ).toThrowError(/SIGAP_SMTP_TLS=off hanya boleh untuk server SMTP di mesin ini/);
      expect(() =>
        loadConfig({ ...production, SIGAP_SMTP_URL: 'smtp://127.0.0.1:25' }),
      ).not.toThrow();
      expect(() => loadConfig({ SIGAP_DATA_DIR: dir, SIGAP_SMTP_TLS: 'kadang' })).toThrowError(
        'SIGAP_SMTP_TLS harus required atau off, bukan "kadang"',
      );
      expect(() => loadConfig({ SIGAP_DATA_DIR: dir, SIGAP_IMAP_TLS: 'tidak' })).toThrowError(
        /SIGAP_IMAP_TLS harus required atau off/,
      );
      expect(loadConfig({ SIGAP_DATA_DIR: dir }).smtpTls).toBe('required');
      expect(loadConfig({ SIGAP_DATA_DIR: dir }).imapTls).toBe('required');
    });
  });

  it('keeps messages as .eml files when no SMTP server is configured', async () => {
    const config = loadConfig({ SIGAP_DATA_DIR: dir });
    const sender = createMailSender(config);
    await sender.send(MESSAGE);
    const files = readdirSync(keptMailDir(config));
    expect(files).toEqual(['sigap.BALI-2026-000042.a0.abcd1234@example.go.id.eml']);
    const parsed = await simpleParser(readFileSync(join(keptMailDir(config), files[0])));
    expect(parsed.subject).toBe(MESSAGE.subject as string);
    sender.close();
  });
});

describe('classifySmtpError', () => {
  it('sorts codes and replies', () => {
    expect(classifySmtpError({ code: 'ECONNECTION', message: 'connect ECONNREFUSED' }).kind).toBe(
      'retryable',
    );
    expect(classifySmtpError({ code: 'ETIMEDOUT' }).kind).toBe('retryable');
    expect(classifySmtpError({ code: 'EENVELOPE', responseCode: 421 }).kind).toBe('retryable');
    expect(classifySmtpError({ code: 'EENVELOPE', responseCode: 550 }).kind).toBe('permanent');
    expect(classifySmtpError({ code: 'EMESSAGE', responseCode: 554 }).kind).toBe('permanent');
    expect(classifySmtpError({ code: 'EENVELOPE' }).kind).toBe('permanent');
    expect(classifySmtpError({ code: 'EAUTH', responseCode: 535 }).kind).toBe('retryable');
    expect(classifySmtpError(new Error('aneh')).kind).toBe('retryable');
    expect(
      classifySmtpError({ code: 'EENVELOPE', responseCode: 550, message: '550 a\nb' }).reason,
    ).toBe('EENVELOPE 550 550 a');
  });
});
