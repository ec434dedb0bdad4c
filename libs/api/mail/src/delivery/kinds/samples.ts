/**
 * The ticket and step the kinds' preview samples talk about: one realistic Bali request, so
 * every preview an admin opens reads as the same story.
 */
import type { MailTemplatePropsMap, TicketSummary } from '../../templates/template-props';

export const SAMPLE_TICKET: TicketSummary = {
  number: 'BALI-2026-000042',
  subject: 'Permohonan pembangunan aplikasi SIMPEG',
  serviceName: 'Pembangunan dan Pengembangan Aplikasi',
  officeName: 'Dinas Komunikasi, Informatika dan Statistik Provinsi Bali',
  url: 'https://sigap.example.go.id/tiket/BALI-2026-000042',
};

export const SAMPLE_STEP = {
  number: 4,
  title: 'Verifikasi kelengkapan dokumen permohonan',
  positionName: 'Kepala Bidang Aplikasi Informatika',
  time: { min: 1, max: 2, unit: 'hour', basis: 'working', startsWhen: null },
} satisfies MailTemplatePropsMap['step-assigned']['step'];
