import { removeMarkerLines } from './markers';
import { decodeEntities, htmlToText, tokenizeHtml } from './html-tokenizer';

export interface StrippedText {
  /** What the sender wrote in this message. Never empty when the input had text. */
  visible: string;
  /** The quoted history (attribution, quoted lines, forwarded or original message). */
  quoted: string;
  /** A signature after `-- ` or a "Sent from my ..." line, if any. */
  signature: string;
}

const SEPARATOR =
  /^\s*[-_=*]{2,}\s*(?:original message|pesan asli|pesan awal|forwarded message|pesan (?:yang )?diteruskan|pesan terusan|reply message|pesan balasan)\s*[-_=*]{2,}\s*$/i;
const FORWARD_INTRO =
  /^\s*(?:begin forwarded message|awal pesan yang diteruskan|pesan yang diteruskan)\s*:\s*$/i;
const UNDERSCORES = /^\s*_{10,}\s*$/;
const HEADER_FROM = /^\s*[*>]*\s*\*?(?:from|dari|van|von|de)\s*:\*?\s*\S/i;
const HEADER_DATE = /^\s*\*?(?:sent|date|dikirim|terkirim|tanggal|waktu|sent at)\s*:\*?\s*\S/i;
const HEADER_SUBJECT = /^\s*\*?(?:subject|subjek|perihal|hal|judul)\s*:\*?/i;
const HEADER_TO = /^\s*\*?(?:to|kepada|ke|untuk)\s*:\*?/i;
const ATTRIBUTION_START = /^\s*(?:on|pada|le|am|el|op)\s/i;
const ATTRIBUTION_END = /(?:wrote|menulis|tulis|schrieb|a écrit|escribió|schreef)\s*:\s*$/i;
const SIGNATURE_DELIMITER = /^--\s?$/;
const MOBILE_SIGNATURE =
  /^\s*(?:sent from|sent via|sent with|dikirim dari|dikirim melalui|dikirim lewat|dapatkan outlook untuk|get outlook for)\b.{0,60}\b(?:iphone|ipad|ios|android|samsung|galaxy|outlook|yahoo|mail|gmail|ponsel|smartphone|blackberry|huawei|xiaomi|oppo|vivo|mobile|seluler|windows|perangkat)\b.{0,30}$/i;

function isQuoteLine(line: string): boolean {
  return /^\s*>/.test(line);
}

function isAttributionAt(lines: string[], i: number): number {
  // Returns how many lines (1-3) form an attribution starting at i, or 0.
  const first = lines[i].trim();
  if (first === '' || isQuoteLine(first)) return 0;
  // Yahoo's plain text puts the attribution and the first quoted line on one line.
  if (
    ATTRIBUTION_START.test(first) &&
    /\d/.test(first) &&
    /\b(?:wrote|menulis)\s*:\s+\S/i.test(first)
  )
    return 1;
  if (ATTRIBUTION_START.test(first) || /[@\d]/.test(first)) {
    let joined = '';
    for (let k = 0; k < 3 && i + k < lines.length; k++) {
      const l = lines[i + k].trim();
      if (l === '' || isQuoteLine(l)) break;
      joined += (k ? ' ' : '') + l;
      if (joined.length > 400) break;
      if (ATTRIBUTION_END.test(joined)) {
        if (ATTRIBUTION_START.test(first)) return k + 1;
        // "Name <a@b> wrote:" without "On": only when quoted lines follow.
        const after = lines.slice(i + k + 1).find((x) => x.trim() !== '');
        if (k === 0 && /@/.test(joined) && after !== undefined && isQuoteLine(after)) return 1;
        return 0;
      }
    }
  }
  return 0;
}

function isHeaderBlockAt(lines: string[], i: number): boolean {
  if (!HEADER_FROM.test(lines[i])) return false;
  let date = false;
  let subject = false;
  let to = false;
  for (let k = i + 1; k < Math.min(lines.length, i + 8); k++) {
    const l = lines[k].replace(/^\s*>\s?/, '');
    if (HEADER_DATE.test(l)) date = true;
    else if (HEADER_SUBJECT.test(l)) subject = true;
    else if (HEADER_TO.test(l)) to = true;
  }
  return date && (subject || to);
}

