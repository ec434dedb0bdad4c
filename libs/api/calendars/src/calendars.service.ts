import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type {
  CalendarClosure,
  CalendarLayer,
  ClosureInput,
  OfficeCalendarView,
  PrefillResult,
  UpdateScheduleRequest,
  WeekVariant,
} from '@sigap/contracts';
import {
  closuresFromDateHolidays,
  validateCalendar,
  WorkCalendar,
  type CalendarDefinition,
  type Closure,
  type DateHolidaysEntry,
  type SlaIssue,
} from '@sigap/sla';
import Holidays from 'date-holidays';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@sigap/api-audit';
import type { FieldError } from '@sigap/api-common';
import { AuthUser, hasRole } from '@sigap/api-identity';
import { OfficeEntity } from '@sigap/api-offices';
import { zoneAbbreviation } from '@sigap/api-offices';
import { CalendarClosureEntity, CalendarScheduleEntity, NATIONAL_SCOPE } from './calendar.entities';
import { CalendarError } from './calendar-error';
import {
  bumpRevision,
  loadOfficeCalendar,
  sortClosures,
  toClosureView,
  toDefinition,
} from './calendar-store';
import { DbCalendarProvider } from './db-calendar-provider';

/** Where a closure belongs: a layer and its scope (region, office code, or `*`). */
export interface LayerScope {
  layer: CalendarLayer;
  scope: string;
}

const WHOLE_DAY: [number, number] = [0, 24 * 60];

