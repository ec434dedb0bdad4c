import { S } from '../layout';
import type { TemplateSource } from './source';

/**
 * The staff notice that a requester wrote back by e-mail. The opening line says what the reply
 * did to the ticket (answered a question and restarted the clock, reopened it, or only added to
 * the thread); the message is quoted, shortened when long (the whole text is on the ticket).
 */
export const requesterReplied: TemplateSource = {
  name: 'requester-replied',
  kind: 'ticket',
  description: {
    id: 'Pemberitahuan kepada petugas bahwa pemohon membalas e-mail tiket.',
    en: 'A notice to staff that the requester replied to the ticket by e-mail.',
  },
  id: {
    subject: 'Balasan pemohon: {{ticket.subject}}',
    html: `<h1 style="${S.h1}">Pemohon membalas</h1>
<p style="${S.p}">Yth. {{recipientName}},</p>
<p style="${S.p}"><strong>{{requesterName}}</strong>{{#if requesterEmail}} ({{requesterEmail}}){{/if}} membalas tiket ini melalui e-mail.
{{#if (eq effect "answered")}}Tiket tidak lagi menunggu pemohon; jam layanan berjalan kembali.{{/if}}
{{#if (eq effect "reopened")}}Tiket yang sudah selesai <strong>dibuka kembali</strong> dan masuk putaran layanan baru.{{/if}}</p>
<div style="${S.quote}">{{multiline (excerpt message 1500)}}</div>
{{#if attachmentCount}}<p style="${S.p}">Lampiran: {{attachmentCount}} berkas (lihat di tiket).</p>{{/if}}
{{> id/ticket ticket}}`,
    text: `Yth. {{recipientName}},

{{requesterName}}{{#if requesterEmail}} ({{requesterEmail}}){{/if}} membalas tiket ini melalui e-mail.
{{#if (eq effect "answered")}}Tiket tidak lagi menunggu pemohon; jam layanan berjalan kembali.
{{/if}}{{#if (eq effect "reopened")}}Tiket yang sudah selesai dibuka kembali dan masuk putaran layanan baru.
{{/if}}
{{excerpt message 1500}}
{{#if attachmentCount}}
Lampiran: {{attachmentCount}} berkas (lihat di tiket).
{{/if}}
{{> id/ticket-text ticket}}`,
  },
  en: {
    subject: 'Requester replied: {{ticket.subject}}',
    html: `<h1 style="${S.h1}">The requester replied</h1>
<p style="${S.p}">Dear {{recipientName}},</p>
<p style="${S.p}"><strong>{{requesterName}}</strong>{{#if requesterEmail}} ({{requesterEmail}}){{/if}} replied to this ticket by e-mail.
{{#if (eq effect "answered")}}The ticket no longer waits for the requester; the service clock runs again.{{/if}}
{{#if (eq effect "reopened")}}The resolved ticket has been <strong>reopened</strong> and starts a new service round.{{/if}}</p>
<div style="${S.quote}">{{multiline (excerpt message 1500)}}</div>
{{#if attachmentCount}}<p style="${S.p}">Attachments: {{attachmentCount}} {{plural attachmentCount "file"}} (see the ticket).</p>{{/if}}
{{> en/ticket ticket}}`,
    text: `Dear {{recipientName}},

{{requesterName}}{{#if requesterEmail}} ({{requesterEmail}}){{/if}} replied to this ticket by e-mail.
{{#if (eq effect "answered")}}The ticket no longer waits for the requester; the service clock runs again.
{{/if}}{{#if (eq effect "reopened")}}The resolved ticket has been reopened and starts a new service round.
{{/if}}
{{excerpt message 1500}}
{{#if attachmentCount}}
Attachments: {{attachmentCount}} {{plural attachmentCount "file"}} (see the ticket).
{{/if}}
{{> en/ticket-text ticket}}`,
  },
};
