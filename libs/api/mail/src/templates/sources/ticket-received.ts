import { S } from '../layout';
import type { TemplateSource } from './source';

export const ticketReceived: TemplateSource = {
  name: 'ticket-received',
  kind: 'ticket',
  description: {
    id: 'Tanda terima permohonan kepada pemohon: daftar persyaratan, yang masih kurang, tenggat.',
    en: 'Acknowledgement to the requester: the checklist, what is still missing, the due date.',
  },
  id: {
    subject: 'Permohonan diterima: {{ticket.subject}}',
    html: `<h1 style="${S.h1}">Permohonan Anda telah kami terima</h1>
<p style="${S.p}">Yth. {{requesterName}},</p>
<p style="${S.p}">Permohonan Anda kami terima pada {{date receivedAt}} dan dicatat dengan nomor tiket <strong>{{ticket.number}}</strong>.</p>
{{> id/ticket ticket}}
<p style="${S.p}"><strong>Kelengkapan persyaratan</strong></p>
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="${S.table}">
{{#each checklist}}<tr><td style="${S.td}">{{label}}</td><td style="${S.td}">{{#if received}}<span style="${S.ok}">Diterima</span>{{else}}<span style="${S.missing}">Belum ada</span>{{/if}}</td></tr>
{{/each}}</table>
{{#if missing.length}}<p style="${S.alert}">Mohon lengkapi dokumen berikut dengan membalas e-mail ini (lampirkan berkasnya):<br>
{{#each missing}}&bull; {{this}}<br>
{{/each}}Waktu penyelesaian mulai dihitung setelah persyaratan lengkap.</p>{{/if}}
{{#if dueAt}}<p style="${S.p}">Target penyelesaian: <strong>{{date dueAt}}</strong>.</p>{{/if}}
{{#if trackUrl}}<p style="${S.p}">Pantau status permohonan tanpa masuk akun: {{link trackUrl "Lacak permohonan"}}</p>{{/if}}`,
    text: `Yth. {{requesterName}},

Permohonan Anda kami terima pada {{date receivedAt}} dan dicatat dengan nomor tiket {{ticket.number}}.

{{> id/ticket-text ticket}}


Kelengkapan persyaratan:
{{#each checklist}}[{{#if received}}x{{else}} {{/if}}] {{label}}
{{/each}}{{#if missing.length}}
Mohon lengkapi dokumen berikut dengan membalas e-mail ini (lampirkan berkasnya):
{{#each missing}}- {{this}}
{{/each}}Waktu penyelesaian mulai dihitung setelah persyaratan lengkap.
{{/if}}{{#if dueAt}}
Target penyelesaian: {{date dueAt}}.
{{/if}}{{#if trackUrl}}
Pantau status permohonan tanpa masuk akun: {{trackUrl}}
{{/if}}`,
  },
  en: {
    subject: 'Request received: {{ticket.subject}}',
    html: `<h1 style="${S.h1}">We have received your request</h1>
<p style="${S.p}">Dear {{requesterName}},</p>
<p style="${S.p}">We received your request on {{date receivedAt}} and registered it as ticket <strong>{{ticket.number}}</strong>.</p>
{{> en/ticket ticket}}
<p style="${S.p}"><strong>Required documents</strong></p>
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="${S.table}">
{{#each checklist}}<tr><td style="${S.td}">{{label}}</td><td style="${S.td}">{{#if received}}<span style="${S.ok}">Received</span>{{else}}<span style="${S.missing}">Missing</span>{{/if}}</td></tr>
{{/each}}</table>
{{#if missing.length}}<p style="${S.alert}">Please send the following {{plural missing.length "document"}} by replying to this e-mail (attach the files):<br>
{{#each missing}}&bull; {{this}}<br>
{{/each}}The service time starts once the documents are complete.</p>{{/if}}
{{#if dueAt}}<p style="${S.p}">Expected completion: <strong>{{date dueAt}}</strong>.</p>{{/if}}
{{#if trackUrl}}<p style="${S.p}">Follow the request without signing in: {{link trackUrl "Track the request"}}</p>{{/if}}`,
    text: `Dear {{requesterName}},

We received your request on {{date receivedAt}} and registered it as ticket {{ticket.number}}.

{{> en/ticket-text ticket}}


Required documents:
{{#each checklist}}[{{#if received}}x{{else}} {{/if}}] {{label}}
{{/each}}{{#if missing.length}}
Please send the following {{plural missing.length "document"}} by replying to this e-mail (attach the files):
{{#each missing}}- {{this}}
{{/each}}The service time starts once the documents are complete.
{{/if}}{{#if dueAt}}
Expected completion: {{date dueAt}}.
{{/if}}{{#if trackUrl}}
Follow the request without signing in: {{trackUrl}}
{{/if}}`,
  },
};
