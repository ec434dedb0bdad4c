import type { ComplaintCategory } from '@sigap/contracts';

/** Regional agencies (OPD) that send requests in the demo. */
export const OPD_NAMES = [
  'Dinas Kesehatan',
  'Dinas Pendidikan',
  'Badan Perencanaan Pembangunan Daerah',
  'Badan Pengelolaan Keuangan dan Aset Daerah',
  'Dinas Kependudukan dan Pencatatan Sipil',
  'Dinas Pariwisata',
  'Dinas Penanaman Modal dan PTSP',
  'Badan Kepegawaian Daerah',
  'Rumah Sakit Umum Daerah',
  'Dinas Perhubungan',
] as const;

export const PEOPLE = [
  'Ni Luh Putu Ariani',
  'I Made Wirawan',
  'Siti Rahmawati',
  'Andi Pratama',
  'Dewi Kartika Sari',
  'Muhammad Rizki',
  'Yusuf Hasibuan',
  'Rina Marlina',
  'Fadli Gobel',
  'Nurul Huda',
  'Agus Setiawan',
  'Ketut Suardana',
  'Hendra Saputra',
  'Wahyuni Lestari',
] as const;

export const REQUEST_SUBJECTS = [
  'Aplikasi antrean layanan',
  'Sistem informasi kepegawaian',
  'Aplikasi pelaporan kinerja',
  'Portal data terbuka OPD',
  'Aplikasi perizinan daring',
  'Sistem arsip surat elektronik',
  'Aplikasi pengaduan warga',
  'Dasbor anggaran daerah',
  'Aplikasi inventaris aset',
  'Sistem informasi pasien',
] as const;

export const RETURN_REASONS = [
  'Kerangka Acuan Kerja belum ditandatangani kepala OPD',
  'Dokumen proses bisnis belum memuat alur layanan',
  'Surat permohonan belum bernomor dan berstempel',
  'Database pendukung belum dilampirkan',
] as const;

export const COMPLAINT_TEXTS: readonly (readonly [ComplaintCategory, string])[] = [
  ['pengaduan', 'Aplikasi yang diserahkan tidak dapat diakses sejak minggu lalu.'],
  ['pengaduan', 'Permohonan kami belum ada kabar lebih dari dua minggu.'],
  ['pengaduan', 'Subdomain yang diberikan belum mengarah ke server kami.'],
  ['saran', 'Mohon status permohonan dapat dilihat melalui portal tanpa menelepon.'],
  ['saran', 'Sebaiknya ada contoh dokumen Kerangka Acuan Kerja yang bisa diunduh.'],
  ['masukan', 'Petugas helpdesk sangat membantu saat kami melengkapi dokumen.'],
  ['masukan', 'Waktu pelayanan sudah lebih cepat dibanding tahun lalu.'],
];

export const SURVEY_COMMENTS = [
  'Pelayanan cepat dan ramah.',
  'Mohon informasi kelengkapan dokumen lebih jelas sejak awal.',
  'Terima kasih, aplikasi sudah kami gunakan.',
  'Prosesnya agak lama, tetapi hasilnya baik.',
  'Petugas responsif melalui e-mail.',
] as const;

/** A lower-case ASCII slug for demo addresses. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
