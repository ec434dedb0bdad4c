import type { ClockView, TicketSlaState } from '@sigap/contracts';

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

/**
 * Remaining *working* minutes of a clock as the API computed them. The API's figure is used as
 * it is: the workspace fetches fresh figures every minute rather than guessing whether the office
 * is open between two answers (that needs the office calendar).
 */
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
