// The words of the demo's IT incidents, problems and changes, by kind of IT service.

/** What an incident on a service of this kind is about: subject, description, public title. */
export interface IncidentText {
  subject: string;
  description: string;
  /** The plain words the status page shows (no names, no internal detail). */
  publicTitle: string;
}

export const INCIDENT_TEXTS: Record<string, readonly IncidentText[]> = {
  website: [
    {
      subject: 'Website tidak dapat diakses',
      description: 'Halaman utama menampilkan galat 502 sejak pagi; subdomain berita juga mati.',
      publicTitle: 'Website tidak dapat diakses',
    },
    {
      subject: 'Website sangat lambat dibuka',
      description: 'Halaman memerlukan lebih dari 30 detik untuk terbuka dari jaringan kantor.',
      publicTitle: 'Website lambat diakses',
    },
    {
      subject: 'Sertifikat SSL website kedaluwarsa',
      description: 'Peramban menampilkan peringatan "koneksi tidak aman" untuk pengunjung.',
      publicTitle: 'Website menampilkan peringatan keamanan',
    },
  ],
  email: [
    {
      subject: 'E-mail dinas tidak dapat mengirim',
      description: 'Pesan keluar tertahan di kotak keluar dengan galat autentikasi SMTP.',
      publicTitle: 'E-mail dinas tidak dapat mengirim pesan',
    },
    {
      subject: 'Kotak masuk e-mail tidak menerima pesan dari luar',
      description: 'Surel dari alamat di luar domain dinas tidak masuk sejak kemarin sore.',
      publicTitle: 'E-mail dinas terlambat menerima pesan',
    },
    {
      subject: 'Akun e-mail pegawai terkunci massal',
      description: 'Banyak pegawai tidak dapat masuk ke webmail setelah pembaruan kebijakan sandi.',
      publicTitle: 'Sebagian pengguna e-mail dinas tidak dapat masuk',
    },
  ],
  network: [
    {
      subject: 'Jaringan kantor OPD terputus',
      description: 'Seluruh ruangan di gedung OPD tidak mendapat koneksi internet maupun intranet.',
      publicTitle: 'Jaringan kantor terputus',
    },
    {
      subject: 'Wi-Fi ruang rapat tidak dapat tersambung',
      description: 'Titik akses di ruang rapat lantai 2 tidak memberi alamat IP.',
      publicTitle: 'Sebagian jaringan nirkabel terganggu',
    },
    {
      subject: 'Koneksi intranet putus-sambung',
      description: 'Koneksi ke aplikasi internal terputus beberapa menit sekali pada jam sibuk.',
      publicTitle: 'Jaringan intra tidak stabil',
    },
  ],
  'data-centre': [
    {
      subject: 'Pendingin ruang server mati',
      description: 'Suhu ruang server naik di atas 30 derajat; satu unit AC presisi berhenti.',
      publicTitle: 'Pusat data dalam pemeliharaan darurat',
    },
    {
      subject: 'Server virtualisasi tidak merespons',
      description: 'Satu host virtualisasi tidak merespons; beberapa mesin virtual ikut mati.',
      publicTitle: 'Sebagian layanan di pusat data tidak dapat diakses',
    },
    {
      subject: 'Penyimpanan bersama hampir penuh',
      description: 'Kapasitas penyimpanan bersama tersisa 3%; pencadangan malam gagal.',
      publicTitle: 'Layanan pusat data melambat',
    },
  ],
  hosting: [
    {
      subject: 'Aplikasi OPD di hosting tidak dapat dibuka',
      description: 'Mesin virtual aplikasi OPD kehabisan memori dan berhenti melayani.',
      publicTitle: 'Aplikasi perangkat daerah tidak dapat diakses',
    },
    {
      subject: 'Basis data hosting penuh',
      description: 'Partisi basis data penuh; aplikasi OPD gagal menyimpan data baru.',
      publicTitle: 'Aplikasi perangkat daerah gagal menyimpan data',
    },
  ],
  application: [
    {
      subject: 'Aplikasi gagal masuk setelah pembaruan',
      description: 'Pengguna OPD mendapat pesan "sesi tidak valid" saat masuk ke aplikasi.',
      publicTitle: 'Aplikasi tidak dapat digunakan',
    },
    {
      subject: 'Laporan aplikasi tidak dapat diunduh',
      description: 'Tombol unduh laporan menghasilkan berkas kosong untuk semua OPD.',
      publicTitle: 'Sebagian fitur aplikasi terganggu',
    },
  ],
};

