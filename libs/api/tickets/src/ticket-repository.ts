import { Injectable } from '@nestjs/common';
import type { ServiceStandard } from '@sigap/standards';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { CalendarProvider } from '@sigap/api-calendars';
import { Clock } from '@sigap/api-clock';
import {
  aliasedColumns,
  dialectOf,
  hydrateRow,
  insertRows,
  insertStatement,
  runSql,
  selectRows,
  type SqlStatement,
} from '@sigap/api-database';
import { OutboxService } from '@sigap/api-outbox';
import { WebhookOutbox, webhookEventsOf, webhookTicket } from '@sigap/api-webhooks';
import { ChecklistItemEntity } from './checklist-item.entity';
import { ClockEventEntity } from './clock-event.entity';
import { ServiceCache } from './service-cache';
import { TicketError } from './ticket-error';
import { TicketChangeHooks, type TicketChange } from './ticket-ports';
import { TicketKindStandards } from './ticket-kinds';
import { TicketStepEntity } from './ticket-step.entity';
import { TicketEntity } from './ticket.entity';
import { TimelineEntryEntity } from './timeline-entry.entity';
import { triageStandard } from './triage-standard';
import { ticketEventByIdStatement, ticketEventStatement } from './live/ticket-events';
import {
  aggregateOf,
  type AggregateParts,
  type NewTimelineEntry,
  type TicketAggregate,
} from './workflow';

/** Builds the error a versioned write answers when another change committed first. */
export type StaleError = (t: TicketEntity, expected: number) => Error;

/** A changed alert of a step, guarded by the value the sweep read. */
export class SweepConflict extends Error {}

/**
 * The one place ticket aggregates are read from and written to the database: loading (with or
 * without a row lock), the versioned save, the appends (clock events, timeline, outbox) and the
 * insert of a new ticket. Everything else builds and changes aggregates in memory.
 */
@Injectable()
export class TicketRepository {
  constructor(
    private readonly cache: ServiceCache,
    private readonly calendars: CalendarProvider,
    private readonly kinds: TicketKindStandards,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly webhooks: WebhookOutbox,
    private readonly changeHooks: TicketChangeHooks,
  ) {}

  /** The ticket row alone (no lock); a 404 when no ticket has that number. */
  async findRow(manager: EntityManager, number: string): Promise<TicketEntity> {
    const ticket = await manager.findOne(TicketEntity, { where: { number } });
    if (!ticket) throw TicketError.notFound(number);
    return ticket;
  }

  /**
   * Loads a ticket, by number or `{ id }`, with everything an action may change (locked on
   * MariaDB when `lock`).
   */
  async load(
    manager: EntityManager,
    key: string | { id: string },
    calendar: TicketAggregate['calendar'],
    actorId: string | null,
    lock: boolean,
  ): Promise<TicketAggregate> {
    const ticket = await manager.findOne(TicketEntity, {
      where: typeof key === 'string' ? { number: key } : { id: key.id },
      ...(lock ? dialectOf(manager).writeLock() : {}),
    });
    if (!ticket) throw TicketError.notFound(typeof key === 'string' ? key : key.id);
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
    const standard = await this.standardOf(manager, ticket);
    return loadedAggregate(
      {
        ticket,
        checklist,
        steps,
        standard,
        calendar: await this.calendarOf(ticket, calendar),
        now: this.clock.now(),
        actorId,
      },
      events,
    );
  }

  /**
   * The calendar a ticket's clocks run on: its office's (what callers pass, read once per
   * office), or round the clock in the office's zone for a ticket on 24x7 support.
   */
  async calendarOf(
    ticket: Pick<TicketEntity, 'officeCode' | 'supportHours'>,
    officeCalendar?: TicketAggregate['calendar'],
  ): Promise<TicketAggregate['calendar']> {
    if (ticket.supportHours === '24x7') return this.calendars.roundTheClock(ticket.officeCode);
    return officeCalendar ?? this.calendars.forOffice(ticket.officeCode);
  }

