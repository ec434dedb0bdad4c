import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type {
  ChecklistItemView,
  StepCandidateView,
  StepView,
  TicketDetail,
  TicketSummary,
  TimelineEntryView,
} from '@sigap/contracts';
import type { Channel, ServiceStandard } from '@sigap/standards';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CalendarProvider } from '../calendars/calendar-provider';
import { Clock } from '../clock/clock';
import { AppConfig } from '../config/app-config';
import { AuthUser, hasRole } from '../identity/auth-user';
import { UserEntity } from '../identity/user.entity';
import { OpdError } from '../opds/opd-error';
import { OpdsService, toContactView } from '../opds/opds.service';
import { RequesterContactEntity } from '../opds/requester-contact.entity';
import { OutboxEntity } from '../outbox/outbox.entity';
import { OutboxService, type OutboxMessage } from '../outbox/outbox.service';
import { canWorkStep, ticketAccess, TicketAccess } from './access';
import {
  holdersWithLoad,
  holdsPosition,
  leastLoadedHolder,
  LEAST_LOADED_HOLDER_SQL,
  type HolderPicker,
} from './assignment';
import { ChecklistItemEntity } from './checklist-item.entity';
import { ClockEventEntity } from './clock-event.entity';
import {
  durationTextOf,
  figuresOf,
  FIRST_RESPONSE_CLOCK,
  logState,
  rowsOf,
  stepClock,
  TICKET_CLOCK,
  toClockView,
  type ClockRow,
} from './clocks';
import { isMysql } from '../database/db-time';
import { allocateTicketNumber } from './numbering';
import { aliasedColumns, hydrateRow, insertRows, runSql } from '../database/row-insert';
import {
  SERVICE_POINTER_COLUMNS,
  ServiceCache,
  type CachedOffice,
  type CachedService,
  type ServicePointerRow,
} from './service-cache';
import type { TicketAction } from './state-machine';
import { TicketError } from './ticket-error';
import { TicketStepEntity } from './ticket-step.entity';
import { NO_DUE, TicketEntity } from './ticket.entity';
import { TimelineEntryEntity } from './timeline-entry.entity';
import { triageAwareActions, triageStandard } from './triage-standard';
import { ComplaintEntity } from '../complaints/complaint.entity';
import { complaintStandard } from './complaint-standard';
import {
  activateNextSteps,
  addClockEvent,
  applyTicketFigures,
  event,
  reconcileClocks,
  refreshStoredFigures,
  type TicketAggregate,
} from './workflow';

/** The opening's read statement by shape, built once per database connection (its dialect). */
const openingReadsSql = new WeakMap<object, Map<string, string>>();
/** Positions an opening assigns, per office snapshot and service version. */
const openingPositionsCache = new WeakMap<CachedOffice, Map<string, string[]>>();

/**
 * A ticket's steps, copied from a service version (all pending, nobody assigned): at opening, and
 * when triage chooses the service of a ticket opened without one.
 */
export function stepsOf(
  standard: ServiceStandard,
  office: CachedOffice,
  ticketId: string,
): TicketStepEntity[] {
  return standard.steps.map((s) => {
    const position = s.executors[0];
    return {
      id: randomUUID(),
      ticketId,
      officeCode: office.code,
      stepOrder: s.order,
      description: s.description,
      positionCode: position,
      executors: s.executors,
      timeText: s.time,
      requesterSide: office.positions.get(position)?.requesterSide ?? false,
      parallelWithPrevious: s.parallelWithPrevious ?? false,
      status: 'pending',
      assigneeId: null,
      outputText: null,
      outputAttachmentId: null,
      activatedAt: null,
      completedAt: null,
      completedBy: null,
      slaState: 'not-started',
      dueAt: null,
      targetDueAt: null,
      atRiskAt: null,
      slaSnapshot: null,
      alerted: null,
    };
  });
}

/** An outbox row for a message queued before the ticket had its number (the opening). */
function outboxRow(message: OutboxMessage, number: string, at: Date): OutboxEntity {
  return {
    id: randomUUID(),
    kind: message.kind,
    payload: JSON.stringify({ ...message.payload, ticket: number }),
    status: 'pending',
    createdAt: at,
    attempts: 0,
    nextAttemptAt: at,
  };
}

