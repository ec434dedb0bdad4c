import { S } from '../layout';
import type { TemplateSource } from './source';

/**
 * The acknowledgement of a complaint (pengaduan, saran or masukan): its own number, the answer
 * window of the national complaint rules (5 working days), the due date in the office's zone and
 * the read-only tracking link. Replies to it thread onto the complaint.
 */
export const complaintReceived: TemplateSource = {
  name: 'complaint-received',
  kind: 'ticket',
  description: {
    id: 'Tanda terima pengaduan, saran atau masukan: nomor pengaduan, batas jawaban 5 hari kerja, tautan pelacakan.',
    en: 'Acknowledgement of a complaint, suggestion or feedback: its number, the 5-working-day answer window, the tracking link.',
  },
  id: {
    subject: '{{categoryLabel.id}} diterima: {{ticket.subject}}',
    html: `<h1 style="${S.h1}">{{categoryLabel.id}} Anda telah kami terima</h1>
<p style="${S.p}">Yth. {{requesterName}},</p>
<p style="${S.p}">Terima kasih. {{categoryLabel.id}} Anda kami terima pada {{date receivedAt}} dan dicatat dengan nomor <strong>{{ticket.number}}</strong>. Sebutkan nomor ini bila menghubungi kami.</p>
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="${S.table}">
<tr><th style="${S.th}">Nomor pengaduan</th><td style="${S.td}">{{ticket.number}}</td></tr>
<tr><th style="${S.th}">Jenis</th><td style="${S.td}">{{categoryLabel.id}}</td></tr>
<tr><th style="${S.th}">Perihal</th><td style="${S.td}">{{ticket.subject}}</td></tr>
<tr><th style="${S.th}">Kantor</th><td style="${S.td}">{{ticket.officeName}}</td></tr>
</table>
<div style="${S.quote}">{{multiline (excerpt text 600)}}</div>
<p style="${S.p}">Sesuai ketentuan pengelolaan pengaduan pelayanan publik, kami menjawab paling lambat <strong>{{answerDays}} hari kerja</strong>{{#if dueAt}} setelah diterima, yaitu <strong>{{date dueAt}}</strong>{{/if}}.</p>
{{#if trackUrl}}<p style="${S.p}">Pantau tindak lanjutnya tanpa masuk akun: {{link trackUrl "Lacak pengaduan"}}</p>{{/if}}
<p style="${S.p}">Untuk menambahkan keterangan atau bukti, balas e-mail ini.</p>`,
    text: `Yth. {{requesterName}},

Terima kasih. {{categoryLabel.id}} Anda kami terima pada {{date receivedAt}} dan dicatat dengan nomor {{ticket.number}}. Sebutkan nomor ini bila menghubungi kami.

Nomor pengaduan : {{ticket.number}}
Jenis           : {{categoryLabel.id}}
Perihal         : {{ticket.subject}}
Kantor          : {{ticket.officeName}}

{{excerpt text 600}}

Sesuai ketentuan pengelolaan pengaduan pelayanan publik, kami menjawab paling lambat {{answerDays}} hari kerja{{#if dueAt}} setelah diterima, yaitu {{date dueAt}}{{/if}}.
{{#if trackUrl}}
Pantau tindak lanjutnya tanpa masuk akun: {{trackUrl}}
{{/if}}
Untuk menambahkan keterangan atau bukti, balas e-mail ini.`,
  },
  en: {
    subject: '{{categoryLabel.en}} received: {{ticket.subject}}',
    html: `<h1 style="${S.h1}">We have received your {{categoryLabel.enLower}}</h1>
<p style="${S.p}">Dear {{requesterName}},</p>
<p style="${S.p}">Thank you. We received your {{categoryLabel.enLower}} on {{date receivedAt}} and registered it as <strong>{{ticket.number}}</strong>. Please quote this number when you contact us.</p>
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="${S.table}">
<tr><th style="${S.th}">Complaint number</th><td style="${S.td}">{{ticket.number}}</td></tr>
<tr><th style="${S.th}">Type</th><td style="${S.td}">{{categoryLabel.en}}</td></tr>
<tr><th style="${S.th}">Subject</th><td style="${S.td}">{{ticket.subject}}</td></tr>
<tr><th style="${S.th}">Office</th><td style="${S.td}">{{ticket.officeName}}</td></tr>
</table>
<div style="${S.quote}">{{multiline (excerpt text 600)}}</div>
<p style="${S.p}">Under the public-service complaint rules we answer within <strong>{{answerDays}} working days</strong>{{#if dueAt}} of receipt, that is by <strong>{{date dueAt}}</strong>{{/if}}.</p>
{{#if trackUrl}}<p style="${S.p}">Follow it without signing in: {{link trackUrl "Track the complaint"}}</p>{{/if}}
<p style="${S.p}">To add details or evidence, reply to this e-mail.</p>`,
    text: `Dear {{requesterName}},

Thank you. We received your {{categoryLabel.enLower}} on {{date receivedAt}} and registered it as {{ticket.number}}. Please quote this number when you contact us.

Complaint number : {{ticket.number}}
Type             : {{categoryLabel.en}}
Subject          : {{ticket.subject}}
Office           : {{ticket.officeName}}

{{excerpt text 600}}

Under the public-service complaint rules we answer within {{answerDays}} working days{{#if dueAt}} of receipt, that is by {{date dueAt}}{{/if}}.
{{#if trackUrl}}
Follow it without signing in: {{trackUrl}}
{{/if}}
To add details or evidence, reply to this e-mail.`,
  },
};
