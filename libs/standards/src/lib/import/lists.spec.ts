import {
  listItems,
  splitCommaList,
  splitInstruments,
  splitLetteredRun,
  splitRepeatedHeads,
} from './lists';

describe('listItems', () => {
  it('splits numbered runs written with dots, brackets or both', () => {
    expect(listItems(['1. Server2. Perangkat Komputer3. Layanan Internet'])).toEqual([
      'Server',
      'Perangkat Komputer',
      'Layanan Internet',
    ]);
    expect(listItems(['1) Server 2) Perangkat Komputer 3) Layanan Internet'])).toEqual([
      'Server',
      'Perangkat Komputer',
      'Layanan Internet',
    ]);
    expect(listItems(['(1) Server (2) Perangkat Komputer'])).toEqual([
      'Server',
      'Perangkat Komputer',
    ]);
  });

  it('keeps a numbered run inside a numbered item with it', () => {
    expect(listItems(['4. Tim mengundang dengan melampirkan : 1) Kode sumber 2) Dokumen'])).toEqual(
      ['Tim mengundang dengan melampirkan : 1) Kode sumber 2) Dokumen'],
    );
  });

  it('splits bullets run together, but not a dash between two days', () => {
    expect(listItems(['- Surat permohonan - Formulir isian - Kartu pegawai'])).toEqual([
      'Surat permohonan',
      'Formulir isian',
      'Kartu pegawai',
    ]);
    expect(listItems(['• Surat permohonan • Formulir isian'])).toEqual([
      'Surat permohonan',
      'Formulir isian',
    ]);
    expect(listItems(['- Layanan Senin - Jumat pukul 08.00 - 16.00'])).toEqual([
      'Layanan Senin - Jumat pukul 08.00 - 16.00',
    ]);
  });

  it('joins lines wrapped inside an item, and a line broken off after a conjunction', () => {
    expect(
      listItems(['a. Surat permohonan yang', 'ditandatangani kepala dinas;', 'b. Formulir']),
    ).toEqual(['Surat permohonan yang ditandatangani kepala dinas', 'Formulir']);
    expect(listItems(['Jaringan terpasang dan', 'Berita acara'])).toEqual([
      'Jaringan terpasang dan Berita acara',
    ]);
  });
});

describe('listItems: empty cells', () => {
  it('reads a dash or an empty line as no item', () => {
    expect(listItems(['-'])).toEqual([]);
    expect(listItems(['–', '  '])).toEqual([]);
  });
});

describe('splitLetteredRun', () => {
  it('cuts at b., c. ... in order, after a space or a stop', () => {
    expect(
      splitLetteredRun('a. Pemohon dari OPD (PEMDES). b. Mengisi formulir. c. Menyerahkan video.'),
    ).toEqual(['Pemohon dari OPD (PEMDES).', 'Mengisi formulir.', 'Menyerahkan video.']);
    expect(splitLetteredRun('a) satu b) dua')).toEqual(['satu', 'dua']);
    // "b." that does not follow "a." in order is text
    expect(splitLetteredRun('a. Vitamin c. dan lainnya')).toEqual(['Vitamin c. dan lainnya']);
  });
});

describe('run-on components', () => {
  it('cuts legal instruments at a stop or a comma, not inside a title', () => {
    expect(
      splitInstruments(
        'UU Nomor 14 Tahun 2008 tentang KIP, Peraturan Pemerintah Nomor 61 Tahun 2010 tentang pelaksanaan Undang-Undang Nomor 14 Tahun 2008. Perbup Nomor 2 Tahun 2020.',
      ),
    ).toEqual([
      'UU Nomor 14 Tahun 2008 tentang KIP',
      'Peraturan Pemerintah Nomor 61 Tahun 2010 tentang pelaksanaan Undang-Undang Nomor 14 Tahun 2008.',
      'Perbup Nomor 2 Tahun 2020.',
    ]);
    expect(splitInstruments('Undang-undang No. 25 Tahun 2009 tentang Pelayanan Publik')).toEqual([
      'Undang-undang No. 25 Tahun 2009 tentang Pelayanan Publik',
    ]);
  });

  it('cuts before a repeated first word or a capitalised word repeated after lower case', () => {
    expect(
      splitRepeatedHeads('Audit oleh Inspektorat Audit mutu internal Audit TIK tahunan'),
    ).toEqual(['Audit oleh Inspektorat', 'Audit mutu internal', 'Audit TIK tahunan']);
    expect(
      splitRepeatedHeads(
        'Memahami jaringan komputer Mampu melayani pengguna Mampu menulis laporan',
      ),
    ).toEqual(['Memahami jaringan komputer', 'Mampu melayani pengguna', 'Mampu menulis laporan']);
    expect(
      splitRepeatedHeads('Pengawasan dilakukan oleh atasan langsung secara berjenjang.'),
    ).toEqual(['Pengawasan dilakukan oleh atasan langsung secara berjenjang.']);
  });

  it('cuts short names separated by commas, not a sentence with commas', () => {
    expect(splitCommaList('Kamera, Mikrofon, Mixer audio dan Lampu studio')).toEqual([
      'Kamera',
      'Mikrofon',
      'Mixer audio',
      'Lampu studio',
    ]);
    expect(splitCommaList('Ruang tunggu yang nyaman, dilengkapi pendingin ruangan')).toEqual([
      'Ruang tunggu yang nyaman, dilengkapi pendingin ruangan',
    ]);
  });
});
