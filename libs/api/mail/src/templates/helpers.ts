/**
 * Handlebars helpers for the e-mail templates. They read the message's language and the office's
 * time zone from the render's `@data` (`@locale`, `@timeZone`), so templates stay short:
 * `{{date ticket.dueAt}}`, `{{duration remainingMinutes}}`.
 */
import type { Duration, DurationUnit } from '@sigap/standards';
import type { HelperDelegate, HelperOptions } from 'handlebars';
import { zoneAbbreviation } from '@sigap/api-offices';

export type MailLocale = 'id' | 'en';
export const MAIL_LOCALES: readonly MailLocale[] = ['id', 'en'];

/** What every render passes as `@data`. */
export interface MailRenderData {
  locale: MailLocale;
  /** IANA zone of the office the message is about, e.g. `Asia/Makassar`. */
  timeZone: string;
}

/** Minimal view of the Handlebars runtime the helpers need (escaping and safe strings). */
export interface HandlebarsRuntime {
  escapeExpression(value: string): string;
  SafeString: new (value: string) => { toString(): string; toHTML(): string };
}

function renderData(options: HelperOptions): MailRenderData {
  const data = options.data as Partial<MailRenderData> | undefined;
  if (!data?.locale || !data.timeZone) {
    throw new Error('helper e-mail dipanggil tanpa @locale dan @timeZone');
  }
  return { locale: data.locale, timeZone: data.timeZone };
}

function toDate(value: unknown, helper: string): Date {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw new Error(`{{${helper}}}: "${String(value)}" bukan tanggal/waktu yang valid`);
  }
  return date;
}

/**
 * "Senin, 2 Maret 2026 pukul 11.05 WITA" / "Monday, 2 March 2026 at 11:05 WITA", in the office's
 * zone. `dateOnly=true` drops the time.
 */
export function formatDateTime(
  value: Date | string,
  locale: MailLocale,
  timeZone: string,
  dateOnly = false,
): string {
  const date = toDate(value, 'date');
  const formatted = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(dateOnly ? {} : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const }),
  }).format(date);
  return dateOnly ? formatted : `${formatted} ${zoneAbbreviation(timeZone, date)}`;
}

/** English plural: `pluralize(1, 'day')` = "day", `pluralize(2, 'day')` = "days". */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return count === 1 ? singular : plural;
}

const UNIT_WORDS: Record<DurationUnit, { id: string; en: string }> = {
  minute: { id: 'menit', en: 'minute' },
  hour: { id: 'jam', en: 'hour' },
  day: { id: 'hari', en: 'day' },
  week: { id: 'minggu', en: 'week' },
  month: { id: 'bulan', en: 'month' },
};

/** "2 jam 5 menit" / "2 hours 5 minutes"; hours and minutes only (working time has no fixed day). */
export function formatMinutes(minutes: number, locale: MailLocale): string {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new Error(`{{duration}}: ${minutes} bukan jumlah menit yang valid`);
  }
  const total = Math.round(minutes);
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  const parts: string[] = [];
  const word = (n: number, unit: DurationUnit) =>
    locale === 'id' ? `${n} ${UNIT_WORDS[unit].id}` : `${n} ${pluralize(n, UNIT_WORDS[unit].en)}`;
  if (hours) parts.push(word(hours, 'hour'));
  if (rest || !hours) parts.push(word(rest, 'minute'));
  return parts.join(' ');
}

/** A standard's time: "1–2 jam", "3 bulan", "2 hari kalender" / "1–2 hours", "2 calendar days". */
export function formatStandardDuration(duration: Duration, locale: MailLocale): string {
  const { min, max, unit, basis } = duration;
  const amount = min === max ? `${min}` : `${min}–${max}`;
  if (locale === 'id') {
    const calendar = basis === 'calendar' && unit === 'day' ? ' kalender' : '';
    return `${amount} ${UNIT_WORDS[unit].id}${calendar}`;
  }
  const calendar = basis === 'calendar' && unit === 'day' ? 'calendar ' : '';
  return `${amount} ${calendar}${pluralize(max, UNIT_WORDS[unit].en)}`;
}

