import { Global, Module } from '@nestjs/common';
import { CalendarProvider } from './calendar-provider';
import { CalendarSeedService } from './calendar-seed.service';
import { CalendarsController } from './calendars.controller';
import { CalendarsService } from './calendars.service';
import { DbCalendarProvider } from './db-calendar-provider';
import { OfficeCalendars } from '@sigap/api-offices';
import { OfficeCalendarsAdapter } from './office-calendars.adapter';

/**
 * Working calendars per office. Global: any domain can inject `CalendarProvider` (tickets,
 * SLA preview, sweeps) without importing this module.
 */
@Global()
@Module({
  controllers: [CalendarsController],
  providers: [
    DbCalendarProvider,
    { provide: CalendarProvider, useExisting: DbCalendarProvider },
    CalendarsService,
    CalendarSeedService,
    { provide: OfficeCalendars, useClass: OfficeCalendarsAdapter },
  ],
  exports: [CalendarProvider, CalendarsService, CalendarSeedService, OfficeCalendars],
})
export class CalendarsModule {}
