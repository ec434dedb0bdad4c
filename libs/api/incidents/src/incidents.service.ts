import { Injectable } from '@nestjs/common';
import type { TicketDetail } from '@sigap/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarProvider } from '@sigap/api-calendars';
import { Clock } from '@sigap/api-clock';
import { AuthUser, hasRole } from '@sigap/api-identity';
import { ItServicesService, PriorityMatrixService, priorityOf } from '@sigap/api-it-services';
import { OpdsService, RequesterContactEntity, toContactView } from '@sigap/api-opds';
import {
  activateNextSteps,
  addClockEvent,
  awaitsService,
  event,
  FIRST_RESPONSE_CLOCK,
  logState,
  reconcileClocks,
  refreshStoredFigures,
  rowsOf,
  ServiceCache,
  stepsOf,
  TICKET_CLOCK,
  TicketActingService,
  TicketFactory,
  TicketReadingService,
  TicketRepository,
  transition,
  type TicketAggregate,
} from '@sigap/api-tickets';
import { IncidentError } from './incident-error';
import { clockRowAt, insertIncidentRows, supportHoursOf } from './incident-rows';
import { incidentPrefix, incidentStandard } from './incident-standard';
import type { OpenIncidentDto, TriageToIncidentDto } from './incident.dto';

/**
 * Incidents (gangguan): tickets of kind `incident`, numbered `GNG…` on a counter of their own
 * per office and year. The office's matrix turns impact x urgency into a priority whose response
 * target runs as the first-response clock and whose resolution target runs as the ticket clock
 * (and as the clock of the handling step owned by the first affected service's owner position,
 * which escalates up that position's chain), on the calendar of the affected services: 24x7 when
 * one of them is, else the office's working time. Waiting on the reporter pauses the ticket
 * clock as for any ticket; changing impact or urgency recomputes both targets from the start.
 */
