import { Injectable } from '@nestjs/common';
import { SlaError, WorkCalendar } from '@sigap/sla';
import { DataSource } from 'typeorm';
import { zoneAbbreviation } from '@sigap/api-offices';
import { CalendarProvider, OfficeCalendar, ROUND_THE_CLOCK_WEEK } from './calendar-provider';
import { CalendarError } from './calendar-error';
import { loadOfficeCalendar, readRevision, toDefinition } from './calendar-store';

/**
 * Builds each office's `WorkCalendar` from the layered tables and keeps it until the calendar
 * revision changes.
 *
 * Staleness: an edit made through this instance drops the cache at once (the next call
 * rebuilds). An edit made through another instance bumps the `calendar_revision` row; this
 * instance reads that row (one primary-key read) at most once every `REVISION_CHECK_MS`, so it
 * uses the old calendar for at most that long after the other instance commits.
 */
@Injectable()
export class DbCalendarProvider extends CalendarProvider {
  /** Longest time an edit made on another instance goes unnoticed. */
  static readonly REVISION_CHECK_MS = 1000;

  private readonly cache = new Map<string, Promise<OfficeCalendar>>();
  /** 24x7 calendars per zone: they depend on nothing an admin edits. */
  private readonly roundTheClockByZone = new Map<
    string,
    { calendar: WorkCalendar; version: string }
  >();
  private knownRevision: number | null = null;
  private checkedAt = 0;
  /** Bumped on every invalidation, so a build that started before it is not cached. */
  private generation = 0;

  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async forOffice(officeCode: string): Promise<OfficeCalendar> {
    await this.checkRevision();
    let entry = this.cache.get(officeCode);
    if (!entry) {
      const generation = this.generation;
      entry = this.build(officeCode);
      this.cache.set(officeCode, entry);
      entry.catch(() => {
        if (this.cache.get(officeCode) === entry) this.cache.delete(officeCode);
      });
      void entry.then(
        () => {
          if (generation !== this.generation && this.cache.get(officeCode) === entry) {
            this.cache.delete(officeCode);
          }
        },
        () => undefined,
      );
    }
    return entry;
  }

  /** Built from the office's zone (read through its own calendar, so the same cache applies). */
  async roundTheClock(officeCode: string): Promise<OfficeCalendar> {
    const office = await this.forOffice(officeCode);
    let entry = this.roundTheClockByZone.get(office.timeZone);
    if (!entry) {
      const calendar = WorkCalendar.compile({
        timeZone: office.timeZone,
        week: ROUND_THE_CLOCK_WEEK,
        workingDaysPerWeek: 7,
        label: `24x7 ${office.zoneAbbreviation}`,
      });
      entry = { calendar, version: calendar.version };
      this.roundTheClockByZone.set(office.timeZone, entry);
    }
    return { ...office, calendar: entry.calendar, version: entry.version };
  }

  /** Drops every cached calendar; the next `forOffice` re-reads the revision and rebuilds. */
  invalidate(): void {
    this.generation++;
    this.cache.clear();
    this.checkedAt = 0;
  }

  private async checkRevision(): Promise<void> {
    const now = Date.now();
    if (this.knownRevision !== null && now - this.checkedAt < DbCalendarProvider.REVISION_CHECK_MS)
      return;
    this.checkedAt = now;
    const revision = await readRevision(this.dataSource.manager);
    if (revision !== this.knownRevision) {
      this.generation++;
      this.cache.clear();
      this.knownRevision = revision;
    }
  }

  private async build(officeCode: string): Promise<OfficeCalendar> {
    const data = await loadOfficeCalendar(this.dataSource.manager, officeCode);
    let calendar: WorkCalendar;
    try {
      calendar = WorkCalendar.compile(toDefinition(data));
    } catch (error) {
      if (error instanceof SlaError) {
        throw new CalendarError(
          'calendar.invalid',
          `Kalender kantor "${officeCode}" tidak dapat dipakai: ${error.message}`,
          error.issues.map((i) => ({ path: i.path, message: i.message })),
        );
      }
      throw error;
    }
    return {
      officeCode,
      timeZone: data.schedule.timeZone,
      zoneAbbreviation: zoneAbbreviation(data.schedule.timeZone),
      calendar,
      version: calendar.version,
    };
  }
}
