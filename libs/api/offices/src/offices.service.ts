import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  COMPLAINT_NUMBER_MARKER,
  INCIDENT_NUMBER_MARKER,
  type CreateOfficeRequest,
  type OfficeAdminView,
  type OfficeDetail,
  type OfficeSigner,
  type OfficeSummary,
  type TimeZoneOption,
  type UpdateOfficeRequest,
} from '@sigap/contracts';
import type { OfficeDefinition } from '@sigap/standards';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditService } from '@sigap/api-audit';
import { Clock } from '@sigap/api-clock';
import type { FieldError } from '@sigap/api-common';
import { hasRole, type AuthUser } from '@sigap/api-identity';
import { OfficeCalendars } from './office-calendars';
import { OfficeChanges } from './office-changes';
import { OfficeEntity } from './office.entity';
import { OfficeError } from './office-error';
import { PositionEntity } from './position.entity';
import { isValidTimeZone, timeZoneOptions, zoneAbbreviation } from './time-zone';

/** Ticket states in which work is still going on (kept in step with the tickets' state machine). */
export const OPEN_TICKET_STATUSES = ['new', 'triaged', 'in-progress', 'waiting', 'reopened'];

/**
 * Complaint numbers are `ADU` + the ticket prefix cut to 12 characters: two prefixes that give
 * the same complaint prefix would give the same complaint numbers.
 */
function complaintPrefixOf(ticketPrefix: string): string {
  return `${COMPLAINT_NUMBER_MARKER}${ticketPrefix}`.toUpperCase().slice(0, 12);
}

/** Incident numbers likewise: `GNG` + the ticket prefix cut to 12 characters. */
function incidentPrefixOf(ticketPrefix: string): string {
  return `${INCIDENT_NUMBER_MARKER}${ticketPrefix}`.toUpperCase().slice(0, 12);
}

function isDuplicateKey(error: unknown): boolean {
  const code = String((error as { code?: unknown }).code ?? '');
  return code === 'ER_DUP_ENTRY' || code.startsWith('SQLITE_CONSTRAINT');
}

/** Spaces tidied; an empty text is null. */
function tidy(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return value.replace(/[ \t]+/g, ' ').trim() || null;
}

