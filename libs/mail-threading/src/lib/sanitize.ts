/* eslint-disable no-control-regex -- URLs and CSS are checked for control characters on purpose. */
import {
  decodeEntities,
  escapeHtml,
  HtmlAttr,
  tokenizeHtml,
  VOID_ELEMENTS,
} from './html-tokenizer';

export interface SanitizeOptions {
  /** Keep `http(s)` image sources. Default false: they become placeholders (tracking pixels). */
  allowRemoteImages?: boolean;
  /** Maps a `cid:` reference (without `cid:`, without brackets) to an attachment URL, or null. */
  resolveCid?: (contentId: string) => string | null | undefined;
  /** Text shown for a blocked remote image without alt text. */
  blockedImageLabel?: string;
}

/** Allowed elements and their element-specific attributes. */
const ALLOWED: Record<string, readonly string[]> = {
  a: ['href', 'title'],
  abbr: ['title'],
  address: [],
  article: [],
  b: [],
  big: [],
  blockquote: [],
  br: [],
  caption: [],
  center: [],
  cite: [],
  code: [],
  col: ['span', 'width'],
  colgroup: ['span', 'width'],
  dd: [],
  del: [],
  div: [],
  dl: [],
  dt: [],
  em: [],
  figcaption: [],
  figure: [],
  font: ['color', 'face', 'size'],
  footer: [],
  h1: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  header: [],
  hr: ['size', 'noshade'],
  i: [],
  img: ['src', 'alt', 'title', 'width', 'height', 'border'],
  ins: [],
  kbd: [],
  li: ['value', 'type'],
  main: [],
  mark: [],
  ol: ['start', 'type', 'reversed'],
  p: [],
  pre: [],
  q: [],
  s: [],
  section: [],
  small: [],
  span: [],
  strike: [],
  strong: [],
  sub: [],
  sup: [],
  table: ['border', 'cellpadding', 'cellspacing', 'summary'],
  tbody: [],
  td: ['colspan', 'rowspan', 'nowrap', 'headers', 'scope'],
  tfoot: [],
  th: ['colspan', 'rowspan', 'nowrap', 'headers', 'scope', 'abbr'],
  thead: [],
  tr: [],
  tt: [],
  u: [],
  ul: ['type'],
  wbr: [],
};
const GLOBAL_ATTRS = [
  'title',
  'dir',
  'lang',
  'align',
  'valign',
  'width',
  'height',
  'bgcolor',
  'style',
];

/** Dropped together with everything inside them. */
const DROP_WITH_CONTENT = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'noscript',
  'noembed',
  'noframes',
  'template',
  'title',
  'textarea',
  'select',
  'button',
  'option',
  'svg',
  'math',
  'xmp',
  'plaintext',
  'head',
  'audio',
  'video',
  'canvas',
]);

const CSS_PROPERTIES = new Set([
  'color',
  'background-color',
  'background',
  'font',
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'font-variant',
  'text-align',
  'text-decoration',
  'text-indent',
  'text-transform',
  'line-height',
  'letter-spacing',
  'word-spacing',
  'white-space',
  'word-break',
  'word-wrap',
  'overflow-wrap',
  'vertical-align',
  'direction',
  'margin',
  'margin-top',
  'margin-right',
  'margin-bottom',
  'margin-left',
  'padding',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'border',
  'border-top',
  'border-right',
  'border-bottom',
  'border-left',
  'border-color',
  'border-style',
  'border-width',
  'border-collapse',
  'border-spacing',
  'border-radius',
  'width',
  'height',
  'max-width',
  'min-width',
  'max-height',
  'min-height',
  'display',
  'list-style-type',
  'table-layout',
  'float',
  'clear',
]);

/**
 * Allow-list sanitiser for showing inbound e-mail HTML in the console. Removes scripts,
 * event handlers, dangerous URLs, embedded content, forms, meta/base/link, `<style>` blocks
 * and unsafe CSS; output is well-formed (every opened element closed). Remote images are
 * replaced by a placeholder `<img>` without `src`, the address kept in `data-remote-src`.
 */
