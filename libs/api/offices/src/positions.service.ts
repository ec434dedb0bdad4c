import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type {
  CreatePositionRequest,
  PositionAdminView,
  UpdatePositionRequest,
} from '@sigap/contracts';
import type { ServiceStandard } from '@sigap/standards';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@sigap/api-audit';
import { Clock } from '@sigap/api-clock';
import { hasRole, type AuthUser } from '@sigap/api-identity';
import { OfficeChanges } from './office-changes';
import { OfficeEntity } from './office.entity';
import { OfficeError } from './office-error';
import { OPEN_TICKET_STATUSES } from './offices.service';
import { PositionEntity } from './position.entity';

/** Steps that still have work to do: not done yet. */
const LIVE_STEP_STATUSES = ['pending', 'active'];

/**
 * An office's positions and their chain of command: each names the next position up
 * (`reports_to`), which is where the SLA sweep escalates a late step. Admins manage every
 * office's positions; an office's manager (Kepala Dinas) manages their own office's, as they
 * already choose who holds them.
 */
@Injectable()
export class PositionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly changes: OfficeChanges,
  ) {}

  async create(user: AuthUser, input: CreatePositionRequest): Promise<PositionAdminView> {
    this.assertMayManage(user, input.office);
    const view = await this.createRow(user, input).catch((error: unknown) => {
      // Two creations of one code at once: the unique (office, code) index refuses the second.
      const code = String((error as { code?: unknown }).code ?? '');
      if (code === 'ER_DUP_ENTRY' || code.startsWith('SQLITE_CONSTRAINT')) {
        throw new OfficeError(
          'position.conflict',
          `Kode jabatan "${input.code}" baru saja dipakai.`,
          [{ path: 'code', message: 'kode sudah dipakai' }],
        );
      }
      throw error;
    });
    this.changes.changed(view.office);
    return view;
  }

  private createRow(user: AuthUser, input: CreatePositionRequest): Promise<PositionAdminView> {
    return this.dataSource.transaction(async (manager) => {
      const office = await manager.findOne(OfficeEntity, { where: { code: input.office } });
      if (!office) throw OfficeError.notFound(input.office);
      if (office.retiredAt)
        throw new OfficeError('office.retired', `Kantor "${office.code}" sudah dipensiunkan.`);
      const repo = manager.getRepository(PositionEntity);
      const all = await repo.find({ where: { officeCode: office.code } });
      const taken = all.find((p) => p.code === input.code);
      if (taken) {
        throw new OfficeError(
          'position.conflict',
          `Kode jabatan "${input.code}" sudah dipakai di kantor ini${taken.retiredAt ? ' (oleh jabatan yang sudah dipensiunkan)' : ''}.`,
          [{ path: 'code', message: 'kode sudah dipakai' }],
        );
      }
      const parent = input.parentCode ? this.parentFor(all, input.parentCode) : null;
      const row: PositionEntity = {
        id: randomUUID(),
        officeCode: office.code,
        code: input.code,
        name: tidy(input.name),
        reportsToId: parent?.id ?? null,
        requesterSide: false,
        aliases: null,
        sortOrder: all.reduce((max, p) => Math.max(max, p.sortOrder), -1) + 1,
        retiredAt: null,
      };
      await repo.insert(row);
      const view = toView(row, parent);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'position.created',
          entityType: 'position',
          entityId: row.id,
          after: view,
        },
        manager,
      );
      return view;
    });
  }

  /** A new name or a new parent; a parent that would close a loop is refused (409). */
  async update(
    user: AuthUser,
    id: string,
    input: UpdatePositionRequest,
  ): Promise<PositionAdminView> {
    const view = await this.dataSource.transaction(async (manager) => {
      const position = await this.load(manager, user, id);
      const all = await manager.find(PositionEntity, {
        where: { officeCode: position.officeCode },
      });
      const byId = new Map(all.map((p) => [p.id, p]));
      const before = toView(position, position.reportsToId ? byId.get(position.reportsToId) : null);
      const next: PositionEntity = { ...position };
      if (input.name !== undefined) next.name = tidy(input.name);
      if (input.parentCode !== undefined) {
        const parent = input.parentCode ? this.parentFor(all, input.parentCode) : null;
        if (parent) this.assertNoLoop(position, parent, byId);
        next.reportsToId = parent?.id ?? null;
      }
      await manager.update(
        PositionEntity,
        { id },
        { name: next.name, reportsToId: next.reportsToId },
      );
      const after = toView(next, next.reportsToId ? byId.get(next.reportsToId) : null);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'position.updated',
          entityType: 'position',
          entityId: id,
          before,
          after,
        },
        manager,
      );
      return after;
    });
    this.changes.changed(view.office);
    return view;
  }

  /**
   * Retires a position: kept for the tickets that named it, named by no new step, held by
   * nobody. Refused (409, with the reason) while a live step of an open ticket names it, while
   * an active service's procedure names it (change the standard first), or while positions in
   * service report to it (give them another parent first, so escalation never reaches a gap).
   */
  async retire(user: AuthUser, id: string): Promise<PositionAdminView> {
    const view = await this.dataSource.transaction(async (manager) => {
      const position = await this.load(manager, user, id);
      const office = position.officeCode;
      const reasons: string[] = [];

      const statusMarks = OPEN_TICKET_STATUSES.map(() => '?').join(', ');
      const stepMarks = LIVE_STEP_STATUSES.map(() => '?').join(', ');
      // Executors are stored as a JSON array of codes; codes hold only [a-z0-9-], so the quoted
      // code is an exact element match.
      const steps: { number: string }[] = await manager.query(
        `SELECT DISTINCT t.number AS number
           FROM ticket_steps s JOIN tickets t ON t.id = s.ticket_id
          WHERE t.office_code = ? AND t.status IN (${statusMarks}) AND s.status IN (${stepMarks})
            AND (s.position_code = ? OR s.executors LIKE ?)
          ORDER BY t.number LIMIT 6`,
        [
          office,
          ...OPEN_TICKET_STATUSES,
          ...LIVE_STEP_STATUSES,
          position.code,
          `%"${position.code}"%`,
        ],
      );
      if (steps.length) {
        const shown = steps.slice(0, 5).map((s) => s.number);
        reasons.push(
          `langkah tiket terbuka masih menyebutnya (${shown.join(', ')}${steps.length > 5 ? ', …' : ''})`,
        );
      }

      const services: { code: string; standard_json: string }[] = await manager.query(
        `SELECT s.code AS code, v.standard_json AS standard_json
           FROM catalog_services s
           JOIN catalog_service_versions v ON v.service_id = s.id AND v.version = s.current_version
          WHERE s.office_code = ? AND s.status = 'active'
          ORDER BY s.code`,
        [office],
      );
      const naming = services
        .filter((s) =>
          (JSON.parse(s.standard_json) as ServiceStandard).steps.some((step) =>
            step.executors.includes(position.code),
          ),
        )
        .map((s) => s.code);
      if (naming.length)
        reasons.push(`prosedur layanan aktif masih menyebutnya (${naming.join(', ')})`);

      const children = await manager.find(PositionEntity, {
        where: { officeCode: office, reportsToId: id },
      });
      const liveChildren = children.filter((c) => !c.retiredAt);
      if (liveChildren.length)
        reasons.push(
          `jabatan lain masih melapor kepadanya (${liveChildren.map((c) => c.code).join(', ')}); pindahkan atasannya dulu`,
        );

      if (reasons.length) {
        throw new OfficeError(
          'position.conflict',
          `Jabatan "${position.code}" belum dapat dipensiunkan: ${reasons.join('; ')}.`,
        );
      }
      const holders: { user_id: string }[] = await manager.query(
        'SELECT user_id FROM position_holders WHERE position_id = ?',
        [id],
      );
      await manager.query('DELETE FROM position_holders WHERE position_id = ?', [id]);
      const at = this.clock.now();
      await manager.update(PositionEntity, { id }, { retiredAt: at });
      const parent = position.reportsToId
        ? await manager.findOne(PositionEntity, { where: { id: position.reportsToId } })
        : null;
      const before = toView(position, parent);
      const after = toView({ ...position, retiredAt: at }, parent);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'position.retired',
          entityType: 'position',
          entityId: id,
          before: { ...before, holders: holders.map((h) => h.user_id) },
          after,
        },
        manager,
      );
      return after;
    });
    this.changes.changed(view.office);
    return view;
  }

  private async load(manager: EntityManager, user: AuthUser, id: string): Promise<PositionEntity> {
    const position = await manager.findOne(PositionEntity, { where: { id } });
    if (!position) throw OfficeError.positionNotFound();
    this.assertMayManage(user, position.officeCode);
    if (position.retiredAt)
      throw new OfficeError('position.conflict', `Jabatan "${position.code}" sudah dipensiunkan.`);
    return position;
  }

  private assertMayManage(user: AuthUser, office: string): void {
    if (hasRole(user, 'admin')) return;
    if (hasRole(user, 'manager') && user.office === office) return;
    throw new OfficeError(
      'office.forbidden',
      'Jabatan dikelola admin, atau pimpinan (manager) untuk kantornya sendiri.',
    );
  }

  /** The parent named by code: a position in service of the office, on the office's side. */
  private parentFor(all: PositionEntity[], code: string): PositionEntity {
    const parent = all.find((p) => p.code === code);
    if (!parent || parent.retiredAt) {
      throw new OfficeError('office.invalid', `Jabatan atasan "${code}" tidak ada di kantor ini.`, [
        { path: 'parentCode', message: 'jabatan atasan tidak dikenal' },
      ]);
    }
    if (parent.requesterSide) {
      throw new OfficeError('office.invalid', `"${code}" adalah pihak pemohon, bukan atasan.`, [
        { path: 'parentCode', message: 'jabatan pihak pemohon tidak dapat menjadi atasan' },
      ]);
    }
    return parent;
  }

  /** Walks up from the new parent: reaching the position itself would close a loop. */
  private assertNoLoop(
    position: PositionEntity,
    parent: PositionEntity,
    byId: Map<string, PositionEntity>,
  ): void {
    const chain: string[] = [position.code];
    const seen = new Set<string>();
    for (let at: PositionEntity | undefined = parent; at;) {
      chain.push(at.code);
      if (at.id === position.id) {
        throw new OfficeError(
          'position.conflict',
          `Rantai atasan akan berputar: ${chain.join(' → ')}.`,
          [{ path: 'parentCode', message: 'rantai atasan tidak boleh berputar' }],
        );
      }
      // A loop already in the data (not made here) stops the walk instead of spinning.
      if (seen.has(at.id)) break;
      seen.add(at.id);
      at = at.reportsToId ? byId.get(at.reportsToId) : undefined;
    }
  }
}

function tidy(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

function toView(p: PositionEntity, parent: PositionEntity | null | undefined): PositionAdminView {
  return {
    id: p.id,
    office: p.officeCode,
    code: p.code,
    name: p.name,
    parentCode: parent?.code ?? null,
    requesterSide: p.requesterSide,
    retiredAt: p.retiredAt ? p.retiredAt.toISOString() : null,
  };
}
