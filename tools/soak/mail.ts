/**
 * The soak's mail: an SMTP server that records the Message-ID of every message the instances
 * deliver (and can be taken down and brought back on the same address), and a sender that puts
 * new mail, replies included, into the IMAP mailbox the instances poll.
 */
import { randomUUID } from 'node:crypto';
import { ImapFlow } from 'imapflow';
import { SMTPServer } from 'smtp-server';

export interface Delivered {
  messageId: string;
  to: string[];
  /** The ticket number the subject names, when it names one. */
  ticket: string | null;
  at: number;
}

/** An SMTP sink on `host:port`; `down()` closes the port, `up()` opens it again. */
export class SmtpSink {
  readonly delivered: Delivered[] = [];
  private server: SMTPServer | null = null;

  constructor(
    readonly host: string,
    readonly port: number,
  ) {}

  get isUp(): boolean {
    return this.server !== null;
  }

  up(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const head =
            Buffer.concat(chunks)
              .toString('utf8')
              .split(/\r?\n\r?\n/)[0] ?? '';
          const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
          const id = /^Message-ID:\s*(<[^>]+>)/im.exec(unfolded)?.[1] ?? `?${randomUUID()}`;
          const subject = /^Subject:\s*(.*)$/im.exec(unfolded)?.[1] ?? '';
          this.delivered.push({
            messageId: id,
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            ticket: /[A-Z]+-\d{4}-\d{6}/.exec(decodeSubject(subject))?.[0] ?? null,
            at: Date.now(),
          });
          callback();
        });
      },
    });
    this.server = server;
    return new Promise((resolve) => server.listen(this.port, this.host, resolve));
  }

  /** Closes the port; connections under way are cut. */
  down(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return Promise.resolve();
    return new Promise((resolve) => server.close(() => resolve()));
  }
}

/** Subjects may come MIME-encoded (`=?UTF-8?Q?...?=`); the ticket number is plain ASCII anyway. */
function decodeSubject(subject: string): string {
  return subject.replace(/=\?[^?]+\?([QB])\?([^?]*)\?=/gi, (_, kind: string, text: string) =>
    kind.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : text
          .replace(/_/g, ' ')
          .replace(/=([0-9A-F]{2})/gi, (__, h: string) => String.fromCharCode(parseInt(h, 16))),
  );
}

/** Puts messages into the polled mailbox, one IMAP APPEND each (reconnecting when needed). */
export class MailSender {
  /** Message-IDs appended, in order. */
  readonly appended: string[] = [];
  private client: ImapFlow | null = null;

  constructor(
    private readonly port: number,
    private readonly user: string,
    private readonly password: string,
    private readonly helpdesk: string,
  ) {}

  private async connection(): Promise<ImapFlow> {
    if (this.client?.usable) return this.client;
    const client = new ImapFlow({
      host: '127.0.0.1',
      port: this.port,
      secure: false,
      auth: { user: this.user, pass: this.password },
      logger: false,
    });
    client.on('error', () => undefined);
    await client.connect();
    this.client = client;
    return client;
  }

  /** A new request (or, with `inReplyTo`, a reply on a ticket's thread) from `from`. */
  async send(from: string, subject: string, inReplyTo?: string): Promise<string> {
    const id = `<soak-${randomUUID()}@pemohon.soak.invalid>`;
    const raw = [
      `From: Pemohon Soak <${from}>`,
      `To: ${this.helpdesk}`,
      `Subject: ${subject}`,
      `Message-ID: ${id}`,
      ...(inReplyTo ? [`In-Reply-To: ${inReplyTo}`, `References: ${inReplyTo}`] : []),
      `Date: ${new Date().toUTCString()}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      inReplyTo
        ? 'Terima kasih, berikut tambahan keterangan.'
        : 'Mohon dibantu, aplikasi tidak bisa dibuka.',
      '',
    ].join('\r\n');
    const client = await this.connection();
    await client.append('INBOX', raw);
    this.appended.push(id);
    return id;
  }

  async close(): Promise<void> {
    await this.client?.logout().catch(() => undefined);
    this.client = null;
  }
}
