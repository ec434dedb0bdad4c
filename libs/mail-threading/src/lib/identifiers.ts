import { createHmac, timingSafeEqual } from 'node:crypto';
import { MailThreadingError } from './errors';
import { decodeEntities } from './html-tokenizer';

/** PREFIX-YYYY-NNNNNN, prefix 2-12 letters/digits. */
export const TICKET_NUMBER_PATTERN = /^[A-Z0-9]{2,12}-\d{4}-\d{6}$/;
const TICKET_IN_TEXT = '[A-Za-z0-9]{2,12}-\\d{4}-\\d{6}';

/** What an outbound message is; each kind has a one-letter code inside the Message-ID. */
export type OutboundKind = 'notification' | 'reply' | 'auto-reply' | 'reminder' | 'survey';
const KIND_CODES: Record<OutboundKind, string> = {
  notification: 'n',
  reply: 'r',
  'auto-reply': 'a',
  reminder: 'm',
  survey: 's',
};
const CODE_KINDS: Record<string, OutboundKind> = Object.fromEntries(
  Object.entries(KIND_CODES).map(([k, c]) => [c, k as OutboundKind]),
);

/** Uppercases and validates a ticket number; throws {@link MailThreadingError} when malformed. */
export function assertTicketNumber(ticketNumber: unknown, field = 'ticketNumber'): string {
  const value = typeof ticketNumber === 'string' ? ticketNumber.trim().toUpperCase() : '';
  if (!TICKET_NUMBER_PATTERN.test(value)) {
    throw new MailThreadingError(
      'INVALID_TICKET_NUMBER',
      `${field}: nomor tiket "${String(ticketNumber)}" tidak valid; format yang benar PREFIKS-TTTT-NNNNNN, ` +
        'prefiks 2-12 huruf/angka (contoh BALI-2026-000123).',
      field,
    );
  }
  return value;
}

export interface MessageIdParts {
  ticketNumber: string;
  kind: OutboundKind;
  /** Sequence of the message within the ticket, a non-negative integer. */
  seq: number;
  /** Our mail domain, e.g. `helpdesk.diskominfos.baliprov.go.id`. */
  domain: string;
  /** 4-32 lowercase letters/digits chosen by the caller (random), so ids never repeat. */
  nonce: string;
  /**
   * Key of the id's MAC (the marker key). With it the id ends in 16 hex digits, a 64-bit
   * HMAC-SHA256 of the rest, so {@link verifyOurMessageId} can tell an id we made from one of the
   * same shape written by anyone. Always give it in production.
   */
  secret?: string;
}

const DOMAIN_PATTERN =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** `<sigap.BALI-2026-000123.n7.k3f9x2@helpdesk.example.go.id>`: a Message-ID that names its ticket. */
export function makeMessageId(parts: MessageIdParts): string {
  const ticketNumber = assertTicketNumber(parts?.ticketNumber);
  const code = KIND_CODES[parts.kind];
  if (!code) {
    throw new MailThreadingError(
      'INVALID_ARGUMENT',
      `kind: jenis pesan "${String(parts.kind)}" tidak dikenal; pilih salah satu dari ${Object.keys(KIND_CODES).join(', ')}.`,
      'kind',
    );
  }
  if (!Number.isSafeInteger(parts.seq) || parts.seq < 0) {
    throw new MailThreadingError(
      'INVALID_ARGUMENT',
      `seq: harus bilangan bulat >= 0, bukan ${String(parts.seq)}.`,
      'seq',
    );
  }
  const domain = typeof parts.domain === 'string' ? parts.domain.trim().toLowerCase() : '';
  if (!DOMAIN_PATTERN.test(domain)) {
    throw new MailThreadingError(
      'INVALID_ARGUMENT',
      `domain: "${String(parts.domain)}" bukan nama domain yang valid.`,
      'domain',
    );
  }
  if (typeof parts.nonce !== 'string' || !/^[a-z0-9]{4,32}$/.test(parts.nonce)) {
    throw new MailThreadingError(
      'INVALID_ARGUMENT',
      `nonce: harus 4-32 huruf kecil/angka, bukan "${String(parts.nonce)}".`,
      'nonce',
    );
  }
  const base = `sigap.${ticketNumber}.${code}${parts.seq}.${parts.nonce}`;
  if (parts.secret === undefined) return `<${base}@${domain}>`;
  return `<${base}.${idMac(base, domain, assertSecret(parts.secret))}@${domain}>`;
}

