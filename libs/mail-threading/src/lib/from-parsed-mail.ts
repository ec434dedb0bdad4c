import { headerMapFromLines } from './headers';
import { AttachmentMeta, InboundMessage, MailAddress } from './types';

/** The parts of mailparser's `ParsedMail` this adapter reads (structural, no import). */
export interface ParsedMailLike {
  headerLines?: ReadonlyArray<{ key: string; line: string }>;
  from?: AddressObjectLike;
  to?: AddressObjectLike | AddressObjectLike[];
  cc?: AddressObjectLike | AddressObjectLike[];
  subject?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string | string[];
  text?: string;
  html?: string | false;
  date?: Date;
  attachments?: ReadonlyArray<{
    filename?: string;
    contentType: string;
    size?: number;
    contentId?: string;
    cid?: string;
    contentDisposition?: string;
    content?: Buffer | Uint8Array | string;
  }>;
}
interface AddressObjectLike {
  value: ReadonlyArray<{
    address?: string;
    name?: string;
    group?: ReadonlyArray<{ address?: string; name?: string }>;
  }>;
}

/** Structural parts whose text the library reads (bounces); file attachments keep no content. */
const STRUCTURAL = new Set([
  'message/delivery-status',
  'message/global-delivery-status',
  'message/rfc822',
  'message/global',
  'text/rfc822-headers',
  'message/rfc822-headers',
  'message/global-headers',
  'message/disposition-notification',
]);
/** Enough of an attached original message to read its headers. */
const STRUCTURAL_LIMIT = 64 * 1024;

/**
 * Turns mailparser's result into an {@link InboundMessage}. Parse with
 * `simpleParser(raw, { keepDeliveryStatus: true })` so DSN fields arrive as a part.
 */
export function fromParsedMail(parsed: ParsedMailLike): InboundMessage {
  const attachments: AttachmentMeta[] = (parsed.attachments ?? []).map((a) => {
    const contentType = (a.contentType || 'application/octet-stream').toLowerCase();
    const meta: AttachmentMeta = {
      contentType,
      size: a.size ?? (a.content ? a.content.length : 0),
    };
    if (a.filename) meta.filename = a.filename;
    const cid = (a.contentId ?? a.cid ?? '').replace(/^<|>$/g, '');
    if (cid) meta.contentId = cid;
    if (a.contentDisposition) meta.disposition = a.contentDisposition;
    if (STRUCTURAL.has(contentType) && a.content !== undefined) {
      const raw =
        typeof a.content === 'string' ? a.content : Buffer.from(a.content).toString('utf8');
      meta.content = raw.slice(0, STRUCTURAL_LIMIT);
    }
    return meta;
  });
  const refs = parsed.references;
  return {
    headers: headerMapFromLines(parsed.headerLines ?? []),
    from: addresses(parsed.from)[0] ?? null,
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    subject: parsed.subject === undefined ? null : oneLine(parsed.subject),
    messageId: parsed.messageId ?? null,
    inReplyTo: parsed.inReplyTo ?? null,
    references: refs === undefined ? [] : Array.isArray(refs) ? [...refs] : [refs],
    text: parsed.text ?? null,
    html: parsed.html || null,
    attachments,
    date: parsed.date ?? null,
  };
}

function addresses(value: AddressObjectLike | AddressObjectLike[] | undefined): MailAddress[] {
  if (!value) return [];
  const list = Array.isArray(value) ? value : [value];
  const out: MailAddress[] = [];
  for (const obj of list) {
    for (const v of obj.value ?? []) {
      for (const a of v.group ?? [v]) {
        if (!a.address) continue;
        const name = a.name ? oneLine(a.name) : '';
        out.push(
          name ? { address: a.address.toLowerCase(), name } : { address: a.address.toLowerCase() },
        );
      }
    }
  }
  return out;
}

/**
 * A header text (subject, display name) as one line: encoded words can carry CR/LF and other
 * control characters once decoded (`=?UTF-8?B?...?=` of "Halo\r\nBcc: ..."), which must never
 * reach a stored subject, a contact's name or a header we write later.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it removes.
const CONTROL_CHARACTERS = /[\0-\x1f\x7f\u0085\u2028\u2029]+/g;

export function oneLine(value: string): string {
  return value.replace(CONTROL_CHARACTERS, ' ').replace(/ {2,}/g, ' ').trim();
}

/** Attachments a person cannot open, with a note for the agent (Bahasa Indonesia). */
export function attachmentWarnings(
  message: InboundMessage,
): { filename: string; warning: string }[] {
  return (message.attachments ?? [])
    .filter(
      (a) =>
        a.contentType === 'application/ms-tnef' ||
        a.contentType === 'application/vnd.ms-tnef' ||
        /^winmail\.dat$/i.test(a.filename ?? ''),
    )
    .map((a) => ({
      filename: a.filename ?? 'winmail.dat',
      warning:
        'Lampiran winmail.dat (format TNEF dari Outlook) tidak dapat dibuka langsung; minta pengirim ' +
        'mengirim ulang dalam format HTML atau teks biasa.',
    }));
}
