/**
 * Components a standard leaves out but its steps give (an SOP has no Persyaratan, product, total
 * time or cost): read from the steps and marked `derived`, so they are shown as
 * "dihitung dari langkah" and never as published text.
 */
import { formatDuration, readDuration } from '../duration/duration';
import {
  CIVIL_SERVICE_WORKING_DAY_MINUTES,
  type Duration,
  type DurationUnit,
  type ServiceStandard,
  type Step,
} from '../model';

export interface DeriveOptions {
  /**
   * The office's working day, in minutes (its weekly working time over its working days); the
   * civil-service 7.5 hours when not given.
   */
  workingDayMinutes?: number;
}

/** A cost that says nothing is paid ("Gratis", "Rp 0,-", "tidak dipungut biaya"). */
export const FREE_RE =
  /gratis|cuma-cuma|tidak dipungut|tidak dikenakan|tidak ada (?:biaya|pungutan|tarif)|tanpa (?:biaya|pungutan|dipungut)|tidak berbayar|bebas biaya|nihil|nol rupiah|\brp\.?\s*0*\s*,?-|\brp\.?\s*0\b|\bfree\b/i;

/** Splits "Surat Permohonan dan Dokumen Proses Bisnis" into its documents. */
function documentsOf(text: string): string[] {
  return text
    .split(/\s*,\s*|\s+dan\s+/i)
    .map((t) => t.trim())
    .filter(Boolean);
}

/** The sum of the steps' times, or why there is none. */
export type StepTimeSum =
  | { ok: true; text: string; duration: Duration; note: string | null }
  | { ok: false; reason: string };

function hoursText(minutes: number): string {
  return String(minutes / 60).replace('.', ',');
}

function written(d: Duration): string {
  return formatDuration({ ...d, startsWhen: null });
}

/**
 * The sum of the steps' times (null when no step has one).
 *
 * - One unit and basis throughout ("7 Hari" four times and "2 Hari"): added as they are.
 * - Working time in mixed units (menit, jam, hari kerja, minggu kerja): added in minutes, a
 *   working day counting `workingDayMinutes` (the office's day), and written in the largest unit
 *   that says the sum exactly; the reading note gives the day length used.
 * - Calendar time in mixed units (hari kalender and minggu): added in calendar days.
 * - No sum, with the reason: working time beside calendar time (how long the calendar days last in
 *   working time depends on the start), months beside other units (a month has no fixed length),
 *   and an unreadable step time.
 */
