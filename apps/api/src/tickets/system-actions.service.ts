/**
 * Ticket changes made by the system on behalf of someone who does not sign in: a requester's
 * e-mail reply. They go through the same state table, clock rules and versioned write as the
 * agents' actions; the actor recorded is the sender's contact (`authorId` null on the timeline,
 * the contact in the event data and in the audit log).
 */
import { Injectable } from '@nestjs/common';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CalendarProvider } from '../calendars/calendar-provider';
import { AppConfig } from '../config/app-config';
import { Clock } from '../clock/clock';
import { ChecklistItemEntity } from './checklist-item.entity';
import { ClockEventEntity } from './clock-event.entity';
import { isMysql } from '../database/db-time';
import { aliasedColumns, hydrateRow, insertRows, runSql, selectRows } from '../database/row-insert';
import { ServiceCache } from './service-cache';
import { TicketError } from './ticket-error';
import { TicketStepEntity } from './ticket-step.entity';
import { TicketEntity } from './ticket.entity';
import {
  loadedAggregate,
  stampNewVersion,
  standardOf,
  TicketsService,
  writeTicketAndParts,
} from './tickets.service';
import { TimelineEntryEntity } from './timeline-entry.entity';
import { OutboxService } from '../outbox/outbox.service';
import {
  event,
  reconcileClocks,
  refreshStoredFigures,
  transition,
  type TicketAggregate,
} from './workflow';

/** The outbox kind that tells the ticket's assignees a requester wrote. */
export const REQUESTER_REPLIED_KIND = 'ticket.requester-replied';

export interface MailReplyInput {
  ticketNumber: string;
  /** The sender's contact, when the address is a known contact; null for an OPD-domain sender. */
  contactId: string | null;
  from: string | null;
  messageId: string;
  subject: string | null;
  bodyText: string;
  bodyHtml: string | null;
  attachments: { filename: string; size: number; contentType: string; sha256: string }[];
  /** The stored inbound message; null for an answer written in the requester portal. */
  inboundId: string | null;
  via: string;
  /** Where the requester wrote: e-mail (default) or the requester portal. */
  channel?: 'email' | 'portal';
}

/** What the reply changed besides the timeline entry. */
export type MailReplyEffect = 'answered' | 'reopened' | 'appended';

