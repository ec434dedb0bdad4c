import { Injectable } from '@nestjs/common';
import type { TicketDetail } from '@sigap/contracts';
import { EntityManager, In } from 'typeorm';
import { AuditService } from '@sigap/api-audit';
import type { AuthUser } from '@sigap/api-identity';
import { RequesterContactEntity } from '@sigap/api-opds';
import {
  addClockEvent,
  event,
  FIRST_RESPONSE_CLOCK,
  logState,
  rowsOf,
  TicketActingService,
  TicketEntity,
  TicketRepository,
  type TicketAggregate,
} from '@sigap/api-tickets';
import { IncidentError } from './incident-error';
import { incidentOf } from './incident-rows';
import { IncidentEntity } from './incident.entity';

type Version = number | null;

/**
 * Major incidents: several reports of one outage linked to one parent incident. Links stay
 * within an office, go one level deep (a parent is never a child, a child is never a parent),
 * and only open incidents are linked. An update written on the parent is mailed once to every
 * reporter, each address once; resolving the parent resolves its open children (see
 * `MajorIncidentCascade`).
 */
@Injectable()
export class MajorIncidentsService {
  constructor(
    private readonly acting: TicketActingService,
    private readonly repository: TicketRepository,
    private readonly audit: AuditService,
  ) {}

  /** Links reports to the major incident `number` (those already linked to it are kept). */
  link(
    user: AuthUser,
    number: string,
    version: Version,
    children: string[],
  ): Promise<TicketDetail> {
    return this.acting.act(user, number, version, 'incident.children_linked', async (agg, m) => {
      const parent = await this.openParent(m, agg);
      const wanted = [...new Set(children.map((c) => c.trim()))];
      const linked: string[] = [];
      for (const [index, childNumber] of wanted.entries()) {
        const path = `children[${index}]`;
        const child = await m.findOne(TicketEntity, { where: { number: childNumber } });
        // Another office's ticket reads as unknown: its existence is not told.
        if (!child || child.officeCode !== agg.ticket.officeCode) {
          throw new IncidentError(
            'incident.not_found',
            `Gangguan ${childNumber} tidak ditemukan.`,
            [{ path, message: 'tidak ada gangguan dengan nomor ini di kantor ini' }],
          );
        }
        if (child.id === agg.ticket.id)
          throw conflict(path, 'gangguan tidak dapat ditautkan ke dirinya sendiri');
        const row = await incidentOf(m, child).catch(() => {
          throw conflict(path, `tiket ${childNumber} bukan gangguan`, 'incident.not_incident');
        });
        if (!child.isOpen)
          throw conflict(
            path,
            `gangguan ${childNumber} sudah selesai atau ditutup`,
            'incident.closed',
          );
        if (row.parentTicketId === parent.ticketId) continue;
        if (row.parentTicketId)
          throw conflict(path, `gangguan ${childNumber} sudah tertaut ke gangguan utama lain`);
        if (await m.count(IncidentEntity, { where: { parentTicketId: child.id } }))
          throw conflict(
            path,
            `gangguan ${childNumber} adalah gangguan utama dengan laporan tertaut`,
          );
        // Guarded: a concurrent link of the same report (or of it as a parent) loses here.
        const done = await m
          .createQueryBuilder()
          .update(IncidentEntity)
          .set({ parentTicketId: agg.ticket.id, updatedAt: agg.now })
          .where('ticket_id = :id AND parent_ticket_id IS NULL', { id: child.id })
          .execute();
        if (!done.affected)
          throw conflict(path, `gangguan ${childNumber} baru saja ditautkan ke gangguan lain`);
        await this.repository.appendTimeline(
          m,
          child.id,
          [
            {
              kind: 'event',
              event: 'incident.linked_to_major',
              authorId: user.id,
              body: null,
              data: { parent: agg.ticket.number },
            },
          ],
          agg.now,
        );
        await this.audit.record(
          {
            actorId: user.id,
            action: 'incident.linked',
            entityType: 'ticket',
            entityId: childNumber,
            before: { parent: null },
            after: { parent: agg.ticket.number },
          },
          m,
        );
        linked.push(childNumber);
      }
      if (linked.length) event(agg, 'incident.children_linked', { children: linked });
    });
  }

  /** Unlinks one report from the major incident `number`. */
  unlink(
    user: AuthUser,
    number: string,
    version: Version,
    childNumber: string,
  ): Promise<TicketDetail> {
    return this.acting.act(user, number, version, 'incident.child_unlinked', async (agg, m) => {
      await incidentOf(m, agg.ticket);
      const child = await m.findOne(TicketEntity, { where: { number: childNumber } });
      const row = child ? await m.findOne(IncidentEntity, { where: { ticketId: child.id } }) : null;
      if (!child || !row || row.parentTicketId !== agg.ticket.id) {
        throw new IncidentError(
          'incident.not_found',
          `Gangguan ${childNumber} tidak tertaut ke ${agg.ticket.number}.`,
        );
      }
      await m.update(
        IncidentEntity,
        { ticketId: child.id },
        { parentTicketId: null, updatedAt: agg.now },
      );
      await this.repository.appendTimeline(
        m,
        child.id,
        [
          {
            kind: 'event',
            event: 'incident.unlinked_from_major',
            authorId: user.id,
            body: null,
            data: { parent: agg.ticket.number },
          },
        ],
        agg.now,
      );
      event(agg, 'incident.child_unlinked', { child: childNumber });
      await this.audit.record(
        {
          actorId: user.id,
          action: 'incident.unlinked',
          entityType: 'ticket',
          entityId: childNumber,
          before: { parent: agg.ticket.number },
          after: { parent: null },
        },
        m,
      );
    });
  }

