import { Injectable } from '@nestjs/common';
import type { IncidentLevel } from '@sigap/contracts';
import type { EntityManager } from 'typeorm';
import { AuditService } from '@sigap/api-audit';
import { CalendarProvider } from '@sigap/api-calendars';
import { OfficeEntity } from '@sigap/api-offices';
import {
  reconcileClocks,
  refreshStoredFigures,
  ServiceCache,
  TicketRepository,
  TriageService,
  type MailRequestInput,
} from '@sigap/api-tickets';
import { incidentPrefix } from './incident-standard';
import { IncidentsService } from './incidents.service';

/** What a mailed incident starts with until an agent knows more: medium impact and urgency. */
export const MAILED_INCIDENT_LEVELS: { impact: IncidentLevel; urgency: IncidentLevel } = {
  impact: 'sedang',
  urgency: 'sedang',
};

/**
 * Mail to an office's incident address (`offices.incident_email`): after the inbound checks a
 * request's mail goes through (threading, forged references, strangers quarantined), a new
 * message opens an incident instead of a request. It is received as a triage ticket (the
 * reporter as requester, the mail on the timeline, the acknowledgement that replies thread on)
 * and turned into an incident at once, in the same transaction, at medium impact and urgency
 * with no service named yet: the helpdesk sets both when it knows more.
 */
@Injectable()
export class IncidentMailIntake {
  constructor(
    private readonly triage: TriageService,
    private readonly incidents: IncidentsService,
    private readonly repository: TicketRepository,
    private readonly calendars: CalendarProvider,
    private readonly cache: ServiceCache,
    private readonly audit: AuditService,
  ) {}

  /** The office whose incident address is among the recipients (in service), else null. */
  async officeFor(manager: EntityManager, recipients: readonly string[]): Promise<string | null> {
    const wanted = [...new Set(recipients.map((r) => r.trim().toLowerCase()).filter(Boolean))];
    if (!wanted.length) return null;
    const offices = await manager.find(OfficeEntity, {
      select: { code: true, incidentEmail: true, retiredAt: true },
    });
    const office = offices.find((o) => o.incidentEmail && wanted.includes(o.incidentEmail));
    return office && !office.retiredAt ? office.code : null;
  }

  /** Opens the incident in the caller's transaction; its number. */
  async openFromMail(manager: EntityManager, input: MailRequestInput): Promise<string> {
    // Numbered as an incident from the start (`GNG…`): the acknowledgement the reporter gets, and
    // so every reply they thread on it, carries the number the incident keeps.
    const office = await manager.findOneOrFail(OfficeEntity, {
      select: { code: true, ticketPrefix: true },
      where: { code: input.officeCode },
    });
    const number = await this.triage.openFromMail(manager, input, {
      key: `${office.code}#gng`,
      prefix: incidentPrefix(office.ticketPrefix),
    });
    const calendar = await this.calendars.forOffice(input.officeCode);
    const agg = await this.repository.load(manager, number, calendar, input.actorId, true);
    const expected = agg.ticket.version;
    await this.incidents.convert(agg, manager, { services: [], ...MAILED_INCIDENT_LEVELS });
    reconcileClocks(agg, this.cache);
    refreshStoredFigures(agg, this.cache);
    await this.repository.save(manager, agg, expected);
    await this.audit.record(
      {
        actorId: input.actorId,
        action: 'incident.opened_from_mail',
        entityType: 'ticket',
        entityId: number,
        after: { from: input.from, priority: agg.ticket.priority, ...MAILED_INCIDENT_LEVELS },
      },
      manager,
    );
    return number;
  }
}
