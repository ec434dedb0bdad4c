import { HeaderValue, InboundMessage } from './types';

/** All values of a header (case-insensitive name), unfolded and trimmed. */
export function headerValues(message: Pick<InboundMessage, 'headers'>, name: string): string[] {
  const raw: HeaderValue | undefined = message.headers?.[name.toLowerCase()];
  if (raw === undefined || raw === null) return [];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.map((v) => unfold(String(v)));
}

/** The first value of a header, or undefined. */
export function headerValue(
  message: Pick<InboundMessage, 'headers'>,
  name: string,
): string | undefined {
  return headerValues(message, name)[0];
}

function unfold(value: string): string {
  return value.replace(/\r?\n[ \t]+/g, ' ').trim();
}

/**
 * Builds the lowercase header map from raw header lines such as mailparser's
 * `headerLines` (`{ key, line }` where `line` is the whole `Name: value` text).
 */
export function headerMapFromLines(
  lines: ReadonlyArray<{ key: string; line: string }>,
): Record<string, HeaderValue> {
  const map: Record<string, HeaderValue> = {};
  for (const { key, line } of lines) {
    const name = key.toLowerCase();
    const colon = line.indexOf(':');
    const value = unfold(colon >= 0 ? line.slice(colon + 1) : line);
    const existing = map[name];
    if (existing === undefined) map[name] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else map[name] = [existing, value];
  }
  return map;
}

/**
 * Parses a raw header block (`Name: value` lines, folded lines allowed) into the same map.
 * Used for the headers of an attached original message in a bounce.
 */
export function parseHeaderBlock(block: string): Record<string, HeaderValue> {
  const lines: { key: string; line: string }[] = [];
  for (const physical of block.replace(/\r\n?/g, '\n').split('\n')) {
    if (physical === '') break;
    if (/^[ \t]/.test(physical) && lines.length > 0) {
      lines[lines.length - 1].line += '\n' + physical;
      continue;
    }
    const m = /^([!-9;-~]+):/.exec(physical);
    if (m) lines.push({ key: m[1], line: physical });
  }
  return headerMapFromLines(lines);
}

/**
 * Normalises a Message-ID for storage and comparison: surrounding space, comments and
 * angle brackets go, the domain part is lowercased (the local part is case-sensitive by
 * RFC 5322 and kept). Returns `<local@domain>` or null when nothing id-like is left.
 */
export function normalizeMessageId(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  let v = String(value).trim();
  const bracketed = /<([^<>\s]+)>/.exec(v);
  if (bracketed) v = bracketed[1];
  else v = v.replace(/\([^)]*\)/g, '').trim();
  if (v === '' || /[\s<>]/.test(v)) return null;
  const at = v.lastIndexOf('@');
  if (at > 0 && at < v.length - 1) v = v.slice(0, at) + '@' + v.slice(at + 1).toLowerCase();
  return `<${v}>`;
}

/** Splits an In-Reply-To/References value (or an array of them) into normalised ids, in order. */
export function parseMessageIdList(value: string | readonly string[] | null | undefined): string[] {
  if (value === null || value === undefined) return [];
  const parts = Array.isArray(value) ? value : [value as string];
  const out: string[] = [];
  for (const part of parts) {
    const bracketed = String(part).match(/<[^<>]+>/g);
    const tokens = bracketed ?? String(part).split(/[\s,]+/);
    for (const t of tokens) {
      const id = normalizeMessageId(t);
      if (id && !out.includes(id)) out.push(id);
    }
  }
  return out;
}

/** Lowercased bare address (`a@b`) from `Name <a@b>`, `<a@b>` or `a@b`; null if none. */
export function normalizeAddress(value: string | null | undefined): string | null {
  if (!value) return null;
  const m =
    /<\s*([^<>\s]+@[^<>\s]+)\s*>/.exec(value) ?? /([^\s<>"',;:()]+@[^\s<>"',;:()]+)/.exec(value);
  return m ? m[1].toLowerCase() : null;
}

/** Domain part of an address, lowercased. */
export function addressDomain(address: string): string {
  const at = address.lastIndexOf('@');
  return at >= 0 ? address.slice(at + 1).toLowerCase() : '';
}

/** The sender's address: From, else Sender, else Reply-To from the headers. */
export function senderAddress(message: InboundMessage): string | null {
  const fromAddr = message.from?.address ? normalizeAddress(message.from.address) : null;
  if (fromAddr) return fromAddr;
  return (
    normalizeAddress(headerValue(message, 'from')) ??
    normalizeAddress(headerValue(message, 'sender'))
  );
}

/** Lowercased MIME type and parameters of a Content-Type value. */
export function parseContentType(value: string | undefined): {
  type: string;
  params: Record<string, string>;
} {
  if (!value) return { type: '', params: {} };
  const [head, ...rest] = value.split(';');
  const params: Record<string, string> = {};
  for (const p of rest) {
    const eq = p.indexOf('=');
    if (eq < 0) continue;
    const k = p.slice(0, eq).trim().toLowerCase();
    const v = p
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    if (k) params[k] = v;
  }
  return { type: head.trim().toLowerCase(), params };
}
