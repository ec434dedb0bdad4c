import { Injectable } from '@nestjs/common';
import type {
  ChecklistItemView,
  StepCandidateView,
  StepView,
  TicketDetail,
  TicketSummary,
  TimelineEntryView,
} from '@sigap/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarProvider } from '@sigap/api-calendars';
import type { AuthUser } from '@sigap/api-identity';
import { actorNames } from '@sigap/api-identity';
import { OpdsService, toContactView } from '@sigap/api-opds';
import { assertAccess, ticketAccess, type TicketAccess } from './access';
import { holdersWithLoad } from './assignment';
import {
  durationTextOf,
  figuresOf,
  FIRST_RESPONSE_CLOCK,
  rowsOf,
  stepClock,
  TICKET_CLOCK,
  toClockView,
} from './clocks';
import { ServiceCache } from './service-cache';
import { TicketError } from './ticket-error';
import { TicketRepository } from './ticket-repository';
import { TicketStepEntity } from './ticket-step.entity';
import { NO_DUE, TicketEntity } from './ticket.entity';
import { TimelineEntryEntity } from './timeline-entry.entity';
import { triageAwareActions } from './triage-standard';
import type { TicketAggregate } from './workflow';

/** Reading tickets: the detail (with its clocks' figures), the timeline, a step's candidates. */
@Injectable()
export class TicketReadingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: TicketRepository,
    private readonly cache: ServiceCache,
    private readonly calendars: CalendarProvider,
    private readonly opds: OpdsService,
  ) {}

  async detail(user: AuthUser, number: string): Promise<TicketDetail> {
    const pre = await this.repository.findRow(this.dataSource.manager, number);
    const calendar = await this.calendars.forOffice(pre.officeCode);
    const manager = this.dataSource.manager;
    const agg = await this.repository.load(manager, number, calendar, user.id, false);
    const access = ticketAccess(user, agg.ticket, agg.steps);
    assertAccess(access, 'read', number);
    return this.render(manager, agg, access);
  }

  async timeline(user: AuthUser, number: string): Promise<TimelineEntryView[]> {
    const manager = this.dataSource.manager;
    const ticket = await this.repository.findRow(manager, number);
    const steps = await manager.find(TicketStepEntity, { where: { ticketId: ticket.id } });
    assertAccess(ticketAccess(user, ticket, steps), 'read', number);
    const entries = await manager.find(TimelineEntryEntity, {
      where: { ticketId: ticket.id },
      order: { id: 'ASC' },
    });
    const names = await this.userNames(
      manager,
      entries.map((e) => e.authorId),
    );
    return entries.map((e) => ({
      id: e.id,
      kind: e.kind,
      event: e.event,
      author: e.authorId ? { id: e.authorId, name: names.get(e.authorId) ?? '?' } : null,
      body: e.body,
      data: e.data,
      at: e.at.toISOString(),
      mergedFrom: e.mergedFrom ?? null,
    }));
  }

  /**
   * Who may take a step: the active holders of its position with their open-step load, least
   * loaded first (the automatic choice's order). For those who may reassign it (the office's
   * agents, admins); others get 403, or 404 when the ticket is not theirs to see.
   */
  async candidates(user: AuthUser, number: string, order: number): Promise<StepCandidateView[]> {
    const manager = this.dataSource.manager;
    const ticket = await this.repository.findRow(manager, number);
    const steps = await manager.find(TicketStepEntity, { where: { ticketId: ticket.id } });
    assertAccess(ticketAccess(user, ticket, steps), 'full', number);
    const step = steps.find((s) => s.stepOrder === order);
    if (!step)
      throw new TicketError(
        'ticket.step_not_found',
        `Tiket ${ticket.number} tidak punya langkah ${order}.`,
      );
    if (step.requesterSide)
      throw new TicketError(
        'ticket.assignee_invalid',
        `Langkah ${order} ada di pihak pemohon; tidak ada pemegang jabatan kantor untuknya.`,
      );
    const holders = await holdersWithLoad(manager, ticket.officeCode, step.positionCode);
    return holders.map((h) => ({ ...h, current: h.id === step.assigneeId }));
  }

  private async numberOf(manager: EntityManager, id: string): Promise<string | null> {
    const row = await manager.findOne(TicketEntity, {
      select: { id: true, number: true },
      where: { id },
    });
    return row?.number ?? null;
  }

  /** Who acted, by id: people and API tokens. */
  private userNames(manager: EntityManager, ids: (string | null)[]): Promise<Map<string, string>> {
    return actorNames(manager, ids);
  }

  /** The detail of a loaded ticket as `access` may see it. */
  async render(
    manager: EntityManager,
    agg: TicketAggregate,
    access: TicketAccess,
    contactView?: ReturnType<typeof toContactView>,
  ): Promise<TicketDetail> {
    const t = agg.ticket;
    const contact =
      contactView ?? toContactView(await this.opds.findContact(manager, t.requesterContactId));
    const known = agg.knownNames ?? new Map<string, string>();
    const names = await this.userNames(
      manager,
      agg.steps.map((s) => (s.assigneeId && known.has(s.assigneeId) ? null : s.assigneeId)),
    );
    for (const [userId, name] of known) names.set(userId, name);
    const cal = agg.calendar.calendar;
    const nowMs = agg.now.getTime();
    const durationOf = (text: string | null) => this.cache.duration(text);
    const ticketRows = rowsOf(agg.clockRows, TICKET_CLOCK, t.clockRound);
    const ticketClock = t.slaSnapshot
      ? toClockView(JSON.parse(t.slaSnapshot), durationTextOf(ticketRows), true)
      : toClockView(
          figuresOf(ticketRows, cal, nowMs, durationOf),
          durationTextOf(ticketRows) ?? null,
        );
    const frRows = rowsOf(agg.clockRows, FIRST_RESPONSE_CLOCK);
    const steps: StepView[] = agg.steps.map((s) => {
      const rows = rowsOf(agg.clockRows, stepClock(s.stepOrder));
      const clock = s.slaSnapshot
        ? toClockView(JSON.parse(s.slaSnapshot), s.timeText, true)
        : rows.length
          ? toClockView(figuresOf(rows, cal, nowMs, durationOf), s.timeText)
          : null;
      return {
        order: s.stepOrder,
        description: s.description,
        position: s.positionCode,
        executors: s.executors,
        participants: s.participants ?? [],
        time: s.timeText,
        requesterSide: s.requesterSide,
        parallelWithPrevious: s.parallelWithPrevious,
        followUp: s.followUp,
        status: s.status,
        assignee: s.assigneeId ? { id: s.assigneeId, name: names.get(s.assigneeId) ?? '?' } : null,
        output:
          s.status === 'done' ? { text: s.outputText, attachmentId: s.outputAttachmentId } : null,
        activatedAt: s.activatedAt?.toISOString() ?? null,
        completedAt: s.completedAt?.toISOString() ?? null,
        completedBy: s.completedBy,
        clock,
      };
    });
    const checklist: ChecklistItemView[] = agg.checklist.map((i) => ({
      code: i.code,
      text: i.text,
      optional: i.optional,
      options: i.options,
      status: i.status,
      reason: i.reason,
      attachmentIds: i.attachmentIds ?? [],
      updatedBy: i.updatedBy,
      updatedAt: i.updatedAt?.toISOString() ?? null,
    }));
    return {
      ...toSummary(t),
      description: t.description,
      serviceVersion: t.serviceVersion,
      requester: contact,
      receivedAt: t.receivedAt.toISOString(),
      resolvedAt: t.resolvedAt?.toISOString() ?? null,
      closedAt: t.closedAt?.toISOString() ?? null,
      checklist,
      steps,
      clocks: {
        ticket: ticketClock,
        firstResponse: toClockView(
          figuresOf(frRows, cal, nowMs, durationOf),
          durationTextOf(frRows),
        ),
      },
      firstResponseAt: t.firstResponseAt?.toISOString() ?? null,
      allowedActions: access === 'full' ? triageAwareActions(t) : [],
      mergedInto: t.mergedIntoId ? await this.numberOf(manager, t.mergedIntoId) : null,
    };
  }
}

export function toSummary(t: TicketEntity): TicketSummary {
  const noDue = t.dueAt.getTime() === NO_DUE.getTime();
  return {
    number: t.number,
    office: t.officeCode,
    kind: t.kind ?? 'request',
    priority: t.priority ?? null,
    supportHours: t.supportHours ?? null,
    service: t.serviceCode,
    subject: t.subject,
    status: t.status,
    channel: t.channel,
    opdId: t.opdId,
    assigneeId: t.assigneeId,
    slaState: t.slaState,
    dueAt: noDue ? null : t.dueAt.toISOString(),
    targetDueAt: t.targetDueAt?.toISOString() ?? null,
    createdAt: t.createdAt.toISOString(),
    version: t.version,
  };
}
