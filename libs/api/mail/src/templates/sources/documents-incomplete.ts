import { S } from '../layout';
import type { TemplateSource } from './source';

export const documentsIncomplete: TemplateSource = {
  name: 'documents-incomplete',
  kind: 'ticket',
  description: {
    id: 'Permintaan melengkapi dokumen kepada pemohon: dokumen apa dan alasannya.',
    en: 'Request to the requester to complete the documents: which ones and why.',
  },
  id: {
    subject: 'Dokumen perlu dilengkapi: {{ticket.subject}}',
    html: `<h1 style="${S.h1}">Dokumen permohonan perlu dilengkapi</h1>
<p style="${S.p}">Yth. {{requesterName}},</p>
<p style="${S.p}">Setelah kami periksa, permohonan Anda belum dapat diproses karena dokumen berikut belum lengkap atau belum sesuai:</p>
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="${S.table}">
<tr><th style="${S.th}">Dokumen</th><th style="${S.th}">Keterangan</th></tr>
{{#each items}}<tr><td style="${S.td}">{{label}}</td><td style="${S.td}">{{reason}}</td></tr>
{{/each}}</table>
{{#if note}}<p style="${S.quote}">{{multiline note}}</p>{{/if}}
<p style="${S.p}">Silakan balas e-mail ini dengan melampirkan dokumen yang diperbaiki. Waktu penyelesaian dihentikan sementara sampai dokumen kami terima.</p>
{{> id/ticket ticket}}`,
    text: `Yth. {{requesterName}},

Setelah kami periksa, permohonan Anda belum dapat diproses karena dokumen berikut belum lengkap atau belum sesuai:
{{#each items}}- {{label}}: {{reason}}
{{/each}}{{#if note}}
{{note}}
{{/if}}
Silakan balas e-mail ini dengan melampirkan dokumen yang diperbaiki. Waktu penyelesaian dihentikan sementara sampai dokumen kami terima.

{{> id/ticket-text ticket}}`,
  },
  en: {
    subject: 'Documents to complete: {{ticket.subject}}',
    html: `<h1 style="${S.h1}">Your request needs more documents</h1>
<p style="${S.p}">Dear {{requesterName}},</p>
<p style="${S.p}">We cannot process your request yet: the following {{plural items.length "document is" "documents are"}} missing or not as required:</p>
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="${S.table}">
<tr><th style="${S.th}">Document</th><th style="${S.th}">Reason</th></tr>
{{#each items}}<tr><td style="${S.td}">{{label}}</td><td style="${S.td}">{{reason}}</td></tr>
{{/each}}</table>
{{#if note}}<p style="${S.quote}">{{multiline note}}</p>{{/if}}
<p style="${S.p}">Please reply to this e-mail with the corrected documents attached. The service time is paused until we receive them.</p>
{{> en/ticket ticket}}`,
    text: `Dear {{requesterName}},

We cannot process your request yet: the following {{plural items.length "document is" "documents are"}} missing or not as required:
{{#each items}}- {{label}}: {{reason}}
{{/each}}{{#if note}}
{{note}}
{{/if}}
Please reply to this e-mail with the corrected documents attached. The service time is paused until we receive them.

{{> en/ticket-text ticket}}`,
  },
};
