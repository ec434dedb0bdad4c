import { S } from '../layout';
import type { TemplateSource } from './source';

export const surveyInvitation: TemplateSource = {
  name: 'survey-invitation',
  kind: 'ticket',
  description: {
    id: 'Undangan mengisi survei kepuasan masyarakat (SKM) setelah permohonan selesai.',
    en: 'Invitation to the public satisfaction survey (SKM) once the request is resolved.',
  },
  id: {
    subject: 'Survei kepuasan layanan: {{ticket.subject}}',
    html: `<h1 style="${S.h1}">Bagaimana layanan kami?</h1>
<p style="${S.p}">Yth. {{requesterName}},</p>
<p style="${S.p}">Permohonan <strong>{{ticket.number}}</strong> ({{ticket.serviceName}}) telah selesai. Mohon luangkan sekitar dua menit untuk menilai sembilan unsur pelayanan kami. Jawaban Anda membantu kami memperbaiki layanan.</p>
<p style="${S.p}">{{link surveyUrl "Isi survei kepuasan"}}</p>
<p style="${S.p}">Tautan ini hanya untuk tiket ini, dapat dipakai satu kali, dan berlaku sampai {{date expiresAt}}.</p>
{{> id/ticket ticket}}`,
    text: `Yth. {{requesterName}},

Permohonan {{ticket.number}} ({{ticket.serviceName}}) telah selesai. Mohon luangkan sekitar dua menit untuk menilai sembilan unsur pelayanan kami. Jawaban Anda membantu kami memperbaiki layanan.

Isi survei kepuasan:
{{surveyUrl}}

Tautan ini hanya untuk tiket ini, dapat dipakai satu kali, dan berlaku sampai {{date expiresAt}}.

{{> id/ticket-text ticket}}`,
  },
  en: {
    subject: 'How did we do? {{ticket.subject}}',
    html: `<h1 style="${S.h1}">How was our service?</h1>
<p style="${S.p}">Dear {{requesterName}},</p>
<p style="${S.p}">Request <strong>{{ticket.number}}</strong> ({{ticket.serviceName}}) is resolved. Please take about two minutes to rate the nine elements of our service. Your answers help us improve it.</p>
<p style="${S.p}">{{link surveyUrl "Answer the satisfaction survey"}}</p>
<p style="${S.p}">This link is for this ticket only, works once, and is valid until {{date expiresAt}}.</p>
{{> en/ticket ticket}}`,
    text: `Dear {{requesterName}},

Request {{ticket.number}} ({{ticket.serviceName}}) is resolved. Please take about two minutes to rate the nine elements of our service. Your answers help us improve it.

Answer the satisfaction survey:
{{surveyUrl}}

This link is for this ticket only, works once, and is valid until {{date expiresAt}}.

{{> en/ticket-text ticket}}`,
  },
};