/** Schedules and closures: reads, validated edits (audited, revision bumped), pre-fill. */
@Injectable()
export class CalendarsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly provider: DbCalendarProvider,
  ) {}

  // ---------------------------------------------------------------- access

  /** Readers: admins, and every user of the office. */
  assertCanRead(user: AuthUser, office: string): void {
    if (hasRole(user, 'admin') || user.office === office) return;
    throw CalendarError.forbidden(`Anda tidak berhak membaca kalender kantor "${office}".`);
  }

  canEditOffice(user: AuthUser, office: string): boolean {
    return hasRole(user, 'admin') || (hasRole(user, 'manager') && user.office === office);
  }

  /** Office layer and schedule: admins, and managers of the office. */
  assertCanEditOffice(user: AuthUser, office: string): void {
    if (this.canEditOffice(user, office)) return;
    throw CalendarError.forbidden(
      `Hanya admin atau kepala kantor "${office}" yang boleh mengubah kalendernya.`,
    );
  }

  /** National and province layers: admins only. */
  assertCanEditShared(user: AuthUser): void {
    if (hasRole(user, 'admin')) return;
    throw CalendarError.forbidden(
      'Hanya admin yang boleh mengubah hari libur nasional dan provinsi.',
    );
  }

  private assertCanEditScope(user: AuthUser, target: LayerScope): void {
    if (target.layer === 'office') this.assertCanEditOffice(user, target.scope);
    else this.assertCanEditShared(user);
  }

  // ---------------------------------------------------------------- reads

  async view(user: AuthUser, officeCode: string, year?: number): Promise<OfficeCalendarView> {
    this.assertCanRead(user, officeCode);
    const all = await loadOfficeCalendar(this.dataSource.manager, officeCode);
    const calendar = compileOrFail(toDefinition(all));
    const shownYear = year ?? currentYear(all.schedule.timeZone);
    return {
      office: all.office.code,
      officeName: all.office.name,
      region: all.office.region,
      timeZone: all.schedule.timeZone,
      zoneAbbreviation: zoneAbbreviation(all.schedule.timeZone),
      version: calendar.version,
      week: all.schedule.week,
      variants: all.schedule.variants,
      year: shownYear,
      closures: all.closures.filter((c) => c.year === shownYear).map(toClosureView),
      canEdit: this.canEditOffice(user, officeCode),
      canEditShared: hasRole(user, 'admin'),
    };
  }

  async listClosures(user: AuthUser, target: LayerScope, year: number): Promise<CalendarClosure[]> {
    if (target.layer === 'office') {
      this.assertCanRead(user, target.scope);
      await this.requireOffice(this.dataSource.manager, target.scope);
    }
    const rows = await this.dataSource.getRepository(CalendarClosureEntity).find({
      where: { layer: target.layer, scope: target.scope, year },
    });
    return sortClosures(rows).map(toClosureView);
  }

  // ---------------------------------------------------------------- schedule

  async updateSchedule(
    user: AuthUser,
    officeCode: string,
    body: UpdateScheduleRequest & { timeZone?: string },
  ): Promise<OfficeCalendarView> {
    this.assertCanEditOffice(user, officeCode);
    await this.dataSource.transaction(async (manager) => {
      await bumpRevision(manager);
      const current = await loadOfficeCalendar(manager, officeCode);
      const currentVersion = compileOrFail(toDefinition(current)).version;
      if (body.expectedVersion !== currentVersion) {
        throw new CalendarError(
          'calendar.stale_version',
          `Kalender kantor "${officeCode}" sudah berubah (versi ${currentVersion}, bukan ${body.expectedVersion}); muat ulang lalu ulangi perubahan.`,
        );
      }
      const next = {
        timeZone: body.timeZone ?? current.schedule.timeZone,
        week: body.week,
        variants: body.variants ?? [],
      };
      if (!hasRole(user, 'admin')) assertNoneConfirmed(current.schedule.variants, next.variants);
      const issues = validateCalendar({ ...toDefinition(current), ...next });
      if (issues.length) throw CalendarError.invalid(issues.map(toFieldError()));
      const before = {
        timeZone: current.schedule.timeZone,
        week: current.schedule.week,
        variants: current.schedule.variants,
      };
      await manager
        .getRepository(CalendarScheduleEntity)
        .update({ officeCode }, { ...next, updatedBy: user.id, updatedAt: new Date() });
      await this.audit.record(
        {
          actorId: user.id,
          action: 'calendar.schedule.updated',
          entityType: 'calendar',
          entityId: officeCode,
          before,
          after: next,
        },
        manager,
      );
    });
    this.provider.invalidate();
    return this.view(user, officeCode);
  }

  /**
   * Admin only: puts a proposed dated schedule into force, or takes one out of force again (e.g.
   * the seeded Ramadan hours, where the office's own decision differs). The variant is named by its first
   * day (variants of a schedule never overlap). Audited; bumps the calendar revision, so due
   * dates computed from then on follow.
   */
  async setVariantConfirmed(
    user: AuthUser,
    officeCode: string,
    from: string,
    confirmed: boolean,
  ): Promise<OfficeCalendarView> {
    if (!hasRole(user, 'admin')) {
      throw CalendarError.forbidden('Hanya admin yang boleh mengonfirmasi jadwal bertanggal.');
    }
    const changed = await this.dataSource.transaction(async (manager) => {
      const current = await loadOfficeCalendar(manager, officeCode);
      const index = current.schedule.variants.findIndex((v) => v.from === from);
      if (index < 0) {
        throw new CalendarError(
          'calendar.variant_not_found',
          `Jadwal bertanggal yang mulai ${from} tidak ada di kalender kantor "${officeCode}".`,
        );
      }
      const variant = current.schedule.variants[index];
      if ((variant.confirmed !== false) === confirmed) return false;
      await bumpRevision(manager);
      const variants = current.schedule.variants.map((v, i) =>
        i === index ? { ...v, confirmed } : v,
      );
      const issues = validateCalendar({ ...toDefinition(current), variants });
      if (issues.length) throw CalendarError.invalid(issues.map(toFieldError()));
      await manager
        .getRepository(CalendarScheduleEntity)
        .update({ officeCode }, { variants, updatedBy: user.id, updatedAt: new Date() });
      await this.audit.record(
        {
          actorId: user.id,
          action: confirmed ? 'calendar.variant.confirmed' : 'calendar.variant.unconfirmed',
          entityType: 'calendar',
          entityId: officeCode,
          before: { variant },
          after: { variant: variants[index] },
        },
        manager,
      );
      return true;
    });
    if (changed) this.provider.invalidate();
    return this.view(user, officeCode);
  }

  // ---------------------------------------------------------------- closures

  /** Resolves the scope of a layer path: national, province by region, office by code. */
  async target(layer: CalendarLayer, scope: string | null): Promise<LayerScope> {
    if (layer === 'national') return { layer, scope: NATIONAL_SCOPE };
    if (!scope) throw new CalendarError('calendar.region_missing', 'Wilayah wajib disebut.');
    if (layer === 'office') {
      await this.requireOffice(this.dataSource.manager, scope);
      return { layer, scope };
    }
    const region = scope.toUpperCase();
    if (!/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(region)) {
      throw new CalendarError(
        'calendar.region_missing',
        `Kode wilayah "${scope}" tidak valid (contoh: ID-BA untuk Bali).`,
      );
    }
    return { layer, scope: region };
  }

  async createClosure(
    user: AuthUser,
    target: LayerScope,
    input: ClosureInput,
    year?: number,
  ): Promise<CalendarClosure> {
    this.assertCanEditScope(user, target);
    const closure = checkClosure(input, target.layer, year);
    const created = await this.dataSource.transaction(async (manager) => {
      await bumpRevision(manager);
      await this.assertNoOverlap(manager, target, closure, null);
      const now = new Date();
      const row: CalendarClosureEntity = {
        id: randomUUID(),
        layer: target.layer,
        scope: target.scope,
        ...toColumns(closure),
        createdAt: now,
        updatedAt: now,
      };
      await manager.getRepository(CalendarClosureEntity).insert(row);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'calendar.closure.created',
          entityType: 'calendar_closure',
          entityId: row.id,
          after: toClosureView(row),
        },
        manager,
      );
      return row;
    });
    this.provider.invalidate();
    return toClosureView(created);
  }

  async updateClosure(
    user: AuthUser,
    id: string,
    patch: Partial<ClosureInput>,
  ): Promise<CalendarClosure> {
    const updated = await this.dataSource.transaction(async (manager) => {
      const row = await this.findClosure(manager, id);
      const target = { layer: row.layer, scope: row.scope };
      this.assertCanEditScope(user, target);
      const merged: ClosureInput = {
        date: patch.date ?? row.date,
        name: patch.name ?? row.name,
        type: patch.type ?? row.type,
        source: patch.source ?? row.source,
        from: patch.from !== undefined ? patch.from : row.fromTime,
        to: patch.to !== undefined ? patch.to : row.toTime,
        // A checked closure is no longer "to be checked" unless the edit says so.
        prefilled: patch.prefilled ?? false,
      };
      const closure = checkClosure(merged, row.layer);
      await bumpRevision(manager);
      await this.assertNoOverlap(manager, target, closure, row.id);
      const before = toClosureView(row);
      // Correcting a date or name does not confirm it: that is its own, admin-only step.
      const next: CalendarClosureEntity = {
        ...row,
        ...toColumns(closure),
        confirmed: row.confirmed,
        updatedAt: new Date(),
      };
      await manager.getRepository(CalendarClosureEntity).save(next);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'calendar.closure.updated',
          entityType: 'calendar_closure',
          entityId: row.id,
          before,
          after: toClosureView(next),
        },
        manager,
      );
      return next;
    });
    this.provider.invalidate();
    return toClosureView(updated);
  }

  /**
   * Admin only, on any layer: puts an unconfirmed closure into force (`confirmed` true) or takes
   * it out again. Audited; bumps the calendar revision, so every instance rebuilds the calendars
   * that carry it, and due dates computed from then on follow.
   */
  async setConfirmed(user: AuthUser, id: string, confirmed: boolean): Promise<CalendarClosure> {
    if (!hasRole(user, 'admin')) {
      throw CalendarError.forbidden('Hanya admin yang boleh mengonfirmasi hari libur.');
    }
    const result = await this.dataSource.transaction(async (manager) => {
      const row = await this.findClosure(manager, id);
      if (row.confirmed === confirmed) return { row, changed: false };
      await bumpRevision(manager);
      const next: CalendarClosureEntity = { ...row, confirmed, updatedAt: new Date() };
      await manager
        .getRepository(CalendarClosureEntity)
        .update({ id }, { confirmed, updatedAt: next.updatedAt });
      await this.audit.record(
        {
          actorId: user.id,
          action: confirmed ? 'calendar.closure.confirmed' : 'calendar.closure.unconfirmed',
          entityType: 'calendar_closure',
          entityId: id,
          before: toClosureView(row),
          after: toClosureView(next),
        },
        manager,
      );
      return { row: next, changed: true };
    });
    if (result.changed) this.provider.invalidate();
    return toClosureView(result.row);
  }

  async deleteClosure(user: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.findClosure(manager, id);
      this.assertCanEditScope(user, { layer: row.layer, scope: row.scope });
      await bumpRevision(manager);
      await manager.getRepository(CalendarClosureEntity).delete({ id });
      await this.audit.record(
        {
          actorId: user.id,
          action: 'calendar.closure.deleted',
          entityType: 'calendar_closure',
          entityId: id,
          before: toClosureView(row),
        },
        manager,
      );
    });
    this.provider.invalidate();
  }

  /**
   * National closures of a year from the `date-holidays` package (public holidays of `ID`),
   * marked `prefilled`; a date that already has a national closure is skipped, never overwritten.
   */
  async prefillNational(user: AuthUser, year: number): Promise<PrefillResult> {
    this.assertCanEditShared(user);
    const entries = new Holidays('ID').getHolidays(year) as unknown as DateHolidaysEntry[];
    const proposed = closuresFromDateHolidays(entries, { layer: 'national' });
    const result: PrefillResult = { year, added: [], skipped: [] };
    await this.dataSource.transaction(async (manager) => {
      await bumpRevision(manager);
      const existing = await manager.getRepository(CalendarClosureEntity).find({
        where: { layer: 'national', scope: NATIONAL_SCOPE, year },
      });
      const taken = new Map(existing.map((c) => [c.date, c]));
      const now = new Date();
      const rows: CalendarClosureEntity[] = [];
      for (const closure of proposed) {
        const already = taken.get(closure.date);
        if (already) {
          result.skipped.push({
            date: closure.date,
            name: closure.name,
            reason: `sudah ada "${already.name}" pada tanggal ini`,
          });
          continue;
        }
        const row: CalendarClosureEntity = {
          id: randomUUID(),
          layer: 'national',
          scope: NATIONAL_SCOPE,
          ...toColumns(closure),
          prefilled: true,
          createdAt: now,
          updatedAt: now,
        };
        taken.set(row.date, row);
        rows.push(row);
      }
      if (rows.length) await manager.getRepository(CalendarClosureEntity).insert(rows);
      result.added = rows.map(toClosureView);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'calendar.closures.prefilled',
          entityType: 'calendar_layer',
          entityId: `national:${year}`,
          after: { added: result.added.map((c) => c.date), skipped: result.skipped },
        },
        manager,
      );
    });
    this.provider.invalidate();
    return result;
  }

  // ---------------------------------------------------------------- helpers

  private async requireOffice(manager: EntityManager, code: string): Promise<OfficeEntity> {
    const office = await manager.getRepository(OfficeEntity).findOne({ where: { code } });
    if (!office) throw CalendarError.officeNotFound(code);
    return office;
  }

  private async findClosure(manager: EntityManager, id: string): Promise<CalendarClosureEntity> {
    const row = await manager.getRepository(CalendarClosureEntity).findOne({ where: { id } });
    if (!row) {
      throw new CalendarError('calendar.closure_not_found', `Hari libur "${id}" tidak ditemukan.`);
    }
    return row;
  }

  /** Two closures of the same layer and scope may not cover the same time of the same day. */
  private async assertNoOverlap(
    manager: EntityManager,
    target: LayerScope,
    closure: Closure,
    exceptId: string | null,
  ): Promise<void> {
    const sameDay = await manager.getRepository(CalendarClosureEntity).find({
      where: { layer: target.layer, scope: target.scope, date: closure.date },
    });
    const [from, to] = minutesOf(closure.from ?? null, closure.to ?? null);
    const clash = sameDay.find((other) => {
      if (other.id === exceptId) return false;
      const [f, t] = minutesOf(other.fromTime, other.toTime);
      return from < t && f < to;
    });
    if (clash) {
      const path = closure.from !== undefined ? 'from' : 'date';
      const message = `bertumpang tindih dengan "${clash.name}" (${clash.date}${clash.fromTime ? ` ${clash.fromTime}-${clash.toTime}` : ''}) pada lapisan yang sama`;
      throw new CalendarError('calendar.closure_overlap', `Hari libur ${message}.`, [
        { path, message },
      ]);
    }
  }
}

