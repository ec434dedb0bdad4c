import { CalendarError, CalendarProvider, type OfficeCalendar } from '@sigap/api-calendars';

/** The office's working day; none while the office has no schedule yet (the civil one is used). */
export async function officeWorkingDay(
  calendars: CalendarProvider,
  officeCode: string,
): Promise<number | undefined> {
  try {
    return workingDayOf(await calendars.forOffice(officeCode));
  } catch (error) {
    if (error instanceof CalendarError && error.code === 'calendar.not_configured')
      return undefined;
    throw error;
  }
}

/**
 * The office's working day in minutes, to add step times in hours to times in days: its normal
 * week's working time over its working days (Perpres 21/2023's week: 37.5 h / 5 = 7.5 h).
 * Undefined when the week has no working time (the importer then uses the civil-service day).
 */
export function workingDayOf(office: OfficeCalendar): number | undefined {
  const days = office.calendar.definition.week
    .map((day) => day.reduce((sum, [from, to]) => sum + (to - from), 0))
    .filter((minutes) => minutes > 0);
  if (days.length === 0) return undefined;
  return Math.round(days.reduce((a, b) => a + b, 0) / days.length);
}
