import { Injectable } from '@nestjs/common';
import type { TicketDetail } from '@sigap/contracts';
import { AuditService } from '@sigap/api-audit';
import type { AuthUser } from '@sigap/api-identity';
import { event, TicketActingService } from '@sigap/api-tickets';
import { incidentOf } from './incident-rows';
import { IncidentEntity } from './incident.entity';
import type { PublicNoticeDto } from './incident.dto';

/**
 * The plain words the public status page shows for an incident, written by the office's
 * helpdesk apart from the ticket's subject and description. Audited, and on the timeline.
 */
@Injectable()
export class IncidentPublicNoticeService {
  constructor(
    private readonly audit: AuditService,
    private readonly acting: TicketActingService,
  ) {}

  update(
    user: AuthUser,
    number: string,
    version: number | null,
    input: PublicNoticeDto,
  ): Promise<TicketDetail> {
    return this.acting.act(user, number, version, 'public_notice_changed', async (agg, manager) => {
      const incident = await incidentOf(manager, agg.ticket);
      const before = {
        publicTitle: incident.publicTitle ?? null,
        publicSummary: incident.publicSummary ?? null,
      };
      const after = {
        publicTitle: input.publicTitle ?? null,
        publicSummary: input.publicSummary ?? null,
      };
      if (before.publicTitle === after.publicTitle && before.publicSummary === after.publicSummary)
        return;
      await manager.update(
        IncidentEntity,
        { ticketId: agg.ticket.id },
        { ...after, updatedAt: agg.now },
      );
      event(agg, 'incident.public_notice_changed', after);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'incident.public_notice_changed',
          entityType: 'ticket',
          entityId: agg.ticket.number,
          before,
          after,
        },
        manager,
      );
    });
  }
}
