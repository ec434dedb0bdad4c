import { S } from '../layout';
import type { TemplateSource } from './source';

/**
 * Alerts about the first response: the requester has not heard from anyone yet. Unlike the
 * ticket deadline, what is due is an answer (a reply to the requester), not the finished work.
 */
const WHY_ID = `{{#if (eq audience "helpdesk")}}Tiket ini belum ditugaskan kepada petugas, sehingga pemberitahuan ini dikirim kepada Anda sebagai petugas helpdesk {{ticket.officeName}}.{{else}}Pemberitahuan ini dikirim kepada Anda karena tiket ini ditugaskan kepada Anda.{{/if}}`;
const WHY_EN = `{{#if (eq audience "helpdesk")}}This ticket is not assigned to an agent yet, so you receive this notice as a helpdesk agent of {{ticket.officeName}}.{{else}}You receive this notice because this ticket is assigned to you.{{/if}}`;
const DO_ID =
  'Tanggapan pertama adalah balasan kepada pemohon dari halaman tiket (bukan catatan internal); balasan itu menghentikan jam tanggapan pertama.';
const DO_EN =
  'The first response is a reply to the requester from the ticket page (not an internal note); that reply stops the first-response clock.';

export const firstResponseAtRisk: TemplateSource = {
  name: 'first-response-at-risk',
  kind: 'ticket',
  description: {
    id: 'Peringatan batas tanggapan pertama hampir habis: pemohon belum menerima balasan. Kepada petugas tiket, atau petugas helpdesk bila belum ditugaskan.',
    en: 'Warning that the first-response time is nearly up: the requester has had no reply yet. To the ticket agent, or the helpdesk agents while unassigned.',
  },
  id: {
    subject: 'Pemohon menunggu tanggapan pertama: {{ticket.subject}}',
    html: `<h1 style="${S.h1}">Pemohon belum mendapat tanggapan</h1>
<p style="${S.p}">Yth. {{recipientName}},</p>
<p style="${S.alert}">Permohonan dari <strong>{{requesterName}}</strong> yang diterima {{date receivedAt}} belum dibalas. Batas tanggapan pertama: {{date dueAt}}, sisa <strong>{{duration remainingMinutes}}</strong> jam kerja.</p>
<p style="${S.p}">${DO_ID}</p>
<p style="${S.p}">${WHY_ID}</p>
{{> id/ticket ticket}}`,
    text: `Yth. {{recipientName}},

Permohonan dari {{requesterName}} yang diterima {{date receivedAt}} belum dibalas. Batas tanggapan pertama: {{date dueAt}}, sisa {{duration remainingMinutes}} jam kerja.
${DO_ID}
${WHY_ID}

{{> id/ticket-text ticket}}`,
  },
  en: {
    subject: 'Requester awaits a first response: {{ticket.subject}}',
    html: `<h1 style="${S.h1}">The requester has had no response</h1>
<p style="${S.p}">Dear {{recipientName}},</p>
<p style="${S.alert}">The request from <strong>{{requesterName}}</strong> received on {{date receivedAt}} has not been answered. First response due: {{date dueAt}}, <strong>{{duration remainingMinutes}}</strong> of working time left.</p>
<p style="${S.p}">${DO_EN}</p>
<p style="${S.p}">${WHY_EN}</p>
{{> en/ticket ticket}}`,
    text: `Dear {{recipientName}},

The request from {{requesterName}} received on {{date receivedAt}} has not been answered. First response due: {{date dueAt}}, {{duration remainingMinutes}} of working time left.
${DO_EN}
${WHY_EN}

{{> en/ticket-text ticket}}`,
  },
};

export const firstResponseBreached: TemplateSource = {
  name: 'first-response-breached',
  kind: 'ticket',
  description: {
    id: 'Pemberitahuan batas tanggapan pertama terlampaui: pemohon belum menerima balasan. Kepada petugas tiket, atau petugas helpdesk bila belum ditugaskan.',
    en: 'Notice that the first-response time has passed without a reply to the requester. To the ticket agent, or the helpdesk agents while unassigned.',
  },
  id: {
    subject: 'Tanggapan pertama terlambat: {{ticket.subject}}',
    html: `<h1 style="${S.h1}">Tanggapan pertama terlambat</h1>
<p style="${S.p}">Yth. {{recipientName}},</p>
<p style="${S.danger}">Permohonan dari <strong>{{requesterName}}</strong> yang diterima {{date receivedAt}} belum dibalas, melewati batas tanggapan pertama {{date dueAt}} sebanyak <strong>{{duration overdueMinutes}}</strong> jam kerja.</p>
<p style="${S.p}">Mohon segera balas pemohon. ${DO_ID}</p>
<p style="${S.p}">${WHY_ID}</p>
{{> id/ticket ticket}}`,
    text: `Yth. {{recipientName}},

Permohonan dari {{requesterName}} yang diterima {{date receivedAt}} belum dibalas, melewati batas tanggapan pertama {{date dueAt}} sebanyak {{duration overdueMinutes}} jam kerja.
Mohon segera balas pemohon. ${DO_ID}
${WHY_ID}

{{> id/ticket-text ticket}}`,
  },
  en: {
    subject: 'First response overdue: {{ticket.subject}}',
    html: `<h1 style="${S.h1}">First response overdue</h1>
<p style="${S.p}">Dear {{recipientName}},</p>
<p style="${S.danger}">The request from <strong>{{requesterName}}</strong> received on {{date receivedAt}} has not been answered and is <strong>{{duration overdueMinutes}}</strong> of working time past its first-response time of {{date dueAt}}.</p>
<p style="${S.p}">Please reply to the requester now. ${DO_EN}</p>
<p style="${S.p}">${WHY_EN}</p>
{{> en/ticket ticket}}`,
    text: `Dear {{recipientName}},

The request from {{requesterName}} received on {{date receivedAt}} has not been answered and is {{duration overdueMinutes}} of working time past its first-response time of {{date dueAt}}.
Please reply to the requester now. ${DO_EN}
${WHY_EN}

{{> en/ticket-text ticket}}`,
  },
};