  /**
   * One update on the major incident `number`: on its timeline (a public message, its first
   * response when none was given), on each linked report's, and mailed to every reporter once:
   * the parent's requester first, then the children's in the order received, each address once.
   */
  postUpdate(
    user: AuthUser,
    number: string,
    version: Version,
    body: string,
  ): Promise<TicketDetail> {
    return this.acting.act(user, number, version, 'incident.major_update', async (agg, m) => {
      const t = agg.ticket;
      const parent = await incidentOf(m, t);
      if (parent.parentTicketId) {
        throw new IncidentError(
          'incident.link_conflict',
          `Gangguan ${t.number} tertaut ke gangguan utama lain; tulis kabar di gangguan utamanya.`,
        );
      }
      if (t.status === 'closed' || t.status === 'cancelled') {
        throw new IncidentError('incident.closed', `Gangguan ${t.number} sudah ditutup.`);
      }
      const children = await childTickets(m, t.id);
      const tickets = [t, ...children];
      const contacts = await m.find(RequesterContactEntity, {
        select: { id: true, email: true },
        where: { id: In([...new Set(tickets.map((x) => x.requesterContactId))]) },
      });
      const emailOf = new Map(contacts.map((c) => [c.id, c.email?.trim().toLowerCase() || null]));
      const seen = new Set<string>();
      const reached: string[] = [];
      for (const ticket of tickets) {
        const address = emailOf.get(ticket.requesterContactId);
        if (!address || seen.has(address)) continue;
        seen.add(address);
        reached.push(ticket.number);
        agg.outbox.push({
          kind: 'incident.major-update',
          payload: { ticket: ticket.number, parent: t.number, body },
        });
      }
      agg.timeline.push({
        kind: 'reply',
        event: 'incident.major_update',
        authorId: user.id,
        body,
        data: { recipients: reached.length, tickets: reached, children: children.length },
      });
      for (const child of children) {
        await this.repository.appendTimeline(
          m,
          child.id,
          [
            {
              kind: 'event',
              event: 'incident.major_update',
              authorId: user.id,
              body,
              data: { parent: t.number, mailed: reached.includes(child.number) },
            },
          ],
          agg.now,
        );
      }
      if (!t.firstResponseAt) t.firstResponseAt = agg.now;
      if (logState(rowsOf(agg.clockRows, FIRST_RESPONSE_CLOCK)) === 'running')
        addClockEvent(agg, FIRST_RESPONSE_CLOCK, 'stop');
      await this.audit.record(
        {
          actorId: user.id,
          action: 'incident.major_update_sent',
          entityType: 'ticket',
          entityId: t.number,
          after: { recipients: reached.length, tickets: reached },
        },
        m,
      );
    });
  }

  /** Records (or clears) what caused the incident; on its timeline and audited by the action. */
  rootCause(
    user: AuthUser,
    number: string,
    version: Version,
    text: string | null,
  ): Promise<TicketDetail> {
    return this.acting.act(user, number, version, 'incident.root_cause', async (agg, m) => {
      const incident = await incidentOf(m, agg.ticket);
      const next = text?.trim() || null;
      if (next === incident.rootCause) return;
      await m.update(
        IncidentEntity,
        { ticketId: agg.ticket.id },
        { rootCause: next, updatedAt: agg.now },
      );
      event(agg, 'incident.root_cause_recorded', { from: incident.rootCause, to: next });
    });
  }

  /** The parent's incident row, refused when it cannot take children; locked against races. */
  private async openParent(m: EntityManager, agg: TicketAggregate): Promise<IncidentEntity> {
    const t = agg.ticket;
    const parent = await incidentOf(m, t);
    if (!t.isOpen)
      throw new IncidentError(
        'incident.closed',
        `Gangguan ${t.number} sudah selesai atau ditutup.`,
      );
    const held = await m
      .createQueryBuilder()
      .update(IncidentEntity)
      .set({ updatedAt: agg.now })
      .where('ticket_id = :id AND parent_ticket_id IS NULL', { id: t.id })
      .execute();
    if (!held.affected)
      throw new IncidentError(
        'incident.link_conflict',
        `Gangguan ${t.number} sendiri tertaut ke gangguan utama lain; tautkan laporan ke gangguan utamanya.`,
      );
    return parent;
  }
}

/** The tickets linked to a major incident, in the order they were received. */
export async function childTickets(m: EntityManager, parentId: string): Promise<TicketEntity[]> {
  const rows = await m.find(IncidentEntity, {
    select: { ticketId: true },
    where: { parentTicketId: parentId },
  });
  if (!rows.length) return [];
  const tickets = await m.find(TicketEntity, {
    where: { id: In(rows.map((r) => r.ticketId)) },
    order: { receivedAt: 'ASC', number: 'ASC' },
  });
  return tickets;
}

function conflict(
  path: string,
  message: string,
  code:
    | 'incident.link_conflict'
    | 'incident.closed'
    | 'incident.not_incident' = 'incident.link_conflict',
): IncidentError {
  return new IncidentError(code, `Tidak dapat ditautkan: ${message}.`, [{ path, message }]);
}
