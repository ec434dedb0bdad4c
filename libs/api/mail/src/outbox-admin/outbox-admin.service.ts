/**
 * The outbox for administrators: every message Sigap queued, newest first, with filters and an
 * opaque cursor; one message with its headers and content; another try for a failed one.
 *
 * Content: a message already sent through the keep transport (no SMTP server configured) is read
 * from its kept file; otherwise it is built from the row exactly as the worker would build it.
 * Messages carrying a secret link (password reset, portal sign-in) are never shown. HTML is
 * sanitised before it leaves the API; the console shows it in a sandboxed frame on top.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import type {
  OutboxChannelView,
  OutboxItemView,
  OutboxMessageView,
  OutboxPageView,
} from '@sigap/contracts';
import { sanitizeHtml } from '@sigap/mail-threading';
import { simpleParser, type AddressObject } from 'mailparser';
import { createTransport } from 'nodemailer';
import { DataSource, In, IsNull, Not } from 'typeorm';
import { AuditService } from '@sigap/api-audit';
import { CalendarProvider } from '@sigap/api-calendars';
import { Clock } from '@sigap/api-clock';
import { DomainError } from '@sigap/api-common';
import { AppConfig } from '@sigap/api-config';
import { SECRET_KINDS } from '../delivery/kinds';
import { parsePayload, preparerFor } from '../delivery/outbox-mail';
import { OutboxWorker } from '../delivery/outbox-worker.service';
import { MailService } from '../mail.service';
import { keptMailDir } from '../transport/mail-transport';
import { OutboxEntity, type OutboxStatus } from '@sigap/api-outbox';

/** Headers shown in the reader (the rest are transport details). */
const SHOWN_HEADERS = [
  'from',
  'to',
  'cc',
  'reply-to',
  'subject',
  'date',
  'message-id',
  'in-reply-to',
  'references',
  'auto-submitted',
];

export class OutboxAdminError extends DomainError {
  constructor(
    code: 'outbox.not_found' | 'outbox.not_failed' | 'outbox.cursor_invalid',
    message: string,
  ) {
    super(
      code,
      code === 'outbox.not_found' ? 404 : code === 'outbox.not_failed' ? 409 : 400,
      message,
      code === 'outbox.cursor_invalid' ? [{ path: 'cursor', message: 'kursor tidak dikenal' }] : [],
    );
  }
}

export interface OutboxListQuery {
  channel?: OutboxChannelView;
  status?: OutboxStatus;
  kind?: string;
  ticket?: string;
  recipient?: string;
  cursor?: string;
  limit?: number;
}

/** The channels an administrator reads and retries here (webhooks have their own log). */
const CHANNELS: readonly OutboxChannelView[] = ['mail', 'lapor'];

function toItem(r: OutboxEntity): OutboxItemView {
  return {
    id: r.id,
    channel: r.channel === 'lapor' ? 'lapor' : 'mail',
    kind: r.kind,
    status: r.status,
    ticketNumber: r.ticketNumber ?? null,
    recipient: r.recipient ?? null,
    messageId: r.messageId ?? null,
    attempts: r.attempts,
    lastError: r.lastError ?? null,
    createdAt: r.createdAt.toISOString(),
    nextAttemptAt: r.nextAttemptAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
  };
}

function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');
}

function decodeCursor(cursor: string): [Date, string] {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const date = new Date(String(at));
    if (typeof id !== 'string' || !Number.isFinite(date.getTime())) throw new Error('cursor');
    return [date, id];
  } catch {
    throw new OutboxAdminError('outbox.cursor_invalid', 'Kursor halaman tidak valid.');
  }
}

/**
 * What an SP4N-LAPOR! row carries, for the reader: the report, our reference, the status in
 * LAPOR!'s words and the answer's text (its key is the row's own). A row that cannot be read
 * says so rather than failing the page.
 */
