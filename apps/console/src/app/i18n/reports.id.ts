/** Teks unduhan laporan evaluasi kinerja pelayanan (`/laporan`). */
export const reportsId = {
  'nav.reports': 'Laporan',
  'reports.title': 'Laporan Evaluasi Kinerja Pelayanan',
  'reports.intro':
    'Unduh laporan bulanan atau tahunan kantor dalam PDF: kepatuhan SLA, waktu kerja, pelanggaran beserta penyebabnya, IKM dan pengaduan per layanan, dengan blok tanda tangan Kepala Dinas.',
  'reports.office': 'Kantor',
  'reports.period': 'Periode',
  'reports.period.month': 'Bulanan',
  'reports.period.year': 'Tahunan',
  'reports.month': 'Bulan',
  'reports.year': 'Tahun',
  'reports.lang': 'Bahasa laporan',
  'reports.lang.id': 'Bahasa Indonesia',
  'reports.lang.en': 'English',
  'reports.download': 'Unduh laporan',
  'reports.downloading': 'Menyiapkan laporan…',
  'reports.invalidMonth': 'Pilih bulan (YYYY-MM).',
  'reports.invalidYear': 'Isi tahun empat angka.',
  'reports.downloaded': 'Laporan {file} diunduh.',
};
