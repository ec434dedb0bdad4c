import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ProblemDetail, ProblemView } from '@sigap/contracts';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '@sigap/api-audit';
import { Clock } from '@sigap/api-clock';
import { AuthUser, hasRole } from '@sigap/api-identity';
import { TicketEntity, TicketRepository } from '@sigap/api-tickets';
import { IncidentError } from './incident-error';
import { linkViews } from './incident-links';
import { incidentOf } from './incident-rows';
import { IncidentEntity } from './incident.entity';
import type { CreateProblemDto, ProblemChangesDto, ProblemListQuery } from './problem.dto';
import { ProblemEntity } from './problem.entity';

/** Problems read by the office's staff; kept by its helpdesk and managers (admins anywhere). */
function canRead(user: AuthUser, office: string): boolean {
  return hasRole(user, 'admin') || user.office === office;
}

function canEdit(user: AuthUser, office: string): boolean {
  return (
    hasRole(user, 'admin') ||
    (user.office === office && (hasRole(user, 'agent') || hasRole(user, 'manager')))
  );
}

const tidy = (value: string | null | undefined): string | null => value?.trim() || null;

/**
 * Problem records (masalah): the cause behind recurring incidents, per office. A problem is
 * open, a known error (cause known, a workaround given) or resolved; incidents of its office
 * link to it, closed ones too (recurrence is read from history). Another office's problem reads
 * as not found.
 */
