import { Injectable } from '@nestjs/common';
import type {
  ChangeApprovalView,
  ChangeCalendarEntry,
  ChangeOutcomes,
  ChangeOverlap,
  ChangeView,
} from '@sigap/contracts';
import { DataSource, EntityManager, In } from 'typeorm';
import { dialectOf } from '@sigap/api-database';
import type { AuthUser } from '@sigap/api-identity';
import { actorNames, hasRole } from '@sigap/api-identity';
import { PositionEntity } from '@sigap/api-offices';
import { TicketItServiceEntity } from '@sigap/api-incidents';
import { ItServiceEntity } from '@sigap/api-it-services';
import { TicketEntity, TicketStepEntity, ticketAccess } from '@sigap/api-tickets';
import { assertCanReadOffice } from './access';
import { ChangeError } from './change-error';
import { approversOf } from './change-standard';
import { ChangeEntity, ChangeIncidentEntity, type ChangeDecision } from './change.entity';

/** Changes that still hold their window: an overlap with them is a clash to plan around. */
export const OPEN_CHANGE_STATES = ['awaiting-approval', 'approved'] as const;

/** The longest range the calendar and the outcomes answer at once. */
const MAX_RANGE_MS = 400 * 86_400_000;

/**
 * Reading changes: one change with its approvals, overlaps and caused incidents; the calendar
 * of an office's planned windows; the outcome counts the dashboards use.
 */
@Injectable()
export class ChangeReadingService {
  constructor(private readonly dataSource: DataSource) {}

  /** The change behind a ticket number; 404 when the user may not see it or it is no change. */
  async load(
    manager: EntityManager,
    user: AuthUser,
    number: string,
  ): Promise<{ ticket: TicketEntity; change: ChangeEntity }> {
    const ticket = /^[A-Za-z0-9-]{3,40}$/.test(number)
      ? await manager.findOne(TicketEntity, { where: { number } })
      : null;
    const steps = ticket
      ? await manager.find(TicketStepEntity, { where: { ticketId: ticket.id } })
      : [];
    if (!ticket || ticketAccess(user, ticket, steps) === 'none')
      throw new ChangeError('change.not_found', `Perubahan ${number} tidak ditemukan.`);
    const change =
      ticket.kind === 'change'
        ? await manager.findOne(ChangeEntity, { where: { ticketId: ticket.id } })
        : null;
    if (!change) throw new ChangeError('change.not_change', `Tiket ${number} bukan perubahan.`);
    return { ticket, change };
  }

  async view(user: AuthUser, number: string): Promise<ChangeView> {
    const manager = this.dataSource.manager;
    const { ticket, change } = await this.load(manager, user, number);
    return this.render(manager, ticket, change, user);
  }

  async render(
    manager: EntityManager,
    ticket: TicketEntity,
    change: ChangeEntity,
    user: AuthUser,
  ): Promise<ChangeView> {
    const services = await this.servicesOf(manager, [ticket.id]);
    const steps = await manager.find(TicketStepEntity, {
      where: { ticketId: ticket.id },
      order: { stepOrder: 'ASC' },
    });
    const links = await manager.find(ChangeIncidentEntity, {
      where: { changeTicketId: ticket.id },
    });
    const incidents = links.length
      ? await manager.find(TicketEntity, {
          select: { id: true, number: true },
          where: { id: In(links.map((l) => l.incidentTicketId)) },
          order: { number: 'ASC' },
        })
      : [];
    const mine = services.get(ticket.id) ?? [];
    return {
      number: ticket.number,
      office: ticket.officeCode,
      subject: ticket.subject,
      state: change.state,
      risk: change.risk,
      rollbackPlan: change.rollbackPlan,
      plannedStart: change.plannedStart.toISOString(),
      plannedEnd: change.plannedEnd.toISOString(),
      services: mine.map((s) => ({ code: s.code, name: s.name })),
      approvals: await this.named(
        manager,
        ticket.officeCode,
        approvalsOf(change, steps, mayDecideAs(user, ticket.officeCode)),
      ),
      overlaps: isOpen(change)
        ? await this.overlaps(manager, {
            office: ticket.officeCode,
            serviceIds: mine.map((s) => s.id),
            start: change.plannedStart,
            end: change.plannedEnd,
            exceptTicketId: ticket.id,
          })
        : [],
      actualStart: change.actualStart?.toISOString() ?? null,
      actualEnd: change.actualEnd?.toISOString() ?? null,
      result: change.result,
      implementationNote: change.implementationNote,
      reviewNote: change.reviewNote,
      reviewedAt: change.reviewedAt?.toISOString() ?? null,
      incidents: incidents.map((t) => t.number),
      version: ticket.version,
    };
  }