export interface OpenTicketInput {
  office: string;
  service: string;
  channel: Channel;
  subject: string;
  description: string;
  requesterId?: string;
  requester?: { name: string; email?: string; phone?: string; opdId?: string };
}

type Mutation = (
  agg: TicketAggregate,
  manager: EntityManager,
  access: TicketAccess,
) => Promise<void> | void;

@Injectable()
export class TicketsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cache: ServiceCache,
    private readonly calendars: CalendarProvider,
    private readonly opds: OpdsService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** Opens a ticket: one transaction, batched inserts, cached service version and calendar. */
  /**
   * `origin: 'requester'` is the requester portal: the caller has checked the requester's own
   * session and passes the contact as `requesterId`; no staff role is needed then.
   */
  async open(
    user: AuthUser,
    input: OpenTicketInput,
    origin: 'staff' | 'requester' = 'staff',
  ): Promise<TicketDetail> {
    if (
      origin === 'staff' &&
      !hasRole(user, 'admin') &&
      !(hasRole(user, 'agent') && user.office === input.office)
    ) {
      throw new TicketError(
        'ticket.forbidden',
        `Hanya helpdesk kantor "${input.office}" yang boleh membuka tiketnya.`,
      );
    }
    if (!input.requesterId === !input.requester) {
      throw new TicketError('ticket.invalid', 'Isi salah satu: requesterId atau requester.', [
        {
          path: 'requester',
          message: 'isi requesterId (kontak lama) atau requester (kontak baru)',
        },
      ]);
    }
    const calendar = await this.calendars.forOffice(input.office);
    return this.dataSource.transaction(async (manager) => {
      const office = await this.cache.officeForOpening(manager, input.office);
      const reads = await this.openingReads(manager, office, input);
      const service = reads.service;
      const contact =
        reads.contact ??
        (await this.opds.insertContact(
          manager,
          input.office,
          input.requester as NonNullable<OpenTicketInput['requester']>,
          user.id,
        ));
      const now = this.clock.now();
      if (contact.officeCode !== input.office) {
        throw new TicketError('ticket.invalid', 'Kontak pemohon milik kantor lain.', [
          { path: 'requesterId', message: 'kontak kantor lain' },
        ]);
      }
      if (contact.deactivatedAt) {
        throw new TicketError('ticket.invalid', 'Kontak pemohon sudah dinonaktifkan.', [
          { path: 'requesterId', message: 'kontak pemohon nonaktif' },
        ]);
      }
      const id = randomUUID();
      // The number is allocated last (see below): a provisional unique value until then.
      const ticket: TicketEntity = {
        id,
        number: `~${id}`,
        officeCode: input.office,
        serviceId: service.serviceId,
        serviceCode: service.code,
        serviceVersion: service.version,
        channel: input.channel,
        requesterContactId: contact.id,
        opdId: contact.opdId,
        subject: input.subject.trim(),
        description: input.description,
        status: 'new',
        isOpen: true,
        assigneeId: null,
        version: 1,
        clockRound: 1,
        createdBy: user.id,
        createdAt: now,
        updatedAt: now,
        receivedAt: now,
        resolvedAt: null,
        closedAt: null,
        slaState: 'not-started',
        dueAt: NO_DUE,
        targetDueAt: null,
        atRiskAt: null,
        calendarVersion: null,
        slaSnapshot: null,
        firstResponseState: 'not-started',
        firstResponseDueAt: null,
        firstResponseAt: null,
        alerted: null,
      };
      const standard = service.standard;
      const checklist: ChecklistItemEntity[] = standard.requirements.map((r, index) => ({
        id: randomUUID(),
        ticketId: id,
        sortOrder: index,
        code: r.code,
        text: r.text,
        options: r.options ?? null,
        optional: r.optional ?? false,
        status: 'missing',
        reason: null,
        attachmentIds: null,
        updatedBy: null,
        updatedAt: null,
      }));
      const steps = stepsOf(standard, office, id);
      const agg: TicketAggregate = {
        ticket,
        checklist,
        steps,
        clockRows: [],
        newClockRows: [],
        dirtySteps: new Set(),
        dirtyItems: new Set(),
        timeline: [],
        outbox: [],
        standard,
        calendar,
        now,
        actorId: user.id,
      };
      event(agg, 'ticket.opened', {
        service: service.code,
        serviceVersion: service.version,
        channel: input.channel,
      });
      if (this.cache.duration(this.config.firstResponseTime))
        addClockEvent(agg, FIRST_RESPONSE_CLOCK, 'start', {
          duration: this.config.firstResponseTime,
        });
      await activateNextSteps(agg, manager, this.cache, true, reads.pickHolder);
      reconcileClocks(agg, this.cache);
      refreshStoredFigures(agg, this.cache);

      // The mail rows need the ticket's number: written once it is allocated (below).
      const mail = agg.outbox;
      agg.outbox = [];
      if (contact.email) mail.unshift({ kind: 'ticket.received', payload: { ticket: '' } });

      // Multi-row inserts, one statement per table, nothing read back.
      await insertRows(manager, TicketEntity, [ticket]);
      await insertRows(manager, ChecklistItemEntity, checklist);
      await insertRows(manager, TicketStepEntity, steps);
      await this.writeAppends(manager, agg);
      // The office's counter row is locked from here to the commit, so concurrent openings
      // queue only for these last statements, not for the whole opening.
      const number = await allocateTicketNumber(
        manager,
        office.code,
        office.ticketPrefix,
        localYear(now, calendar.timeZone),
      );
      ticket.number = number;
      await runSql(manager, 'UPDATE tickets SET number = ? WHERE id = ?', [number, id]);
      // One statement for the opening's mail: the receipt to the requester, the assignees.
      await insertRows(
        manager,
        OutboxEntity,
        mail.map((m) => outboxRow(m, number, now)),
      );
      await this.audit.record(
        {
          actorId: user.id,
          action: 'ticket.opened',
          entityType: 'ticket',
          entityId: number,
          after: {
            service: service.code,
            serviceVersion: service.version,
            channel: input.channel,
            requester: contact.id,
            subject: ticket.subject,
          },
        },
        manager,
      );
      return this.render(manager, agg, 'full', toContactView(contact));
    });
  }

  /**
   * The opening's reads in one statement (each statement is a round trip to the database, on
   * the opening's hot path): the service's current-version pointer; the requester contact when
   * one is named; and the least loaded holder of the position the opening will assign, when the
   * service's last known version says which one it is (a single office position). The guess is
   * used only when the pointer read names that same version; otherwise the activation reads
   * holders itself, as it always may. Refusals keep their order: an unknown or retired service
   * (422), then an unknown contact (404).
   */
  private async openingReads(
    manager: EntityManager,
    office: CachedOffice,
    input: OpenTicketInput,
  ): Promise<{
    service: CachedService;
    contact: RequesterContactEntity | null;
    pickHolder: HolderPicker;
  }> {
    const guess = this.cache.lastKnown(input.office, input.service);
    const positions = guess ? await this.openingPositions(office, guess) : [];
    const position = positions.length === 1 ? positions[0] : null;
    const withContact = !!input.requesterId;
    const key = `${withContact}:${position !== null}`;
    let byShape = openingReadsSql.get(manager.connection);
    if (!byShape) {
      byShape = new Map();
      openingReadsSql.set(manager.connection, byShape);
    }
    let sql = byShape.get(key);
    if (!sql) {
      const contactColumns = withContact
        ? `, ${aliasedColumns(manager, RequesterContactEntity, 'c', 'c_')}`
        : '';
      sql = `SELECT ${SERVICE_POINTER_COLUMNS}${contactColumns}${position !== null ? ', h.user_id AS h_user_id, h.name AS h_name' : ''}
               FROM catalog_services s${withContact ? ' LEFT JOIN requester_contacts c ON c.id = ?' : ''}${position !== null ? ` LEFT JOIN (${LEAST_LOADED_HOLDER_SQL}) h ON 1 = 1` : ''}
              WHERE s.office_code = ? AND s.code = ?`;
      byShape.set(key, sql);
    }
    const params: unknown[] = [];
    if (withContact) params.push(input.requesterId);
    if (position !== null) params.push(input.office, position, true);
    params.push(input.office, input.service);
    const rows: (ServicePointerRow & Record<string, unknown>)[] = await runSql(
      manager,
      sql,
      params,
    );
    const service = await this.cache.fromPointer(manager, input.office, input.service, rows[0]);
    const row = rows[0];
    let contact: RequesterContactEntity | null = null;
    if (withContact) {
      if (row['c_id'] === null || row['c_id'] === undefined)
        throw new OpdError('contact.not_found', `Kontak pemohon "${input.requesterId}" tidak ada.`);
      contact = hydrateRow(manager, RequesterContactEntity, row, 'c_');
    }
    let pickHolder: HolderPicker = leastLoadedHolder;
    if (
      position !== null &&
      guess &&
      guess.serviceId === service.serviceId &&
      guess.version === service.version
    ) {
      // Nobody holds the position: no row joined, and the step stays unassigned as it would.
      const prefetched =
        row['h_user_id'] === null || row['h_user_id'] === undefined
          ? null
          : { id: String(row['h_user_id']), name: String(row['h_name']) };
      let pending = true;
      pickHolder = (m, officeCode, positionCode) => {
        if (pending && officeCode === input.office && positionCode === position) {
          pending = false;
          return Promise.resolve(prefetched);
        }
        return leastLoadedHolder(m, officeCode, positionCode);
      };
    }
    return { service, contact, pickHolder };
  }

  /**
   * The office positions whose holders an opening of this service version assigns (the steps
   * that become active at once), found by running the activation itself on a scratch ticket
   * that records the positions it asks for. Kept per office snapshot and version.
   */
  private async openingPositions(
    office: CachedOffice,
    service: { serviceId: string; version: number; standard: ServiceStandard },
  ): Promise<string[]> {
    let byVersion = openingPositionsCache.get(office);
    if (!byVersion) {
      byVersion = new Map();
      openingPositionsCache.set(office, byVersion);
    }
    const key = `${service.serviceId}:${service.version}`;
    const known = byVersion.get(key);
    if (known) return known;
    const positions: string[] = [];
    const scratch: TicketAggregate = {
      // Only the fields the activation reads of the ticket (its number, for the mail payload).
      ticket: { number: '', clockRound: 1 } as TicketEntity,
      checklist: [],
      steps: stepsOf(service.standard, office, ''),
      clockRows: [],
      newClockRows: [],
      dirtySteps: new Set(),
      dirtyItems: new Set(),
      timeline: [],
      outbox: [],
      standard: service.standard,
      calendar: null as unknown as TicketAggregate['calendar'],
      now: new Date(0),
      actorId: null,
    };
    // The recording picker reads nothing: the manager is never used.
    await activateNextSteps(scratch, this.dataSource.manager, this.cache, true, (_m, _o, p) => {
      positions.push(p);
      return Promise.resolve(null);
    });
    byVersion.set(key, positions);
    return positions;
  }

  /** Runs an action on a ticket under optimistic concurrency and the transition table. */
  async act(
    user: AuthUser,
    number: string,
    expectedVersion: number | null,
    action: string,
    mutate: Mutation,
    need: 'full' | 'steps' | 'read' = 'full',
  ): Promise<TicketDetail> {
    if (expectedVersion === null) {
      throw new TicketError(
        'ticket.version_required',
        'Sertakan expectedVersion (atau header If-Match) dengan versi tiket yang Anda lihat.',
        [{ path: 'expectedVersion', message: 'wajib diisi' }],
      );
    }
    const pre = await this.findTicket(this.dataSource.manager, number);
    const calendar = await this.calendars.forOffice(pre.officeCode);
    return this.dataSource.transaction(async (manager) => {
      const agg = await this.load(manager, number, calendar, user.id, true);
      const access = ticketAccess(user, agg.ticket, agg.steps);
      assertAccess(access, need, number);
      if (agg.ticket.version !== expectedVersion) throw stale(agg.ticket, expectedVersion);
      const before = snapshotForAudit(agg);
      await mutate(agg, manager, access);
      reconcileClocks(agg, this.cache);
      refreshStoredFigures(agg, this.cache);
      await this.persist(manager, agg, expectedVersion);
      await this.audit.record(
        {
          actorId: user.id,
          action: `ticket.${action}`,
          entityType: 'ticket',
          entityId: number,
          before,
          after: snapshotForAudit(agg),
        },
        manager,
      );
      return this.render(manager, agg, access);
    });
  }

  async detail(user: AuthUser, number: string): Promise<TicketDetail> {
    const pre = await this.findTicket(this.dataSource.manager, number);
    const calendar = await this.calendars.forOffice(pre.officeCode);
    const manager = this.dataSource.manager;
    const agg = await this.load(manager, number, calendar, user.id, false);
    const access = ticketAccess(user, agg.ticket, agg.steps);
    assertAccess(access, 'read', number);
    return this.render(manager, agg, access);
  }

  async timeline(user: AuthUser, number: string): Promise<TimelineEntryView[]> {
    const manager = this.dataSource.manager;
    const ticket = await this.findTicket(manager, number);
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
    }));
  }

  /**
   * Who may take a step: the active holders of its position with their open-step load, least
   * loaded first (the automatic choice's order). For those who may reassign it (the office's
   * agents, admins); others get 403, or 404 when the ticket is not theirs to see.
   */
  async candidates(user: AuthUser, number: string, order: number): Promise<StepCandidateView[]> {
    const manager = this.dataSource.manager;
    const ticket = await this.findTicket(manager, number);
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

  /** Admin: recomputes a closed ticket's frozen figures with the calendar in force now. */
  async recompute(user: AuthUser, number: string): Promise<TicketDetail> {
    if (!hasRole(user, 'admin'))
      throw new TicketError('ticket.forbidden', 'Hanya admin yang boleh menghitung ulang SLA.');
    const pre = await this.findTicket(this.dataSource.manager, number);
    const calendar = await this.calendars.forOffice(pre.officeCode);
    return this.dataSource.transaction(async (manager) => {
      const agg = await this.load(manager, number, calendar, user.id, true);
      const before = {
        slaState: agg.ticket.slaState,
        dueAt: agg.ticket.dueAt,
        snapshot: agg.ticket.slaSnapshot
          ? JSON.parse(agg.ticket.slaSnapshot).calendarVersion
          : null,
      };
      agg.ticket.slaSnapshot = null;
      for (const s of agg.steps) {
        if (s.slaSnapshot) {
          s.slaSnapshot = null;
          agg.dirtySteps.add(s);
        }
      }
      refreshStoredFigures(agg, this.cache);
      event(agg, 'sla.recomputed', { calendarVersion: calendar.version });
      const version = agg.ticket.version;
      await this.persist(manager, agg, version);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'ticket.sla_recomputed',
          entityType: 'ticket',
          entityId: number,
          before,
          after: {
            slaState: agg.ticket.slaState,
            dueAt: agg.ticket.dueAt,
            calendarVersion: calendar.version,
          },
        },
        manager,
      );
      return this.render(manager, agg, 'full');
    });
  }

  // ---- helpers shared with the actions ----

  stepOf(agg: TicketAggregate, order: number): TicketStepEntity {
    const step = agg.steps.find((s) => s.stepOrder === order);
    if (!step)
      throw new TicketError(
        'ticket.step_not_found',
        `Tiket ${agg.ticket.number} tidak punya langkah ${order}.`,
      );
    return step;
  }

  itemOf(agg: TicketAggregate, code: string): ChecklistItemEntity {
    const item = agg.checklist.find((i) => i.code === code);
    if (!item)
      throw new TicketError(
        'ticket.checklist_item_not_found',
        `Tiket ${agg.ticket.number} tidak punya persyaratan "${code}".`,
      );
    return item;
  }

  assertCanWorkStep(user: AuthUser, access: TicketAccess, step: TicketStepEntity): void {
    if (!canWorkStep(user, access, step)) {
      throw new TicketError(
        'ticket.forbidden',
        `Langkah ${step.stepOrder} dikerjakan oleh jabatan "${step.positionCode}"; Anda tidak memegangnya.`,
      );
    }
  }

  async assertHolder(
    manager: EntityManager,
    agg: TicketAggregate,
    step: TicketStepEntity,
    userId: string,
  ): Promise<void> {
    if (!(await holdsPosition(manager, userId, agg.ticket.officeCode, step.positionCode))) {
      throw new TicketError(
        'ticket.assignee_invalid',
        `Pengguna itu tidak memegang jabatan "${step.positionCode}" di kantor ${agg.ticket.officeCode}.`,
        [{ path: 'userId', message: `bukan pemegang jabatan ${step.positionCode}` }],
      );
    }
  }

  async assertAgent(manager: EntityManager, office: string, userId: string): Promise<void> {
    const u = await manager.findOne(UserEntity, { where: { id: userId } });
    if (!u || !u.active || u.officeCode !== office || !u.roles.includes('agent')) {
      throw new TicketError(
        'ticket.assignee_invalid',
        'Penanggung jawab tiket harus helpdesk aktif kantor ini.',
        [{ path: 'userId', message: 'bukan helpdesk kantor ini' }],
      );
    }
  }

  reopenAllowed(agg: TicketAggregate): void {
    const t = agg.ticket;
    if (t.status !== 'closed' || !t.closedAt) return;
    const limit = t.closedAt.getTime() + this.config.reopenWindowDays * 86_400_000;
    if (agg.now.getTime() > limit) {
      throw new TicketError(
        'ticket.reopen_window_passed',
        `Tiket ditutup lebih dari ${this.config.reopenWindowDays} hari lalu; buka tiket baru.`,
      );
    }
  }

  activateNext(agg: TicketAggregate, manager: EntityManager): Promise<void> {
    return activateNextSteps(agg, manager, this.cache);
  }

  async findTicket(manager: EntityManager, number: string): Promise<TicketEntity> {
    const ticket = await manager.findOne(TicketEntity, { where: { number } });
    if (!ticket) throw TicketError.notFound(number);
    return ticket;
  }

  // ---- loading and writing ----

  /** Loads a ticket with everything an action may change (locked on MariaDB when `lock`). */
  async load(
    manager: EntityManager,
    number: string,
    calendar: TicketAggregate['calendar'],
    actorId: string | null,
    lock: boolean,
  ): Promise<TicketAggregate> {
    const ticket = await manager.findOne(TicketEntity, {
      where: { number },
      ...(lock && isMysql(manager) ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!ticket) throw TicketError.notFound(number);
    const [checklist, steps, events] = await Promise.all([
      manager.find(ChecklistItemEntity, {
        where: { ticketId: ticket.id },
        order: { sortOrder: 'ASC' },
      }),
      manager.find(TicketStepEntity, {
        where: { ticketId: ticket.id },
        order: { stepOrder: 'ASC' },
      }),
      manager.find(ClockEventEntity, { where: { ticketId: ticket.id }, order: { id: 'ASC' } }),
    ]);
    const standard = await standardOf(this.cache, manager, ticket);
    return loadedAggregate(
      { ticket, checklist, steps, standard, calendar, now: this.clock.now(), actorId },
      events,
    );
  }

  private async persist(
    manager: EntityManager,
    agg: TicketAggregate,
    expected: number,
  ): Promise<void> {
    stampNewVersion(agg, expected);
    await writeTicketAndParts(manager, agg, expected, stale);
    await this.writeAppends(manager, agg);
  }

  private async writeAppends(manager: EntityManager, agg: TicketAggregate): Promise<void> {
    if (agg.newClockRows.length) {
      await insertRows(
        manager,
        ClockEventEntity,
        agg.newClockRows.map((r) => ({ ticketId: agg.ticket.id, ...r })),
      );
      agg.newClockRows = [];
    }
    if (agg.timeline.length) {
      await insertRows(
        manager,
        TimelineEntryEntity,
        agg.timeline.map((e) => ({ ...e, ticketId: agg.ticket.id, at: agg.now })),
      );
      agg.timeline = [];
    }
    if (agg.outbox.length) {
      await this.outbox.enqueue(agg.outbox, agg.now, manager);
      agg.outbox = [];
    }
  }

  private async userNames(
    manager: EntityManager,
    ids: (string | null)[],
  ): Promise<Map<string, string>> {
    const unique = [...new Set(ids.filter((x): x is string => !!x))];
    if (!unique.length) return new Map();
    const users = await manager.find(UserEntity, {
      select: { id: true, name: true },
      where: { id: In(unique) },
    });
    return new Map(users.map((u) => [u.id, u.name]));
  }

  private async render(
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
        time: s.timeText,
        requesterSide: s.requesterSide,
        parallelWithPrevious: s.parallelWithPrevious,
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
    };
  }
}

