/**
 * Sample props for every template: what the admin preview renders, and what the start-up check
 * and the tests render. Typed against the props union, so a template change that needs a new
 * prop fails to compile here first.
 */
import type { MailTemplatePropsMap, TicketSummary } from './template-props';

const TICKET: TicketSummary = {
  number: 'BALI-2026-000042',
  subject: 'Permohonan pembangunan aplikasi SIMPEG',
  serviceName: 'Pembangunan dan Pengembangan Aplikasi',
  officeName: 'Dinas Komunikasi, Informatika dan Statistik Provinsi Bali',
  url: 'https://sigap.example.go.id/tiket/BALI-2026-000042',
};

const STEP = {
  number: 4,
  title: 'Verifikasi kelengkapan dokumen permohonan',
  positionName: 'Kepala Bidang Aplikasi Informatika',
  time: { min: 1, max: 2, unit: 'hour', basis: 'working', startsWhen: null },
} satisfies MailTemplatePropsMap['step-assigned']['step'];

export const SAMPLE_PROPS: { [N in keyof MailTemplatePropsMap]: MailTemplatePropsMap[N] } = {
  'ticket-received': {
    requesterName: 'Ni Made Ayu Lestari',
    ticket: TICKET,
    receivedAt: '2026-03-02T01:15:00Z',
    checklist: [
      { label: 'Surat permohonan dari Kepala OPD', received: true },
      { label: 'Kerangka Acuan Kerja (KAK)', received: true },
      { label: 'Dokumen proses bisnis (BPMN)', received: false },
      { label: 'Analisis biaya dan manfaat', received: false },
    ],
    missing: ['Dokumen proses bisnis (BPMN)', 'Analisis biaya dan manfaat'],
    dueAt: null,
    trackUrl: 'https://sigap.example.go.id/lacak/contoh-token',
  },
  'documents-incomplete': {
    requesterName: 'Ni Made Ayu Lestari',
    ticket: TICKET,
    items: [
      {
        label: 'Dokumen proses bisnis (BPMN)',
        reason: 'Belum menggambarkan alur persetujuan cuti.',
      },
      { label: 'Analisis biaya dan manfaat', reason: 'Belum dilampirkan.' },
    ],
    note: 'Mohon gunakan templat BPMN dari portal SPBE.\nTerima kasih.',
  },
  'step-assigned': {
    assigneeName: 'I Gede Wirawan',
    ticket: TICKET,
    step: STEP,
    dueAt: '2026-03-03T02:30:00Z',
  },
  'sla-at-risk': {
    recipientName: 'Dr. I Made Sudarsana',
    audience: 'supervisor',
    ticket: TICKET,
    step: STEP,
    assigneeName: 'I Gede Wirawan',
    dueAt: '2026-03-03T02:30:00Z',
    remainingMinutes: 45,
  },
  'sla-breached': {
    recipientName: 'I Gede Wirawan',
    audience: 'assignee',
    ticket: TICKET,
    step: null,
    assigneeName: 'I Gede Wirawan',
    dueAt: '2026-05-29T08:00:00Z',
    overdueMinutes: 150,
  },
  'first-response-at-risk': {
    recipientName: 'Komang Sari, Putu Arya',
    audience: 'helpdesk',
    ticket: TICKET,
    requesterName: 'Ni Made Ayu Lestari',
    receivedAt: '2026-03-02T01:15:00Z',
    dueAt: '2026-03-02T05:15:00Z',
    remainingMinutes: 60,
  },
  'first-response-breached': {
    recipientName: 'Komang Sari',
    audience: 'assignee',
    ticket: TICKET,
    requesterName: 'Ni Made Ayu Lestari',
    receivedAt: '2026-03-02T01:15:00Z',
    dueAt: '2026-03-02T05:15:00Z',
    overdueMinutes: 95,
  },
  'agent-reply': {
    requesterName: 'Ni Made Ayu Lestari',
    agentName: 'Komang Sari',
    ticket: TICKET,
    message:
      'Selamat siang,\n\nDokumen BPMN sudah kami terima. Permohonan diteruskan ke Bidang Aplikasi Informatika.',
  },
  'requester-replied': {
    recipientName: 'I Gede Wirawan',
    requesterName: 'Ni Made Ayu Lestari',
    requesterEmail: 'ayu.lestari@diskes.baliprov.go.id',
    ticket: TICKET,
    message:
      'Selamat siang,\n\nBerikut kami lampirkan dokumen proses bisnis (BPMN) yang sudah diperbaiki.\nTerima kasih.',
    effect: 'answered',
    attachmentCount: 1,
  },
  'ticket-resolved': {
    requesterName: 'Ni Made Ayu Lestari',
    ticket: TICKET,
    resolvedAt: '2026-05-20T07:45:00Z',
    resolution:
      'Aplikasi SIMPEG telah dipasang di https://simpeg.baliprov.go.id dan diserahterimakan.',
    surveyUrl: 'https://sigap.example.go.id/survei/BALI-2026-000042',
  },
  'survey-invitation': {
    requesterName: 'Ni Made Ayu Lestari',
    ticket: TICKET,
    surveyUrl: 'https://sigap.example.go.id/survei/contoh.tautan',
    expiresAt: '2026-06-03T07:45:00Z',
  },
  'password-reset': {
    name: 'Komang Sari',
    resetUrl: 'https://sigap.example.go.id/atur-ulang-sandi?token=contoh',
    expiresInMinutes: 60,
  },
  'portal-sign-in': {
    name: 'Ani Rahmawati',
    officeName: 'Dinas Komunikasi, Informatika dan Statistik Provinsi Gorontalo',
    signInUrl: 'https://sigap.example.go.id/portal/masuk?token=contoh',
    expiresInMinutes: 15,
  },
  'complaint-received': {
    requesterName: 'I Made Wirawan',
    ticket: {
      number: 'ADUBALI-2026-000007',
      subject: 'Pengaduan: Aplikasi SIMPEG tidak dapat diakses',
      serviceName: 'Pembangunan dan Pengembangan Aplikasi',
      officeName: 'Dinas Komunikasi, Informatika dan Statistik Provinsi Bali',
      url: null,
    },
    categoryLabel: { id: 'Pengaduan', en: 'Complaint', enLower: 'complaint' },
    text: 'Aplikasi SIMPEG yang diserahkan tidak dapat diakses sejak minggu lalu.\nMohon ditindaklanjuti.',
    receivedAt: '2026-05-11T02:00:00Z',
    answerDays: 5,
    dueAt: '2026-05-20T02:00:00Z',
    trackUrl: 'https://sigap.example.go.id/lacak/contoh-token',
  },
};
