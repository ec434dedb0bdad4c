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
}
