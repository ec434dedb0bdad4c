import { S } from '../layout';
import type { TemplateSource } from './source';

/** The clock an alert is about: "langkah 3. Verifikasi" or the ticket itself. */
const WHAT_ID = `{{#if step}}langkah {{step.number}}. {{step.title}} pada tiket {{ticket.number}}{{else}}tiket {{ticket.number}}{{/if}}`;
const WHAT_EN = `{{#if step}}step {{step.number}}. {{step.title}} of ticket {{ticket.number}}{{else}}ticket {{ticket.number}}{{/if}}`;
const SUPERVISOR_ID = `{{#if (eq audience "supervisor")}}Pemberitahuan ini dikirim kepada Anda sebagai atasan dari {{assigneeName}}{{#if step}} ({{step.positionName}}){{/if}}.{{/if}}`;
const SUPERVISOR_EN = `{{#if (eq audience "supervisor")}}You receive this notice as the supervisor of {{assigneeName}}{{#if step}} ({{step.positionName}}){{/if}}.{{/if}}`;

export const slaAtRisk: TemplateSource = {
  name: 'sla-at-risk',
  kind: 'ticket',
  description: {
    id: 'Peringatan tenggat hampir habis (langkah atau tiket), kepada pelaksana dan atasannya.',
    en: 'Warning that a step or ticket is close to its due time, to the assignee and the supervisor.',
  },
  id: {
    subject: `Tenggat hampir habis: ${WHAT_ID}`,
    html: `<h1 style="${S.h1}">Tenggat hampir habis</h1>
<p style="${S.p}">Yth. {{recipientName}},</p>
<p style="${S.alert}">Sisa waktu untuk ${WHAT_ID}: <strong>{{duration remainingMinutes}}</strong> jam kerja. Tenggat: {{date dueAt}}.</p>
<p style="${S.p}">${SUPERVISOR_ID}</p>
{{> id/ticket ticket}}`,
    text: `Yth. {{recipientName}},

Sisa waktu untuk ${WHAT_ID}: {{duration remainingMinutes}} jam kerja. Tenggat: {{date dueAt}}.
${SUPERVISOR_ID}

{{> id/ticket-text ticket}}`,
  },
  en: {
    subject: `Due soon: ${WHAT_EN}`,
    html: `<h1 style="${S.h1}">Due time approaching</h1>
<p style="${S.p}">Dear {{recipientName}},</p>
<p style="${S.alert}">Time left for ${WHAT_EN}: <strong>{{duration remainingMinutes}}</strong> of working time. Due: {{date dueAt}}.</p>
<p style="${S.p}">${SUPERVISOR_EN}</p>
{{> en/ticket ticket}}`,
    text: `Dear {{recipientName}},

Time left for ${WHAT_EN}: {{duration remainingMinutes}} of working time. Due: {{date dueAt}}.
${SUPERVISOR_EN}

{{> en/ticket-text ticket}}`,
  },
};

export const slaBreached: TemplateSource = {
  name: 'sla-breached',
  kind: 'ticket',
  description: {
    id: 'Pemberitahuan tenggat terlampaui (langkah atau tiket), kepada pelaksana dan atasannya.',
    en: 'Notice that a step or ticket is past its due time, to the assignee and the supervisor.',
  },
  id: {
    subject: `Tenggat terlampaui: ${WHAT_ID}`,
    html: `<h1 style="${S.h1}">Tenggat terlampaui</h1>
<p style="${S.p}">Yth. {{recipientName}},</p>
<p style="${S.danger}">${WHAT_ID} melewati tenggat {{date dueAt}}, terlambat <strong>{{duration overdueMinutes}}</strong> jam kerja.</p>
<p style="${S.p}">${SUPERVISOR_ID}</p>
{{> id/ticket ticket}}`,
    text: `Yth. {{recipientName}},

${WHAT_ID} melewati tenggat {{date dueAt}}, terlambat {{duration overdueMinutes}} jam kerja.
${SUPERVISOR_ID}

{{> id/ticket-text ticket}}`,
  },
  en: {
    subject: `Overdue: ${WHAT_EN}`,
    html: `<h1 style="${S.h1}">Past the due time</h1>
<p style="${S.p}">Dear {{recipientName}},</p>
<p style="${S.danger}">${WHAT_EN} passed its due time of {{date dueAt}} and is <strong>{{duration overdueMinutes}}</strong> of working time late.</p>
<p style="${S.p}">${SUPERVISOR_EN}</p>
{{> en/ticket ticket}}`,
    text: `Dear {{recipientName}},

${WHAT_EN} passed its due time of {{date dueAt}} and is {{duration overdueMinutes}} of working time late.
${SUPERVISOR_EN}

{{> en/ticket-text ticket}}`,
  },
};
