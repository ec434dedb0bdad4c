import { createServer } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import {
  createTestDatabase,
  startTestApp,
  type DbKind,
  type TestApp,
  type TestDatabase,
} from '../../../testing/test-app';

export interface Received {
  to: string[];
  mail: ParsedMail;
}

/** An in-process SMTP server keeping every message it receives, parsed. */
export class RecordingSmtp {
  readonly messages: Received[] = [];
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        simpleParser(Buffer.concat(chunks)).then(
          (mail) => {
            this.messages.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });

  listen(port: number): Promise<void> {
    return new Promise((resolve) => this.server.listen(port, '127.0.0.1', resolve));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(resolve));
  }

  byMessageId(id: string | null | undefined): Received | undefined {
    return this.messages.find((m) => m.mail.messageId === id);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** Settings pointing the API's mail delivery at a local test SMTP server on `port`. */
export function smtpTestEnv(port: number): Record<string, string> {
  return {
    SIGAP_SMTP_URL: `smtp://127.0.0.1:${port}`,
    // A local test server without TLS: plain text is allowed only when switched off explicitly.
    SIGAP_SMTP_TLS: 'off',
    SIGAP_SMTP_POOL: 'false',
    SIGAP_MAIL_FROM: '"Sigap" <helpdesk@sigap.example.go.id>',
  };
}

/** Starts a recording server on a free port; `env` gives the API settings that use it. */
export async function startRecordingSmtp(): Promise<{
  smtp: RecordingSmtp;
  env: Record<string, string>;
}> {
  const port = await freePort();
  const smtp = new RecordingSmtp();
  await smtp.listen(port);
  return { smtp, env: smtpTestEnv(port) };
}

/** A running API whose mail goes to a recording server. */
export interface AppWithRecordingSmtp {
  app: TestApp;
  smtp: RecordingSmtp;
}

/**
 * Registers, in the calling `describe`, the start of a recording server and of one API on a
 * fresh database of the given kind sending to it (extra settings in `env`), and their shutdown.
 * The returned object is filled once the suite's first `beforeAll` has run.
 */
export function appWithRecordingSmtp(
  kind: DbKind,
  env: Record<string, string> = {},
): AppWithRecordingSmtp {
  const ctx = {} as AppWithRecordingSmtp;
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    const recording = await startRecordingSmtp();
    ctx.smtp = recording.smtp;
    db = await createTestDatabase(kind);
    ctx.app = await startTestApp(db, { ...recording.env, ...env });
  }, 60_000);
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.smtp?.close();
    await db?.drop();
  }, 30_000);
  return ctx;
}
