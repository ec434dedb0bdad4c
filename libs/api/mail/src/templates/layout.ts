/**
 * The frame every HTML message shares, and the partials the templates use. HTML for mail
 * clients: nested tables, inline styles only, no external CSS, no scripts, no images.
 */
import type { MailLocale } from './helpers';

const FONT = 'font-family:Arial,Helvetica,sans-serif;';

/** Inline styles, interpolated into the template sources. */
export const S = {
  p: `margin:0 0 12px 0;${FONT}font-size:14px;line-height:1.5;color:#1f2933;`,
  h1: `margin:0 0 16px 0;${FONT}font-size:18px;line-height:1.3;color:#102a43;`,
  table: 'border-collapse:collapse;width:100%;margin:0 0 16px 0;',
  th: `padding:6px 8px;border:1px solid #d9e2ec;background:#f0f4f8;${FONT}font-size:13px;text-align:left;vertical-align:top;color:#334e68;width:35%;`,
  td: `padding:6px 8px;border:1px solid #d9e2ec;${FONT}font-size:13px;text-align:left;vertical-align:top;color:#1f2933;`,
  ok: 'color:#1e7b34;font-weight:bold;',
  missing: 'color:#b42318;font-weight:bold;',
  quote: `margin:0 0 16px 0;padding:8px 12px;border-left:3px solid #9fb3c8;background:#f7f9fb;${FONT}font-size:14px;line-height:1.5;color:#1f2933;`,
  alert: `margin:0 0 16px 0;padding:10px 12px;background:#fff4e5;border:1px solid #f5c26b;${FONT}font-size:14px;color:#7a4100;`,
  danger: `margin:0 0 16px 0;padding:10px 12px;background:#fdecea;border:1px solid #f1a7a0;${FONT}font-size:14px;color:#8a1c12;`,
} as const;

/**
 * The HTML frame. `body` is the template's rendered (escaped) HTML and `markerHtml` the hidden span
 * made by `@sigap/mail-threading`; everything else is escaped here.
 */
export const HTML_LAYOUT = `<!DOCTYPE html>
<html lang="{{@locale}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{subject}}</title>
</head>
<body style="margin:0;padding:0;background:#f0f4f8;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f0f4f8;">
<tr><td align="center" style="padding:24px 8px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background:#ffffff;border:1px solid #d9e2ec;">
<tr><td style="padding:14px 24px;background:#0b5cad;${FONT}font-size:16px;font-weight:bold;color:#ffffff;">{{sender}}</td></tr>
<tr><td style="padding:24px;">
{{{body}}}
</td></tr>
<tr><td style="padding:14px 24px;border-top:1px solid #d9e2ec;${FONT}font-size:12px;line-height:1.5;color:#52606d;">{{footer}}
{{{markerHtml}}}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;

/** The plain-text frame; nothing is escaped in text. */
export const TEXT_LAYOUT = `{{{body}}}

--
{{{sender}}}
{{{footer}}}
{{{markerText}}}
`;

export const FOOTERS: Record<MailLocale, { ticket: string; account: string }> = {
  id: {
    ticket:
      'Balas e-mail ini untuk menanggapi; biarkan nomor tiket di subjek tetap ada. Pesan ini dikirim otomatis oleh Sigap.',
    account: 'Pesan ini dikirim otomatis oleh Sigap. Abaikan bila Anda tidak memintanya.',
  },
  en: {
    ticket:
      'Reply to this e-mail to respond; keep the ticket number in the subject. This message was sent automatically by Sigap.',
    account: 'This message was sent automatically by Sigap. Ignore it if you did not ask for it.',
  },
};

/** Partials, registered once per instance under `<locale>/<name>`. */
export const PARTIALS: Record<string, string> = {
  'id/ticket': `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="${S.table}">
<tr><th style="${S.th}">Nomor tiket</th><td style="${S.td}">{{number}}</td></tr>
<tr><th style="${S.th}">Perihal</th><td style="${S.td}">{{subject}}</td></tr>
<tr><th style="${S.th}">Layanan</th><td style="${S.td}">{{serviceName}}</td></tr>
<tr><th style="${S.th}">Kantor</th><td style="${S.td}">{{officeName}}</td></tr>
</table>
{{#if url}}<p style="${S.p}">{{link url "Buka tiket"}}</p>{{/if}}`,
  'en/ticket': `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="${S.table}">
<tr><th style="${S.th}">Ticket number</th><td style="${S.td}">{{number}}</td></tr>
<tr><th style="${S.th}">Subject</th><td style="${S.td}">{{subject}}</td></tr>
<tr><th style="${S.th}">Service</th><td style="${S.td}">{{serviceName}}</td></tr>
<tr><th style="${S.th}">Office</th><td style="${S.td}">{{officeName}}</td></tr>
</table>
{{#if url}}<p style="${S.p}">{{link url "Open the ticket"}}</p>{{/if}}`,
  'id/ticket-text': `Nomor tiket : {{number}}
Perihal     : {{subject}}
Layanan     : {{serviceName}}
Kantor      : {{officeName}}{{#if url}}
{{link url "Buka tiket" text=true}}{{/if}}`,
  'en/ticket-text': `Ticket number : {{number}}
Subject       : {{subject}}
Service       : {{serviceName}}
Office        : {{officeName}}{{#if url}}
{{link url "Open the ticket" text=true}}{{/if}}`,
};