/** The standard a ticket runs under: its kind's (complaint, triage) or its service version's. */
export async function standardOf(
  cache: ServiceCache,
  manager: EntityManager,
  ticket: TicketEntity,
): Promise<ServiceStandard> {
  if (ticket.kind === 'complaint') {
    // The tier's answer time as the complaint was filed under it (null: the default).
    const complaint = await manager.findOne(ComplaintEntity, {
      select: { ticketId: true, tierWorkingDays: true },
      where: { ticketId: ticket.id },
    });
    return complaintStandard(ticket.officeCode, complaint?.tierWorkingDays ?? null);
  }
  return ticket.serviceId && ticket.serviceVersion !== null
    ? await cache.version(manager, ticket.serviceId, ticket.serviceVersion)
    : triageStandard(ticket.officeCode);
}

/**
 * The ticket row guarded by its version (a concurrent change that committed first makes it affect
 * no row: `staleError`), then each changed step and checklist line, through the ORM's updates.
 */
export async function writeTicketAndParts(
  manager: EntityManager,
  agg: TicketAggregate,
  expected: number,
  staleError: (t: TicketEntity, expected: number) => Error,
): Promise<void> {
  const { id, ...fields } = agg.ticket;
  const result = await manager
    .createQueryBuilder()
    .update(TicketEntity)
    .set(fields)
    .where('id = :id AND version = :expected', { id, expected })
    .execute();
  if (!result.affected) throw staleError(agg.ticket, expected);
  for (const step of agg.dirtySteps) {
    const { id: stepId, ...rest } = step;
    await manager.update(TicketStepEntity, { id: stepId }, rest);
  }
  for (const item of agg.dirtyItems) {
    const { id: itemId, ...rest } = item;
    await manager.update(ChecklistItemEntity, { id: itemId }, rest);
  }
}

