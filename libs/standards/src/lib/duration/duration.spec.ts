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
  // A repeated or mixed unit in a range
  ['1 jam s/d 2 jam', 1, 2, 'hour', 'working'],
  ['1 hari sampai dengan 3 hari', 1, 3, 'day', 'working'],
  ['2 minggu - 3 minggu', 2, 3, 'week', 'calendar'],
  ['30 menit - 1 jam', 30, 60, 'minute', 'working'],
  ['45 menit s.d. 2 jam', 45, 120, 'minute', 'working'],
  ['1 minggu s.d 10 hari kalender', 7, 10, 'day', 'calendar'],
  ['1 s.d. 2 tahun', 12, 24, 'month', 'calendar'],
  ['6 bulan - 1 tahun', 6, 12, 'month', 'calendar'],
  // A bracket after the unit restates the time
  ['1 hari kerja (8 jam)', 1, 1, 'day', 'working'],
  ['2 minggu (14 hari kalender)', 2, 2, 'week', 'calendar'],
  ['1 jam (60 menit)', 1, 1, 'hour', 'working'],
  ['3 hari (tiga hari)', 3, 3, 'day', 'working'],
  ['5 (lima) hari kerja (satu minggu)', 5, 5, 'day', 'working'],
  ['3 x 24 jam (hari kerja)', 3, 3, 'day', 'working'],
  ['14 hari (kalender)', 14, 14, 'day', 'calendar'],
  ['1 hari (jika persyaratan lengkap)', 1, 1, 'day', 'working', 'complete'],
  ['2 hari kerja (sejak berkas diterima)', 2, 2, 'day', 'working', 'received'],
  ['3 hari (sesuai antrean)', 3, 3, 'day', 'working'],
  // The number word first
  ['Tiga (3) hari kerja', 3, 3, 'day', 'working'],
  ['satu (1) jam', 1, 1, 'hour', 'working'],
  ['Empat Belas (14) Hari Kalender', 14, 14, 'day', 'calendar'],
  ['paling lama tujuh (7) hari kerja sejak berkas lengkap', 7, 7, 'day', 'working', 'complete'],
  // Compound durations
  ['1 (satu) jam 30 (tiga puluh) menit', 90, 90, 'minute', 'working'],
  ['1 jam 30 menit', 90, 90, 'minute', 'working'],
  ['2 jam dan 15 menit', 135, 135, 'minute', 'working'],
  ['1 jam lebih 10 menit', 70, 70, 'minute', 'working'],
  ['1 minggu 3 hari kalender', 10, 10, 'day', 'calendar'],
  ['1 bulan 15 hari', 45, 45, 'day', 'calendar'],
  ['1 tahun 6 bulan', 18, 18, 'month', 'calendar'],
  // Start clauses
  ['3 hari sejak pengajuan', 3, 3, 'day', 'working', 'received'],
  ['5 hari kerja sejak tanggal permohonan', 5, 5, 'day', 'working', 'received'],
  ['Maksimal 2×24 jam sejak berkas permohonan diterima dinas', 2, 2, 'day', 'working', 'received'],
  ['2 hari kerja sejak pendaftaran', 2, 2, 'day', 'working', 'received'],
  ['1 hari setelah berkas diunggah', 1, 1, 'day', 'working', 'received'],
  [
    '14 hari kerja sejak permohonan diterima dengan lengkap dan benar',
    14,
    14,
    'day',
    'working',
    'complete',
  ],
  ['3 hari setelah persyaratan dinyatakan lengkap', 3, 3, 'day', 'working', 'complete'],
  // Per-item durations
  ['15 menit per permohonan', 15, 15, 'minute', 'working'],
  ['30 Menit/Berkas', 30, 30, 'minute', 'working'],
  ['10 menit untuk setiap akun', 10, 10, 'minute', 'working'],
  ['1 hari tiap permohonan sejak berkas lengkap', 1, 1, 'day', 'working', 'complete'],
  // Same day, on the spot, half a day, less than
  ['Hari itu juga', 1, 1, 'day', 'working'],
  ['Pada hari yang sama', 1, 1, 'day', 'working'],
  ['Langsung', 1, 1, 'day', 'working'],
  ['Langsung selesai', 1, 1, 'day', 'working'],
  ['Saat itu juga', 1, 1, 'day', 'working'],
  ['Setengah hari', 0.5, 0.5, 'day', 'working'],
  ['½ hari', 0.5, 0.5, 'day', 'working'],
  ['1/2 hari kerja', 0.5, 0.5, 'day', 'working'],
  ['setengah jam', 0.5, 0.5, 'hour', 'working'],
  ['satu setengah jam', 1.5, 1.5, 'hour', 'working'],
  ['1½ jam', 1.5, 1.5, 'hour', 'working'],
  ['< 1 jam', 1, 1, 'hour', 'working'],
  ['<2 hari', 2, 2, 'day', 'working'],
  ['≤ 30 menit', 30, 30, 'minute', 'working'],
  ['kurang dari 1 jam', 1, 1, 'hour', 'working'],
  ['tidak lebih dari 3 hari kerja', 3, 3, 'day', 'working'],
  // "24 jam", "48 jam" are days, as "1x24 jam" is
  ['24 jam', 1, 1, 'day', 'working'],
  ['48 Jam', 2, 2, 'day', 'working'],
  ['72 jam sejak laporan diterima', 3, 3, 'day', 'working', 'received'],
  ['24 - 48 jam', 1, 2, 'day', 'working'],
  ['24 jam kerja', 24, 24, 'hour', 'working'],
  ['12 jam', 12, 12, 'hour', 'working'],
  ['3 x 24 jam hari kerja', 3, 3, 'day', 'working'],
  ['2x24 jam hari kalender', 2, 2, 'day', 'calendar'],
  // Abbreviated working days
  ['14 HK', 14, 14, 'day', 'working'],
  // A condition that the documents are complete
  ['1 hari kerja untuk permohonan yang lengkap', 1, 1, 'day', 'working', 'complete'],
  ['3 hari jika berkas lengkap dan benar', 3, 3, 'day', 'working', 'complete'],
  // A label that says when the clock starts
  ['Setelah berkas lengkap : 3 hari kerja', 3, 3, 'day', 'working', 'complete'],
  ['Sejak permohonan diterima: 2 jam', 2, 2, 'hour', 'working', 'received'],
  ['3 s/d 5 HK sejak berkas lengkap', 3, 5, 'day', 'working', 'complete'],
  ['Selambat-lambatnya 5 hari kerja;', 5, 5, 'day', 'working'],
  // Totals the importer writes when it adds step times in mixed units (see import/derive.ts)
  ['17,5 jam', 17.5, 17.5, 'hour', 'working'],
  ['212 s.d. 213 jam', 212, 213, 'hour', 'working'],
  ['470 menit', 470, 470, 'minute', 'working'],
  ['17 hari kalender', 17, 17, 'day', 'calendar'],
  ['53,5 s.d. 54,5 jam', 53.5, 54.5, 'hour', 'working'],
];

