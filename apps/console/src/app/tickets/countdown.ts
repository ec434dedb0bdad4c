import type { ClockView, OfficeCalendarView, TicketSlaState } from '@sigap/contracts';
import { WorkCalendar, workingMinutesBetween } from '@sigap/sla';

/** How often the countdowns tick, and how often the workspace asks the API for fresh figures. */
export const TICK_MS = 30_000;
export const REFRESH_MS = 60_000;

/** The SLA states in which a clock is counting down. */
const COUNTING: readonly TicketSlaState[] = ['running', 'at-risk', 'breached'];

export function isCounting(state: TicketSlaState): boolean {
  return COUNTING.includes(state);
}

/**
 * "2 h 15 m" style text of a number of minutes; negative means overdue. `units` gives the
 * words per language: { d: 'h', h: 'j', m: 'm' } for Bahasa Indonesia (hari, jam, menit).
 */
export function formatMinutes(
  minutes: number,
  units: { d: string; h: string; m: string },
  minutesPerDay = 24 * 60,
): string {
  const total = Math.abs(Math.round(minutes));
  const days = Math.floor(total / minutesPerDay);
  const hours = Math.floor((total % minutesPerDay) / 60);
  const rest = total % 60;
  const parts: string[] = [];
  if (days) parts.push(`${days} ${units.d}`);
  if (hours) parts.push(`${hours} ${units.h}`);
  if (rest || parts.length === 0) parts.push(`${rest} ${units.m}`);
  return parts.slice(0, 2).join(' ');
}

/** Whole minutes from `now` to `dueAt` in calendar time (negative when past), or null. */
export function minutesUntil(dueAt: string | null, now: number): number | null {
  if (!dueAt) return null;
  const at = Date.parse(dueAt);
  if (Number.isNaN(at)) return null;
  return Math.floor((at - now) / 60_000);
}

/** Remaining *working* minutes of a clock as the API computed them (see `liveRemaining`). */
export function workingRemaining(clock: ClockView | null): number | null {
  return clock?.remainingMinutes ?? null;
}

/** Share of the clock's working time used so far, 0..∞ (above 1 when overdue), or null. */
export function shareUsed(clock: ClockView | null): number | null {
  if (!clock || clock.remainingMinutes === null) return null;
  const total = clock.elapsedMinutes + clock.remainingMinutes;
  if (total <= 0) return clock.elapsedMinutes > 0 ? 1 : null;
  return clock.elapsedMinutes / total;
}

/**
 * Working minutes from `now` to `dueAt` in the office calendar (negative when past, counting the
 * working time since the due), or null without a due date. Outside office hours and on holidays
 * the figure stands still.
 */
export function workingMinutesUntil(
  calendar: WorkCalendar,
  dueAt: string | null,
  now: number,
): number | null {
  if (!dueAt) return null;
  const at = Date.parse(dueAt);
  if (Number.isNaN(at)) return null;
  const minutes =
    now <= at
      ? workingMinutesBetween(calendar, now, at)
      : -workingMinutesBetween(calendar, at, now);
  return minutes < 0 ? Math.ceil(minutes) : Math.floor(minutes);
}

/**
 * The remaining working minutes of a clock at `now`, moved on from the API's figure taken at
 * `fetchedAt` by the working time that has passed since (none outside office hours). A clock that
 * is paused, frozen or not counting keeps the API's figure; so does every clock while the office
 * calendar is not known.
 */
export function liveRemaining(
  clock: ClockView | null,
  fetchedAt: number,
  now: number,
  calendar: WorkCalendar | null,
): number | null {
  const remaining = workingRemaining(clock);
  if (remaining === null || !clock || !calendar || clock.frozen || !isCounting(clock.state))
    return remaining;
  if (now <= fetchedAt) return remaining;
  return remaining - workingMinutesBetween(calendar, fetchedAt, now);
}

/** A clock as the API gave it, moved on to `now` in working time (elapsed and remaining). */
export function liveClock(
  clock: ClockView | null,
  fetchedAt: number,
  now: number,
  calendar: WorkCalendar | null,
): ClockView | null {
  if (!clock) return null;
  const remaining = liveRemaining(clock, fetchedAt, now, calendar);
  if (remaining === null || remaining === clock.remainingMinutes) return clock;
  const passed = (clock.remainingMinutes ?? 0) - remaining;
  return { ...clock, remainingMinutes: remaining, elapsedMinutes: clock.elapsedMinutes + passed };
}

/** The office calendar as the SLA library needs it, from the calendars endpoint's answer. */
export function compileOfficeCalendar(view: OfficeCalendarView): WorkCalendar {
  return WorkCalendar.compile({
    timeZone: view.timeZone,
    week: view.week,
    variants: view.variants,
    closures: view.closures.map((c) => ({
      date: c.date,
      name: c.name,
      type: c.type,
      source: c.source,
      layer: c.layer,
      ...(c.from ? { from: c.from } : {}),
      ...(c.to ? { to: c.to } : {}),
      // Shown to admins but not in force: the library counts it as a working day.
      ...(c.confirmed === false ? { confirmed: false } : {}),
    })),
  });
}
