import type { ComplaintView } from '@sigap/contracts';
import { DEFAULT_COMPLAINT_TIER } from '@sigap/contracts';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '@sigap/api-identity';
import { ticketAccess } from '@sigap/api-tickets';
import { TicketEntity } from '@sigap/api-tickets';
import { ComplaintError } from './complaint-error';
import { ComplaintEntity } from './complaint.entity';

/** The tier a complaint was filed under; no tier of the office's own: the default. */
export function tierOf(c: ComplaintEntity): { code: string; name: string; workingDays: number } {
  return c.tierCode && c.tierName && c.tierWorkingDays
    ? { code: c.tierCode, name: c.tierName, workingDays: c.tierWorkingDays }
    : {
        code: DEFAULT_COMPLAINT_TIER.code,
        name: DEFAULT_COMPLAINT_TIER.name,
        workingDays: DEFAULT_COMPLAINT_TIER.workingDays,
      };
}

/** A complaint's ticket and row as `user` may see them (404 for what they may not see). */
export async function loadComplaint(
  manager: EntityManager,
  user: AuthUser,
  number: string,
  need: 'read' | 'full',
): Promise<{ ticket: TicketEntity; complaint: ComplaintEntity }> {
  const ticket = await manager.findOne(TicketEntity, { where: { number } });
  const complaint =
    ticket?.kind === 'complaint'
      ? await manager.findOne(ComplaintEntity, { where: { ticketId: ticket.id } })
      : null;
  if (!ticket || !complaint) throw ComplaintError.notFound(number);
  const access = ticketAccess(user, ticket, []);
  if (access === 'none') throw ComplaintError.notFound(number);
  if (need === 'full' && access !== 'full') {
    throw new ComplaintError(
      'complaint.forbidden',
      `Hanya helpdesk kantor "${ticket.officeCode}" yang boleh meneruskan pengaduan ini.`,
    );
  }
  return { ticket, complaint };
}

/** The complaint's own facts; `laporAvailable`: whether the LAPOR! connection is configured. */
export async function complaintView(
  manager: EntityManager,
  ticket: TicketEntity,
  complaint: ComplaintEntity,
  laporAvailable: boolean,
): Promise<ComplaintView> {
  const related = ticket.relatedTicketId
    ? await manager.findOne(TicketEntity, {
        select: { id: true, number: true },
        where: { id: ticket.relatedTicketId },
      })
    : null;
  return {
    number: ticket.number,
    office: ticket.officeCode,
    category: complaint.category,
    source: complaint.source,
    relatedTicket: related?.number ?? null,
    service: ticket.serviceCode,
    tier: tierOf(complaint),
    lapor: {
      available: laporAvailable,
      trackingId: complaint.laporTrackingId,
      status: complaint.laporStatus,
      forwardedAt: complaint.laporForwardedAt?.toISOString() ?? null,
      syncedAt: complaint.laporSyncedAt?.toISOString() ?? null,
      direction: complaint.laporDirection ?? (complaint.laporTrackingId ? 'out' : null),
      reporter: complaint.laporReporter ?? null,
      closesAt: complaint.laporClosesAt?.toISOString() ?? null,
    },
  };
}