  /**
   * Open changes of the office on any of these services whose planned window overlaps
   * [start, end): windows touching end to start do not overlap.
   */
  /** Gives each approval its position's name and its decider's name (two small reads). */
  private async named(
    manager: EntityManager,
    office: string,
    approvals: ChangeApprovalView[],
  ): Promise<ChangeApprovalView[]> {
    if (!approvals.length) return approvals;
    const positions = await manager.find(PositionEntity, {
      select: { code: true, name: true },
      where: { officeCode: office, code: In([...new Set(approvals.map((a) => a.position))]) },
    });
    const positionNames = new Map(positions.map((p) => [p.code, p.name]));
    const people = await actorNames(
      manager,
      approvals.map((a) => a.decidedBy),
    );
    return approvals.map((a) => ({
      ...a,
      positionName: positionNames.get(a.position) ?? null,
      decidedByName: a.decidedBy ? (people.get(a.decidedBy) ?? null) : null,
    }));
  }

  async overlaps(
    manager: EntityManager,
    q: { office: string; serviceIds: string[]; start: Date; end: Date; exceptTicketId?: string },
  ): Promise<ChangeOverlap[]> {
    if (!q.serviceIds.length) return [];
    const qb = manager
      .createQueryBuilder(ChangeEntity, 'c')
      .innerJoin(TicketItServiceEntity, 'tis', 'tis.ticket_id = c.ticket_id')
      .select('DISTINCT c.ticket_id', 'id')
      .where('c.office_code = :office', { office: q.office })
      .andWhere('c.state IN (:...states)', { states: [...OPEN_CHANGE_STATES] })
      .andWhere('tis.it_service_id IN (:...ids)', { ids: q.serviceIds })
      .andWhere('c.planned_start < :end', { end: at(manager, q.end) })
      .andWhere('c.planned_end > :start', { start: at(manager, q.start) });
    if (q.exceptTicketId) qb.andWhere('c.ticket_id <> :except', { except: q.exceptTicketId });
    const ids = ((await qb.getRawMany()) as { id: string }[]).map((r) => r.id);
    if (!ids.length) return [];
    const [tickets, changes, services] = await Promise.all([
      manager.find(TicketEntity, { where: { id: In(ids) } }),
      manager.find(ChangeEntity, { where: { ticketId: In(ids) } }),
      this.servicesOf(manager, ids),
    ]);
    const wanted = new Set(q.serviceIds);
    const byId = new Map(changes.map((c) => [c.ticketId, c]));
    return tickets
      .map((t) => {
        const c = byId.get(t.id) as ChangeEntity;
        return {
          number: t.number,
          subject: t.subject,
          plannedStart: c.plannedStart.toISOString(),
          plannedEnd: c.plannedEnd.toISOString(),
          services: (services.get(t.id) ?? []).filter((s) => wanted.has(s.id)).map((s) => s.code),
        };
      })
      .sort(
        (a, b) => a.plannedStart.localeCompare(b.plannedStart) || a.number.localeCompare(b.number),
      );
  }

