import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import {
  closuresFromHolidayFile,
  SlaError,
  validateCalendar,
  type HolidayFile,
  type ScheduleVariant,
  type WeeklySchedule,
} from '@sigap/sla';
import { DataSource, In, type EntityManager } from 'typeorm';
import { parse } from 'yaml';
import { AuditService } from '@sigap/api-audit';
import { AppConfig } from '@sigap/api-config';
import { OfficeEntity } from '@sigap/api-offices';
import {
  CalendarClosureEntity,
  CalendarScheduleEntity,
  CalendarSeedEntity,
  NATIONAL_SCOPE,
} from './calendar.entities';
import { CalendarError } from './calendar-error';
import { bumpRevision } from './calendar-store';
import { DbCalendarProvider } from './db-calendar-provider';
import { reviseSeededVariants, variantSeedKeys, type VariantFile } from './calendar-seed-revision';

/**
 * The general civil-servant schedule (Perpres 21/2023: 37.5 hours a week from 07.30; breaks of
 * 60 minutes Monday to Thursday and 90 minutes on Friday), for a new office when the seed folder
 * has no `calendars/default-schedule.yaml`.
 */
export const CIVIL_SERVICE_SCHEDULE: { week: WeeklySchedule; variants: ScheduleVariant[] } = {
  week: {
    mon: [
      { start: '07:30', end: '12:00' },
      { start: '13:00', end: '16:00' },
    ],
    tue: [
      { start: '07:30', end: '12:00' },
      { start: '13:00', end: '16:00' },
    ],
    wed: [
      { start: '07:30', end: '12:00' },
      { start: '13:00', end: '16:00' },
    ],
    thu: [
      { start: '07:30', end: '12:00' },
      { start: '13:00', end: '16:00' },
    ],
    fri: [
      { start: '07:30', end: '11:30' },
      { start: '13:00', end: '16:30' },
    ],
  },
  variants: [],
};

export interface CalendarSeedReport {
  schedulesCreated: number;
  holidayFilesApplied: string[];
  closuresAdded: number;
}

/**
 * Start-up seed of the calendars, idempotent:
 * - `calendars/default-schedule.yaml`: the schedule every office without one gets, in the
 *   office's own zone (existing schedules are never touched);
 * - `calendars/variants-*.yaml`: dated variants (Ramadan ...). Each file is applied once per
 *   revision: its variants are added to every existing schedule whose own variants do not overlap
 *   them; an office that gets its schedule later gets them with it. A later revision of a file
 *   already applied does not add again: it puts into force the proposals its earlier revision
 *   seeded, where nobody has decided on them since (`reviseSeededVariants`);
 * - `holidays/*.yaml` (`HolidayFile`): each file is applied once and recorded in
 *   `calendar_seeds`, so a holiday an admin deleted does not come back on the next start; a
 *   date that already has a closure in the same layer is skipped.
 */
