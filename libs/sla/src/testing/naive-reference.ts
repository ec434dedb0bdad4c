/**
 * A deliberately naive reference for the SLA arithmetic: it walks time minute by minute and
 * reads the calendar definition directly (no compilation, no binary search, no zone cache of
 * the library). The property tests compare the library against it, and the benchmark measures
 * it. All instants it takes and returns are whole minutes.
 */
import type { CalendarDefinition } from '../lib/model';

const MIN = 60_000;
const KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export interface NaiveLocal {
  date: string;
  year: number;
  month: number;
  day: number;
  /** 0 = Sunday, as Date.getUTCDay. */
  weekday: number;
  minute: number;
}

export interface NaiveEvent {
  type: 'start' | 'pause' | 'resume' | 'stop' | 'target-change';
  at: number;
}

function minutesOf(text: string): number {
  const [h, m] = text.split(/[:.]/).map(Number);
  return h * 60 + m;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export class NaiveCalendar {
  private readonly format: Intl.DateTimeFormat;
  private readonly offsets = new Map<number, number>();
  private readonly dayRanges = new Map<string, [number, number][]>();

  constructor(private readonly def: CalendarDefinition) {
    this.format = new Intl.DateTimeFormat('en-GB', {
      timeZone: def.timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
  }

  /** Offset in ms at an instant, learned once per UTC quarter hour. */
  private offset(t: number): number {
    const q = Math.floor(t / (15 * MIN));
    let off = this.offsets.get(q);
    if (off === undefined) {
      const probe = q * 15 * MIN;
      const p: Record<string, number> = {};
      for (const part of this.format.formatToParts(probe)) p[part.type] = Number(part.value);
      off = Date.UTC(p['year'], p['month'] - 1, p['day'], p['hour'], p['minute']) - probe;
      this.offsets.set(q, off);
    }
    return off;
  }

  local(t: number): NaiveLocal {
    const d = new Date(t + this.offset(t));
    const year = d.getUTCFullYear();
    const month = d.getUTCMonth() + 1;
    const day = d.getUTCDate();
    return {
      date: `${year}-${pad(month)}-${pad(day)}`,
      year,
      month,
      day,
      weekday: d.getUTCDay(),
      minute: d.getUTCHours() * 60 + d.getUTCMinutes(),
    };
  }

  /** Working minute ranges of a local date, straight from the definition. */
  private ranges(date: string, weekday: number): [number, number][] {
    let ranges = this.dayRanges.get(date);
    if (!ranges) {
      let week = this.def.week;
      for (const v of this.def.variants ?? []) if (date >= v.from && date <= v.to) week = v.week;
      ranges = (week[KEYS[weekday]] ?? []).map((i) => [minutesOf(i.start), minutesOf(i.end)]);
      this.dayRanges.set(date, ranges);
    }
    return ranges;
  }

  private closed(date: string, minute: number): boolean {
    for (const c of this.def.closures ?? []) {
      if (c.date !== date) continue;
      if (c.from === undefined) return true;
      if (minute >= minutesOf(c.from) && minute < minutesOf(c.to as string)) return true;
    }
    return false;
  }

  /** Is the minute starting at `t` working time? */
  isWorkingMinute(t: number): boolean {
    const l = this.local(t);
    if (!this.ranges(l.date, l.weekday).some(([s, e]) => l.minute >= s && l.minute < e))
      return false;
    return !this.closed(l.date, l.minute);
  }

  dayHasWork(date: string): boolean {
    const [y, m, d] = date.split('-').map(Number);
    const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
    for (let minute = 0; minute < 1440; minute++) {
      if (
        this.ranges(date, weekday).some(([s, e]) => minute >= s && minute < e) &&
        !this.closed(date, minute)
      ) {
        return true;
      }
    }
    return false;
  }

  addWorkingMinutes(t: number, n: number): number {
    let left = n;
    let x = t;
    while (left > 0) {
      if (this.isWorkingMinute(x)) left--;
      x += MIN;
    }
    return x;
  }

  workingMinutesBetween(a: number, b: number): number {
    let n = 0;
    for (let x = a; x < b; x += MIN) if (this.isWorkingMinute(x)) n++;
    return n;
  }

  /** The instant of a local date and minute (the earliest; a skipped time gives the next one). */
  instantOf(date: string, minute: number): number {
    const [y, m, d] = date.split('-').map(Number);
    const wall = Date.UTC(y, m - 1, d) + minute * MIN;
    let after = Infinity;
    for (let x = wall - 15 * 60 * MIN; x <= wall + 15 * 60 * MIN; x += 15 * MIN) {
      const l = this.local(x);
      if (l.date === date && l.minute === minute) return x;
      if ((l.date === date && l.minute > minute) || l.date > date) after = Math.min(after, x);
    }
    return after;
  }

  addWorkingDays(t: number, n: number): number {
    if (n === 0) return t;
    let s = t;
    while (!this.isWorkingMinute(s)) s += MIN;
    const start = this.local(s);
    let date = start.date;
    for (let k = 0; k < n;) {
      date = nextDate(date);
      if (this.dayHasWork(date)) k++;
    }
    let x = this.instantOf(date, start.minute);
    while (!this.isWorkingMinute(x - MIN)) x -= MIN;
    return x;
  }

  workingDaysBetween(a: number, b: number): number {
    const from = this.local(a).date;
    const to = this.local(b).date;
    if (to < from) return -this.workingDaysBetween(b, a);
    let n = 0;
    for (let date = nextDate(from); date <= to; date = nextDate(date)) {
      if (this.dayHasWork(date)) n++;
    }
    return n;
  }

  addCalendarMonths(t: number, n: number): number {
    if (n === 0) return t;
    const l = this.local(t);
    const index = l.year * 12 + l.month - 1 + n;
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const date = `${year}-${pad(month)}-${pad(Math.min(l.day, last))}`;
    return this.ontoWorkingTime(this.instantOf(date, l.minute));
  }

  addCalendarDays(t: number, n: number): number {
    if (n === 0) return t;
    const l = this.local(t);
    let date = l.date;
    for (let k = 0; k < n; k++) date = nextDate(date);
    return this.ontoWorkingTime(this.instantOf(date, l.minute));
  }

  /** Kept when the minute before is working; else the close of the next working day. */
  ontoWorkingTime(x: number): number {
    if (this.isWorkingMinute(x - MIN)) return x;
    let u = x;
    while (!this.isWorkingMinute(u)) u += MIN;
    const date = this.local(u).date;
    let close = u + MIN;
    for (let v = u; this.local(v).date === date; v += MIN) {
      if (this.isWorkingMinute(v)) close = v + MIN;
    }
    return close;
  }

  /**
   * Working minutes run and paused up to `now`, and the instant at which the running minutes
   * reach `budget` (an open pause is taken as ending at `now`; a stop is ignored for the due).
   */
  clock(
    events: readonly NaiveEvent[],
    now: number,
    budget: number,
  ): { elapsed: number; paused: number; due: number } {
    const start = events[0].at;
    const stop = events.find((e) => e.type === 'stop' && e.at <= now);
    const end = stop ? stop.at : now;
    const pausedAt = (x: number): boolean => {
      let paused = false;
      for (const e of events) {
        if (e.at > x || e.at > now) break;
        if (e.type === 'pause') paused = true;
        if (e.type === 'resume') paused = false;
      }
      return paused && x < end;
    };
    let elapsed = 0;
    let paused = 0;
    for (let x = start; x < end; x += MIN) {
      if (!this.isWorkingMinute(x)) continue;
      if (pausedAt(x)) paused++;
      else elapsed++;
    }
    let run = 0;
    let due = start;
    for (let x = start; run < budget; x += MIN) {
      if (this.isWorkingMinute(x) && !pausedAt(x)) run++;
      due = x + MIN;
    }
    return { elapsed, paused, due };
  }
}

function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return `${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
}
