import type { IncidentLevel, PriorityTarget, SupportHours } from '@sigap/contracts';
import type { EntityManager } from 'typeorm';
import type { ItServiceEntity } from '@sigap/api-it-services';
import type { ClockRow, TicketAggregate, TicketEntity } from '@sigap/api-tickets';
import { IncidentError } from './incident-error';
import { IncidentEntity, TicketItServiceEntity } from './incident.entity';

/** How affected services set an incident's clocks: 24x7 when any of them is supported so. */
export function supportHoursOf(services: readonly ItServiceEntity[]): SupportHours {
  return services.some((s) => s.supportHours === '24x7') ? '24x7' : 'office';
}

/** The incident row of a ticket; a 409 when the ticket is not an incident. */
export async function incidentOf(
  manager: EntityManager,
  ticket: Pick<TicketEntity, 'id' | 'number' | 'kind'>,
): Promise<IncidentEntity> {
  const incident =
    ticket.kind === 'incident'
      ? await manager.findOne(IncidentEntity, { where: { ticketId: ticket.id } })
      : null;
  if (!incident) {
    throw new IncidentError('incident.not_incident', `Tiket ${ticket.number} bukan gangguan.`);
  }
  return incident;
}

/** An incident's own rows: its facts and the services it touches, in the order named. */
export async function insertIncidentRows(
  manager: EntityManager,
  ticket: Pick<TicketEntity, 'id' | 'officeCode'>,
  facts: {
    services: readonly ItServiceEntity[];
    impact: IncidentLevel;
    urgency: IncidentLevel;
    target: PriorityTarget;
    hours: SupportHours;
    owner: string | null;
    now: Date;
  },
): Promise<void> {
  await manager.insert(IncidentEntity, {
    ticketId: ticket.id,
    officeCode: ticket.officeCode,
    impact: facts.impact,
    urgency: facts.urgency,
    priority: facts.target.priority,
    priorityName: facts.target.name,
    responseTime: facts.target.response,
    resolutionTime: facts.target.resolution,
    supportHours: facts.hours,
    ownerPosition: facts.owner,
    createdAt: facts.now,
    updatedAt: facts.now,
  });
  if (facts.services.length) {
    await manager.insert(
      TicketItServiceEntity,
      facts.services.map((s, i) => ({
        ticketId: ticket.id,
        itServiceId: s.id,
        officeCode: ticket.officeCode,
        position: i + 1,
      })),
    );
  }
}

/** A clock row dated at `at` (a mail's receipt), before anything else on that clock. */
export function clockRowAt(
  agg: TicketAggregate,
  clock: string,
  round: number,
  at: Date,
  duration: string,
): void {
  const row: ClockRow = { clock, round, type: 'start', at, duration, reason: null };
  agg.clockRows.unshift(row);
  agg.newClockRows.push(row);
}
