import { Injectable } from '@nestjs/common';
import type { QueueStepView, TicketAssigneeView, TicketPage } from '@sigap/contracts';
import { DataSource, EntityManager, type SelectQueryBuilder } from 'typeorm';
import { AuthUser, hasRole } from '@sigap/api-identity';
import { UserEntity } from '@sigap/api-identity';
import { dialectOf, readInstant } from '@sigap/api-database';
import { OPEN_STATUSES } from './state-machine';
import { parseStatuses, type ListTicketsQuery } from './ticket.dto';
import { TicketError } from './ticket-error';
import { TicketEntity } from './ticket.entity';
import { toSummary } from './ticket-reading.service';
import { matchedSources, SEARCH_SOURCE_LIMIT, ticketSearchJoin } from './ticket-search';

/**
 * The columns a queue row needs: the long texts (description, SLA snapshot) stay in the table,
 * so a page reads only what it shows.
 */
const SUMMARY_COLUMNS = [
  'id',
  'number',
  'officeCode',
  'kind',
  'priority',
  'supportHours',
  'serviceCode',
  'subject',
  'status',
  'channel',
  'opdId',
  'assigneeId',
  'slaState',
  'dueAt',
  'targetDueAt',
  'createdAt',
  'version',
] as const satisfies readonly (keyof TicketEntity)[];

/**
 * The `is_open` value implied by a status filter: every listed status open (or every one
 * closed) pins it, so the queue index (office_code, is_open, due_at, id) returns the rows
 * already in due order instead of sorting the whole office; a mix pins nothing.
 */
export function impliedOpen(statuses: readonly string[] | null): boolean | null {
  if (!statuses?.length) return null;
  const open = statuses.map((s) => (OPEN_STATUSES as readonly string[]).includes(s));
  if (open.every(Boolean)) return true;
  if (!open.some(Boolean)) return false;
  return null;
}

/** Queries of a search: ordered by relevance, paged by offset, rows naming where they matched. */
const RANKED = new WeakSet<object>();

/** The queue: filters, access scoping, sort by (due, id), opaque cursor pagination. */
@Injectable()
export class TicketListService {
  constructor(private readonly dataSource: DataSource) {}

  async list(user: AuthUser, query: ListTicketsQuery): Promise<TicketPage> {
    const manager = this.dataSource.manager;
    const limit = query.limit ?? 50;
    const qb = this.query(user, query, manager);
    if (!qb) return { items: [], nextCursor: null };
    const ranked = RANKED.has(qb);
    let rows: TicketEntity[];
    let matched = new Map<string, unknown>();
    if (ranked) {
      const { entities, raw } = await qb.getRawAndEntities<Record<string, unknown>>();
      rows = entities;
      matched = new Map(raw.map((r) => [String(r['t_id']), r['hit_sources']]));
    } else {
      rows = await qb.getMany();
    }
    const more = rows.length > limit;
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const current = await this.currentSteps(
      manager,
      items.map((t) => t.id),
    );
    const offset = ranked && query.cursor ? decodeSearchCursor(query.cursor) : 0;
    return {
      items: items.map((t) => ({
        ...toSummary(t),
        currentStep: current.get(t.id) ?? null,
        ...(ranked ? { matchedIn: matchedSources(matched.get(t.id)) } : {}),
      })),
      nextCursor:
        more && last
          ? ranked
            ? encodeSearchCursor(offset + limit)
            : encodeCursor(last.dueAt, last.id)
          : null,
    };
  }

