/** Bahasa Indonesia texts of the public status page of IT services. */
export const statusId = {
  'pub.nav.status': 'Status layanan',
  'pub.status.title': 'Status layanan TI',
  'pub.status.intro':
    'Keadaan layanan TI pemerintah daerah saat ini, gangguan yang sedang ditangani, dan riwayat 90 hari terakhir.',
  'pub.status.office': 'Kantor',
  'pub.status.choose': 'Pilih kantor untuk melihat status layanannya.',
  'pub.status.unknownOffice': 'Kantor tidak ditemukan.',
  'pub.status.overall.normal': 'Semua layanan berjalan normal',
  'pub.status.overall.partial': 'Sebagian layanan mengalami gangguan',
  'pub.status.overall.major': 'Ada layanan yang mengalami gangguan besar',
  'pub.status.state.normal': 'Normal',
  'pub.status.state.partial': 'Gangguan sebagian',
  'pub.status.state.major': 'Gangguan besar',
  'pub.status.asOf': 'Diperbarui {at}',
  'pub.status.since': 'Sejak {at}',
  'pub.status.daysAgo': '{days} hari lalu',
  'pub.status.today': 'Hari ini',
  'pub.status.empty': 'Kantor ini belum menampilkan layanan di halaman status.',
  'pub.status.historyLabel':
    'Riwayat {days} hari: {partial} hari gangguan sebagian, {major} hari gangguan besar',
} as const;
