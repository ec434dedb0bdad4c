/**
 * Inbound mail: stores each raw message first (content-addressed under the data dir, one row in
 * `inbound_messages` with its Message-ID unique), then decides in one transaction what it is: a
 * duplicate, a bounce (acted on only when it is about mail we sent to the address it names;
 * otherwise kept as `suspect`), an auto-reply (recorded, nothing else), a participant's reply
 * (appended to the ticket's timeline as the requester's answer), a genuine reply from anyone
 * else (held on the ticket as third-party mail for an agent), a new request from a known sender
 * (a ticket at once, without a service until an agent chooses one in triage) or mail from a
 * stranger (quarantine; releasing it opens such a ticket too).
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, Logger, Optional } from '@nestjs/common';
import {
  classify,
  extractBounce,
  fromParsedMail,
  htmlToText,
  matchThread,
  normalizeAddress,
  normalizeMessageId,
  parseHeaderBlock,
  sanitizeHtml,
  senderAddress,
  stripQuoted,
  stripQuotedHtml,
  type InboundMessage,
  type ThreadLookups,
} from '@sigap/mail-threading';
import { simpleParser, type Attachment } from 'mailparser';
import { DataSource, EntityManager } from 'typeorm';
import { MetricsService } from '@sigap/api-observability';
import { Clock } from '@sigap/api-clock';
import { ComplaintMailRouter } from '@sigap/api-complaints';
import { AppConfig } from '@sigap/api-config';
import { OfficeEntity } from '@sigap/api-offices';
import { OutboxEntity } from '@sigap/api-outbox';
import { SystemActionsService } from '@sigap/api-tickets';
import { TicketEntity } from '@sigap/api-tickets';
import { TimelineEntryEntity } from '@sigap/api-tickets';
import { TriageService } from '@sigap/api-tickets';
import { dialectOf } from '@sigap/api-database';
import { insertRows, runSql } from '@sigap/api-database';
import { markMailFailedOnTicket } from '../delivery/outbox-worker.service';
import { resolveMarkerSecret } from '@sigap/api-identity';
import { mailDomain } from '../mail-settings';
import {
  InboundMessageEntity,
  type InboundAction,
  type InboundStatus,
} from './inbound-message.entity';
import { InboundAttachmentEntity } from '../retention/inbound-attachment.entity';
import { BOUNCE_RECENT_DAYS, flagBounced, verifyBounce } from './bounce-checks';
import { assertOfficeTakesRequests, retiredOffice, retiredOfficeReason } from './retired-office';

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

/** The timeline event of a third party's mail held on a ticket. */
export const THIRD_PARTY_EVENT = 'mail.third-party';
/** How the reason of a held third party's mail begins. */
export const THIRD_PARTY_REASON = 'pihak ketiga';

/** At most this many referenced Message-IDs (nearest first) are looked up for a thread. */
const MAX_REFERENCED_IDS = 100;

/** What the threading lookups learnt about the sender on the way (spares a query later). */
interface SenderFacts {
  /** The ticket's requester contact, when the sender is that contact. */
  requesterContactId?: string;
  /** The sender's contact in the office, read with the known-sender check (a new request). */
  officeContact?: { id: string; opdId: string | null; email: string | null };
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
    private readonly triage: TriageService,
    @Optional() private readonly complaintRouter?: ComplaintMailRouter,
    @Optional() private readonly metrics?: MetricsService,
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
    const file = join(dir, `${hash}${ext}`);
    try {
      await writeFile(file, data, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // Received again: renewed, so the retention sweep counts its age from now.
      const now = new Date();
      await utimes(file, now, now).catch(() => undefined);
    }
  }

