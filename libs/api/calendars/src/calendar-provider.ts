import type { WorkCalendar } from '@sigap/sla';

/** An office's working calendar as the SLA engine needs it. */
export interface OfficeCalendar {
  officeCode: string;
  /** IANA zone of the office. */
  timeZone: string;
  /** WIB, WITA or WIT. */
  zoneAbbreviation: string;
  calendar: WorkCalendar;
  /** Fingerprint of the schedule and closures in force: changes on every edit. */
  version: string;
}

/**
 * Where the rest of the API gets an office's calendar (tickets, SLA preview, sweeps). The
 * calendars domain provides the implementation; it is cached and rebuilt after an edit.
 */
export abstract class CalendarProvider {
  abstract forOffice(officeCode: string): Promise<OfficeCalendar>;

  /**
   * Round the clock in the office's zone: every hour of every day, no holidays. The calendar of
   * IT services supported 24x7 (the data centre); "1 hari" on it is a calendar day.
   */
  abstract roundTheClock(officeCode: string): Promise<OfficeCalendar>;
}

/** The week of a 24x7 calendar. */
export const ROUND_THE_CLOCK_WEEK = Object.fromEntries(
  (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((d) => [
    d,
    [{ start: '00:00', end: '24:00' }],
  ]),
);
