import { Injectable, Logger } from '@nestjs/common';
import { LAPOR_CLOSE_WORKING_DAYS } from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '@sigap/api-audit';
import { CalendarProvider } from '@sigap/api-calendars';
import { Clock } from '@sigap/api-clock';
import { dialectOf } from '@sigap/api-database';
import {
  event,
  reconcileClocks,
  refreshStoredFigures,
  ServiceCache,
  TicketEntity,
  TicketRepository,
} from '@sigap/api-tickets';
import { ComplaintEntity } from '../complaint.entity';

/**
 * SP4N-LAPOR!'s rule for a report without a reply: it closes 10 working days (office calendar)
 * after the office's follow-up. The complaint keeps that date from the follow-up on; a reply of
 * the reporter (pulled first, on the same beat) calls it off. Each close is one versioned change
 * of the ticket with a note on its timeline.
 */
@Injectable()
export class LaporClosingService {
  private readonly log = new Logger('LaporClosing');

  constructor(
    private readonly dataSource: DataSource,
    private readonly tickets: TicketRepository,
    private readonly cache: ServiceCache,
    private readonly calendars: CalendarProvider,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Closes the reports whose time ran out; answers how many were closed. */
  async closeUnanswered(limit = 200): Promise<number> {
    const now = this.clock.now();
    const manager = this.dataSource.manager;
    const due = await manager
      .createQueryBuilder(ComplaintEntity, 'c')
      .innerJoin(TicketEntity, 't', 't.id = c.ticketId')
      .where('c.laporClosesAt IS NOT NULL AND c.laporClosesAt <= :now', {
        now: dialectOf(manager).instant(now),
      })
      .andWhere("c.laporDirection = 'in'")
      .andWhere("t.status NOT IN ('closed', 'cancelled')")
      .orderBy('c.laporClosesAt', 'ASC')
      .limit(limit)
      .getMany();
    let closed = 0;
    for (const complaint of due) {
      try {
        if (await this.closeOne(complaint.ticketId)) closed++;
      } catch (error) {
        this.log.warn(
          `penutupan laporan SP4N-LAPOR! ${complaint.laporTrackingId ?? '-'} gagal: ${(error as Error).message}`,
        );
      }
    }
    return closed;
  }

  private async closeOne(ticketId: string): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      const row = await tx.findOneOrFail(TicketEntity, { where: { id: ticketId } });
      const calendar = await this.calendars.forOffice(row.officeCode);
      const agg = await this.tickets.load(tx, { id: ticketId }, calendar, null, true);
      // Re-read under the ticket's lock: a reply pulled meanwhile has called the close off.
      const complaint = await tx.findOneOrFail(ComplaintEntity, { where: { ticketId } });
      const t = agg.ticket;
      if (!complaint.laporClosesAt || complaint.laporClosesAt.getTime() > agg.now.getTime())
        return false;
      if (t.status === 'closed' || t.status === 'cancelled') return false;
      const expected = t.version;
      const from = t.status;
      t.resolvedAt ??= agg.now;
      t.closedAt = agg.now;
      t.status = 'closed';
      t.isOpen = false;
      event(agg, 'ticket.status_changed', { from, to: 'closed' });
      event(agg, 'lapor.closed_no_reply', {
        trackingId: complaint.laporTrackingId,
        followedUpAt: complaint.laporFollowedUpAt?.toISOString() ?? null,
        closesAt: complaint.laporClosesAt.toISOString(),
        workingDays: LAPOR_CLOSE_WORKING_DAYS,
      });
      agg.timeline[agg.timeline.length - 1].body =
        `Ditutup otomatis: tidak ada tanggapan pelapor di SP4N-LAPOR! dalam ${LAPOR_CLOSE_WORKING_DAYS} hari kerja setelah tindak lanjut.`;
      reconcileClocks(agg, this.cache);
      refreshStoredFigures(agg, this.cache);
      await this.tickets.save(tx, agg, expected);
      await tx.update(ComplaintEntity, { ticketId }, { laporClosesAt: null });
      await this.audit.record(
        {
          actorId: null,
          action: 'complaint.lapor_closed_no_reply',
          entityType: 'ticket',
          entityId: t.number,
          before: { status: from },
          after: { status: 'closed', closesAt: complaint.laporClosesAt.toISOString() },
        },
        tx,
      );
      return true;
    });
  }
}