  /**
   * The lean locked read of the requester's reply paths: the ticket (locked on MariaDB) with its
   * steps in one joined statement, then its clock log (and its checklist only when the ticket
   * clock waits for a complete one), straight through the transaction's connection. Null when
   * no ticket has that number.
   */
  async loadLocked(
    manager: EntityManager,
    number: string,
    actorId: string | null,
  ): Promise<TicketAggregate | null> {
    const sql = leanSql(manager);
    const rows: Record<string, unknown>[] = await runSql(manager, sql.ticketWithSteps, [number]);
    if (!rows.length) return null;
    const ticket = hydrateRow(manager, TicketEntity, rows[0], 't_');
    const steps = rows
      .filter((r) => r['s_id'] !== null && r['s_id'] !== undefined)
      .map((r) => hydrateRow(manager, TicketStepEntity, r, 's_'));
    const events = await selectRows(manager, ClockEventEntity, sql.clockWhere, [ticket.id]);
    const calendar = await this.calendarOf(ticket);
    const standard = await this.standardOf(manager, ticket);
    const checklist =
      standard.clockStartsWhen === 'complete'
        ? await selectRows(manager, ChecklistItemEntity, sql.checklistWhere, [ticket.id])
        : [];
    return loadedAggregate(
      { ticket, checklist, steps, standard, calendar, now: this.clock.now(), actorId },
      events,
    );
  }

  /** The standard a ticket runs under: its kind's (complaint, triage) or its service version's. */
  async standardOf(manager: EntityManager, ticket: TicketEntity): Promise<ServiceStandard> {
    const byKind = this.kinds.resolverFor(ticket.kind);
    if (byKind) return byKind(manager, ticket);
    return ticket.serviceId && ticket.serviceVersion !== null
      ? await this.cache.version(manager, ticket.serviceId, ticket.serviceVersion)
      : triageStandard(ticket.officeCode);
  }

  /**
   * The versioned save: the ticket row guarded by the version the change started from (a
   * concurrent change that committed first makes it affect no row: `staleError`), each changed
   * step and checklist line, then the appends.
   */
  async save(
    manager: EntityManager,
    agg: TicketAggregate,
    expected: number,
    staleError: StaleError = staleVersion,
  ): Promise<void> {
    const t = agg.ticket;
    t.updatedAt = agg.now;
    t.version = expected + 1;
    if (dialectOf(manager).countsRawWrites) {
      // Plain statements through the transaction's connection: no query builder per row.
      const { id, ...fields } = t;
      const update = updateStatement(manager, TicketEntity, fields, 'id = ? AND version = ?');
      const result: { affectedRows?: number } = await runSql(manager, update.sql, [
        ...update.params,
        id,
        expected,
      ]);
      if (!result.affectedRows) throw staleError(t, expected);
      for (const step of agg.dirtySteps) {
        const { id: stepId, ...rest } = step;
        const s = updateStatement(manager, TicketStepEntity, rest, 'id = ?');
        await runSql(manager, s.sql, [...s.params, stepId]);
      }
      for (const item of agg.dirtyItems) {
        const { id: itemId, ...rest } = item;
        const s = updateStatement(manager, ChecklistItemEntity, rest, 'id = ?');
        await runSql(manager, s.sql, [...s.params, itemId]);
      }
    } else {
      // SQLite (development, tests): the driver's raw answer carries no affected-row count.
      const { id, ...fields } = t;
      const result = await manager
        .createQueryBuilder()
        .update(TicketEntity)
        .set(fields)
        .where('id = :id AND version = :expected', { id, expected })
        .execute();
      if (!result.affected) throw staleError(t, expected);
      for (const step of agg.dirtySteps) {
        const { id: stepId, ...rest } = step;
        await manager.update(TicketStepEntity, { id: stepId }, rest);
      }
      for (const item of agg.dirtyItems) {
        const { id: itemId, ...rest } = item;
        await manager.update(ChecklistItemEntity, { id: itemId }, rest);
      }
    }
    await this.liveEvent(manager, agg, agg.ticket.version);
    await this.writeAppends(manager, agg);
  }

