import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ComplaintChannel, Duration } from '../model';
import type { ImportDraftResult } from './draft';
import { importStandard } from './import';

/**
 * Standards in the shapes offices publish besides the seeds' (fixtures written for these tests,
 * for invented offices and services). Each test states what a careful reader takes from the
 * text: requirements, steps with executors and times, service time, cost, product, complaint
 * channels and legal basis, and the warnings for what the text leaves open.
 */
const shape = (name: string) => readFileSync(join(__dirname, 'fixtures', 'shapes', name), 'utf8');

interface ExpectedStep {
  description: string;
  executors: string[];
  time?: string | null;
  inputs?: string[];
  output?: string | null;
}

interface Expected {
  name: string;
  requirements: string[];
  steps: ExpectedStep[];
  serviceTimeText: string | null;
  serviceTime: Duration | null;
  cost: { text: string; free: boolean } | null;
  product: string[];
  channels: ComplaintChannel[];
  legalBasis: string[];
}

function expectReading(r: ImportDraftResult, e: Expected): void {
  expect(r.name).toBe(e.name);
  expect(r.requirements).toEqual(e.requirements);
  expect(
    r.steps.map((s) => ({
      description: s.description,
      executors: s.executors,
      time: s.time,
      inputs: s.inputs,
      output: s.output,
    })),
  ).toEqual(
    e.steps.map((s) => ({
      description: s.description,
      executors: s.executors,
      time: s.time ?? null,
      inputs: s.inputs ?? [],
      output: s.output ?? null,
    })),
  );
  expect(r.steps.map((s) => s.order)).toEqual(e.steps.map((_, i) => i + 1));
  expect(r.serviceTimeText).toBe(e.serviceTimeText);
  expect(r.serviceTime).toEqual(e.serviceTime);
  expect(r.cost).toEqual(e.cost);
  expect(r.product).toEqual(e.product);
  expect(r.draft.complaintChannels).toEqual(e.channels);
  expect(r.legalBasis).toEqual(e.legalBasis);
}

const days = (n: number, startsWhen: Duration['startsWhen'] = null): Duration => ({
  min: n,
  max: n,
  unit: 'day',
  basis: 'working',
  startsWhen,
});

describe('importStandard: pipe table pasted from a web page, one running number', () => {
  const r = importStandard(shape('pipe-running-number.txt'), 'text/plain');

  it('reads every component, the name from "Jenis Pelayanan" only', () => {
    expectReading(r, {
      name: 'Pembuatan Akun Rapat Daring',
      requirements: ['Nota dinas permintaan akun rapat daring dari kepala perangkat daerah'],
      steps: [
        { description: 'Pemohon mengirim nota dinas permintaan akun.', executors: ['Pemohon'] },
        {
          description: 'Petugas Helpdesk memeriksa kelengkapan nota dinas.',
          executors: ['Petugas Helpdesk'],
        },
        {
          description:
            'Operator Aplikasi membuat akun dan mengirim kata sandi sementara kepada pemohon.',
          executors: ['Operator Aplikasi'],
        },
      ],
      serviceTimeText: 'Paling lama 3×24 jam sejak nota dinas diterima bidang',
      serviceTime: days(3, 'received'),
      cost: { text: 'Tidak dipungut biaya', free: true },
      product: ['Akun rapat daring aktif'],
      channels: [
        { kind: 'phone', value: '(0411) 887766' },
        { kind: 'other', value: 'WhatsApp: 0812 3456 7890' },
        { kind: 'email', value: 'layanan@kominfo.sungairindang.go.id' },
        { kind: 'sp4n-lapor', value: 'SP4N-LAPOR! (www.lapor.go.id)' },
        { kind: 'other', value: 'Telegram: @kominfosr' },
        { kind: 'other', value: 'Kotak Pengaduan di ruang layanan' },
      ],
      legalBasis: [
        'Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik.',
        'Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik.',
        'Peraturan Bupati Sungai Rindang Nomor 12 Tahun 2021 tentang Tata Kelola Aplikasi.',
      ],
    });
    expect(r.warnings).toEqual([]);
  });

  it('splits competencies and supervision that run together without punctuation', () => {
    expect(r.internal.competencies).toEqual([
      'Memahami pengelolaan aplikasi rapat daring',
      'Mampu melayani pengguna dengan ramah',
      'Mampu menyusun laporan layanan',
    ]);
    expect(r.internal.supervision).toEqual([
      'Pemeriksaan oleh Inspektorat Daerah',
      'Pemeriksaan berkala oleh Kepala Bidang',
    ]);
  });
});

