import { inflateSync } from 'node:zlib';

/**
 * The text lines of a PDF written with the standard fonts (as the reports are): each text
 * object's hex strings, decoded as single-byte text, one line per object. Compressed content
 * streams are inflated first. Enough to read back what a report printed; not a general parser.
 */
export function pdfTextLines(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  const streams = /stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = streams.exec(raw))) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    const dict = raw.slice(Math.max(0, raw.lastIndexOf('<<', match.index)), match.index);
    let body = pdf.subarray(start, end);
    if (/FlateDecode/.test(dict)) {
      try {
        body = inflateSync(body);
      } catch {
        continue;
      }
    }
    const text = body.toString('latin1');
    for (const block of text.split(/\bBT\b/).slice(1)) {
      const content = block.split(/\bET\b/)[0];
      const pieces = [...content.matchAll(/<([0-9a-fA-F]*)>/g)].map((m) =>
        Buffer.from(m[1], 'hex').toString('latin1'),
      );
      if (pieces.length) lines.push(pieces.join(''));
    }
    streams.lastIndex = end;
  }
  return lines;
}
