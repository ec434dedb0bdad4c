/**
 * Inbound mail: stores each raw message first (content-addressed in the data folder or the
 * bucket, `SIGAP_STORAGE_URL`; one row in
 * `inbound_messages` with its Message-ID unique), then decides in one transaction what it is: a
 * duplicate, a bounce (acted on only when it is about mail we sent to the address it names;
 * otherwise kept as `suspect`), an auto-reply (recorded, nothing else), a participant's reply
 * (appended to the ticket's timeline as the requester's answer), a genuine reply from anyone
 * else (held on the ticket as third-party mail for an agent), a new request from a known sender
 * (a ticket at once, without a service until an agent chooses one in triage) or mail from a
 * stranger (quarantine; releasing it opens such a ticket too).
 */
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Injectable, Optional } from '@nestjs/common';
import {
  classify,
  matchThread,
  normalizeMessageId,
  senderAddress,
  stripQuoted,
  stripQuotedHtml,
  sanitizeHtml,
  type InboundMessage,
} from '@sigap/mail-threading';
import { DataSource, EntityManager } from 'typeorm';
import { MetricsService } from '@sigap/api-observability';
import { Clock } from '@sigap/api-clock';
import { ComplaintMailRouter } from '@sigap/api-complaints';
import { IncidentMailIntake } from '@sigap/api-incidents';
import { AppConfig } from '@sigap/api-config';
import { objectStoreFor, type ObjectStore } from '@sigap/api-attachments';
import { followMerged, SystemActionsService, TriageService } from '@sigap/api-tickets';
import { dialectOf, insertRows } from '@sigap/api-database';
import { InboundAttachmentEntity } from '../retention/inbound-attachment.entity';
import { applyBounce } from './bounce-checks';
import { InboundIdentification, type SenderFacts } from './inbound-identification';
import {
  InboundMessageEntity,
  type InboundAction,
  type InboundStatus,
} from './inbound-message.entity';
import {
  clip,
  readInboundMessage,
  sha256,
  type ReadMessage,
  type StoredAttachment,
} from './inbound-reading';
import { assertOfficeTakesRequests, retiredOffice, retiredOfficeReason } from './retired-office';
import { holdThirdParty } from './third-party-hold';
import type { InboundResultView } from '@sigap/contracts';

/**
 * At most this much of a plain-text mail's whole text is kept beside its own words: the timeline
 * keeps an entry's data in a TEXT column (64 KB on MariaDB), next to the text and the HTML.
 */
const FULL_TEXT_MAX = 16_000;

/** What a raw message became (the API's answer to the intake). */
export type InboundResult = InboundResultView;