/** The first answer to the reporter. */
export const INCIDENT_RESPONSES = [
  'Laporan diterima. Tim teknis sedang memeriksa penyebabnya.',
  'Terima kasih, gangguan sudah kami catat dan sedang ditangani.',
  'Kami sudah menghubungi petugas jaga; kabar berikutnya kami kirim segera.',
] as const;

/** What restored the service, by kind. */
export const INCIDENT_FIXES: Record<string, readonly string[]> = {
  website: ['Layanan web dijalankan ulang dan tembolok dibersihkan.', 'Sertifikat diperbarui.'],
  email: ['Antrean surat dibersihkan dan layanan SMTP dijalankan ulang.', 'Akun dibuka kembali.'],
  network: ['Switch distribusi diganti.', 'Kabel fiber yang putus disambung ulang.'],
  'data-centre': ['Unit pendingin cadangan dinyalakan.', 'Host dipindahkan ke kluster cadangan.'],
  hosting: ['Memori mesin virtual ditambah.', 'Ruang basis data diperluas.'],
  application: ['Versi sebelumnya dipasang kembali.', 'Konfigurasi sesi diperbaiki.'],
};

/** A recurring cause, gathered as a problem record. */
export interface ProblemText {
  kinds: readonly string[];
  title: string;
  description: string;
  incident: IncidentText;
  rootCause: string;
  workaround: string;
}

export const PROBLEM_TEXTS: readonly ProblemText[] = [
  {
    kinds: ['data-centre', 'hosting'],
    title: 'UPS ruang server sering mati saat listrik PLN padam',
    description: 'Beberapa kali dalam setahun server mati serentak ketika listrik PLN padam.',
    incident: {
      subject: 'Server mati serentak saat listrik padam',
      description: 'Listrik PLN padam dan UPS tidak menahan beban; semua rak server mati.',
      publicTitle: 'Layanan pusat data terhenti',
    },
    rootCause: 'Baterai UPS sudah melewati umur pakai dan genset tidak menyala otomatis.',
    workaround: 'Petugas jaga menyalakan genset secara manual lalu menghidupkan server bertahap.',
  },
  {
    kinds: ['network'],
    title: 'Jaringan OPD putus pada jam sibuk',
    description: 'Koneksi kantor OPD putus berulang kali antara pukul 09.00 dan 11.00.',
    incident: {
      subject: 'Jaringan OPD putus pada jam sibuk',
      description: 'Koneksi ke internet dan intranet hilang selama 10-20 menit berulang kali.',
      publicTitle: 'Jaringan kantor terputus',
    },
    rootCause: 'Switch inti kehabisan memori karena tabel alamat penuh pada jam sibuk.',
    workaround: 'Switch inti dijalankan ulang di luar jam sibuk; VLAN tamu dibatasi.',
  },
  {
    kinds: ['email', 'website', 'application'],
    title: 'Layanan berhenti ketika sertifikat kedaluwarsa',
    description: 'Sertifikat yang diperbarui manual beberapa kali terlambat diganti.',
    incident: {
      subject: 'Layanan menolak koneksi: sertifikat kedaluwarsa',
      description: 'Klien menolak koneksi karena sertifikat server sudah kedaluwarsa.',
      publicTitle: 'Layanan menampilkan peringatan keamanan',
    },
    rootCause: 'Pembaruan sertifikat dilakukan manual tanpa pengingat.',
    workaround: 'Sertifikat diperbarui manual dan tanggal kedaluwarsa dicatat di kalender tim.',
  },
];

