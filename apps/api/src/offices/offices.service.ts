import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { OfficeDetail, OfficeSigner, OfficeSummary } from '@sigap/contracts';
import type { OfficeDefinition } from '@sigap/standards';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { hasRole, type AuthUser } from '../identity/auth-user';
import { OfficeEntity } from './office.entity';
import { OfficeError } from './office-error';
import { PositionEntity } from './position.entity';
import { isValidTimeZone, zoneAbbreviation } from './time-zone';

@Injectable()
export class OfficesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<OfficeSummary[]> {
    const offices = await this.dataSource
      .getRepository(OfficeEntity)
      .find({ order: { code: 'ASC' } });
    return offices.map(toSummary);
  }

  async get(code: string): Promise<OfficeDetail> {
    const office = await this.dataSource.getRepository(OfficeEntity).findOne({ where: { code } });
    if (!office) throw OfficeError.notFound(code);
    const positions = await this.positions(code);
    const byId = new Map(positions.map((p) => [p.id, p.code]));
    return {
      ...toSummary(office),
      region: office.region,
      positions: positions.map((p) => ({
        code: p.code,
        name: p.name,
        reportsTo: p.reportsToId ? (byId.get(p.reportsToId) ?? null) : null,
        ...(p.requesterSide ? { requesterSide: true } : {}),
        ...(p.aliases?.length ? { aliases: p.aliases } : {}),
      })),
    };
  }

  /** The head of office who signs its reports: admins, and the office's own managers. */
  async signer(user: AuthUser, code: string): Promise<OfficeSigner> {
    if (!hasRole(user, 'admin') && user.office !== code)
      throw new OfficeError('office.forbidden', 'Hanya kantor sendiri yang dapat dilihat.');
    const office = await this.dataSource.getRepository(OfficeEntity).findOne({ where: { code } });
    if (!office) throw OfficeError.notFound(code);
    return { headName: office.headName, headNip: office.headNip };
  }

  /** Sets (or, with empty values, clears) the signer; admins only, audited. */
  async setSigner(
    user: AuthUser,
    code: string,
    input: { headName?: string | null; headNip?: string | null },
  ): Promise<OfficeSigner> {
    if (!hasRole(user, 'admin'))
      throw new OfficeError('office.forbidden', 'Hanya admin yang dapat mengubah penanda tangan.');
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(OfficeEntity);
      const office = await repo.findOne({ where: { code } });
      if (!office) throw OfficeError.notFound(code);
      const before: OfficeSigner = { headName: office.headName, headNip: office.headNip };
      const clean = (value: string | null | undefined, kept: string | null) =>
        value === undefined ? kept : value?.replace(/\s+/g, ' ').trim() || null;
      const after: OfficeSigner = {
        headName: clean(input.headName, office.headName),
        headNip: clean(input.headNip, office.headNip),
      };
      await repo.update({ code }, after);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'office.signer_changed',
          entityType: 'office',
          entityId: code,
          before,
          after,
        },
        manager,
      );
      return after;
    });
  }

  async exists(code: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return (await manager.getRepository(OfficeEntity).count({ where: { code } })) > 0;
  }

  positions(
    officeCode: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PositionEntity[]> {
    return manager.getRepository(PositionEntity).find({
      where: { officeCode },
      order: { sortOrder: 'ASC', code: 'ASC' },
    });
  }

  /**
   * Creates an office with its positions when it does not exist yet; an existing office is left
   * as it is (admins may have edited it). Returns true when created.
   */
  async createIfMissing(definition: OfficeDefinition, manager: EntityManager): Promise<boolean> {
    if (await this.exists(definition.code, manager)) return false;
    assertOfficeDefinition(definition);
    await manager.getRepository(OfficeEntity).insert({
      code: definition.code,
      name: definition.name,
      timeZone: definition.timeZone,
      region: definition.region ?? null,
      ticketPrefix: definition.ticketPrefix,
      address: definition.address ?? null,
      website: definition.website ?? null,
      helpdeskEmail: definition.helpdeskEmail ?? null,
      createdAt: new Date(),
    });
    const ids = new Map(definition.positions.map((p) => [p.code, randomUUID()]));
    const idOf = (code: string): string => {
      const id = ids.get(code);
      if (!id) throw new OfficeError('office.invalid', `Jabatan "${code}" tidak dikenal.`);
      return id;
    };
    const repo = manager.getRepository(PositionEntity);
    // Insert without supervisors first, then link them: positions may be listed in any order.
    await repo.insert(
      definition.positions.map((p, index) => ({
        id: idOf(p.code),
        officeCode: definition.code,
        code: p.code,
        name: p.name,
        reportsToId: null,
        requesterSide: p.requesterSide ?? false,
        aliases: p.aliases?.length ? p.aliases : null,
        sortOrder: index,
      })),
    );
    for (const p of definition.positions) {
      if (p.reportsTo) await repo.update({ id: idOf(p.code) }, { reportsToId: idOf(p.reportsTo) });
    }
    await this.audit.record(
      {
        actorId: null,
        action: 'office.created',
        entityType: 'office',
        entityId: definition.code,
        after: definition,
      },
      manager,
    );
    return true;
  }
}

function assertOfficeDefinition(definition: OfficeDefinition): void {
  const problems: string[] = [];
  if (!/^[a-z0-9-]{2,40}$/.test(definition.code ?? ''))
    problems.push(`kode kantor "${definition.code}" tidak valid`);
  if (!definition.name) problems.push('nama kantor kosong');
  if (!isValidTimeZone(definition.timeZone ?? ''))
    problems.push(`zona waktu "${definition.timeZone}" tidak dikenal`);
  if (!definition.ticketPrefix) problems.push('ticketPrefix kosong');
  const codes = new Set<string>();
  for (const p of definition.positions ?? []) {
    if (codes.has(p.code)) problems.push(`jabatan "${p.code}" ganda`);
    codes.add(p.code);
  }
  for (const p of definition.positions ?? []) {
    if (p.reportsTo && !codes.has(p.reportsTo)) {
      problems.push(`jabatan "${p.code}" melapor ke "${p.reportsTo}" yang tidak ada`);
    }
  }
  if (problems.length) {
    throw new OfficeError('office.invalid', `Kantor ${definition.code}: ${problems.join('; ')}`);
  }
}

function toSummary(office: OfficeEntity): OfficeSummary {
  return {
    code: office.code,
    name: office.name,
    timeZone: office.timeZone,
    zoneAbbreviation: zoneAbbreviation(office.timeZone),
    ticketPrefix: office.ticketPrefix,
  };
}
