import {
  formatClockTime,
  parseClockTime,
  parseLocalDate,
  formatLocalDate,
  daysFromCivil,
} from './civil';
import { SlaError, issue } from './errors';
import {
  CLOSURE_LAYERS,
  CLOSURE_TYPES,
  CalendarDefinition,
  Closure,
  ClosureLayer,
  SlaIssue,
  WEEKDAY_KEYS,
  WeeklySchedule,
} from './model';
import { TimeZone } from './zone';

/** Working intervals of one weekday as `[start, end)` minute pairs, sorted, merged. */
export type DayIntervals = readonly (readonly [number, number])[];

/** Index 0 = Monday ... 6 = Sunday. */
export type NormalWeek = readonly DayIntervals[];

export interface NormalVariant {
  name: string;
  fromDay: number;
  toDay: number;
  week: NormalWeek;
}

export interface NormalClosure extends Closure {
  epochDay: number;
  layer: ClosureLayer;
  /** Closed minutes of the day, `[from, to)`; `[0, 1440]` for a whole day. */
  fromMinute: number;
  toMinute: number;
}

/** A validated calendar definition in the shape the compiler reads. */
export interface NormalCalendar {
  timeZone: string;
  week: NormalWeek;
  variants: readonly NormalVariant[];
  closures: readonly NormalClosure[];
  workingDaysPerWeek: number;
  label: string | null;
  /** Hash of everything that changes a computed figure (not names or sources). */
  fingerprint: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function normaliseWeek(raw: unknown, path: string, issues: SlaIssue[]): NormalWeek {
  const week: [number, number][][] = WEEKDAY_KEYS.map(() => []);
  if (!isObject(raw)) {
    issues.push(
      issue(
        path,
        'week.type',
        'jadwal mingguan harus berupa objek',
        'the weekly schedule must be an object',
      ),
    );
    return week;
  }
  for (const key of Object.keys(raw)) {
    const dayIndex = WEEKDAY_KEYS.indexOf(key as (typeof WEEKDAY_KEYS)[number]);
    const dayPath = `${path}.${key}`;
    if (dayIndex < 0) {
      issues.push(
        issue(
          dayPath,
          'week.day_unknown',
          `hari tidak dikenal "${key}" (gunakan ${WEEKDAY_KEYS.join(', ')})`,
          `unknown weekday "${key}" (use ${WEEKDAY_KEYS.join(', ')})`,
        ),
      );
      continue;
    }
    const list = (raw as WeeklySchedule)[key as keyof WeeklySchedule];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) {
      issues.push(
        issue(
          dayPath,
          'week.day_type',
          'harus berupa daftar interval',
          'must be a list of intervals',
        ),
      );
      continue;
    }
    const parsed: [number, number, number][] = [];
    list.forEach((interval, i) => {
      const ip = `${dayPath}[${i}]`;
      if (!isObject(interval)) {
        issues.push(
          issue(
            ip,
            'interval.type',
            'interval harus berisi start dan end',
            'an interval needs start and end',
          ),
        );
        return;
      }
      const start = parseClockTime(interval['start']);
      const end = parseClockTime(interval['end']);
      if (start === null) issues.push(badTime(`${ip}.start`, interval['start']));
      if (end === null) issues.push(badTime(`${ip}.end`, interval['end']));
      if (start === null || end === null) return;
      if (start >= end) {
        issues.push(
          issue(
            ip,
            'interval.empty',
            `jam mulai ${formatClockTime(start)} harus sebelum jam selesai ${formatClockTime(end)}`,
            `start ${formatClockTime(start)} must be before end ${formatClockTime(end)}`,
          ),
        );
        return;
      }
      parsed.push([start, end, i]);
    });
    parsed.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < parsed.length; i++) {
      const [s, , idx] = parsed[i];
      const [, e, prevIdx] = parsed[i - 1];
      if (s < e) {
        issues.push(
          issue(
            `${dayPath}[${idx}]`,
            'interval.overlap',
            `interval tumpang tindih dengan ${dayPath}[${prevIdx}]`,
            `interval overlaps ${dayPath}[${prevIdx}]`,
          ),
        );
      }
    }
    week[dayIndex] = mergeIntervals(parsed.map(([s, e]) => [s, e]));
  }
  return week;
}

