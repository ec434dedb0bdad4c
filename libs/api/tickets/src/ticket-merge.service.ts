/**
 * Merging a duplicate ticket into another ticket of the same office and OPD, in one transaction:
 * the duplicate's timeline entries and files move to the target (each entry keeps the number it
 * came from), its checklist evidence is carried to the target's matching lines, it becomes
 * `merged` (final: its clocks stop and its figures freeze) pointing at the target, and its
 * requester is told once by mail. Both tickets' versions are checked, both changes audited.
 *
 * A merge cannot be undone: there is no unmerge. The console asks for confirmation first and
 * shows what will move (`preview`).
 */
import { Injectable } from '@nestjs/common';
import type { MergePreview, MergeTicketRef, TicketDetail } from '@sigap/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@sigap/api-audit';
import { CalendarProvider } from '@sigap/api-calendars';
import { runSql } from '@sigap/api-database';
import { AuthUser, hasRole } from '@sigap/api-identity';
import { RequesterContactEntity } from '@sigap/api-opds';
import { ticketAccess } from './access';
import { ServiceCache } from './service-cache';
import { MERGEABLE_KINDS } from './state-machine';
import { TicketError } from './ticket-error';
import { TicketFiles } from './ticket-ports';
import { TicketReadingService } from './ticket-reading.service';
import { staleVersion, TicketRepository } from './ticket-repository';
import { TicketStepEntity } from './ticket-step.entity';
import { TicketEntity } from './ticket.entity';
import { TimelineEntryEntity } from './timeline-entry.entity';
import {
  event,
  reconcileClocks,
  refreshStoredFigures,
  transition,
  type TicketAggregate,
} from './workflow';

export interface MergeInput {
  target: string;
  expectedVersion: number;
  targetExpectedVersion: number;
  reason?: string | null;
}

/** May the user merge tickets of this office: its agents and managers, and admins. */
export function canMerge(user: AuthUser, ticket: Pick<TicketEntity, 'officeCode'>): boolean {
  if (hasRole(user, 'admin')) return true;
  return user.office === ticket.officeCode && (hasRole(user, 'agent') || hasRole(user, 'manager'));
}