export function sanitizeHtml(
  html: string | null | undefined,
  options: SanitizeOptions = {},
): string {
  if (!html) return '';
  const out: string[] = [];
  const open: string[] = [];
  let dropDepth = 0;
  const dropStack: string[] = [];

  for (const t of tokenizeHtml(html)) {
    if (dropDepth > 0) {
      if (t.type === 'start' && t.name === 'body' && dropStack.includes('head')) {
        // A <head> left open: the body still shows.
        dropStack.length = 0;
        dropDepth = 0;
        continue;
      }
      if (
        t.type === 'start' &&
        DROP_WITH_CONTENT.has(t.name) &&
        !t.selfClosing &&
        !VOID_ELEMENTS.has(t.name)
      ) {
        dropStack.push(t.name);
        dropDepth++;
      } else if (t.type === 'end' && t.name === dropStack[dropStack.length - 1]) {
        dropStack.pop();
        dropDepth--;
      }
      continue;
    }
    if (t.type === 'comment') continue;
    if (t.type === 'text') {
      if (!t.rawText) out.push(escapeHtml(decodeEntities(t.raw)));
      continue;
    }
    if (t.type === 'start') {
      if (DROP_WITH_CONTENT.has(t.name)) {
        if (!t.selfClosing) {
          dropStack.push(t.name);
          dropDepth++;
        }
        continue;
      }
      const allowed = ALLOWED[t.name];
      if (!allowed) continue;
      const attrs = sanitizeAttributes(t.name, t.attrs, allowed, options);
      if (attrs === null) continue;
      if (t.name === 'img' && attrs.some((a) => a.startsWith('data-remote-src='))) {
        out.push(`<img ${attrs.join(' ')}>`);
        continue;
      }
      out.push(`<${t.name}${attrs.length ? ' ' + attrs.join(' ') : ''}>`);
      if (!VOID_ELEMENTS.has(t.name)) open.push(t.name);
      continue;
    }
    // End tag: close it and whatever was left open inside it; ignore strays.
    const at = open.lastIndexOf(t.name);
    if (at < 0) continue;
    while (open.length > at) out.push(`</${open.pop()}>`);
  }
  while (open.length) out.push(`</${open.pop()}>`);
  return out.join('');
}

