import type { EntityManager } from 'typeorm';

/**
 * What offices need of the working calendars when an office is created or moved. Calendars sit
 * above offices (they read the office's zone and region), so the calendars module provides this
 * port and offices never import calendars.
 */
export abstract class OfficeCalendars {
  /** In the creating transaction: the new office's working schedule. */
  abstract scheduleNewOffice(
    manager: EntityManager,
    office: { code: string; timeZone: string },
    actorId: string | null,
  ): Promise<void>;

  /**
   * In the updating transaction, after the office's zone or region changed: the schedule follows
   * a new zone (`newTimeZone`, null when only the region changed) and cached calendars go stale.
   */
  abstract officeMoved(
    manager: EntityManager,
    code: string,
    newTimeZone: string | null,
  ): Promise<void>;

  /** After the commit: drop this instance's cached calendars. */
  abstract invalidate(): void;
}
