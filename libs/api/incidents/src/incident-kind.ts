import { Injectable, OnModuleInit } from '@nestjs/common';
import { TicketKindStandards } from '@sigap/api-tickets';
import { incidentStandard } from './incident-standard';
import { IncidentEntity } from './incident.entity';

/**
 * Tells the tickets domain what an incident ticket runs under: its priority's resolution time and
 * its handling step's owner, read from its incident row.
 */
@Injectable()
export class IncidentKindRegistration implements OnModuleInit {
  constructor(private readonly kinds: TicketKindStandards) {}

  onModuleInit(): void {
    this.kinds.register('incident', async (manager, ticket) => {
      const incident = await manager.findOne(IncidentEntity, {
        select: { ticketId: true, resolutionTime: true, ownerPosition: true },
        where: { ticketId: ticket.id },
      });
      return incidentStandard(
        ticket.officeCode,
        incident?.resolutionTime ?? '',
        incident?.ownerPosition ?? null,
      );
    });
  }
}
