import { S } from '../layout';
import type { TemplateSource } from './source';

export const majorIncidentUpdate: TemplateSource = {
  name: 'major-incident-update',
  kind: 'ticket',
  description: {
    id: 'Kabar terbaru gangguan besar kepada setiap pelapornya (sekali per alamat).',
    en: 'News of a major incident to each of its reporters (once per address).',
  },
  id: {
    subject: 'Kabar gangguan {{parentNumber}}: {{parentSubject}}',
    html: `<p style="${S.p}">Yth. {{requesterName}},</p>
<p style="${S.p}">Laporan Anda termasuk gangguan {{parentNumber}} ({{parentSubject}}) yang sedang kami tangani. Kabar terbaru:</p>
<div style="${S.quote}">{{multiline message}}</div>
<p style="${S.p}">Salam,<br>{{ticket.officeName}}</p>
{{> id/ticket ticket}}`,
    text: `Yth. {{requesterName}},

Laporan Anda termasuk gangguan {{parentNumber}} ({{parentSubject}}) yang sedang kami tangani. Kabar terbaru:

{{message}}

Salam,
{{ticket.officeName}}

{{> id/ticket-text ticket}}`,
  },
  en: {
    subject: 'Incident {{parentNumber}} update: {{parentSubject}}',
    html: `<p style="${S.p}">Dear {{requesterName}},</p>
<p style="${S.p}">Your report is part of incident {{parentNumber}} ({{parentSubject}}), which we are handling. The latest news:</p>
<div style="${S.quote}">{{multiline message}}</div>
<p style="${S.p}">Regards,<br>{{ticket.officeName}}</p>
{{> en/ticket ticket}}`,
    text: `Dear {{requesterName}},

Your report is part of incident {{parentNumber}} ({{parentSubject}}), which we are handling. The latest news:

{{message}}

Regards,
{{ticket.officeName}}

{{> en/ticket-text ticket}}`,
  },
};