/** The words of the major incident's update to every reporter. */
export const MAJOR_UPDATES = [
  'Penyebab gangguan sudah ditemukan; tim sedang memulihkan layanan secara bertahap.',
  'Daya cadangan sudah menyala; layanan dipulihkan bertahap dalam satu jam ke depan.',
] as const;

/** A change: subject, description, rollback plan, by kind of service. */
export interface ChangeText {
  subject: string;
  description: string;
  rollback: string;
}

export const CHANGE_TEXTS: Record<string, readonly ChangeText[]> = {
  website: [
    {
      subject: 'Pembaruan CMS website ke versi terbaru',
      description: 'Memperbarui CMS dan pluginnya untuk menutup celah keamanan.',
      rollback: 'Memulihkan salinan berkas dan basis data sebelum pembaruan.',
    },
    {
      subject: 'Pemasangan WAF di depan website',
      description: 'Memasang web application firewall dan mengalihkan lalu lintas melaluinya.',
      rollback: 'Mengembalikan DNS ke alamat server lama.',
    },
  ],
  email: [
    {
      subject: 'Migrasi server e-mail ke versi baru',
      description: 'Memindahkan kotak surat ke server e-mail versi baru.',
      rollback: 'Mengarahkan MX kembali ke server lama; kotak surat lama tetap utuh.',
    },
    {
      subject: 'Penerapan DKIM dan DMARC',
      description: 'Menambahkan tanda tangan DKIM dan kebijakan DMARC untuk domain dinas.',
      rollback: 'Menghapus rekaman DNS DKIM dan DMARC yang baru.',
    },
  ],
  network: [
    {
      subject: 'Penggantian switch inti gedung utama',
      description: 'Mengganti switch inti yang sudah habis masa dukungannya.',
      rollback: 'Memasang kembali switch lama beserta konfigurasinya.',
    },
    {
      subject: 'Membuka port 443 untuk aplikasi baru OPD',
      description: 'Menambahkan aturan firewall agar aplikasi baru dapat diakses publik.',
      rollback: 'Menghapus aturan firewall yang ditambahkan.',
    },
  ],
  'data-centre': [
    {
      subject: 'Penggantian baterai UPS ruang server',
      description: 'Mengganti seluruh baterai UPS dan menguji perpindahan ke genset.',
      rollback: 'Memasang kembali baterai lama; beban dipindah ke genset selama pekerjaan.',
    },
    {
      subject: 'Pembaruan firmware host virtualisasi',
      description: 'Memperbarui firmware dan hypervisor pada host kluster secara bergiliran.',
      rollback: 'Memasang kembali firmware sebelumnya dari media cadangan.',
    },
  ],
  hosting: [
    {
      subject: 'Peningkatan versi PHP di server hosting',
      description: 'Menaikkan versi PHP server hosting OPD agar tetap didukung.',
      rollback: 'Mengaktifkan kembali versi PHP lama pada server.',
    },
    {
      subject: 'Pemindahan mesin virtual ke penyimpanan baru',
      description: 'Memindahkan mesin virtual aplikasi OPD ke penyimpanan yang lebih besar.',
      rollback: 'Menjalankan mesin virtual dari penyimpanan lama.',
    },
  ],
  application: [
    {
      subject: 'Rilis versi baru aplikasi',
      description: 'Memasang rilis baru dengan perbaikan laporan dan formulir.',
      rollback: 'Memasang kembali rilis sebelumnya dan memulihkan basis data.',
    },
  ],
};

export const CHANGE_REVIEWS = [
  'Perubahan berjalan sesuai rencana; tidak ada keluhan pengguna.',
  'Selesai dalam jendela; dokumentasi konfigurasi sudah diperbarui.',
  'Berjalan baik; pemantauan seminggu ke depan tidak menemukan masalah.',
] as const;
