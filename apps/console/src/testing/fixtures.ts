import type {
  CurrentUser,
  ImportResult,
  LoginResponse,
  OfficeSummary,
  PortalMe,
  ServiceDetail,
  ServiceSummary,
} from '@sigap/contracts';
import type { InternalComponents, ServiceStandard } from '@sigap/standards';

/** Test data shaped like the API's answers for the published seeds. */

export const OFFICES: OfficeSummary[] = [
  {
    code: 'tebingtinggi',
    name: 'Diskominfo Kota Tebing Tinggi',
    timeZone: 'Asia/Jakarta',
    zoneAbbreviation: 'WIB',
    ticketPrefix: 'TT',
  },
  {
    code: 'bali',
    name: 'Diskominfos Provinsi Bali',
    timeZone: 'Asia/Makassar',
    zoneAbbreviation: 'WITA',
    ticketPrefix: 'BALI',
  },
];

export const AGENT: CurrentUser = {
  id: 'u-1',
  email: 'sari@tebingtinggikota.go.id',
  name: 'Sari Lubis',
  roles: ['agent'],
  office: 'tebingtinggi',
  locale: 'id',
};

export const ADMIN: CurrentUser = { ...AGENT, id: 'u-2', name: 'Admin Kominfo', roles: ['admin'] };

export const LOGIN_RESPONSE: LoginResponse = {
  accessToken: 'tok-123',
  expiresIn: 3600,
  user: AGENT,
};

export const SUMMARIES: ServiceSummary[] = [
  {
    office: 'tebingtinggi',
    code: 'inventarisasi-aplikasi',
    name: 'Inventarisasi Aplikasi',
    version: 2,
    status: 'active',
    requirementCount: 1,
    stepCount: 12,
    serviceTime: {
      text: '1 Hari',
      parsed: { min: 1, max: 1, unit: 'day', basis: 'working', startsWhen: null },
    },
    updatedAt: '2026-03-12T02:30:00.000Z',
  },
  {
    office: 'tebingtinggi',
    code: 'pembuatan-subdomain',
    name: 'Pembuatan Subdomain',
    version: 1,
    status: 'retired',
    requirementCount: 2,
    stepCount: 5,
    serviceTime: { text: 'segera', parsed: null },
    updatedAt: '2026-01-05T08:00:00.000Z',
  },
];

const EMPTY_INTERNAL: InternalComponents = {
  legalBasis: [],
  facilities: [],
  competencies: [],
  supervision: [],
  staffCount: null,
  serviceGuarantee: null,
  securityGuarantee: null,
  performanceEvaluation: null,
};

const STEP_TEXTS = [
  'Kepala OPD mengajukan permohonan inventarisasi aplikasi',
  'Kepala Dinas Kominfo menunjuk pegawai Diskominfo sebagai anggota Tim Teknis',
  'Kepala OPD pemohon membentuk Tim Teknis Inventarisasi Aplikasi OPD',
  'Tim Teknis OPD mengundang Tim Teknis Kominfo untuk melakukan inventarisasi',
  'Tim Teknis OPD mempresentasikan aplikasi',
  'Tim Teknis Kominfo dan Tim Teknis OPD melakukan analisa',
  'Tim Teknis Kominfo melakukan instalasi dan testing aplikasi',
  'Tim Teknis Kominfo memberikan tanggapan terhadap aplikasi',
  'Tim Teknis Kominfo menambahkan aplikasi ke Daftar Aplikasi Pemerintah',
  'Tim Teknis Kominfo mengeluarkan surat rekomendasi subdomain dan hosting',
  'Tim Teknis Kominfo membuat laporan hasil inventarisasi aplikasi',
  'Kadis Kominfo memberitahukan hasil inventarisasi aplikasi',
];
const STEP_EXECUTORS = [
  'opd-pemohon',
  'kadis',
  'opd-pemohon',
  'opd-pemohon',
  'opd-pemohon',
  'tim-teknis',
  'tim-teknis',
  'tim-teknis',
  'tim-teknis',
  'tim-teknis',
  'tim-teknis',
  'kadis',
];

