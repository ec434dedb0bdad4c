import { Injectable } from '@nestjs/common';
import type { TicketDetail } from '@sigap/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@sigap/api-audit';
import { CalendarProvider } from '@sigap/api-calendars';
import { AppConfig } from '@sigap/api-config';
import { AuthUser, hasRole } from '@sigap/api-identity';
import { UserEntity } from '@sigap/api-identity';
import { assertAccess, canWorkStep, ticketAccess, type TicketAccess } from './access';
import { holdsPosition } from './assignment';
import type { ChecklistItemEntity } from './checklist-item.entity';
import { ServiceCache } from './service-cache';
import { TicketError } from './ticket-error';
import { TicketKindStandards } from './ticket-kinds';
import { TicketReadingService } from './ticket-reading.service';
import { staleVersion, TicketRepository } from './ticket-repository';
import type { TicketStepEntity } from './ticket-step.entity';
import {
  activateNextSteps,
  event,
  reconcileClocks,
  refreshStoredFigures,
  type TicketAggregate,
} from './workflow';

/** A change an action makes to a loaded ticket, before it is saved. */
export type Mutation = (
  agg: TicketAggregate,
  manager: EntityManager,
  access: TicketAccess,
) => Promise<void> | void;

/**
 * Acting on tickets: every staff action runs through `act` (the version the user saw, the
 * access rule, the clocks, the versioned save, the audit entry), with the checks the actions
 * share.
 */
@Injectable()
export class TicketActingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: TicketRepository,
    private readonly reading: TicketReadingService,
    private readonly cache: ServiceCache,
    private readonly calendars: CalendarProvider,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly kinds: TicketKindStandards,
  ) {}

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
    const pre = await this.repository.findRow(this.dataSource.manager, number);
    const calendar = await this.calendars.forOffice(pre.officeCode);
    return this.dataSource.transaction(async (manager) => {
      const agg = await this.repository.load(manager, number, calendar, user.id, true);
      const access = ticketAccess(user, agg.ticket, agg.steps);
      assertAccess(access, need, number);
      if (agg.ticket.version !== expectedVersion) throw staleVersion(agg.ticket, expectedVersion);
      if (this.kinds.isReserved(agg.ticket.kind, action)) {
        throw new TicketError(
          'ticket.illegal_transition',
          `Tiket ${number} berjenis "${agg.ticket.kind}": aksi "${action}" dilakukan lewat halamannya sendiri.`,
        );
      }
      const before = snapshotForAudit(agg);
      await mutate(agg, manager, access);
      reconcileClocks(agg, this.cache);
      refreshStoredFigures(agg, this.cache);
      await this.repository.save(manager, agg, expectedVersion);
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
      return this.reading.render(manager, agg, access);
    });
  }

  /** Admin: recomputes a closed ticket's frozen figures with the calendar in force now. */
  async recompute(user: AuthUser, number: string): Promise<TicketDetail> {
    if (!hasRole(user, 'admin'))
      throw new TicketError('ticket.forbidden', 'Hanya admin yang boleh menghitung ulang SLA.');
    const pre = await this.repository.findRow(this.dataSource.manager, number);
    const calendar = await this.calendars.forOffice(pre.officeCode);
    return this.dataSource.transaction(async (manager) => {
      const agg = await this.repository.load(manager, number, calendar, user.id, true);
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
      await this.repository.save(manager, agg, version);
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
      return this.reading.render(manager, agg, 'full');
    });
  }

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
