// The public face of the calendars library: everything the app and other libraries use.
export * from './calendar-error';
export * from './calendar-provider';
export * from './calendar-seed.service';
export * from './calendar-store';
export * from './calendar.dto';
export * from './calendar.entities';
export * from './calendars.controller';
export * from './calendars.module';
export * from './calendars.service';
export * from './db-calendar-provider';
export * from './office-calendars.adapter';
