const NAMED: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Ujung_Pandang': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** WIB / WITA / WIT for Indonesian zones; "UTC+h" for anything else. */
export function zoneAbbreviation(timeZone: string, at: Date = new Date()): string {
  if (NAMED[timeZone]) return NAMED[timeZone];
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName');
    return part ? part.value.replace('GMT', 'UTC') : timeZone;
  } catch {
    return timeZone;
  }
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The three zones of Indonesia, offered first: WIB, WITA, WIT. */
export const INDONESIAN_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;

let ianaZones: ReadonlySet<string> | null = null;

/** Canonical IANA zone names this runtime knows (ICU's list). */
export function ianaTimeZones(): ReadonlySet<string> {
  ianaZones ??= new Set(Intl.supportedValuesOf('timeZone'));
  return ianaZones;
}

/**
 * True for a zone an office may have: a canonical IANA name as written (`Asia/Jayapura`), not a
 * fixed offset, an abbreviation or a differently spelled alias (`asia/jayapura`, `WIT`).
 */
export function isOfficeTimeZone(timeZone: string): boolean {
  return ianaTimeZones().has(timeZone);
}

export interface TimeZoneOptionRow {
  zone: string;
  /** WIB / WITA / WIT for Indonesia's zones, else null. */
  abbreviation: string | null;
  /** `UTC+9`, at `at`. */
  offset: string;
}

/** Every office zone: Indonesia's three first (WIB, WITA, WIT), then the rest by name. */
export function timeZoneOptions(at: Date = new Date()): TimeZoneOptionRow[] {
  const offset = (zone: string): string => {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName');
    const value = part ? part.value.replace('GMT', 'UTC') : 'UTC';
    return value === 'UTC' ? 'UTC+0' : value;
  };
  const first: string[] = [...INDONESIAN_ZONES];
  const rest = [...ianaTimeZones()].filter((z) => !first.includes(z)).sort();
  return [...first, ...rest].map((zone) => ({
    zone,
    abbreviation: first.includes(zone) ? NAMED[zone] : null,
    offset: offset(zone),
  }));
}
