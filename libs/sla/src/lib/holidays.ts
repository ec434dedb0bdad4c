import { normaliseClosure } from './calendar';
import { SlaError, issue } from './errors';
import { CLOSURE_LAYERS, Closure, ClosureLayer, ClosureType, SlaIssue } from './model';

/**
 * The shape of a holiday seed file (`tools/seed/holidays/id-2026.yaml`) once parsed from YAML
 * by the caller: one year of closures of one layer, with a default source.
 */
export interface HolidayFile {
  year: number;
  layer: ClosureLayer;
  /** ISO 3166-2 region for a province layer (ID-BA ...); absent for the national layer. */
  region?: string;
  /** Default source of every entry (the decree). */
  source: string;
  /**
   * Default of every entry: `false` when the dates are not yet checked against a published decree
   * (they are stored and shown, but close nothing until an admin confirms them). Defaults to true.
   */
  confirmed?: boolean;
  closures: HolidayFileEntry[];
}

export interface HolidayFileEntry {
  date: string;
  name: string;
  type: ClosureType;
  /** Overrides the file's source. */
  source?: string;
  from?: string;
  to?: string;
  /** Overrides the file's `confirmed`. */
  confirmed?: boolean;
}

/**
 * Checks a parsed holiday file and returns its closures (layer and source filled in). Throws
 * `SlaError` `sla.holiday_file_invalid` listing every problem with its path.
 */
export function closuresFromHolidayFile(file: HolidayFile): Closure[] {
  const issues: SlaIssue[] = [];
  if (typeof file !== 'object' || file === null) {
    throw new SlaError(
      'sla.holiday_file_invalid',
      'Berkas libur tidak valid',
      'Invalid holiday file',
      [issue('', 'file.type', 'isi berkas harus berupa objek', 'the file must hold an object')],
    );
  }
  if (!Number.isInteger(file.year)) {
    issues.push(
      issue('year', 'year.invalid', 'tahun wajib berupa bilangan bulat', 'year must be an integer'),
    );
  }
  if (!CLOSURE_LAYERS.includes(file.layer)) {
    issues.push(
      issue(
        'layer',
        'layer.unknown',
        `lapisan tidak dikenal ${JSON.stringify(file.layer)} (gunakan ${CLOSURE_LAYERS.join(', ')})`,
        `unknown layer ${JSON.stringify(file.layer)} (use ${CLOSURE_LAYERS.join(', ')})`,
      ),
    );
  }
  if (file.confirmed !== undefined && typeof file.confirmed !== 'boolean') {
    issues.push(
      issue(
        'confirmed',
        'confirmed.type',
        'confirmed harus true atau false',
        'confirmed must be true or false',
      ),
    );
  }
  if (!Array.isArray(file.closures)) {
    issues.push(
      issue(
        'closures',
        'closures.type',
        'daftar libur wajib ada',
        'a list of closures is required',
      ),
    );
  }
  const out: Closure[] = [];
  (Array.isArray(file.closures) ? file.closures : []).forEach((entry, i) => {
    const path = `closures[${i}]`;
    const confirmed = entry?.confirmed ?? file.confirmed;
    const closure: Closure = {
      date: entry?.date,
      name: entry?.name,
      type: entry?.type,
      source: entry?.source ?? file.source,
      layer: file.layer,
      ...(entry?.from !== undefined ? { from: entry.from } : {}),
      ...(entry?.to !== undefined ? { to: entry.to } : {}),
      // Only a departure from the default is carried; a non-boolean is reported by the check.
      ...(confirmed !== undefined && confirmed !== true ? { confirmed } : {}),
    };
    const normal = normaliseClosure(closure, path, issues);
    if (!normal) return;
    if (Number.isInteger(file.year) && !String(entry.date).startsWith(`${file.year}-`)) {
      issues.push(
        issue(
          `${path}.date`,
          'closure.outside_year',
          `tanggal ${entry.date} di luar tahun ${file.year}`,
          `date ${entry.date} is outside the year ${file.year}`,
        ),
      );
      return;
    }
    out.push(closure);
  });
  if (issues.length) {
    throw new SlaError(
      'sla.holiday_file_invalid',
      'Berkas libur tidak valid',
      'Invalid holiday file',
      issues,
    );
  }
  return out;
}

/** One holiday as the `date-holidays` package lists it (`hd.getHolidays(year)`), as plain data. */
export interface DateHolidaysEntry {
  /** `2026-03-20 00:00:00 -0600` or `2026-01-01 00:00:00`: the first ten characters are the day. */
  date: string;
  name: string;
  /** `public`, `bank`, `school`, `optional` or `observance`. */
  type: string;
}

/**
 * Turns a `date-holidays` list into closures marked `prefilled: true`, to be checked by an admin
 * against the SKB (the package has no cuti bersama, no provinces, and some Islamic dates a day
 * off). Only `public` holidays are taken; the same date twice is kept once.
 */
export function closuresFromDateHolidays(
  entries: readonly DateHolidaysEntry[],
  options: { layer?: ClosureLayer; type?: ClosureType; source?: string } = {},
): Closure[] {
  const seen = new Set<string>();
  const out: Closure[] = [];
  for (const entry of entries) {
    if (entry.type !== 'public') continue;
    const date = String(entry.date).slice(0, 10);
    if (seen.has(date)) continue;
    seen.add(date);
    out.push({
      date,
      name: entry.name,
      type: options.type ?? 'libur-nasional',
      source: options.source ?? 'date-holidays (ID), diisi otomatis, perlu diperiksa terhadap SKB',
      layer: options.layer ?? 'national',
      prefilled: true,
    });
  }
  return out;
}
