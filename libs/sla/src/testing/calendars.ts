/** Calendars shared by the hand-checked cases and the benchmark (test support, not product). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { closuresFromHolidayFile, HolidayFile } from '../lib/holidays';
import { Closure, TimeInterval, WeeklySchedule } from '../lib/model';

const iv = (start: string, end: string): TimeInterval => ({ start, end });
const monThu = [iv('07:30', '12:00'), iv('13:00', '16:00')];

/** Mon-Thu 07.30-16.00 (break 12.00-13.00), Fri 07.30-16.30 (break 11.30-13.00). */
export const STANDARD_WEEK: WeeklySchedule = {
  mon: monThu,
  tue: monThu,
  wed: monThu,
  thu: monThu,
  fri: [iv('07:30', '11:30'), iv('13:00', '16:30')],
};

/** The 2026 national holidays and cuti bersama, read from the seed file. */
export function national2026(): Closure[] {
  const path = join(__dirname, '../../../../tools/seed/holidays/id-2026.yaml');
  return closuresFromHolidayFile(parse(readFileSync(path, 'utf8')) as HolidayFile);
}