  /**
   * The page's query (one more row than the limit, to know whether another page follows), or
   * null when the user may see nothing of what was asked.
   */
  query(
    user: AuthUser,
    query: ListTicketsQuery,
    manager: EntityManager = this.dataSource.manager,
  ): SelectQueryBuilder<TicketEntity> | null {
    const limit = query.limit ?? 50;
    const qb = manager
      .getRepository(TicketEntity)
      .createQueryBuilder('t')
      .select(SUMMARY_COLUMNS.map((c) => `t.${c}`));
    // Access: admins see all (optionally one office); agents and managers their office;
    // executors the tickets with a step on one of their positions.
    if (hasRole(user, 'admin')) {
      if (query.office) qb.andWhere('t.office_code = :office', { office: query.office });
    } else {
      if (!user.office || (query.office && query.office !== user.office)) return null;
      qb.andWhere('t.office_code = :office', { office: user.office });
      if (!hasRole(user, 'agent', 'manager')) {
        if (!user.positions.length) return null;
        qb.andWhere(
          'EXISTS (SELECT 1 FROM ticket_steps ps WHERE ps.ticket_id = t.id AND ps.office_code = :office AND ps.position_code IN (:...mine))',
          { mine: user.positions },
        );
      }
    }
    const statuses = parseStatuses(query.status);
    if (statuses?.some((s) => s.startsWith('!'))) {
      throw new TicketError(
        'ticket.invalid',
        `Status tidak dikenal: ${statuses
          .filter((s) => s.startsWith('!'))
          .map((s) => s.slice(1))
          .join(', ')}`,
        [{ path: 'status', message: 'status tidak dikenal' }],
      );
    }
    const open = query.open ? query.open === 'true' : impliedOpen(statuses);
    if (open !== null) qb.andWhere('t.is_open = :open', { open });
    if (statuses) qb.andWhere('t.status IN (:...statuses)', { statuses });
    if (query.service) qb.andWhere('t.service_code = :service', { service: query.service });
    if (query.triage) qb.andWhere(`t.service_id IS ${query.triage === 'true' ? '' : 'NOT '}NULL`);
    if (query.kind) qb.andWhere('t.kind = :kind', { kind: query.kind });
    if (query.priority) qb.andWhere('t.priority = :priority', { priority: query.priority });
    if (query.opd) qb.andWhere('t.opd_id = :opd', { opd: query.opd });
    if (query.assignee) {
      qb.andWhere(
        "(t.assignee_id = :assignee OR EXISTS (SELECT 1 FROM ticket_steps a WHERE a.ticket_id = t.id AND a.assignee_id = :assignee AND a.status = 'active'))",
        { assignee: query.assignee },
      );
    }
    if (query.position) {
      qb.andWhere(
        "EXISTS (SELECT 1 FROM ticket_steps p WHERE p.ticket_id = t.id AND p.position_code = :position AND p.status = 'active')",
        { position: query.position },
      );
    }
    if (query.sla) qb.andWhere('t.sla_state = :sla', { sla: query.sla });
    if (query.dueBefore)
      qb.andWhere('t.due_at < :dueBefore', {
        dueBefore: dialectOf(manager).instant(new Date(query.dueBefore)),
      });
    if (query.dueAfter)
      qb.andWhere('t.due_at >= :dueAfter', {
        dueAfter: dialectOf(manager).instant(new Date(query.dueAfter)),
      });
    // Search: the ranked matches joined in, best first (then by due); a query with no word long
    // enough for the index (and not a ticket number) matches the subject as plain text.
    const q = query.q?.trim();
    const search = q
      ? ticketSearchJoin(
          manager,
          q,
          hasRole(user, 'admin') ? (query.office ?? null) : (user.office ?? null),
        )
      : null;
    if (search) {
      qb.innerJoin(`(${search.sql})`, 'hit', 'hit.ticket_id = t.id', search.params)
        .addSelect('hit.sources', 'hit_sources')
        .orderBy('hit.score', 'DESC')
        .addOrderBy('t.due_at', 'ASC')
        .addOrderBy('t.id', 'ASC')
        .limit(limit + 1);
      if (query.cursor) qb.offset(decodeSearchCursor(query.cursor));
      RANKED.add(qb);
      return qb;
    }
    if (q) qb.andWhere('t.subject LIKE :q', { q: `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    if (query.cursor) {
      const [due, id] = decodeCursor(query.cursor);
      qb.andWhere('(t.due_at > :cDue OR (t.due_at = :cDue AND t.id > :cId))', {
        cDue: dialectOf(manager).instant(due),
        cId: id,
      });
    }
    return qb
      .orderBy('t.due_at', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .limit(limit + 1);
  }

  /**
   * Who tickets of an office can be given to: its active helpdesk agents (the only ones the
   * assign action accepts), least loaded first, then by name. For the office's agents and
   * managers; an admin names the office.
   */
  async assignees(user: AuthUser, office?: string): Promise<TicketAssigneeView[]> {
    let code: string;
    if (hasRole(user, 'admin')) {
      const chosen = office ?? user.office;
      if (!chosen)
        throw new TicketError('ticket.invalid', 'Pilih kantor.', [
          { path: 'office', message: 'wajib diisi' },
        ]);
      code = chosen;
    } else if (hasRole(user, 'agent', 'manager') && user.office) {
      if (office && office !== user.office)
        throw new TicketError('ticket.forbidden', 'Anda hanya boleh melihat helpdesk kantor Anda.');
      code = user.office;
    } else {
      throw new TicketError(
        'ticket.forbidden',
        'Hanya helpdesk dan manajer yang menugaskan tiket.',
      );
    }
    const manager = this.dataSource.manager;
    const users = await manager.find(UserEntity, {
      select: { id: true, name: true, email: true, roles: true },
      where: { officeCode: code, active: true },
    });
    const agents = users.filter((u) => u.roles.includes('agent'));
    if (!agents.length) return [];
    const counts: { assignee_id: string; n: number | string }[] = await manager.query(
      `SELECT assignee_id, COUNT(*) AS n FROM tickets
        WHERE assignee_id IN (${agents.map(() => '?').join(', ')}) AND is_open = ? AND office_code = ?
        GROUP BY assignee_id`,
      [...agents.map((a) => a.id), true, code],
    );
    const load = new Map(counts.map((c) => [c.assignee_id, Number(c.n)]));
    return agents
      .map((a) => ({ id: a.id, name: a.name, email: a.email, openTickets: load.get(a.id) ?? 0 }))
      .sort((a, b) => a.openTickets - b.openTickets || a.name.localeCompare(b.name, 'id'));
  }

  /**
   * The current step of each ticket of a page with its assignee's name: one query over the
   * page's ids (the steps' (ticket_id, step_order) key), whatever the page size.
   */
  private async currentSteps(
    manager: EntityManager,
    ticketIds: string[],
  ): Promise<Map<string, QueueStepView>> {
    const result = new Map<string, QueueStepView>();
    if (!ticketIds.length) return result;
    const rows: {
      ticket_id: string;
      step_order: number | string;
      description: string;
      position_code: string;
      requester_side: number | boolean | string;
      assignee_id: string | null;
      assignee_name: string | null;
      due_at: Date | string | null;
    }[] = await manager.query(
      `SELECT s.ticket_id, s.step_order, s.description, s.position_code, s.requester_side,
              s.assignee_id, u.name AS assignee_name, s.due_at
         FROM ticket_steps s
         LEFT JOIN users u ON u.id = s.assignee_id
        WHERE s.ticket_id IN (${ticketIds.map(() => '?').join(', ')}) AND s.status = 'active'
        ORDER BY s.ticket_id, s.step_order`,
      ticketIds,
    );
    for (const r of rows) {
      const seen = result.get(r.ticket_id);
      if (seen) {
        seen.activeSteps++;
        continue;
      }
      result.set(r.ticket_id, {
        order: Number(r.step_order),
        description: r.description,
        position: r.position_code,
        requesterSide: !!Number(r.requester_side),
        assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? '?' } : null,
        dueAt: readInstant(r.due_at)?.toISOString() ?? null,
        activeSteps: 1,
      });
    }
    return result;
  }
}

export function encodeCursor(due: Date, id: string): string {
  return Buffer.from(JSON.stringify([due.toISOString(), id])).toString('base64url');
}

/** The cursor of a ranked (search) page: how many results came before it. */
export function encodeSearchCursor(offset: number): string {
  return Buffer.from(JSON.stringify(['search', offset])).toString('base64url');
}

export function decodeSearchCursor(cursor: string): number {
  try {
    const [kind, offset] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [
      unknown,
      unknown,
    ];
    if (kind !== 'search' || !Number.isSafeInteger(offset) || (offset as number) < 0)
      throw new Error('bad');
    // A search ranks at most this many matches per source (see ticket-search.ts).
    if ((offset as number) > 5 * SEARCH_SOURCE_LIMIT) throw new Error('too deep');
    return offset as number;
  } catch {
    throw new TicketError('ticket.cursor_invalid', 'Kursor halaman tidak valid.', [
      { path: 'cursor', message: 'kursor tidak dikenal' },
    ]);
  }
}

export function decodeCursor(cursor: string): [Date, string] {
  try {
    const [due, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [
      string,
      string,
    ];
    const at = new Date(due);
    if (typeof id !== 'string' || !Number.isFinite(at.getTime())) throw new Error('bad');
    return [at, id];
  } catch {
    throw new TicketError('ticket.cursor_invalid', 'Kursor halaman tidak valid.', [
      { path: 'cursor', message: 'kursor tidak dikenal' },
    ]);
  }
}