export const TEBING_TINGGI_STANDARD: ServiceStandard = {
  code: 'inventarisasi-aplikasi',
  office: 'tebingtinggi',
  name: 'Inventarisasi Aplikasi',
  kind: 'standar-pelayanan',
  decree: null,
  requirements: [
    {
      code: 'r1',
      text: 'Permohonan layanan',
      options: [
        {
          label: 'Surat permohonan tertulis atau e-mail kepada Kepala Dinas',
          channel: 'letter',
          items: ['Surat permohonan'],
        },
        {
          label: 'Hadir langsung di Dinas Komunikasi dan Informatika',
          channel: 'walk-in',
          items: ['Identitas', 'Buku tamu'],
        },
      ],
    },
  ],
  steps: STEP_TEXTS.map((description, index) => ({
    order: index + 1,
    description,
    executors: [STEP_EXECUTORS[index]],
    time: index === 6 ? '2 Jam' : null,
    inputs: index === 3 ? ['Sourcecode aplikasi', 'Dokumentasi pengujian'] : [],
    output: index === 10 ? 'Laporan hasil inventarisasi' : null,
    notes: null,
  })),
  serviceTime: {
    text: '1 Hari',
    byChannel: [{ channel: 'walk-in', text: '30 (tiga puluh) menit sejak permintaan disampaikan' }],
  },
  clockStartsWhen: 'received',
  cost: { text: 'Tidak dipungut biaya', free: true },
  products: ['Penyimpanan Source Code Aplikasi di Server Diskominfo'],
  complaintChannels: [
    { kind: 'email', value: 'diskominfo@tebingtinggikota.go.id' },
    { kind: 'email', value: 'diskominfott@gmail.com' },
  ],
  internal: {
    ...EMPTY_INTERNAL,
    legalBasis: ['Peraturan Presiden Nomor 95 Tahun 2018 tentang SPBE'],
    facilities: ['Ruang pelayanan', 'Server Diskominfo'],
    staffCount: '3 orang',
  },
  sop: null,
  readingNotes: ['"atang Langsung" dibaca sebagai "Datang Langsung".'],
  source: 'seeds/001',
};

export const SERVICE_DETAIL: ServiceDetail = {
  version: 2,
  status: 'active',
  createdAt: '2026-03-12T02:30:00.000Z',
  createdBy: 'Admin Kominfo',
  versions: [
    { version: 2, createdAt: '2026-03-12T02:30:00.000Z', createdBy: 'Admin Kominfo' },
    { version: 1, createdAt: '2026-01-05T08:00:00.000Z', createdBy: null },
  ],
  standard: TEBING_TINGGI_STANDARD,
  parsed: {
    serviceTime: { min: 1, max: 1, unit: 'day', basis: 'working', startsWhen: null },
    steps: TEBING_TINGGI_STANDARD.steps.map((step) => ({
      order: step.order,
      time:
        step.order === 7
          ? { min: 2, max: 2, unit: 'hour', basis: 'working', startsWhen: null }
          : null,
    })),
  },
  positionNames: {
    'opd-pemohon': 'OPD Pemohon',
    kadis: 'Kepala Dinas',
    'tim-teknis': 'Tim Teknis Kominfo',
  },
};

export const IMPORT_RESULT: ImportResult = {
  name: 'Inventarisasi Aplikasi',
  requirements: ['Surat permohonan', 'Hadir langsung'],
  steps: [],
  serviceTime: { min: 1, max: 1, unit: 'day', basis: 'working', startsWhen: null },
  serviceTimeText: '1 Hari',
  cost: { text: 'Tidak dipungut biaya', free: true },
  product: [],
  complaintChannels: [],
  legalBasis: [],
  internal: EMPTY_INTERNAL,
  warnings: [
    'Pengaduan: baris "3. Email" tanpa nomor 1 dan 2',
    'Waktu: "atang Langsung" tidak dikenal',
  ],
  draft: {
    ...TEBING_TINGGI_STANDARD,
    code: '',
    office: '',
    requirements: [
      { code: 'r1', text: 'Surat permohonan' },
      { code: 'r2', text: 'Hadir langsung' },
    ],
    steps: TEBING_TINGGI_STANDARD.steps.slice(0, 3),
  },
};

/** A requester signed in to the portal (the answer of its session check). */
export const PORTAL_ME: PortalMe = {
  name: 'Ani Rahmawati',
  email: 'ani@diskes.gorontaloprov.go.id',
  opd: { id: 'opd-1', name: 'Dinas Kesehatan' },
  office: {
    code: 'gorontalo',
    name: 'Diskominfo Gorontalo',
    timeZone: 'Asia/Makassar',
    zone: 'WITA',
  },
  csrfToken: 'csrf-from-session-0123456789',
  expiresAt: '2026-03-02T10:00:00.000Z',
};
