import { STANDARD_WEEK, national2026 } from '../testing/calendars';
import {
  addDuration,
  addWorkingDays,
  addWorkingMinutes,
  dueDates,
  isWorking,
  workingDaysBetween,
  workingMinutesBetween,
} from './arithmetic';
import { WorkCalendar } from './compile';
import { SlaDuration } from './model';

/*
 * Hand-checked cases on the standard schedule (Mon-Thu 07.30-16.00, break 12.00-13.00;
 * Fri 07.30-16.30, break 11.30-13.00: 7.5 working hours every day) with the 2026 national
 * holidays and cuti bersama. March 2026: Mon 2, 9, 16, 23, 30. Each case says why.
 */

const wib = (local: string) => Date.parse(`${local}:00+07:00`);
const wita = (local: string) => Date.parse(`${local}:00+08:00`);
const dur = (
  min: number,
  unit: SlaDuration['unit'],
  basis: SlaDuration['basis'] = 'working',
  max = min,
): SlaDuration => ({ min, max, unit, basis, startsWhen: 'received' });

describe('hand-checked cases (Asia/Jakarta, national calendar 2026)', () => {
  const cal = WorkCalendar.compile({
    timeZone: 'Asia/Jakarta',
    week: STANDARD_WEEK,
    closures: national2026(),
  });

  const cases: { why: string; start: string; duration: SlaDuration; due: string }[] = [
    {
      why: 'Idul Fitri week: 1 Hari from Tue 17 Mar 14:00; 18 (cuti), 19 (Nyepi), 20 (cuti), 21-22 (weekend, Idul Fitri), 23-24 (cuti) are closed, so the next working day is Wed 25 Mar, same clock time',
      start: '2026-03-17T14:00',
      duration: dur(1, 'day'),
      due: '2026-03-25T14:00',
    },
    {
      why: 'Idul Fitri week: 8 Jam from Tue 17 Mar 14:00 = 2 h on Tue (to 16:00), then Wed 25: 07:30-12:00 (4.5 h, 6.5 h in all), 1.5 h after the break: 14:30',
      start: '2026-03-17T14:00',
      duration: dur(8, 'hour'),
      due: '2026-03-25T14:30',
    },
    {
      why: 'Received during the leave (Fri 20 Mar 09:00): the start moves to Wed 25 07:30; 1 working day later is Thu 26 07:30, an opening, so the due is the previous working day close, Wed 25 16:00',
      start: '2026-03-20T09:00',
      duration: dur(1, 'day'),
      due: '2026-03-25T16:00',
    },
    {
      why: 'Friday break: 1 Jam from Fri 6 Mar 11:00 = 30 min to 11:30, break to 13:00, 30 min more: 13:30',
      start: '2026-03-06T11:00',
      duration: dur(1, 'hour'),
      due: '2026-03-06T13:30',
    },
    {
      why: 'Friday break: 30 menit from Fri 6 Mar 11:00 is used up exactly at 11:30, where the break starts; the earliest instant is 11:30, not 13:00',
      start: '2026-03-06T11:00',
      duration: dur(30, 'minute'),
      due: '2026-03-06T11:30',
    },
    {
      why: '1 Hari from Thu 5 Mar 11:45 lands on Fri 6 Mar 11:45, inside the Friday break (11:30-13:00): the break start',
      start: '2026-03-05T11:45',
      duration: dur(1, 'day'),
      due: '2026-03-06T11:30',
    },
    {
      why: 'Arrives at 23:00 (Mon 9 Mar): start moves to Tue 10 07:30; 2 Jam: 09:30',
      start: '2026-03-09T23:00',
      duration: dur(2, 'hour'),
      due: '2026-03-10T09:30',
    },
    {
      why: 'Arrives at 23:00 (Mon 9 Mar): start moves to Tue 10 07:30; 1 Hari lands on Wed 11 07:30, an opening, so Tue 10 16:00',
      start: '2026-03-09T23:00',
      duration: dur(1, 'day'),
      due: '2026-03-10T16:00',
    },
    {
      why: 'Saturday (7 Mar 10:00): start moves to Mon 9 07:30; 1 Hari lands on Tue 10 07:30, an opening: Monday close 16:00',
      start: '2026-03-07T10:00',
      duration: dur(1, 'day'),
      due: '2026-03-09T16:00',
    },
    {
      why: 'Holiday eve: Wed 13 May 15:00, 1 Hari; Thu 14 (Kenaikan), Fri 15 (cuti bersama), weekend: Mon 18 May 15:00',
      start: '2026-05-13T15:00',
      duration: dur(1, 'day'),
      due: '2026-05-18T15:00',
    },
    {
      why: 'Holiday eve: Wed 13 May 15:00, 2 Jam; 1 h to 16:00, then Mon 18 May 07:30 + 1 h',
      start: '2026-05-13T15:00',
      duration: dur(2, 'hour'),
      due: '2026-05-18T08:30',
    },
    {
      why: '2x24 jam = 2 working days: Thu 5 Mar 10:00 -> Fri 6 (1) -> Mon 9 (2) 10:00',
      start: '2026-03-05T10:00',
      duration: dur(2, 'day'),
      due: '2026-03-09T10:00',
    },
    {
      why: '1 minggu = 5 working days: Mon 2 Mar 10:00 -> Mon 9 Mar 10:00',
      start: '2026-03-02T10:00',
      duration: dur(1, 'week'),
      due: '2026-03-09T10:00',
    },
    {
      why: '1 bulan from Sat 31 Jan 10:00: clamped to Sat 28 Feb 10:00, not working time, so the next working day close: Mon 2 Mar 16:00',
      start: '2026-01-31T10:00',
      duration: dur(1, 'month', 'calendar'),
      due: '2026-03-02T16:00',
    },
    {
      why: '1 bulan from Fri 20 Feb 10:00: Fri 20 Mar 10:00 is cuti bersama; the next working day is Wed 25 Mar, its close 16:00',
      start: '2026-02-20T10:00',
      duration: dur(1, 'month', 'calendar'),
      due: '2026-03-25T16:00',
    },
    {
      why: '1 bulan from Mon 9 Feb 16:00: Mon 9 Mar 16:00 is a close, the end of working time: kept',
      start: '2026-02-09T16:00',
      duration: dur(1, 'month', 'calendar'),
      due: '2026-03-09T16:00',
    },
    {
      why: '14 hari kalender from Mon 2 Mar 12:30: Mon 16 Mar 12:30 is inside the break, so that day close 16:00',
      start: '2026-03-02T12:30',
      duration: dur(14, 'day', 'calendar'),
      due: '2026-03-16T16:00',
    },
  ];

  for (const c of cases) {
    it(c.why, () => {
      const due = addDuration(cal, wib(c.start), c.duration.min, c.duration.unit, c.duration.basis);
      expect(new Date(due).toISOString()).toBe(new Date(wib(c.due)).toISOString());
    });
  }

  it('"1 s.d 2 bulan" from Mon 12 Jan 10:00: target Thu 12 Feb 10:00, limit Thu 12 Mar 10:00 (both working time)', () => {
    const { target, limit } = dueDates(
      cal,
      wib('2026-01-12T10:00'),
      dur(1, 'month', 'calendar', 2),
    );
    expect(target).toBe(wib('2026-02-12T10:00'));
    expect(limit).toBe(wib('2026-03-12T10:00'));
  });

  it('Idul Fitri fortnight: Sun 15 to Fri 27 Mar holds 5 working days (16, 17, 25, 26, 27)', () => {
    // Mon 16, Tue 17, Wed 25, Thu 26, Fri 27: 5 working days after Sun 15 up to Fri 27; 5 x 7.5 h.
    expect(workingDaysBetween(cal, wib('2026-03-15T12:00'), wib('2026-03-27T12:00'))).toBe(5);
    expect(workingMinutesBetween(cal, wib('2026-03-16T00:00'), wib('2026-03-28T00:00'))).toBe(
      5 * 450,
    );
  });

  it('working days between: Fri 15:00 to Mon 09:00 is 1', () => {
    expect(workingDaysBetween(cal, wib('2026-03-06T15:00'), wib('2026-03-09T09:00'))).toBe(1);
  });

  it('0 working minutes or days is the start itself, even outside working time', () => {
    expect(addWorkingMinutes(cal, wib('2026-03-07T10:00'), 0)).toBe(wib('2026-03-07T10:00'));
    expect(addWorkingDays(cal, wib('2026-03-07T10:00'), 0)).toBe(wib('2026-03-07T10:00'));
  });
});

