/**
 * Links between tickets of one office: `related` (either way) and parent/child. Listed with the
 * links other domains keep (a major incident and its reports) and the merges the ticket took
 * part in. Adding and removing a link is audited on both tickets and noted on both timelines.
 */
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { TicketLinkKind, TicketLinkView, TicketLinksView } from '@sigap/contracts';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditService } from '@sigap/api-audit';
import { Clock } from '@sigap/api-clock';
import { hasRole, type AuthUser } from '@sigap/api-identity';
import { assertAccess, ticketAccess } from './access';
import { TicketError } from './ticket-error';
import { TicketLinkEntity } from './ticket-link.entity';
import { TicketLinkSources } from './ticket-ports';
import { TicketRepository } from './ticket-repository';
import { TicketStepEntity } from './ticket-step.entity';
import { TicketEntity } from './ticket.entity';

/** A chain of parents longer than this is refused (and ends the cycle check). */
const MAX_DEPTH = 50;

@Injectable()
export class TicketLinksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: TicketRepository,
    private readonly sources: TicketLinkSources,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthUser, number: string): Promise<TicketLinksView> {
    const manager = this.dataSource.manager;
    const ticket = await this.access(manager, user, number, 'read');
    return this.view(manager, ticket);
  }

  async add(
    user: AuthUser,
    number: string,
    other: string,
    kind: TicketLinkKind,
  ): Promise<TicketLinksView> {
    return this.dataSource.transaction(async (manager) => {
      const ticket = await this.access(manager, user, number, 'full');
      const refuse = (message: string) => {
        throw new TicketError('ticket.link_invalid', message, [{ path: 'number', message }]);
      };
      const peer = await manager.findOne(TicketEntity, { where: { number: other } });
      if (!peer) throw TicketError.notFound(other);
      // Another office's ticket: unknown to its staff, refused to an admin.
      if (peer.officeCode !== ticket.officeCode && !hasRole(user, 'admin'))
        throw TicketError.notFound(other);
      if (peer.officeCode !== ticket.officeCode)
        refuse(`Tiket ${other} milik kantor lain; tautan hanya antartiket satu kantor.`);
      if (peer.id === ticket.id) refuse('Tiket tidak dapat ditautkan ke dirinya sendiri.');
      const existing = await manager.findOne(TicketLinkEntity, {
        where: [
          { fromTicketId: ticket.id, toTicketId: peer.id },
          { fromTicketId: peer.id, toTicketId: ticket.id },
        ],
      });
      if (existing) refuse(`Tiket ${number} dan ${other} sudah bertaut.`);
      const [parent, child] =
        kind === 'parent' ? [peer, ticket] : kind === 'child' ? [ticket, peer] : [ticket, peer];
      if (kind !== 'related') {
        const hasParent = await manager.findOne(TicketLinkEntity, {
          where: { toTicketId: child.id, kind: 'parent-child' },
        });
        if (hasParent) refuse(`Tiket ${child.number} sudah punya tiket induk.`);
        if (await this.isAncestor(manager, child.id, parent.id))
          refuse(
            `Tiket ${child.number} adalah induk (atau leluhur) ${parent.number}: tautan melingkar.`,
          );
      }
      const row: TicketLinkEntity = {
        id: randomUUID(),
        officeCode: ticket.officeCode,
        kind: kind === 'related' ? 'related' : 'parent-child',
        fromTicketId: parent.id,
        toTicketId: child.id,
        createdBy: user.id,
        createdAt: this.clock.now(),
      };
      await manager.insert(TicketLinkEntity, row);
      await this.record(manager, user, 'ticket.link_added', ticket, peer, kind);
      return this.view(manager, ticket);
    });
  }

  async remove(user: AuthUser, number: string, linkId: string): Promise<TicketLinksView> {
    return this.dataSource.transaction(async (manager) => {
      const ticket = await this.access(manager, user, number, 'full');
      const link = await manager.findOne(TicketLinkEntity, { where: { id: linkId } });
      if (!link || (link.fromTicketId !== ticket.id && link.toTicketId !== ticket.id))
        throw new TicketError(
          'ticket.link_not_found',
          `Tiket ${number} tidak punya tautan "${linkId}".`,
        );
      const peerId = link.fromTicketId === ticket.id ? link.toTicketId : link.fromTicketId;
      const peer = await manager.findOneOrFail(TicketEntity, { where: { id: peerId } });
      await manager.delete(TicketLinkEntity, { id: link.id });
      await this.record(
        manager,
        user,
        'ticket.link_removed',
        ticket,
        peer,
        kindFrom(link, ticket.id),
      );
      return this.view(manager, ticket);
    });
  }

  /** Both tickets' audit entries and timeline notes of a link added or removed. */
  private async record(
    manager: EntityManager,
    user: AuthUser,
    action: 'ticket.link_added' | 'ticket.link_removed',
    ticket: TicketEntity,
    peer: TicketEntity,
    kind: TicketLinkKind,
  ): Promise<void> {
    const now = this.clock.now();
    const mirrored: TicketLinkKind =
      kind === 'parent' ? 'child' : kind === 'child' ? 'parent' : kind;
    for (const [one, other, k] of [
      [ticket, peer, kind],
      [peer, ticket, mirrored],
    ] as const) {
      await this.repository.appendTimeline(
        manager,
        one.id,
        [
          {
            kind: 'event',
            event: action,
            authorId: user.id,
            body: null,
            data: { number: other.number, kind: k },
          },
        ],
        now,
      );
      await this.audit.record(
        {
          actorId: user.id,
          action,
          entityType: 'ticket',
          entityId: one.number,
          after: { number: other.number, kind: k },
        },
        manager,
      );
    }
  }

  /** Is `ancestor` the parent of `id`, or a parent of its parent...? */
  private async isAncestor(manager: EntityManager, ancestor: string, id: string): Promise<boolean> {
    let current: string | null = id;
    for (let depth = 0; current && depth < MAX_DEPTH; depth++) {
      if (current === ancestor) return true;
      const up: TicketLinkEntity | null = await manager.findOne(TicketLinkEntity, {
        where: { toTicketId: current, kind: 'parent-child' },
      });
      current = up?.fromTicketId ?? null;
    }
    return current !== null;
  }

  private async view(manager: EntityManager, ticket: TicketEntity): Promise<TicketLinksView> {
    const rows = await manager.find(TicketLinkEntity, {
      where: [{ fromTicketId: ticket.id }, { toTicketId: ticket.id }],
      order: { createdAt: 'ASC' },
    });
    const peerIds = rows.map((r) => (r.fromTicketId === ticket.id ? r.toTicketId : r.fromTicketId));
    const peers = peerIds.length
      ? await manager.find(TicketEntity, { where: { id: In(peerIds) } })
      : [];
    const byId = new Map(peers.map((p) => [p.id, p]));
    const links: TicketLinkView[] = [];
    for (const r of rows) {
      const peer = byId.get(r.fromTicketId === ticket.id ? r.toTicketId : r.fromTicketId);
      if (!peer) continue;
      links.push({
        id: r.id,
        kind: kindFrom(r, ticket.id),
        source: 'link',
        number: peer.number,
        subject: peer.subject,
        status: peer.status,
        createdAt: r.createdAt.toISOString(),
      });
    }
    for (const f of await this.sources.linksOf(manager, ticket)) {
      links.push({
        id: null,
        kind: f.kind,
        source: 'incident',
        number: f.ticket.number,
        subject: f.ticket.subject,
        status: f.ticket.status,
        createdAt: null,
      });
    }
    const mergedInto = ticket.mergedIntoId
      ? await manager.findOne(TicketEntity, {
          select: { id: true, number: true },
          where: { id: ticket.mergedIntoId },
        })
      : null;
    const mergedFrom = await manager.find(TicketEntity, {
      select: { id: true, number: true },
      where: { mergedIntoId: ticket.id },
      order: { updatedAt: 'ASC', number: 'ASC' },
    });
    return {
      links,
      mergedInto: mergedInto?.number ?? null,
      mergedFrom: mergedFrom.map((m) => m.number),
    };
  }

  private async access(
    manager: EntityManager,
    user: AuthUser,
    number: string,
    need: 'read' | 'full',
  ): Promise<TicketEntity> {
    const ticket = await manager.findOne(TicketEntity, { where: { number } });
    if (!ticket) throw TicketError.notFound(number);
    const steps = await manager.find(TicketStepEntity, { where: { ticketId: ticket.id } });
    const access = ticketAccess(user, ticket, steps);
    // Managers of the office link tickets too (they read every ticket of it).
    const manages = user.office === ticket.officeCode && hasRole(user, 'manager');
    assertAccess(need === 'full' && manages ? 'full' : access, need, number);
    return ticket;
  }
}

/** A stored link's kind as seen from one of its tickets. */
function kindFrom(link: TicketLinkEntity, ticketId: string): TicketLinkKind {
  if (link.kind === 'related') return 'related';
  return link.fromTicketId === ticketId ? 'child' : 'parent';
}
