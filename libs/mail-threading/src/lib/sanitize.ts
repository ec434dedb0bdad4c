/* eslint-disable no-control-regex -- URLs and CSS are checked for control characters on purpose. */
import sanitize, { type Attributes, type IOptions } from 'sanitize-html';
import { decodeEntities } from './html-tokenizer';

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

/** Elements written without an end tag (sanitize-html's own list has others we never keep). */
const SELF_CLOSING = ['img', 'br', 'hr', 'wbr', 'col'];

/** Attributes whose value is a URL: sanitize-html checks their scheme again after ours. */
const URL_ATTRIBUTES = ['href', 'src', 'data-remote-src'];

const ALLOWED_ATTRIBUTES: Record<string, string[]> = Object.fromEntries(
  Object.entries(ALLOWED).map(([tag, attrs]) => [
    tag,
    [
      ...new Set([
        ...GLOBAL_ATTRS,
        ...attrs,
        ...(tag === 'a' ? ['target', 'rel'] : []),
        ...(tag === 'img' ? ['data-remote-src'] : []),
      ]),
    ],
  ]),
);

/**
 * The fixed part of the sanitize-html configuration: our allow-list of elements and attributes,
 * elements dropped with everything inside them, no comments, no CSS parsing of its own (styles
 * go through {@link sanitizeStyle}, which is stricter), and only http(s)/mailto/tel links and
 * http(s)/data images, re-checked after our own URL rules in {@link cleanAttributes}.
 */
const BASE_OPTIONS: IOptions = {
  allowedTags: Object.keys(ALLOWED),
  allowedAttributes: ALLOWED_ATTRIBUTES,
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https', 'data'] },
  allowedSchemesAppliedToAttributes: URL_ATTRIBUTES,
  allowProtocolRelative: false,
  allowedClasses: {},
  allowVulnerableTags: false,
  disallowedTagsMode: 'discard',
  nonTextTags: [...DROP_WITH_CONTENT],
  selfClosing: SELF_CLOSING,
  parseStyleAttributes: false,
  enforceHtmlBoundary: false,
  // Text is escaped by sanitize-html (& < >); quotes too, so the text survives any later
  // placement inside an attribute.
  textFilter: (text) => text.replace(/"/g, '&quot;'),
  // An image whose source was refused (unknown cid:, a script URL) is dropped, not left empty.
  exclusiveFilter: (frame) =>
    frame.tag === 'img' && !frame.attribs['src'] && !frame.attribs['data-remote-src'],
};

/**
 * Allow-list sanitiser for showing inbound e-mail HTML in the console, on the sanitize-html
 * library (htmlparser2 underneath) configured with our allow-list. Removes scripts, event
 * handlers, dangerous URLs, embedded content, forms, meta/base/link, comments, `<style>` blocks
 * and unsafe CSS; output is well-formed (every opened element closed). Remote images are
 * replaced by a placeholder `<img>` without `src`, the address kept in `data-remote-src`.
 */
export function sanitizeHtml(
  html: string | null | undefined,
  options: SanitizeOptions = {},
): string {
  if (!html) return '';
  const out = sanitize(html, {
    ...BASE_OPTIONS,
    transformTags: {
      '*': (tagName, attribs) => ({
        tagName,
        attribs: ALLOWED[tagName] ? cleanAttributes(tagName, attribs, options) : {},
      }),
    },
  });
  // sanitize-html writes void elements XHTML-style (`<br />`); the console's HTML does not need
  // it. Text and attribute values have `>` escaped, so ` />` only ever ends a tag here.
  return out.replace(/ \/>/g, '>');
}

/**
 * The attributes an allowed element keeps, with values as the parser decoded them: URLs through
 * our rules (links: http(s), mailto, tel, in-page anchors; images: see {@link imageSource}),
 * styles through {@link sanitizeStyle}, anything else without markup or script URLs. Links get
 * `target="_blank" rel="noopener noreferrer"`.
 */
function cleanAttributes(tag: string, attrs: Attributes, options: SanitizeOptions): Attributes {
  const allowed = ALLOWED[tag] ?? [];
  const out: Attributes = {};
  let hasHref = false;
  for (const [rawName, rawValue] of Object.entries(attrs)) {
    const name = rawName.toLowerCase();
    const value = String(rawValue ?? '');
    if (!(allowed.includes(name) || GLOBAL_ATTRS.includes(name))) continue;
    if (name in out) continue;
    if (name === 'style') {
      const css = sanitizeStyle(value);
      if (css) out['style'] = css;
      continue;
    }
    if (name === 'href') {
      const url = checkLinkUrl(cleanDecodedUrl(value));
      if (url) {
        out['href'] = url;
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
    out[name] = value;
  }
  if (tag === 'a' && hasHref) {
    out['target'] = '_blank';
    out['rel'] = 'noopener noreferrer';
  }
  if (tag === 'img') {
    const resolved = imageSource(cleanDecodedUrl(String(attrs['src'] ?? '')), options);
    if (resolved.kind === 'src') return { src: resolved.url, ...out };
    if (resolved.kind === 'remote') {
      if (!out['alt']?.trim())
        out['alt'] = options.blockedImageLabel ?? '[gambar eksternal diblokir]';
      out['data-remote-src'] = resolved.url;
    }
  }
  return out;
}

function cleanUrl(value: string): string {
  return cleanDecodedUrl(decodeEntities(value));
}

/** A URL whose entities the HTML parser already decoded, as a browser would read it. */
function cleanDecodedUrl(value: string): string {
  // Browsers ignore leading/trailing space and tabs/newlines anywhere in a URL.
  return value.replace(/[\t\n\r]/g, '').replace(/^[\0-\x20\u00a0\ufffd]+|[\0-\x20\u00a0]+$/g, '');
}

function schemeOf(url: string): string | null {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url);
  return m ? m[1].toLowerCase() : null;
}

/** http(s), mailto, tel and in-page anchors; protocol-relative becomes https. */
export function safeLinkUrl(value: string): string | null {
  return checkLinkUrl(cleanUrl(value));
}

function checkLinkUrl(url: string): string | null {
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

function imageSource(url: string, options: SanitizeOptions): ImageSource {
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