describe('parseDuration', () => {
  it('has a table of more than 100 cases', () => {
    expect(CASES.length).toBeGreaterThan(100);
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
    ['Tiga (4) hari', 'Tiga (4)', /angka 4 tidak sama dengan tulisannya "Tiga" \(3\)/],
    [
      '2 minggu (10 hari kalender)',
      '2 minggu (10 hari kalender)',
      /isi kurung "10 hari kalender" tidak sama/,
    ],
    ['1 jam (90 menit)', '1 jam (90 menit)', /isi kurung "90 menit" tidak sama/],
    ['1 hari 4 jam', '1 hari 4 jam', /gabungan .* dua satuan \(hari dan jam\)/],
    ['3 hari - 1 minggu', '3 hari - 1 minggu', /rentang .* dua satuan \(hari dan minggu\)/],
    ['1 bulan 15 hari kerja', '1 bulan 15 hari kerja', /gabungan .* \(bulan dan hari kerja\)/],
    ['30 menit 1 jam', '30 menit 1 jam', /harus dari satuan besar ke kecil/],
    [
      '2 jam - 30 menit',
      '2 jam - 30 menit',
      /batas atas \(30\) lebih kecil dari batas bawah \(120\)/,
    ],
    ['Langsung ke loket', 'Langsung ke loket', /tidak dapat membaca "Langsung ke loket"/],
    [
      'Setelah permohonan diterima, proses relatif singkat hanya sekitar maksimal 5 menit.',
      'Setelah permohonan diterima, proses relatif singkat hanya sekitar maksimal',
      /tidak dapat membaca/,
    ],
    ['relatif singkat', 'relatif singkat', /tidak dapat membaca "relatif singkat"/],
    [
      '1 hari untuk pemohon umum',
      'untuk pemohon umum',
      /bagian "untuk pemohon umum" tidak dapat dibaca/,
    ],
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

  it('reports each reading that goes beyond the words', () => {
    const notes = (text: string) => {
      const r = readDuration(text);
      return r.ok ? (r.notes ?? []) : null;
    };
    expect(notes('1 hari kerja (8 jam)')).toEqual([
      'keterangan dalam kurung "(8 jam)" tidak dapat dibandingkan dengan tepat; yang dibaca adalah 1 hari kerja',
    ]);
    expect(notes('1 bulan 15 hari')).toEqual([
      '"1 bulan 15 hari" dibaca sebagai 45 hari kalender (1 bulan = 30 hari)',
    ]);
    expect(notes('Hari itu juga')).toEqual([
      '"Hari itu juga" dibaca sebagai paling lama 1 hari kerja (selesai pada hari permohonan diterima)',
    ]);
    expect(notes('15 menit per permohonan')).toEqual(['waktu untuk setiap permohonan']);
    expect(notes('3 hari (sesuai antrean)')).toEqual([
      'keterangan dalam kurung "(sesuai antrean)" tidak dibaca; yang dibaca adalah 3 hari kerja',
    ]);
    expect(notes('30 Menit/Berkas')).toEqual(['waktu untuk setiap berkas']);
    expect(notes('½ hari')).toEqual([
      '0,5 hari kerja bukan hari utuh; jam SLA menghitung hari, minggu dan bulan utuh, jadi tulis dalam jam atau menit',
    ]);
    // Exact readings carry no note.
    expect(notes('2 minggu (14 hari kalender)')).toEqual([]);
    expect(notes('1 jam 30 menit')).toEqual([]);
    expect(notes('24 jam')).toEqual([]);
  });

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
    expect(formatDuration(parseDuration('24 jam kerja'))).toBe('24 jam kerja');
    expect(formatDuration(parseDuration('48 jam'))).toBe('2 hari kerja');
    expect(formatDuration(parseDuration('1 jam 30 menit'))).toBe('90 menit');
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
