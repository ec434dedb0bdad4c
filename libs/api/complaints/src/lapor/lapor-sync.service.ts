import { Injectable, Logger } from '@nestjs/common';
import type { ComplaintView, LaporPullResponse } from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '@sigap/api-audit';
import { Clock } from '@sigap/api-clock';
import { dialectOf } from '@sigap/api-database';
import type { AuthUser } from '@sigap/api-identity';
import { OfficeEntity } from '@sigap/api-offices';
import { RequesterContactEntity } from '@sigap/api-opds';
import { TicketEntity } from '@sigap/api-tickets';
import { TicketRepository } from '@sigap/api-tickets';
import { ComplaintError } from '../complaint-error';
import { complaintView, loadComplaint } from '../complaint-view';
import { ComplaintEntity } from '../complaint.entity';
import { cleanText } from '../complaint-text';
import { LaporError, LaporGateway } from './lapor-gateway';
import { LaporInboundService, PullOvertaken } from './lapor-inbound.service';

const DAY_MS = 86_400_000;

/**
 * The SP4N-LAPOR! sync of complaints: forwarding one (its tracking id kept), pulling its status
 * and answers on request or on schedule, each answer landing once on the timeline.
 */
@Injectable()
export class LaporSyncService {
  private readonly log = new Logger('Lapor');

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly lapor: LaporGateway,
    private readonly tickets: TicketRepository,
    private readonly inbound: LaporInboundService,
  ) {}

  /** Forwards the complaint to SP4N-LAPOR! and keeps its tracking id. */
  async forwardToLapor(user: AuthUser, number: string): Promise<ComplaintView> {
    if (!this.lapor.available) {
      throw new ComplaintError(
        'complaint.lapor_unavailable',
        'Koneksi SP4N-LAPOR! belum dikonfigurasi (SIGAP_LAPOR_URL dan SIGAP_LAPOR_TOKEN).',
      );
    }
    const manager = this.dataSource.manager;
    const { ticket, complaint } = await loadComplaint(manager, user, number, 'full');
    if (complaint.laporTrackingId) {
      throw new ComplaintError(
        'complaint.lapor_already_forwarded',
        `Pengaduan ${number} sudah diteruskan ke SP4N-LAPOR! (${complaint.laporTrackingId}).`,
      );
    }
    const [office, contact] = await Promise.all([
      manager.findOneOrFail(OfficeEntity, { where: { code: ticket.officeCode } }),
      manager.findOne(RequesterContactEntity, { where: { id: ticket.requesterContactId } }),
    ]);
    let result: { trackingId: string; status: string };
    try {
      result = await this.lapor.forward({
        reference: ticket.number,
        category: complaint.category,
        title: ticket.subject,
        text: ticket.description,
        agency: { code: office.code, name: office.name },
        reporter: { name: contact?.name ?? '-', email: contact?.email ?? null },
        submittedAt: ticket.receivedAt.toISOString(),
      });
    } catch (error) {
      throw laporFailed(error);
    }
    const now = this.clock.now();
    await this.dataSource.transaction(async (tx) => {
      await tx.update(
        ComplaintEntity,
        { ticketId: ticket.id },
        {
          laporTrackingId: result.trackingId,
          laporStatus: clip(result.status, 60),
          laporForwardedAt: now,
          laporSyncedAt: now,
        },
      );
      await this.tickets.appendTimeline(
        tx,
        ticket.id,
        [
          {
            kind: 'event',
            event: 'lapor.forwarded',
            authorId: user.id,
            body: null,
            data: { trackingId: result.trackingId, status: result.status },
          },
        ],
        now,
      );
      await this.audit.record(
        {
          actorId: user.id,
          action: 'complaint.lapor_forwarded',
          entityType: 'ticket',
          entityId: ticket.number,
          after: { trackingId: result.trackingId },
        },
        tx,
      );
    });
    return this.view(user, number);
  }

  /** Pulls the LAPOR! status and answers; each new answer lands once on the timeline. */
  async pullFromLapor(user: AuthUser, number: string): Promise<LaporPullResponse> {
    const manager = this.dataSource.manager;
    const { ticket, complaint } = await loadComplaint(manager, user, number, 'full');
    if (!complaint.laporTrackingId) {
      throw new ComplaintError(
        'complaint.lapor_not_forwarded',
        `Pengaduan ${number} belum diteruskan ke SP4N-LAPOR!.`,
      );
    }
    if (!this.lapor.available) {
      throw new ComplaintError(
        'complaint.lapor_unavailable',
        'Koneksi SP4N-LAPOR! belum dikonfigurasi (SIGAP_LAPOR_URL dan SIGAP_LAPOR_TOKEN).',
      );
    }
    const added = await this.pullOne(ticket.id, complaint.laporTrackingId);
    return { complaint: await this.view(user, number), added };
  }

  /**
   * The scheduled pull (`SIGAP_LAPOR_PULL_SECONDS`): every forwarded complaint whose ticket is
   * open, or was forwarded within the last 30 days, longest unsynced first; a failure of one
   * does not stop the others. Answers how many were pulled, failed, and the answers added.
   */
  async pullDueFromLapor(limit = 200): Promise<{ pulled: number; failed: number; added: number }> {
    const result = { pulled: 0, failed: 0, added: 0 };
    if (!this.lapor.available) return result;
    const manager = this.dataSource.manager;
    const since = new Date(this.clock.nowMs() - 30 * DAY_MS);
    const due = await manager
      .createQueryBuilder(ComplaintEntity, 'c')
      .innerJoin(TicketEntity, 't', 't.id = c.ticketId')
      .where('c.laporTrackingId IS NOT NULL')
      .andWhere(
        '(t.isOpen = :open OR c.laporForwardedAt > :since OR c.laporClosesAt IS NOT NULL)',
        {
          open: true,
          since: dialectOf(manager).instant(since),
        },
      )
      .orderBy('c.laporSyncedAt', 'ASC')
      .limit(limit)
      .getMany();
    for (const complaint of due) {
      if (!complaint.laporTrackingId) continue;
      try {
        result.added += await this.pullOne(complaint.ticketId, complaint.laporTrackingId);
        result.pulled++;
      } catch (error) {
        result.failed++;
        // The tracking id is the agency's reference, not personal data; the reason may be shown.
        this.log.warn(
          `tarikan SP4N-LAPOR! ${complaint.laporTrackingId} gagal: ${(error as Error).message}`,
        );
      }
    }
    return result;
  }

  /** Pulls one forwarded complaint; each new LAPOR! answer lands once on the timeline. */
  private async pullOne(ticketId: string, trackingId: string): Promise<number> {
    let state: Awaited<ReturnType<LaporGateway['pull']>>;
    try {
      state = await this.lapor.pull(trackingId);
    } catch (error) {
      throw laporFailed(error);
    }
    const direction = await this.dataSource.manager.findOne(ComplaintEntity, {
      select: { ticketId: true, laporDirection: true },
      where: { ticketId },
    });
    if (direction?.laporDirection === 'in') {
      // A report that came from LAPOR!: the reporter's replies thread onto the ticket.
      return this.inbound.applyState(ticketId, state).catch((error: unknown) => {
        if (error instanceof PullOvertaken) return 0;
        throw error;
      });
    }
    const now = this.clock.now();
    const write = this.dataSource.transaction(async (tx) => {
      // Re-read under the transaction: two pulls at once add each answer once.
      const current = await tx.findOneOrFail(ComplaintEntity, { where: { ticketId } });
      const fresh = state.updates.slice(current.laporSeen);
      if (fresh.length) {
        await this.tickets.appendTimeline(
          tx,
          ticketId,
          fresh.map((u) => ({
            kind: 'event' as const,
            event: 'lapor.update',
            authorId: null,
            body: u.answer ? clip(cleanText(u.answer), 20_000) : null,
            data: { trackingId, status: u.status, from: u.from, at: u.at },
          })),
          now,
        );
      }
      const result = await tx
        .createQueryBuilder()
        .update(ComplaintEntity)
        .set({
          laporStatus: clip(state.status, 60),
          laporSyncedAt: now,
          laporSeen: current.laporSeen + fresh.length,
        })
        .where('ticket_id = :id AND lapor_seen = :seen', {
          id: ticketId,
          seen: current.laporSeen,
        })
        .execute();
      // Another pull got there first: its entries stand, ours roll back.
      if (!result.affected) throw new PullOvertaken();
      return fresh.length;
    });
    return write.catch((error: unknown) => {
      if (error instanceof PullOvertaken) return 0;
      throw error;
    });
  }

  private async view(user: AuthUser, number: string): Promise<ComplaintView> {
    const manager = this.dataSource.manager;
    const { ticket, complaint } = await loadComplaint(manager, user, number, 'read');
    return complaintView(manager, ticket, complaint, this.lapor.available);
  }
}

function laporFailed(error: unknown): ComplaintError {
  const reason = error instanceof LaporError ? error.message : 'galat tak terduga';
  return new ComplaintError('complaint.lapor_failed', `SP4N-LAPOR! gagal: ${reason}`);
}

function clip(value: string, max: number): string {
  return value.length > max ? value.slice(0, max) : value;
}
