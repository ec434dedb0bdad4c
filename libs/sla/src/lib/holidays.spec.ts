import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SlaError } from './errors';
import { HolidayFile, closuresFromDateHolidays, closuresFromHolidayFile } from './holidays';

// The seed file is parsed here with `yaml` (a test-only use: the library itself takes parsed data).
const seedPath = join(__dirname, '../../../../tools/seed/holidays/id-2026.yaml');

describe('holiday seed 2026', () => {
  const closures = closuresFromHolidayFile(parse(readFileSync(seedPath, 'utf8')) as HolidayFile);

  it('holds the 17 national holidays and 8 cuti bersama days of the SKB, as published', () => {
    const dates = (type: string) =>
      closures.filter((c) => c.type === type).map((c) => c.date.slice(5));
    expect(dates('libur-nasional')).toEqual([
      '01-01',
      '01-16',
      '02-17',
      '03-19',
      '03-21',
      '03-22',
      '04-03',
      '04-05',
      '05-01',
      '05-14',
      '05-27',
      '05-31',
      '06-01',
      '06-16',
      '08-17',
      '08-25',
      '12-25',
    ]);
    expect(dates('cuti-bersama')).toEqual([
      '02-16',
      '03-18',
      '03-20',
      '03-23',
      '03-24',
      '05-15',
      '05-28',
      '12-24',
    ]);
  });

  it('gives every entry the decree as source and the national layer', () => {
    for (const c of closures) {
      expect(c.source).toBe(
        'SKB 3 Menteri No. 1497 Tahun 2025, No. 2 Tahun 2025, No. 5 Tahun 2025',
      );
      expect(c.layer).toBe('national');
      expect(c.name.length).toBeGreaterThan(5);
    }
  });
});

describe('closuresFromHolidayFile', () => {
  it('lists every bad entry with its path', () => {
    const file = {
      year: 2026,
      layer: 'national',
      source: 'SKB',
      closures: [
        { date: '2026-02-30', type: 'libur-nasional', name: 'X' },
        { date: '2027-01-01', type: 'libur-nasional', name: 'Tahun Baru' },
        { date: '2026-05-01', type: 'libur', name: '' },
      ],
    } as unknown as HolidayFile;
    try {
      closuresFromHolidayFile(file);
      fail('expected an error');
    } catch (e) {
      expect(e instanceof SlaError).toBeTrue();
      const paths = (e as SlaError).issues.map((i) => i.path);
      expect(paths).toEqual([
        'closures[0].date',
        'closures[1].date',
        'closures[2].name',
        'closures[2].type',
      ]);
      expect((e as SlaError).issues[1].message).toContain('di luar tahun 2026');
    }
  });
});

describe('closuresFromDateHolidays', () => {
  it('keeps public holidays once per date, marked prefilled', () => {
    const out = closuresFromDateHolidays([
      { date: '2026-03-20 00:00:00 -0600', name: 'Hari Raya Idul Fitri', type: 'public' },
      { date: '2026-03-20 00:00:00', name: 'Hari Raya Idul Fitri (2)', type: 'public' },
      { date: '2026-04-21 00:00:00', name: 'Hari Kartini', type: 'observance' },
    ]);
    expect(out).toEqual([
      {
        date: '2026-03-20',
        name: 'Hari Raya Idul Fitri',
        type: 'libur-nasional',
        source: 'date-holidays (ID), diisi otomatis, perlu diperiksa terhadap SKB',
        layer: 'national',
        prefilled: true,
      },
    ]);
  });
});
