import { S } from '../layout';
import type { TemplateSource } from './source';

/** What a bell notification says, by kind (the same words as the console's bell). */
const WHAT_ID = `{{#if (eq kind "assigned")}}{{#if step}}Langkah {{step}} tiket {{ticket.number}} ditugaskan kepada Anda{{else}}Tiket {{ticket.number}} ditugaskan kepada Anda{{/if}}{{#if actorName}} oleh {{actorName}}{{/if}}.{{else if (eq kind "step_at_risk")}}Tenggat langkah {{step}} tiket {{ticket.number}} hampir habis.{{else if (eq kind "step_breached")}}Langkah {{step}} tiket {{ticket.number}} melewati tenggat.{{else if (eq kind "requester_replied")}}Pemohon membalas tiket {{ticket.number}} yang ditugaskan kepada Anda.{{else}}{{actorName}} menyebut Anda dalam catatan internal tiket {{ticket.number}}.{{/if}}`;
const WHAT_EN = `{{#if (eq kind "assigned")}}{{#if step}}Step {{step}} of ticket {{ticket.number}} is assigned to you{{else}}Ticket {{ticket.number}} is assigned to you{{/if}}{{#if actorName}} by {{actorName}}{{/if}}.{{else if (eq kind "step_at_risk")}}Step {{step}} of ticket {{ticket.number}} is close to its due time.{{else if (eq kind "step_breached")}}Step {{step}} of ticket {{ticket.number}} is past its due time.{{else if (eq kind "requester_replied")}}The requester replied on ticket {{ticket.number}}, assigned to you.{{else}}{{actorName}} mentioned you in an internal note on ticket {{ticket.number}}.{{/if}}`;

/** One notification of the bell, mailed at once (the user chose e-mail for its kind). */
export const notificationMail: TemplateSource = {
  name: 'notification',
  kind: 'ticket',
  description: {
    id: 'Notifikasi lonceng yang dikirim segera lewat e-mail (disebut dalam catatan, ditugaskan, langkah berisiko atau terlambat, pemohon membalas).',
    en: 'A bell notification mailed at once (mentioned in a note, assigned, a step at risk or late, the requester replied).',
  },
  id: {
    subject: `Notifikasi: {{ticket.subject}}`,
    html: `<h1 style="${S.h1}">Notifikasi Sigap</h1>
<p style="${S.p}">Yth. {{recipientName}},</p>
<p style="${S.p}">${WHAT_ID}</p>
{{#if words}}<div style="${S.quote}">{{multiline words}}</div>{{/if}}
<p style="${S.p}">Anda dapat mengubah cara menerima notifikasi ini di pengaturan notifikasi konsol.</p>
{{> id/ticket ticket}}`,
    text: `Yth. {{recipientName}},

${WHAT_ID}
{{#if words}}
{{words}}
{{/if}}
Anda dapat mengubah cara menerima notifikasi ini di pengaturan notifikasi konsol.

{{> id/ticket-text ticket}}`,
  },
  en: {
    subject: `Notification: {{ticket.subject}}`,
    html: `<h1 style="${S.h1}">Sigap notification</h1>
<p style="${S.p}">Dear {{recipientName}},</p>
<p style="${S.p}">${WHAT_EN}</p>
{{#if words}}<div style="${S.quote}">{{multiline words}}</div>{{/if}}
<p style="${S.p}">You can change how you receive this notification in the console's notification settings.</p>
{{> en/ticket ticket}}`,
    text: `Dear {{recipientName}},

${WHAT_EN}
{{#if words}}
{{words}}
{{/if}}
You can change how you receive this notification in the console's notification settings.

{{> en/ticket-text ticket}}`,
  },
};

const ITEM_ID = `{{#if (eq kind "assigned")}}Ditugaskan kepada Anda{{else if (eq kind "step_at_risk")}}Tenggat langkah hampir habis{{else if (eq kind "step_breached")}}Langkah melewati tenggat{{else if (eq kind "requester_replied")}}Pemohon membalas{{else}}Anda disebut dalam catatan{{/if}}`;
const ITEM_EN = `{{#if (eq kind "assigned")}}Assigned to you{{else if (eq kind "step_at_risk")}}Step close to its due time{{else if (eq kind "step_breached")}}Step past its due time{{else if (eq kind "requester_replied")}}The requester replied{{else}}You were mentioned in a note{{/if}}`;

/** The daily digest: the unread notifications of the kinds the user set to digest. */
export const notificationDigest: TemplateSource = {
  name: 'notification-digest',
  kind: 'account',
  description: {
    id: 'Ringkasan harian notifikasi yang belum dibaca (pukul 07.00 waktu kantor).',
    en: 'Daily digest of unread notifications (07:00 office time).',
  },
  id: {
    subject: 'Ringkasan notifikasi {{day}}: {{total}} belum dibaca',
    html: `<h1 style="${S.h1}">Ringkasan notifikasi</h1>
<p style="${S.p}">Yth. {{recipientName}},</p>
<p style="${S.p}">Ada {{total}} notifikasi yang belum Anda baca:</p>
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="${S.table}">
{{#each items}}<tr><th style="${S.th}">${ITEM_ID}{{#if step}} (langkah {{step}}){{/if}}</th><td style="${S.td}">{{#if url}}<a href="{{url}}">{{ticketNumber}}</a>{{else}}{{ticketNumber}}{{/if}} {{ticketSubject}}{{#if words}}<br>{{words}}{{/if}}<br>{{date at}}</td></tr>
{{/each}}</table>
{{#if more}}<p style="${S.p}">Dan {{more}} lainnya di lonceng notifikasi.</p>{{/if}}
<p style="${S.p}"><a href="{{bellUrl}}">Buka Sigap</a></p>`,
    text: `Yth. {{recipientName}},

Ada {{total}} notifikasi yang belum Anda baca:
{{#each items}}
- ${ITEM_ID}{{#if step}} (langkah {{step}}){{/if}}: {{ticketNumber}} {{ticketSubject}}{{#if url}} {{url}}{{/if}}{{#if words}}
  {{words}}{{/if}}
{{/each}}
{{#if more}}Dan {{more}} lainnya di lonceng notifikasi.
{{/if}}
Buka Sigap: {{bellUrl}}`,
  },
  en: {
    subject: 'Notification digest {{day}}: {{total}} unread',
    html: `<h1 style="${S.h1}">Notification digest</h1>
<p style="${S.p}">Dear {{recipientName}},</p>
<p style="${S.p}">You have {{total}} unread notifications:</p>
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="${S.table}">
{{#each items}}<tr><th style="${S.th}">${ITEM_EN}{{#if step}} (step {{step}}){{/if}}</th><td style="${S.td}">{{#if url}}<a href="{{url}}">{{ticketNumber}}</a>{{else}}{{ticketNumber}}{{/if}} {{ticketSubject}}{{#if words}}<br>{{words}}{{/if}}<br>{{date at}}</td></tr>
{{/each}}</table>
{{#if more}}<p style="${S.p}">And {{more}} more in the bell.</p>{{/if}}
<p style="${S.p}"><a href="{{bellUrl}}">Open Sigap</a></p>`,
    text: `Dear {{recipientName}},

You have {{total}} unread notifications:
{{#each items}}
- ${ITEM_EN}{{#if step}} (step {{step}}){{/if}}: {{ticketNumber}} {{ticketSubject}}{{#if url}} {{url}}{{/if}}{{#if words}}
  {{words}}{{/if}}
{{/each}}
{{#if more}}And {{more}} more in the bell.
{{/if}}
Open Sigap: {{bellUrl}}`,
  },
};