@Injectable()
export class CalendarSeedService {
  private readonly logger = new Logger('CalendarSeed');

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly provider: DbCalendarProvider,
  ) {}

  async load(dir = this.config.seedDir): Promise<CalendarSeedReport> {
    const report: CalendarSeedReport = {
      schedulesCreated: 0,
      holidayFilesApplied: [],
      closuresAdded: 0,
    };
    const schedule = this.readDefaultSchedule(dir);
    const variantFiles = this.readVariantFiles(dir);
    const holidayDir = join(dir, 'holidays');
    const holidayFiles = existsSync(holidayDir)
      ? readdirSync(holidayDir)
          .filter((name) => /\.ya?ml$/i.test(name))
          .sort()
          .map((name) => ({ name: `holidays/${name}`, file: this.readHolidayFile(dir, name) }))
      : [];

    await this.dataSource.transaction(async (manager) => {
      if (schedule) {
        const offices = await manager.getRepository(OfficeEntity).find({ order: { code: 'ASC' } });
        for (const office of offices) {
          const variants = variantFiles.reduce(
            (list, file) => addVariants(list, file.variants).variants,
            schedule.variants,
          );
          if (await this.insertSchedule(manager, office, { week: schedule.week, variants }, null))
            report.schedulesCreated++;
        }
      }
      let variantsAdded = 0;
      for (const file of variantFiles) {
        const seeds = manager.getRepository(CalendarSeedEntity);
        if (await seeds.count({ where: { name: file.key } })) continue;
        const earlier = file.earlierKeys.length
          ? await seeds.count({ where: { name: In(file.earlierKeys) } })
          : 0;
        const changed = earlier
          ? await reviseSeededVariants(manager, this.audit, file)
          : await this.addSeededVariants(manager, file);
        variantsAdded += changed;
        await seeds.insert({ name: file.key, appliedAt: new Date() });
        const what = earlier ? 'usulan diberlakukan' : 'ditambahkan ke jadwal kantor yang ada';
        this.logger.log(`Kalender: ${file.key} diterapkan (${changed} jadwal bertanggal ${what})`);
      }
      for (const { name, file } of holidayFiles) {
        const seeds = manager.getRepository(CalendarSeedEntity);
        if (await seeds.count({ where: { name } })) continue;
        const scope = file.layer === 'national' ? NATIONAL_SCOPE : (file.region ?? '');
        const closures = closuresFromHolidayFile(file);
        const repo = manager.getRepository(CalendarClosureEntity);
        const existing = new Set(
          (await repo.find({ where: { layer: file.layer, scope, year: file.year } })).map(
            (c) => c.date,
          ),
        );
        const now = new Date();
        let added = 0;
        for (const c of closures) {
          if (existing.has(c.date)) continue;
          existing.add(c.date);
          await repo.insert({
            id: randomUUID(),
            layer: file.layer,
            scope,
            date: c.date,
            year: file.year,
            name: c.name,
            type: c.type,
            source: c.source,
            fromTime: c.from ?? null,
            toTime: c.to ?? null,
            prefilled: false,
            confirmed: c.confirmed !== false,
            createdAt: now,
            updatedAt: now,
          });
          added++;
        }
        await seeds.insert({ name, appliedAt: now });
        await this.audit.record(
          {
            actorId: null,
            action: 'calendar.closures.seeded',
            entityType: 'calendar_layer',
            entityId: `${file.layer}:${file.region ?? ''}:${file.year}`,
            after: { file: name, added },
          },
          manager,
        );
        report.holidayFilesApplied.push(name);
        report.closuresAdded += added;
      }
      if (report.schedulesCreated || report.closuresAdded || variantsAdded) {
        await bumpRevision(manager);
      }
    });
    this.provider.invalidate();
    if (report.schedulesCreated || report.holidayFilesApplied.length) {
      this.logger.log(
        `Kalender: ${report.schedulesCreated} jadwal kantor baru, ${report.closuresAdded} hari libur dari ${report.holidayFilesApplied.join(', ') || '-'}`,
      );
    }
    return report;
  }

  /**
   * Gives a new office its working schedule at once, in its own zone: the seed's default
   * schedule, else the general civil-servant schedule built in. The national (and, with a
   * region, the province's) holidays apply to it as they do to every office. Call it inside the
   * transaction that creates the office; false when the office already has a schedule.
   */
  async scheduleNewOffice(
    manager: EntityManager,
    office: { code: string; timeZone: string },
    actorId: string | null,
  ): Promise<boolean> {
    const dir = this.config.seedDir;
    const base = this.readDefaultSchedule(dir) ?? CIVIL_SERVICE_SCHEDULE;
    const variants = this.readVariantFiles(dir).reduce(
      (list, file) => addVariants(list, file.variants).variants,
      base.variants,
    );
    const created = await this.insertSchedule(manager, office, { ...base, variants }, actorId);
    if (created) await bumpRevision(manager);
    return created;
  }

  /** Adds a variant file's variants to every existing schedule that has none over their dates. */
  private async addSeededVariants(manager: EntityManager, file: VariantFile): Promise<number> {
    const repo = manager.getRepository(CalendarScheduleEntity);
    let added = 0;
    for (const row of await repo.find({ order: { officeCode: 'ASC' } })) {
      const merged = addVariants(row.variants ?? [], file.variants);
      if (!merged.added.length) continue;
      await repo.update({ officeCode: row.officeCode }, { variants: merged.variants });
      await this.audit.record(
        {
          actorId: null,
          action: 'calendar.schedule.variants_seeded',
          entityType: 'calendar',
          entityId: row.officeCode,
          before: { variants: row.variants },
          after: { file: file.key, variants: merged.variants },
        },
        manager,
      );
      added += merged.added.length;
    }
    return added;
  }

  /** Drops the cached calendars once a transaction that changed schedules has committed. */
  invalidate(): void {
    this.provider.invalidate();
  }

  private async insertSchedule(
    manager: EntityManager,
    office: { code: string; timeZone: string },
    schedule: { week: WeeklySchedule; variants: ScheduleVariant[] },
    actorId: string | null,
  ): Promise<boolean> {
    const repo = manager.getRepository(CalendarScheduleEntity);
    if (await repo.count({ where: { officeCode: office.code } })) return false;
    await repo.insert({
      officeCode: office.code,
      timeZone: office.timeZone,
      week: schedule.week,
      variants: schedule.variants,
      updatedBy: actorId,
      updatedAt: new Date(),
    });
    await this.audit.record(
      {
        actorId,
        action: 'calendar.schedule.seeded',
        entityType: 'calendar',
        entityId: office.code,
        after: { timeZone: office.timeZone, ...schedule },
      },
      manager,
    );
    return true;
  }

  private readDefaultSchedule(
    dir: string,
  ): { week: WeeklySchedule; variants: ScheduleVariant[] } | null {
    const path = join(dir, 'calendars', 'default-schedule.yaml');
    if (!existsSync(path)) {
      this.logger.warn(`Jadwal kerja bawaan tidak ada: ${path}`);
      return null;
    }
    const data = this.readYaml(path, 'calendars/default-schedule.yaml') as {
      week?: WeeklySchedule;
      variants?: ScheduleVariant[];
    };
    const schedule = { week: data?.week ?? {}, variants: data?.variants ?? [] };
    const issues = validateCalendar({ timeZone: 'Asia/Jakarta', ...schedule });
    if (issues.length) {
      throw new CalendarError(
        'calendar.seed_invalid',
        `Berkas seed calendars/default-schedule.yaml tidak valid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      );
    }
    return schedule;
  }

  /**
   * `calendars/variants-*.yaml`, by name; each holds `variants:` as in a schedule and may hold
   * `revision:` (a whole number, 1 when absent) when a later edition of the file changes what an
   * earlier one seeded.
   */
  private readVariantFiles(dir: string): VariantFile[] {
    const calendarDir = join(dir, 'calendars');
    if (!existsSync(calendarDir)) return [];
    return readdirSync(calendarDir)
      .filter((name) => /^variants-.*\.ya?ml$/i.test(name))
      .sort()
      .map((file) => {
        const name = `calendars/${file}`;
        const data = this.readYaml(join(calendarDir, file), name) as {
          variants?: unknown;
          revision?: unknown;
        };
        const variants = data?.variants;
        // The week is irrelevant here but must not be empty for the check to run.
        const issues: { path: string; message: string }[] = Array.isArray(variants)
          ? validateCalendar({
              timeZone: 'Asia/Jakarta',
              week: { mon: [{ start: '08:00', end: '09:00' }] },
              variants: variants as ScheduleVariant[],
            })
          : [{ path: 'variants', message: 'daftar jadwal bertanggal wajib ada' }];
        const revision = data?.revision ?? 1;
        if (!Number.isInteger(revision) || (revision as number) < 1 || (revision as number) > 99) {
          issues.push({ path: 'revision', message: 'revisi harus bilangan bulat 1-99' });
        }
        if (issues.length) {
          throw new CalendarError(
            'calendar.seed_invalid',
            `Berkas seed ${name} tidak valid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
          );
        }
        return {
          ...variantSeedKeys(name, revision as number),
          variants: variants as ScheduleVariant[],
        };
      });
  }

  private readHolidayFile(dir: string, name: string): HolidayFile {
    const file = this.readYaml(join(dir, 'holidays', name), `holidays/${name}`) as HolidayFile;
    try {
      closuresFromHolidayFile(file);
    } catch (error) {
      if (error instanceof SlaError) {
        throw new CalendarError(
          'calendar.seed_invalid',
          `Berkas seed holidays/${name} tidak valid: ${error.message}`,
        );
      }
      throw error;
    }
    if (file.layer === 'province' && !file.region) {
      throw new CalendarError(
        'calendar.seed_invalid',
        `Berkas seed holidays/${name}: lapisan province memerlukan region (contoh: ID-BA).`,
      );
    }
    if (file.layer === 'office') {
      throw new CalendarError(
        'calendar.seed_invalid',
        `Berkas seed holidays/${name}: lapisan office tidak didukung di berkas seed.`,
      );
    }
    return file;
  }

  private readYaml(path: string, label: string): unknown {
    try {
      return parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new CalendarError(
        'calendar.seed_invalid',
        `Berkas seed ${label} tidak dapat dibaca: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

/**
 * Adds seeded variants to a schedule's own, leaving out any whose dates overlap one it already has
 * (an office's own Ramadan hours win over the seeded ones). Sorted by start date.
 */
export function addVariants(
  current: readonly ScheduleVariant[],
  seeded: readonly ScheduleVariant[],
): { variants: ScheduleVariant[]; added: ScheduleVariant[] } {
  const variants = [...current];
  const added: ScheduleVariant[] = [];
  for (const v of seeded) {
    // Dates are checked YYYY-MM-DD, so text order is date order.
    if (variants.some((o) => v.from <= o.to && o.from <= v.to)) continue;
    variants.push(v);
    added.push(v);
  }
  variants.sort((a, b) => a.from.localeCompare(b.from));
  return { variants, added };
}