describe('importStandard: markdown tables with lettered lists in a cell', () => {
  const r = importStandard(shape('markdown-lettered.md'), 'text/markdown');

  it('reads lettered items as separate requirements and steps, conditional steps as written', () => {
    expectReading(r, {
      name: 'PEMINJAMAN RUANG STUDIO SIARAN',
      requirements: [
        'Peminjam berasal dari Perangkat Daerah/ Kecamatan/ Kelurahan.',
        'Mengisi formulir peminjaman studio.',
        'Menyerahkan rundown acara paling lambat sehari sebelum siaran.',
      ],
      steps: [
        { description: 'Peminjam menyerahkan formulir dan rundown.', executors: ['Peminjam'] },
        {
          description: 'Petugas Studio memeriksa jadwal pemakaian studio.',
          executors: ['Petugas Studio'],
        },
        {
          description: 'Jika jadwal sudah terisi maka peminjam diminta memilih tanggal lain.',
          executors: [],
        },
        {
          description: 'Jika jadwal tersedia, maka peminjam menerima konfirmasi pemakaian.',
          executors: [],
        },
      ],
      serviceTimeText: '2 Jam',
      serviceTime: { min: 2, max: 2, unit: 'hour', basis: 'working', startsWhen: null },
      cost: { text: 'Gratis (tanpa pungutan).', free: true },
      product: ['Izin pemakaian studio siaran'],
      channels: [
        { kind: 'phone', value: '(0274) – 600123' },
        { kind: 'email', value: 'studio@kominfo.tanjungbiru.go.id' },
        { kind: 'sp4n-lapor', value: 'SP4N Lapor www.lapor.go.id' },
        { kind: 'other', value: 'Sapa Bupati' },
        { kind: 'other', value: 'Secara langsung di meja layanan Bidang Komunikasi Publik' },
      ],
      legalBasis: [
        'UU Nomor 32 Tahun 2002 Tentang Penyiaran',
        'Peraturan Pemerintah Nomor 11 Tahun 2005 Tentang Penyelenggaraan Penyiaran Lembaga Penyiaran Publik',
        'Perbup Tanjung Biru Nomor 7 tahun 2022 Tentang Pemanfaatan Aset Daerah.',
      ],
    });
    expect(r.internal.facilities).toEqual(['Kamera', 'Mikrofon', 'Mixer audio', 'Lampu studio']);
    expect(r.internal.competencies.length).toBe(3);
  });

  it('warns where a step has no position and where a channel has no known kind', () => {
    expect(r.warnings).toEqual([
      'Langkah 3: pelaksana tidak dapat dibaca dari teks; pilih posisinya.',
      'Langkah 4: pelaksana tidak dapat dibaca dari teks; pilih posisinya.',
      'Kanal pengaduan "Sapa Bupati" tidak dikenali jenisnya.',
    ]);
  });
});

describe('importStandard: SIPPN copy without section labels', () => {
  const r = importStandard(shape('sippn-no-labels.txt'), 'text/plain');

  it('recognises procedure, cost, product and complaints by their content', () => {
    expectReading(r, {
      name: 'Prosedur Permohonan Subdomain Desa',
      requirements: [],
      steps: [
        {
          description: 'Mengajukan permohonan subdomain dengan mengisi formulir di loket layanan',
          executors: [],
        },
        { description: 'Memeriksa ketersediaan nama subdomain yang diminta', executors: [] },
        {
          description: 'Meneruskan permohonan kepada pengelola DNS untuk dibuatkan',
          executors: [],
        },
        {
          description: 'Membuat rekaman DNS dan menyerahkan informasi akses situs kepada desa',
          executors: [],
        },
        { description: 'Selesai', executors: [] },
      ],
      serviceTimeText: null,
      serviceTime: null,
      cost: { text: 'Tidak dipungut biaya', free: true },
      product: ['Subdomain Desa'],
      channels: [
        {
          kind: 'sp4n-lapor',
          value:
            'Anda juga dapat menyampaikan pengaduan, aspirasi, maupun permintaan informasi melalui aplikasi LAPOR!',
        },
      ],
      legalBasis: [],
    });
    expect(r.draft.decree).toBe('045/210/KOMINFO/III-2022');
  });

  it('does not take rules or a list of positions for requirements, and says so', () => {
    expect(r.warnings[0]).toMatch(/^Teks tidak memuat judul bagian .*Prosedur .*Biaya .*Produk/);
    expect(r.warnings).toContain(
      'Daftar ketentuan "Nama subdomain harus mengikuti pola namadesa.ka..." (3 butir) bukan dokumen persyaratan; tidak dipetakan. Periksa apakah ada dokumen yang diminta di dalamnya.',
    );
    expect(r.warnings).toContain(
      'Daftar jabatan "Kepala Dinas Komunikasi dan Informatika" (3 butir) tidak dipetakan; pilih pelaksana tiap langkah dari tabel posisi.',
    );
    expect(r.warnings).toContain('Bagian "Persyaratan" tidak ditemukan dalam teks.');
    expect(r.warnings).toContain('Bagian "Jangka Waktu Penyelesaian" tidak ditemukan dalam teks.');
    for (let n = 1; n <= 5; n++)
      expect(r.warnings).toContain(
        `Langkah ${n}: pelaksana tidak dapat dibaca dari teks; pilih posisinya.`,
      );
  });
});

