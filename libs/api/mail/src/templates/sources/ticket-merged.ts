import { S } from '../layout';
import type { TemplateSource } from './source';

export const ticketMerged: TemplateSource = {
  name: 'ticket-merged',
  kind: 'ticket',
  description: {
    id: 'Pemberitahuan bahwa permohonan digabung dengan tiket lain dan berlanjut dengan nomor itu.',
    en: 'Notice that the request was merged into another ticket and continues under its number.',
  },
  id: {
    subject: 'Permohonan digabung ke tiket {{targetNumber}}: {{ticket.subject}}',
    html: `<p style="${S.p}">Yth. {{requesterName}},</p>
<p style="${S.p}">Permohonan Anda dengan nomor tiket <strong>{{ticket.number}}</strong> sama dengan permohonan yang sudah kami tangani, sehingga kami gabungkan ke tiket <strong>{{targetNumber}}</strong> ({{targetSubject}}).</p>
<p style="${S.p}">Permohonan Anda berlanjut dengan nomor <strong>{{targetNumber}}</strong>. Dokumen dan pesan yang sudah Anda kirim ikut dipindahkan. Bila Anda membalas e-mail ini, balasan Anda masuk ke tiket {{targetNumber}}.</p>
<p style="${S.p}">Salam,<br>{{ticket.officeName}}</p>
{{> id/ticket ticket}}`,
    text: `Yth. {{requesterName}},

Permohonan Anda dengan nomor tiket {{ticket.number}} sama dengan permohonan yang sudah kami tangani, sehingga kami gabungkan ke tiket {{targetNumber}} ({{targetSubject}}).

Permohonan Anda berlanjut dengan nomor {{targetNumber}}. Dokumen dan pesan yang sudah Anda kirim ikut dipindahkan. Bila Anda membalas e-mail ini, balasan Anda masuk ke tiket {{targetNumber}}.

Salam,
{{ticket.officeName}}

{{> id/ticket-text ticket}}`,
  },
  en: {
    subject: 'Request merged into ticket {{targetNumber}}: {{ticket.subject}}',
    html: `<p style="${S.p}">Dear {{requesterName}},</p>
<p style="${S.p}">Your request with ticket number <strong>{{ticket.number}}</strong> duplicates a request we are already handling, so we merged it into ticket <strong>{{targetNumber}}</strong> ({{targetSubject}}).</p>
<p style="${S.p}">Your request continues under number <strong>{{targetNumber}}</strong>. The documents and messages you sent were moved with it. If you reply to this e-mail, your reply goes to ticket {{targetNumber}}.</p>
<p style="${S.p}">Regards,<br>{{ticket.officeName}}</p>
{{> en/ticket ticket}}`,
    text: `Dear {{requesterName}},

Your request with ticket number {{ticket.number}} duplicates a request we are already handling, so we merged it into ticket {{targetNumber}} ({{targetSubject}}).

Your request continues under number {{targetNumber}}. The documents and messages you sent were moved with it. If you reply to this e-mail, your reply goes to ticket {{targetNumber}}.

Regards,
{{ticket.officeName}}

{{> en/ticket-text ticket}}`,
  },
};
