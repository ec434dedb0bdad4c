import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ServiceDetail, ServiceStatus, ServiceSummary } from '@sigap/contracts';
import { rederive, type ServiceStandard } from '@sigap/standards';
import { CalendarProvider } from '@sigap/api-calendars';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@sigap/api-audit';
import type { FieldError } from '@sigap/api-common';
import { AuthUser, hasRole } from '@sigap/api-identity';
import { OfficeError } from '@sigap/api-offices';
import { OfficesService } from '@sigap/api-offices';
import type { PositionEntity } from '@sigap/api-offices';
import { CatalogServiceEntity } from './catalog-service.entity';
import { CatalogError } from './catalog-error';
import { checkStandard } from './check-standard';
import { ServiceVersionEntity } from './service-version.entity';
import { readDurationOrNull } from './standards-port';
import { officeWorkingDay } from './working-day';

export interface ListFilter {
  office?: string;
  status?: ServiceStatus;
}

@Injectable()
export class CatalogService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly offices: OfficesService,
    private readonly audit: AuditService,
    private readonly calendars: CalendarProvider,
  ) {}

  async list(user: AuthUser, filter: ListFilter): Promise<ServiceSummary[]> {
    const office =
      filter.office ?? (hasRole(user, 'admin') ? undefined : (user.office ?? undefined));
    if (office) this.assertCanRead(user, office);
    else if (!hasRole(user, 'admin')) return [];

    const query = this.dataSource
      .getRepository(CatalogServiceEntity)
      .createQueryBuilder('s')
      .innerJoin(ServiceVersionEntity, 'v', 'v.service_id = s.id AND v.version = s.current_version')
      .select(['s.office_code AS office', 's.code AS code', 's.status AS status'])
      .addSelect(['s.current_version AS version', 's.updated_at AS updatedAt'])
      .addSelect('v.standard_json', 'standardJson')
      .orderBy('s.office_code', 'ASC')
      .addOrderBy('s.code', 'ASC');
    if (office) query.andWhere('s.office_code = :office', { office });
    if (filter.status) query.andWhere('s.status = :status', { status: filter.status });

    const rows = await query.getRawMany<{
      office: string;
      code: string;
      status: ServiceStatus;
      version: number | string;
      updatedAt: Date | string;
      standardJson: string;
    }>();
    return rows.map((row) => {
      const standard = JSON.parse(row.standardJson) as ServiceStandard;
      return {
        office: row.office,
        code: row.code,
        name: standard.name,
        version: Number(row.version),
        status: row.status,
        requirementCount: standard.requirements.length,
        stepCount: standard.steps.length,
        serviceTime: {
          text: standard.serviceTime.text,
          parsed: readDurationOrNull(standard.serviceTime.text),
        },
        updatedAt: toIso(row.updatedAt),
      };
    });
  }

  async get(
    user: AuthUser,
    office: string,
    code: string,
    version?: number,
  ): Promise<ServiceDetail> {
    this.assertCanRead(user, office);
    return this.detail(this.dataSource.manager, office, code, version);
  }

  async create(user: AuthUser, given: ServiceStandard): Promise<ServiceDetail> {
    this.assertCanManage(user, given.office);
    return this.dataSource.transaction(async (manager) => {
      // The standard as written first (a step time the grammar cannot read is named by its
      // path), then the values derived from its steps.
      await this.validate(manager, given, 'office');
      const standard = await this.withDerivedValues(given, '');
      const existing = await manager.getRepository(CatalogServiceEntity).count({
        where: { officeCode: standard.office, code: standard.code },
      });
      if (existing) {
        throw new CatalogError(
          'catalog.already_exists',
          `Layanan "${standard.code}" sudah ada di kantor "${standard.office}"; ubah lewat PUT untuk membuat versi baru.`,
        );
      }
      await this.insertNew(manager, standard, user.id, 'catalog.service.created');
      return this.detail(manager, standard.office, standard.code);
    });
  }

  /** Creates a service from seed data unless one with its code exists. Returns true when created. */
  async createFromSeed(manager: EntityManager, standard: ServiceStandard): Promise<boolean> {
    const existing = await manager.getRepository(CatalogServiceEntity).count({
      where: { officeCode: standard.office, code: standard.code },
    });
    if (existing) return false;
    await this.validate(manager, standard, 'office');
    await this.insertNew(manager, standard, null, 'catalog.service.seeded');
    return true;
  }

  async update(
    user: AuthUser,
    office: string,
    code: string,
    expectedVersion: number,
    given: ServiceStandard,
  ): Promise<ServiceDetail> {
    this.assertCanManage(user, office);
    const mismatch: FieldError[] = [];
    if (given.office !== office) {
      mismatch.push({ path: 'standard.office', message: `harus "${office}" sesuai alamat` });
    }
    if (given.code !== code) {
      mismatch.push({ path: 'standard.code', message: `harus "${code}" sesuai alamat` });
    }
    if (mismatch.length) throw CatalogError.invalid(mismatch);

    return this.dataSource.transaction(async (manager) => {
      const service = await this.findService(manager, office, code);
      if (service.currentVersion !== expectedVersion) throw stale(service, expectedVersion);
      const previous = await this.version(manager, service, service.currentVersion);
      await this.validate(manager, given, 'standard.office', 'standard.');
      const standard = await this.withDerivedValues(
        given,
        'standard.',
        JSON.parse(previous.standardJson) as ServiceStandard,
      );
      const next = service.currentVersion + 1;
      const now = new Date();
      // Guarded update: a concurrent edit that got here first makes this affect no row.
      const result = await manager
        .createQueryBuilder()
        .update(CatalogServiceEntity)
        .set({ currentVersion: next, name: standard.name, updatedAt: now })
        .where('id = :id AND current_version = :expected', {
          id: service.id,
          expected: expectedVersion,
        })
        .execute();
      if (result.affected === 0) throw stale(service, expectedVersion);
      await manager.getRepository(ServiceVersionEntity).insert({
        id: randomUUID(),
        serviceId: service.id,
        version: next,
        standardJson: JSON.stringify(standard),
        createdBy: user.id,
        createdAt: now,
      });
      await this.audit.record(
        {
          actorId: user.id,
          action: 'catalog.service.updated',
          entityType: 'catalog_service',
          entityId: `${office}/${code}`,
          before: { version: service.currentVersion, standard: JSON.parse(previous.standardJson) },
          after: { version: next, standard },
        },
        manager,
      );
      return this.detail(manager, office, code);
    });
  }

  async setStatus(
    user: AuthUser,
    office: string,
    code: string,
    status: ServiceStatus,
  ): Promise<ServiceDetail> {
    this.assertCanManage(user, office);
    return this.dataSource.transaction(async (manager) => {
      const service = await this.findService(manager, office, code);
      if (service.status !== status) {
        await manager
          .getRepository(CatalogServiceEntity)
          .update({ id: service.id }, { status, updatedAt: new Date() });
        await this.audit.record(
          {
            actorId: user.id,
            action:
              status === 'retired' ? 'catalog.service.retired' : 'catalog.service.reactivated',
            entityType: 'catalog_service',
            entityId: `${office}/${code}`,
            before: { status: service.status },
            after: { status },
          },
          manager,
        );
      }
      return this.detail(manager, office, code);
    });
  }

  /** Readers: admins, and users of the office. */
  assertCanRead(user: AuthUser, office: string): void {
    if (hasRole(user, 'admin') || user.office === office) return;
    throw new CatalogError(
      'catalog.forbidden',
      `Anda tidak berhak membaca katalog kantor "${office}".`,
    );
  }

  /** Editors: admins, and managers of the office. */
  assertCanManage(user: AuthUser, office: string): void {
    if (hasRole(user, 'admin')) return;
    if (hasRole(user, 'manager') && user.office === office) return;
    throw new CatalogError(
      'catalog.forbidden',
      `Hanya admin atau kepala kantor "${office}" yang boleh mengubah katalognya.`,
    );
  }

  /**
   * The standard with its derived values (total time, cost) computed again from its steps as
   * written now, in the office's working day. On an edit, a value is computed again when its
   * steps' times or costs changed or the value sent is not the stored one; a reviewed reading of
   * an unchanged SOP stays as it is. A derived
   * value the steps no longer give is a 400 on that field: the editor then asks for a published
   * value instead of keeping a stale one.
   */
  private async withDerivedValues(
    standard: ServiceStandard,
    prefix: string,
    previous?: ServiceStandard,
  ): Promise<ServiceStandard> {
    if (!standard.derived?.length) return standard;
    const counted = (s: ServiceStandard, part: 'time' | 'cost') =>
      JSON.stringify(s.steps.filter((step) => !step.followUp).map((step) => step[part] ?? null));
    const value = (s: ServiceStandard, field: 'serviceTime' | 'cost') =>
      field === 'cost' ? JSON.stringify(s.cost) : s.serviceTime.text;
    const fields = (['serviceTime', 'cost'] as const).filter(
      (field) =>
        !previous ||
        !previous.derived?.includes(field) ||
        value(previous, field) !== value(standard, field) ||
        counted(previous, field === 'cost' ? 'cost' : 'time') !==
          counted(standard, field === 'cost' ? 'cost' : 'time'),
    );
    if (fields.length === 0) return standard;
    const workingDayMinutes = (await this.offices.exists(standard.office))
      ? await officeWorkingDay(this.calendars, standard.office)
      : undefined;
    const result = rederive(standard, {
      fields,
      ...(workingDayMinutes ? { workingDayMinutes } : {}),
    });
    if (result.problems.length) {
      throw CatalogError.invalid(
        result.problems.map((p) => ({
          path: `${prefix}${p.field === 'cost' ? 'cost.text' : 'serviceTime.text'}`,
          message: p.message,
        })),
      );
    }
    return result.standard;
  }

  private async validate(
    manager: EntityManager,
    standard: ServiceStandard,
    officePath: string,
    prefix = '',
  ): Promise<void> {
    // A retired office takes no new services or versions: it serves no more.
    if (!(await this.offices.exists(standard.office, manager, { inService: true }))) {
      throw CatalogError.invalid([
        { path: officePath, message: `kantor "${standard.office}" tidak dikenal` },
      ]);
    }
    const positions = await this.offices.positions(standard.office, manager);
    const errors = checkStandard(standard, positions).map((e) => ({ ...e, path: prefix + e.path }));
    if (errors.length) throw CatalogError.invalid(errors);
  }

  private async insertNew(
    manager: EntityManager,
    standard: ServiceStandard,
    actorId: string | null,
    action: string,
  ): Promise<void> {
    const now = new Date();
    const id = randomUUID();
    await manager.getRepository(CatalogServiceEntity).insert({
      id,
      officeCode: standard.office,
      code: standard.code,
      name: standard.name,
      status: 'active',
      currentVersion: 1,
      createdAt: now,
      updatedAt: now,
    });
    await manager.getRepository(ServiceVersionEntity).insert({
      id: randomUUID(),
      serviceId: id,
      version: 1,
      standardJson: JSON.stringify(standard),
      createdBy: actorId,
      createdAt: now,
    });
    await this.audit.record(
      {
        actorId,
        action,
        entityType: 'catalog_service',
        entityId: `${standard.office}/${standard.code}`,
        after: { version: 1, standard },
      },
      manager,
    );
  }

  private async findService(
    manager: EntityManager,
    office: string,
    code: string,
  ): Promise<CatalogServiceEntity> {
    const service = await manager
      .getRepository(CatalogServiceEntity)
      .findOne({ where: { officeCode: office, code } });
    if (!service) {
      if (!(await this.offices.exists(office, manager))) throw OfficeError.notFound(office);
      throw CatalogError.notFound(office, code);
    }
    return service;
  }

  private async version(
    manager: EntityManager,
    service: CatalogServiceEntity,
    version: number,
  ): Promise<ServiceVersionEntity> {
    const row = await manager
      .getRepository(ServiceVersionEntity)
      .findOne({ where: { serviceId: service.id, version } });
    if (!row) {
      throw new CatalogError(
        'catalog.version_not_found',
        `Layanan "${service.code}" tidak punya versi ${version} (versi terakhir ${service.currentVersion}).`,
      );
    }
    return row;
  }

  private async detail(
    manager: EntityManager,
    office: string,
    code: string,
    version?: number,
  ): Promise<ServiceDetail> {
    const service = await this.findService(manager, office, code);
    const row = await this.version(manager, service, version ?? service.currentVersion);
    const versions = await manager.getRepository(ServiceVersionEntity).find({
      select: { version: true, createdAt: true, createdBy: true },
      where: { serviceId: service.id },
      order: { version: 'DESC' },
    });
    const standard = JSON.parse(row.standardJson) as ServiceStandard;
    // Earlier versions may name positions retired since: their names are shown all the same.
    const positions = await this.offices.positions(office, manager, { includeRetired: true });
    return {
      version: row.version,
      status: service.status,
      createdAt: toIso(row.createdAt),
      createdBy: row.createdBy,
      versions: versions.map((v) => ({
        version: v.version,
        createdAt: toIso(v.createdAt),
        createdBy: v.createdBy,
      })),
      standard,
      parsed: {
        serviceTime: readDurationOrNull(standard.serviceTime.text),
        steps: standard.steps.map((step) => ({
          order: step.order,
          time: step.time ? readDurationOrNull(step.time) : null,
        })),
      },
      positionNames: positionNames(positions),
    };
  }
}

function positionNames(positions: PositionEntity[]): Record<string, string> {
  return Object.fromEntries(positions.map((p) => [p.code, p.name]));
}

function stale(service: CatalogServiceEntity, expected: number): CatalogError {
  return new CatalogError(
    'catalog.stale_version',
    `Layanan "${service.code}" sudah diubah orang lain: versi terakhir ${service.currentVersion}, bukan ${expected}. Muat ulang lalu ulangi perubahan.`,
  );
}

/** Raw query results give Date (MySQL) or 'YYYY-MM-DD HH:MM:SS.SSS' text in UTC (SQLite). */
export function toIso(value: Date | string): string {
  if (value instanceof Date) return value.toISOString();
  const text = /[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`;
  return new Date(text).toISOString();
}
