import type { DurationBasis, DurationUnit } from '@sigap/standards';
import { addWorkingDays, workingMinutesBetween, type WorkCalendar } from '@sigap/sla';

/** The unit a standard's time is written in, as far as a countdown needs it. */
export interface StandardUnit {
  unit: DurationUnit;
  basis: DurationBasis;
}

/** Words of a countdown, per language: `{n}` is the number. */
export interface RemainingWords {
  workingDays: string;
  days: string;
  hours: string;
  minutes: string;
}

/** Longest countdown spelled in working days; further than this the figure is days anyway. */
const MAX_DAYS = 400;

const fill = (pattern: string, n: number) => pattern.replace('{n}', String(n));

/** "5 jam 30 menit" of a number of minutes (two parts at most, no days). */
function hoursAndMinutes(total: number, words: RemainingWords): string[] {
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  const parts: string[] = [];
  if (hours) parts.push(fill(words.hours, hours));
  if (minutes || !hours) parts.push(fill(words.minutes, minutes));
  return parts;
}

/**
 * The time between `now` and `due`, spelled in the unit of the standard: a standard in (working)
 * days counts "3 hari kerja 2 jam", one in hours "5 jam 30 menit"; working time in the office
 * calendar when it is known and the standard counts working time, calendar time otherwise.
 * `past` says whether `due` has gone by (the text is the same size either way).
 */
export function spellRemaining(
  now: number,
  due: number,
  calendar: WorkCalendar | null,
  standard: StandardUnit | null,
  words: RemainingWords,
): { text: string; past: boolean } {
  const past = due < now;
  const [from, to] = past ? [due, now] : [now, due];
  const inDays = !!standard && ['day', 'week', 'month'].includes(standard.unit);
  const working = !!calendar && standard?.basis !== 'calendar';
  if (working && calendar) {
    if (inDays) {
      // Whole working days first (same clock time N working days on), then the hours left.
      let days = 0;
      let start = from;
      while (days < MAX_DAYS) {
        const next = addWorkingDays(calendar, from, days + 1);
        if (next > to) break;
        days += 1;
        start = next;
      }
      const rest = Math.floor(workingMinutesBetween(calendar, start, to));
      const parts = days ? [fill(words.workingDays, days)] : [];
      if (rest >= 60 || !days) parts.push(...hoursAndMinutes(rest, words));
      return { text: parts.slice(0, 2).join(' '), past };
    }
    const minutes = Math.floor(workingMinutesBetween(calendar, from, to));
    return { text: hoursAndMinutes(minutes, words).join(' '), past };
  }
  const minutes = Math.floor((to - from) / 60_000);
  if (inDays && minutes >= 24 * 60) {
    const days = Math.floor(minutes / (24 * 60));
    const hours = Math.floor((minutes % (24 * 60)) / 60);
    const parts = [fill(words.days, days)];
    if (hours) parts.push(fill(words.hours, hours));
    return { text: parts.join(' '), past };
  }
  return { text: hoursAndMinutes(minutes, words).join(' '), past };
}

/** A number of minutes as "5 jam 30 menit" (for a figure the API gave without instants). */
export function spellMinutes(
  minutes: number,
  words: RemainingWords,
): { text: string; past: boolean } {
  const total = Math.abs(Math.round(minutes));
  return { text: hoursAndMinutes(total, words).join(' '), past: minutes < 0 };
}