/** True when the sender answered between quoted lines (not only above them). */
function isInterleaved(rest: string[]): boolean {
  const q = rest.findIndex(isQuoteLine);
  if (q < 0) return false;
  for (let k = q + 1; k < rest.length; k++) {
    const l = rest[k];
    if (SIGNATURE_DELIMITER.test(l) || MOBILE_SIGNATURE.test(l)) return false;
    if (l.trim() !== '' && !isQuoteLine(l)) return true;
  }
  return false;
}

interface Cut {
  index: number;
}

function findCut(lines: string[], quotedExtra: Set<number>): Cut | null {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (SEPARATOR.test(line) || FORWARD_INTRO.test(line)) return { index: i };
    if (UNDERSCORES.test(line)) {
      const next = lines.slice(i + 1).findIndex((l) => l.trim() !== '');
      if (next >= 0 && isHeaderBlockAt(lines, i + 1 + next)) return { index: i };
      continue;
    }
    if (isHeaderBlockAt(lines, i)) return { index: i };
    const span = isAttributionAt(lines, i);
    if (span > 0) {
      // Interleaved answers after the quote: keep them, treat only the attribution as quoted.
      if (isInterleaved(lines.slice(i + span))) {
        for (let k = 0; k < span; k++) quotedExtra.add(i + k);
        i += span - 1;
        continue;
      }
      return { index: i };
    }
  }
  return null;
}

function trimBlankLines(lines: string[]): string[] {
  let a = 0;
  let b = lines.length;
  while (a < b && lines[a].trim() === '') a++;
  while (b > a && lines[b - 1].trim() === '') b--;
  return lines.slice(a, b);
}

/**
 * Separates what the sender wrote from the quoted history in a plain-text reply, for the
 * clients Indonesian offices use (see README). When stripping would leave nothing (a
 * forward without a note, a reply that is all quote), `visible` is the whole text.
 */
export function stripQuoted(text: string | null | undefined): StrippedText {
  const source = (text ?? '').replace(/\r\n?/g, '\n');
  const lines = source.split('\n');
  const quotedExtra = new Set<number>();
  const cut = findCut(lines, quotedExtra);
  const headEnd = cut ? cut.index : lines.length;
  const head = lines.slice(0, headEnd);
  const tail = lines.slice(headEnd);

  let sigStart = head.findIndex((l) => SIGNATURE_DELIMITER.test(l) || MOBILE_SIGNATURE.test(l));
  if (sigStart < 0) sigStart = head.length;
  const own: string[] = [];
  const quoted: string[] = [];
  head.slice(0, sigStart).forEach((l, idx) => {
    if (isQuoteLine(l) || quotedExtra.has(idx)) quoted.push(l);
    else own.push(l);
  });
  quoted.push(...tail);
  const signature = trimBlankLines(head.slice(sigStart)).join('\n');
  const visible = trimBlankLines(removeMarkerLines(own.join('\n')).split('\n'))
    .join('\n')
    .replace(/\n[ \t]*\n(?:[ \t]*\n)+/g, '\n\n');
  if (visible.trim() === '') {
    return {
      visible: trimBlankLines(removeMarkerLines(source).split('\n')).join('\n'),
      quoted: '',
      signature: '',
    };
  }
  return { visible, quoted: trimBlankLines(quoted).join('\n'), signature };
}

export interface StrippedHtml {
  /** The HTML before the quoted history (not sanitised: pass it through `sanitizeHtml`). */
  html: string;
  /** Plain text of the visible part, with signatures and attribution removed. */
  text: string;
  /** True when a quote was found and cut. */
  quoteFound: boolean;
}

const QUOTE_CLASSES = new Set([
  'gmail_quote',
  'gmail_quote_container',
  'yahoo_quoted',
  'moz-cite-prefix',
  'moz-forward-container',
  'outlookmessageheader',
  'zmail_extra',
  'protonmail_quote',
]);
const QUOTE_IDS = new Set([
  'divrplyfwdmsg',
  'appendonsend',
  'zwchr',
  'mail-editor-reference-message-container',
]);
const BLOCK_BOUNDARY = new Set(['div', 'p', 'br', 'blockquote', 'table', 'tr', 'td', 'hr', 'li']);