describe('importStandard: SIPPN copy whose time is prose', () => {
  const r = importStandard(shape('sippn-prose-time.txt'), 'text/plain');

  it('warns about the prose time instead of inventing one', () => {
    expectReading(r, {
      name: 'Pelayanan Reset Kata Sandi Aplikasi Kepegawaian',
      requirements: ['Kartu Identitas Pegawai', 'surat permintaan dari atasan langsung'],
      steps: [
        {
          description: 'Pegawai mengajukan permintaan reset kata sandi melalui surat',
          executors: ['Pegawai'],
        },
        {
          description: 'Permintaan diverifikasi oleh Admin Aplikasi',
          executors: ['Admin Aplikasi'],
        },
        { description: 'Admin Aplikasi mengatur ulang kata sandi', executors: ['Admin Aplikasi'] },
        {
          description: 'Pemberitahuan kata sandi baru melalui pesan singkat ke nomor pegawai',
          executors: [],
        },
      ],
      serviceTimeText:
        'Setelah surat diterima, pengaturan ulang biasanya cepat, kira-kira 10 menit saja. Namun pengiriman pemberitahuan kepada pegawai bisa memakan waktu lebih lama.',
      serviceTime: null,
      cost: { text: 'Gratis', free: true },
      product: ['Kata Sandi Baru'],
      channels: [
        { kind: 'other', value: 'Tatap muka dengan petugas pengaduan di kantor dinas' },
        { kind: 'letter', value: 'Tertulis dimasukkan ke Kotak Saran' },
        { kind: 'other', value: 'WhatsApp: https://wa.me/6281234500011' },
        { kind: 'phone', value: '(0354) 771122' },
        { kind: 'email', value: 'pengaduan@kominfo.kaliputih.go.id' },
        { kind: 'other', value: 'Instagram: @kominfokaliputih' },
        { kind: 'other', value: 'Facebook: @kominfokaliputih' },
      ],
      legalBasis: [],
    });
    expect(r.warnings).toContain(
      'Waktu penyelesaian ditulis sebagai uraian, bukan standar waktu ("Setelah surat diterima, pengaturan ulang biasanya cepat, ..."); tidak ada waktu yang dibaca, isi sendiri.',
    );
  });

  it('keeps the complaint-handling tiers apart from the service time', () => {
    expect(r.draft.complaintNote).toBe(
      'Jangka Waktu Penyelesaian Pengaduan: Pengaduan ringan, paling lama 3 hari kerja; Pengaduan yang memerlukan klarifikasi, paling lama 10 hari kerja; Pengaduan yang memerlukan pemeriksaan, paling lama 30 hari kerja.',
    );
    expect(r.draft.serviceTime.text).not.toMatch(/Pengaduan/);
  });
});

describe('importStandard: HTML table exported from a word processor', () => {
  const r = importStandard(shape('html-table-export.html'), 'text/html; charset=utf-8');

  it('reads lists, paragraphs and line breaks inside the cells', () => {
    expectReading(r, {
      name: 'PEMASANGAN JARINGAN INTRANET KANTOR',
      requirements: [
        'Surat permohonan dari kepala perangkat daerah',
        'Denah ruangan yang akan dipasang jaringan',
      ],
      steps: [
        {
          description: 'Perangkat daerah mengirim surat permohonan kepada Kepala Dinas.',
          executors: ['Perangkat daerah'],
        },
        {
          description: 'Kepala Dinas mendisposisikan surat kepada Kepala Bidang Infrastruktur.',
          executors: ['Kepala Dinas'],
        },
        {
          description: 'Tim Jaringan melakukan survei lokasi bersama perangkat daerah.',
          executors: ['Tim Jaringan'],
        },
        { description: 'Tim Jaringan memasang dan menguji jaringan.', executors: ['Tim Jaringan'] },
        {
          description: 'Kepala Bidang Infrastruktur menandatangani berita acara serah terima.',
          executors: ['Kepala Bidang Infrastruktur'],
        },
      ],
      serviceTimeText: '14 (empat belas) hari kerja sejak berkas permohonan lengkap',
      serviceTime: days(14, 'complete'),
      cost: { text: 'Tidak dipungut biaya', free: true },
      product: ['Jaringan intranet terpasang dan Berita acara serah terima'],
      channels: [
        { kind: 'email', value: 'jaringan@batuhijaukota.go.id' },
        { kind: 'phone', value: '(0341) 552211' },
        { kind: 'sp4n-lapor', value: 'SP4N-LAPOR! https://www.lapor.go.id' },
      ],
      legalBasis: [
        'Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik',
        'Peraturan Wali Kota Batu Hijau Nomor 3 Tahun 2020 tentang Jaringan Intra Pemerintah Daerah.',
      ],
    });
    expect(r.internal.facilities).toEqual([
      'Kabel UTP',
      'Switch',
      'Crimping tool',
      'Kendaraan operasional',
    ]);
    expect(r.internal.staffCount).toBe('4 (empat) orang');
    expect(r.draft.clockStartsWhen).toBe('complete');
    expect(r.warnings).toEqual([]);
  });
});

describe('importStandard: markdown "Komponen | Uraian" without a number column', () => {
  const r = importStandard(shape('markdown-komponen-uraian.md'), 'text/markdown');

  it('reads dashed lists in cells and keeps the time a bracket restates', () => {
    expectReading(r, {
      name: 'Pendampingan Keamanan Situs Web',
      requirements: [
        'Surat permohonan pendampingan',
        'Daftar alamat situs yang diperiksa',
        'Kontak pengelola situs',
      ],
      steps: [
        {
          description: 'Pemohon mengirim surat permohonan melalui aplikasi naskah dinas',
          executors: ['Pemohon'],
        },
        { description: 'Sandiman memindai kerentanan situs', executors: ['Sandiman'] },
        { description: 'Sandiman menyusun laporan hasil pemindaian', executors: ['Sandiman'] },
        {
          description: 'Kepala Seksi Persandian menyampaikan laporan kepada pemohon',
          executors: ['Kepala Seksi Persandian'],
        },
      ],
      serviceTimeText: '5 (lima) hari kerja (satu minggu) sejak surat permohonan diterima',
      serviceTime: days(5, 'received'),
      cost: { text: 'Gratis', free: true },
      product: ['Laporan hasil pemindaian kerentanan'],
      channels: [
        { kind: 'website', value: 'https://kominfo.lembahsari.go.id/pengaduan' },
        { kind: 'email', value: 'persandian@lembahsari.go.id' },
        { kind: 'other', value: 'WhatsApp: 0821 1122 3344' },
      ],
      legalBasis: [
        'Peraturan Badan Siber dan Sandi Negara Nomor 4 Tahun 2021 tentang Pedoman Manajemen Keamanan Informasi SPBE',
      ],
    });
    expect(r.warnings).toEqual([
      'Waktu penyelesaian: keterangan dalam kurung "(satu minggu)" tidak dapat dibandingkan dengan tepat; yang dibaca adalah 5 hari kerja.',
    ]);
  });
});

