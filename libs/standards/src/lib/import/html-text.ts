/**
 * A small tolerant HTML tokenizer for pasted standards: turns fragments ("<ol><li>1. ...</li>",
 * "<p>...</p>", whole pages with tables) into text lines or table rows. No DOM; unknown or broken
 * tags are kept as text, quotes inside attributes are respected, script/style bodies are dropped.
 */

export type HtmlToken =
  | { type: 'text'; text: string }
  | { type: 'open'; name: string; selfClosing: boolean; attrs?: string }
  | { type: 'close'; name: string };

const KNOWN_TAGS = new Set(
  (
    'a abbr article aside b big blockquote body br caption center code col colgroup dd div dl dt em ' +
    'font footer h1 h2 h3 h4 h5 h6 head header hr html i img label li link main meta nav ol p pre s ' +
    'section small span strike strong style script sub sup table tbody td tfoot th thead title tr u ul'
  ).split(' '),
);

const BLOCK_TAGS = new Set(
  'address article blockquote br caption center dd div dl dt footer h1 h2 h3 h4 h5 h6 header hr li ol p pre section table tbody tfoot thead title tr ul'.split(
    ' ',
  ),
);

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  times: '×',
  bull: '•',
  middot: '·',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Finds the '>' that ends a tag starting at `from`, skipping quoted attribute values. */
function tagEnd(html: string, from: number): number {
  let quote: string | null = null;
  for (let i = from; i < html.length; i++) {
    const c = html[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
    else if (c === '<') return -1; // a new tag starts: this one was never closed
  }
  return -1;
}

export function tokenizeHtml(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  let text = '';
  const flush = () => {
    if (text) tokens.push({ type: 'text', text: decodeEntities(text) });
    text = '';
  };
  let i = 0;
  while (i < html.length) {
    const c = html[i];
    if (c !== '<') {
      text += c;
      i++;
      continue;
    }
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      flush();
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (html.startsWith('<!', i) || html.startsWith('<?', i)) {
      const end = html.indexOf('>', i);
      flush();
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9]*)/.exec(html.slice(i, i + 40));
    const name = m?.[2].toLowerCase();
    const end = m ? tagEnd(html, i + m[0].length) : -1;
    if (!m || !name || !KNOWN_TAGS.has(name) || end < 0) {
      text += c; // "<5 hari", "<http://...>" or a broken tag: plain text
      i++;
      continue;
    }
    flush();
    if (m[1]) tokens.push({ type: 'close', name });
    else {
      const selfClosing = html[end - 1] === '/' || name === 'br' || name === 'hr' || name === 'img';
      const attrs = html.slice(i + m[0].length, end);
      tokens.push({ type: 'open', name, selfClosing, ...(attrs.trim() ? { attrs } : {}) });
      if (name === 'script' || name === 'style') {
        const close = html.toLowerCase().indexOf(`</${name}`, end);
        i = close < 0 ? html.length : close;
        continue;
      }
    }
    i = end + 1;
  }
  flush();
  return tokens;
}

/** Collapses spaces within lines and drops empty lines. */
export function tidyLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((l) => l !== '');
}

/** Tags whose end closes a part of a page (kept apart by an empty line in page text). */
const PART_TAGS = new Set(
  'article blockquote div dl footer h1 h2 h3 h4 h5 h6 header ol p section table ul'.split(' '),
);

/**
 * Placeholders around a list item's marker until we know whether the item writes its own:
 * private-use characters, stripped from the page's own text first.
 */
const MARK_OPEN = '\uE000';
const MARK_CLOSE = '\uE001';
/** Where a part of a page ends, in page text. */
const PART_BREAK = '\n\uE002\n';

function tokensToText(tokens: HtmlToken[], parts = false): string {
  let out = '';
  // Open lists, innermost last: ordered or not, and the next item's number.
  const lists: { ordered: boolean; next: number }[] = [];
  for (const t of tokens) {
    if (t.type === 'text') out += t.text.replace(/[\s\uE000\uE001\uE002]+/g, ' ');
    else if (t.name === 'ol' || t.name === 'ul') {
      if (t.type === 'open') lists.push({ ordered: t.name === 'ol', next: 1 });
      else lists.pop();
      out += parts && t.type === 'close' ? PART_BREAK : '\n';
    } else if (t.name === 'li' && t.type === 'open') {
      const list = lists[lists.length - 1];
      const marker = list?.ordered ? `${list.next++}.` : '-';
      out += `\n${MARK_OPEN}${marker}${MARK_CLOSE}`;
    } else if (BLOCK_TAGS.has(t.name))
      out += parts && t.type === 'close' && PART_TAGS.has(t.name) ? PART_BREAK : '\n';
    else if (t.name === 'td' || t.name === 'th') out += t.type === 'open' ? ' ' : ' | ';
  }
  // A list item that writes its own number ("<li>1. Surat ...</li>") keeps it; others get one.
  return out.replace(
    /\uE000([^\uE001]*)\uE001[ \t]*(?=((?:\(?\d{1,3}[.)]|\(?[a-zA-Z][.)]\s|[-•·▪*]))?)/g,
    (_, marker: string, own: string | undefined) => (own ? '' : `${marker} `),
  );
}