  /** Changes of the office whose planned window meets [from, to), earliest first. */
  async calendar(
    user: AuthUser,
    query: { office?: string; from: string; to: string },
  ): Promise<ChangeCalendarEntry[]> {
    const office = this.officeOf(user, query.office);
    const { from, to } = range(query.from, query.to);
    const manager = this.dataSource.manager;
    const changes = await manager
      .createQueryBuilder(ChangeEntity, 'c')
      .where('c.office_code = :office', { office })
      .andWhere('c.planned_start < :to', { to: at(manager, to) })
      .andWhere('c.planned_end > :from', { from: at(manager, from) })
      .orderBy('c.planned_start', 'ASC')
      .addOrderBy('c.ticket_id', 'ASC')
      .take(500)
      .getMany();
    if (!changes.length) return [];
    const ids = changes.map((c) => c.ticketId);
    const [tickets, services] = await Promise.all([
      manager.find(TicketEntity, { where: { id: In(ids) } }),
      this.servicesOf(manager, ids),
    ]);
    const byId = new Map(tickets.map((t) => [t.id, t]));
    const entries: ChangeCalendarEntry[] = [];
    for (const c of changes) {
      const t = byId.get(c.ticketId) as TicketEntity;
      const mine = services.get(c.ticketId) ?? [];
      entries.push({
        number: t.number,
        subject: t.subject,
        state: c.state,
        risk: c.risk,
        plannedStart: c.plannedStart.toISOString(),
        plannedEnd: c.plannedEnd.toISOString(),
        services: mine.map((s) => ({ code: s.code, name: s.name })),
        overlaps: isOpen(c)
          ? await this.overlaps(manager, {
              office,
              serviceIds: mine.map((s) => s.id),
              start: c.plannedStart,
              end: c.plannedEnd,
              exceptTicketId: c.ticketId,
            })
          : [],
      });
    }
    return entries;
  }

  /**
   * Outcomes of the changes implemented (actual end) in [from, to): how many, how they ended,
   * the success rate, and the incidents they caused; and the changes rejected or withdrawn in
   * the range.
   */
  async outcomes(
    user: AuthUser,
    query: { office?: string; from: string; to: string },
  ): Promise<ChangeOutcomes> {
    const office = this.officeOf(user, query.office);
    const { from, to } = range(query.from, query.to);
    const manager = this.dataSource.manager;
    const done = await manager
      .createQueryBuilder(ChangeEntity, 'c')
      .where('c.office_code = :office', { office })
      .andWhere('c.result IS NOT NULL')
      .andWhere('c.actual_end >= :from', { from: at(manager, from) })
      .andWhere('c.actual_end < :to', { to: at(manager, to) })
      .getMany();
    const ended = (state: 'rejected' | 'withdrawn') =>
      manager
        .createQueryBuilder(ChangeEntity, 'c')
        .where('c.office_code = :office', { office })
        .andWhere('c.state = :state', { state })
        .andWhere('c.updated_at >= :from', { from: at(manager, from) })
        .andWhere('c.updated_at < :to', { to: at(manager, to) })
        .getCount();
    const rejected = await ended('rejected');
    const withdrawn = await ended('withdrawn');
    const links = done.length
      ? await manager.find(ChangeIncidentEntity, {
          where: { changeTicketId: In(done.map((c) => c.ticketId)) },
        })
      : [];
    const count = (r: string) => done.filter((c) => c.result === r).length;
    const success = count('success');
    return {
      office,
      from: from.toISOString(),
      to: to.toISOString(),
      implemented: done.length,
      success,
      failed: count('failed'),
      rolledBack: count('rolled-back'),
      successRate: done.length ? success / done.length : null,
      rejected,
      withdrawn,
      incidentsCaused: new Set(links.map((l) => l.incidentTicketId)).size,
      changesWithIncidents: new Set(links.map((l) => l.changeTicketId)).size,
    };
  }