describe("importStandard: a decree's lampiran with Roman-numbered parts", () => {
  const r = importStandard(shape('lampiran-keputusan.txt'), 'text/plain');

  it('takes the decree number and the name, numbered headings and lettered items', () => {
    expectReading(r, {
      name: 'PENERBITAN SERTIFIKAT ELEKTRONIK',
      requirements: [
        'Surat rekomendasi dari kepala perangkat daerah',
        'Salinan kartu identitas pegawai',
        'Salinan surat keputusan pengangkatan dalam jabatan.',
      ],
      steps: [
        {
          description: 'Pegawai mengisi formulir pendaftaran pada aplikasi sertifikat elektronik',
          executors: ['Pegawai'],
        },
        {
          description: 'Operator Pendaftaran memverifikasi berkas pendaftaran',
          executors: ['Operator Pendaftaran'],
        },
        {
          description:
            'Apabila berkas belum lengkap, pendaftaran dikembalikan kepada pegawai untuk dilengkapi',
          executors: [],
        },
        {
          description: 'Kepala Seksi Persandian menyetujui penerbitan sertifikat',
          executors: ['Kepala Seksi Persandian'],
        },
        {
          description: 'Pegawai mengaktifkan sertifikat elektronik.',
          executors: ['Pegawai'],
        },
      ],
      serviceTimeText: 'Tiga (3) hari kerja sejak berkas dinyatakan lengkap',
      serviceTime: days(3, 'complete'),
      cost: { text: 'Tidak dipungut biaya', free: true },
      product: ['Sertifikat elektronik aktif atas nama pegawai'],
      channels: [
        { kind: 'email', value: 'sertifikat@padangrantaukab.go.id' },
        { kind: 'phone', value: '(0751) 440011' },
        { kind: 'sp4n-lapor', value: 'SP4N-LAPOR!' },
      ],
      legalBasis: [
        'Undang-Undang Nomor 11 Tahun 2008 tentang Informasi dan Transaksi Elektronik',
        'Peraturan Badan Siber dan Sandi Negara Nomor 10 Tahun 2019 tentang Pelaksanaan Persandian untuk Pengamanan Informasi di Pemerintah Daerah.',
      ],
    });
    expect(r.draft.decree).toBe('500.12/077/KOMINFO/2024');
    expect(r.internal.facilities).toEqual(['Komputer', 'Jaringan internet', 'Token kriptografi']);
    expect(r.internal.competencies).toEqual([
      'Memahami infrastruktur kunci publik',
      'Mampu mengoperasikan aplikasi pendaftaran sertifikat.',
    ]);
    expect(r.internal.staffCount).toBe('3 (tiga) orang');
    expect(r.warnings).toEqual([
      'Langkah 3: pelaksana tidak dapat dibaca dari teks; pilih posisinya.',
    ]);
  });
});

describe('importStandard: a whole decree, its considerations above the lampiran', () => {
  const preamble = [
    'KEPUTUSAN KEPALA DINAS KOMUNIKASI DAN INFORMATIKA',
    'KABUPATEN PADANG RANTAU',
    'NOMOR : 500.12/077/KOMINFO/2024',
    'TENTANG',
    'STANDAR PELAYANAN PADA DINAS KOMUNIKASI DAN INFORMATIKA',
    '',
    'Menimbang : a. bahwa setiap penyelenggara pelayanan publik wajib menetapkan standar pelayanan;',
    'b. bahwa berdasarkan pertimbangan huruf a perlu menetapkan keputusan kepala dinas;',
    'Mengingat : 1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;',
    '2. Peraturan Menteri PANRB Nomor 15 Tahun 2014 tentang Pedoman Standar Pelayanan;',
    'MEMUTUSKAN:',
    'Menetapkan : KEPUTUSAN KEPALA DINAS TENTANG STANDAR PELAYANAN',
    'KESATU : Standar pelayanan sebagaimana tercantum dalam Lampiran.',
    'Ditetapkan di Padang Rantau',
    '',
  ].join('\n');
  const r = importStandard(preamble + shape('lampiran-keputusan.txt'), 'text/plain');

  it("takes neither the decree's heading nor its considerations for the service", () => {
    expect(r.name).toBe('PENERBITAN SERTIFIKAT ELEKTRONIK');
    expect(r.draft.decree).toBe('500.12/077/KOMINFO/2024');
    expect(r.legalBasis.length).toBe(2);
    expect(r.legalBasis[0]).toMatch(/^Undang-Undang Nomor 11 Tahun 2008/);
    expect(r.requirements.length).toBe(3);
    expect(r.steps.length).toBe(5);
  });
});