/** Hex digits of the Message-ID MAC: 64 bits. */
const ID_MAC_LENGTH = 16;

function idMac(base: string, domain: string, secret: string): string {
  // The local part keeps its case in transit; the domain may not, so it is hashed lowercased.
  return createHmac('sha256', secret)
    .update(`sigap-message-id:${base.toLowerCase()}@${domain.toLowerCase()}`)
    .digest('hex')
    .slice(0, ID_MAC_LENGTH);
}

const OUR_ID = new RegExp(
  `^(sigap\\.(${TICKET_IN_TEXT})\\.([a-z])(\\d{1,15})\\.([a-z0-9]{4,32}))(?:\\.([0-9a-f]{${ID_MAC_LENGTH}}))?@([a-z0-9.-]+)$`,
  'i',
);

export interface ParsedOurMessageId {
  ticketNumber: string;
  kind: OutboundKind;
  seq: number;
  domain: string;
}

/**
 * Reads a Message-ID made by {@link makeMessageId}. Tolerates angle brackets, spaces and
 * case; rejects anything else, including ids of other domains when `domains` is given
 * (always give it in production, so `sigap.X@elsewhere` cannot pose as ours).
 */
export function parseOurMessageId(
  id: string | null | undefined,
  options: { domains?: readonly string[] } = {},
): ParsedOurMessageId | null {
  return readOurMessageId(id, options.domains)?.parsed ?? null;
}

/** The parsed id, its signed part (what the MAC covers) and its MAC when it carries one. */
function readOurMessageId(
  id: string | null | undefined,
  domains: readonly string[] | undefined,
): { parsed: ParsedOurMessageId; base: string; mac: string | null } | null {
  if (typeof id !== 'string') return null;
  let v = id.trim();
  if (v.startsWith('<') && v.endsWith('>')) v = v.slice(1, -1).trim();
  const m = OUR_ID.exec(v);
  if (!m) return null;
  const kind = CODE_KINDS[m[3].toLowerCase()];
  if (!kind) return null;
  const domain = m[7].toLowerCase();
  if (!DOMAIN_PATTERN.test(domain)) return null;
  if (domains && !domains.some((d) => d.trim().toLowerCase() === domain)) return null;
  return {
    parsed: { ticketNumber: m[2].toUpperCase(), kind, seq: Number(m[4]), domain },
    base: m[1],
    mac: m[6] ? m[6].toLowerCase() : null,
  };
}

/**
 * A Message-ID made by {@link makeMessageId} with `secret` (or one of `secret` during a key
 * rotation), of one of `domains`: the id's MAC is checked, so only ids we made pass. The shape
 * alone proves nothing (ticket numbers are sequential and our domain is public); ids made
 * without a MAC (mail sent before ids were signed) must be looked up where we keep what we sent.
 */
export function verifyOurMessageId(
  id: string | null | undefined,
  options: { domains: readonly string[]; secret: string | readonly string[] },
): ParsedOurMessageId | null {
  const read = readOurMessageId(id, options.domains);
  if (!read?.mac) return null;
  const { parsed, base, mac } = read;
  const secrets = (Array.isArray(options.secret) ? options.secret : [options.secret]).map(
    assertSecret,
  );
  return secrets.some((s) => safeEqual(idMac(base, parsed.domain, s), mac)) ? parsed : null;
}

// ---------------------------------------------------------------------------------------------
// Hidden body marker

/** Hex digits of a marker's MAC: 64 bits. */
const MAC_LENGTH = 16;
/** Markers in mail sent before the MAC was lengthened carry 8 (32 bits); still read. */
const LEGACY_MAC_LENGTH = 8;

function assertSecret(secret: unknown): string {
  if (typeof secret !== 'string' || secret.length < 8) {
    throw new MailThreadingError(
      'INVALID_SECRET',
      'secret: kunci penanda harus string minimal 8 karakter.',
      'secret',
    );
  }
  return secret;
}

function markerMac(ticketNumber: string, secret: string, length = MAC_LENGTH): string {
  return createHmac('sha256', secret)
    .update(`sigap-marker:${ticketNumber}`)
    .digest('hex')
    .slice(0, length);
}