export function sumOfStepTimes(
  times: readonly (string | null)[],
  workingDayMinutes: number = CIVIL_SERVICE_WORKING_DAY_MINUTES,
): StepTimeSum | null {
  const parts: { text: string; d: Duration }[] = [];
  for (const time of times) {
    if (!time) continue;
    const d = readDuration(time);
    if (!d.ok) return { ok: false, reason: `waktu langkah "${time}" tidak terbaca` };
    parts.push({ text: time.trim(), d: d.value });
  }
  if (parts.length === 0) return null;
  const first = parts[0].d;
  const add = (unit: DurationUnit, basis: Duration['basis'], size: (d: Duration) => number) => {
    const min = parts.reduce((sum, p) => sum + p.d.min * size(p.d), 0);
    const max = parts.reduce((sum, p) => sum + p.d.max * size(p.d), 0);
    return { min, max, unit, basis, startsWhen: null } satisfies Duration;
  };
  if (parts.every((p) => p.d.unit === first.unit && p.d.basis === first.basis)) {
    const duration = add(first.unit, first.basis, () => 1);
    return { ok: true, text: written(duration), duration, note: null };
  }

  const working = parts.filter((p) => p.d.basis === 'working' && p.d.unit !== 'month');
  const calendar = parts.filter((p) => !working.includes(p));
  const list = (ps: typeof parts) => ps.map((p) => `"${p.text}"`).join(', ');
  if (parts.some((p) => p.d.unit === 'month')) {
    return {
      ok: false,
      reason: `bulan (${list(parts.filter((p) => p.d.unit === 'month'))}) tidak dapat dijumlahkan dengan satuan lain, karena panjang bulan berbeda-beda`,
    };
  }
  if (working.length > 0 && calendar.length > 0) {
    return {
      ok: false,
      reason: `waktu kerja (${list(working)}) dan waktu kalender (${list(calendar)}) tidak dapat dijumlahkan: berapa hari kerja yang dilewati hari kalender bergantung pada tanggal mulai`,
    };
  }
  if (calendar.length > 0) {
    // Calendar days, weeks, hours and minutes: a day is 24 hours, a week 7 days.
    const minutesOf: Record<DurationUnit, number> = {
      minute: 1,
      hour: 60,
      day: 1440,
      week: 7 * 1440,
      month: 0,
    };
    const inMinutes = add('minute', 'calendar', (d) => minutesOf[d.unit]);
    const duration = largestExact(inMinutes, 'calendar', 1440);
    return {
      ok: true,
      text: written(duration),
      duration,
      note: `waktu kalender dalam satuan berbeda (${list(parts)}) dijumlahkan: ${written(duration)}`,
    };
  }
  const day = workingDayMinutes;
  const minutesOf: Record<DurationUnit, number> = {
    minute: 1,
    hour: 60,
    day,
    week: 5 * day,
    month: 0,
  };
  const onlyDays = parts.every((p) => p.d.unit === 'day' || p.d.unit === 'week');
  const inMinutes = add('minute', 'working', (d) => minutesOf[d.unit]);
  const duration = onlyDays
    ? add('day', 'working', (d) => (d.unit === 'week' ? 5 : 1))
    : largestExact(inMinutes, 'working', day);
  const dayNote = onlyDays
    ? '1 minggu kerja = 5 hari kerja'
    : `1 hari kerja = ${hoursText(day)} jam kerja kantor`;
  const spelled =
    onlyDays || duration.unit === 'day'
      ? ''
      : ` (${[inMinutes.min, inMinutes.max]
          .filter((m, i) => i === 0 || m !== inMinutes.min)
          .map((m) => inDaysAndHours(m, day))
          .join(' s.d. ')})`;
  return {
    ok: true,
    text: written(duration),
    duration,
    note: `waktu kerja dalam satuan berbeda (${list(parts)}) dijumlahkan dengan ${dayNote}: ${written(duration)}${spelled}`,
  };
}

/** "2 hari kerja 2 jam 30 menit": working minutes in days of `day` minutes, hours and minutes. */
function inDaysAndHours(minutes: number, day: number): string {
  const days = Math.floor(minutes / day);
  const hours = Math.floor((minutes - days * day) / 60);
  const rest = minutes - days * day - hours * 60;
  const words = [
    days ? `${days} hari kerja` : '',
    hours ? `${hours} jam` : '',
    rest ? `${rest} menit` : '',
  ].filter(Boolean);
  return words.join(' ') || '0 menit';
}

/**
 * A sum in minutes written in the largest unit that says it exactly: whole days of `dayMinutes`,
 * else hours in halves ("24,5 jam"), else minutes.
 */
function largestExact(d: Duration, basis: Duration['basis'], dayMinutes: number): Duration {
  const fits = (size: number) => d.min % size === 0 && d.max % size === 0;
  if (fits(dayMinutes))
    return { ...d, min: d.min / dayMinutes, max: d.max / dayMinutes, unit: 'day', basis };
  if (fits(30)) return { ...d, min: d.min / 60, max: d.max / 60, unit: 'hour', basis };
  return { ...d, basis };
}