  /** Reads as much of the MIME as possible; never throws. */
  async read(raw: Buffer): Promise<ReadMessage> {
    try {
      // The parser hashes each attachment as it decodes it (SHA-256: the stored file's name).
      // Neither conversion between text and HTML is used: the display HTML is the sanitised
      // original, and an HTML-only message gets its text from the library's own tokenizer
      // (much cheaper than the parser's html-to-text rendering, and what the rest reads anyway).
      const parsed = await simpleParser(raw, {
        keepDeliveryStatus: true,
        skipImageLinks: true,
        skipTextToHtml: true,
        skipHtmlToText: true,
        checksumAlgo: 'sha256',
      });
      const message = fromParsedMail(parsed);
      if (!message.text && message.html) message.text = htmlToText(message.html);
      return {
        message,
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

  /** Takes one raw message through the one inbound door; counted by what was done with it. */
  async accept(raw: Buffer, recipients: string[] = []): Promise<InboundResult> {
    const result = await this.receive(raw, recipients);
    this.metrics?.inboundMessages.inc({ action: result.action });
    return result;
  }

  private async receive(raw: Buffer, recipients: string[]): Promise<InboundResult> {
    const hash = sha256(raw);
    // The raw message is on disk before anything is decided (parsed meanwhile).
    const [, { message, attachments, parseError }] = await Promise.all([
      this.keep('inbound', hash, raw, '.eml'),
      this.read(raw),
    ]);
    const messageId = normalizeMessageId(message.messageId) ?? `<${hash}@inbound.sigap.invalid>`;

    // A message seen before (a poller retrying after a crash, an MTA re-posting) is answered
    // from the first copy's row. On MariaDB the unique index on the Message-ID is the check: the
    // row is the transaction's last write, so a copy rolls back everything it did and is
    // answered below (a statement less for every message; the failed insert goes straight to
    // the driver, so nothing of the mail is logged). Elsewhere (SQLite: one writer at a time,
    // and TypeORM logs a failed statement with its values) it is looked up first.
    if (!dialectOf(this.dataSource).concurrentWriters) {
      const seen = await this.findByMessageId(messageId);
      if (seen) return { action: 'duplicate', ticketNumber: seen.ticketNumber, messageId };
    }

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
    const input = { raw, hash, message, parseError, messageId, recipients, stored };
    try {
      return await this.dataSource.transaction((manager) => this.process(manager, input));
    } catch (error) {
      // The same Message-ID arriving twice at once: the unique index lets only one in.
      const dup = await this.findByMessageId(messageId);
      if (dup) return { action: 'duplicate', ticketNumber: dup.ticketNumber, messageId };
      throw error;
    }
  }

  private async findByMessageId(
    messageId: string,
  ): Promise<{ ticketNumber: string | null } | null> {
    const rows: { ticket_number: string | null }[] = await this.dataSource.query(
      'SELECT ticket_number FROM inbound_messages WHERE message_id = ?',
      [messageId],
    );
    return rows.length ? { ticketNumber: rows[0].ticket_number } : null;
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
    // Mail to no known mailbox goes to the default office, or the first one still in service.
    const serving = offices.filter((o) => !o.retiredAt);
    const fallback = this.config.defaultOffice
      ? serving.find((o) => o.code === this.config.defaultOffice)
      : undefined;
    return (fallback ?? serving[0] ?? offices[0]).code;
  }

  /**
   * The lookups threading needs, one indexed statement each (plain SQL through `runSql`: these
   * run for every message, and the query builder costs more CPU than the database does here).
   */
  private lookups(manager: EntityManager, officeCode: string, facts: SenderFacts): ThreadLookups {
    return {
      markerSecret: this.markerSecret,
      ourDomains: this.ourDomains,
      findTicketByMessageIds: async (all) => {
        const ids = all.slice(0, MAX_REFERENCED_IDS);
        const marks = ids.map(() => '?').join(', ');
        const rows: { message_id: string; ticket_number: string }[] = await runSql(
          manager,
          `SELECT message_id, ticket_number FROM outbox
            WHERE message_id IN (${marks}) AND ticket_number IS NOT NULL
           UNION ALL
           SELECT message_id, ticket_number FROM inbound_messages
            WHERE message_id IN (${marks}) AND ticket_number IS NOT NULL`,
          [...ids, ...ids],
        );
        const owner = new Map(rows.map((r) => [r.message_id, r.ticket_number]));
        for (const id of ids) if (owner.has(id)) return owner.get(id);
        return null;
      },
      isParticipant: async (ticketNumber, address) => {
        // The requester, an address we have mailed about the ticket (a contact copied on it; not
        // a staff account: staff act in the console, never as the requester), or an address of
        // the ticket's OPD domains: answered together.
        const rows: {
          contact_id: string | null;
          contact_email: string | null;
          mailed: number | string;
          opd_domain: number | string;
        }[] = await runSql(
          manager,
          `SELECT c.id AS contact_id, c.email AS contact_email,
             CASE WHEN EXISTS (SELECT 1 FROM outbox o
               WHERE o.ticket_number = t.number AND o.recipient = ?)
               AND NOT EXISTS (SELECT 1 FROM users u WHERE u.email = ?) THEN 1 ELSE 0 END AS mailed,
             CASE WHEN EXISTS (SELECT 1 FROM opd_email_domains d
               WHERE d.opd_id = t.opd_id AND d.domain = ?) THEN 1 ELSE 0 END AS opd_domain
           FROM tickets t LEFT JOIN requester_contacts c ON c.id = t.requester_contact_id
           WHERE t.number = ?`,
          [address, address, domainOf(address), ticketNumber],
        );
        const row = rows[0];
        if (!row) return false;
        if (
          row.contact_id &&
          row.contact_email &&
          normalizeAddress(row.contact_email) === address
        ) {
          facts.requesterContactId = row.contact_id;
          return true;
        }
        return Number(row.mailed) > 0 || Number(row.opd_domain) > 0;
      },
      isKnownSender: async (address) => {
        // The sender's contact itself (the ticket opened next is theirs: no second lookup) and
        // whether the address is of a known OPD domain, in one statement.
        const rows: {
          contact_id: string | null;
          contact_opd_id: string | null;
          contact_email: string | null;
          domain_known: number | string;
        }[] = await runSql(
          manager,
          `SELECT c.id AS contact_id, c.opd_id AS contact_opd_id, c.email AS contact_email,
             CASE WHEN EXISTS (SELECT 1 FROM opd_email_domains WHERE office_code = ? AND domain = ?)
             THEN 1 ELSE 0 END AS domain_known
           FROM (SELECT 1 AS one) x
           LEFT JOIN requester_contacts c ON c.office_code = ? AND c.email = ?
           LIMIT 1`,
          [officeCode, domainOf(address), officeCode, address],
        );
        const row = rows[0];
        if (row?.contact_id) {
          facts.officeContact = {
            id: row.contact_id,
            opdId: row.contact_opd_id,
            email: row.contact_email,
          };
          return true;
        }
        return Number(row?.domain_known) > 0;
      },
    };
  }

  /** The sender's contact in the office (the first, when an address is there twice). */
  private async contactId(
    manager: EntityManager,
    officeCode: string,
    address: string,
  ): Promise<string | null> {
    const rows: { id: string }[] = await runSql(
      manager,
      'SELECT id FROM requester_contacts WHERE office_code = ? AND email = ? LIMIT 1',
      [officeCode, address],
    );
    return rows[0]?.id ?? null;
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
      await insertRows(manager, InboundMessageEntity, [row]);
      // The attachment copies it carries, for the retention sweep.
      const copies = [...new Set(input.stored.map((a) => a.sha256))];
      await insertRows(
        manager,
        InboundAttachmentEntity,
        copies.map((sha256) => ({ inboundId: row.id, sha256 })),
      );
      return { action, ticketNumber, messageId };
    };

    const verdict = classify(message);
    if (verdict.kind === 'bounce') {
      const bounce = extractBounce(message);
      const original = normalizeMessageId(bounce?.originalMessageId ?? null);
      const { outbound, verified } = await verifyBounce(manager, bounce, original, now);
      const failedTo = bounce?.recipients.map((r) => r.address).join(', ') ?? '';
      if (!verified.length) {
        // Not about mail we sent to the addresses it names: kept for an admin, changes nothing.
        return finish(
          'bounce',
          'suspect',
          null,
          `pentalan tidak terverifikasi: ${failedTo || '?'}${original ? ` (${original})` : ''}, ` +
            (original
              ? outbound
                ? `pesan ${original} tidak dikirim ke alamat itu`
                : `pesan ${original} tidak pernah kami kirim`
              : 'tidak ada e-mail kami ke alamat itu dalam ' + BOUNCE_RECENT_DAYS + ' hari'),
        );
      }
      const permanent = bounce?.permanent !== false;
      if (outbound && permanent) {
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
      if (permanent) await flagBounced(manager, verified, now);
      return finish(
        'bounce',
        'processed',
        outbound?.ticketNumber ?? null,
        `gagal kirim ke ${failedTo || '?'}${original ? ` (${original})` : ''}`,
      );
    }

    const facts: SenderFacts = {};
    const match = await matchThread(message, this.lookups(manager, officeCode, facts));
    const reasons = verdict.reasons.join(', ');
    if (verdict.kind === 'auto-reply') {
      // Recorded on the thread only: never reopens, never counts as the answer, never answered.
      const ticket = match.kind === 'reply' ? match.ticketNumber : null;
      return finish('auto-reply', 'processed', ticket, reasons || null);
    }

    if (match.kind === 'third-party') {
      const held = await this.holdThirdParty(manager, row, match, sender, now);
      if (held) return finish('third-party', 'third-party', match.ticketNumber, held);
    }

    if (match.kind === 'reply') {
      const contactId =
        facts.requesterContactId ??
        (sender ? await this.contactId(manager, officeCode, sender) : null);
      const effect = await this.systemActions.requesterReplied(manager, {
        ticketNumber: match.ticketNumber,
        contactId,
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
    // Sent to an office's complaints address (not a reply): a complaint, from anyone.
    const complaintOffice = sender ? this.complaintRouter?.officeFor(recipients) : null;
    if (complaintOffice && sender && this.complaintRouter) {
      row.officeCode = complaintOffice;
      const number = await this.complaintRouter.fileFromMail(manager, {
        office: complaintOffice,
        fromAddress: sender,
        fromName: message.from?.name ?? null,
        subject: message.subject ?? null,
        bodyText,
        receivedAt: now,
        messageId,
        bodyHtml,
        inboundId: row.id,
        attachments: input.stored,
      });
      return finish('created', 'processed', number, 'pengaduan');
    }
    // A retired office opens nothing new: the message waits in quarantine for an admin.
    const retired = await retiredOffice(manager, officeCode);
    if (retired) return finish('quarantined', 'quarantined', null, retiredOfficeReason(retired));
    if (match.kind === 'quarantine') {
      return finish('quarantined', 'quarantined', null, match.reason);
    }
    if (match.kind === 'third-party') {
      // Its ticket is gone: a stranger's mail, for an admin to look at.
      return finish('quarantined', 'quarantined', null, `pihak ketiga (${match.reason})`);
    }
    const mention = 'mentionedTicketNumber' in match ? match.mentionedTicketNumber : undefined;
    // A known sender's new request becomes a ticket at once; an agent chooses its service.
    const opened = await this.triage.openFromMail(manager, {
      officeCode,
      contactId: null,
      knownContact: facts.officeContact,
      from: sender ?? `tanpa-alamat@${input.hash.slice(0, 12)}.invalid`,
      fromName: message.from?.name ?? null,
      subject: message.subject ?? null,
      bodyText,
      bodyHtml,
      attachments: input.stored,
      messageId,
      inboundId: row.id,
      receivedAt: now,
      via: 'permintaan baru',
      actorId: null,
    });
    return finish(
      'created',
      'processed',
      opened,
      mention ? `tiket triase (menyebut ${mention})` : 'tiket triase',
    );
  }

  /**
   * A genuine reference to a ticket from someone who may not speak for its requester: kept on the
   * ticket's timeline as a held third-party entry (staff only; the portal shows replies only)
   * that an agent accepts (then it is the requester's reply) or dismisses. Nothing else moves:
   * no clock, no reopening, no notice. Null when the ticket is gone.
   */
  private async holdThirdParty(
    manager: EntityManager,
    row: InboundMessageEntity,
    match: { ticketNumber: string; via: string; reason: string },
    sender: string | null,
    now: Date,
  ): Promise<string | null> {
    const ticket = await manager.findOne(TicketEntity, {
      select: { id: true },
      where: { number: match.ticketNumber },
    });
    if (!ticket) return null;
    const summary = JSON.parse(row.summary ?? '{}') as Record<string, unknown>;
    const data: Record<string, unknown> = {
      inboundId: row.id,
      messageId: row.messageId,
      from: sender,
      subject: row.subject,
      bodyText: summary['bodyText'] ?? '',
      bodyHtml: summary['bodyHtml'] ?? null,
      attachments: summary['attachments'] ?? [],
      via: match.via,
      reason: match.reason,
      decision: null,
    };
    await insertRows(manager, TimelineEntryEntity, [
      {
        ticketId: ticket.id,
        kind: 'event',
        event: THIRD_PARTY_EVENT,
        authorId: null,
        body:
          `E-mail dari ${sender ?? 'pengirim tanpa alamat'} ditahan: pengirim bukan pemohon, ` +
          'kontak tiket ini, atau alamat domain OPD-nya. Terima agar dihitung sebagai balasan ' +
          'pemohon, atau abaikan.',
        data,
        at: now,
      },
    ]);
    return `${THIRD_PARTY_REASON} (${match.via}, ${match.reason === 'no-sender' ? 'tanpa pengirim' : 'bukan peserta'})`;
  }

  // ---- admin: quarantine and triage inbox ----

  list(status: InboundStatus): Promise<InboundMessageEntity[]> {
    return this.dataSource.getRepository(InboundMessageEntity).find({
      where: { status },
      order: { receivedAt: 'DESC' },
      take: 200,
    });
  }

  /**
   * Release opens a triage ticket from a quarantined message (the sender becomes a contact of the
   * office), in one transaction with the decision; discard drops it from the lists.
   */
  async decide(
    id: string,
    decision: 'release' | 'discard',
    userId: string,
  ): Promise<InboundMessageEntity | null> {
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(InboundMessageEntity, { where: { id } });
      if (!row || row.status !== 'quarantined') return null;
      const now = this.clock.now();
      let ticketNumber: string | null = null;
      if (decision === 'release') {
        await assertOfficeTakesRequests(manager, row.officeCode);
        const summary = JSON.parse(row.summary ?? '{}') as {
          bodyText?: string;
          bodyHtml?: string | null;
          attachments?: StoredAttachment[];
        };
        ticketNumber = await this.triage.openFromMail(manager, {
          officeCode: row.officeCode,
          contactId: null,
          from: row.fromAddress ?? `tanpa-alamat@${row.sha256.slice(0, 12)}.invalid`,
          fromName: null,
          subject: row.subject,
          bodyText: summary.bodyText ?? '',
          bodyHtml: summary.bodyHtml ?? null,
          attachments: summary.attachments ?? [],
          messageId: row.messageId,
          inboundId: row.id,
          receivedAt: row.receivedAt,
          via: 'dilepas dari karantina',
          actorId: userId,
        });
      }
      const changes = {
        status: (decision === 'release' ? 'released' : 'discarded') as InboundStatus,
        decidedAt: now,
        decidedBy: userId,
        ...(ticketNumber ? { ticketNumber, action: 'created' as InboundAction } : {}),
      };
      const result = await manager.update(
        InboundMessageEntity,
        { id, status: 'quarantined' },
        changes,
      );
      if (!result.affected) return null;
      return { ...row, ...changes };
    });
  }
}