function unprefixed(v: string): string {
  return v.toLowerCase().replace(/^(?:x_)+/, '');
}

/**
 * Cuts the quoted history out of an HTML reply by the markup the clients leave: Gmail
 * `gmail_quote`, Outlook `divRplyFwdMsg`/`appendonsend` and the `border-top` "From:" block,
 * Zimbra `<hr id="zwchr">`, Thunderbird `moz-cite-prefix`, Apple Mail
 * `<blockquote type="cite">`, Yahoo `yahoo_quoted` (Outlook's `x_` prefixes allowed).
 */
export function stripQuotedHtml(html: string | null | undefined): StrippedHtml {
  const source = html ?? '';
  const tokens = tokenizeHtml(source);
  let cut = -1;
  for (let i = 0; i < tokens.length && cut < 0; i++) {
    const t = tokens[i];
    if (t.type !== 'start') continue;
    const attr = (n: string) => t.attrs.find((a) => a.name === n)?.value ?? '';
    const classes = attr('class').split(/\s+/).filter(Boolean).map(unprefixed);
    const id = unprefixed(attr('id'));
    if (
      classes.some((c) => QUOTE_CLASSES.has(c)) ||
      QUOTE_IDS.has(id) ||
      id.startsWith('yahoo_quoted')
    ) {
      cut = i;
    } else if (t.name === 'blockquote' && attr('type').toLowerCase() === 'cite') {
      cut = i;
    } else if (
      t.name === 'div' &&
      /border-top\s*:\s*solid/i.test(attr('style')) &&
      /^\s*(?:from|dari|van|von|de)\s*:/i.test(textAfter(tokens, i))
    ) {
      cut = i;
    } else if (
      t.name === 'hr' &&
      /^\s*(?:from|dari)\s*:/i.test(textAfter(tokens, i)) &&
      /(?:sent|dikirim|date|tanggal)\s*:/i.test(textAfter(tokens, i))
    ) {
      cut = i;
    } else if (t.name === 'blockquote' && ATTRIBUTION_END.test(textBefore(tokens, i).text)) {
      cut = i;
    }
  }
  if (cut < 0) {
    const text = stripQuoted(htmlToText(source)).visible;
    return { html: source, text, quoteFound: false };
  }
  const before = textBefore(tokens, cut);
  if (ATTRIBUTION_END.test(before.text) && before.text.length < 400) cut = before.from;
  const visibleHtml = source.slice(0, tokens[cut].start);
  const text = stripQuoted(htmlToText(visibleHtml)).visible;
  if (text.trim() === '') {
    return { html: source, text: stripQuoted(htmlToText(source)).visible, quoteFound: false };
  }
  return { html: visibleHtml, text, quoteFound: true };
}

/** Decoded text following token i, up to about 300 characters. */
function textAfter(tokens: ReturnType<typeof tokenizeHtml>, i: number): string {
  let s = '';
  for (let k = i + 1; k < tokens.length && s.length < 300; k++) {
    const t = tokens[k];
    if (t.type === 'text' && !t.rawText) s += decodeEntities(t.raw).replace(/\u00a0/g, ' ');
  }
  return s.replace(/\s+/g, ' ').trim();
}

/** The text of the block just before token i, and the token index where that block starts. */
function textBefore(
  tokens: ReturnType<typeof tokenizeHtml>,
  i: number,
): { text: string; from: number } {
  let s = '';
  let from = i;
  for (let k = i - 1; k >= 0; k--) {
    const t = tokens[k];
    if (t.type === 'text') {
      if (!t.rawText) s = decodeEntities(t.raw) + s;
      from = k;
      continue;
    }
    if ((t.type === 'start' || t.type === 'end') && BLOCK_BOUNDARY.has(t.name)) {
      if (s.trim() === '') {
        from = k;
        continue;
      }
      if (t.type === 'start') from = k;
      break;
    }
    from = k;
  }
  return { text: s.replace(/[\s\u00a0]+/g, ' ').trim(), from };
}