function sanitizeAttributes(
  tag: string,
  attrs: HtmlAttr[],
  allowed: readonly string[],
  options: SanitizeOptions,
): string[] | null {
  const out: string[] = [];
  const put = (name: string, value: string) => out.push(`${name}="${escapeHtml(value)}"`);
  let hasHref = false;
  for (const { name, value } of attrs) {
    if (!allowed.includes(name) && !GLOBAL_ATTRS.includes(name)) continue;
    if (name === 'style') {
      const css = sanitizeStyle(value);
      if (css) put('style', css);
      continue;
    }
    if (name === 'href') {
      const url = safeLinkUrl(value);
      if (url) {
        put('href', url);
        hasHref = true;
      }
      continue;
    }
    if (name === 'src') continue; // handled below for img
    if (
      /[<>`]/.test(value) ||
      /\b(?:javascript|vbscript)\s*:/i.test(value.replace(/[\s\0-\x1f]/g, ''))
    )
      continue;
    put(name, value);
  }
  if (tag === 'a' && hasHref) {
    out.push('target="_blank"', 'rel="noopener noreferrer"');
  }
  if (tag === 'img') {
    const src = attrs.find((a) => a.name === 'src')?.value ?? '';
    const resolved = imageSource(src, options);
    if (resolved.kind === 'drop') return null;
    if (resolved.kind === 'src') out.unshift(`src="${escapeHtml(resolved.url)}"`);
    else {
      if (!attrs.some((a) => a.name === 'alt' && a.value.trim())) {
        put('alt', options.blockedImageLabel ?? '[gambar eksternal diblokir]');
      }
      put('data-remote-src', resolved.url);
    }
  }
  return out;
}

function cleanUrl(value: string): string {
  // Browsers ignore leading/trailing space and tabs/newlines anywhere in a URL.
  return decodeEntities(value)
    .replace(/[\t\n\r]/g, '')
    .replace(/^[\0-\x20\u00a0\ufffd]+|[\0-\x20\u00a0]+$/g, '');
}

function schemeOf(url: string): string | null {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url);
  return m ? m[1].toLowerCase() : null;
}

/** http(s), mailto, tel and in-page anchors; protocol-relative becomes https. */
export function safeLinkUrl(value: string): string | null {
  const url = cleanUrl(value);
  if (url === '' || /[\0-\x1f\x7f]/.test(url)) return null;
  if (url.startsWith('#')) return url;
  if (url.startsWith('//')) return 'https:' + url;
  const scheme = schemeOf(url);
  if (scheme === 'http' || scheme === 'https' || scheme === 'mailto' || scheme === 'tel')
    return url;
  return null;
}

type ImageSource =
  { kind: 'src'; url: string } | { kind: 'remote'; url: string } | { kind: 'drop' };

function imageSource(value: string, options: SanitizeOptions): ImageSource {
  const url = cleanUrl(value);
  if (url === '' || /[\0-\x1f\x7f]/.test(url)) return { kind: 'drop' };
  const scheme = schemeOf(url);
  if (scheme === 'cid') {
    const id = url.slice(4).replace(/^<|>$/g, '');
    let mapped: string | null | undefined = null;
    try {
      mapped = options.resolveCid ? options.resolveCid(decodeURIComponentSafe(id)) : null;
    } catch {
      mapped = null;
    }
    if (!mapped) return { kind: 'drop' };
    const safe = cleanUrl(mapped);
    const s = schemeOf(safe);
    return s === null || s === 'http' || s === 'https'
      ? { kind: 'src', url: safe }
      : { kind: 'drop' };
  }
  if (scheme === 'data') {
    return /^data:image\/(?:png|gif|jpe?g|webp|bmp);base64,[a-z0-9+/=\s]+$/i.test(url)
      ? { kind: 'src', url }
      : { kind: 'drop' };
  }
  const absolute = url.startsWith('//') ? 'https:' + url : url;
  const s = schemeOf(absolute);
  if (s === 'http' || s === 'https') {
    return options.allowRemoteImages
      ? { kind: 'src', url: absolute }
      : { kind: 'remote', url: absolute };
  }
  return { kind: 'drop' };
}

function decodeURIComponentSafe(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

const UNSAFE_CSS =
  /\\|expression|javascript|vbscript|behavior|binding|@import|url\s*\(|image-set|[<>{}]/i;

/**
 * Keeps allowed CSS declarations whose values cannot run code or fetch anything: CSS escapes,
 * `expression(`, `url(`, `behavior`, `-moz-binding` and `@import` are never needed for mail
 * layout, so a declaration containing one is dropped.
 */
export function sanitizeStyle(style: string): string {
  const decoded = decodeEntities(style).replace(/\/\*[\s\S]*?(\*\/|$)/g, ' ');
  return decoded
    .split(';')
    .map(cleanDeclaration)
    .filter((d): d is string => d !== null && !UNSAFE_CSS.test(d))
    .join('; ');
}

function cleanDeclaration(declaration: string): string | null {
  const colon = declaration.indexOf(':');
  if (colon < 0) return null;
  const prop = declaration.slice(0, colon).trim().toLowerCase();
  const value = declaration
    .slice(colon + 1)
    .trim()
    .replace(/\s+/g, ' ');
  if (!CSS_PROPERTIES.has(prop) || value === '' || /[\0-\x1f"]/.test(value)) return null;
  return `${prop}: ${value}`;
}
