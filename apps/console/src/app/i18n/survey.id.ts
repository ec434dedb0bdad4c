/** Bahasa Indonesia texts of the public satisfaction survey page (`/survei/:token`). */
export const surveyId = {
  'survey.title': 'Survei Kepuasan Masyarakat',
  'survey.skip': 'Lompat ke isi',
  'survey.loading': 'Memuat survei…',
  'survey.intro':
    'Terima kasih telah menggunakan layanan kami. Nilailah sembilan unsur pelayanan berikut dari 1 (terendah) sampai 4 (tertinggi). Survei ini tidak meminta data pribadi.',
  'survey.ticket': 'Nomor tiket',
  'survey.service': 'Layanan',
  'survey.validUntil': 'Tautan berlaku sampai {date}.',
  'survey.score': 'Nilai {score}',
  'survey.comment': 'Saran atau komentar (tidak wajib)',
  'survey.profile.title': 'Profil responden (tidak wajib)',
  'survey.profile.hint':
    'Hanya dihitung sebagai jumlah per kelompok; tidak pernah ditampilkan per responden.',
  'survey.profile.sex': 'Jenis kelamin',
  'survey.profile.age': 'Usia',
  'survey.profile.education': 'Pendidikan terakhir',
  'survey.profile.occupation': 'Pekerjaan',
  'survey.profile.none': '— tidak diisi —',
  'survey.commentHint': 'Paling banyak {max} karakter. Jangan menulis data pribadi.',
  'survey.submit': 'Kirim jawaban',
  'survey.submitting': 'Mengirim…',
  'survey.missing': 'Jawab semua unsur terlebih dahulu: {list}.',
  'survey.required': 'Wajib dijawab',
  'survey.done.title': 'Terima kasih',
  'survey.done.text':
    'Jawaban Anda untuk tiket {number} sudah kami terima. Masukan Anda membantu kami memperbaiki layanan.',
  'survey.invalid.title': 'Tautan survei tidak dikenal',
  'survey.invalid.text':
    'Tautan ini tidak utuh atau tidak kami kenal. Salin tautan lengkap dari e-mail yang Anda terima.',
  'survey.expired.title': 'Masa berlaku tautan sudah habis',
  'survey.expired.text':
    'Survei untuk tiket ini tidak dapat diisi lagi. Bila ada masukan, sampaikan melalui halaman pengaduan.',
  'survey.used.title': 'Survei sudah diisi',
  'survey.used.text':
    'Survei untuk tiket ini sudah diisi sebelumnya. Terima kasih atas waktu Anda.',
  'survey.limited':
    'Terlalu banyak permintaan dari alamat Anda. Tunggu beberapa menit, lalu coba lagi.',
  'survey.failed': 'Jawaban belum dapat dikirim. Periksa sambungan, lalu coba lagi.',
  'survey.complaint': 'Sampaikan pengaduan',
};
