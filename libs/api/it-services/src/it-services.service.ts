import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ItServiceView } from '@sigap/contracts';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { AuditService } from '@sigap/api-audit';
import { Clock } from '@sigap/api-clock';
import type { FieldError } from '@sigap/api-common';
import type { AuthUser } from '@sigap/api-identity';
import { OfficeEntity, PositionEntity } from '@sigap/api-offices';
import { OpdEntity } from '@sigap/api-opds';
import { assertCanEdit, assertCanRead, canReadOffice } from './access';
import type { CreateItServiceDto, UpdateItServiceDto } from './it-service.dto';
import { ItServiceEntity } from './it-service.entity';
import { ItServiceError } from './it-service-error';

export function toItServiceView(e: ItServiceEntity): ItServiceView {
  return {
    id: e.id,
    office: e.officeCode,
    code: e.code,
    name: e.name,
    description: e.description,
    kind: e.kind,
    ownerPosition: e.ownerPosition,
    dependentOpdIds: JSON.parse(e.dependentOpdIds) as string[],
    criticality: e.criticality,
    supportHours: e.supportHours,
    publicStatus: !!e.publicStatus,
    status: e.retiredAt ? 'retired' : 'active',
    retiredAt: e.retiredAt?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

/** What the audit keeps of a service (its view without the bookkeeping instants). */
function auditOf(e: ItServiceEntity): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, ...rest } = toItServiceView(e);
  void _c;
  void _u;
  return rest;
}

/**
 * The IT services catalog of each office: created, edited and retired (never deleted) by admins
 * and the office's managers, read by its staff, every change audited with before and after.
 */
