import { S } from '../layout';
import type { TemplateSource } from './source';

export const ticketResolved: TemplateSource = {
  name: 'ticket-resolved',
  kind: 'ticket',
  description: {
    id: 'Pemberitahuan permohonan selesai, dengan hasil dan tautan survei kepuasan.',
    en: 'Notice that the request is resolved, with the outcome and the satisfaction survey link.',
  },
  id: {
    subject: 'Permohonan selesai: {{ticket.subject}}',
    html: `<h1 style="${S.h1}">Permohonan Anda telah selesai</h1>
<p style="${S.p}">Yth. {{requesterName}},</p>
<p style="${S.p}">Permohonan dengan nomor tiket <strong>{{ticket.number}}</strong> selesai pada {{date resolvedAt}}.</p>
<div style="${S.quote}">{{multiline resolution}}</div>
{{#if surveyUrl}}<p style="${S.p}">Bantu kami meningkatkan layanan dengan mengisi {{link surveyUrl "survei kepuasan masyarakat"}}.</p>{{/if}}
<p style="${S.p}">Bila masih ada yang kurang, balas e-mail ini dan tiket akan dibuka kembali.</p>
{{> id/ticket ticket}}`,
    text: `Yth. {{requesterName}},

Permohonan dengan nomor tiket {{ticket.number}} selesai pada {{date resolvedAt}}.

{{resolution}}
{{#if surveyUrl}}
Bantu kami meningkatkan layanan dengan mengisi survei kepuasan masyarakat:
{{surveyUrl}}
{{/if}}
Bila masih ada yang kurang, balas e-mail ini dan tiket akan dibuka kembali.

{{> id/ticket-text ticket}}`,
  },
  en: {
    subject: 'Request resolved: {{ticket.subject}}',
    html: `<h1 style="${S.h1}">Your request is resolved</h1>
<p style="${S.p}">Dear {{requesterName}},</p>
<p style="${S.p}">Ticket <strong>{{ticket.number}}</strong> was resolved on {{date resolvedAt}}.</p>
<div style="${S.quote}">{{multiline resolution}}</div>
{{#if surveyUrl}}<p style="${S.p}">Help us improve by answering the {{link surveyUrl "satisfaction survey"}}.</p>{{/if}}
<p style="${S.p}">If anything is still missing, reply to this e-mail and the ticket will be reopened.</p>
{{> en/ticket ticket}}`,
    text: `Dear {{requesterName}},

Ticket {{ticket.number}} was resolved on {{date resolvedAt}}.

{{resolution}}
{{#if surveyUrl}}
Help us improve by answering the satisfaction survey:
{{surveyUrl}}
{{/if}}
If anything is still missing, reply to this e-mail and the ticket will be reopened.

{{> en/ticket-text ticket}}`,
  },
};