describe('importStandard: one column of colon labels', () => {
  const r = importStandard(shape('colon-labels.txt'), 'text/plain');

  it('reads each "Label : value" line and the lists under a bare label', () => {
    expectReading(r, {
      name: 'Pembuatan Surel Dinas Perangkat Daerah',
      requirements: [
        'Surat permohonan dari kepala perangkat daerah',
        'Daftar nama pegawai pengguna surel',
      ],
      steps: [
        {
          description: 'Pemohon menyampaikan surat permohonan ke loket layanan',
          executors: ['Pemohon'],
        },
        { description: 'Petugas Loket mencatat permohonan', executors: ['Petugas Loket'] },
        {
          description: 'Administrator Surel membuat akun surel',
          executors: ['Administrator Surel'],
        },
        {
          description: 'Administrator Surel menyerahkan daftar akun kepada pemohon',
          executors: ['Administrator Surel'],
        },
      ],
      serviceTimeText: '1 (satu) jam 30 (tiga puluh) menit per permohonan',
      serviceTime: { min: 90, max: 90, unit: 'minute', basis: 'working', startsWhen: null },
      cost: { text: 'Gratis', free: true },
      product: ['Akun surel dinas'],
      channels: [
        { kind: 'email', value: 'surel@kominfo.mekarjaya.go.id' },
        { kind: 'phone', value: '(0263) 310099' },
      ],
      legalBasis: [
        'Peraturan Bupati Mekar Jaya Nomor 5 Tahun 2022 tentang Penggunaan Surat Elektronik Dinas',
      ],
    });
    expect(r.draft.decree).toBe('188.4/55/KOMINFO/2023');
    expect(r.warnings).toEqual(['Waktu penyelesaian: waktu untuk setiap permohonan.']);
    expect(r.draft.readingNotes).toEqual(['Waktu penyelesaian: waktu untuk setiap permohonan.']);
  });
});

describe('importStandard: text copied out of a PDF, lines broken', () => {
  const r = importStandard(shape('pdf-broken-lines.txt'), 'text/plain');

  it('joins wrapped items, a heading broken in two and a wrapped time; drops page numbers', () => {
    expectReading(r, {
      name: 'PENYEDIAAN RUANG SERVER (COLOCATION) DI PUSAT DATA DAERAH',
      requirements: [
        'Surat permohonan penempatan server yang ditandatangani kepala perangkat daerah',
        'Spesifikasi perangkat server (merek, ukuran rak, daya listrik)',
        'Berita acara kesiapan aplikasi',
      ],
      steps: [
        {
          description: 'Perangkat daerah menyampaikan surat permohonan kepada Kepala Dinas',
          executors: ['Perangkat daerah'],
        },
        {
          description:
            'Kepala Bidang Persandian dan Pusat Data menelaah permohonan dan spesifikasi perangkat',
          executors: ['Kepala Bidang Persandian dan Pusat Data'],
        },
        {
          description:
            'Tim Pusat Data memasang perangkat di rak yang ditentukan dan menguji koneksi',
          executors: ['Tim Pusat Data'],
        },
        {
          description: 'Tim Pusat Data menyerahkan berita acara penempatan kepada perangkat daerah',
          executors: ['Tim Pusat Data'],
        },
      ],
      serviceTimeText:
        'Paling lama 10 (sepuluh) hari kerja sejak berkas permohonan diterima lengkap',
      serviceTime: days(10, 'complete'),
      cost: { text: 'Tidak dipungut biaya', free: true },
      product: ['Berita acara penempatan server'],
      channels: [
        {
          kind: 'letter',
          value: 'Surat ditujukan kepada Kepala Dinas Komunikasi dan Informatika',
        },
        { kind: 'email', value: 'pusatdata@kominfo.rawagede.go.id' },
        { kind: 'sp4n-lapor', value: 'SP4N-LAPOR!' },
      ],
      legalBasis: [
        'Peraturan Menteri Komunikasi dan Informatika Nomor 4 Tahun 2016 tentang Sistem Manajemen Pengamanan Informasi',
      ],
    });
    expect(r.warnings).toEqual([]);
  });
});

describe('importStandard: SOP with one header row and its own executor columns', () => {
  const r = importStandard(shape('sop-single-header.md'), 'text/markdown');

  it('reads executors from the marks √ ✓ v x and the mutu baku of every step', () => {
    expect(r.draft.kind).toBe('sop');
    expect(r.name).toBe('Pemulihan Akun Surat Elektronik');
    expect(r.draft.decree).toBe('800/12/SOP/KOMINFO/2024');
    expect(r.steps.map((s) => [s.description, s.executors, s.time, s.inputs, s.output])).toEqual([
      [
        'Mengajukan permintaan pemulihan akun dengan menunjukkan kartu pegawai',
        ['Pemohon'],
        '10 menit',
        ['Kartu pegawai'],
        'Formulir pemulihan',
      ],
      [
        'Memeriksa identitas dan mencatat permintaan',
        ['Petugas Layanan'],
        '15 Menit/Berkas',
        ['Formulir pemulihan'],
        'Tiket pemulihan',
      ],
      [
        'Menyetujui pemulihan akun',
        ['Kepala Seksi'],
        'Hari itu juga',
        ['Tiket pemulihan'],
        'Persetujuan',
      ],
      [
        'Memulihkan akun dan membuat kata sandi sementara',
        ['Admin Surel'],
        '30 menit - 1 jam',
        ['Persetujuan'],
        'Akun pulih',
      ],
      ['Menerima kata sandi sementara', ['Pemohon'], null, [], 'Bukti terima'],
    ]);
    expect(r.steps.map((s) => s.duration)).toEqual([
      { min: 10, max: 10, unit: 'minute', basis: 'working', startsWhen: null },
      { min: 15, max: 15, unit: 'minute', basis: 'working', startsWhen: null },
      days(1),
      { min: 30, max: 60, unit: 'minute', basis: 'working', startsWhen: null },
      null,
    ]);
    expect(r.draft.steps[2].notes).toBe('Bila identitas tidak cocok, permintaan ditolak');
    expect(r.warnings).toContain('Langkah 2: waktu "15 Menit/Berkas": waktu untuk setiap berkas.');
    expect(r.warnings).toContain(
      'Langkah 3: waktu "Hari itu juga": "Hari itu juga" dibaca sebagai paling lama 1 hari kerja (selesai pada hari permohonan diterima).',
    );
    expect(r.warnings.some((w) => w.startsWith('Tanda pelaksana'))).toBeFalse();
  });
});

