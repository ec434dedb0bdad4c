import type { ScheduleVariant, WeeklySchedule } from '@sigap/sla';
import { In, IsNull, Not, type EntityManager } from 'typeorm';
import { AuditEntryEntity, type AuditService } from '@sigap/api-audit';
import { CalendarScheduleEntity } from './calendar.entities';

/** A `calendars/variants-*.yaml` file as read, with the `calendar_seeds` names of its revisions. */
export interface VariantFile {
  /** `calendars/variants-2026.yaml`. */
  name: string;
  revision: number;
  /** Recorded in `calendar_seeds` once applied: the name for revision 1, `name#rN` after. */
  key: string;
  /** The keys of the file's earlier revisions. */
  earlierKeys: string[];
  variants: ScheduleVariant[];
}

export function variantSeedKeys(
  name: string,
  revision: number,
): Pick<VariantFile, 'name' | 'revision' | 'key' | 'earlierKeys'> {
  const keyOf = (r: number) => (r === 1 ? name : `${name}#r${r}`);
  return {
    name,
    revision,
    key: keyOf(revision),
    earlierKeys: Array.from({ length: revision - 1 }, (_, i) => keyOf(i + 1)),
  };
}

/** What a person does to an office's dated schedules; the seed's own entries are not decisions. */
const DECISIONS = [
  'calendar.schedule.updated',
  'calendar.variant.confirmed',
  'calendar.variant.unconfirmed',
];

/**
 * Applies a later revision of a variant file to an installation that already has an earlier one.
 * Nothing is added (an office that removed the seeded variant, or kept its own hours over those
 * dates, keeps its choice). A seeded variant whose name, dates and hours are those of the
 * revision takes the revision's state (`confirmed`) and source, but only where it is in the
 * other state and nobody has confirmed, withdrawn or changed it since (read from the audit log):
 * a person's decision is never overridden. Returns how many variants changed.
 */
export async function reviseSeededVariants(
  manager: EntityManager,
  audit: AuditService,
  file: VariantFile,
): Promise<number> {
  const repo = manager.getRepository(CalendarScheduleEntity);
  let changed = 0;
  for (const row of await repo.find({ order: { officeCode: 'ASC' } })) {
    const current = row.variants ?? [];
    let history: AuditEntryEntity[] | null = null;
    const next = [...current];
    for (const seeded of file.variants) {
      const index = current.findIndex(
        (v) =>
          v.from === seeded.from &&
          v.to === seeded.to &&
          v.name === seeded.name &&
          weekKey(v.week) === weekKey(seeded.week) &&
          inForce(v) !== inForce(seeded),
      );
      if (index < 0) continue;
      history ??= await manager.getRepository(AuditEntryEntity).find({
        where: {
          entityType: 'calendar',
          entityId: row.officeCode,
          actorId: Not(IsNull()),
          action: In(DECISIONS),
        },
      });
      if (history.some((entry) => decidedOn(entry, seeded.from))) continue;
      next[index] = { ...seeded };
    }
    const revised = next.filter((v, i) => v !== current[i]).length;
    if (!revised) continue;
    await repo.update({ officeCode: row.officeCode }, { variants: next });
    await audit.record(
      {
        actorId: null,
        action: 'calendar.schedule.variants_revised',
        entityType: 'calendar',
        entityId: row.officeCode,
        before: { variants: current },
        after: { file: file.key, variants: next },
      },
      manager,
    );
    changed += revised;
  }
  return changed;
}

/** True when the entry shows the variant starting on `from` other after than before. */
function decidedOn(entry: AuditEntryEntity, from: string): boolean {
  const at = (json: string | null): string => {
    let value: { variant?: ScheduleVariant; variants?: ScheduleVariant[] } | null = null;
    try {
      value = json ? JSON.parse(json) : null;
    } catch {
      return 'unreadable';
    }
    const variant =
      value?.variant?.from === from
        ? value.variant
        : Array.isArray(value?.variants)
          ? value.variants.find((v) => v?.from === from)
          : undefined;
    return variant ? variantKey(variant) : '';
  };
  return at(entry.before) !== at(entry.after);
}

function inForce(v: ScheduleVariant): boolean {
  return v.confirmed !== false;
}

function variantKey(v: ScheduleVariant): string {
  return [v.name, v.from, v.to, inForce(v), v.source ?? '', weekKey(v.week)].join('|');
}

/** The hours of a week in a fixed day order, whatever order its keys were stored in. */
function weekKey(week: WeeklySchedule | undefined): string {
  const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
  return days.map((d) => (week?.[d] ?? []).map((i) => `${i.start}-${i.end}`).join(',')).join(';');
}