function badTime(path: string, value: unknown): SlaIssue {
  return issue(
    path,
    'time.invalid',
    `jam tidak valid ${JSON.stringify(value)} (format HH:MM, 00:00-24:00)`,
    `invalid time ${JSON.stringify(value)} (format HH:MM, 00:00-24:00)`,
  );
}

function badDate(path: string, value: unknown): SlaIssue {
  return issue(
    path,
    'date.invalid',
    `tanggal tidak valid ${JSON.stringify(value)} (format YYYY-MM-DD)`,
    `invalid date ${JSON.stringify(value)} (format YYYY-MM-DD)`,
  );
}

function mergeIntervals(sorted: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * Checks a calendar definition and returns it in compiled-ready form, with every problem listed
 * (not only the first). Throws `SlaError` `sla.calendar_invalid` with `issues`.
 */
export function normaliseCalendar(def: CalendarDefinition): NormalCalendar {
  const issues = validateCalendar(def);
  if (issues.length) {
    throw new SlaError(
      'sla.calendar_invalid',
      'Definisi kalender kerja tidak valid',
      'Invalid working calendar definition',
      issues,
    );
  }
  return build(def, []);
}

/** All problems of a calendar definition; empty when it is valid. */
/** Longest name of a dated schedule (the console's counter shows the same limit). */
export const VARIANT_NAME_MAX = 200;

export function validateCalendar(def: CalendarDefinition): SlaIssue[] {
  const issues: SlaIssue[] = [];
  if (!isObject(def)) {
    return [
      issue('', 'calendar.type', 'kalender harus berupa objek', 'a calendar must be an object'),
    ];
  }
  build(def, issues);
  return issues;
}

function build(def: CalendarDefinition, issues: SlaIssue[]): NormalCalendar {
  if (!TimeZone.isValid(def.timeZone)) {
    issues.push(
      issue(
        'timeZone',
        'zone.unknown',
        `zona waktu tidak dikenal ${JSON.stringify(def.timeZone)} (contoh: Asia/Jakarta)`,
        `unknown time zone ${JSON.stringify(def.timeZone)} (e.g. Asia/Jakarta)`,
      ),
    );
  }
  const year = def.year;
  if (year !== undefined && (!Number.isInteger(year) || year < 1970 || year > 2200)) {
    issues.push(
      issue(
        'year',
        'year.invalid',
        'tahun harus bilangan bulat 1970-2200',
        'year must be an integer 1970-2200',
      ),
    );
  }
  const perWeek = def.workingDaysPerWeek ?? 5;
  if (!Number.isInteger(perWeek) || perWeek < 1 || perWeek > 7) {
    issues.push(
      issue(
        'workingDaysPerWeek',
        'week.days_per_week',
        'jumlah hari kerja per minggu harus 1-7',
        'working days per week must be 1-7',
      ),
    );
  }
  const week = normaliseWeek(def.week, 'week', issues);
  if (isObject(def.week) && week.every((d) => d.length === 0)) {
    issues.push(
      issue(
        'week',
        'week.empty',
        'jadwal mingguan tidak memiliki waktu kerja sama sekali',
        'the weekly schedule has no working time at all',
      ),
    );
  }

  const variants: NormalVariant[] = [];
  const checked: NormalVariant[] = [];
  if (def.variants !== undefined && !Array.isArray(def.variants)) {
    issues.push(issue('variants', 'variants.type', 'harus berupa daftar', 'must be a list'));
  }
  (Array.isArray(def.variants) ? def.variants : []).forEach((v, i) => {
    const path = `variants[${i}]`;
    if (!isObject(v)) {
      issues.push(issue(path, 'variant.type', 'harus berupa objek', 'must be an object'));
      return;
    }
    if (!nonEmptyString(v.name)) {
      issues.push(issue(`${path}.name`, 'variant.name', 'nama wajib diisi', 'a name is required'));
    } else if (v.name.length > VARIANT_NAME_MAX) {
      issues.push(
        issue(
          `${path}.name`,
          'variant.name',
          `nama paling banyak ${VARIANT_NAME_MAX} karakter`,
          `a name has at most ${VARIANT_NAME_MAX} characters`,
        ),
      );
    }
    const fromDay = parseLocalDate(v.from);
    const toDay = parseLocalDate(v.to);
    if (fromDay === null) issues.push(badDate(`${path}.from`, v.from));
    if (toDay === null) issues.push(badDate(`${path}.to`, v.to));
    const vweek = normaliseWeek(v.week, `${path}.week`, issues);
    if (v.confirmed !== undefined && typeof v.confirmed !== 'boolean') {
      issues.push(
        issue(
          `${path}.confirmed`,
          'variant.confirmed',
          'confirmed harus true atau false',
          'confirmed must be true or false',
        ),
      );
    }
    if (v.source !== undefined && (typeof v.source !== 'string' || v.source.length > 500)) {
      issues.push(
        issue(
          `${path}.source`,
          'variant.source',
          'sumber harus berupa teks, paling banyak 500 karakter',
          'source must be text of at most 500 characters',
        ),
      );
    }
    if (fromDay === null || toDay === null) return;
    if (fromDay > toDay) {
      issues.push(
        issue(
          path,
          'variant.range',
          `tanggal "from" (${v.from}) setelah "to" (${v.to})`,
          `"from" (${v.from}) is after "to" (${v.to})`,
        ),
      );
      return;
    }
    checked.forEach((other, j) => {
      if (fromDay <= other.toDay && other.fromDay <= toDay) {
        issues.push(
          issue(
            path,
            'variant.overlap',
            `rentang tanggal tumpang tindih dengan variants[${j}] ("${other.name}")`,
            `date range overlaps variants[${j}] ("${other.name}")`,
          ),
        );
      }
    });
    checked.push({ name: String(v.name ?? ''), fromDay, toDay, week: vweek });
    // A proposed (unconfirmed) variant is checked, overlaps included, but does not apply.
    if (v.confirmed !== false) variants.push(checked[checked.length - 1]);
  });

  const closures: NormalClosure[] = [];
  if (def.closures !== undefined && !Array.isArray(def.closures)) {
    issues.push(issue('closures', 'closures.type', 'harus berupa daftar', 'must be a list'));
  }
  (Array.isArray(def.closures) ? def.closures : []).forEach((c, i) => {
    const path = `closures[${i}]`;
    if (!isObject(c)) {
      issues.push(issue(path, 'closure.type', 'harus berupa objek', 'must be an object'));
      return;
    }
    const normal = normaliseClosure(c, path, issues);
    if (!normal) return;
    if (
      year !== undefined &&
      Number.isInteger(year) &&
      (normal.epochDay < daysFromCivil(year, 1, 1) || normal.epochDay > daysFromCivil(year, 12, 31))
    ) {
      issues.push(
        issue(
          `${path}.date`,
          'closure.outside_year',
          `tanggal ${c.date} di luar tahun kalender ${year}`,
          `date ${c.date} is outside the calendar year ${year}`,
        ),
      );
      return;
    }
    // An unconfirmed closure is checked like any other but does not enter the arithmetic (nor
    // the fingerprint, so confirming it changes the calendar's version).
    if (normal.confirmed !== false) closures.push(normal);
  });

  return {
    timeZone: def.timeZone,
    week,
    variants,
    closures,
    workingDaysPerWeek: perWeek,
    label: typeof def.label === 'string' ? def.label : null,
    fingerprint: fingerprint(def.timeZone, perWeek, week, variants, closures),
  };
}

/** Checks one closure; pushes issues and returns null when it is not usable. */
export function normaliseClosure(
  c: Closure,
  path: string,
  issues: SlaIssue[],
): NormalClosure | null {
  const before = issues.length;
  const epochDay = parseLocalDate(c.date);
  if (epochDay === null) issues.push(badDate(`${path}.date`, c.date));
  if (!nonEmptyString(c.name)) {
    issues.push(
      issue(`${path}.name`, 'closure.name', 'nama libur wajib diisi', 'a name is required'),
    );
  }
  if (!CLOSURE_TYPES.includes(c.type)) {
    issues.push(
      issue(
        `${path}.type`,
        'closure.type_unknown',
        `jenis tidak dikenal ${JSON.stringify(c.type)} (gunakan ${CLOSURE_TYPES.join(', ')})`,
        `unknown type ${JSON.stringify(c.type)} (use ${CLOSURE_TYPES.join(', ')})`,
      ),
    );
  }
  if (!nonEmptyString(c.source)) {
    issues.push(
      issue(
        `${path}.source`,
        'closure.source',
        'sumber (nomor keputusan atau catatan) wajib diisi',
        'a source (decree number or note) is required',
      ),
    );
  }
  const layer = c.layer ?? 'office';
  if (!CLOSURE_LAYERS.includes(layer)) {
    issues.push(
      issue(
        `${path}.layer`,
        'closure.layer_unknown',
        `lapisan tidak dikenal ${JSON.stringify(c.layer)} (gunakan ${CLOSURE_LAYERS.join(', ')})`,
        `unknown layer ${JSON.stringify(c.layer)} (use ${CLOSURE_LAYERS.join(', ')})`,
      ),
    );
  }
  if (c.confirmed !== undefined && typeof c.confirmed !== 'boolean') {
    issues.push(
      issue(
        `${path}.confirmed`,
        'closure.confirmed',
        'confirmed harus true atau false',
        'confirmed must be true or false',
      ),
    );
  }
  let fromMinute = 0;
  let toMinute = 1440;
  if (c.from !== undefined || c.to !== undefined) {
    const f = parseClockTime(c.from);
    const t = parseClockTime(c.to);
    if (f === null) issues.push(badTime(`${path}.from`, c.from));
    if (t === null) issues.push(badTime(`${path}.to`, c.to));
    if (f !== null && t !== null) {
      if (f >= t) {
        issues.push(
          issue(
            path,
            'closure.range',
            `jam "from" (${c.from}) harus sebelum "to" (${c.to})`,
            `"from" (${c.from}) must be before "to" (${c.to})`,
          ),
        );
      }
      fromMinute = f;
      toMinute = t;
    }
  }
  if (issues.length > before || epochDay === null) return null;
  return { ...c, layer, epochDay, fromMinute, toMinute };
}

/** Tags closures with the layer they come from: national (SKB) -> province -> office. */
export function layerClosures(layers: {
  national?: readonly Closure[];
  province?: readonly Closure[];
  office?: readonly Closure[];
}): Closure[] {
  const out: Closure[] = [];
  for (const layer of CLOSURE_LAYERS) {
    for (const c of layers[layer] ?? []) out.push({ ...c, layer });
  }
  return out;
}

function fingerprint(
  zone: string,
  perWeek: number,
  week: NormalWeek,
  variants: readonly NormalVariant[],
  closures: readonly NormalClosure[],
): string {
  const weekText = (w: NormalWeek) =>
    w.map((d) => d.map(([s, e]) => `${s}-${e}`).join(',')).join('|');
  const parts = [
    zone,
    String(perWeek),
    weekText(week),
    ...variants.map((v) => `v:${v.fromDay}:${v.toDay}:${weekText(v.week)}`).sort(),
    ...closures.map((c) => `c:${formatLocalDate(c.epochDay)}:${c.fromMinute}-${c.toMinute}`).sort(),
  ];
  return hash(parts.join('\n'));
}

/** Two 32-bit FNV-1a passes with different offsets, as 16 hex digits. */
function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    a = Math.imul(a ^ ch, 0x01000193);
    b = Math.imul(b ^ ch, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