function laporContent(
  row: OutboxEntity,
): Pick<OutboxMessageView, 'headers' | 'subject' | 'text' | 'contentError'> {
  try {
    const payload = JSON.parse(row.payload) as {
      trackingId?: unknown;
      response?: { kind?: unknown; reference?: unknown; status?: unknown; text?: unknown };
    };
    const r = payload.response ?? {};
    const headers = [
      { name: 'lapor-tracking-id', value: String(payload.trackingId ?? '') },
      { name: 'reference', value: String(r.reference ?? '') },
      { name: 'status', value: String(r.status ?? '') },
    ].filter((h) => h.value);
    return {
      headers,
      subject:
        `SP4N-LAPOR! ${String(r.kind ?? row.kind)} ${String(payload.trackingId ?? '')}`.trim(),
      text: typeof r.text === 'string' ? r.text : null,
      contentError: null,
    };
  } catch {
    return { headers: [], subject: null, text: null, contentError: 'Isi baris ini tidak terbaca.' };
  }
}

function addressText(a: AddressObject | AddressObject[] | undefined): string | null {
  if (!a) return null;
  return (Array.isArray(a) ? a : [a]).map((x) => x.text).join(', ');
}

@Injectable()
export class OutboxAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mail: MailService,
    private readonly worker: OutboxWorker,
    private readonly calendars: CalendarProvider,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async list(query: OutboxListQuery): Promise<OutboxPageView> {
    const limit = query.limit ?? 50;
    const qb = this.dataSource
      .getRepository(OutboxEntity)
      .createQueryBuilder('o')
      .where('o.channel = :channel', { channel: query.channel ?? 'mail' });
    if (query.status) qb.andWhere('o.status = :status', { status: query.status });
    if (query.kind) qb.andWhere('o.kind = :kind', { kind: query.kind });
    if (query.ticket) qb.andWhere('o.ticket_number = :ticket', { ticket: query.ticket });
    if (query.recipient) {
      const recipient = query.recipient.trim();
      // Addresses are kept in lower case; a LAPOR! tracking id as LAPOR! wrote it.
      qb.andWhere('o.recipient = :recipient', {
        recipient: query.channel === 'lapor' ? recipient : recipient.toLowerCase(),
      });
    }
    if (query.cursor) {
      const [at, id] = decodeCursor(query.cursor);
      qb.andWhere('(o.created_at < :cAt OR (o.created_at = :cAt AND o.id < :cId))', {
        cAt: at,
        cId: id,
      });
    }
    const rows = await qb
      .orderBy('o.created_at', 'DESC')
      .addOrderBy('o.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map(toItem),
      nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null,
    };
  }

  async get(id: string): Promise<OutboxMessageView> {
    const row = await this.find(id);
    const base: OutboxMessageView = {
      ...toItem(row),
      source: 'unavailable',
      headers: [],
      subject: null,
      text: null,
      html: null,
      contentError: null,
      attachments: [],
    };
    if (row.channel === 'lapor') return { ...base, ...laporContent(row), source: 'rendered' };
    if (SECRET_KINDS.has(row.kind)) {
      return {
        ...base,
        source: 'hidden',
        contentError: 'Isi pesan ini berisi tautan rahasia dan tidak ditampilkan.',
      };
    }
    const kept = this.keptFile(row);
    try {
      if (kept && existsSync(kept))
        return { ...base, ...(await this.read(await readFile(kept))), source: 'kept' };
      return { ...base, ...(await this.read(await this.build(row))), source: 'rendered' };
    } catch (error) {
      return { ...base, contentError: String((error as Error).message ?? error).slice(0, 500) };
    }
  }

  /**
   * A failed row goes back to the queue for a new series of attempts: a message, or an answer or
   * status for SP4N-LAPOR! (sent with its own key again, so LAPOR! takes it once).
   */
  async retry(id: string, actorId: string): Promise<OutboxItemView> {
    return this.dataSource.transaction(async (manager) => {
      const row = /^[0-9a-f-]{36}$/i.test(id)
        ? await manager.findOne(OutboxEntity, { where: { id, channel: In([...CHANNELS]) } })
        : null;
      if (!row) throw new OutboxAdminError('outbox.not_found', `Pesan "${id}" tidak ada.`);
      if (row.status !== 'failed') {
        throw new OutboxAdminError(
          'outbox.not_failed',
          `Hanya pesan yang gagal yang dapat dikirim ulang (status: ${row.status}).`,
        );
      }
      const now = this.clock.now();
      const changes = {
        status: 'pending' as const,
        attempts: 0,
        nextAttemptAt: now,
        claimedBy: null,
        claimedUntil: null,
      };
      const result = await manager.update(OutboxEntity, { id, status: 'failed' }, changes);
      if (!result.affected) {
        throw new OutboxAdminError('outbox.not_failed', 'Pesan ini baru saja berubah; muat ulang.');
      }
      await this.audit.record(
        {
          actorId,
          action: 'outbox.retried',
          entityType: 'outbox',
          entityId: id,
          before: {
            channel: row.channel,
            status: row.status,
            attempts: row.attempts,
            lastError: row.lastError ?? null,
          },
          after: { status: 'pending' },
        },
        manager,
      );
      return toItem({ ...row, ...changes });
    });
  }

  private async find(id: string): Promise<OutboxEntity> {
    const row = /^[0-9a-f-]{36}$/i.test(id)
      ? await this.dataSource
          .getRepository(OutboxEntity)
          .findOne({ where: { id, channel: In([...CHANNELS]) } })
      : null;
    if (!row) throw new OutboxAdminError('outbox.not_found', `Pesan "${id}" tidak ada.`);
    return row;
  }

  /** The file the keep transport wrote for a sent message (same naming as the transport). */
  private keptFile(row: OutboxEntity): string | null {
    if (this.config.smtp || row.status !== 'sent' || !row.messageId) return null;
    const id = row.messageId.replace(/[<>]/g, '');
    return join(keptMailDir(this.config), `${id.replace(/[^A-Za-z0-9._@-]/g, '_')}.eml`);
  }

  /** Builds the message as the worker would (no side effects: nothing is sent or written). */
  private async build(row: OutboxEntity): Promise<Buffer> {
    const prepared = await preparerFor(row.kind)(parsePayload(row.payload), {
      config: this.config,
      manager: this.dataSource.manager,
      threadIds: (n) => this.worker.threadIds(n),
      nextSeq: async (n) =>
        (await this.dataSource
          .getRepository(OutboxEntity)
          .count({ where: { ticketNumber: n, messageId: Not(IsNull()) } })) + 1,
      calendar: (office) => this.calendars.forOffice(office),
      now: () => this.clock.now(),
    });
    const built = this.mail.compose({
      ...prepared.request,
      nonce: row.id.replace(/-/g, '').toLowerCase().slice(0, 32),
    });
    const transport = createTransport({ streamTransport: true, buffer: true });
    try {
      const info = await transport.sendMail(built.message);
      return info.message as Buffer;
    } finally {
      transport.close();
    }
  }

  private async read(
    raw: Buffer,
  ): Promise<Pick<OutboxMessageView, 'headers' | 'subject' | 'text' | 'html' | 'attachments'>> {
    const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
    const headers: { name: string; value: string }[] = [];
    for (const name of SHOWN_HEADERS) {
      const value = parsed.headers.get(name);
      if (value === undefined || value === null) continue;
      const text =
        typeof value === 'string'
          ? value
          : value instanceof Date
            ? value.toISOString()
            : Array.isArray(value)
              ? value.map(String).join(' ')
              : typeof value === 'object' && 'text' in value
                ? String((value as { text: string }).text)
                : String(value);
      headers.push({ name, value: text });
    }
    const to = addressText(parsed.to);
    if (to && !headers.some((h) => h.name === 'to')) headers.push({ name: 'to', value: to });
    return {
      headers,
      subject: parsed.subject ?? null,
      text: parsed.text ?? null,
      html: typeof parsed.html === 'string' ? sanitizeHtml(parsed.html) : null,
      // Names and sizes only: the files themselves stay out of the admin view.
      attachments: (parsed.attachments ?? []).map((a) => ({
        filename: (a.filename ?? '').slice(0, 255) || '(tanpa nama)',
        contentType: (a.contentType ?? 'application/octet-stream').slice(0, 100),
        size: a.size ?? a.content?.length ?? 0,
      })),
    };
  }
}
