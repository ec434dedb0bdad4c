export * from './lib/model';
export { SlaError } from './lib/errors';
export { TimeZone } from './lib/zone';
export type { ZoneDay, Ambiguity } from './lib/zone';
export { validateCalendar, layerClosures } from './lib/calendar';
export { WorkCalendar } from './lib/compile';
export {
  isWorking,
  nextWorkingInstant,
  workingMsBetween,
  workingMinutesBetween,
  addWorkingMs,
  addWorkingMinutes,
  addWorkingHours,
  addWorkingDays,
  workingDaysBetween,
  addCalendarDays,
  addCalendarMonths,
  snapToWorkingClose,
  addDuration,
  dueDates,
  checkDuration,
} from './lib/arithmetic';
export type { DueDates } from './lib/arithmetic';
export {
  computeClock,
  freezeClock,
  clockFigures,
  isSnapshotCurrent,
  validateClockLog,
} from './lib/clock';
export type {
  ClockEvent,
  ClockState,
  ClockOptions,
  ClockPause,
  ClockFigures,
  ClockSnapshot,
} from './lib/clock';
export { closuresFromHolidayFile, closuresFromDateHolidays } from './lib/holidays';
export type { HolidayFile, HolidayFileEntry, DateHolidaysEntry } from './lib/holidays';
