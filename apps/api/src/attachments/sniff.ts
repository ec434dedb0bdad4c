/**
 * File type from the content's first bytes (magic numbers), never from the name or the
 * client's Content-Type. Only the types a service desk needs are accepted; executables, HTML,
 * SVG and scripts are refused, as is a name whose extension promises another type.
 */
export interface SniffedType {
  /** The media type the file is stored and served with. */
  mediaType: string;
  /** Short name for messages (`PDF`, `PNG`, `DOCX` ...). */
  label: string;
  /** Extensions a file of this type may carry. */
  extensions: readonly string[];
}

export type SniffResult =
  | { ok: true; type: SniffedType }
  | { ok: false; reason: 'executable' | 'markup' | 'unknown' | 'empty'; label: string };

const T = {
  pdf: { mediaType: 'application/pdf', label: 'PDF', extensions: ['pdf'] },
  png: { mediaType: 'image/png', label: 'PNG', extensions: ['png'] },
  jpeg: { mediaType: 'image/jpeg', label: 'JPEG', extensions: ['jpg', 'jpeg'] },
  gif: { mediaType: 'image/gif', label: 'GIF', extensions: ['gif'] },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'DOCX',
    extensions: ['docx'],
  },
  xlsx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'XLSX',
    extensions: ['xlsx'],
  },
  pptx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    label: 'PPTX',
    extensions: ['pptx'],
  },
  doc: { mediaType: 'application/msword', label: 'DOC', extensions: ['doc'] },
  xls: { mediaType: 'application/vnd.ms-excel', label: 'XLS', extensions: ['xls'] },
  text: {
    mediaType: 'text/plain; charset=utf-8',
    label: 'teks',
    extensions: ['txt', 'csv', 'log', 'md'],
  },
} satisfies Record<string, SniffedType>;

export const ACCEPTED_TYPES: readonly SniffedType[] = Object.values(T);

const startsWith = (b: Buffer, bytes: number[] | string, at = 0) => {
  const sig = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes);
  return b.length >= at + sig.length && b.subarray(at, at + sig.length).equals(sig);
};

const has = (b: Buffer, text: string, encoding: BufferEncoding = 'latin1') =>
  b.includes(Buffer.from(text, encoding));

/** Extension of a file name, lower case, without the dot ('' when none). */
export function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(name.trim());
  return m ? m[1].toLowerCase() : '';
}

export function sniff(bytes: Buffer): SniffResult {
  if (!bytes.length) return { ok: false, reason: 'empty', label: 'kosong' };
  // Executables and scripts first: never accepted, whatever the name says.
  if (startsWith(bytes, 'MZ')) return { ok: false, reason: 'executable', label: 'program Windows' };
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]))
    return { ok: false, reason: 'executable', label: 'program ELF' };
  if (
    [
      [0xfe, 0xed, 0xfa, 0xce],
      [0xfe, 0xed, 0xfa, 0xcf],
      [0xcf, 0xfa, 0xed, 0xfe],
      [0xce, 0xfa, 0xed, 0xfe],
      [0xca, 0xfe, 0xba, 0xbe],
    ].some((sig) => startsWith(bytes, sig))
  )
    return { ok: false, reason: 'executable', label: 'program Mach-O/Java' };
  if (startsWith(bytes, '#!')) return { ok: false, reason: 'executable', label: 'skrip' };

  if (startsWith(bytes, '%PDF-')) return { ok: true, type: T.pdf };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { ok: true, type: T.png };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { ok: true, type: T.jpeg };
  if (startsWith(bytes, 'GIF87a') || startsWith(bytes, 'GIF89a')) return { ok: true, type: T.gif };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // Office Open XML: a ZIP with [Content_Types].xml and the part folder of its kind.
    if (has(bytes, '[Content_Types].xml')) {
      if (has(bytes, 'word/')) return { ok: true, type: T.docx };
      if (has(bytes, 'xl/')) return { ok: true, type: T.xlsx };
      if (has(bytes, 'ppt/')) return { ok: true, type: T.pptx };
    }
    return { ok: false, reason: 'unknown', label: 'arsip ZIP' };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // Legacy OLE compound file: the stream names in its directory tell Word from Excel.
    if (has(bytes, 'WordDocument', 'utf16le')) return { ok: true, type: T.doc };
    if (has(bytes, 'Workbook', 'utf16le') || has(bytes, 'Book', 'utf16le'))
      return { ok: true, type: T.xls };
    return { ok: false, reason: 'unknown', label: 'berkas OLE' };
  }
  return sniffText(bytes);
}

/** Plain UTF-8 text without control bytes; HTML, SVG, XML and scripts are refused. */
function sniffText(bytes: Buffer): SniffResult {
  let body = bytes;
  if (startsWith(body, [0xef, 0xbb, 0xbf])) body = body.subarray(3);
  for (const byte of body) {
    if (
      byte === 0 ||
      (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c)
    )
      return { ok: false, reason: 'unknown', label: 'biner' };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return { ok: false, reason: 'unknown', label: 'biner' };
  }
  const head = text.slice(0, 1024).trimStart().toLowerCase();
  if (/^<(!doctype|html|head|body|script|svg|\?xml|iframe|object|meta|a\s|div|img)/.test(head))
    return { ok: false, reason: 'markup', label: 'HTML/XML' };
  if (/<script[\s>]/.test(text.toLowerCase()))
    return { ok: false, reason: 'markup', label: 'HTML dengan skrip' };
  return { ok: true, type: T.text };
}
