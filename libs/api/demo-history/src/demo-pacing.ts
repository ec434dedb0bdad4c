// When things happen in the invented history, and the small choices made on the way: the
// instants requests arrive, how long a step takes at a ticket's pace, the working hours of an
// office's zone, and the survey scores.
import type { StepView, TicketDetail } from '@sigap/contracts';
import type { Channel } from '@sigap/standards';
import type { SeededRandom } from './random';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A number drawn evenly from a range. */
export function within(random: SeededRandom, [lo, hi]: readonly [number, number]): number {
  return random.between(lo, hi);
}

/** `count` instants spread over [from, until), in order, a little denser in recent months. */
export function openingInstants(random: SeededRandom, from: number, until: number, count: number) {
  const span = until - from;
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(from + span * Math.sqrt(random.next()) * 0.995);
  return out.sort((a, b) => a - b);
}

/**
 * When an active step is finished, for a ticket moving at `pace` (1 = on its target): against the
 * step's own target and limit when it has a time standard, else against an even share of the
 * ticket's target. Beyond 1 the step finishes between target and limit (late), beyond 2 past the
 * limit (breached).
 */
export function stepFinish(
  step: StepView,
  detail: TicketDetail,
  pace: number,
  now: number,
): number {
  const activated = step.activatedAt ? Date.parse(step.activatedAt) : now;
  const target = step.clock?.targetDueAt ? Date.parse(step.clock.targetDueAt) : null;
  if (target !== null && target > activated) {
    const limit = step.clock?.limitDueAt ? Date.parse(step.clock.limitDueAt) : target;
    const span = target - activated;
    if (pace <= 1) return activated + pace * span;
    if (pace <= 2) return target + (pace - 1) * Math.max(limit - target, 0.2 * span);
    return Math.max(limit, target) + (pace - 2) * span;
  }
  const ticketTarget = detail.clocks.ticket.targetDueAt ?? detail.clocks.ticket.limitDueAt;
  const received = Date.parse(detail.receivedAt);
  const remaining = detail.steps.filter((s) => s.status !== 'done').length;
  const share = ticketTarget
    ? (Date.parse(ticketTarget) - received) / Math.max(detail.steps.length - 1, 1)
    : 4 * HOUR;
  return now + Math.max(pace * share * (remaining > 0 ? 0.9 : 1), 15 * MINUTE);
}

/** Nine scores 1-4, mostly 3 and 4, lower for late or returned tickets and weaker offices. */
export function surveyScores(
  random: SeededRandom,
  quality: number,
  late: boolean,
  returned: boolean,
): number[] {
  const base = 3.2 + quality;
  return Array.from({ length: 9 }, (_, index) => {
    let mean = base;
    if (index === 2 && late) mean -= 0.9; // U3 waktu penyelesaian
    if (index === 0 && returned) mean -= 0.4; // U1 persyaratan
    if (index === 3) mean += 0.5; // U4 biaya: the services are free
    if (index === 7) mean -= 0.2; // U8 sarana dan prasarana
    const value = Math.round(mean + random.between(-0.9, 0.9));
    return Math.min(4, Math.max(1, value));
  });
}

/** The UTC offset of a zone (Indonesia's zones keep no daylight time). */
export function zoneOffset(timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    timeZoneName: 'longOffset',
  }).formatToParts(new Date(0));
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return (match[1] === '-' ? -1 : 1) * minutes * MINUTE;
}

const WORK_START = 7.5 * 60;
const WORK_END = 16 * 60;

/**
 * The instant moved into office hours (Monday to Friday, 07.30-16.00 local): people act at work.
 * Holidays are left to the SLA calendar, which counts no time on them anyway.
 */
export function working(at: number, offsetMs: number): number {
  let local = at + offsetMs;
  for (let guard = 0; guard < 8; guard++) {
    const day = Math.floor(local / DAY);
    const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
    const minute = (local - day * DAY) / MINUTE;
    if (weekday >= 1 && weekday <= 5 && minute >= WORK_START && minute < WORK_END)
      return local - offsetMs;
    // The next day's opening, keeping a spread of minutes so actions do not pile up at 07.30.
    const nextDay = minute < WORK_START && weekday >= 1 && weekday <= 5 ? day : day + 1;
    local = nextDay * DAY + (WORK_START + 10 + (minute % 120)) * MINUTE;
  }
  return local - offsetMs;
}

export function channelText(channel: Channel): string {
  return (
    {
      letter: 'surat',
      email: 'e-mail',
      portal: 'portal layanan',
      'walk-in': 'datang langsung',
      phone: 'telepon',
    } as const
  )[channel];
}

export function truncate(text: string): string {
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}