export interface Marker {
  ticketNumber: string;
  /** `[ref:BALI-2026-000123:ab12cd34ef567890]`: put it as the last line of the text part. */
  text: string;
  /** The same token in a span hidden from readers (and from Outlook), for the HTML part. */
  html: string;
}

/** A body marker whose 16-hex-digit (64-bit) HMAC ties it to the ticket and to `secret`. */
export function makeMarker(ticketNumber: string, secret: string): Marker {
  const number = assertTicketNumber(ticketNumber);
  const text = `[ref:${number}:${markerMac(number, assertSecret(secret))}]`;
  const html =
    '<span style="display:none!important;mso-hide:all;font-size:0;line-height:0;max-height:0;' +
    `max-width:0;opacity:0;overflow:hidden;color:transparent">${text}</span>`;
  return { ticketNumber: number, text, html };
}

const MARKER_IN_TEXT = new RegExp(
  `\\[ref:(${TICKET_IN_TEXT}):([0-9a-fA-F]{${MAC_LENGTH}}|[0-9a-fA-F]{${LEGACY_MAC_LENGTH}})\\]`,
  'g',
);

/**
 * Every valid marker in a text or HTML body, in order of appearance, each ticket once.
 * Survives "> " quoting, wrapping by clients, tags put in the middle (Outlook's rewriting
 * of hidden spans), HTML entities and zero-width characters. `secret` may be a list, so
 * markers made before a key rotation still match.
 */
export function findMarkers(
  body: string | null | undefined,
  secret: string | readonly string[],
): string[] {
  if (!body) return [];
  const secrets = (Array.isArray(secret) ? secret : [secret]).map(assertSecret);
  const compact = compactForMarker(body);
  const found: string[] = [];
  for (const m of compact.matchAll(MARKER_IN_TEXT)) {
    const number = m[1].toUpperCase();
    const mac = m[2].toLowerCase();
    if (found.includes(number)) continue;
    if (secrets.some((s) => safeEqual(markerMac(number, s, mac.length), mac))) found.push(number);
  }
  return found;
}

/** The ticket number of the first valid marker in the body, or null. */
export function findMarker(
  body: string | null | undefined,
  secret: string | readonly string[],
): string | null {
  return findMarkers(body, secret)[0] ?? null;
}

// Kept apart (no Node built-ins there) so the quote splitting also runs in the browser.
export { removeMarkerLines } from './markers';

function compactForMarker(body: string): string {
  let s = body;
  s = s.replace(/<!--[\s\S]*?-->/g, '').replace(/<\/?[a-zA-Z][^>]*>/g, '');
  s = decodeEntities(s);
  // Quote marks, whitespace of any kind, zero-width and soft-hyphen characters.
  return s.replace(/[>\s\u00a0\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]+/g, '');
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

// ---------------------------------------------------------------------------------------------
// Subject

/** `[#BALI-2026-000123]` */
export function subjectTag(ticketNumber: string): string {
  return `[#${assertTicketNumber(ticketNumber)}]`;
}

const SUBJECT_TAG = new RegExp(`\\[\\s*#\\s*(${TICKET_IN_TEXT})\\s*\\]`);

/** The ticket number of the first `[#...]` tag in a subject, whatever the prefixes; or null. */
export function findSubjectTicketNumber(subject: string | null | undefined): string | null {
  if (!subject) return null;
  const m = SUBJECT_TAG.exec(subject.replace(/\u00a0/g, ' '));
  return m ? m[1].toUpperCase() : null;
}

const REPLY_PREFIX =
  /^\s*(?:(?:re|aw|sv|vs|antw|fw|fwd|tr|wg|rv|enc|balas|bls|blsn|teruskan|trs|tl)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]|\[(?:external|eksternal|ext|luar)\]|\*(?:external|eksternal)\*|(?:external|eksternal)\s*:)\s*/i;

/** Removes any number of reply/forward prefixes and [EXTERNAL]-style tags from the start. */
export function stripReplyPrefixes(subject: string | null | undefined): string {
  let s = (subject ?? '').replace(/\u00a0/g, ' ').trim();
  for (;;) {
    const m = REPLY_PREFIX.exec(s);
    if (!m || m[0].length === 0) return s.replace(/\s+/g, ' ');
    s = s.slice(m[0].length);
  }
}
