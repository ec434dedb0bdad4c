import { Injectable } from '@nestjs/common';
import type { IncidentView, TicketDetail } from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '@sigap/api-audit';
import type { AuthUser } from '@sigap/api-identity';
import { ItServiceEntity, PriorityMatrixService, priorityOf } from '@sigap/api-it-services';
import {
  addClockEvent,
  assertAccess,
  event,
  FIRST_RESPONSE_CLOCK,
  logState,
  rowsOf,
  stepClock,
  TICKET_CLOCK,
  TicketActingService,
  ticketAccess,
  TicketRepository,
  TicketStepEntity,
} from '@sigap/api-tickets';
import { IncidentError } from './incident-error';
import { incidentLinks } from './incident-links';
import { incidentOf } from './incident-rows';
import { incidentStandard } from './incident-standard';
import { IncidentEntity, TicketItServiceEntity } from './incident.entity';
import type { ChangePriorityDto } from './incident.dto';

/** An incident's own facts (read) and its priority (changed by the helpdesk). */
@Injectable()
export class IncidentPriorityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly repository: TicketRepository,
    private readonly acting: TicketActingService,
    private readonly matrices: PriorityMatrixService,
  ) {}

  /**
   * New impact or urgency: the priority and both targets are recomputed from the office's matrix
   * and apply from each clock's start (time already spent, paused time included, counts as it
   * did). Only the office's helpdesk (full access) may; audited with before and after, and on
   * the timeline.
   */
  changePriority(
    user: AuthUser,
    number: string,
    version: number | null,
    input: ChangePriorityDto,
  ): Promise<TicketDetail> {
    return this.acting.act(user, number, version, 'priority_changed', async (agg, manager) => {
      const t = agg.ticket;
      const incident = await incidentOf(manager, t);
      if (!t.isOpen) {
        throw new IncidentError(
          'incident.closed',
          `Gangguan ${t.number} sudah selesai; prioritasnya tidak diubah lagi.`,
        );
      }
      const target = priorityOf(
        await this.matrices.matrix(manager, t.officeCode),
        input.impact,
        input.urgency,
      );
      const before = {
        impact: incident.impact,
        urgency: incident.urgency,
        priority: incident.priority,
        response: incident.responseTime,
        resolution: incident.resolutionTime,
      };
      const after = {
        impact: input.impact,
        urgency: input.urgency,
        priority: target.priority,
        response: target.response,
        resolution: target.resolution,
      };
      if (JSON.stringify(before) === JSON.stringify(after)) return;
      const reason = input.reason?.trim() || null;
      await manager.update(
        IncidentEntity,
        { ticketId: t.id },
        {
          impact: input.impact,
          urgency: input.urgency,
          priority: target.priority,
          priorityName: target.name,
          responseTime: target.response,
          resolutionTime: target.resolution,
          updatedAt: agg.now,
        },
      );
      t.priority = target.priority;
      agg.standard = incidentStandard(t.officeCode, target.resolution, incident.ownerPosition);
      const why = reason ?? `prioritas ${before.priority} -> ${target.priority}`;
      const retarget = (clock: string, round: number, duration: string) => {
        const state = logState(rowsOf(agg.clockRows, clock, round));
        if (state === 'running' || state === 'paused')
          addClockEvent(agg, clock, 'target-change', { duration, reason: why, round });
      };
      retarget(TICKET_CLOCK, t.clockRound, target.resolution);
      retarget(FIRST_RESPONSE_CLOCK, 1, target.response);
      for (const step of agg.steps) {
        if (step.status === 'done') continue;
        step.timeText = target.resolution;
        agg.dirtySteps.add(step);
        retarget(stepClock(step.stepOrder), 1, target.resolution);
      }
      event(agg, 'incident.priority_changed', { from: before, to: after, reason });
      await this.audit.record(
        {
          actorId: user.id,
          action: 'incident.priority_changed',
          entityType: 'ticket',
          entityId: t.number,
          before,
          after: { ...after, reason },
        },
        manager,
      );
    });
  }

  /** The incident's own facts, for whoever may read the ticket. */
  async view(user: AuthUser, number: string): Promise<IncidentView> {
    const manager = this.dataSource.manager;
    const ticket = await this.repository.findRow(manager, number);
    const steps = await manager.find(TicketStepEntity, { where: { ticketId: ticket.id } });
    assertAccess(ticketAccess(user, ticket, steps), 'read', number);
    const incident = await incidentOf(manager, ticket);
    const links = await manager.find(TicketItServiceEntity, {
      where: { ticketId: ticket.id },
      order: { position: 'ASC' },
    });
    const services = links.length
      ? await manager.findBy(
          ItServiceEntity,
          links.map((l) => ({ id: l.itServiceId })),
        )
      : [];
    const byId = new Map(services.map((s) => [s.id, s]));
    return {
      number: ticket.number,
      office: ticket.officeCode,
      impact: incident.impact,
      urgency: incident.urgency,
      priority: incident.priority,
      priorityName: incident.priorityName,
      response: incident.responseTime,
      resolution: incident.resolutionTime,
      supportHours: incident.supportHours,
      ownerPosition: incident.ownerPosition,
      services: links
        .map((l) => byId.get(l.itServiceId))
        .filter((s): s is ItServiceEntity => !!s)
        .map((s) => ({ code: s.code, name: s.name, kind: s.kind, supportHours: s.supportHours })),
      rootCause: incident.rootCause,
      ...(await incidentLinks(manager, ticket.id, incident)),
      publicTitle: incident.publicTitle ?? null,
      publicSummary: incident.publicSummary ?? null,
    };
  }
}