@Injectable()
export class IncidentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: CalendarProvider,
    private readonly opds: OpdsService,
    private readonly clock: Clock,
    private readonly factory: TicketFactory,
    private readonly repository: TicketRepository,
    private readonly reading: TicketReadingService,
    private readonly acting: TicketActingService,
    private readonly cache: ServiceCache,
    private readonly itServices: ItServicesService,
    private readonly matrices: PriorityMatrixService,
  ) {}

  /** An agent (or admin) records an incident reported by phone, in person, by mail or portal. */
  async open(user: AuthUser, input: OpenIncidentDto): Promise<TicketDetail> {
    if (!hasRole(user, 'admin') && !(hasRole(user, 'agent') && user.office === input.office)) {
      throw new IncidentError(
        'incident.forbidden',
        `Hanya helpdesk kantor "${input.office}" yang boleh mencatat gangguannya.`,
      );
    }
    if (!input.requesterId === !input.requester) {
      throw new IncidentError('incident.invalid', 'Isi salah satu: requesterId atau requester.', [
        {
          path: 'requester',
          message: 'isi requesterId (kontak lama) atau requester (kontak baru)',
        },
      ]);
    }
    const opened = await this.dataSource.transaction(async (manager) => {
      const office = await this.cache.officeForOpening(manager, input.office);
      const services = await this.itServices.activeByCodes(manager, office.code, input.services);
      const target = priorityOf(
        await this.matrices.matrix(manager, office.code),
        input.impact,
        input.urgency,
      );
      const hours = supportHoursOf(services);
      const owner = services[0]?.ownerPosition ?? null;
      const contact = await this.contactFor(manager, user, input);
      const calendar =
        hours === '24x7'
          ? await this.calendars.roundTheClock(office.code)
          : await this.calendars.forOffice(office.code);
      const now = this.clock.now();
      const agg = this.factory.draft(
        {
          officeCode: office.code,
          service: null,
          channel: input.channel,
          contact,
          subject: input.subject,
          description: input.description,
          createdBy: user.id,
          createdAt: now,
          receivedAt: now,
          kind: {
            kind: 'incident',
            relatedTicketId: null,
            priority: target.priority,
            supportHours: hours === '24x7' ? '24x7' : null,
          },
        },
        {
          standard: incidentStandard(office.code, target.resolution, owner),
          calendar,
          now,
          actorId: user.id,
          office,
        },
      );
      event(agg, 'incident.opened', {
        channel: input.channel,
        services: services.map((s) => s.code),
        impact: input.impact,
        urgency: input.urgency,
        priority: target.priority,
        response: target.response,
        resolution: target.resolution,
        supportHours: hours,
      });
      this.factory.startFirstResponse(agg, target.response);
      await activateNextSteps(agg, manager, this.cache, true);
      reconcileClocks(agg, this.cache);
      refreshStoredFigures(agg, this.cache);
      await this.factory.create(manager, agg, {
        counter: { key: `${office.code}#gng`, prefix: incidentPrefix(office.ticketPrefix) },
        numberedAt: now,
        timelineAt: now,
        receipt: !!contact.email,
        mailAt: now,
        beforeNumber: () =>
          insertIncidentRows(manager, agg.ticket, {
            services,
            impact: input.impact,
            urgency: input.urgency,
            target,
            hours,
            owner,
            now,
          }),
        audit: {
          actorId: user.id,
          action: 'incident.opened',
          after: {
            channel: input.channel,
            services: services.map((s) => s.code),
            impact: input.impact,
            urgency: input.urgency,
            priority: target.priority,
            supportHours: hours,
            requester: contact.id,
          },
        },
      });
      return { agg, contact };
    });
    return this.reading.render(
      this.dataSource.manager,
      opened.agg,
      'full',
      toContactView(opened.contact),
    );
  }

  /**
   * A mail waiting in triage is an incident: it keeps the number it was received under (its
   * counter is gapless; renumbering would leave a hole), and its clocks count from the mail's
   * receipt: the resolution clock starts then, the response clock (already running on the
   * office's first-response time) takes the priority's response target.
   */
  fromTriage(
    user: AuthUser,
    number: string,
    version: number | null,
    input: TriageToIncidentDto,
  ): Promise<TicketDetail> {
    return this.acting.act(user, number, version, 'converted_to_incident', (agg, manager) =>
      this.convert(agg, manager, input),
    );
  }

  /**
   * Turns a loaded triage ticket into an incident (the agent's conversion, or a mail to the
   * office's incident address): its rows, its standard and step, both clocks from receipt.
   */
  async convert(
    agg: TicketAggregate,
    manager: EntityManager,
    input: Pick<TriageToIncidentDto, 'services' | 'impact' | 'urgency'>,
  ): Promise<void> {
    const t = agg.ticket;
    if (!awaitsService(t)) {
      throw new IncidentError(
        'incident.not_triage',
        `Tiket ${t.number} bukan surel yang menunggu triase; tidak dapat dijadikan gangguan.`,
      );
    }
    transition(agg, 'choose-service');
    const services = await this.itServices.activeByCodes(manager, t.officeCode, input.services);
    const target = priorityOf(
      await this.matrices.matrix(manager, t.officeCode),
      input.impact,
      input.urgency,
    );
    const hours = supportHoursOf(services);
    const owner = services[0]?.ownerPosition ?? null;
    t.kind = 'incident';
    t.priority = target.priority;
    t.supportHours = hours === '24x7' ? '24x7' : null;
    agg.calendar = await this.repository.calendarOf(t);
    agg.standard = incidentStandard(t.officeCode, target.resolution, owner);
    await insertIncidentRows(manager, t, {
      services,
      impact: input.impact,
      urgency: input.urgency,
      target,
      hours,
      owner,
      now: agg.now,
    });
    const office = await this.cache.office(manager, t.officeCode);
    const steps = stepsOf(agg.standard, office, t.id);
    await this.repository.insertParts(manager, [], steps);
    agg.steps = steps;
    // Both clocks count from the mail's receipt.
    const at = t.receivedAt;
    const fr = logState(rowsOf(agg.clockRows, FIRST_RESPONSE_CLOCK));
    if (fr === 'none') clockRowAt(agg, FIRST_RESPONSE_CLOCK, 1, at, target.response);
    else if (fr !== 'stopped')
      addClockEvent(agg, FIRST_RESPONSE_CLOCK, 'target-change', {
        duration: target.response,
        reason: `prioritas ${target.priority}`,
      });
    clockRowAt(agg, TICKET_CLOCK, t.clockRound, at, target.resolution);
    event(agg, 'incident.converted_from_triage', {
      services: services.map((s) => s.code),
      impact: input.impact,
      urgency: input.urgency,
      priority: target.priority,
      response: target.response,
      resolution: target.resolution,
      supportHours: hours,
      from: at.toISOString(),
    });
    await activateNextSteps(agg, manager, this.cache, true);
  }

  /** The reporter: an existing contact of the office, or a new one the agent vouches for. */
  private async contactFor(
    manager: EntityManager,
    user: AuthUser,
    input: OpenIncidentDto,
  ): Promise<RequesterContactEntity> {
    if (input.requesterId) {
      const contact = await this.opds.findContact(manager, input.requesterId);
      if (contact.officeCode !== input.office) {
        throw new IncidentError('incident.invalid', 'Kontak pelapor milik kantor lain.', [
          { path: 'requesterId', message: 'kontak kantor lain' },
        ]);
      }
      if (contact.deactivatedAt) {
        throw new IncidentError('incident.invalid', 'Kontak pelapor sudah dinonaktifkan.', [
          { path: 'requesterId', message: 'kontak pelapor nonaktif' },
        ]);
      }
      return contact;
    }
    return this.opds.insertContact(
      manager,
      input.office,
      input.requester as NonNullable<OpenIncidentDto['requester']>,
      user.id,
    );
  }
}
