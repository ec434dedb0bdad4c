/**
 * Inbound mail: stores each raw message first (content-addressed under the data dir, one row in
 * `inbound_messages` with its Message-ID unique), then decides in one transaction what it is: a
 * duplicate, a bounce (the outbound message is marked failed), an auto-reply (recorded, nothing
 * else), a reply (appended to the ticket's timeline), a new request from a known sender (triage
 * inbox: a ticket needs a service, so an agent opens it) or mail from a stranger (quarantine).
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import {
  classify,
  extractBounce,
  fromParsedMail,
  matchThread,
  normalizeAddress,
  normalizeMessageId,
  parseHeaderBlock,
  sanitizeHtml,
  senderAddress,
  stripQuoted,
  stripQuotedHtml,
  type BounceRecipient,
  type InboundMessage,
  type ThreadLookups,
} from '@sigap/mail-threading';
import { simpleParser, type Attachment } from 'mailparser';
import { DataSource, EntityManager, In } from 'typeorm';
import { Clock } from '../../clock/clock';
import { AppConfig } from '../../config/app-config';
import { OfficeEntity } from '../../offices/office.entity';
import { OpdDomainEntity } from '../../opds/opd.entity';
import { RequesterContactEntity } from '../../opds/requester-contact.entity';
import { OutboxEntity } from '../../outbox/outbox.entity';
import { TicketEntity } from '../../tickets/ticket.entity';
import { SystemActionsService } from '../../tickets/system-actions.service';
import { markMailFailedOnTicket } from '../delivery/outbox-worker.service';
import { mailDomain, resolveMarkerSecret } from '../mail-settings';
import {
  InboundMessageEntity,
  type InboundAction,
  type InboundStatus,
} from './inbound-message.entity';

export interface InboundResult {
  action: InboundAction;
  ticketNumber: string | null;
  messageId: string;
}

export interface StoredAttachment {
  filename: string;
  size: number;
  contentType: string;
  sha256: string;
}

interface ReadMessage {
  message: InboundMessage;
  attachments: Attachment[];
  parseError: string | null;
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function clip(value: string | null | undefined, max: number): string | null {
  if (!value) return null;
  return value.length > max ? value.slice(0, max) : value;
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

@Injectable()
export class InboundMailService {
  private readonly log = new Logger('InboundMail');
  private readonly markerSecret: string;
  private readonly ourDomains: string[];
  private readonly madeDirs = new Set<string>();
  private officeCache: { list: OfficeEntity[]; until: number } | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly systemActions: SystemActionsService,
  ) {
    this.markerSecret = resolveMarkerSecret(config);
    this.ourDomains = [mailDomain(config)];
  }

  /** Where raw messages and attachments are kept. */
  rawPath(hash: string): string {
    return join(this.config.dataDir, 'mail', 'inbound', `${hash}.eml`);
  }

  /**
   * Writes a content-addressed file once (an existing one is the same bytes). Asynchronous, so
   * large messages do not hold up the other requests while the disk writes.
   */
  private async keep(
    folder: 'inbound' | 'attachments',
    hash: string,
    data: Buffer,
    ext: string,
  ): Promise<void> {
    const dir = join(this.config.dataDir, 'mail', folder);
    if (!this.madeDirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      this.madeDirs.add(dir);
    }
    try {
      await writeFile(join(dir, `${hash}${ext}`), data, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }

  /** Reads as much of the MIME as possible; never throws. */
  async read(raw: Buffer): Promise<ReadMessage> {
    try {
      // The parser hashes each attachment as it decodes it (SHA-256: the stored file's name);
      // the text-to-HTML conversion is not used (the display HTML is the sanitised original).
      const parsed = await simpleParser(raw, {
        keepDeliveryStatus: true,
        skipImageLinks: true,
        skipTextToHtml: true,
        checksumAlgo: 'sha256',
      });
      return {
        message: fromParsedMail(parsed),
        attachments: parsed.attachments ?? [],
        parseError: null,
      };
    } catch (error) {
      // Headers at least: the block before the first empty line.
      const text = raw.toString('latin1');
      const headers = parseHeaderBlock(text.split(/\r?\n\r?\n/)[0] ?? '');
      const first = (name: string) => {
        const v = headers[name];
        return Array.isArray(v) ? v[0] : (v ?? null);
      };
      const from = first('from');
      const fromAddress = from ? (/[^\s<>"]+@[^\s<>"]+/.exec(from)?.[0] ?? null) : null;
      return {
        message: {
          headers,
          from: fromAddress ? { address: fromAddress } : null,
          subject: first('subject'),
          messageId: first('message-id'),
          text: text.slice(text.search(/\r?\n\r?\n/) + 1),
        },
        attachments: [],
        parseError: clip(`MIME tidak terbaca: ${(error as Error).message}`, 500),
      };
    }
  }

  async accept(raw: Buffer, recipients: string[] = []): Promise<InboundResult> {
    const hash = sha256(raw);
    // The raw message is on disk before anything is decided (parsed meanwhile).
    const [, { message, attachments, parseError }] = await Promise.all([
      this.keep('inbound', hash, raw, '.eml'),
      this.read(raw),
    ]);
    const messageId = normalizeMessageId(message.messageId) ?? `<${hash}@inbound.sigap.invalid>`;

    const seen = await this.dataSource.getRepository(InboundMessageEntity).findOne({
      where: { messageId },
    });
    if (seen) return { action: 'duplicate', ticketNumber: seen.ticketNumber, messageId };

    const writes: Promise<void>[] = [];
    const stored = attachments
      .filter((a) => a.content && a.contentDisposition !== 'inline')
      .map((a): StoredAttachment => {
        const h = a.checksum && /^[0-9a-f]{64}$/.test(a.checksum) ? a.checksum : sha256(a.content);
        writes.push(this.keep('attachments', h, a.content, ''));
        return {
          filename: a.filename ?? 'lampiran',
          size: a.size ?? a.content.length,
          contentType: a.contentType ?? 'application/octet-stream',
          sha256: h,
        };
      });

    await Promise.all(writes);
    try {
      return await this.dataSource.transaction((manager) =>
        this.process(manager, { raw, hash, message, parseError, messageId, recipients, stored }),
      );
    } catch (error) {
      // The same Message-ID arriving twice at once: the unique index lets only one in.
      const dup = await this.dataSource.getRepository(InboundMessageEntity).findOne({
        where: { messageId },
      });
      if (dup) return { action: 'duplicate', ticketNumber: dup.ticketNumber, messageId };
      throw error;
    }
  }

  /** Offices and their mailboxes, re-read at most every 10 s (they change rarely). */
  private async offices(manager: EntityManager): Promise<OfficeEntity[]> {
    const now = Date.now();
    if (!this.officeCache || this.officeCache.until < now) {
      const list = await manager.find(OfficeEntity, { order: { code: 'ASC' } });
      this.officeCache = { list, until: now + 10_000 };
    }
    return this.officeCache.list;
  }

  private async officeFor(manager: EntityManager, addresses: string[]): Promise<string> {
    const offices = await this.offices(manager);
    if (!offices.length) throw new Error('belum ada kantor');
    const wanted = new Set(addresses.map((a) => a.toLowerCase()));
    const byMailbox = offices.find(
      (o) => o.helpdeskEmail && wanted.has(o.helpdeskEmail.toLowerCase()),
    );
    if (byMailbox) return byMailbox.code;
    const fallback = this.config.defaultOffice
      ? offices.find((o) => o.code === this.config.defaultOffice)
      : undefined;
    return (fallback ?? offices[0]).code;
  }

  private lookups(manager: EntityManager, officeCode: string): ThreadLookups {
    return {
      markerSecret: this.markerSecret,
      ourDomains: this.ourDomains,
      findTicketByMessageIds: async (ids) => {
        const sent = await manager.find(OutboxEntity, {
          select: { messageId: true, ticketNumber: true },
          where: { messageId: In(ids) },
        });
        const received = await manager.find(InboundMessageEntity, {
          select: { messageId: true, ticketNumber: true },
          where: { messageId: In(ids) },
        });
        const owner = new Map<string, string>();
        for (const r of [...sent, ...received]) {
          if (r.messageId && r.ticketNumber) owner.set(r.messageId, r.ticketNumber);
        }
        for (const id of ids) if (owner.has(id)) return owner.get(id);
        return null;
      },
      isParticipant: async (ticketNumber, address) => {
        const ticket = await manager.findOne(TicketEntity, { where: { number: ticketNumber } });
        if (!ticket) return false;
        const contact = await manager.findOne(RequesterContactEntity, {
          where: { id: ticket.requesterContactId },
        });
        if (contact?.email && normalizeAddress(contact.email) === address) return true;
        const cc = await manager.count(OutboxEntity, {
          where: { ticketNumber, recipient: address },
        });
        if (cc) return true;
        if (!ticket.opdId) return false;
        return (
          (await manager.count(OpdDomainEntity, {
            where: { opdId: ticket.opdId, domain: domainOf(address) },
          })) > 0
        );
      },
      isKnownSender: async (address) => {
        const contacts = await manager.count(RequesterContactEntity, {
          where: { officeCode, email: address },
        });
        if (contacts) return true;
        return (
          (await manager.count(OpdDomainEntity, {
            where: { officeCode, domain: domainOf(address) },
          })) > 0
        );
      },
    };
  }

  private async process(
    manager: EntityManager,
    input: {
      raw: Buffer;
      hash: string;
      message: InboundMessage;
      parseError: string | null;
      messageId: string;
      recipients: string[];
      stored: StoredAttachment[];
    },
  ): Promise<InboundResult> {
    const { message, messageId } = input;
    const now = this.clock.now();
    const recipients = [
      ...input.recipients,
      ...(message.to ?? []).map((a) => a.address),
      ...(message.cc ?? []).map((a) => a.address),
    ];
    const officeCode = await this.officeFor(manager, recipients);
    const sender = senderAddress(message);
    const textParts = stripQuoted(message.text ?? '');
    const htmlParts = message.html ? stripQuotedHtml(message.html) : null;
    const bodyText = textParts.visible || htmlParts?.text || '';
    const bodyHtml = htmlParts ? sanitizeHtml(htmlParts.html) : null;
    const row: InboundMessageEntity = {
      id: randomUUID(),
      messageId,
      sha256: input.hash,
      size: input.raw.length,
      officeCode,
      fromAddress: clip(sender, 320),
      subject: clip(message.subject ?? null, 300),
      action: 'quarantined',
      status: 'quarantined',
      ticketNumber: null,
      reason: null,
      parseError: input.parseError,
      summary: JSON.stringify({ bodyText, bodyHtml, attachments: input.stored }),
      receivedAt: now,
      decidedAt: null,
      decidedBy: null,
    };
    const finish = async (
      action: InboundAction,
      status: InboundStatus,
      ticketNumber: string | null,
      reason: string | null,
    ): Promise<InboundResult> => {
      Object.assign(row, { action, status, ticketNumber, reason: clip(reason, 500) });
      await manager.insert(InboundMessageEntity, row);
      return { action, ticketNumber, messageId };
    };

    const verdict = classify(message);
    if (verdict.kind === 'bounce') {
      const bounce = extractBounce(message);
      const original = normalizeMessageId(bounce?.originalMessageId ?? null);
      const outbound = original
        ? await manager.findOne(OutboxEntity, { where: { messageId: original } })
        : null;
      const failedTo = bounce?.recipients.map((r) => r.address).join(', ') ?? '';
      if (outbound && bounce?.permanent !== false) {
        const reason =
          clip(`pentalan: ${failedTo} ${bounce?.recipients[0]?.status ?? ''}`, 500) ?? '';
        await manager.update(
          OutboxEntity,
          { id: outbound.id },
          { status: 'failed', lastError: reason },
        );
        if (outbound.ticketNumber) {
          await markMailFailedOnTicket(manager, outbound.ticketNumber, outbound, reason, now);
        }
      }
      if (bounce && bounce.permanent !== false) {
        // The DSN names the failed addresses; without any, the address we sent to.
        const failed = bounce.recipients.length
          ? bounce.recipients
          : outbound?.recipient
            ? [{ address: outbound.recipient, permanent: true, status: bounce.status }]
            : [];
        await this.flagBounced(manager, failed, now);
      }
      return finish(
        'bounce',
        'processed',
        outbound?.ticketNumber ?? null,
        `gagal kirim ke ${failedTo || '?'}${original ? ` (${original})` : ''}`,
      );
    }

    const match = await matchThread(message, this.lookups(manager, officeCode));
    const reasons = verdict.reasons.join(', ');
    if (verdict.kind === 'auto-reply') {
      // Recorded on the thread only: never reopens, never counts as the answer, never answered.
      const ticket = match.kind === 'reply' ? match.ticketNumber : null;
      return finish('auto-reply', 'processed', ticket, reasons || null);
    }

    if (match.kind === 'reply') {
      const contact = sender
        ? await manager.findOne(RequesterContactEntity, {
            select: { id: true },
            where: { officeCode, email: sender },
          })
        : null;
      const effect = await this.systemActions.requesterReplied(manager, {
        ticketNumber: match.ticketNumber,
        contactId: contact?.id ?? null,
        from: sender,
        messageId,
        subject: message.subject ?? null,
        bodyText,
        bodyHtml,
        attachments: input.stored,
        inboundId: row.id,
        via: match.via,
      });
      if (effect) {
        const what =
          effect === 'appended' ? '' : `, ${effect === 'answered' ? 'dijawab' : 'dibuka ulang'}`;
        return finish('appended', 'processed', match.ticketNumber, `balasan (${match.via}${what})`);
      }
    }
    if (match.kind === 'quarantine') {
      return finish('quarantined', 'quarantined', null, match.reason);
    }
    const mention = 'mentionedTicketNumber' in match ? match.mentionedTicketNumber : undefined;
    return finish('created', 'triage', null, mention ? `menyebut ${mention}` : 'permintaan baru');
  }

  /**
   * Flags every contact whose address bounced permanently (in any office: the mailbox is gone
   * for all of them). The delivery worker then skips automatic mail to it.
   */
  private async flagBounced(
    manager: EntityManager,
    recipients: BounceRecipient[],
    now: Date,
  ): Promise<void> {
    for (const r of recipients) {
      const address = normalizeAddress(r.address);
      if (!address || !r.permanent) continue;
      const reason = clip(`${address}: ${r.status ?? ''} ${r.diagnostic ?? ''}`.trim(), 500);
      await manager.update(
        RequesterContactEntity,
        { email: address },
        { emailBouncedAt: now, emailBounceReason: reason },
      );
    }
  }

  // ---- admin: quarantine and triage inbox ----

  list(status: InboundStatus): Promise<InboundMessageEntity[]> {
    return this.dataSource.getRepository(InboundMessageEntity).find({
      where: { status },
      order: { receivedAt: 'DESC' },
      take: 200,
    });
  }

  /** Release moves a quarantined message to the triage inbox; discard drops it from the lists. */
  async decide(
    id: string,
    decision: 'release' | 'discard',
    userId: string,
  ): Promise<InboundMessageEntity | null> {
    const repo = this.dataSource.getRepository(InboundMessageEntity);
    const row = await repo.findOne({ where: { id } });
    if (!row || row.status !== 'quarantined') return null;
    row.status = decision === 'release' ? 'triage' : 'discarded';
    row.decidedAt = this.clock.now();
    row.decidedBy = userId;
    await repo.update(
      { id, status: 'quarantined' },
      {
        status: row.status,
        decidedAt: row.decidedAt,
        decidedBy: userId,
      },
    );
    return row;
  }
}
