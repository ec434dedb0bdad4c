import fc from 'fast-check';
import type { Duration } from '../model';
import {
  DurationParseError,
  formatDuration,
  parseDuration,
  readDuration,
  splitLeadingLabel,
} from './duration';

type Row = [
  text: string,
  min: number,
  max: number,
  unit: Duration['unit'],
  basis: Duration['basis'],
  starts?: Duration['startsWhen'],
];

const CASES: Row[] = [
  // Seed texts
  ['1 Hari', 1, 1, 'day', 'working'],
  [
    'Datang Langsung : 30 (tiga puluh) menit sejak permintaan informasi disampaikan.',
    30,
    30,
    'minute',
    'working',
    'received',
  ],
  [
    'atang Langsung : 30 (tiga puluh) menit sejak permintaan informasi disampaikan.',
    30,
    30,
    'minute',
    'working',
    'received',
  ],
  ['1- 2 Jam', 1, 2, 'hour', 'working'],
  ['1 Jam', 1, 1, 'hour', 'working'],
  ['7 Hari', 7, 7, 'day', 'working'],
  ['3 Bulan', 3, 3, 'month', 'calendar'],
  ['1 s.d 2 bulan', 1, 2, 'month', 'calendar'],
  // Ranges
  ['1 s.d. 2 bulan', 1, 2, 'month', 'calendar'],
  ['1 sampai dengan 2 bulan', 1, 2, 'month', 'calendar'],
  ['1 sampai 3 hari', 1, 3, 'day', 'working'],
  ['2 hingga 4 minggu', 2, 4, 'week', 'calendar'],
  ['1 s/d 3 hari kerja', 1, 3, 'day', 'working'],
  ['1 S/D 3 Hari', 1, 3, 'day', 'working'],
  ['1 sd 2 jam', 1, 2, 'hour', 'working'],
  ['2 – 3 hari', 2, 3, 'day', 'working'],
  ['2—3 minggu', 2, 3, 'week', 'calendar'],
  ['1-2 Jam', 1, 2, 'hour', 'working'],
  ['1 (satu) s.d 2 (dua) bulan', 1, 2, 'month', 'calendar'],
  // NxM jam
  ['2x24 jam', 2, 2, 'day', 'working'],
  ['2×24 jam', 2, 2, 'day', 'working'],
  ['2 x 24 Jam', 2, 2, 'day', 'working'],
  ['1x24 jam', 1, 1, 'day', 'working'],
  ['3 x 8 jam', 24, 24, 'hour', 'working'],
  ['1-2 x 24 jam', 1, 2, 'day', 'working'],
  ['Maksimal 2×24 jam sejak berkas permohonan diterima', 2, 2, 'day', 'working', 'received'],
  // Prefixes, basis, start clauses
  ['paling lama 3 hari kerja', 3, 3, 'day', 'working'],
  ['Paling lambat 5 hari kerja', 5, 5, 'day', 'working'],
  ['maksimal 60 menit', 60, 60, 'minute', 'working'],
  ['maks. 60 menit', 60, 60, 'minute', 'working'],
  ['selambat-lambatnya 14 hari kalender', 14, 14, 'day', 'calendar'],
  ['14 hari kalender', 14, 14, 'day', 'calendar'],
  ['dalam waktu 3 jam kerja', 3, 3, 'hour', 'working'],
  ['± 2 jam', 2, 2, 'hour', 'working'],
  ['kurang lebih 2 minggu', 2, 2, 'week', 'calendar'],
  ['1 (satu) minggu', 1, 1, 'week', 'calendar'],
  ['2 minggu kerja', 2, 2, 'week', 'working'],
  ['3 hari kerja sejak berkas lengkap', 3, 3, 'day', 'working', 'complete'],
  [
    '7 hari kerja terhitung sejak berkas diterima secara lengkap',
    7,
    7,
    'day',
    'working',
    'complete',
  ],
  ['5 hari kerja setelah permohonan diterima', 5, 5, 'day', 'working', 'received'],
  ['1 tahun', 12, 12, 'month', 'calendar'],
  // Number words
  ['tiga puluh menit', 30, 30, 'minute', 'working'],
  ['empat puluh lima menit', 45, 45, 'minute', 'working'],
  ['enam puluh menit', 60, 60, 'minute', 'working'],
  ['sebelas hari', 11, 11, 'day', 'working'],
  ['dua belas jam', 12, 12, 'hour', 'working'],
  ['dua puluh hari kerja', 20, 20, 'day', 'working'],
  ['satu s.d. dua bulan', 1, 2, 'month', 'calendar'],
  ['sepuluh hari kalender', 10, 10, 'day', 'calendar'],
  ['45 (empat puluh lima) menit', 45, 45, 'minute', 'working'],
  ['sehari', 1, 1, 'day', 'working'],
  ['seminggu', 1, 1, 'week', 'calendar'],
  ['1,5 jam', 1.5, 1.5, 'hour', 'working'],
  // English
  ['2 working days', 2, 2, 'day', 'working'],
  ['3 months', 3, 3, 'month', 'calendar'],
  ['14 calendar days', 14, 14, 'day', 'calendar'],
  ['1-2 hours', 1, 2, 'hour', 'working'],
  ['within 2 business days from receipt', 2, 2, 'day', 'working', 'received'],
  ['two weeks', 2, 2, 'week', 'calendar'],
  ['30 minutes after documents are complete', 30, 30, 'minute', 'working', 'complete'],
  ['1 to 2 months', 1, 2, 'month', 'calendar'],
];

