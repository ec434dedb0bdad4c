import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OfficeCalendars } from '@sigap/api-offices';
import { CalendarSeedService } from './calendar-seed.service';
import { bumpRevision } from './calendar-store';
import { CalendarScheduleEntity } from './calendar.entities';

/** The calendars' side of office creation and moves (see `OfficeCalendars`). */
@Injectable()
export class OfficeCalendarsAdapter implements OfficeCalendars {
  constructor(private readonly seed: CalendarSeedService) {}

  async scheduleNewOffice(
    manager: EntityManager,
    office: { code: string; timeZone: string },
    actorId: string | null,
  ): Promise<void> {
    await this.seed.scheduleNewOffice(manager, office, actorId);
  }

  async officeMoved(
    manager: EntityManager,
    code: string,
    newTimeZone: string | null,
  ): Promise<void> {
    // The working schedule computes in the office's zone; a new region brings the province's
    // holidays. Cached calendars are rebuilt.
    if (newTimeZone !== null)
      await manager
        .getRepository(CalendarScheduleEntity)
        .update({ officeCode: code }, { timeZone: newTimeZone });
    await bumpRevision(manager);
  }

  invalidate(): void {
    this.seed.invalidate();
  }
}