/**
 * A schedule edit by someone who is not an admin may keep a proposed variant, change it or drop
 * it, but not put it into force as proposed (same dates and hours): that is the admin's
 * confirmation (`setVariantConfirmed`). Hours the office sets itself are its own and in force.
 */
function assertNoneConfirmed(before: readonly WeekVariant[], after: readonly WeekVariant[]): void {
  for (const v of after) {
    const proposed = before.find(
      (o) =>
        o.confirmed === false &&
        o.from === v.from &&
        o.to === v.to &&
        JSON.stringify(o.week) === JSON.stringify(v.week),
    );
    if (proposed && v.confirmed !== false) {
      throw CalendarError.forbidden(
        `Hanya admin yang boleh memberlakukan usulan jadwal bertanggal "${proposed.name}"; simpan dengan confirmed: false, atau ubah jamnya menjadi jadwal kantor sendiri.`,
      );
    }
  }
}

function minutesOf(from: string | null, to: string | null): [number, number] {
  if (from === null || to === null) return WHOLE_DAY;
  const m = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
  return [m(from), m(to)];
}

/** Normalises a clock time to `HH:MM` (the library also accepts `HH.MM`). */
function clock(value: string | undefined): string | undefined {
  return value === undefined ? undefined : value.replace('.', ':').padStart(5, '0');
}