describe('parseDuration', () => {
  it('has a table of at least 40 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  for (const [text, min, max, unit, basis, starts] of CASES) {
    it(`reads "${text}"`, () => {
      expect(parseDuration(text)).toEqual({ min, max, unit, basis, startsWhen: starts ?? null });
    });
  }

  const REJECTED: [text: string, at: string, message: RegExp][] = [
    ['', '', /kosong/],
    ['   ', '', /kosong/],
    ['kapan-kapan', 'kapan-kapan', /tidak dapat membaca "kapan-kapan"/],
    ['secepatnya', 'secepatnya', /tidak dapat membaca/],
    ['asdf qwer', 'asdf qwer', /tidak dapat membaca "asdf qwer"/],
    ['-5 hari', '-5', /angka negatif "-5"/],
    ['2 s.d 1 jam', '2 s.d 1 jam', /batas atas \(1\) lebih kecil dari batas bawah \(2\)/],
    ['3', '3', /satuan waktu .* tidak ada setelah "3"/],
    ['1 s.d 2', '1 s.d 2', /satuan waktu .* tidak ada/],
    ['3 abad', 'abad', /satuan waktu "abad" tidak dikenal/],
    ['0 hari', '0 hari', /lebih dari nol/],
    ['30 (dua puluh) menit', '30 (dua puluh)', /tidak sama dengan tulisannya "dua puluh"/],
    ['30 (banyak) menit', 'banyak', /isi kurung "banyak"/],
    ['3 hari kerja sejak kapan saja', 'sejak kapan saja', /awal perhitungan "sejak kapan saja"/],
    ['3 hari atau lebih', 'atau lebih', /bagian "atau lebih" tidak dapat dibaca/],
    ['2x12 hari', '2x12 hari', /harus diikuti satuan jam/],
    ['1 s.d', '1 s.d', /batas atas rentang tidak ada setelah "s.d"/],
  ];

  for (const [text, at, message] of REJECTED) {
    it(`rejects "${text}" naming "${at}"`, () => {
      const r = readDuration(text);
      expect(r.ok).toBeFalse();
      if (!r.ok) {
        expect(r.error.at).toBe(at);
        expect(r.error.message).toMatch(message);
      }
      expect(() => parseDuration(text)).toThrowError(DurationParseError, message);
    });
  }

  it('keeps the label of a per-channel time apart', () => {
    expect(splitLeadingLabel('Datang Langsung : 30 menit')).toEqual({
      label: 'Datang Langsung',
      rest: '30 menit',
    });
    expect(splitLeadingLabel('30 menit')).toEqual({ label: null, rest: '30 menit' });
  });
});

describe('formatDuration', () => {
  it('writes canonical Indonesian', () => {
    expect(formatDuration(parseDuration('1 s.d 2 bulan'))).toBe('1 s.d. 2 bulan');
    expect(formatDuration(parseDuration('2x24 jam'))).toBe('2 hari kerja');
    expect(formatDuration(parseDuration('14 hari kalender'))).toBe('14 hari kalender');
    expect(
      formatDuration(
        parseDuration(
          'Datang Langsung : 30 (tiga puluh) menit sejak permintaan informasi disampaikan',
        ),
      ),
    ).toBe('30 menit sejak berkas diterima');
    expect(formatDuration(parseDuration('3 hari kerja sejak berkas lengkap'))).toBe(
      '3 hari kerja sejak berkas lengkap',
    );
    expect(formatDuration(parseDuration('1 minggu kerja'))).toBe('1 minggu kerja');
    expect(formatDuration(parseDuration('2 jam kalender'))).toBe('2 jam kalender');
    expect(formatDuration(parseDuration('1,5 jam'))).toBe('1,5 jam');
  });

  it('round-trips: parseDuration(formatDuration(d)) equals d', () => {
    const amount = fc.oneof(
      fc.integer({ min: 1, max: 10_000 }),
      fc.integer({ min: 1, max: 2_000 }).map((n) => n / 2),
    );
    const duration = fc
      .record({
        a: amount,
        b: amount,
        range: fc.boolean(),
        unit: fc.constantFrom<Duration['unit']>('minute', 'hour', 'day', 'week', 'month'),
        basis: fc.constantFrom<Duration['basis']>('working', 'calendar'),
        startsWhen: fc.constantFrom<Duration['startsWhen']>('received', 'complete', null),
      })
      .map(({ a, b, range, unit, basis, startsWhen }): Duration => {
        const min = range ? Math.min(a, b) : a;
        const max = range ? Math.max(a, b) : a;
        return { min, max, unit, basis, startsWhen };
      });
    fc.assert(
      fc.property(duration, (d) => {
        expect(parseDuration(formatDuration(d))).toEqual(d);
      }),
      { numRuns: 2000 },
    );
  });
});