describe('importStandard: SOP as an HTML table with spanning header cells', () => {
  const html = shape('sop-html-spans.html');

  it('lines the position and mutu baku columns up under their spanning heads', () => {
    const r = importStandard(html, 'text/html');
    expect(r.draft.kind).toBe('sop');
    expect(r.name).toBe('PENGAKTIFAN PORT JARINGAN');
    expect(r.draft.decree).toBe('045/88/SOP/DISKOMINFO/2023');
    expect(r.steps.map((s) => [s.description, s.executors, s.time, s.inputs, s.output])).toEqual([
      [
        'Mengirim permintaan pengaktifan port melalui surat',
        ['Perangkat Daerah'],
        '1 Hari',
        ['Surat permintaan'],
        'Surat masuk',
      ],
      [
        'Menyetujui permintaan dan menugaskan teknisi',
        ['Kepala Bidang Infrastruktur'],
        '24 jam',
        ['Surat masuk'],
        'Disposisi',
      ],
      [
        'Mengaktifkan port dan menguji koneksi',
        ['Teknisi Jaringan'],
        '2 Jam',
        ['Disposisi', 'Daftar port'],
        'Port aktif',
      ],
    ]);
    expect(r.steps[1].duration).toEqual(days(1));
    expect(r.draft.steps[2].notes).toBe('Dikerjakan di luar jam sibuk');
  });

  it("maps the column names to the office's positions", () => {
    const r = importStandard(html, 'text/html', {
      code: 'contoh',
      name: 'Dinas Contoh',
      timeZone: 'Asia/Makassar',
      region: null,
      ticketPrefix: 'CTH',
      positions: [
        { code: 'kabid-infra', name: 'Kepala Bidang Infrastruktur', reportsTo: null },
        { code: 'teknisi', name: 'Teknisi Jaringan', reportsTo: 'kabid-infra' },
        {
          code: 'opd-pemohon',
          name: 'OPD Pemohon',
          reportsTo: null,
          requesterSide: true,
          aliases: ['Perangkat Daerah'],
        },
      ],
    });
    expect(r.steps.map((s) => s.executors)).toEqual([
      ['opd-pemohon'],
      ['kabid-infra'],
      ['teknisi'],
    ]);
    expect(r.warnings.filter((w) => w.includes('tabel posisi'))).toEqual([]);
  });
});

describe('importStandard: PDF copied with its column layout (pdftotext -layout)', () => {
  const r = importStandard(shape('pdf-layout-columns.txt'), 'text/plain');

  it('splits the label and value columns, and reads executors named in brackets', () => {
    expectReading(r, {
      name: 'PEMBUATAN VIRTUAL MACHINE',
      requirements: [
        'Surat permohonan dari kepala perangkat daerah',
        'Formulir spesifikasi virtual machine.',
      ],
      steps: [
        {
          description: 'Perangkat daerah mengirim surat dan formulir (Pemohon)',
          executors: ['Pemohon'],
        },
        {
          description: 'Memeriksa spesifikasi dan kapasitas server (Admin Pusat Data)',
          executors: ['Admin Pusat Data'],
        },
        {
          description: 'Membuat virtual machine dan menyerahkan akses (Admin Pusat Data).',
          executors: ['Admin Pusat Data'],
        },
      ],
      serviceTimeText: '2 (dua) hari kerja sejak formulir diterima lengkap',
      serviceTime: days(2, 'complete'),
      cost: { text: 'Tidak dipungut biaya', free: true },
      product: ['Virtual machine siap pakai'],
      channels: [{ kind: 'email', value: 'pusatdata@kominfo.selatbening.go.id' }],
      legalBasis: [],
    });
    expect(r.warnings).toEqual([]);
  });
});