@Injectable()
export class TicketMergeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: TicketRepository,
    private readonly reading: TicketReadingService,
    private readonly cache: ServiceCache,
    private readonly calendars: CalendarProvider,
    private readonly audit: AuditService,
    private readonly files: TicketFiles,
  ) {}

  /** What a merge of `number` into `target` would move, or why it is refused. */
  async preview(user: AuthUser, number: string, target: string): Promise<MergePreview> {
    const manager = this.dataSource.manager;
    const source = await this.visible(manager, user, number);
    const into = await this.visible(manager, user, target);
    let refusal: string | null = null;
    try {
      await this.assertMergeable(manager, source, into);
    } catch (e) {
      if (!(e instanceof TicketError)) throw e;
      refusal = e.message;
    }
    const [entries, evidence, attachments, contact] = await Promise.all([
      manager.count(TimelineEntryEntity, { where: { ticketId: source.id } }),
      this.evidenceCount(manager, source.id),
      this.files.count(manager, source.id),
      manager.findOne(RequesterContactEntity, {
        select: { id: true, email: true },
        where: { id: source.requesterContactId },
      }),
    ]);
    return {
      source: ref(source),
      target: ref(into),
      timelineEntries: entries,
      evidence,
      attachments,
      requesterMailed: !!contact?.email,
      refusal,
    };
  }

  async merge(user: AuthUser, number: string, input: MergeInput): Promise<TicketDetail> {
    const pre = await this.visible(this.dataSource.manager, user, number);
    const calendar = await this.calendars.forOffice(pre.officeCode);
    return this.dataSource.transaction(async (manager) => {
      const targetRow = await this.visible(manager, user, input.target);
      // Both rows locked, always in the same order (two merges the other way cannot deadlock).
      const [first, second] = [pre.id, targetRow.id].sort();
      const loaded = new Map<string, TicketAggregate>();
      // (Another office's target is refused below, before anything is written.)
      for (const id of first === second ? [first] : [first, second])
        loaded.set(id, await this.repository.load(manager, { id }, calendar, user.id, true));
      const source = loaded.get(pre.id) as TicketAggregate;
      const target = loaded.get(targetRow.id) as TicketAggregate;
      await this.assertMergeable(manager, source.ticket, target.ticket);
      if (source.ticket.version !== input.expectedVersion)
        throw staleVersion(source.ticket, input.expectedVersion);
      if (target.ticket.version !== input.targetExpectedVersion)
        throw staleVersion(target.ticket, input.targetExpectedVersion);
      const s = source.ticket;
      const t = target.ticket;
      const reason = input.reason?.trim() || null;
      const before = { source: auditState(source), target: auditState(target) };

      // The duplicate's history moves to the target, each entry marked with where it came from.
      const moved: { n: number | string }[] = await runSql(
        manager,
        'SELECT COUNT(*) AS n FROM ticket_timeline WHERE ticket_id = ?',
        [s.id],
      );
      const timelineEntries = Number(moved[0]?.n ?? 0);
      await runSql(
        manager,
        'UPDATE ticket_timeline SET ticket_id = ?, merged_from = COALESCE(merged_from, ?) WHERE ticket_id = ?',
        [t.id, s.number, s.id],
      );
      const attachments = await this.files.moveAll(manager, s.id, t.id);
      const evidence = carryEvidence(source, target, user.id);

      transition(source, 'merge');
      s.mergedIntoId = t.id;
      event(source, 'ticket.merged', { into: t.number, reason });
      event(target, 'ticket.merged_in', {
        from: s.number,
        reason,
        timelineEntries,
        attachments,
        evidence: evidence.carried,
        unmatchedEvidence: evidence.unmatched,
      });
      const contact = await manager.findOne(RequesterContactEntity, {
        select: { id: true, email: true },
        where: { id: s.requesterContactId },
      });
      if (contact?.email)
        source.outbox.push({
          kind: 'ticket.merged',
          payload: { ticket: s.number, target: t.number },
        });

      for (const agg of [source, target]) {
        reconcileClocks(agg, this.cache);
        refreshStoredFigures(agg, this.cache);
      }
      await this.repository.save(manager, source, input.expectedVersion);
      await this.repository.save(manager, target, input.targetExpectedVersion);
      const after = { source: auditState(source), target: auditState(target) };
      await this.audit.record(
        {
          actorId: user.id,
          action: 'ticket.merged',
          entityType: 'ticket',
          entityId: s.number,
          before: before.source,
          after: {
            ...after.source,
            into: t.number,
            reason,
            timelineEntries,
            attachments,
            evidence,
          },
        },
        manager,
      );
      await this.audit.record(
        {
          actorId: user.id,
          action: 'ticket.merged_in',
          entityType: 'ticket',
          entityId: t.number,
          before: before.target,
          after: { ...after.target, from: s.number, reason },
        },
        manager,
      );
      return this.reading.render(manager, source, ticketAccess(user, s, source.steps));
    });
  }

  /** A ticket the user may merge (404 when they may not see it, 403 when only read it). */
  private async visible(
    manager: EntityManager,
    user: AuthUser,
    number: string,
  ): Promise<TicketEntity> {
    const ticket = await manager.findOne(TicketEntity, { where: { number } });
    if (!ticket) throw TicketError.notFound(number);
    if (canMerge(user, ticket)) return ticket;
    const steps = await manager.find(TicketStepEntity, { where: { ticketId: ticket.id } });
    if (ticketAccess(user, ticket, steps) === 'none') throw TicketError.notFound(number);
    throw new TicketError(
      'ticket.forbidden',
      'Hanya helpdesk, manajer kantor tiket, atau admin yang boleh menggabungkan tiket.',
    );
  }

  /** The rules of a merge, each refusal in words an agent can act on. */
  private async assertMergeable(
    manager: EntityManager,
    s: TicketEntity,
    t: TicketEntity,
  ): Promise<void> {
    const refuse = (message: string, path = 'target') => {
      throw new TicketError('ticket.merge_invalid', message, [{ path, message }]);
    };
    if (s.id === t.id) refuse(`Tiket ${s.number} tidak dapat digabung ke dirinya sendiri.`);
    if (s.status === 'merged')
      throw new TicketError(
        'ticket.illegal_transition',
        `Tiket ${s.number} sudah digabung ke tiket lain; penggabungan tidak dapat diulang.`,
      );
    if (!s.isOpen)
      throw new TicketError(
        'ticket.illegal_transition',
        `Hanya tiket yang masih terbuka yang dapat digabung; tiket ${s.number} berstatus "${s.status}".`,
      );
    if (t.officeCode !== s.officeCode)
      refuse(`Tiket ${t.number} milik kantor lain; tiket hanya dapat digabung dalam satu kantor.`);
    if (t.status === 'merged')
      refuse(`Tiket ${t.number} sudah digabung ke tiket lain; pilih tiket tujuannya langsung.`);
    if (!t.isOpen)
      refuse(
        `Tiket ${t.number} berstatus "${t.status}"; gabungkan hanya ke tiket yang masih terbuka.`,
      );
    const kind = s.kind ?? 'request';
    if (!MERGEABLE_KINDS.includes(kind)) refuse(`Tiket berjenis "${kind}" tidak dapat digabung.`);
    if ((t.kind ?? 'request') !== kind)
      refuse(`Tiket ${s.number} dan ${t.number} berbeda jenis; gabungkan hanya tiket sejenis.`);
    if (s.opdId !== t.opdId)
      refuse(`Tiket ${t.number} dari OPD lain; gabungkan hanya permohonan dari OPD yang sama.`);
    if (!s.opdId && s.requesterContactId !== t.requesterContactId)
      refuse(`Tiket ${s.number} tanpa OPD hanya dapat digabung ke tiket dari pemohon yang sama.`);
    // No chains: a ticket others were merged into stays their target.
    const into: { number: string }[] = await runSql(
      manager,
      'SELECT number FROM tickets WHERE merged_into_id = ? ORDER BY number',
      [s.id],
    );
    if (into.length)
      refuse(
        `Tiket ${into.map((r) => r.number).join(', ')} sudah digabung ke ${s.number}; gabungkan tiket lain ke ${s.number}, bukan sebaliknya.`,
      );
  }

  private async evidenceCount(manager: EntityManager, ticketId: string): Promise<number> {
    const rows: { n: number | string }[] = await runSql(
      manager,
      `SELECT COUNT(*) AS n FROM ticket_checklist_items
        WHERE ticket_id = ? AND status IN ('received', 'verified')`,
      [ticketId],
    );
    return Number(rows[0]?.n ?? 0);
  }
}

