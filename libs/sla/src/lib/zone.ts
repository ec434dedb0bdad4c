import { DAY_MS, MINUTE_MS } from './civil';
import { SlaError } from './errors';

/** What one local day of a zone looks like in UTC. */
export interface ZoneDay {
  epochDay: number;
  /** UTC instant of the local day's first moment. */
  startUtc: number;
  /** UTC instant of the next local day's first moment. */
  endUtc: number;
  /** Offset (local minus UTC, ms) when it is the same all day, NaN on a transition day. */
  offset: number;
}

export type Ambiguity = 'earlier' | 'later';

/** How many offsets a zone remembers (about four years of compiling) before starting over. */
const OFFSET_MEMO_LIMIT = 8192;

/** en-US numeric date and 24-hour time: month/day/year, hour:minute:second. */
const DATE_TIME_TEXT = /^(\d{1,2})\/(\d{1,2})\/(\d{1,6}), (\d{1,2}):(\d{2}):(\d{2})$/;

/**
 * An IANA zone, read through `Intl.DateTimeFormat` (no zone database of our own). Offsets are
 * learned per local day and cached, so days without a transition (every day of WIB, WITA and
 * WIT) convert with one subtraction; a day with a DST transition takes a slower exact path.
 */
export class TimeZone {
  private static readonly zones = new Map<string, TimeZone>();
  private readonly format: Intl.DateTimeFormat;
  private readonly days = new Map<number, ZoneDay>();
  /** UTC instant of each local midnight asked for (a day's end is the next day's start). */
  private readonly starts = new Map<number, number>();
  /**
   * Recent offsets by whole second. Compiling a year probes each local day's neighbours, so
   * most probes repeat one asked a day or two earlier; the zone rules answer the same each
   * time, so a remembered answer changes nothing. Bounded: cleared when full.
   */
  private readonly offsets = new Map<number, number>();

  private constructor(readonly name: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** True when the runtime knows the zone. */
  static isValid(name: unknown): boolean {
    if (typeof name !== 'string' || name.trim() === '') return false;
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name });
      return true;
    } catch {
      return false;
    }
  }

  static get(name: string): TimeZone {
    let zone = TimeZone.zones.get(name);
    if (!zone) {
      if (!TimeZone.isValid(name)) {
        throw new SlaError(
          'sla.zone_unknown',
          `Zona waktu tidak dikenal: "${name}"`,
          `Unknown time zone: "${name}"`,
        );
      }
      zone = new TimeZone(name);
      TimeZone.zones.set(name, zone);
    }
    return zone;
  }

  /** Offset of local time from UTC at an instant, in ms (Asia/Jakarta: 25,200,000). */
  offsetAt(utcMs: number): number {
    const seconds = Math.floor(utcMs / 1000) * 1000;
    const known = this.offsets.get(seconds);
    if (known !== undefined) return known;
    const offset = this.readOffset(seconds);
    if (this.offsets.size >= OFFSET_MEMO_LIMIT) this.offsets.clear();
    this.offsets.set(seconds, offset);
    return offset;
  }

  /**
   * The zone's offset at a whole second, from the runtime's formatter. The plain text form
   * ("3/12/2026, 09:30:00") is read directly, which is several times cheaper than asking for
   * the parts; anything else it might print (years before 1 AD, another numbering system)
   * goes through the parts.
   */
  private readOffset(seconds: number): number {
    const text = DATE_TIME_TEXT.exec(this.format.format(seconds));
    if (text) {
      const wall = Date.UTC(
        Number(text[3]),
        Number(text[1]) - 1,
        Number(text[2]),
        Number(text[4]) % 24,
        Number(text[5]),
        Number(text[6]),
      );
      return wall - seconds;
    }
    let y = 0;
    let mo = 0;
    let d = 0;
    let h = 0;
    let mi = 0;
    let s = 0;
    for (const part of this.format.formatToParts(seconds)) {
      switch (part.type) {
        case 'year':
          y = Number(part.value);
          break;
        case 'month':
          mo = Number(part.value);
          break;
        case 'day':
          d = Number(part.value);
          break;
        case 'hour':
          h = Number(part.value) % 24;
          break;
        case 'minute':
          mi = Number(part.value);
          break;
        case 'second':
          s = Number(part.value);
          break;
      }
    }
    const wall = Date.UTC(y, mo - 1, d, h, mi, s);
    return wall - seconds;
  }

  /** The local day `epochDay` (days since 1970-01-01 in local time), cached. */
  day(epochDay: number): ZoneDay {
    let day = this.days.get(epochDay);
    if (!day) {
      const startUtc = this.startOf(epochDay);
      const endUtc = this.startOf(epochDay + 1);
      const first = this.offsetAt(startUtc);
      const last = this.offsetAt(endUtc - 1);
      const offset = first === last && endUtc - startUtc === DAY_MS ? first : NaN;
      day = { epochDay, startUtc, endUtc, offset };
      this.days.set(epochDay, day);
    }
    return day;
  }

  /** UTC instant of local midnight of `epochDay` (the earlier one if it occurs twice), cached. */
  private startOf(epochDay: number): number {
    let start = this.starts.get(epochDay);
    if (start === undefined) {
      start = this.wallToUtc(epochDay * DAY_MS, 'earlier');
      this.starts.set(epochDay, start);
    }
    return start;
  }

  /**
   * UTC instant of a local clock time (`wallMs` ms after local midnight of `epochDay`). A clock
   * time that occurs twice (DST ends) gives the earlier or later instant as asked; one that
   * does not exist (DST starts) gives the transition instant.
   */
  toUtc(epochDay: number, wallMs: number, prefer: Ambiguity = 'earlier'): number {
    const day = this.day(epochDay);
    if (day.offset === day.offset) return epochDay * DAY_MS + wallMs - day.offset;
    return this.wallToUtc(epochDay * DAY_MS + wallMs, prefer);
  }

  /** Local day and clock time (ms after local midnight) of an instant. */
  toLocal(utcMs: number): { epochDay: number; wallMs: number } {
    const local = utcMs + this.offsetAt(utcMs);
    const epochDay = Math.floor(local / DAY_MS);
    return { epochDay, wallMs: local - epochDay * DAY_MS };
  }

  /** `wall` is local date-time written as if it were UTC. */
  private wallToUtc(wall: number, prefer: Ambiguity): number {
    const before = this.offsetAt(wall - DAY_MS);
    const after = this.offsetAt(wall + DAY_MS);
    const a = wall - before;
    if (before === after && this.offsetAt(a) === before) return a;
    const b = wall - after;
    const aValid = this.offsetAt(a) === before;
    const bValid = this.offsetAt(b) === after;
    if (aValid && bValid) return prefer === 'earlier' ? Math.min(a, b) : Math.max(a, b);
    if (aValid) return a;
    if (bValid) return b;
    // A clock time skipped by a transition: find the transition instant (whole minutes).
    let lo = Math.min(a, b);
    let hi = Math.max(a, b);
    const loOffset = this.offsetAt(lo);
    while (hi - lo > MINUTE_MS) {
      const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
      if (this.offsetAt(mid) === loOffset) lo = mid;
      else hi = mid;
    }
    return hi;
  }
}
