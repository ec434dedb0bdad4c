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
