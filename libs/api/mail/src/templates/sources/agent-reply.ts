import { S } from '../layout';
import type { TemplateSource } from './source';

export const agentReply: TemplateSource = {
  name: 'agent-reply',
  kind: 'ticket',
  description: {
    id: 'Balasan petugas helpdesk kepada pemohon.',
    en: 'A reply from a helpdesk agent to the requester.',
  },
  id: {
    subject: '{{ticket.subject}}',
    html: `<p style="${S.p}">Yth. {{requesterName}},</p>
<div style="${S.quote}">{{multiline message}}</div>
<p style="${S.p}">Salam,<br>{{agentName}}<br>{{ticket.officeName}}</p>
{{> id/ticket ticket}}`,
    text: `Yth. {{requesterName}},

{{message}}

Salam,
{{agentName}}
{{ticket.officeName}}

{{> id/ticket-text ticket}}`,
  },
  en: {
    subject: '{{ticket.subject}}',
    html: `<p style="${S.p}">Dear {{requesterName}},</p>
<div style="${S.quote}">{{multiline message}}</div>
<p style="${S.p}">Regards,<br>{{agentName}}<br>{{ticket.officeName}}</p>
{{> en/ticket ticket}}`,
    text: `Dear {{requesterName}},

{{message}}

Regards,
{{agentName}}
{{ticket.officeName}}

{{> en/ticket-text ticket}}`,
  },
};
