import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  /** The stream's bytes, inflated when compressed; null without a stream. */
  stream: Buffer | null;
}

/** Every `N 0 obj ... endobj` of the file by number (enough for the PDFs the reports write). */
function objectsOf(pdf: Buffer): Map<number, PdfObject> {
  const raw = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const pattern = /(\d+) 0 obj\b/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(raw))) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endobj', start);
    if (end < 0) break;
    const body = raw.slice(start, end);
    const streamAt = body.search(/stream\r?\n/);
    let stream: Buffer | null = null;
    let dict = body;
    if (streamAt >= 0) {
      dict = body.slice(0, streamAt);
      const from = start + streamAt + (body.slice(streamAt).match(/^stream\r?\n/)?.[0].length ?? 7);
      const to = raw.indexOf('endstream', from);
      stream = pdf.subarray(from, to);
      if (/FlateDecode/.test(dict)) {
        try {
          stream = inflateSync(stream);
        } catch {
          stream = null;
        }
      }
    }
    objects.set(Number(match[1]), { dict, stream });
    pattern.lastIndex = end;
  }
  return objects;
}

/** A ToUnicode CMap: glyph code (hex) -> text. */
function cmapOf(text: string): Map<number, string> {
  const map = new Map<number, string>();
  const unicode = (hex: string) => {
    const clean = hex.replace(/\s+/g, '');
    const units: number[] = [];
    for (let i = 0; i + 4 <= clean.length; i += 4) units.push(parseInt(clean.slice(i, i + 4), 16));
    return String.fromCharCode(...units);
  };
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g))
      map.set(parseInt(m[1], 16), unicode(m[2]));
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const m of block[1].matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(?:\[([^\]]*)\]|<([0-9a-fA-F\s]+)>)/g,
    )) {
      const low = parseInt(m[1], 16);
      const high = parseInt(m[2], 16);
      if (m[3] !== undefined) {
        const list = [...m[3].matchAll(/<([0-9a-fA-F\s]*)>/g)].map((e) => unicode(e[1]));
        list.forEach((value, i) => map.set(low + i, value));
      } else {
        const first = unicode(m[4]);
        const base = first.charCodeAt(first.length - 1);
        for (let code = low; code <= high; code++)
          map.set(code, first.slice(0, -1) + String.fromCharCode(base + code - low));
      }
    }
  return map;
}

/**
 * The text lines of a PDF as the reports write it: each text object's hex strings, one line per
 * object. Text in an embedded font (two-byte glyph codes) is read back through the font's
 * ToUnicode map; text in a standard font as single-byte Latin-1. Compressed streams are inflated
 * first. Enough to read back what a report printed; not a general parser.
 */
export function pdfTextLines(pdf: Buffer): string[] {
  const objects = objectsOf(pdf);
  // Font resource name (F1, F2...) -> its ToUnicode map, when it has one.
  const fonts = new Map<string, Map<number, string>>();
  for (const { dict } of objects.values())
    for (const m of dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const font = objects.get(Number(m[2]));
      const ref = font?.dict.match(/\/ToUnicode (\d+) 0 R/);
      const cmap = ref ? objects.get(Number(ref[1]))?.stream : null;
      if (cmap && !fonts.has(m[1])) fonts.set(m[1], cmapOf(cmap.toString('latin1')));
    }
  const lines: string[] = [];
  for (const { stream, dict } of objects.values()) {
    if (!stream || /\/Subtype|\/Length1|\/Type \/XObject/.test(dict)) continue;
    const text = stream.toString('latin1');
    if (/begincmap/.test(text)) continue;
    let cmap: Map<number, string> | undefined;
    for (const block of text.split(/\bBT\b/).slice(1)) {
      const content = block.split(/\bET\b/)[0];
      const pieces: string[] = [];
      for (const m of content.matchAll(/\/(F\d+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>/g)) {
        if (m[1] !== undefined) {
          cmap = fonts.get(m[1]);
          continue;
        }
        const hex = m[2];
        if (cmap) {
          let piece = '';
          for (let i = 0; i + 4 <= hex.length; i += 4)
            piece += cmap.get(parseInt(hex.slice(i, i + 4), 16)) ?? '\uFFFD';
          pieces.push(piece);
        } else pieces.push(Buffer.from(hex, 'hex').toString('latin1'));
      }
      if (pieces.length) lines.push(pieces.join(''));
    }
  }
  return lines;
}
