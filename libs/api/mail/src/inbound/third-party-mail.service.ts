/**
 * Mail from someone who is not a participant of the ticket it genuinely refers to is held on that
 * ticket (see `InboundMailService`). An agent who may act on the ticket decides: accepted, it
 * becomes the requester's reply (clock, reopening, notice: the same path as any reply); dismissed,
 * it stays on record and changes nothing. Either way the decision, its author and time are kept.
 */
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@sigap/api-audit';
import { Clock } from '@sigap/api-clock';
import type { AuthUser } from '@sigap/api-identity';
import { ticketAccess } from '@sigap/api-tickets';
import { insertRows, runSql } from '@sigap/api-database';
import { SystemActionsService, type MailReplyEffect } from '@sigap/api-tickets';
import { TicketError } from '@sigap/api-tickets';
import { TicketStepEntity } from '@sigap/api-tickets';
import { TicketEntity } from '@sigap/api-tickets';
import { TimelineEntryEntity } from '@sigap/api-tickets';
import { MailError } from '../mail-error';
import type { StoredAttachment } from './inbound-reading';
import { THIRD_PARTY_EVENT, THIRD_PARTY_REASON } from './third-party-hold';
import { InboundMessageEntity, type InboundStatus } from './inbound-message.entity';
import type { ThirdPartyDecisionView } from '@sigap/contracts';

export type ThirdPartyDecision = 'accept' | 'dismiss';

export type { ThirdPartyDecisionView };

@Injectable()
export class ThirdPartyMailService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly systemActions: SystemActionsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  decide(
    user: AuthUser,
    ticketNumber: string,
    id: string,
    decision: ThirdPartyDecision,
  ): Promise<ThirdPartyDecisionView> {
    const number = ticketNumber.trim().toUpperCase();
    return this.dataSource.transaction(async (manager) => {
      const ticket = await manager.findOne(TicketEntity, {
        select: { id: true, number: true, officeCode: true },
        where: { number },
      });
      if (!ticket) throw TicketError.notFound(number);
      const steps = await manager.find(TicketStepEntity, {
        select: { positionCode: true, executors: true },
        where: { ticketId: ticket.id },
      });
      const access = ticketAccess(user, ticket, steps);
      if (access === 'none') throw TicketError.notFound(number);
      if (access !== 'full') {
        throw new TicketError(
          'ticket.forbidden',
          `Hanya agen kantor tiket ${number} (atau admin) yang boleh memutuskan e-mail pihak ketiga.`,
        );
      }
      const row = await manager.findOne(InboundMessageEntity, {
        where: { id, ticketNumber: number },
      });
      const held = row?.status === 'third-party' || row?.reason?.startsWith(THIRD_PARTY_REASON);
      if (!row || !held) {
        throw new MailError(
          'mail.third_party_not_found',
          `E-mail pihak ketiga ${id} tidak ada pada tiket ${number}.`,
        );
      }
      const now = this.clock.now();
      const status: InboundStatus = decision === 'accept' ? 'processed' : 'discarded';
      // Claimed by a conditional update: of two agents deciding at once, one wins, one gets 409.
      const claimed = await manager.update(
        InboundMessageEntity,
        { id, status: 'third-party' },
        {
          status,
          action: decision === 'accept' ? 'appended' : 'third-party',
          decidedAt: now,
          decidedBy: user.id,
        },
      );
      if (!claimed.affected) {
        throw new MailError(
          'mail.third_party_decided',
          `E-mail pihak ketiga ${id} sudah diputuskan (${row.status}).`,
        );
      }

      let effect: MailReplyEffect | null = null;
      if (decision === 'accept') {
        const summary = JSON.parse(row.summary ?? '{}') as {
          bodyText?: string;
          bodyHtml?: string | null;
          fullText?: string | null;
          attachments?: StoredAttachment[];
        };
        effect = await this.systemActions.requesterReplied(manager, {
          ticketNumber: number,
          contactId: await this.contactOf(manager, ticket.officeCode, row.fromAddress),
          from: row.fromAddress,
          messageId: row.messageId,
          subject: row.subject,
          bodyText: summary.bodyText ?? '',
          bodyHtml: summary.bodyHtml ?? null,
          fullText: summary.fullText ?? null,
          attachments: summary.attachments ?? [],
          inboundId: row.id,
          via: 'pihak ketiga, diterima agen',
        });
        if (!effect) throw TicketError.notFound(number);
      }
      await this.markHeldEntry(manager, ticket.id, id, decision, user.id, now);
      await insertRows(manager, TimelineEntryEntity, [
        {
          ticketId: ticket.id,
          kind: 'event',
          event: decision === 'accept' ? 'mail.third-party-accepted' : 'mail.third-party-dismissed',
          authorId: user.id,
          body:
            decision === 'accept'
              ? `E-mail dari ${row.fromAddress ?? 'pengirim tanpa alamat'} diterima sebagai balasan pemohon.`
              : `E-mail dari ${row.fromAddress ?? 'pengirim tanpa alamat'} diabaikan.`,
          data: { inboundId: id, decision, effect },
          at: now,
        },
      ]);
      await this.audit.record(
        {
          actorId: user.id,
          action: `ticket.third_party_mail_${decision === 'accept' ? 'accepted' : 'dismissed'}`,
          entityType: 'ticket',
          entityId: number,
          after: { inboundId: id, from: row.fromAddress, effect },
        },
        manager,
      );
      return {
        id,
        ticketNumber: number,
        decision,
        status,
        effect,
        decidedAt: now.toISOString(),
        decidedBy: user.id,
      };
    });
  }

  /** The sender's contact in the ticket's office, when the address is one. */
  private async contactOf(
    manager: EntityManager,
    officeCode: string,
    address: string | null,
  ): Promise<string | null> {
    if (!address) return null;
    const rows: { id: string }[] = await runSql(
      manager,
      'SELECT id FROM requester_contacts WHERE office_code = ? AND email = ? LIMIT 1',
      [officeCode, address],
    );
    return rows[0]?.id ?? null;
  }

  /** Records the decision on the held entry itself, so the timeline shows it settled. */
  private async markHeldEntry(
    manager: EntityManager,
    ticketId: string,
    inboundId: string,
    decision: ThirdPartyDecision,
    userId: string,
    at: Date,
  ): Promise<void> {
    const held = await manager.find(TimelineEntryEntity, {
      where: { ticketId, event: THIRD_PARTY_EVENT },
    });
    const entry = held.find((e) => e.data?.['inboundId'] === inboundId);
    if (!entry) return;
    await manager.update(
      TimelineEntryEntity,
      { id: entry.id },
      { data: { ...entry.data, decision, decidedBy: userId, decidedAt: at.toISOString() } },
    );
  }
}
