import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TicketEntity, TicketLinkSources, type ForeignTicketLink } from '@sigap/api-tickets';
import { IncidentEntity } from './incident.entity';
import { childTickets } from './major-incidents.service';

/**
 * Shows a major incident's links among a ticket's links: a report's parent (its major incident)
 * and a major incident's children (its reports). They stay managed on the incident page.
 */
@Injectable()
export class IncidentLinkSource implements OnModuleInit {
  constructor(private readonly sources: TicketLinkSources) {}

  onModuleInit(): void {
    this.sources.subscribe((manager, ticket) => this.linksOf(manager, ticket));
  }

  async linksOf(manager: EntityManager, ticket: TicketEntity): Promise<ForeignTicketLink[]> {
    if (ticket.kind !== 'incident') return [];
    const incident = await manager.findOne(IncidentEntity, {
      select: { ticketId: true, parentTicketId: true },
      where: { ticketId: ticket.id },
    });
    if (!incident) return [];
    const out: ForeignTicketLink[] = [];
    if (incident.parentTicketId) {
      const parent = await manager.findOne(TicketEntity, {
        where: { id: incident.parentTicketId },
      });
      if (parent) out.push({ kind: 'parent', ticket: parent });
    }
    for (const child of await childTickets(manager, ticket.id))
      out.push({ kind: 'child', ticket: child });
    return out;
  }
}