@Injectable()
export class ItServicesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(
    user: AuthUser,
    officeParam: string | undefined,
    includeRetired: boolean,
  ): Promise<ItServiceView[]> {
    const office = officeParam ?? user.office;
    if (!office) {
      throw new ItServiceError('it_service.invalid', 'Sebutkan kantornya.', [
        { path: 'office', message: 'wajib diisi untuk admin' },
      ]);
    }
    assertCanRead(user, office);
    const rows = await this.dataSource.manager.find(ItServiceEntity, {
      where: includeRetired ? { officeCode: office } : { officeCode: office, retiredAt: IsNull() },
      order: { name: 'ASC' },
    });
    return rows.map(toItServiceView);
  }

  async get(user: AuthUser, id: string): Promise<ItServiceView> {
    return toItServiceView(await this.load(this.dataSource.manager, user, id));
  }

  async create(user: AuthUser, input: CreateItServiceDto): Promise<ItServiceView> {
    assertCanEdit(user, input.office);
    return this.dataSource.transaction(async (manager) => {
      await this.office(manager, input.office);
      await this.checkReferences(manager, input.office, input);
      if (
        await manager.exists(ItServiceEntity, {
          where: { officeCode: input.office, code: input.code },
        })
      ) {
        throw new ItServiceError(
          'it_service.duplicate_code',
          `Kode layanan "${input.code}" sudah dipakai di kantor ini.`,
          [{ path: 'code', message: 'kode sudah dipakai' }],
        );
      }
      const now = this.clock.now();
      const row: ItServiceEntity = {
        id: randomUUID(),
        officeCode: input.office,
        code: input.code,
        name: input.name,
        description: input.description ?? null,
        kind: input.kind,
        ownerPosition: input.ownerPosition,
        dependentOpdIds: JSON.stringify(unique(input.dependentOpdIds ?? [])),
        criticality: input.criticality,
        supportHours: input.supportHours,
        publicStatus: input.publicStatus ?? false,
        retiredAt: null,
        createdAt: now,
        updatedAt: now,
      };
      await manager.insert(ItServiceEntity, row);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'it_service.created',
          entityType: 'it_service',
          entityId: row.id,
          after: auditOf(row),
        },
        manager,
      );
      return toItServiceView(row);
    });
  }

  async update(user: AuthUser, id: string, input: UpdateItServiceDto): Promise<ItServiceView> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.load(manager, user, id);
      assertCanEdit(user, row.officeCode);
      if (row.retiredAt) {
        throw new ItServiceError(
          'it_service.retired',
          `Layanan "${row.code}" sudah dipensiunkan dan tidak dapat diubah.`,
        );
      }
      await this.checkReferences(manager, row.officeCode, input);
      const before = auditOf(row);
      Object.assign(row, {
        name: input.name,
        description: input.description ?? null,
        kind: input.kind,
        ownerPosition: input.ownerPosition,
        dependentOpdIds: JSON.stringify(unique(input.dependentOpdIds ?? [])),
        criticality: input.criticality,
        supportHours: input.supportHours,
        publicStatus: input.publicStatus ?? row.publicStatus,
        updatedAt: this.clock.now(),
      });
      await manager.save(ItServiceEntity, row);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'it_service.updated',
          entityType: 'it_service',
          entityId: row.id,
          before,
          after: auditOf(row),
        },
        manager,
      );
      return toItServiceView(row);
    });
  }

  /** Retires a service: kept on the tickets that name it, offered for no new one. */
  async retire(user: AuthUser, id: string): Promise<ItServiceView> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.load(manager, user, id);
      assertCanEdit(user, row.officeCode);
      if (row.retiredAt) return toItServiceView(row);
      const now = this.clock.now();
      row.retiredAt = now;
      row.updatedAt = now;
      await manager.save(ItServiceEntity, row);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'it_service.retired',
          entityType: 'it_service',
          entityId: row.id,
          after: { code: row.code, retiredAt: now.toISOString() },
        },
        manager,
      );
      return toItServiceView(row);
    });
  }

  /**
   * The office's active services with these codes, in the order named, for a ticket that names
   * them; an unknown or retired code is a 422-like field error at `path[i]`.
   */
  async activeByCodes(
    manager: EntityManager,
    office: string,
    codes: readonly string[],
    path = 'services',
  ): Promise<ItServiceEntity[]> {
    const wanted = unique(codes);
    if (!wanted.length) return [];
    const rows = await manager.find(ItServiceEntity, {
      where: { officeCode: office, code: In(wanted), retiredAt: IsNull() },
    });
    const byCode = new Map(rows.map((r) => [r.code, r]));
    const errors: FieldError[] = [];
    codes.forEach((c, i) => {
      if (!byCode.has(c))
        errors.push({ path: `${path}[${i}]`, message: 'layanan TI tidak dikenal atau pensiun' });
    });
    if (errors.length) {
      throw new ItServiceError(
        'it_service.invalid',
        'Ada layanan TI yang tidak dikenal di kantor ini.',
        errors,
      );
    }
    return wanted.map((c) => byCode.get(c) as ItServiceEntity);
  }

  private async load(manager: EntityManager, user: AuthUser, id: string): Promise<ItServiceEntity> {
    const row = /^[0-9a-f-]{36}$/i.test(id)
      ? await manager.findOne(ItServiceEntity, { where: { id } })
      : null;
    // Another office's service is answered as not found: its existence is not theirs to learn.
    if (!row || !canReadOffice(user, row.officeCode)) {
      throw new ItServiceError('it_service.not_found', `Layanan TI "${id}" tidak ditemukan.`);
    }
    return row;
  }

  private async office(manager: EntityManager, code: string): Promise<void> {
    const office = await manager.findOne(OfficeEntity, { where: { code } });
    if (!office || office.retiredAt) {
      throw new ItServiceError('it_service.office_not_found', `Kantor "${code}" tidak ada.`, [
        { path: 'office', message: 'kantor tidak dikenal' },
      ]);
    }
  }

  /** The owner is an office position (not the requester's side); the OPDs are the office's. */
  private async checkReferences(
    manager: EntityManager,
    office: string,
    input: Pick<UpdateItServiceDto, 'ownerPosition' | 'dependentOpdIds'>,
  ): Promise<void> {
    const errors: FieldError[] = [];
    const position = await manager.findOne(PositionEntity, {
      where: { officeCode: office, code: input.ownerPosition },
    });
    if (!position || position.requesterSide || position.retiredAt) {
      errors.push({ path: 'ownerPosition', message: 'bukan jabatan di kantor ini' });
    }
    const opds = unique(input.dependentOpdIds ?? []);
    if (opds.length) {
      const found = await manager.find(OpdEntity, {
        select: { id: true },
        where: { officeCode: office, id: In(opds) },
      });
      const known = new Set(found.map((o) => o.id));
      (input.dependentOpdIds ?? []).forEach((id, i) => {
        if (!known.has(id))
          errors.push({
            path: `dependentOpdIds[${i}]`,
            message: 'OPD tidak dikenal di kantor ini',
          });
      });
    }
    if (errors.length) {
      throw new ItServiceError('it_service.invalid', 'Data layanan TI tidak valid.', errors);
    }
  }
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
