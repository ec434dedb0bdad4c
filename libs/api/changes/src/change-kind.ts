import { Injectable, OnModuleInit } from '@nestjs/common';
import { TicketKindStandards } from '@sigap/api-tickets';
import { approversOf, changeStandard } from './change-standard';
import { ChangeEntity } from './change.entity';

/**
 * Tells the tickets domain what a change ticket runs under (its approval steps, read from its
 * change row), and that its steps are decided, and its outcome recorded, only through the
 * changes' routes: an approval needs the position's holder, which the generic step route does
 * not ask of a helpdesk agent.
 */
@Injectable()
export class ChangeKindRegistration implements OnModuleInit {
  constructor(private readonly kinds: TicketKindStandards) {}

  onModuleInit(): void {
    this.kinds.register('change', async (manager, ticket) => {
      const change = await manager.findOne(ChangeEntity, {
        select: { ticketId: true, approversJson: true },
        where: { ticketId: ticket.id },
      });
      return changeStandard(ticket.officeCode, approversOf(change?.approversJson ?? '[]'));
    });
    this.kinds.reserve('change', ['step.completed', 'resolved', 'closed', 'reopened', 'cancelled']);
  }
}