@Injectable()
export class SystemActionsService {
  constructor(
    private readonly tickets: TicketsService,
    private readonly cache: ServiceCache,
    private readonly calendars: CalendarProvider,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * A requester's e-mail reply, in the caller's transaction: appended to the timeline; a waiting
   * ticket counts as answered (its clocks resume); a resolved or closed ticket within
   * `SIGAP_REOPEN_DAYS` reopens; the assignees are notified. The ticket version moves on.
   * Null when no ticket has that number.
   */
  async requesterReplied(
    manager: EntityManager,
    input: MailReplyInput,
  ): Promise<MailReplyEffect | null> {
    const agg = await this.loadForReply(manager, input.ticketNumber);
    if (!agg) return null; // the ticket is gone: the caller files the mail as new
    const expected = agg.ticket.version;
    const before = snapshot(agg);
    const actor = { type: 'contact', contactId: input.contactId, email: input.from };
    agg.timeline.push({
      kind: 'reply',
      event: input.channel === 'portal' ? 'portal.received' : 'mail.received',
      authorId: null,
      body: input.bodyText,
      data: {
        messageId: input.messageId,
        from: input.from,
        contactId: input.contactId,
        subject: input.subject,
        bodyText: input.bodyText,
        bodyHtml: input.bodyHtml,
        attachments: input.attachments,
        inboundId: input.inboundId,
        via: input.via,
      },
    });

    let effect: MailReplyEffect = 'appended';
    const t = agg.ticket;
    if (t.status === 'waiting') {
      transition(agg, 'requester-answered');
      event(agg, 'ticket.requester_answered', {
        via: input.channel ?? 'email',
        messageId: input.messageId,
        actor,
      });
      effect = 'answered';
    } else if (this.withinReopenWindow(t, agg.now)) {
      const previous = { round: t.clockRound, snapshot: t.slaSnapshot };
      transition(agg, 'reopen');
      t.clockRound += 1;
      t.slaSnapshot = null;
      t.closedAt = null;
      t.resolvedAt = null;
      t.alerted = null;
      event(agg, 'ticket.reopened', {
        reason:
          input.channel === 'portal'
            ? 'Pemohon menjawab melalui portal setelah tiket diselesaikan.'
            : 'Pemohon membalas e-mail setelah tiket diselesaikan.',
        via: input.channel ?? 'email',
        messageId: input.messageId,
        actor,
        previousRound: previous.round,
        previousFigures: previous.snapshot ? JSON.parse(previous.snapshot) : null,
      });
      effect = 'reopened';
    }

    // Told: whoever holds the active step (the one waiting on the requester), else the agent.
    const stepAssignees = agg.steps
      .filter((s) => s.status === 'active')
      .map((s) => s.assigneeId)
      .filter((id): id is string => !!id);
    const recipients = stepAssignees.length
      ? [...new Set(stepAssignees)]
      : t.assigneeId
        ? [t.assigneeId]
        : [];
    if (recipients.length) {
      agg.outbox.push({
        kind: REQUESTER_REPLIED_KIND,
        payload: {
          ticket: t.number,
          recipients,
          from: input.from,
          contactId: input.contactId,
          body: input.bodyText.slice(0, 4000),
          effect,
          attachments: input.attachments.length,
        },
      });
    }

    reconcileClocks(agg, this.cache);
    refreshStoredFigures(agg, this.cache);
    await this.persistReply(manager, agg, expected);
    await this.audit.record(
      {
        actorId: input.contactId,
        action: `ticket.requester_${input.channel === 'portal' ? 'portal' : 'mail'}_${effect}`,
        entityType: 'ticket',
        entityId: t.number,
        before,
        after: { ...snapshot(agg), actor },
      },
      manager,
    );
    return effect;
  }

  /**
   * Documents a requester handed in through the portal, one per checklist line, in the caller's
   * transaction: each line becomes `received` (a verified line stays verified) with the file
   * added. The ticket's state and clocks do not move: the agent verifies, and an answer (above)
   * is what resumes a waiting ticket. Null when no ticket has that number.
   */
  async requesterDocuments(
    manager: EntityManager,
    input: {
      ticketNumber: string;
      contactId: string;
      documents: { code: string; attachmentId: string }[];
    },
  ): Promise<'recorded' | null> {
    const pre = await manager.findOne(TicketEntity, {
      select: { officeCode: true },
      where: { number: input.ticketNumber },
    });
    if (!pre) return null;
    const calendar = await this.calendars.forOffice(pre.officeCode);
    const agg = await this.tickets.load(manager, input.ticketNumber, calendar, null, true);
    const expected = agg.ticket.version;
    const actor = { type: 'contact', contactId: input.contactId };
    for (const doc of input.documents) {
      const item = this.tickets.itemOf(agg, doc.code);
      if (item.status !== 'verified') {
        item.status = 'received';
        item.reason = null;
      }
      item.attachmentIds = [...new Set([...(item.attachmentIds ?? []), doc.attachmentId])];
      item.updatedBy = null;
      item.updatedAt = agg.now;
      agg.dirtyItems.add(item);
      event(agg, 'checklist.received', {
        code: doc.code,
        attachmentIds: [doc.attachmentId],
        via: 'portal',
        actor,
      });
    }
    reconcileClocks(agg, this.cache);
    refreshStoredFigures(agg, this.cache);
    await this.persist(manager, agg, expected);
    await this.audit.record(
      {
        actorId: input.contactId,
        action: 'ticket.requester_documents',
        entityType: 'ticket',
        entityId: agg.ticket.number,
        after: { documents: input.documents, actor },
      },
      manager,
    );
    return 'recorded';
  }

  /**
   * The reply path's read: the ticket (locked on MariaDB) with its steps in one joined statement,
   * then its clock log (and its checklist when the clock depends on it), straight through the
   * transaction's connection and hydrated as TypeORM would: what `TicketsService.load` builds,
   * in two or three statements instead of five query-builder round trips. Null when no ticket
   * has that number.
   */
  private async loadForReply(
    manager: EntityManager,
    number: string,
  ): Promise<TicketAggregate | null> {
    const sql = replySql(manager);
    const rows: Record<string, unknown>[] = await runSql(manager, sql.ticketWithSteps, [number]);
    if (!rows.length) return null;
    const ticket = hydrateRow(manager, TicketEntity, rows[0], 't_');
    const steps = rows
      .filter((r) => r['s_id'] !== null && r['s_id'] !== undefined)
      .map((r) => hydrateRow(manager, TicketStepEntity, r, 's_'));
    const events = await selectRows(manager, ClockEventEntity, sql.clockWhere, [ticket.id]);
    const calendar = await this.calendars.forOffice(ticket.officeCode);
    const standard = await standardOf(this.cache, manager, ticket);
    // A reply changes no checklist line; the clocks look at the checklist only when the ticket
    // clock waits for a complete one, so only then is it read.
    const checklist =
      standard.clockStartsWhen === 'complete'
        ? await selectRows(manager, ChecklistItemEntity, sql.checklistWhere, [ticket.id])
        : [];
    return loadedAggregate(
      { ticket, checklist, steps, standard, calendar, now: this.clock.now(), actorId: null },
      events,
    );
  }

  /**
   * The reply's versioned write in plain statements: the ticket row guarded by its version, each
   * changed step, then the clock events, timeline entries and outbox rows as one multi-row
   * insert each. A concurrent change that committed first makes it a stale error.
   */
  private async persistReply(
    manager: EntityManager,
    agg: TicketAggregate,
    expected: number,
  ): Promise<void> {
    const t = stampNewVersion(agg, expected);
    if (isMysql(manager)) {
      const { id, ...fields } = t;
      const update = updateStatement(manager, TicketEntity, fields, 'id = ? AND version = ?');
      const result: { affectedRows?: number } = await runSql(manager, update.sql, [
        ...update.params,
        id,
        expected,
      ]);
      if (!result.affectedRows) throw staleTicket(t, expected);
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
      await writeTicketAndParts(manager, agg, expected, staleTicket);
    }
    if (agg.newClockRows.length) {
      await insertRows(
        manager,
        ClockEventEntity,
        agg.newClockRows.map((r) => ({ ticketId: t.id, ...r })),
      );
      agg.newClockRows = [];
    }
    if (agg.timeline.length) {
      await insertRows(
        manager,
        TimelineEntryEntity,
        agg.timeline.map((e) => ({ ...e, ticketId: t.id, at: agg.now })),
      );
      agg.timeline = [];
    }
    if (agg.outbox.length) {
      await this.outbox.enqueue(agg.outbox, agg.now, manager);
      agg.outbox = [];
    }
  }

  /** A resolved ticket (since its resolution) or a closed one (since closing), within the days. */
  private withinReopenWindow(t: TicketEntity, now: Date): boolean {
    const since =
      t.status === 'resolved' ? t.resolvedAt : t.status === 'closed' ? t.closedAt : null;
    if (!since) return false;
    return now.getTime() - since.getTime() <= this.config.reopenWindowDays * 86_400_000;
  }

  /** The versioned write: a concurrent change that committed first makes it a stale error. */
  private async persist(
    manager: EntityManager,
    agg: TicketAggregate,
    expected: number,
  ): Promise<void> {
    const t = stampNewVersion(agg, expected);
    await writeTicketAndParts(manager, agg, expected, staleTicket);
    if (agg.newClockRows.length) {
      await manager.insert(
        ClockEventEntity,
        agg.newClockRows.map((r) => ({ ticketId: t.id, ...r })),
      );
      agg.newClockRows = [];
    }
    if (agg.timeline.length) {
      await manager.insert(
        TimelineEntryEntity,
        agg.timeline.map((e) => ({ ...e, ticketId: t.id, at: agg.now })) as unknown as Parameters<
          EntityManager['insert']
        >[1],
      );
      agg.timeline = [];
    }
    await this.outbox.enqueue(agg.outbox, agg.now, manager);
    agg.outbox = [];
  }
}

function snapshot(agg: TicketAggregate): Record<string, unknown> {
  return {
    status: agg.ticket.status,
    slaState: agg.ticket.slaState,
    version: agg.ticket.version,
    clockRound: agg.ticket.clockRound,
  };
}

function staleTicket(t: TicketEntity, expected: number): TicketError {
  return new TicketError(
    'ticket.stale_version',
    `Tiket ${t.number} berubah bersamaan (versi ${expected}); ulangi.`,
  );
}

interface ReplySql {
  ticketWithSteps: string;
  checklistWhere: string;
  clockWhere: string;
}

/** The reply path's read statements, built once per database connection (its dialect). */
const replySqlCache = new WeakMap<object, ReplySql>();

function replySql(manager: EntityManager): ReplySql {
  let sql = replySqlCache.get(manager.connection);
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
      ORDER BY s.${col(TicketStepEntity, 'stepOrder')}${isMysql(manager) ? ' FOR UPDATE' : ''}`,
    checklistWhere: `${col(ChecklistItemEntity, 'ticketId')} = ? ORDER BY ${col(ChecklistItemEntity, 'sortOrder')}`,
    clockWhere: `${col(ClockEventEntity, 'ticketId')} = ? ORDER BY ${col(ClockEventEntity, 'id')}`,
  };
  replySqlCache.set(manager.connection, sql);
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
