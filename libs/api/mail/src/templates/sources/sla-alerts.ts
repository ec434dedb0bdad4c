import { S } from '../layout';
import type { TemplateSource } from './source';

/** The clock an alert is about: "langkah 3. Verifikasi" or the ticket itself. */
const WHAT_ID = `{{#if step}}langkah {{step.number}}. {{step.title}} pada tiket {{ticket.number}}{{else}}tiket {{ticket.number}}{{/if}}`;
const WHAT_EN = `{{#if step}}step {{step.number}}. {{step.title}} of ticket {{ticket.number}}{{else}}ticket {{ticket.number}}{{/if}}`;
/**
 * Why the recipient gets the alert, by who they are for this clock: the assignee, the holder(s)
 * of the position above (an escalation), the holders of an unassigned step's position, or the
 * office's helpdesk agents standing in when there is nobody else (`nobody` says who is missing).
 */
function audienceId(nobody: string): string {
  return `{{#if (eq audience "supervisor")}}Pemberitahuan ini dikirim kepada Anda sebagai atasan dari {{assigneeName}}{{#if step}} ({{step.positionName}}){{/if}}.{{else if (eq audience "position")}}Langkah ini belum ditugaskan kepada seseorang; pemberitahuan ini dikirim kepada Anda sebagai pemegang jabatan {{step.positionName}}.{{else if (eq audience "helpdesk")}}${nobody}, sehingga pemberitahuan ini dikirim kepada Anda sebagai petugas helpdesk {{ticket.officeName}}: mohon tugaskan atau tangani.{{else}}Pemberitahuan ini dikirim kepada Anda karena {{#if step}}langkah{{else}}tiket{{/if}} ini ditugaskan kepada Anda.{{/if}}`;
}

function audienceEn(nobody: string): string {
  return `{{#if (eq audience "supervisor")}}You receive this notice as the supervisor of {{assigneeName}}{{#if step}} ({{step.positionName}}){{/if}}.{{else if (eq audience "position")}}This step is not assigned to anyone yet; you receive this notice as a holder of the position {{step.positionName}}.{{else if (eq audience "helpdesk")}}${nobody}, so you receive this notice as a helpdesk agent of {{ticket.officeName}}: please assign or handle it.{{else}}You receive this notice because this {{#if step}}step{{else}}ticket{{/if}} is assigned to you.{{/if}}`;
}

const AT_RISK_AUDIENCE_ID = audienceId(
  '{{#if step}}Langkah ini belum ditugaskan dan jabatan {{step.positionName}} tidak memiliki pemegang aktif{{else}}Tiket ini belum ditugaskan kepada petugas{{/if}}',
);
const AT_RISK_AUDIENCE_EN = audienceEn(
  '{{#if step}}This step is not assigned and the position {{step.positionName}} has no active holder{{else}}This ticket is not assigned to an agent yet{{/if}}',
);
const BREACHED_AUDIENCE_ID = audienceId(
  '{{#if step}}Tidak ada atasan aktif yang tercatat di atas jabatan {{step.positionName}}{{else}}Tiket ini belum ditugaskan kepada petugas{{/if}}',
);
const BREACHED_AUDIENCE_EN = audienceEn(
  '{{#if step}}No active supervisor is recorded above the position {{step.positionName}}{{else}}This ticket is not assigned to an agent yet{{/if}}',
);

export const slaAtRisk: TemplateSource = {
  name: 'sla-at-risk',
  kind: 'ticket',
  description: {
    id: 'Peringatan tenggat hampir habis (langkah atau tiket), kepada pelaksana, pemegang jabatan langkah yang belum ditugaskan, atau petugas helpdesk.',
    en: 'Warning that a step or ticket is close to its due time, to the assignee, the holders of an unassigned step, or the helpdesk agents.',
  },
  id: {
    subject: `Tenggat hampir habis: ${WHAT_ID}`,
    html: `<h1 style="${S.h1}">Tenggat hampir habis</h1>
<p style="${S.p}">Yth. {{recipientName}},</p>
<p style="${S.alert}">Sisa waktu untuk ${WHAT_ID}: <strong>{{duration remainingMinutes}}</strong> jam kerja. Tenggat: {{date dueAt}}.</p>
<p style="${S.p}">${AT_RISK_AUDIENCE_ID}</p>
{{> id/ticket ticket}}`,
    text: `Yth. {{recipientName}},

Sisa waktu untuk ${WHAT_ID}: {{duration remainingMinutes}} jam kerja. Tenggat: {{date dueAt}}.
${AT_RISK_AUDIENCE_ID}

{{> id/ticket-text ticket}}`,
  },
  en: {
    subject: `Due soon: ${WHAT_EN}`,
    html: `<h1 style="${S.h1}">Due time approaching</h1>
<p style="${S.p}">Dear {{recipientName}},</p>
<p style="${S.alert}">Time left for ${WHAT_EN}: <strong>{{duration remainingMinutes}}</strong> of working time. Due: {{date dueAt}}.</p>
<p style="${S.p}">${AT_RISK_AUDIENCE_EN}</p>
{{> en/ticket ticket}}`,
    text: `Dear {{recipientName}},

Time left for ${WHAT_EN}: {{duration remainingMinutes}} of working time. Due: {{date dueAt}}.
${AT_RISK_AUDIENCE_EN}

{{> en/ticket-text ticket}}`,
  },
};

export const slaBreached: TemplateSource = {
  name: 'sla-breached',
  kind: 'ticket',
  description: {
    id: 'Pemberitahuan tenggat terlampaui (langkah atau tiket), kepada pelaksana, atasannya (eskalasi), atau petugas helpdesk bila tidak ada.',
    en: 'Notice that a step or ticket is past its due time, to the assignee, the supervisor (escalation), or the helpdesk agents when there is none.',
  },
  id: {
    subject: `Tenggat terlampaui: ${WHAT_ID}`,
    html: `<h1 style="${S.h1}">Tenggat terlampaui</h1>
<p style="${S.p}">Yth. {{recipientName}},</p>
<p style="${S.danger}">${WHAT_ID} melewati tenggat {{date dueAt}}, terlambat <strong>{{duration overdueMinutes}}</strong> jam kerja.</p>
<p style="${S.p}">${BREACHED_AUDIENCE_ID}</p>
{{> id/ticket ticket}}`,
    text: `Yth. {{recipientName}},

${WHAT_ID} melewati tenggat {{date dueAt}}, terlambat {{duration overdueMinutes}} jam kerja.
${BREACHED_AUDIENCE_ID}

{{> id/ticket-text ticket}}`,
  },
  en: {
    subject: `Overdue: ${WHAT_EN}`,
    html: `<h1 style="${S.h1}">Past the due time</h1>
<p style="${S.p}">Dear {{recipientName}},</p>
<p style="${S.danger}">${WHAT_EN} passed its due time of {{date dueAt}} and is <strong>{{duration overdueMinutes}}</strong> of working time late.</p>
<p style="${S.p}">${BREACHED_AUDIENCE_EN}</p>
{{> en/ticket ticket}}`,
    text: `Dear {{recipientName}},

${WHAT_EN} passed its due time of {{date dueAt}} and is {{duration overdueMinutes}} of working time late.
${BREACHED_AUDIENCE_EN}

{{> en/ticket-text ticket}}`,
  },
};