describe('importStandard: pipe rows whose last cell goes on over several lines', () => {
  const r = importStandard(shape('pipe-multiline-cells.txt'), 'text/plain');

  it('reads the dashed lines under a row as that cell, with the ":" column left out', () => {
    expectReading(r, {
      name: 'Layanan Pemasangan Titik Akses Wi-Fi Publik',
      requirements: ['Surat Permohonan Kepala Desa'],
      steps: [
        {
          description: 'Kepala Desa menyampaikan surat permohonan titik akses',
          executors: ['Kepala Desa'],
        },
        { description: 'Survei lokasi oleh Teknisi Jaringan', executors: ['Teknisi Jaringan'] },
        { description: 'Pemasangan perangkat dan uji sinyal.', executors: [] },
      ],
      serviceTimeText: '72 Jam',
      serviceTime: days(3),
      cost: { text: 'Tidak ada biaya', free: true },
      product: ['Titik akses Wi-Fi publik desa'],
      channels: [
        { kind: 'phone', value: '082233445566' },
        { kind: 'other', value: 'Telegram: 082233445566' },
        { kind: 'email', value: 'wifi@kominfo.pulaukarang.go.id' },
        { kind: 'other', value: 'Kotak Pengaduan : www.lapor.go.id' },
      ],
      legalBasis: [
        'Undang-Undang Nomor 36 Tahun 1999 tentang Telekomunikasi',
        'Peraturan Bupati Pulau Karang Nomor 9 Tahun 2023 tentang Internet Publik Desa',
        'Keputusan Kepala Dinas Nomor 15 Tahun 2023 tentang Lokasi Prioritas Wi-Fi Publik.',
      ],
    });
    expect(r.warnings).toEqual([
      'Langkah 3: pelaksana tidak dapat dibaca dari teks; pilih posisinya.',
    ]);
  });
});

describe('importStandard: a table copied with its cells glued together', () => {
  const r = importStandard(shape('glued-cells.txt'), 'text/plain');

  it('cuts each row into number, component label and value', () => {
    expectReading(r, {
      name: 'PEMINJAMAN PERALATAN KONFERENSI VIDEO',
      requirements: [
        'Peminjam berasal dari perangkat daerah.',
        'Mengisi formulir peminjaman peralatan.',
      ],
      steps: [
        { description: 'Peminjam menyerahkan formulir peminjaman.', executors: ['Peminjam'] },
        {
          description: 'Petugas Gudang menyiapkan peralatan dan mencatat peminjaman.',
          executors: ['Petugas Gudang'],
        },
        {
          description: 'Jika peralatan sedang dipakai maka peminjam diberi jadwal lain.',
          executors: [],
        },
      ],
      serviceTimeText: '30 Menit',
      serviceTime: { min: 30, max: 30, unit: 'minute', basis: 'working', startsWhen: null },
      cost: { text: 'Gratis', free: true },
      product: ['Peralatan konferensi video siap pakai'],
      channels: [
        { kind: 'phone', value: '(0380) 821100' },
        { kind: 'email', value: 'peralatan@kominfo.tanahmerah.go.id' },
      ],
      legalBasis: [
        'Peraturan Bupati Tanah Merah Nomor 2 Tahun 2021 tentang Pengelolaan Barang Milik Daerah.',
      ],
    });
    expect(r.internal.staffCount).toBe('2 orang');
    expect(r.warnings).toEqual([
      'Langkah 3: pelaksana tidak dapat dibaca dari teks; pilih posisinya.',
    ]);
  });
});

describe('importStandard: SOP with position columns and no mutu baku', () => {
  const r = importStandard(shape('sop-positions-only.txt'), 'text/plain');

  it('recognises the step table by its position columns; "Selesai" has no executor', () => {
    expect(r.draft.kind).toBe('sop');
    expect(r.name).toBe('PENGHAPUSAN AKUN APLIKASI KEPEGAWAIAN');
    expect(r.steps.map((s) => [s.description, s.executors, s.time])).toEqual([
      ['Mengajukan permintaan penghapusan akun', ['Pemohon'], null],
      ['Memeriksa permintaan dan riwayat akun', ['Petugas Layanan'], null],
      ['Menyetujui penghapusan akun', ['Kepala Seksi'], null],
      ['Selesai', [], null],
    ]);
    expect(r.draft.steps[1].notes).toBe('Dicatat di buku register');
    expect(r.warnings).toContain(
      'Langkah 4: pelaksana tidak dapat dibaca dari teks; pilih posisinya.',
    );
  });
});

describe('importStandard: a SIPPN page saved as HTML, its tabs as divs', () => {
  const r = importStandard(shape('sippn-page.html'), 'text/html');

  it('keeps each list together and each tab apart, and reads them by content', () => {
    expectReading(r, {
      name: 'Pemulihan Akun Surat Elektronik Dinas',
      requirements: ['Kartu Tanda Pegawai', 'Surat pengantar dari atasan langsung'],
      steps: [
        {
          description: 'Pegawai mengajukan permintaan pemulihan akun di loket layanan',
          executors: ['Pegawai'],
        },
        {
          description: 'Petugas Layanan memeriksa identitas pegawai',
          executors: ['Petugas Layanan'],
        },
        {
          description: 'Admin Surel memulihkan akun dan membuat kata sandi sementara',
          executors: ['Admin Surel'],
        },
        { description: 'Selesai', executors: [] },
      ],
      serviceTimeText: '1 x 24 Jam',
      serviceTime: days(1),
      cost: { text: 'Tanpa biaya', free: true },
      product: ['Akun surel pulih'],
      channels: [
        { kind: 'email', value: 'pengaduan@kominfo.lautbiru.go.id' },
        { kind: 'phone', value: '(0431) 654321' },
      ],
      legalBasis: [],
    });
    expect(r.warnings[0]).toMatch(/^Teks tidak memuat judul bagian/);
    expect(r.warnings).toContain(
      'Langkah 4: pelaksana tidak dapat dibaca dari teks; pilih posisinya.',
    );
  });
});