@Injectable()
export class ProblemsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly repository: TicketRepository,
  ) {}

  async list(user: AuthUser, query: ProblemListQuery): Promise<ProblemView[]> {
    const office = query.office ?? user.office;
    if (!office || !canRead(user, office)) {
      throw new IncidentError(
        'incident.forbidden',
        `Anda tidak boleh membaca masalah kantor "${office ?? '-'}".`,
      );
    }
    const m = this.dataSource.manager;
    const rows = await m.find(ProblemEntity, {
      where: { officeCode: office, ...(query.status ? { status: query.status } : {}) },
      order: { updatedAt: 'DESC' },
      take: 500,
    });
    const counts = await this.counts(
      m,
      rows.map((r) => r.id),
    );
    return rows.map((r) => toView(r, counts.get(r.id) ?? 0));
  }

  async get(user: AuthUser, id: string): Promise<ProblemDetail> {
    const m = this.dataSource.manager;
    const problem = await this.readable(m, user, id);
    const links = await m.find(IncidentEntity, { where: { problemId: id } });
    const tickets = links.length
      ? await m.find(TicketEntity, {
          where: { id: In(links.map((l) => l.ticketId)) },
          order: { receivedAt: 'DESC' },
        })
      : [];
    const views = await linkViews(m, tickets);
    return {
      ...toView(problem, tickets.length),
      incidents: views.map((v, i) => ({
        ...v,
        priority: tickets[i].priority ?? null,
        receivedAt: tickets[i].receivedAt.toISOString(),
      })),
    };
  }

  async create(user: AuthUser, input: CreateProblemDto): Promise<ProblemView> {
    this.assertCanEdit(user, input.office);
    const now = this.clock.now();
    return this.dataSource.transaction(async (m) => {
      const office = await m.query('SELECT code FROM offices WHERE code = ?', [input.office]);
      if (!office.length)
        throw new IncidentError('problem.invalid', `Kantor "${input.office}" tidak dikenal.`, [
          { path: 'office', message: 'kantor tidak dikenal' },
        ]);
      const row: ProblemEntity = {
        id: randomUUID(),
        officeCode: input.office,
        title: input.title.trim(),
        description: input.description.trim(),
        status: input.status ?? 'open',
        rootCause: tidy(input.rootCause),
        workaround: tidy(input.workaround),
        createdBy: user.id,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      await m.insert(ProblemEntity, row);
      const view = toView(row, 0);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'problem.created',
          entityType: 'problem',
          entityId: row.id,
          after: view,
        },
        m,
      );
      return view;
    });
  }

  async update(user: AuthUser, id: string, input: ProblemChangesDto): Promise<ProblemView> {
    if (input.expectedVersion === undefined) {
      throw new IncidentError('problem.invalid', 'Sertakan expectedVersion.', [
        { path: 'expectedVersion', message: 'wajib diisi' },
      ]);
    }
    return this.dataSource.transaction(async (m) => {
      const problem = await this.readable(m, user, id);
      this.assertCanEdit(user, problem.officeCode);
      const before = toView(problem, 0);
      const changes = {
        title: input.title.trim(),
        description: input.description.trim(),
        status: input.status ?? problem.status,
        rootCause: input.rootCause === undefined ? problem.rootCause : tidy(input.rootCause),
        workaround: input.workaround === undefined ? problem.workaround : tidy(input.workaround),
        updatedAt: this.clock.now(),
        version: problem.version + 1,
      };
      const done = await m
        .createQueryBuilder()
        .update(ProblemEntity)
        .set(changes)
        .where('id = :id AND version = :v', { id, v: input.expectedVersion })
        .execute();
      if (!done.affected) {
        throw new IncidentError(
          'incident.link_conflict',
          `Masalah ini sudah diubah orang lain (versi ${problem.version}); muat ulang.`,
          [{ path: 'expectedVersion', message: `versi sekarang ${problem.version}` }],
        );
      }
      const next = { ...problem, ...changes };
      const count = (await this.counts(m, [id])).get(id) ?? 0;
      const view = toView(next, count);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'problem.updated',
          entityType: 'problem',
          entityId: id,
          before: { ...before, incidentCount: count },
          after: view,
        },
        m,
      );
      return view;
    });
  }

  /** An incident of the problem's office joins it (moving from another problem if it had one). */
  link(user: AuthUser, id: string, number: string): Promise<ProblemDetail> {
    return this.changeLink(user, id, number, 'link');
  }

  unlink(user: AuthUser, id: string, number: string): Promise<ProblemDetail> {
    return this.changeLink(user, id, number, 'unlink');
  }

  private async changeLink(
    user: AuthUser,
    id: string,
    number: string,
    how: 'link' | 'unlink',
  ): Promise<ProblemDetail> {
    await this.dataSource.transaction(async (m) => {
      const problem = await this.readable(m, user, id);
      this.assertCanEdit(user, problem.officeCode);
      const ticket = await m.findOne(TicketEntity, { where: { number } });
      if (!ticket || ticket.officeCode !== problem.officeCode) {
        throw new IncidentError('incident.not_found', `Gangguan ${number} tidak ditemukan.`, [
          { path: 'incident', message: 'tidak ada gangguan dengan nomor ini di kantor ini' },
        ]);
      }
      const incident = await incidentOf(m, ticket);
      const from = incident.problemId;
      if (how === 'unlink' && from !== id) {
        throw new IncidentError(
          'incident.not_found',
          `Gangguan ${number} tidak tertaut ke masalah ini.`,
        );
      }
      const to = how === 'link' ? id : null;
      if (from === to) return;
      const now = this.clock.now();
      await m.update(IncidentEntity, { ticketId: ticket.id }, { problemId: to, updatedAt: now });
      await m.update(ProblemEntity, { id }, { updatedAt: now });
      await this.repository.appendTimeline(
        m,
        ticket.id,
        [
          {
            kind: 'event',
            event: how === 'link' ? 'incident.problem_linked' : 'incident.problem_unlinked',
            authorId: user.id,
            body: null,
            data: { problem: id, title: problem.title },
          },
        ],
        now,
      );
      await this.audit.record(
        {
          actorId: user.id,
          action: how === 'link' ? 'problem.incident_linked' : 'problem.incident_unlinked',
          entityType: 'problem',
          entityId: id,
          before: { incident: number, problem: from },
          after: { incident: number, problem: to },
        },
        m,
      );
    });
    return this.get(user, id);
  }

  private async readable(m: EntityManager, user: AuthUser, id: string): Promise<ProblemEntity> {
    const problem = await m.findOne(ProblemEntity, { where: { id } });
    if (!problem || !canRead(user, problem.officeCode)) {
      throw new IncidentError('problem.not_found', `Masalah ${id} tidak ditemukan.`);
    }
    return problem;
  }

  private assertCanEdit(user: AuthUser, office: string): void {
    if (!canEdit(user, office)) {
      throw new IncidentError(
        'incident.forbidden',
        `Hanya helpdesk atau pimpinan kantor "${office}" yang boleh mengelola masalahnya.`,
      );
    }
  }

  private async counts(m: EntityManager, ids: string[]): Promise<Map<string, number>> {
    if (!ids.length) return new Map();
    const rows: { problem_id: string; n: number | string }[] = await m
      .createQueryBuilder(IncidentEntity, 'i')
      .select('i.problem_id', 'problem_id')
      .addSelect('COUNT(*)', 'n')
      .where('i.problem_id IN (:...ids)', { ids })
      .groupBy('i.problem_id')
      .getRawMany();
    return new Map(rows.map((r) => [r.problem_id, Number(r.n)]));
  }
}

function toView(p: ProblemEntity, incidentCount: number): ProblemView {
  return {
    id: p.id,
    office: p.officeCode,
    title: p.title,
    description: p.description,
    status: p.status,
    rootCause: p.rootCause,
    workaround: p.workaround,
    incidentCount,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    version: p.version,
  };
}
