import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { STANDARD_WEEK, national2026 } from '../testing/calendars';
import { addDuration, addWorkingDays, addWorkingMinutes } from './arithmetic';
import { WorkCalendar } from './compile';
import { closuresFromHolidayFile, HolidayFile } from './holidays';
import { Closure, ScheduleVariant } from './model';

/*
 * Hand-computed due dates for calendars as offices really keep them: Bali's regional days (kept
 * unconfirmed until an admin confirms them), the Ramadan 1447 H hours as a dated variant, and an
 * office that serves on Saturday. Read from the seed files the product ships.
 */

const seed = (path: string) =>
  parse(readFileSync(join(__dirname, '../../../../tools/seed', path), 'utf8'));
const bali2026 = () => closuresFromHolidayFile(seed('holidays/id-ba-2026.yaml') as HolidayFile);
const variants2026 = () =>
  (seed('calendars/variants-2026.yaml') as { variants: ScheduleVariant[] }).variants;

const wib = (local: string) => Date.parse(`${local}:00+07:00`);
const wita = (local: string) => Date.parse(`${local}:00+08:00`);

describe('unconfirmed closures', () => {
  const galungan: Closure = {
    date: '2026-06-17',
    name: 'Hari Raya Galungan',
    type: 'libur-daerah',
    source: 'uji',
    layer: 'province',
  };

  it('are checked but close nothing, and confirming one changes the version', () => {
    const base = { timeZone: 'Asia/Makassar', week: STANDARD_WEEK };
    const open = WorkCalendar.compile({ ...base, closures: [{ ...galungan, confirmed: false }] });
    const none = WorkCalendar.compile({ ...base, closures: [] });
    const closed = WorkCalendar.compile({ ...base, closures: [{ ...galungan, confirmed: true }] });
    expect(open.version).toBe(none.version);
    expect(closed.version).not.toBe(open.version);
    expect(() =>
      WorkCalendar.compile({
        ...base,
        closures: [{ ...galungan, date: '2026-06-31', confirmed: false }],
      }),
    ).toThrowError(/tidak valid/);
  });

  it('a holiday file may mark its entries unconfirmed, one entry may override it', () => {
    const file: HolidayFile = {
      year: 2026,
      layer: 'province',
      region: 'ID-BA',
      source: 'uji',
      confirmed: false,
      closures: [
        { date: '2026-06-17', name: 'Galungan', type: 'libur-daerah' },
        { date: '2026-06-27', name: 'Kuningan', type: 'libur-daerah', confirmed: true },
      ],
    };
    const [g, k] = closuresFromHolidayFile(file);
    expect(g.confirmed).toBeFalse();
    expect(k.confirmed).toBeUndefined();
    expect(() =>
      closuresFromHolidayFile({ ...file, confirmed: 'ya' as unknown as boolean }),
    ).toThrowError(/tidak valid/);
  });

  it('the Bali 2026 seed holds the Pawukon days, all unconfirmed', () => {
    const bali = bali2026();
    const byName = (name: string) => bali.filter((c) => c.name === name).map((c) => c.date);
    expect(byName('Hari Raya Galungan')).toEqual(['2026-06-17']);
    expect(byName('Hari Raya Kuningan')).toEqual(['2026-06-27']);
    expect(byName('Hari Suci Saraswati')).toEqual(['2026-04-04', '2026-10-31']);
    expect(byName('Hari Suci Pagerwesi')).toEqual(['2026-04-08', '2026-11-04']);
    expect(byName('Hari Suci Siwaratri').length).toBe(1);
    expect(bali.every((c) => c.confirmed === false && c.layer === 'province')).toBeTrue();
  });
});

