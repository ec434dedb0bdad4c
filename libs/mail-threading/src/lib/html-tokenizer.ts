/**
 * A small, tolerant HTML tokenizer: enough of the HTML5 tokenizing rules for e-mail bodies,
 * with no DOM. Never throws; whatever is not a tag is text.
 */

export interface HtmlAttr {
  /** Lowercase attribute name. */
  name: string;
  /** Value with entities decoded ('' for a bare attribute). */
  value: string;
}

export type HtmlToken =
  | { type: 'text'; raw: string; rawText: boolean; start: number; end: number }
  | {
      type: 'start';
      name: string;
      attrs: HtmlAttr[];
      selfClosing: boolean;
      start: number;
      end: number;
    }
  | { type: 'end'; name: string; start: number; end: number }
  | { type: 'comment'; raw: string; start: number; end: number };

/** Elements whose content is not markup: read to their end tag as plain text. */
const RAW_TEXT = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
]);

export const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

const isSpace = (c: string) => c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f';
const isAlpha = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

/** Splits HTML into tokens. NUL characters become U+FFFD first, as browsers do. */
export function tokenizeHtml(input: string): HtmlToken[] {
  const html = input.replace(/\0/g, '\ufffd');
  const tokens: HtmlToken[] = [];
  const n = html.length;
  let i = 0;
  let textStart = 0;

  const flushText = (end: number) => {
    if (end > textStart)
      tokens.push({
        type: 'text',
        raw: html.slice(textStart, end),
        rawText: false,
        start: textStart,
        end,
      });
  };

  while (i < n) {
    if (html[i] !== '<') {
      i++;
      continue;
    }
    const next = html[i + 1] ?? '';
    if (html.startsWith('<!--', i)) {
      flushText(i);
      let close = html.indexOf('-->', i + 4);
      let end: number;
      if (html[i + 4] === '>') end = i + 5;
      else if (html.startsWith('->', i + 4)) end = i + 6;
      else {
        const bang = html.indexOf('--!>', i + 4);
        if (bang >= 0 && (close < 0 || bang < close)) close = bang + 1;
        end = close < 0 ? n : close + 3;
      }
      tokens.push({ type: 'comment', raw: html.slice(i, end), start: i, end });
      i = textStart = end;
      continue;
    }
    if (
      next === '!' ||
      next === '?' ||
      (next === '/' && !isAlpha(html[i + 2] ?? '') && html[i + 2] !== '>')
    ) {
      // Doctype, CDATA, processing instruction or `</ ...`: a bogus comment up to '>'.
      flushText(i);
      const close = html.indexOf('>', i + 2);
      const end = close < 0 ? n : close + 1;
      tokens.push({ type: 'comment', raw: html.slice(i, end), start: i, end });
      i = textStart = end;
      continue;
    }
    if (next === '/' && html[i + 2] === '>') {
      // `</>` is ignored entirely.
      flushText(i);
      i = textStart = i + 3;
      continue;
    }
    const isEnd = next === '/';
    const nameStart = isEnd ? i + 2 : i + 1;
    if (!isAlpha(html[nameStart] ?? '')) {
      i++;
      continue;
    }
    flushText(i);
    const tag = readTag(html, nameStart);
    const start = i;
    i = textStart = tag.end;
    if (isEnd) {
      tokens.push({ type: 'end', name: tag.name, start, end: tag.end });
      continue;
    }
    tokens.push({
      type: 'start',
      name: tag.name,
      attrs: tag.attrs,
      selfClosing: tag.selfClosing,
      start,
      end: tag.end,
    });
    if (tag.name === 'plaintext') {
      tokens.push({ type: 'text', raw: html.slice(i), rawText: true, start: i, end: n });
      i = textStart = n;
    } else if (RAW_TEXT.has(tag.name) && !tag.selfClosing) {
      const closeRe = new RegExp(`</${tag.name}(?=[\\s/>]|$)`, 'ig');
      closeRe.lastIndex = i;
      const m = closeRe.exec(html);
      const contentEnd = m ? m.index : n;
      if (contentEnd > i)
        tokens.push({
          type: 'text',
          raw: html.slice(i, contentEnd),
          rawText: true,
          start: i,
          end: contentEnd,
        });
      i = textStart = contentEnd;
      if (m) {
        const endTag = readTag(html, contentEnd + 2);
        tokens.push({ type: 'end', name: tag.name, start: contentEnd, end: endTag.end });
        i = textStart = endTag.end;
      }
    }
  }
  flushText(n);
  return tokens;
}