describe('importStandard: position names written short', () => {
  it('maps "Kadis", "Kabid ...", "KA. ..." and "Kasi ..." to the full names of the table', () => {
    const sop = [
      'SOP PEMBUKAAN PORT',
      '',
      'No\tKegiatan\tKA. DINAS\tKabid Infrastruktur\tKasi Jaringan\tWaktu\tOutput',
      '1\tMenyetujui permintaan\tv\t\t\t1 Hari\tDisposisi',
      '2\tMenugaskan pembukaan port\t\tv\t\t2 Jam\tSurat tugas',
      '3\tMembuka port\t\t\tv\t1 Jam\tPort terbuka',
    ].join('\n');
    const r = importStandard(sop, 'text/plain', {
      code: 'contoh',
      name: 'Dinas Contoh',
      timeZone: 'Asia/Jakarta',
      region: null,
      ticketPrefix: 'CTH',
      positions: [
        { code: 'kadis', name: 'Kepala Dinas', reportsTo: null },
        { code: 'kabid-infra', name: 'Kepala Bidang Infrastruktur', reportsTo: 'kadis' },
        { code: 'kasi-jar', name: 'Kepala Seksi Jaringan', reportsTo: 'kabid-infra' },
      ],
    });
    expect(r.steps.map((s) => [s.executors, s.time, s.output])).toEqual([
      [['kadis'], '1 Hari', 'Disposisi'],
      [['kabid-infra'], '2 Jam', 'Surat tugas'],
      [['kasi-jar'], '1 Jam', 'Port terbuka'],
    ]);
    expect(r.warnings.filter((w) => w.includes('tabel posisi'))).toEqual([]);
  });
});

describe('importStandard: SIPPN copy with unnumbered requirements and a time that is no duration', () => {
  const r = importStandard(shape('sippn-unnumbered.txt'), 'text/plain');

  it('keeps lines under one another together, and reads the time slot by its place', () => {
    expectReading(r, {
      name: 'Penerbitan Rekomendasi Menara Telekomunikasi',
      requirements: [
        'Surat permohonan dari penyedia menara',
        'Salinan izin lokasi',
        'Gambar rencana menara',
      ],
      steps: [
        { description: 'Pemohon menyerahkan berkas di loket', executors: ['Pemohon'] },
        {
          description: 'Petugas Loket memeriksa kelengkapan berkas',
          executors: ['Petugas Loket'],
        },
        { description: 'Tim Teknis melakukan survei lokasi', executors: ['Tim Teknis'] },
        {
          description: 'Kepala Dinas menandatangani rekomendasi',
          executors: ['Kepala Dinas'],
        },
      ],
      serviceTimeText: 'Sesuai jadwal survei',
      serviceTime: null,
      cost: { text: 'Tidak dipungut biaya', free: true },
      product: ['Surat Rekomendasi Menara'],
      channels: [
        {
          kind: 'sp4n-lapor',
          value:
            'Anda juga dapat menyampaikan pengaduan, aspirasi, maupun permintaan informasi melalui aplikasi LAPOR!',
        },
      ],
      legalBasis: [],
    });
    expect(r.warnings).toContain(
      'Waktu penyelesaian "Sesuai jadwal survei" tidak terbaca (tidak dapat membaca "Sesuai jadwal survei" sebagai jangka waktu).',
    );
  });
});

describe('importStandard: a page with more than one standard', () => {
  it('reads the first and says the rest must be pasted on their own', () => {
    const twice = importStandard(
      `${shape('pipe-running-number.txt')}\n${shape('pipe-running-number.txt')}`,
      'text/plain',
    );
    expect(twice.requirements.length).toBe(1);
    expect(twice.steps.length).toBe(3);
    expect(twice.warnings).toContain(
      'Teks memuat lebih dari satu standar pelayanan; hanya standar pertama yang dibaca. Tempel standar lainnya secara terpisah.',
    );
    const two = importStandard(
      `${shape('colon-labels.txt')}\n\n${shape('lampiran-keputusan.txt')}`,
      'text/plain',
    );
    expect(two.name).toBe('Pembuatan Surel Dinas Perangkat Daerah');
    expect(two.steps.length).toBe(4);
    expect(two.warnings).toContain(
      'Teks memuat lebih dari satu standar pelayanan; hanya standar pertama yang dibaca. Tempel standar lainnya secara terpisah.',
    );
  });
});

describe('importStandard: a table copied one cell per line', () => {
  const r = importStandard(shape('cells-on-lines.txt'), 'text/plain');

  it('takes the row numbers standing alone for row numbers, not for items', () => {
    expectReading(r, {
      name: 'LAYANAN PEMINJAMAN PROYEKTOR',
      requirements: ['Nota dinas peminjaman dari perangkat daerah'],
      steps: [
        {
          description: 'Peminjam menyerahkan nota dinas ke Sekretariat',
          executors: ['Peminjam'],
        },
        {
          description: 'Pengelola Barang menyerahkan proyektor dan mencatat peminjaman',
          executors: ['Pengelola Barang'],
        },
      ],
      serviceTimeText: '15 menit per permohonan',
      serviceTime: { min: 15, max: 15, unit: 'minute', basis: 'working', startsWhen: null },
      cost: { text: 'Gratis', free: true },
      product: ['Proyektor dipinjamkan'],
      channels: [{ kind: 'email', value: 'umum@kominfo.bukithijau.go.id' }],
      legalBasis: [],
    });
    expect(r.internal.staffCount).toBe('2');
    expect(r.warnings).toEqual(['Waktu penyelesaian: waktu untuk setiap permohonan.']);
  });
});