describe('hand-checked cases: Nyepi in Bali (Asia/Makassar, WITA = UTC+8)', () => {
  const cal = WorkCalendar.compile({
    timeZone: 'Asia/Makassar',
    week: STANDARD_WEEK,
    closures: national2026(),
  });

  it('Nyepi (Thu 19 Mar) is not working time, 10:00 WITA', () => {
    expect(isWorking(cal, wita('2026-03-19T10:00'))).toBeFalse();
    expect(isWorking(cal, wita('2026-03-17T10:00'))).toBeTrue();
  });

  it('2 Jam from Tue 17 Mar 15:00 WITA: 1 h to 16:00, then Wed 25 07:30 WITA + 1 h = 08:30 WITA (00:30 UTC)', () => {
    const due = addDuration(cal, wita('2026-03-17T15:00'), 2, 'hour', 'working');
    expect(new Date(due).toISOString()).toBe('2026-03-25T00:30:00.000Z');
  });

  it('the same instant is 07:30 in Jakarta but 08:30 in Bali: 07:30 WIB is before opening in WITA', () => {
    // 07:30 WIB = 08:30 WITA, one working hour after the Bali opening.
    expect(workingMinutesBetween(cal, wita('2026-03-16T07:30'), wib('2026-03-16T07:30'))).toBe(60);
  });
});

describe('hand-checked cases: a half-day Friday', () => {
  const monThu = STANDARD_WEEK.mon;
  const cal = WorkCalendar.compile({
    timeZone: 'Asia/Jakarta',
    week: {
      mon: monThu,
      tue: monThu,
      wed: monThu,
      thu: monThu,
      fri: [{ start: '07:30', end: '11:30' }],
    },
  });

  it('1 Hari from Thu 5 Mar 14:00: Fri 6 at 14:00 is past the Friday close, so the close 11:30', () => {
    expect(addWorkingDays(cal, wib('2026-03-05T14:00'), 1)).toBe(wib('2026-03-06T11:30'));
  });
});
