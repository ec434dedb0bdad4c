import { Pipe, PipeTransform, inject } from '@angular/core';
import { I18nService, type Locale } from '../i18n/i18n.service';

/** Indonesia's three zones by IANA name; other zones fall back to their UTC offset. */
const ZONE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Ujung_Pandang': 'WITA',
  'Asia/Jayapura': 'WIT',
};

export type ZonedStyle = 'date' | 'datetime';

/**
 * Formatters are costly to build (the engine resolves the locale and loads the zone's rules each
 * time) while a queue page formats hundreds of instants in one or two zones: each one is built
 * once per (zone, locale, options) and kept. The set is bounded, since zone names come from data.
 */
const FORMATTER_CACHE_LIMIT = 64;
const formatters = new Map<string, Intl.DateTimeFormat>();

function cachedFormatter(key: string, build: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = build();
    if (formatters.size >= FORMATTER_CACHE_LIMIT) formatters.clear();
    formatters.set(key, formatter);
  }
  return formatter;
}

/** The parts formatter behind {@link zoneOffsetMinutes}, one per zone. */
function offsetFormatter(timeZone: string): Intl.DateTimeFormat {
  return cachedFormatter(
    `offset|${timeZone}`,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      }),
  );
}

/**
 * The display formatter for a zone, language and style, shared by every call with the same
 * three. Throws a RangeError naming the zone when it is unknown (nothing is cached then).
 */
export function zonedFormatter(
  timeZone: string,
  locale: Locale = 'id',
  style: ZonedStyle = 'datetime',
): Intl.DateTimeFormat {
  try {
    return cachedFormatter(
      `${style}|${locale}|${timeZone}`,
      () =>
        new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
          timeZone,
          day: 'numeric',
          month: 'short',
          year: 'numeric',
          ...(style === 'datetime' ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
        }),
    );
  } catch {
    throw new RangeError(
      `Unknown time zone "${timeZone}" (expected an IANA name such as Asia/Jakarta)`,
    );
  }
}

/** Offset of `timeZone` from UTC at `instant`, in minutes (east positive). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = offsetFormatter(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  const instantMinute = Math.floor(instant.getTime() / 60000) * 60000;
  return Math.round((asUtc - instantMinute) / 60000);
}

/** WIB / WITA / WIT for Indonesian zones, otherwise "UTC+7" style. */
export function zoneAbbreviation(timeZone: string, instant: Date = new Date()): string {
  const known = ZONE_ABBREVIATIONS[timeZone];
  if (known) return known;
  const offset = zoneOffsetMinutes(instant, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const hours = Math.floor(Math.abs(offset) / 60);
  const minutes = Math.abs(offset) % 60;
  return `UTC${sign}${hours}${minutes ? ':' + String(minutes).padStart(2, '0') : ''}`;
}

function toDate(value: string | number | Date): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new RangeError(`Not a date: "${String(value)}" (expected an ISO 8601 timestamp)`);
  }
  return date;
}

/**
 * Formats an instant in an office's zone and names the zone: "12 Mar 2026 09.30 WIB".
 * Throws a RangeError naming the value when it is not a date or the zone is unknown.
 */
export function formatInZone(
  value: string | number | Date,
  timeZone: string,
  locale: Locale = 'id',
  style: ZonedStyle = 'datetime',
): string {
  const instant = toDate(value);
  const formatter = zonedFormatter(timeZone, locale, style);
  const text = formatter.format(instant).replace(' pukul ', ' ').replace(', ', ' ');
  return style === 'datetime' ? `${text} ${zoneAbbreviation(timeZone, instant)}` : text;
}

/** `{{ createdAt | zoned: office.timeZone }}`; follows the language switch. */
@Pipe({ name: 'zoned', pure: false })
export class ZonedDatePipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(
    value: string | number | Date | null | undefined,
    timeZone: string | null | undefined,
    style: ZonedStyle = 'datetime',
  ): string {
    if (value === null || value === undefined || value === '') return '';
    try {
      return formatInZone(value, timeZone || 'Asia/Jakarta', this.i18n.locale(), style);
    } catch {
      return String(value);
    }
  }
}
