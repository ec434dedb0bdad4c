import { open } from 'node:fs/promises';

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

/**
 * What the first bytes say: a final answer, or the family to look into further (an Office Open
 * XML ZIP, a legacy OLE compound file, or text).
 */
function sniffSignature(bytes: Buffer): SniffResult | 'zip' | 'ole' | 'text' {
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
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  return 'text';
}

/** Office Open XML: a ZIP with [Content_Types].xml and the part folder of its kind. */
function sniffZip(bytes: Buffer): SniffResult {
  if (has(bytes, '[Content_Types].xml')) {
    if (has(bytes, 'word/')) return { ok: true, type: T.docx };
    if (has(bytes, 'xl/')) return { ok: true, type: T.xlsx };
    if (has(bytes, 'ppt/')) return { ok: true, type: T.pptx };
  }
  return { ok: false, reason: 'unknown', label: 'arsip ZIP' };
}

/** Legacy OLE compound file: the stream names in its directory tell Word from Excel. */
function sniffOle(found: { word: boolean; workbook: boolean }): SniffResult {
  if (found.word) return { ok: true, type: T.doc };
  if (found.workbook) return { ok: true, type: T.xls };
  return { ok: false, reason: 'unknown', label: 'berkas OLE' };
}

const OLE_WORD = Buffer.from('WordDocument', 'utf16le');
const OLE_BOOKS = [Buffer.from('Workbook', 'utf16le'), Buffer.from('Book', 'utf16le')];

export function sniff(bytes: Buffer): SniffResult {
  const signature = sniffSignature(bytes);
  if (signature === 'zip') return sniffZip(bytes);
  if (signature === 'ole')
    return sniffOle({
      word: bytes.includes(OLE_WORD),
      workbook: OLE_BOOKS.some((name) => bytes.includes(name)),
    });
  if (signature === 'text') return sniffText(bytes);
  return signature;
}

/** Bytes read from each end of a stored file to recognise a ZIP (its directory is at the end). */
const WINDOW = 256 * 1024;
/** Bytes read at a time when a whole file must be looked through. */
const CHUNK = 1024 * 1024;

/**
 * `sniff` for a file on disk, without reading it whole into memory: a small file is read at
 * once; a larger one by its head for the signature, head and tail for a ZIP (the part names sit
 * in the central directory at the end), and in chunks for an OLE file (its directory may be
 * anywhere) or text (every byte must be UTF-8 without control bytes). Same answers as `sniff`.
 */
export async function sniffFile(path: string): Promise<SniffResult> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const read = async (position: number, length: number): Promise<Buffer> => {
      const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - position)));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      return buffer.subarray(0, bytesRead);
    };
    if (size <= 2 * WINDOW) return sniff(await read(0, size));
    const head = await read(0, WINDOW);
    const signature = sniffSignature(head);
    if (signature === 'zip')
      return sniffZip(Buffer.concat([head, await read(size - WINDOW, WINDOW)]));
    if (signature === 'ole') {
      const found = { word: false, workbook: false };
      // Chunks overlap by a name's length, so a name across a boundary is still seen.
      const overlap = OLE_WORD.length;
      for (let at = 0; at < size && !found.word; at += CHUNK - overlap) {
        const chunk = await read(at, CHUNK);
        found.word ||= chunk.includes(OLE_WORD);
        found.workbook ||= OLE_BOOKS.some((name) => chunk.includes(name));
      }
      return sniffOle(found);
    }
    if (signature === 'text') return await sniffTextChunks(size, read);
    return signature;
  } finally {
    await handle.close();
  }
}

/** `sniffText` over a file read chunk by chunk. */
async function sniffTextChunks(
  size: number,
  read: (position: number, length: number) => Promise<Buffer>,
): Promise<SniffResult> {
  const binary: SniffResult = { ok: false, reason: 'unknown', label: 'biner' };
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let head = '';
  let script = false;
  let carry = '';
  for (let at = 0; at < size; at += CHUNK) {
    let body = await read(at, CHUNK);
    if (at === 0 && startsWith(body, [0xef, 0xbb, 0xbf])) body = body.subarray(3);
    if (hasControlByte(body)) return binary;
    let text: string;
    try {
      text = decoder.decode(body, { stream: true });
    } catch {
      return binary;
    }
    if (head.length < 1024) head += text.slice(0, 1024 - head.length);
    // The tail of the previous chunk goes in front, so a tag across a boundary is still seen.
    const window = (carry + text).toLowerCase();
    script ||= /<script[\s>]/.test(window);
    carry = window.slice(-8);
  }
  try {
    decoder.decode();
  } catch {
    return binary;
  }
  return textVerdict(head, script);
}

function hasControlByte(body: Buffer): boolean {
  for (const byte of body) {
    if (
      byte === 0 ||
      (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c)
    )
      return true;
  }
  return false;
}

function textVerdict(head: string, script: boolean): SniffResult {
  const start = head.slice(0, 1024).trimStart().toLowerCase();
  if (/^<(!doctype|html|head|body|script|svg|\?xml|iframe|object|meta|a\s|div|img)/.test(start))
    return { ok: false, reason: 'markup', label: 'HTML/XML' };
  if (script) return { ok: false, reason: 'markup', label: 'HTML dengan skrip' };
  return { ok: true, type: T.text };
}

/** Plain UTF-8 text without control bytes; HTML, SVG, XML and scripts are refused. */
function sniffText(bytes: Buffer): SniffResult {
  let body = bytes;
  if (startsWith(body, [0xef, 0xbb, 0xbf])) body = body.subarray(3);
  if (hasControlByte(body)) return { ok: false, reason: 'unknown', label: 'biner' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return { ok: false, reason: 'unknown', label: 'biner' };
  }
  return textVerdict(text.slice(0, 1024), /<script[\s>]/.test(text.toLowerCase()));
}