function isDuration(value: unknown): value is Duration {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Duration).min === 'number' &&
    typeof (value as Duration).max === 'number' &&
    typeof (value as Duration).unit === 'string' &&
    (value as Duration).unit in UNIT_WORDS
  );
}

/** Only these schemes become links; anything else (javascript:, data: ...) is shown as text. */
const SAFE_SCHEMES = new Set(['https:', 'http:', 'mailto:']);

export function safeUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value.trim());
    return SAFE_SCHEMES.has(url.protocol) ? url.toString() : null;
  } catch {
    return null;
  }
}

/**
 * The text cut to at most `max` characters (code points, so no emoji is split), at the last word
 * break when there is one in the final fifth, with "…" when anything was cut. Runs of more than
 * one empty line become one.
 */
export function excerpt(value: string, max: number): string {
  if (!Number.isInteger(max) || max < 1) {
    throw new Error(`{{excerpt}}: ${max} bukan panjang yang valid`);
  }
  const text = value
    .replace(/\r\n?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  let cut = chars.slice(0, max).join('');
  const lastBreak = cut.search(/\s\S*$/);
  if (lastBreak >= Math.floor(cut.length * 0.8)) cut = cut.slice(0, lastBreak);
  return `${cut.trimEnd()}…`;
}

const LINK_STYLE = 'color:#0b5cad;text-decoration:underline;';

/** Builds the helpers over one Handlebars runtime (the isolated instance they are registered on). */
export function createMailHelpers(hb: HandlebarsRuntime): Record<string, HelperDelegate> {
  const escape = (value: string) => hb.escapeExpression(value);
  return {
    /** `{{date value}}` or `{{date value dateOnly=true}}`, in the office zone and language. */
    date(value: unknown, options: HelperOptions) {
      const { locale, timeZone } = renderData(options);
      return formatDateTime(
        toDate(value, 'date'),
        locale,
        timeZone,
        options.hash?.['dateOnly'] === true,
      );
    },
    /** `{{duration 135}}` (minutes) or `{{duration step.time}}` (a standard's `Duration`). */
    duration(value: unknown, options: HelperOptions) {
      const { locale } = renderData(options);
      if (typeof value === 'number') return formatMinutes(value, locale);
      if (isDuration(value)) return formatStandardDuration(value, locale);
      const shown = typeof value === 'string' ? value : JSON.stringify(value);
      throw new Error(`{{duration}}: "${shown}" bukan durasi yang valid`);
    },
    /** `{{plural count "document"}}` or `{{plural count "person" "people"}}` (English text). */
    plural(count: unknown, singular: unknown, ...rest: unknown[]) {
      const plural = rest.length > 1 && typeof rest[0] === 'string' ? rest[0] : undefined;
      if (typeof count !== 'number' || typeof singular !== 'string') {
        throw new Error('{{plural}}: butuh angka dan kata, mis. {{plural n "day"}}');
      }
      return pluralize(count, singular, plural);
    },
    /**
     * `{{link url "label"}}`: an `<a>` for http(s)/mailto URLs, everything escaped; any other
     * scheme renders only the escaped label. In text templates (`text=true`): "label: url".
     */
    link(url: unknown, label: unknown, options: HelperOptions) {
      const text = typeof label === 'string' && label ? label : String(url ?? '');
      const href = safeUrl(url);
      if (options.hash?.['text'] === true) return href ? `${text}: ${href}` : text;
      if (!href) return new hb.SafeString(escape(text));
      return new hb.SafeString(
        `<a href="${escape(href)}" style="${LINK_STYLE}" target="_blank">${escape(text)}</a>`,
      );
    },
    /** `{{#if (eq audience "supervisor")}}` */
    eq(a: unknown, b: unknown) {
      return a === b;
    },
    /** `{{excerpt message 1500}}`: the text shortened to at most that many characters. */
    excerpt(value: unknown, max: unknown) {
      if (typeof max !== 'number') throw new Error('{{excerpt}}: butuh panjang, mis. 1500');
      return excerpt(String(value ?? ''), max);
    },
    /** `{{multiline message}}`: escaped text with line breaks kept as `<br>`. */
    multiline(value: unknown) {
      const lines = String(value ?? '').split(/\r?\n/);
      return new hb.SafeString(lines.map((line) => escape(line)).join('<br>\n'));
    },
  };
}