/** Stamps the ticket of `agg` for its versioned write (the version after `expected`). */
export function stampNewVersion(agg: TicketAggregate, expected: number): TicketEntity {
  agg.ticket.updatedAt = agg.now;
  agg.ticket.version = expected + 1;
  return agg.ticket;
}

/** A ticket's aggregate as read from the database: nothing changed yet, nothing to write. */
export function loadedAggregate(
  read: Pick<
    TicketAggregate,
    'ticket' | 'checklist' | 'steps' | 'standard' | 'calendar' | 'now' | 'actorId'
  >,
  events: readonly ClockEventEntity[],
): TicketAggregate {
  return {
    ticket: read.ticket,
    checklist: read.checklist,
    steps: read.steps,
    clockRows: events.map((e) => ({
      clock: e.clock,
      round: e.round,
      type: e.type,
      at: e.at,
      duration: e.duration,
      reason: e.reason,
    })),
    newClockRows: [],
    dirtySteps: new Set(),
    dirtyItems: new Set(),
    timeline: [],
    outbox: [],
    standard: read.standard,
    calendar: read.calendar,
    now: read.now,
    actorId: read.actorId,
  };
}

export function toSummary(t: TicketEntity): TicketSummary {
  const noDue = t.dueAt.getTime() === NO_DUE.getTime();
  return {
    number: t.number,
    office: t.officeCode,
    kind: t.kind ?? 'request',
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

function assertAccess(access: TicketAccess, need: 'full' | 'steps' | 'read', number: string): void {
  if (access === 'none') throw TicketError.notFound(number);
  const rank = { none: 0, read: 1, steps: 2, full: 3 } as const;
  if (rank[access] < rank[need])
    throw new TicketError('ticket.forbidden', `Anda hanya boleh membaca tiket ${number}.`);
}

function stale(t: TicketEntity, expected: number): TicketError {
  return new TicketError(
    'ticket.stale_version',
    `Tiket ${t.number} sudah diubah orang lain (versi ${t.version}, bukan ${expected}). Muat ulang lalu ulangi.`,
  );
}

function snapshotForAudit(agg: TicketAggregate): Record<string, unknown> {
  const t = agg.ticket;
  return {
    status: t.status,
    assigneeId: t.assigneeId,
    slaState: t.slaState,
    version: t.version,
    checklist: Object.fromEntries(agg.checklist.map((i) => [i.code, i.status])),
    steps: Object.fromEntries(
      agg.steps.map((s) => [s.stepOrder, `${s.status}:${s.assigneeId ?? '-'}`]),
    ),
  };
}

const yearFormats = new Map<string, Intl.DateTimeFormat>();

function localYear(at: Date, timeZone: string): number {
  let format = yearFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' });
    yearFormats.set(timeZone, format);
  }
  return Number(format.format(at));
}

export { applyTicketFigures, logState };
export type { ClockRow, TicketAction };
