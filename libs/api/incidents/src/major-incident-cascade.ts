import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '@sigap/api-audit';
import { CalendarProvider } from '@sigap/api-calendars';
import { RequesterContactEntity } from '@sigap/api-opds';
import {
  event,
  reconcileClocks,
  refreshStoredFigures,
  ServiceCache,
  TicketRepository,
  TicketResolvedHooks,
  transition,
  type TicketAggregate,
} from '@sigap/api-tickets';
import { childTickets } from './major-incidents.service';

/**
 * Resolving a major incident resolves each of its open reports in the same transaction: their
 * open steps are finished with a note naming the parent, each gets the parent's note on its
 * timeline and its reporter the resolution mail (and what other domains add, the survey).
 */
@Injectable()
export class MajorIncidentCascade implements OnModuleInit {
  constructor(
    private readonly hooks: TicketResolvedHooks,
    private readonly repository: TicketRepository,
    private readonly cache: ServiceCache,
    private readonly calendars: CalendarProvider,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.hooks.subscribeFollowUp((manager, agg, note) => this.resolveChildren(manager, agg, note));
  }

  async resolveChildren(
    manager: EntityManager,
    parent: TicketAggregate,
    note: string | null,
  ): Promise<void> {
    if (parent.ticket.kind !== 'incident') return;
    const open = (await childTickets(manager, parent.ticket.id)).filter((c) => c.isOpen);
    if (!open.length) return;
    const calendar = await this.calendars.forOffice(parent.ticket.officeCode);
    const resolved: string[] = [];
    for (const row of open) {
      const agg = await this.repository.load(
        manager,
        { id: row.id },
        calendar,
        parent.actorId,
        true,
      );
      const t = agg.ticket;
      if (!t.isOpen) continue;
      const expected = t.version;
      const before = { status: t.status };
      const because = `Diselesaikan bersama gangguan utama ${parent.ticket.number}.`;
      for (const step of agg.steps) {
        if (step.status === 'done' || step.followUp) continue;
        step.status = 'done';
        step.completedAt = agg.now;
        step.completedBy = parent.actorId;
        step.outputText = because;
        agg.dirtySteps.add(step);
      }
      if (t.status === 'waiting') transition(agg, 'requester-answered');
      if (t.status === 'new') transition(agg, 'start-work');
      transition(agg, 'resolve');
      t.resolvedAt = agg.now;
      event(agg, 'ticket.resolved', { note, parent: parent.ticket.number });
      agg.timeline.push({
        kind: 'note',
        event: null,
        authorId: parent.actorId,
        body: note ? `${because}\n\n${note}` : because,
        data: { parent: parent.ticket.number },
      });
      const contact = await manager.findOne(RequesterContactEntity, {
        select: { id: true, email: true },
        where: { id: t.requesterContactId },
      });
      if (contact?.email) {
        agg.outbox.push({
          kind: 'ticket.resolved',
          payload: { ticket: t.number, note: note ? `${because}\n\n${note}` : because },
        });
        agg.outbox.push(...(await this.hooks.mailFor(manager, t, agg.now)));
      }
      reconcileClocks(agg, this.cache);
      refreshStoredFigures(agg, this.cache);
      await this.repository.save(manager, agg, expected);
      await this.audit.record(
        {
          actorId: parent.actorId,
          action: 'ticket.resolved',
          entityType: 'ticket',
          entityId: t.number,
          before,
          after: { status: t.status, parent: parent.ticket.number },
        },
        manager,
      );
      resolved.push(t.number);
    }
    if (resolved.length) event(parent, 'incident.children_resolved', { children: resolved });
  }
}
