/**
 * Components a standard leaves out but its steps give (an SOP has no Persyaratan, product or
 * total time): read from the steps and marked `derived`, so they are shown as
 * "dihitung dari langkah" and never as published text.
 */
import { readDuration } from '../duration/duration';
import type { DurationUnit, ServiceStandard } from '../model';

const UNIT_WORDS: Record<DurationUnit, string> = {
  minute: 'menit',
  hour: 'jam',
  day: 'hari',
  week: 'minggu',
  month: 'bulan',
};

/** Splits "Surat Permohonan dan Dokumen Proses Bisnis" into its documents. */
function documentsOf(text: string): string[] {
  return text
    .split(/\s*,\s*|\s+dan\s+/i)
    .map((t) => t.trim())
    .filter(Boolean);
}

/**
 * The sum of the steps' times when every step with a time uses the same unit and basis ("7 Hari"
 * four times and "2 Hari": "30 hari kerja"); null when a step's time is unreadable or the units
 * differ (hours beside days cannot be added without the office's working day).
 */
export function sumOfStepTimes(times: readonly (string | null)[]): string | null {
  let min = 0;
  let max = 0;
  let unit: DurationUnit | null = null;
  let basis: string | null = null;
  let any = false;
  for (const time of times) {
    if (!time) continue;
    const d = readDuration(time);
    if (!d.ok) return null;
    if ((unit && d.value.unit !== unit) || (basis && d.value.basis !== basis)) return null;
    unit = d.value.unit;
    basis = d.value.basis;
    min += d.value.min;
    max += d.value.max;
    any = true;
  }
  if (!any || !unit) return null;
  const amount = min === max ? `${min}` : `${min} s.d. ${max}`;
  return `${amount} ${UNIT_WORDS[unit]}${basis === 'working' ? ' kerja' : ''}`;
}

/**
 * Fills, on a draft, the requirements from step 1's output, the product from the last step's
 * output and the total time from the sum of the step times, each only when the text has none;
 * every value so filled is listed in `derived` and explained in the reading notes.
 */
export function deriveFromSteps(draft: ServiceStandard, warnings: string[]): void {
  const notes = (draft.readingNotes ??= []);
  const derived: NonNullable<ServiceStandard['derived']> = [];
  const first = draft.steps[0];
  const last = draft.steps[draft.steps.length - 1];
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
    const total = sumOfStepTimes(draft.steps.map((s) => s.time));
    if (total) {
      draft.serviceTime = { ...draft.serviceTime, text: total };
      derived.push('serviceTime');
      notes.push(
        `Waktu total tidak diterbitkan: jumlah waktu langkah, ${total} (dihitung dari langkah).`,
      );
    } else if (draft.steps.some((s) => s.time)) {
      warnings.push(
        'Waktu total tidak diterbitkan dan waktu langkah memakai satuan berbeda; isi sendiri dan tandai "dihitung dari langkah".',
      );
    }
  }
  if (derived.length) draft.derived = derived;
}
