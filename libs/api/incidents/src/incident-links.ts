import type { IncidentLinkView, ProblemSummary } from '@sigap/contracts';
import { In, type EntityManager } from 'typeorm';
import { RequesterContactEntity } from '@sigap/api-opds';
import { TicketEntity } from '@sigap/api-tickets';
import type { IncidentEntity } from './incident.entity';
import { childTickets } from './major-incidents.service';
import { ProblemEntity } from './problem.entity';

/** Tickets as the other side of a link shows them, with their reporters' names. */
export async function linkViews(
  manager: EntityManager,
  tickets: readonly TicketEntity[],
): Promise<IncidentLinkView[]> {
  const ids = [...new Set(tickets.map((t) => t.requesterContactId))];
  const contacts = ids.length
    ? await manager.find(RequesterContactEntity, {
        select: { id: true, name: true },
        where: { id: In(ids) },
      })
    : [];
  const names = new Map(contacts.map((c) => [c.id, c.name]));
  return tickets.map((t) => ({
    number: t.number,
    subject: t.subject,
    status: t.status,
    requesterName: names.get(t.requesterContactId) ?? null,
  }));
}

/** An incident's links: its parent, its children, its problem. */
export async function incidentLinks(
  manager: EntityManager,
  ticketId: string,
  incident: IncidentEntity,
): Promise<{
  parent: IncidentLinkView | null;
  children: IncidentLinkView[];
  problem: ProblemSummary | null;
}> {
  const parentTicket = incident.parentTicketId
    ? await manager.findOne(TicketEntity, { where: { id: incident.parentTicketId } })
    : null;
  const [parent] = parentTicket ? await linkViews(manager, [parentTicket]) : [null];
  const children = await linkViews(manager, await childTickets(manager, ticketId));
  const problem = incident.problemId
    ? await manager.findOne(ProblemEntity, {
        select: { id: true, title: true, status: true },
        where: { id: incident.problemId },
      })
    : null;
  return {
    parent: parent ?? null,
    children,
    problem: problem ? { id: problem.id, title: problem.title, status: problem.status } : null,
  };
}