@Injectable()
export class OfficesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly calendars: OfficeCalendars,
    private readonly clock: Clock,
    private readonly changes: OfficeChanges,
  ) {}

  /** Offices in service, for choosers; with `includeRetired` (admins) the retired ones too. */
  async list(options: { includeRetired?: boolean } = {}): Promise<OfficeSummary[]> {
    const offices = await this.dataSource.getRepository(OfficeEntity).find({
      where: options.includeRetired ? {} : { retiredAt: IsNull() },
      order: { code: 'ASC' },
    });
    return offices.map((o) =>
      options.includeRetired
        ? { ...toSummary(o), retiredAt: o.retiredAt ? o.retiredAt.toISOString() : null }
        : toSummary(o),
    );
  }

  /** The zones an office may have: WIB, WITA and WIT first, then every other IANA zone. */
  timeZones(): TimeZoneOption[] {
    return timeZoneOptions(this.clock.now());
  }

  /**
   * Creates an office (admins) with its working schedule in its own zone at once; the national
   * holidays apply to it as to every office, and its province's too when `region` is given.
   */
  async create(user: AuthUser, input: CreateOfficeRequest): Promise<OfficeAdminView> {
    this.assertAdmin(user);
    const now = this.clock.now();
    const row: OfficeEntity = {
      code: input.code,
      name: tidy(input.name) ?? input.name,
      timeZone: input.timeZone,
      region: tidy(input.region),
      ticketPrefix: input.ticketPrefix,
      address: tidyLines(input.address),
      website: tidy(input.website),
      helpdeskEmail: tidy(input.helpdeskEmail)?.toLowerCase() ?? null,
      complaintEmail: tidy(input.complaintEmail)?.toLowerCase() ?? null,
      incidentEmail: tidy(input.incidentEmail)?.toLowerCase() ?? null,
      logoUrl: tidy(input.logoUrl),
      retiredAt: null,
      headName: null,
      headNip: null,
      createdAt: now,
    };
    try {
      await this.dataSource.transaction(async (manager) => {
        const repo = manager.getRepository(OfficeEntity);
        const conflicts: FieldError[] = [];
        if (await repo.count({ where: { code: row.code } }))
          conflicts.push({ path: 'code', message: `kode "${row.code}" sudah dipakai kantor lain` });
        conflicts.push(...(await this.prefixConflicts(manager, row.ticketPrefix, null)));
        conflicts.push(...(await this.incidentAddressConflicts(manager, row, null)));
        if (conflicts.length) throw this.conflict(conflicts);
        await repo.insert(row);
        await this.calendars.scheduleNewOffice(manager, row, user.id);
        await this.audit.record(
          {
            actorId: user.id,
            action: 'office.created',
            entityType: 'office',
            entityId: row.code,
            after: toAdminView(row),
          },
          manager,
        );
      });
    } catch (error) {
      // Two creations at once: the primary key or the unique prefix turns the second one down.
      if (isDuplicateKey(error))
        throw this.conflict([
          { path: 'code', message: 'kode atau awalan tiket baru saja dipakai kantor lain' },
        ]);
      throw error;
    }
    this.calendars.invalidate();
    this.changes.changed(row.code);
    return toAdminView(row);
  }

  /**
   * Edits an office (admins). The code never changes; the zone and the ticket prefix change only
   * while the office has no tickets (numbers and clocks already given stay as they were).
   */
  async update(user: AuthUser, code: string, input: UpdateOfficeRequest): Promise<OfficeAdminView> {
    this.assertAdmin(user);
    let after: OfficeEntity | null = null;
    try {
      after = await this.dataSource.transaction(async (manager) => {
        const repo = manager.getRepository(OfficeEntity);
        const office = await repo.findOne({ where: { code } });
        if (!office) throw OfficeError.notFound(code);
        if (office.retiredAt)
          throw new OfficeError('office.retired', `Kantor "${code}" sudah dipensiunkan.`);
        const before = toAdminView(office);
        const next: OfficeEntity = { ...office };
        if (input.name !== undefined) next.name = tidy(input.name) ?? office.name;
        if (input.timeZone !== undefined) next.timeZone = input.timeZone;
        if (input.ticketPrefix !== undefined) next.ticketPrefix = input.ticketPrefix;
        if (input.region !== undefined) next.region = tidy(input.region);
        if (input.address !== undefined) next.address = tidyLines(input.address);
        if (input.website !== undefined) next.website = tidy(input.website);
        if (input.helpdeskEmail !== undefined)
          next.helpdeskEmail = tidy(input.helpdeskEmail)?.toLowerCase() ?? null;
        if (input.complaintEmail !== undefined)
          next.complaintEmail = tidy(input.complaintEmail)?.toLowerCase() ?? null;
        if (input.incidentEmail !== undefined)
          next.incidentEmail = tidy(input.incidentEmail)?.toLowerCase() ?? null;
        if (input.logoUrl !== undefined) next.logoUrl = tidy(input.logoUrl);

        const zoneChanged = next.timeZone !== office.timeZone;
        const prefixChanged = next.ticketPrefix !== office.ticketPrefix;
        if (zoneChanged || prefixChanged) {
          const used: unknown[] = await manager.query(
            'SELECT 1 AS x FROM tickets WHERE office_code = ? LIMIT 1',
            [code],
          );
          if (used.length) {
            throw this.conflict(
              [
                ...(zoneChanged
                  ? [{ path: 'timeZone', message: 'kantor sudah punya tiket; zona tidak diubah' }]
                  : []),
                ...(prefixChanged
                  ? [{ path: 'ticketPrefix', message: 'kantor sudah punya tiket; awalan tetap' }]
                  : []),
              ],
              'Zona waktu dan awalan tiket hanya dapat diubah selama kantor belum punya tiket.',
            );
          }
        }
        if (prefixChanged) {
          const conflicts = await this.prefixConflicts(manager, next.ticketPrefix, code);
          if (conflicts.length) throw this.conflict(conflicts);
        }
        const mailboxClash = await this.incidentAddressConflicts(manager, next, code);
        if (mailboxClash.length) throw this.conflict(mailboxClash);
        const changes: Partial<OfficeEntity> = {
          name: next.name,
          timeZone: next.timeZone,
          ticketPrefix: next.ticketPrefix,
          region: next.region,
          address: next.address,
          website: next.website,
          helpdeskEmail: next.helpdeskEmail,
          complaintEmail: next.complaintEmail,
          incidentEmail: next.incidentEmail,
          logoUrl: next.logoUrl,
        };
        await repo.update({ code }, changes);
        if (zoneChanged || next.region !== office.region)
          await this.calendars.officeMoved(manager, code, zoneChanged ? next.timeZone : null);
        await this.audit.record(
          {
            actorId: user.id,
            action: 'office.updated',
            entityType: 'office',
            entityId: code,
            before,
            after: toAdminView(next),
          },
          manager,
        );
        return next;
      });
    } catch (error) {
      if (isDuplicateKey(error))
        throw this.conflict([
          { path: 'ticketPrefix', message: 'awalan tiket baru saja dipakai kantor lain' },
        ]);
      throw error;
    }
    this.calendars.invalidate();
    this.changes.changed(code);
    return toAdminView(after);
  }

  /**
   * Retires an office (admins): it keeps its tickets, reports and audit, opens no new tickets
   * and is left out of choosers. Refused while it has open tickets: they are finished (or
   * cancelled) first, so that nobody is left waiting on an office nobody watches.
   */
  async retire(user: AuthUser, code: string): Promise<OfficeAdminView> {
    this.assertAdmin(user);
    const retired = await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(OfficeEntity);
      const office = await repo.findOne({ where: { code } });
      if (!office) throw OfficeError.notFound(code);
      if (office.retiredAt)
        throw new OfficeError('office.retired', `Kantor "${code}" sudah dipensiunkan.`);
      const marks = OPEN_TICKET_STATUSES.map(() => '?').join(', ');
      const rows: { n: number | string }[] = await manager.query(
        `SELECT COUNT(*) AS n FROM tickets WHERE office_code = ? AND status IN (${marks})`,
        [code, ...OPEN_TICKET_STATUSES],
      );
      const open = Number(rows[0]?.n ?? 0);
      if (open > 0) {
        throw new OfficeError(
          'office.conflict',
          `Kantor "${code}" masih punya ${open} tiket terbuka; selesaikan atau batalkan dulu sebelum kantor dipensiunkan.`,
        );
      }
      const at = this.clock.now();
      await repo.update({ code }, { retiredAt: at });
      const after = { ...office, retiredAt: at };
      await this.audit.record(
        {
          actorId: user.id,
          action: 'office.retired',
          entityType: 'office',
          entityId: code,
          before: toAdminView(office),
          after: toAdminView(after),
        },
        manager,
      );
      return after;
    });
    this.changes.changed(code);
    return toAdminView(retired);
  }

  /** An office as admins edit it. */
  async adminView(user: AuthUser, code: string): Promise<OfficeAdminView> {
    this.assertAdmin(user);
    const office = await this.dataSource.getRepository(OfficeEntity).findOne({ where: { code } });
    if (!office) throw OfficeError.notFound(code);
    return toAdminView(office);
  }

  private assertAdmin(user: AuthUser): void {
    if (!hasRole(user, 'admin'))
      throw new OfficeError('office.forbidden', 'Hanya admin yang dapat mengelola kantor.');
  }

  private conflict(errors: FieldError[], message?: string): OfficeError {
    return new OfficeError(
      'office.conflict',
      message ?? `Sudah dipakai: ${errors.map((e) => e.message).join('; ')}.`,
      errors,
    );
  }

  /**
   * An incident address that would swallow other mail: the office's own helpdesk or complaints
   * address, or any mailbox of another office.
   */
  private async incidentAddressConflicts(
    manager: EntityManager,
    office: Pick<OfficeEntity, 'incidentEmail' | 'helpdeskEmail' | 'complaintEmail'>,
    ownCode: string | null,
  ): Promise<FieldError[]> {
    const address = office.incidentEmail;
    if (!address) return [];
    if (address === office.helpdeskEmail || address === office.complaintEmail)
      return [
        {
          path: 'incidentEmail',
          message: 'alamat gangguan harus berbeda dari alamat helpdesk dan pengaduan',
        },
      ];
    const others = (
      await manager.getRepository(OfficeEntity).find({
        select: { code: true, helpdeskEmail: true, complaintEmail: true, incidentEmail: true },
      })
    ).filter((o) => o.code !== ownCode);
    const taken = others.some((o) =>
      [o.helpdeskEmail, o.complaintEmail, o.incidentEmail].some(
        (a) => a?.toLowerCase() === address,
      ),
    );
    return taken
      ? [{ path: 'incidentEmail', message: `alamat "${address}" sudah dipakai kantor lain` }]
      : [];
  }

  /** A prefix another office has, or whose complaint numbers would be another's. */
  private async prefixConflicts(
    manager: EntityManager,
    prefix: string,
    ownCode: string | null,
  ): Promise<FieldError[]> {
    const others = (
      await manager.getRepository(OfficeEntity).find({ select: { code: true, ticketPrefix: true } })
    ).filter((o) => o.code !== ownCode);
    const same = others.find((o) => o.ticketPrefix.toUpperCase() === prefix.toUpperCase());
    if (same)
      return [{ path: 'ticketPrefix', message: `awalan "${prefix}" sudah dipakai kantor lain` }];
    const mine = complaintPrefixOf(prefix);
    const clash = others.find((o) => complaintPrefixOf(o.ticketPrefix) === mine);
    if (clash)
      return [
        {
          path: 'ticketPrefix',
          message: `awalan ini memberi nomor pengaduan yang sama dengan kantor lain (${mine}); pilih awalan lain`,
        },
      ];
    const incidents = incidentPrefixOf(prefix);
    if (others.some((o) => incidentPrefixOf(o.ticketPrefix) === incidents))
      return [
        {
          path: 'ticketPrefix',
          message: `awalan ini memberi nomor gangguan yang sama dengan kantor lain (${incidents}); pilih awalan lain`,
        },
      ];
    return [];
  }

  async get(code: string): Promise<OfficeDetail> {
    const office = await this.dataSource.getRepository(OfficeEntity).findOne({ where: { code } });
    if (!office) throw OfficeError.notFound(code);
    const positions = await this.positions(code);
    const byId = new Map(positions.map((p) => [p.id, p.code]));
    return {
      ...toSummary(office),
      region: office.region,
      retiredAt: office.retiredAt ? office.retiredAt.toISOString() : null,
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

  /** True when the office exists (with `inService`, only when it is not retired either). */
  async exists(
    code: string,
    manager: EntityManager = this.dataSource.manager,
    options: { inService?: boolean } = {},
  ): Promise<boolean> {
    const where = options.inService ? { code, retiredAt: IsNull() } : { code };
    return (await manager.getRepository(OfficeEntity).count({ where })) > 0;
  }

  /** The office's positions in service (with `includeRetired`, the retired ones too). */
  positions(
    officeCode: string,
    manager: EntityManager = this.dataSource.manager,
    options: { includeRetired?: boolean } = {},
  ): Promise<PositionEntity[]> {
    return manager.getRepository(PositionEntity).find({
      where: options.includeRetired ? { officeCode } : { officeCode, retiredAt: IsNull() },
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

/** Lines kept (an address has several); spaces tidied on each. */
function tidyLines(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const lines = value
    .split(/\r?\n/)
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter(Boolean);
  return lines.length ? lines.join('\n') : null;
}

function toAdminView(office: OfficeEntity): OfficeAdminView {
  return {
    ...toSummary(office),
    region: office.region,
    address: office.address,
    website: office.website,
    helpdeskEmail: office.helpdeskEmail,
    complaintEmail: office.complaintEmail,
    incidentEmail: office.incidentEmail,
    logoUrl: office.logoUrl,
    retiredAt: office.retiredAt ? office.retiredAt.toISOString() : null,
    createdAt: office.createdAt.toISOString(),
  };
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