/** Text of an HTML fragment, one line per block (paragraph, list item, line break, row). */
export function htmlToText(html: string): string {
  return tidyLines(tokensToText(tokenizeHtml(html))).join('\n');
}

/**
 * Text of a whole page: one line per block as `htmlToText`, list items numbered as the page shows
 * them, and an empty line where a part (a paragraph, a list, a tab's div) ends.
 */
export function htmlPageText(html: string): string {
  // <head> (title, meta) is not part of the standard.
  let inHead = false;
  const body = tokenizeHtml(html).filter((t) => {
    if (t.type !== 'text' && t.name === 'head') {
      inHead = t.type === 'open';
      return false;
    }
    return !inHead;
  });
  const lines = tokensToText(body, true)
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim());
  const out: string[] = [];
  for (const l of lines) {
    if (l === '') continue;
    if (l === '\uE002') {
      if (out.length > 0 && out[out.length - 1] !== '') out.push('');
      continue;
    }
    out.push(l.replace(/\uE002/g, ''));
  }
  return out.join('\n').trim();
}

/** True when the text carries HTML tags this tokenizer knows. */
export function hasHtml(text: string): boolean {
  return tokenizeHtml(text).some((t) => t.type !== 'text');
}

export interface HtmlTables {
  /** Rows of the outermost tables, each cell as text lines joined by '\n'. */
  rows: string[][];
  /** Text outside any table (titles, notes), as lines. */
  outside: string[];
}

/** No published table has this many columns; spans stop filling beyond it. */
const MAX_COLUMNS = 100;

/** A span attribute ("colspan=\"3\""), bounded so a hostile page cannot blow the grid up. */
function spanOf(attrs: string | undefined, name: 'colspan' | 'rowspan'): number {
  const m = new RegExp(`\\b${name}\\s*=\\s*["']?\\s*(\\d{1,3})`, 'i').exec(attrs ?? '');
  const n = m ? Number(m[1]) : 1;
  return Math.min(Math.max(n, 1), 50);
}

/**
 * Reads the rows of the page's tables; a table nested in a cell stays text of that cell. Cells
 * spanning several columns or rows leave empty cells in the places they cover, so every row's
 * columns line up (a two-row SOP head: "PELAKSANA" over the position names).
 */
export function htmlTables(html: string): HtmlTables {
  const rows: string[][] = [];
  let outside = '';
  let depth = 0;
  let row: string[] | null = null;
  let cell: HtmlToken[] | null = null;
  let cellSpan = { cols: 1, rows: 1 };
  /** Columns still covered by a cell from a row above: column -> rows left. */
  let covered = new Map<number, number>();
  const skipCovered = () => {
    while (row && row.length < MAX_COLUMNS && (covered.get(row.length) ?? 0) > 0) row.push('');
  };
  const endCell = () => {
    if (row && cell) {
      skipCovered();
      const at = row.length;
      row.push(tidyLines(tokensToText(cell)).join('\n'));
      for (let k = 1; k < cellSpan.cols && row.length < MAX_COLUMNS; k++) row.push('');
      if (cellSpan.rows > 1)
        for (let k = 0; k < cellSpan.cols; k++) covered.set(at + k, cellSpan.rows);
    }
    cell = null;
  };
  const endRow = () => {
    endCell();
    if (row) {
      skipCovered();
      if (row.length > 0 && row.some((c) => c !== '')) rows.push(row);
      // One row less for every cell spanning down (those set by this row count from the next).
      const next = new Map<number, number>();
      for (const [c, left] of covered) if (left > 1) next.set(c, left - 1);
      covered = next;
    }
    row = null;
  };
  let inHead = false;
  for (const t of tokenizeHtml(html)) {
    if (t.type !== 'text' && t.name === 'head') {
      inHead = t.type === 'open';
      continue;
    }
    if (inHead) continue; // <title>, <meta>: not part of the standard
    if (t.type !== 'text' && t.name === 'table') {
      if (t.type === 'open') {
        depth++;
        if (depth === 1) {
          covered = new Map();
          continue;
        }
      } else {
        depth = Math.max(0, depth - 1);
        if (depth === 0) {
          endRow();
          continue;
        }
      }
    }
    if (depth === 0) {
      outside += tokensToText([t]);
      continue;
    }
    if (depth === 1 && t.type !== 'text') {
      if (t.name === 'tr') {
        endRow();
        if (t.type === 'open') row = [];
        continue;
      }
      if (t.name === 'td' || t.name === 'th') {
        endCell();
        if (t.type === 'open') {
          if (!row) row = [];
          cell = [];
          cellSpan = { cols: spanOf(t.attrs, 'colspan'), rows: spanOf(t.attrs, 'rowspan') };
        }
        continue;
      }
      if (['thead', 'tbody', 'tfoot', 'caption', 'colgroup', 'col'].includes(t.name)) continue;
    }
    if (cell) (cell as HtmlToken[]).push(t);
  }
  endRow();
  return { rows, outside: tidyLines(outside) };
}
