/**
 * Ticket changes made by the system on behalf of someone who does not sign in: a requester's
 * e-mail reply. They go through the same state table, clock rules and versioned write as the
 * agents' actions; the actor recorded is the sender's contact (`authorId` null on the timeline,
 * the contact in the event data and in the audit log).
 */
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '@sigap/api-audit';
import { CalendarProvider } from '@sigap/api-calendars';
import { AppConfig } from '@sigap/api-config';
import { ServiceCache } from './service-cache';
import { TicketActingService } from './ticket-acting.service';
import { TicketError } from './ticket-error';
import { followMerged, TicketRepository } from './ticket-repository';
import { TicketEntity } from './ticket.entity';
import {
  event,
  reconcileClocks,
  refreshStoredFigures,
  transition,
  type TicketAggregate,
} from './workflow';

/** The outbox kind that tells the ticket's assignees a requester wrote. */
export const REQUESTER_REPLIED_KIND = 'ticket.requester-replied';

export interface MailReplyInput {
  ticketNumber: string;
  /** The sender's contact, when the address is a known contact; null for an OPD-domain sender. */
  contactId: string | null;
  from: string | null;
  messageId: string;
  subject: string | null;
  bodyText: string;
  bodyHtml: string | null;
  /** A plain-text mail whole, quoted history included, when `bodyText` left some out. */
  fullText?: string | null;
  attachments: { filename: string; size: number; contentType: string; sha256: string }[];
  /** The stored inbound message; null for an answer written in the requester portal. */
  inboundId: string | null;
  via: string;
  /** Where the requester wrote: e-mail (default), the requester portal or SP4N-LAPOR!. */
  channel?: 'email' | 'portal' | 'lapor';
}

const RECEIVED_EVENT = {
  email: 'mail.received',
  portal: 'portal.received',
  lapor: 'lapor.reply',
} as const;

const REOPEN_REASON = {
  email: 'Pemohon membalas e-mail setelah tiket diselesaikan.',
  portal: 'Pemohon menjawab melalui portal setelah tiket diselesaikan.',
  lapor: 'Pelapor menanggapi di SP4N-LAPOR! setelah tiket diselesaikan.',
} as const;

/** What the reply changed besides the timeline entry. */
export type MailReplyEffect = 'answered' | 'reopened' | 'appended';