function readTag(
  html: string,
  from: number,
): { name: string; attrs: HtmlAttr[]; selfClosing: boolean; end: number } {
  const n = html.length;
  let i = from;
  while (i < n && !isSpace(html[i]) && html[i] !== '/' && html[i] !== '>') i++;
  const name = html.slice(from, i).toLowerCase();
  const attrs: HtmlAttr[] = [];
  let selfClosing = false;
  while (i < n) {
    const c = html[i];
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === '>') return { name, attrs, selfClosing, end: i + 1 };
    if (c === '/') {
      selfClosing = html[i + 1] === '>';
      i++;
      continue;
    }
    // Attribute name: up to space, '/', '>' or '=' (a leading '=' belongs to the name).
    const an = i;
    i++;
    while (i < n && !isSpace(html[i]) && html[i] !== '/' && html[i] !== '>' && html[i] !== '=') i++;
    const attrName = html.slice(an, i).toLowerCase();
    while (i < n && isSpace(html[i])) i++;
    let value = '';
    if (html[i] === '=') {
      i++;
      while (i < n && isSpace(html[i])) i++;
      const q = html[i];
      if (q === '"' || q === "'") {
        const close = html.indexOf(q, i + 1);
        const vEnd = close < 0 ? n : close;
        value = html.slice(i + 1, vEnd);
        i = close < 0 ? n : close + 1;
      } else {
        const vs = i;
        while (i < n && !isSpace(html[i]) && html[i] !== '>') i++;
        value = html.slice(vs, i);
      }
    }
    if (!attrs.some((a) => a.name === attrName))
      attrs.push({ name: attrName, value: decodeEntities(value) });
  }
  return { name, attrs, selfClosing, end: n };
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  colon: ':',
  semi: ';',
  comma: ',',
  period: '.',
  excl: '!',
  quest: '?',
  num: '#',
  sol: '/',
  bsol: '\\',
  lpar: '(',
  rpar: ')',
  lsqb: '[',
  rsqb: ']',
  lbrack: '[',
  rbrack: ']',
  lcub: '{',
  rcub: '}',
  equals: '=',
  plus: '+',
  minus: '\u2212',
  lowbar: '_',
  ast: '*',
  percnt: '%',
  dollar: '$',
  commat: '@',
  verbar: '|',
  tab: '\t',
  newline: '\n',
  shy: '\u00ad',
  zwsp: '\u200b',
  zwnj: '\u200c',
  zwj: '\u200d',
  hellip: '\u2026',
  mdash: '\u2014',
  ndash: '\u2013',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  laquo: '\u00ab',
  raquo: '\u00bb',
  bull: '\u2022',
  middot: '\u00b7',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  deg: '\u00b0',
  euro: '\u20ac',
  times: '\u00d7',
  eacute: '\u00e9',
  egrave: '\u00e8',
  aacute: '\u00e1',
  agrave: '\u00e0',
  ouml: '\u00f6',
  uuml: '\u00fc',
  auml: '\u00e4',
  szlig: '\u00df',
};

/**
 * Decodes character references: numeric (with or without ';') and a common subset of named
 * ones. Unknown names stay literal, which is safe: callers re-escape '&' on output.
 */
export function decodeEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(
    /&(?:#[xX]([0-9a-fA-F]{1,8});?|#(\d{1,10});?|([a-zA-Z][a-zA-Z0-9]{1,31});)/g,
    (all, hex, dec, name) => {
      if (hex !== undefined || dec !== undefined) {
        const cp = hex !== undefined ? parseInt(hex, 16) : parseInt(dec, 10);
        if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\ufffd';
        return String.fromCodePoint(cp);
      }
      const v = NAMED[name] ?? NAMED[name.toLowerCase()];
      return v ?? all;
    },
  );
}

/** Escapes text for an HTML text node or a double-quoted attribute value. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const BLOCK = new Set([
  'p',
  'div',
  'br',
  'tr',
  'li',
  'ul',
  'ol',
  'table',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'pre',
  'section',
  'article',
  'header',
  'footer',
  'address',
  'dt',
  'dd',
  'dl',
  'center',
]);
const HIDDEN_CONTENT = new Set([
  'script',
  'style',
  'title',
  'head',
  'template',
  'noscript',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
]);

/** Readable plain text of an HTML fragment: blocks become lines, entities decoded. */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let skipDepth = 0;
  let inPre = 0;
  for (const t of tokenizeHtml(html)) {
    if (t.type === 'start') {
      if (HIDDEN_CONTENT.has(t.name)) skipDepth++;
      if (t.name === 'pre') inPre++;
      if (BLOCK.has(t.name)) out.push('\n');
      if (t.name === 'td' || t.name === 'th') out.push(' ');
    } else if (t.type === 'end') {
      if (HIDDEN_CONTENT.has(t.name) && skipDepth > 0) skipDepth--;
      if (t.name === 'pre' && inPre > 0) inPre--;
      if (BLOCK.has(t.name)) out.push('\n');
    } else if (t.type === 'text' && skipDepth === 0 && !t.rawText) {
      const decoded = decodeEntities(t.raw);
      out.push(inPre ? decoded : decoded.replace(/[ \t\r\n\f]+/g, ' '));
    }
  }
  return out
    .join('')
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