/** What a step's published cost comes to: rupiah (0 when free), or null when unreadable. */
export function rupiahOf(text: string): number | null {
  const t = text.trim().replace(/\s+/g, ' ');
  // "Rp 50.000", "Rp. 50.000,-", "Rp50.000,00", "50.000 rupiah"
  const m =
    /^rp\.?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(?:-|0{1,2}-?))?\s*-?$/i.exec(t) ??
    /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(?:-|0{1,2}))?\s*rupiah$/i.exec(t);
  if (m) return Number(m[1].replace(/\./g, ''));
  if (FREE_RE.test(t) && !/\d*[1-9]/.test(t.replace(/\brp\.?\s*0+\b/gi, ''))) return 0;
  return null;
}

function rupiahText(amount: number): string {
  return `Rp ${amount.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}

/** The total cost from the steps' published costs, or why there is none. */
export type StepCostSum =
  { ok: true; cost: ServiceStandard['cost']; note: string } | { ok: false; reason: string };

/**
 * The total cost of a standard that publishes none, from its steps' costs: free when every step
 * says so ("Rp 0", "Gratis", "tidak dipungut biaya"), the sum when every step gives an amount.
 * Null when no step gives a cost; no total (with the reason) when a step gives none or one that
 * cannot be read, since a careful reader does not take a blank for "free".
 */
export function sumOfStepCosts(steps: readonly Pick<Step, 'order' | 'cost'>[]): StepCostSum | null {
  const given = steps.filter((s) => s.cost?.trim());
  if (given.length === 0) return null;
  const missing = steps.filter((s) => !s.cost?.trim()).map((s) => s.order);
  if (missing.length > 0) {
    return {
      ok: false,
      reason: `langkah ${missing.join(', ')} tidak menyebut biaya, jadi jumlahnya tidak diketahui`,
    };
  }
  let total = 0;
  for (const s of given) {
    const amount = rupiahOf(s.cost ?? '');
    if (amount === null) {
      return {
        ok: false,
        reason: `biaya langkah ${s.order} ("${s.cost?.trim()}") bukan jumlah rupiah yang terbaca`,
      };
    }
    total += amount;
  }
  if (total === 0) {
    return {
      ok: true,
      cost: { text: 'Gratis (Rp 0)', free: true },
      note: 'setiap langkah tidak dipungut biaya',
    };
  }
  return {
    ok: true,
    cost: { text: rupiahText(total), free: false },
    note: `jumlah biaya ${given.length} langkah: ${given.map((s) => s.cost?.trim()).join(' + ')}`,
  };
}

/**
 * Fills, on a draft, the requirements from step 1's output, the product from the last step's
 * output, the total time from the sum of the step times and the cost from the steps' costs, each
 * only when the text has none; every value so filled is listed in `derived` and explained in the
 * reading notes. Where the steps do not give enough, nothing is filled and a warning says why.
 * Follow-up steps (after go-live) are left out of the time and the cost.
 */
export function deriveFromSteps(
  draft: ServiceStandard,
  warnings: string[],
  options: DeriveOptions = {},
): void {
  const notes = (draft.readingNotes ??= []);
  const derived: NonNullable<ServiceStandard['derived']> = [];
  const first = draft.steps[0];
  const last = draft.steps[draft.steps.length - 1];
  const counted = draft.steps.filter((s) => !s.followUp);
  if (!draft.requirements.length && first?.output) {
    draft.requirements = documentsOf(first.output).map((text, i) => ({ code: `r${i + 1}`, text }));
    derived.push('requirements');
    notes.push(
      'Persyaratan tidak diterbitkan: dibaca dari output langkah 1 (dihitung dari langkah).',
    );
  }
  if (!draft.products.length && last?.output) {
    draft.products = [last.output];
    derived.push('products');
    notes.push(
      `Produk tidak diterbitkan: dibaca dari output langkah ${last.order} (dihitung dari langkah).`,
    );
  }
  if (!draft.serviceTime.text.trim()) {
    const total = sumOfStepTimes(
      counted.map((s) => s.time),
      options.workingDayMinutes,
    );
    if (total?.ok) {
      draft.serviceTime = { ...draft.serviceTime, text: total.text };
      derived.push('serviceTime');
      notes.push(
        `Waktu total tidak diterbitkan: jumlah waktu langkah, ${total.text} (dihitung dari langkah${total.note ? `; ${total.note}` : ''}).`,
      );
    } else if (total) {
      warnings.push(
        `Waktu total tidak diterbitkan dan tidak dapat dihitung dari langkah: ${total.reason}. Isi sendiri.`,
      );
    }
  }
  if (!draft.cost.text.trim()) {
    const cost = sumOfStepCosts(counted);
    if (cost?.ok) {
      draft.cost = cost.cost;
      derived.push('cost');
      notes.push(
        `Biaya tidak diterbitkan: ${cost.cost.text}, ${cost.note} (dihitung dari langkah).`,
      );
    } else if (cost) {
      warnings.push(
        `Biaya tidak diterbitkan dan tidak dapat dihitung dari langkah: ${cost.reason}. Isi sendiri.`,
      );
    }
  }
  if (derived.length) draft.derived = derived;
}

/** A value marked derived that the standard's current steps no longer give. */
export interface RederiveProblem {
  field: 'cost' | 'serviceTime';
  message: string;
}

/**
 * Computes again, from the steps as they are now, the values a standard marks as derived (its
 * total time and its cost; `fields` narrows them), so that editing a step's time or cost keeps
 * them true. Values that
 * were published or typed (not in `derived`) are left as they are. The reading notes that
 * explained the old values are replaced. Where the steps no longer give a value, the old one is
 * not kept (that would be invented): a problem names the field, and the caller asks for a value.
 */
export function rederive(
  standard: ServiceStandard,
  options: DeriveOptions & { fields?: readonly RederiveProblem['field'][] } = {},
): { standard: ServiceStandard; problems: RederiveProblem[] } {
  const fields = options.fields ?? ['cost', 'serviceTime'];
  const derived = (standard.derived ?? []).filter(
    (f): f is RederiveProblem['field'] =>
      f !== 'products' && f !== 'requirements' && fields.includes(f),
  );
  if (!derived.includes('cost') && !derived.includes('serviceTime')) {
    return { standard, problems: [] };
  }
  const next: ServiceStandard = { ...standard, readingNotes: [...(standard.readingNotes ?? [])] };
  const notes = next.readingNotes!;
  const problems: RederiveProblem[] = [];
  const counted = standard.steps.filter((s) => !s.followUp);
  const replaceNote = (prefix: string, note: string) => {
    const at = notes.findIndex((n) => n.startsWith(prefix));
    if (at >= 0) notes[at] = note;
    else notes.push(note);
  };
  if (derived.includes('serviceTime')) {
    const total = sumOfStepTimes(
      counted.map((s) => s.time),
      options.workingDayMinutes,
    );
    if (total?.ok) {
      next.serviceTime = { ...standard.serviceTime, text: total.text };
      replaceNote(
        'Waktu total tidak diterbitkan',
        `Waktu total tidak diterbitkan: jumlah waktu langkah, ${total.text} (dihitung dari langkah${total.note ? `; ${total.note}` : ''}).`,
      );
    } else {
      problems.push({
        field: 'serviceTime',
        message: `waktu total dihitung dari langkah, tetapi ${total ? total.reason : 'tidak ada langkah yang menyebut waktu'}; isi waktu pelayanan sendiri`,
      });
    }
  }
  if (derived.includes('cost')) {
    const cost = sumOfStepCosts(counted);
    if (cost?.ok) {
      next.cost = cost.cost;
      replaceNote(
        'Biaya tidak diterbitkan',
        `Biaya tidak diterbitkan: ${cost.cost.text}, ${cost.note} (dihitung dari langkah).`,
      );
    } else {
      problems.push({
        field: 'cost',
        message: `biaya dihitung dari langkah, tetapi ${cost ? cost.reason : 'tidak ada langkah yang menyebut biaya'}; isi biaya layanan sendiri`,
      });
    }
  }
  return { standard: next, problems };
}