describe('hand-computed due dates', () => {
  it('Bali: 2 hari from Mon 15 Jun 2026 10.00 WITA spans Galungan once it is confirmed', () => {
    // Tue 16 Jun is 1 Muharam (national). Working days count from the start's clock time:
    // - Galungan unconfirmed: day 1 = Wed 17, day 2 = Thu 18 -> Thu 18 Jun 10.00 WITA.
    // - Galungan (Wed 17) confirmed, the other Bali days not: day 1 = Thu 18, day 2 = Fri 19
    //   -> Fri 19 Jun 10.00 WITA.
    const bali = bali2026();
    const confirmOnly = (name: string) =>
      bali.map((c) => (c.name === name ? { ...c, confirmed: true } : c));
    const unconfirmed = WorkCalendar.compile({
      timeZone: 'Asia/Makassar',
      week: STANDARD_WEEK,
      closures: [...national2026(), ...bali],
    });
    const confirmed = WorkCalendar.compile({
      timeZone: 'Asia/Makassar',
      week: STANDARD_WEEK,
      closures: [...national2026(), ...confirmOnly('Hari Raya Galungan')],
    });
    const start = wita('2026-06-15T10:00');
    expect(addWorkingDays(unconfirmed, start, 2)).toBe(wita('2026-06-18T10:00'));
    expect(addWorkingDays(confirmed, start, 2)).toBe(wita('2026-06-19T10:00'));
  });

  it('Riau: 8 jam from Mon 23 Feb 2026 10.00 WIB under the Ramadan hours', () => {
    // Ramadan 1447 H (19 Feb - 20 Mar): Mon-Thu 08.00-12.00 + 12.30-15.00 (6.5 h).
    // Mon 23 Feb: 10.00-12.00 = 2 h, 12.30-15.00 = 2.5 h -> 4.5 h; 3.5 h left.
    // Tue 24 Feb: 08.00 + 3.5 h = 11.30 (before the 12.00 break) -> Tue 24 Feb 11.30 WIB.
    // Without the variant: Mon 10.00-12.00 2 h + 13.00-16.00 3 h = 5 h; Tue 07.30 + 3 h = 10.30.
    const base = { timeZone: 'Asia/Jakarta', week: STANDARD_WEEK, closures: national2026() };
    const seeded = variants2026();
    // Seeded in force (its 2026 sources are cited in the seed file).
    expect(seeded.map((v) => [v.name, v.from, v.to, v.confirmed])).toEqual([
      ['Ramadan 1447 H', '2026-02-19', '2026-03-20', true],
    ]);
    const ramadan = WorkCalendar.compile({ ...base, variants: seeded });
    const normal = WorkCalendar.compile(base);
    // Withdrawn to a proposal (unconfirmed): checked, shown, and the normal week applies.
    const proposed = WorkCalendar.compile({
      ...base,
      variants: seeded.map((v) => ({ ...v, confirmed: false })),
    });
    expect(proposed.version).toBe(normal.version);
    expect(addDuration(proposed, wib('2026-02-23T10:00'), 8, 'hour', 'working')).toBe(
      wib('2026-02-24T10:30'),
    );
    const start = wib('2026-02-23T10:00');
    expect(addDuration(ramadan, start, 8, 'hour', 'working')).toBe(wib('2026-02-24T11:30'));
    expect(addDuration(normal, start, 8, 'hour', 'working')).toBe(wib('2026-02-24T10:30'));
    // A week of Ramadan has 32.5 working hours (Mon 23 - Fri 27 Feb, no holiday).
    expect(addWorkingMinutes(ramadan, wib('2026-02-23T08:00'), 32.5 * 60)).toBe(
      wib('2026-02-27T15:30'),
    );
  });

  it('an office serving Saturday 08.00-12.00 counts Saturday hours, only in its dated period', () => {
    // Fri 10 Jul 2026 15.00 WITA + 4 jam: Friday 15.00-16.30 = 1.5 h; 2.5 h left.
    // - Saturday service (1 Jul - 31 Aug): Sat 11 Jul 08.00 + 2.5 h = 10.30.
    // - Outside the period (Fri 4 Sep): Mon 7 Sep 07.30 + 2.5 h = 10.00.
    const saturday = { start: '08:00', end: '12:00' };
    const cal = WorkCalendar.compile({
      timeZone: 'Asia/Makassar',
      week: STANDARD_WEEK,
      variants: [
        {
          name: 'Layanan Sabtu',
          from: '2026-07-01',
          to: '2026-08-31',
          week: { ...STANDARD_WEEK, sat: [saturday] },
        },
      ],
      closures: national2026(),
    });
    expect(addDuration(cal, wita('2026-07-10T15:00'), 4, 'hour', 'working')).toBe(
      wita('2026-07-11T10:30'),
    );
    expect(addDuration(cal, wita('2026-09-04T15:00'), 4, 'hour', 'working')).toBe(
      wita('2026-09-07T10:00'),
    );
    // Saturday every week: the same Friday start ends on Saturday at any time of year.
    const always = WorkCalendar.compile({
      timeZone: 'Asia/Makassar',
      week: { ...STANDARD_WEEK, sat: [saturday] },
      closures: national2026(),
    });
    expect(addDuration(always, wita('2026-09-04T15:00'), 4, 'hour', 'working')).toBe(
      wita('2026-09-05T10:30'),
    );
  });
});