@Injectable()
export class InboundMailService {
  /** Raw messages (`.eml`), by their SHA-256. */
  private readonly raws: ObjectStore;
  /** Copies of the attachments inbound mail carries, by their SHA-256. */
  private readonly copies: ObjectStore;
  private readonly identification: InboundIdentification;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly systemActions: SystemActionsService,
    private readonly triage: TriageService,
    @Optional() private readonly complaintRouter?: ComplaintMailRouter,
    @Optional() private readonly metrics?: MetricsService,
    @Optional() private readonly incidentIntake?: IncidentMailIntake,
  ) {
    this.raws = objectStoreFor(config, 'mail-raw');
    this.copies = objectStoreFor(config, 'mail-attachments');
    this.identification = new InboundIdentification(config);
  }

  /** The kept raw message with this checksum, whole. */
  readRaw(hash: string): Promise<Buffer> {
    return this.raws.read(hash);
  }

  /**
   * An inbound message's row and a stream of its raw bytes as received, for an admin; null when
   * there is no such message, `gone` when the retention sweep has removed its raw copy.
   */
  async openRaw(
    id: string,
  ): Promise<{ row: InboundMessageEntity; size: number; stream: Readable } | 'gone' | null> {
    const row = await this.dataSource
      .getRepository(InboundMessageEntity)
      .findOne({ where: { id } });
    if (!row) return null;
    const kept = await this.raws.stat(row.sha256);
    if (!kept) return 'gone';
    return { row, size: kept.size, stream: this.raws.open(row.sha256) };
  }

  /** Reads as much of the MIME as possible; never throws. */
  read(raw: Buffer): Promise<ReadMessage> {
    return readInboundMessage(raw);
  }

  /** Takes one raw message through the one inbound door; counted by what was done with it. */
  async accept(raw: Buffer, recipients: string[] = []): Promise<InboundResult> {
    const result = await this.receive(raw, recipients);
    this.metrics?.inboundMessages.inc({ action: result.action });
    return result;
  }

  private async receive(raw: Buffer, recipients: string[]): Promise<InboundResult> {
    const hash = sha256(raw);
    // The raw message is stored before anything is decided (parsed meanwhile).
    const [, { message, attachments, parseError }] = await Promise.all([
      this.raws.put(raw),
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

    // Each attachment copy is stored under the address of its bytes (the store hashes them).
    const kept = attachments.filter((a) => a.content && a.contentDisposition !== 'inline');
    const addresses = await Promise.all(kept.map((a) => this.copies.put(a.content)));
    const stored = kept.map((a, i): StoredAttachment => ({
      filename: a.filename ?? 'lampiran',
      size: a.size ?? a.content.length,
      contentType: a.contentType ?? 'application/octet-stream',
      sha256: addresses[i] as string,
    }));
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
    const officeCode = await this.identification.officeFor(manager, recipients);
    const sender = senderAddress(message);
    const textParts = stripQuoted(message.text ?? '');
    const htmlParts = message.html ? stripQuotedHtml(message.html) : null;
    const bodyText = textParts.visible || htmlParts?.text || '';
    const bodyHtml = htmlParts ? sanitizeHtml(htmlParts.html) : null;
    // A plain-text mail keeps what was cut from it too (quoted history, signature), for the
    // workspace to show folded; an HTML one is shown from its HTML.
    const cut = textParts.quoted || textParts.signature;
    const fullText = !bodyHtml && cut ? clip(message.text ?? '', FULL_TEXT_MAX) : null;
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
      // The recipients too: a message released from quarantine opens what its address asked
      // for (an incident when it went to the incident address).
      summary: JSON.stringify({
        bodyText,
        bodyHtml,
        fullText,
        attachments: input.stored,
        recipients: recipients.slice(0, 50),
      }),
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
      const outcome = await applyBounce(manager, message, now);
      return finish('bounce', outcome.status, outcome.ticketNumber, outcome.reason);
    }

    const facts: SenderFacts = {};
    const match = await matchThread(
      message,
      this.identification.lookups(manager, officeCode, facts),
    );
    const reasons = verdict.reasons.join(', ');
    if (verdict.kind === 'auto-reply') {
      // Recorded on the thread only: never reopens, never counts as the answer, never answered.
      const ticket = match.kind === 'reply' ? match.ticketNumber : null;
      return finish('auto-reply', 'processed', ticket, reasons || null);
    }

    if (match.kind === 'third-party') {
      const held = await holdThirdParty(manager, row, match, sender, now);
      if (held) return finish('third-party', 'third-party', match.ticketNumber, held);
    }

    if (match.kind === 'reply') {
      const contactId =
        facts.requesterContactId ??
        (sender ? await this.identification.contactId(manager, officeCode, sender) : null);
      // A reply to a merged duplicate is filed under the ticket it continues under (the
      // system action follows the merge too, and notes the number the requester answered).
      const ticketNumber = await followMerged(manager, match.ticketNumber);
      const effect = await this.systemActions.requesterReplied(manager, {
        ticketNumber: match.ticketNumber,
        contactId,
        from: sender,
        messageId,
        subject: message.subject ?? null,
        bodyText,
        bodyHtml,
        fullText,
        attachments: input.stored,
        inboundId: row.id,
        via: match.via,
      });
      if (effect) {
        const what =
          effect === 'appended' ? '' : `, ${effect === 'answered' ? 'dijawab' : 'dibuka ulang'}`;
        const merged =
          ticketNumber !== match.ticketNumber ? `, digabung dari ${match.ticketNumber}` : '';
        return finish(
          'appended',
          'processed',
          ticketNumber,
          `balasan (${match.via}${what}${merged})`,
        );
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
    // Sent to the office's incident address: an incident, after the same checks as a request.
    const incidentOffice = await this.incidentIntake?.officeFor(manager, recipients);
    const asIncident = incidentOffice === officeCode;
    // A known sender's new request becomes a ticket at once; an agent chooses its service.
    const opener: Pick<TriageService, 'openFromMail'> =
      asIncident && this.incidentIntake ? this.incidentIntake : this.triage;
    const opened = await opener.openFromMail(manager, {
      officeCode,
      contactId: null,
      knownContact: facts.officeContact,
      from: sender ?? `tanpa-alamat@${input.hash.slice(0, 12)}.invalid`,
      fromName: message.from?.name ?? null,
      subject: message.subject ?? null,
      bodyText,
      bodyHtml,
      fullText,
      attachments: input.stored,
      messageId,
      inboundId: row.id,
      receivedAt: now,
      via: asIncident ? 'alamat gangguan' : 'permintaan baru',
      actorId: null,
    });
    const what = asIncident ? 'gangguan' : 'tiket triase';
    return finish('created', 'processed', opened, mention ? `${what} (menyebut ${mention})` : what);
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
          fullText?: string | null;
          attachments?: StoredAttachment[];
          recipients?: unknown;
        };
        const recipients = Array.isArray(summary.recipients)
          ? summary.recipients.filter((r): r is string => typeof r === 'string')
          : [];
        const asIncident =
          !!this.incidentIntake &&
          (await this.incidentIntake.officeFor(manager, recipients)) === row.officeCode;
        const opener: Pick<TriageService, 'openFromMail'> =
          asIncident && this.incidentIntake ? this.incidentIntake : this.triage;
        ticketNumber = await opener.openFromMail(manager, {
          officeCode: row.officeCode,
          contactId: null,
          from: row.fromAddress ?? `tanpa-alamat@${row.sha256.slice(0, 12)}.invalid`,
          fromName: null,
          subject: row.subject,
          bodyText: summary.bodyText ?? '',
          bodyHtml: summary.bodyHtml ?? null,
          fullText: summary.fullText ?? null,
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