  /** The IT services of each ticket, in the order named. */
  async servicesOf(
    manager: EntityManager,
    ticketIds: readonly string[],
  ): Promise<Map<string, ItServiceEntity[]>> {
    const out = new Map<string, ItServiceEntity[]>();
    if (!ticketIds.length) return out;
    const links = await manager.find(TicketItServiceEntity, {
      where: { ticketId: In([...ticketIds]) },
      order: { position: 'ASC' },
    });
    const services = links.length
      ? await manager.find(ItServiceEntity, {
          where: { id: In([...new Set(links.map((l) => l.itServiceId))]) },
        })
      : [];
    const byId = new Map(services.map((s) => [s.id, s]));
    for (const l of links) {
      const s = byId.get(l.itServiceId);
      if (!s) continue;
      const list = out.get(l.ticketId) ?? [];
      list.push(s);
      out.set(l.ticketId, list);
    }
    return out;
  }

  private officeOf(user: AuthUser, office: string | undefined): string {
    const code = office ?? user.office;
    if (!code) {
      if (hasRole(user, 'admin'))
        throw new ChangeError('change.invalid', 'Sebutkan kantornya.', [
          { path: 'office', message: 'wajib diisi untuk admin' },
        ]);
      throw new ChangeError('change.forbidden', 'Anda tidak terdaftar di kantor mana pun.');
    }
    assertCanReadOffice(user, code);
    return code;
  }
}

function at(manager: EntityManager, instant: Date): Date | string {
  return dialectOf(manager).instant(instant);
}

/** Who may decide an approval of a change of this office: its position's holders, admins. */
function mayDecideAs(user: AuthUser, office: string): (position: string) => boolean {
  if (hasRole(user, 'admin')) return () => true;
  return (position) => user.office === office && user.positions.includes(position);
}

function isOpen(change: Pick<ChangeEntity, 'state'>): boolean {
  return (OPEN_CHANGE_STATES as readonly string[]).includes(change.state);
}

function range(fromText: string, toText: string): { from: Date; to: Date } {
  const from = new Date(fromText);
  const to = new Date(toText);
  if (!(to.getTime() > from.getTime()))
    throw new ChangeError('change.invalid', 'Rentang tanggal tidak valid.', [
      { path: 'to', message: 'harus setelah from' },
    ]);
  if (to.getTime() - from.getTime() > MAX_RANGE_MS)
    throw new ChangeError('change.invalid', 'Rentang tanggal terlalu panjang.', [
      { path: 'to', message: 'paling panjang 400 hari' },
    ]);
  return { from, to };
}

/** Each approval step with its decision (from the change's record) and its clock's due. */
export function approvalsOf(
  change: Pick<ChangeEntity, 'approversJson' | 'decisionsJson' | 'state'>,
  steps: readonly TicketStepEntity[],
  mayDecide: (position: string) => boolean = () => false,
): ChangeApprovalView[] {
  const approvers = approversOf(change.approversJson);
  const decisions = decisionsOf(change.decisionsJson);
  return approvers.map((a, i) => {
    const order = i + 1;
    const step = steps.find((s) => s.stepOrder === order);
    const decided = decisions.find((d) => d.order === order);
    const status: ChangeApprovalView['status'] = decided
      ? decided.decision
      : step?.status === 'active'
        ? 'active'
        : 'pending';
    return {
      order,
      position: a.position,
      positionName: null,
      time: a.time,
      status,
      mayDecide:
        status === 'active' && change.state === 'awaiting-approval' && mayDecide(a.position),
      decidedBy: decided?.by ?? null,
      decidedByName: null,
      decidedAt: decided?.at ?? null,
      reason: decided?.reason ?? null,
      dueAt: step?.dueAt?.toISOString() ?? null,
    };
  });
}

export function decisionsOf(json: string): ChangeDecision[] {
  try {
    const parsed = JSON.parse(json) as ChangeDecision[];
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}