/**
 * The duplicate's checklist evidence on the target: for each line with documents received or
 * verified, the target's line of the same requirement gets its files, and becomes `received`
 * when it had none (an agent verifies it on the target). Lines the target does not have are
 * named in the merge event; their files move with the others.
 */
function carryEvidence(
  source: TicketAggregate,
  target: TicketAggregate,
  userId: string,
): { carried: string[]; unmatched: string[] } {
  const carried: string[] = [];
  const unmatched: string[] = [];
  for (const item of source.checklist) {
    const files = item.attachmentIds ?? [];
    if (item.status !== 'received' && item.status !== 'verified' && !files.length) continue;
    const line = target.checklist.find((i) => i.code === item.code);
    if (!line) {
      unmatched.push(item.code);
      continue;
    }
    line.attachmentIds = [...new Set([...(line.attachmentIds ?? []), ...files])];
    if (line.status === 'missing' || line.status === 'rejected') {
      if (item.status === 'received' || item.status === 'verified') {
        line.status = 'received';
        line.reason = null;
      }
    }
    line.updatedBy = userId;
    line.updatedAt = target.now;
    target.dirtyItems.add(line);
    carried.push(item.code);
    event(target, 'checklist.received', {
      code: item.code,
      attachmentIds: files,
      mergedFrom: source.ticket.number,
    });
  }
  return { carried, unmatched };
}

function ref(t: TicketEntity): MergeTicketRef {
  return {
    number: t.number,
    subject: t.subject,
    status: t.status,
    version: t.version,
    opdId: t.opdId,
  };
}

function auditState(agg: TicketAggregate): Record<string, unknown> {
  return {
    status: agg.ticket.status,
    version: agg.ticket.version,
    slaState: agg.ticket.slaState,
    mergedIntoId: agg.ticket.mergedIntoId ?? null,
    checklist: Object.fromEntries(agg.checklist.map((i) => [i.code, i.status])),
  };
}