  /** The live event of a saved change (see `ticket_events`), in the change's transaction. */
  private async liveEvent(
    manager: EntityManager,
    agg: TicketAggregate,
    version: number | null,
  ): Promise<void> {
    const e = ticketEventStatement(agg.ticket, agg.steps, 'changed', version, agg.now);
    await runSql(manager, e.sql, e.params);
  }

  /** The live event of a new ticket, once it has its number: for the factory's last batch. */
  openedEventStatement(agg: TicketAggregate, at: Date): SqlStatement {
    return ticketEventStatement(agg.ticket, agg.steps, 'opened', agg.ticket.version, at);
  }

  /**
   * The sweep's write of recomputed SLA figures and alerts: no new version (no user data
   * changes), guarded by the alerts it read, so an alert another sweeper already sent is never
   * sent twice. False when the ticket's alerts moved on meanwhile (nothing is written); a step's
   * alert that moved on is a `SweepConflict` (the caller rolls the batch back).
   */
  async saveSweep(
    manager: EntityManager,
    agg: TicketAggregate,
    read: {
      alerted: string | null;
      firstResponseAlerted: string | null;
      stepAlerts: Map<string, string | null>;
    },
  ): Promise<boolean> {
    const t = agg.ticket;
    const ticketUpdate = manager
      .createQueryBuilder()
      .update(TicketEntity)
      .set({
        slaState: t.slaState,
        dueAt: t.dueAt,
        targetDueAt: t.targetDueAt,
        atRiskAt: t.atRiskAt,
        calendarVersion: t.calendarVersion,
        firstResponseState: t.firstResponseState,
        firstResponseDueAt: t.firstResponseDueAt,
        firstResponseAtRiskAt: t.firstResponseAtRiskAt ?? null,
        alerted: t.alerted,
        firstResponseAlerted: t.firstResponseAlerted ?? null,
      })
      .where('id = :id AND version = :version', { id: t.id, version: t.version });
    if (read.alerted === null) ticketUpdate.andWhere('alerted IS NULL');
    else ticketUpdate.andWhere('alerted = :previousAlert', { previousAlert: read.alerted });
    if (read.firstResponseAlerted === null) ticketUpdate.andWhere('first_response_alerted IS NULL');
    else
      ticketUpdate.andWhere('first_response_alerted = :previousFirstResponseAlert', {
        previousFirstResponseAlert: read.firstResponseAlerted,
      });
    if (!(await ticketUpdate.execute()).affected) return false;
    for (const step of agg.dirtySteps) {
      const previous = read.stepAlerts.get(step.id) ?? null;
      const update = manager
        .createQueryBuilder()
        .update(TicketStepEntity)
        .set({
          slaState: step.slaState,
          dueAt: step.dueAt,
          targetDueAt: step.targetDueAt,
          atRiskAt: step.atRiskAt,
          alerted: step.alerted,
        })
        .where('id = :id', { id: step.id });
      if (previous === null) update.andWhere('alerted IS NULL');
      else update.andWhere('alerted = :previous', { previous });
      if (!(await update.execute()).affected) throw new SweepConflict(step.id);
    }
    // The sweep changes SLA figures only, under the same version: null says "read it again".
    await this.liveEvent(manager, agg, null);
    await this.writeAppends(manager, agg);
    return true;
  }

