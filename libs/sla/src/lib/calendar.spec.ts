import { STANDARD_WEEK } from '../testing/calendars';
import { validateCalendar } from './calendar';
import { WorkCalendar } from './compile';
import { SlaError } from './errors';
import { CalendarDefinition } from './model';

describe('calendar definition', () => {
  const base: CalendarDefinition = { timeZone: 'Asia/Jakarta', week: STANDARD_WEEK };

  it('accepts the standard week and "07.30" written with a dot', () => {
    expect(validateCalendar(base)).toEqual([]);
    expect(
      validateCalendar({ ...base, week: { mon: [{ start: '07.30', end: '16.00' }] } }),
    ).toEqual([]);
  });

  it('lists every problem with its path and an Indonesian message', () => {
    const issues = validateCalendar({
      timeZone: 'Asia/Jakartaa',
      year: 2026,
      week: {
        mon: [
          { start: '07:30', end: '12:00' },
          { start: '11:00', end: '16:00' },
        ],
        tue: [{ start: '25:00', end: '16:00' }],
        wed: [{ start: '16:00', end: '07:30' }],
        senin: [],
      } as CalendarDefinition['week'],
      variants: [
        { name: 'Ramadan', from: '2026-02-19', to: '2026-03-19', week: STANDARD_WEEK },
        { name: 'Ramadan 2', from: '2026-03-01', to: '2026-02-01', week: STANDARD_WEEK },
        { name: 'Lain', from: '2026-03-01', to: '2026-03-05', week: STANDARD_WEEK },
        { name: 'x'.repeat(201), from: '2026-06-01', to: '2026-06-05', week: STANDARD_WEEK },
        { name: 'y'.repeat(200), from: '2026-07-01', to: '2026-07-05', week: STANDARD_WEEK },
      ],
      closures: [
        { date: '2027-01-01', name: 'Tahun Baru', type: 'libur-nasional', source: 'SKB' },
        { date: '2026-05-01', name: 'Hari Buruh', type: 'libur' as never, source: '' },
        {
          date: '2026-05-02',
          name: 'Rapat',
          type: 'penutupan-kantor',
          source: 'SE',
          from: '13:00',
          to: '12:00',
        },
      ],
    });
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i]));
    expect(byPath['timeZone'].message).toContain('zona waktu tidak dikenal');
    expect(byPath['week.mon[1]'].code).toBe('interval.overlap');
    expect(byPath['week.tue[0].start'].code).toBe('time.invalid');
    expect(byPath['week.wed[0]'].code).toBe('interval.empty');
    expect(byPath['week.senin'].code).toBe('week.day_unknown');
    expect(byPath['variants[1]'].code).toBe('variant.range');
    expect(byPath['variants[2]'].code).toBe('variant.overlap');
    expect(byPath['variants[3].name'].message).toBe('nama paling banyak 200 karakter');
    expect(byPath['variants[4].name']).toBeUndefined();
    expect(byPath['closures[0].date'].message).toBe(
      'tanggal 2027-01-01 di luar tahun kalender 2026',
    );
    expect(byPath['closures[1].type'].code).toBe('closure.type_unknown');
    expect(byPath['closures[1].source'].code).toBe('closure.source');
    expect(byPath['closures[2]'].code).toBe('closure.range');
    expect(issues.length).toBe(12);
  });

  it('refuses to compile an invalid calendar, naming the problem', () => {
    expect(() => WorkCalendar.compile({ timeZone: 'Mars/Base', week: STANDARD_WEEK })).toThrowError(
      SlaError,
      /timeZone: zona waktu tidak dikenal "Mars\/Base"/,
    );
    expect(() => WorkCalendar.compile({ timeZone: 'Asia/Jakarta', week: {} })).toThrowError(
      SlaError,
      /tidak memiliki waktu kerja/,
    );
  });

  it('fingerprints what changes figures: a new closure changes it, a renamed one does not', () => {
    const closure = {
      date: '2026-04-07',
      name: 'Rapat',
      type: 'penutupan-kantor',
      source: 'SE',
    } as const;
    const a = WorkCalendar.compile({ ...base, closures: [closure] });
    const renamed = WorkCalendar.compile({
      ...base,
      closures: [{ ...closure, name: 'Rapat kerja' }],
    });
    const plain = WorkCalendar.compile(base);
    const partDay = WorkCalendar.compile({
      ...base,
      closures: [{ ...closure, from: '13:00', to: '16:00' }],
    });
    expect(a.version).toBe(renamed.version);
    expect(a.version).not.toBe(plain.version);
    expect(a.version).not.toBe(partDay.version);
    expect(a.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it('uses a dated variant (Ramadan) on its dates only', () => {
    const ramadan = { mon: [{ start: '08:00', end: '15:00' }] };
    const cal = WorkCalendar.compile({
      ...base,
      variants: [{ name: 'Ramadan 1447 H', from: '2026-02-19', to: '2026-03-19', week: ramadan }],
    });
    const r = cal.rangeFor(Date.parse('2026-03-02T00:00:00+07:00'));
    const day = r.dayOf(Date.parse('2026-03-02T10:00:00+07:00'));
    expect(r.ivStart[r.dayIvFrom[day]]).toBe(Date.parse('2026-03-02T08:00:00+07:00'));
    expect(r.closeOf(day)).toBe(Date.parse('2026-03-02T15:00:00+07:00'));
    const tue = r.dayOf(Date.parse('2026-03-03T10:00:00+07:00'));
    expect(r.dayIvFrom[tue + 1]).toBe(r.dayIvFrom[tue]); // Tuesday is not in the Ramadan week
  });
});