/**
 * Checks one closure with the library's rules (date, name, type, source, part-day times, the
 * year when given) and returns it as a library closure; field paths drop the `closures[0].`.
 */
export function checkClosure(input: ClosureInput, layer: CalendarLayer, year?: number): Closure {
  const closure: Closure = {
    date: input.date,
    name: typeof input.name === 'string' ? input.name.trim() : input.name,
    type: input.type,
    source: typeof input.source === 'string' ? input.source.trim() : input.source,
    layer,
    ...(input.from !== undefined && input.from !== null ? { from: input.from } : {}),
    ...(input.to !== undefined && input.to !== null ? { to: input.to } : {}),
    ...(input.prefilled ? { prefilled: true } : {}),
  };
  const definition: CalendarDefinition = {
    timeZone: 'UTC',
    week: { mon: [{ start: '00:00', end: '24:00' }] },
    closures: [closure],
    ...(year !== undefined ? { year } : {}),
  };
  const issues = validateCalendar(definition);
  if (issues.length) {
    throw CalendarError.invalid(
      issues.map(toFieldError((path) => path.replace(/^closures\[0\]\.?/, '') || 'to')),
    );
  }
  return { ...closure, from: clock(closure.from), to: clock(closure.to) };
}

function toColumns(closure: Closure) {
  return {
    date: closure.date,
    year: Number(closure.date.slice(0, 4)),
    name: closure.name,
    type: closure.type,
    source: closure.source,
    fromTime: closure.from ?? null,
    toTime: closure.to ?? null,
    prefilled: closure.prefilled === true,
    confirmed: closure.confirmed !== false,
  };
}

export function toFieldError(
  mapPath: (path: string) => string = (p) => p,
): (issue: SlaIssue) => FieldError {
  return (issue) => ({ path: mapPath(issue.path), message: issue.message });
}

function compileOrFail(definition: CalendarDefinition): WorkCalendar {
  const issues = validateCalendar(definition);
  if (issues.length) throw CalendarError.invalid(issues.map(toFieldError()));
  return WorkCalendar.compile(definition);
}

function currentYear(timeZone: string): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric' }).format(new Date()));
}