  /** The new clock events, timeline entries and outbox rows, one multi-row insert each. */
  async writeAppends(manager: EntityManager, agg: TicketAggregate): Promise<void> {
    if (agg.newClockRows.length) {
      await insertRows(
        manager,
        ClockEventEntity,
        agg.newClockRows.map((r) => ({ ticketId: agg.ticket.id, ...r })),
      );
      agg.newClockRows = [];
    }
    if (agg.timeline.length) {
      await this.announce(manager, agg, agg.timeline, agg.ticket.number, agg.now);
      await this.changeHooks.run(manager, {
        ticket: agg.ticket,
        timeline: agg.timeline,
        now: agg.now,
        outbox: agg.outbox,
      });
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

  /**
   * Queues the webhook deliveries of the change's events (ticket opened, status changed, step
   * completed, SLA at risk or breached, complaint filed) in the change's transaction.
   */
  async announce(
    manager: EntityManager,
    agg: TicketAggregate,
    timeline: readonly Pick<NewTimelineEntry, 'event'>[],
    number: string,
    at: Date,
  ): Promise<void> {
    const events = this.webhookEvents(agg, timeline, number);
    if (events.length) await this.webhooks.enqueue(manager, events, at);
  }

  /** The read of the active webhooks, to batch with a new ticket's counter (see `announced`). */
  webhooksStatement(manager: EntityManager): SqlStatement {
    return this.webhooks.activeStatement(manager);
  }

  /**
   * `announce` as a statement for a batch: the deliveries of the change's events to the
   * webhooks that `webhooksStatement` answered (null when none is due).
   */
  announced(
    manager: EntityManager,
    agg: TicketAggregate,
    timeline: readonly Pick<NewTimelineEntry, 'event'>[],
    number: string,
    at: Date,
    webhooksAnswer: unknown,
  ): SqlStatement | null {
    const events = this.webhookEvents(agg, timeline, number);
    return this.webhooks.insertStatement(manager, webhooksAnswer, events, at);
  }

  private webhookEvents(
    agg: TicketAggregate,
    timeline: readonly Pick<NewTimelineEntry, 'event'>[],
    number: string,
  ) {
    const ticket = webhookTicket({ ...agg.ticket, number });
    return webhookEventsOf(timeline.map((e) => e.event)).map((event) => ({ event, ticket }));
  }

  /**
   * A new ticket's rows (the ticket under its provisional number, checklist, steps, clock
   * events and timeline entries dated `timelineAt`), one multi-row insert per table, nothing
   * read back, as statements for the factory's batch. Its outbox rows wait for its number (see
   * `TicketFactory`).
   */
  newTicketStatements(
    manager: EntityManager,
    agg: TicketAggregate,
    timelineAt: Date,
  ): (SqlStatement | null)[] {
    const statements = [
      insertStatement(manager, TicketEntity, [agg.ticket]),
      insertStatement(manager, ChecklistItemEntity, agg.checklist),
      insertStatement(manager, TicketStepEntity, agg.steps),
      insertStatement(
        manager,
        ClockEventEntity,
        agg.newClockRows.map((r) => ({ ticketId: agg.ticket.id, ...r })),
      ),
      insertStatement(
        manager,
        TimelineEntryEntity,
        agg.timeline.map((e) => ({ ...e, ticketId: agg.ticket.id, at: timelineAt })),
      ),
    ];
    agg.newClockRows = [];
    agg.timeline = [];
    return statements;
  }

  /**
   * Timeline entries about a ticket that change nothing else of it (no new version): news from
   * outside, such as SP4N-LAPOR!'s answers. One multi-row insert.
   */
  async appendTimeline(
    manager: EntityManager,
    ticketId: string,
    entries: readonly NewTimelineEntry[],
    at: Date,
  ): Promise<void> {
    await insertRows(
      manager,
      TimelineEntryEntity,
      entries.map((e) => ({ ...e, ticketId, at })),
    );
    const e = ticketEventByIdStatement(ticketId, at);
    await runSql(manager, e.sql, e.params);
  }

  /** Checklist lines and steps added to a stored ticket (triage choosing its service). */
  async insertParts(
    manager: EntityManager,
    checklist: readonly ChecklistItemEntity[],
    steps: readonly TicketStepEntity[],
  ): Promise<void> {
    await insertRows(manager, ChecklistItemEntity, checklist);
    await insertRows(manager, TicketStepEntity, steps);
  }

  /** What other domains write at a ticket's opening (see `TicketChangeHooks`). */
  async opened(manager: EntityManager, change: Omit<TicketChange, 'opened'>): Promise<void> {
    await this.changeHooks.run(manager, { ...change, opened: true });
  }

  /** The statement giving a new ticket its allocated number (set on the row object too). */
  numberStatement(ticket: TicketEntity, number: string): SqlStatement {
    ticket.number = number;
    return { sql: 'UPDATE tickets SET number = ? WHERE id = ?', params: [number, ticket.id] };
  }
}

/** The 409 of a change made against a version of the ticket that is no longer current. */
export function staleVersion(t: TicketEntity, expected: number): TicketError {
  return new TicketError(
    'ticket.stale_version',
    `Tiket ${t.number} sudah diubah orang lain (versi ${t.version}, bukan ${expected}). Muat ulang lalu ulangi.`,
  );
}

/** A ticket's aggregate as read from the database: nothing changed yet, nothing to write. */
function loadedAggregate(
  read: Omit<AggregateParts, 'clockRows'>,
  events: readonly ClockEventEntity[],
): TicketAggregate {
  return aggregateOf({
    ...read,
    clockRows: events.map((e) => ({
      clock: e.clock,
      round: e.round,
      type: e.type,
      at: e.at,
      duration: e.duration,
      reason: e.reason,
    })),
  });
}

interface LeanSql {
  ticketWithSteps: string;
  checklistWhere: string;
  clockWhere: string;
}

/** The lean read's statements, built once per database connection (its dialect). */
const leanSqlCache = new WeakMap<object, LeanSql>();

function leanSql(manager: EntityManager): LeanSql {
  let sql = leanSqlCache.get(manager.connection);
  if (sql) return sql;
  const meta = (target: EntityTarget<ObjectLiteral>) => manager.connection.getMetadata(target);
  const escape = (name: string) => manager.connection.driver.escape(name);
  const col = (target: EntityTarget<ObjectLiteral>, property: string) => {
    const column = meta(target).findColumnWithPropertyName(property);
    if (!column) throw new Error(`${meta(target).tableName}: no column for "${property}"`);
    return escape(column.databaseName);
  };
  sql = {
    ticketWithSteps: `SELECT ${aliasedColumns(manager, TicketEntity, 't', 't_')}, ${aliasedColumns(manager, TicketStepEntity, 's', 's_')}
       FROM ${escape(meta(TicketEntity).tableName)} t
       LEFT JOIN ${escape(meta(TicketStepEntity).tableName)} s ON s.${col(TicketStepEntity, 'ticketId')} = t.${col(TicketEntity, 'id')}
      WHERE t.${col(TicketEntity, 'number')} = ?
      ORDER BY s.${col(TicketStepEntity, 'stepOrder')}${dialectOf(manager).forUpdate}`,
    checklistWhere: `${col(ChecklistItemEntity, 'ticketId')} = ? ORDER BY ${col(ChecklistItemEntity, 'sortOrder')}`,
    clockWhere: `${col(ClockEventEntity, 'ticketId')} = ? ORDER BY ${col(ClockEventEntity, 'id')}`,
  };
  leanSqlCache.set(manager.connection, sql);
  return sql;
}

/** `UPDATE <table> SET <the given properties> WHERE <where>`, values prepared by the driver. */
function updateStatement(
  manager: EntityManager,
  target: EntityTarget<ObjectLiteral>,
  fields: ObjectLiteral,
  where: string,
): { sql: string; params: unknown[] } {
  const metadata = manager.connection.getMetadata(target);
  const driver = manager.connection.driver;
  const sets: string[] = [];
  const params: unknown[] = [];
  for (const column of metadata.columns) {
    const value = fields[column.propertyName];
    if (value === undefined) continue;
    sets.push(`${driver.escape(column.databaseName)} = ?`);
    params.push(driver.preparePersistentValue(value, column));
  }
  return {
    sql: `UPDATE ${driver.escape(metadata.tableName)} SET ${sets.join(', ')} WHERE ${where}`,
    params,
  };
}

/**
 * The number a message about `number` belongs to now: the ticket a merged duplicate continues
 * under (merges never chain, so one step), else `number` itself (also when no ticket has it).
 */
export async function followMerged(manager: EntityManager, number: string): Promise<string> {
  const rows: { number: string }[] = await runSql(
    manager,
    `SELECT m.number AS number FROM tickets t JOIN tickets m ON m.id = t.merged_into_id
      WHERE t.number = ?`,
    [number],
  );
  return rows[0]?.number ?? number;
}
