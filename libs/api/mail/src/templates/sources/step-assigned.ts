import { S } from '../layout';
import type { TemplateSource } from './source';

export const stepAssigned: TemplateSource = {
  name: 'step-assigned',
  kind: 'ticket',
  description: {
    id: 'Penugasan langkah prosedur kepada pelaksana.',
    en: 'A procedure step assigned to its executor.',
  },
  id: {
    subject: 'Tugas langkah {{step.number}}: {{step.title}}',
    html: `<h1 style="${S.h1}">Anda mendapat tugas baru</h1>
<p style="${S.p}">Yth. {{assigneeName}},</p>
<p style="${S.p}">Langkah <strong>{{step.number}}. {{step.title}}</strong> ditugaskan kepada Anda sebagai {{step.positionName}}.</p>
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="${S.table}">
{{#if step.time}}<tr><th style="${S.th}">Waktu standar</th><td style="${S.td}">{{duration step.time}}</td></tr>{{/if}}
{{#if dueAt}}<tr><th style="${S.th}">Tenggat</th><td style="${S.td}">{{date dueAt}}</td></tr>{{/if}}
</table>
{{> id/ticket ticket}}`,
    text: `Yth. {{assigneeName}},

Langkah {{step.number}}. {{step.title}} ditugaskan kepada Anda sebagai {{step.positionName}}.
{{#if step.time}}Waktu standar: {{duration step.time}}
{{/if}}{{#if dueAt}}Tenggat: {{date dueAt}}
{{/if}}
{{> id/ticket-text ticket}}`,
  },
  en: {
    subject: 'Step {{step.number}} assigned: {{step.title}}',
    html: `<h1 style="${S.h1}">A new task for you</h1>
<p style="${S.p}">Dear {{assigneeName}},</p>
<p style="${S.p}">Step <strong>{{step.number}}. {{step.title}}</strong> is assigned to you as {{step.positionName}}.</p>
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="${S.table}">
{{#if step.time}}<tr><th style="${S.th}">Standard time</th><td style="${S.td}">{{duration step.time}}</td></tr>{{/if}}
{{#if dueAt}}<tr><th style="${S.th}">Due</th><td style="${S.td}">{{date dueAt}}</td></tr>{{/if}}
</table>
{{> en/ticket ticket}}`,
    text: `Dear {{assigneeName}},

Step {{step.number}}. {{step.title}} is assigned to you as {{step.positionName}}.
{{#if step.time}}Standard time: {{duration step.time}}
{{/if}}{{#if dueAt}}Due: {{date dueAt}}
{{/if}}
{{> en/ticket-text ticket}}`,
  },
};