@Injectable()
export class SystemActionsService {
  constructor(
    private readonly repository: TicketRepository,
    private readonly acting: TicketActingService,
    private readonly cache: ServiceCache,
    private readonly calendars: CalendarProvider,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /**
   * A requester's e-mail reply, in the caller's transaction: appended to the timeline; a waiting
   * ticket counts as answered (its clocks resume); a resolved or closed ticket within
   * `SIGAP_REOPEN_DAYS` reopens; the assignees are notified. The ticket version moves on.
   * Null when no ticket has that number.
   */
  async requesterReplied(
    manager: EntityManager,
    input: MailReplyInput,
  ): Promise<MailReplyEffect | null> {
    // A reply to a merged duplicate lands on the ticket it continues under.
    const number = await followMerged(manager, input.ticketNumber);
    const agg = await this.repository.loadLocked(manager, number, null);
    if (!agg) return null; // the ticket is gone: the caller files the mail as new
    const expected = agg.ticket.version;
    const before = snapshot(agg);
    const actor = { type: 'contact', contactId: input.contactId, email: input.from };
    agg.timeline.push({
      kind: 'reply',
      event: RECEIVED_EVENT[input.channel ?? 'email'],
      authorId: null,
      body: input.bodyText,
      data: {
        messageId: input.messageId,
        from: input.from,
        contactId: input.contactId,
        subject: input.subject,
        bodyText: input.bodyText,
        bodyHtml: input.bodyHtml,
        ...(input.fullText ? { fullText: input.fullText } : {}),
        attachments: input.attachments,
        inboundId: input.inboundId,
        via: input.via,
        ...(number !== input.ticketNumber ? { repliedTo: input.ticketNumber } : {}),
      },
    });

    let effect: MailReplyEffect = 'appended';
    const t = agg.ticket;
    if (t.status === 'waiting') {
      transition(agg, 'requester-answered');
      event(agg, 'ticket.requester_answered', {
        via: input.channel ?? 'email',
        messageId: input.messageId,
        actor,
      });
      effect = 'answered';
    } else if (this.withinReopenWindow(t, agg.now)) {
      const previous = { round: t.clockRound, snapshot: t.slaSnapshot };
      transition(agg, 'reopen');
      t.clockRound += 1;
      t.slaSnapshot = null;
      t.closedAt = null;
      t.resolvedAt = null;
      t.alerted = null;
      event(agg, 'ticket.reopened', {
        reason: REOPEN_REASON[input.channel ?? 'email'],
        via: input.channel ?? 'email',
        messageId: input.messageId,
        actor,
        previousRound: previous.round,
        previousFigures: previous.snapshot ? JSON.parse(previous.snapshot) : null,
      });
      effect = 'reopened';
    }

    // Told: whoever holds the active step (the one waiting on the requester), else the agent.
    const stepAssignees = agg.steps
      .filter((s) => s.status === 'active')
      .map((s) => s.assigneeId)
      .filter((id): id is string => !!id);
    const recipients = stepAssignees.length
      ? [...new Set(stepAssignees)]
      : t.assigneeId
        ? [t.assigneeId]
        : [];
    if (recipients.length) {
      agg.outbox.push({
        kind: REQUESTER_REPLIED_KIND,
        payload: {
          ticket: t.number,
          recipients,
          from: input.from,
          contactId: input.contactId,
          body: input.bodyText.slice(0, 4000),
          effect,
          attachments: input.attachments.length,
        },
      });
    }

    reconcileClocks(agg, this.cache);
    refreshStoredFigures(agg, this.cache);
    await this.repository.save(manager, agg, expected, staleTicket);
    await this.audit.record(
      {
        actorId: input.contactId,
        action: `ticket.requester_${input.channel === 'portal' || input.channel === 'lapor' ? input.channel : 'mail'}_${effect}`,
        entityType: 'ticket',
        entityId: t.number,
        before,
        after: { ...snapshot(agg), actor },
      },
      manager,
    );
    return effect;
  }

  /**
   * Documents a requester handed in through the portal, one per checklist line, in the caller's
   * transaction: each line becomes `received` (a verified line stays verified) with the file
   * added. The ticket's state and clocks do not move: the agent verifies, and an answer (above)
   * is what resumes a waiting ticket. Null when no ticket has that number.
   */
  async requesterDocuments(
    manager: EntityManager,
    input: {
      ticketNumber: string;
      contactId: string;
      documents: { code: string; attachmentId: string }[];
    },
  ): Promise<'recorded' | null> {
    const pre = await manager.findOne(TicketEntity, {
      select: { officeCode: true },
      where: { number: input.ticketNumber },
    });
    if (!pre) return null;
    const calendar = await this.calendars.forOffice(pre.officeCode);
    const agg = await this.repository.load(manager, input.ticketNumber, calendar, null, true);
    const expected = agg.ticket.version;
    const actor = { type: 'contact', contactId: input.contactId };
    for (const doc of input.documents) {
      const item = this.acting.itemOf(agg, doc.code);
      if (item.status !== 'verified') {
        item.status = 'received';
        item.reason = null;
      }
      item.attachmentIds = [...new Set([...(item.attachmentIds ?? []), doc.attachmentId])];
      item.updatedBy = null;
      item.updatedAt = agg.now;
      agg.dirtyItems.add(item);
      event(agg, 'checklist.received', {
        code: doc.code,
        attachmentIds: [doc.attachmentId],
        via: 'portal',
        actor,
      });
    }
    reconcileClocks(agg, this.cache);
    refreshStoredFigures(agg, this.cache);
    await this.repository.save(manager, agg, expected, staleTicket);
    await this.audit.record(
      {
        actorId: input.contactId,
        action: 'ticket.requester_documents',
        entityType: 'ticket',
        entityId: agg.ticket.number,
        after: { documents: input.documents, actor },
      },
      manager,
    );
    return 'recorded';
  }

  /** A resolved ticket (since its resolution) or a closed one (since closing), within the days. */
  private withinReopenWindow(t: TicketEntity, now: Date): boolean {
    const since =
      t.status === 'resolved' ? t.resolvedAt : t.status === 'closed' ? t.closedAt : null;
    if (!since) return false;
    return now.getTime() - since.getTime() <= this.config.reopenWindowDays * 86_400_000;
  }
}

function snapshot(agg: TicketAggregate): Record<string, unknown> {
  return {
    status: agg.ticket.status,
    slaState: agg.ticket.slaState,
    version: agg.ticket.version,
    clockRound: agg.ticket.clockRound,
  };
}

function staleTicket(t: TicketEntity, expected: number): TicketError {
  return new TicketError(
    'ticket.stale_version',
    `Tiket ${t.number} berubah bersamaan (versi ${expected}); ulangi.`,
  );
}
