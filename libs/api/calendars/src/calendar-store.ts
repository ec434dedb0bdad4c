import type { CalendarClosure } from '@sigap/contracts';
import type { CalendarDefinition, Closure } from '@sigap/sla';
import { Brackets, EntityManager } from 'typeorm';
import { OfficeEntity } from '@sigap/api-offices';
import {
  CalendarClosureEntity,
  CalendarRevisionEntity,
  CalendarScheduleEntity,
  NATIONAL_SCOPE,
} from './calendar.entities';
import { CalendarError } from './calendar-error';

/** What an office's calendar is made of, read in one go. */
export interface OfficeCalendarData {
  office: OfficeEntity;
  schedule: CalendarScheduleEntity;
  /** National, then province (the office's region), then office closures; by date. */
  closures: CalendarClosureEntity[];
}

/** Reads the office, its schedule and the closures of its three layers (optionally one year). */
export async function loadOfficeCalendar(
  manager: EntityManager,
  officeCode: string,
  year?: number,
): Promise<OfficeCalendarData> {
  const office = await manager.getRepository(OfficeEntity).findOne({ where: { code: officeCode } });
  if (!office) throw CalendarError.officeNotFound(officeCode);
  const schedule = await manager
    .getRepository(CalendarScheduleEntity)
    .findOne({ where: { officeCode } });
  if (!schedule) {
    throw new CalendarError(
      'calendar.not_configured',
      `Kantor "${officeCode}" belum memiliki jadwal kerja; admin perlu mengisinya dahulu.`,
    );
  }
  const query = manager
    .getRepository(CalendarClosureEntity)
    .createQueryBuilder('c')
    .where(
      new Brackets((w) => {
        w.where('(c.layer = :national AND c.scope = :star)', {
          national: 'national',
          star: NATIONAL_SCOPE,
        }).orWhere('(c.layer = :officeLayer AND c.scope = :office)', {
          officeLayer: 'office',
          office: officeCode,
        });
        if (office.region) {
          w.orWhere('(c.layer = :province AND c.scope = :region)', {
            province: 'province',
            region: office.region,
          });
        }
      }),
    );
  if (year !== undefined) query.andWhere('c.year = :year', { year });
  const closures = await query.getMany();
  return { office, schedule, closures: sortClosures(closures) };
}

const LAYER_ORDER = { national: 0, province: 1, office: 2 } as const;

export function sortClosures<T extends CalendarClosureEntity>(closures: T[]): T[] {
  return closures.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      LAYER_ORDER[a.layer] - LAYER_ORDER[b.layer] ||
      (a.fromTime ?? '').localeCompare(b.fromTime ?? '') ||
      a.id.localeCompare(b.id),
  );
}

/** The definition `@sigap/sla` compiles. */
export function toDefinition(data: OfficeCalendarData): CalendarDefinition {
  return {
    timeZone: data.schedule.timeZone,
    week: data.schedule.week,
    variants: data.schedule.variants,
    closures: data.closures.map(toSlaClosure),
    label: `${data.office.name}`,
  };
}

export function toSlaClosure(c: CalendarClosureEntity): Closure {
  return {
    date: c.date,
    name: c.name,
    type: c.type,
    source: c.source,
    layer: c.layer,
    ...(c.fromTime !== null ? { from: c.fromTime } : {}),
    ...(c.toTime !== null ? { to: c.toTime } : {}),
    ...(c.prefilled ? { prefilled: true } : {}),
    ...(c.confirmed ? {} : { confirmed: false }),
  };
}

export function toClosureView(c: CalendarClosureEntity): CalendarClosure {
  return {
    id: c.id,
    layer: c.layer,
    scope: c.scope === NATIONAL_SCOPE ? null : c.scope,
    date: c.date,
    name: c.name,
    type: c.type,
    source: c.source,
    from: c.fromTime,
    to: c.toTime,
    prefilled: c.prefilled,
    confirmed: c.confirmed,
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** Bumps the revision counter; call inside the edit's transaction (it also serialises edits). */
export async function bumpRevision(manager: EntityManager): Promise<void> {
  await manager
    .createQueryBuilder()
    .update(CalendarRevisionEntity)
    .set({ revision: () => 'revision + 1' })
    .where('id = 1')
    .execute();
}

export async function readRevision(manager: EntityManager): Promise<number> {
  const row = await manager.getRepository(CalendarRevisionEntity).findOne({ where: { id: 1 } });
  return row?.revision ?? 0;
}
