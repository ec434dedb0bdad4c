import { Injectable, OnModuleInit } from '@nestjs/common';
import { TicketKindStandards } from '@sigap/api-tickets';
import { complaintStandard } from './complaint-standard';
import { ComplaintEntity } from './complaint.entity';

/**
 * Tells the tickets domain what a complaint ticket runs under: the answer time of the tier it
 * was filed under (null: the default), read from its complaint row.
 */
@Injectable()
export class ComplaintKindRegistration implements OnModuleInit {
  constructor(private readonly kinds: TicketKindStandards) {}

  onModuleInit(): void {
    this.kinds.register('complaint', async (manager, ticket) => {
      const complaint = await manager.findOne(ComplaintEntity, {
        select: { ticketId: true, tierWorkingDays: true },
        where: { ticketId: ticket.id },
      });
      return complaintStandard(ticket.officeCode, complaint?.tierWorkingDays ?? null);
    });
  }
}
