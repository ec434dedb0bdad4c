/**
 * `importStandard`: an admin pastes the published text of a standard (plain text, markdown or
 * HTML) and gets a draft back, with a warning in Bahasa Indonesia for every part that could not
 * be mapped. Unreadable input throws `ImportError` (the API answers 422).
 */
import type { DeriveOptions } from './derive';
import type { OfficeDefinition } from '../model';
import { buildDraft, ImportError, type ImportDraftResult, type RawStandard } from './draft';
import { htmlPageText, htmlTables, htmlToText } from './html-text';
import { readPlain } from './plain';
import { gridToTabText, isSopGrid, looksLikeSop, readSop } from './sop';
import { classifyLabel } from './sections';
import {
  countMarkdownRows,
  isPipeRow,
  isSeparatorRow,
  pipeCells,
  pipeLines,
  pipeRows,
  readHtmlTable,
  readMarkdownTable,
  readTabTable,
} from './table';

export type ImportContentType = 'text/plain' | 'text/markdown' | 'text/html';
const CONTENT_TYPES: readonly ImportContentType[] = ['text/plain', 'text/markdown', 'text/html'];

function baseType(contentType: string): ImportContentType {
  const base = String(contentType ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  if (!(CONTENT_TYPES as readonly string[]).includes(base)) {
    throw new ImportError(
      `Jenis isi "${contentType}" tidak didukung; gunakan text/plain, text/markdown atau text/html.`,
    );
  }
  return base as ImportContentType;
}

function checkReadable(text: unknown): string {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new ImportError('Teks standar kosong; tempel teks standar pelayanan yang diterbitkan.');
  }
  // pdftotext separates pages with a form feed.
  const pages = text.replace(/\f/g, '\n');
  let odd = 0;
  for (let i = 0; i < pages.length; i++) {
    const c = pages.charCodeAt(i);
    // control characters other than tab, line feed and carriage return; U+FFFD from bad decoding
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) odd++;
  }
  if (odd > Math.max(3, pages.length / 100)) {
    throw new ImportError(
      'Teks tampak seperti isi berkas biner (mis. PDF atau Word), bukan teks; salin teks standar dari dokumennya lalu tempel.',
    );
  }
  return (
    pages
      .replace(/^\ufeff/, '')
      .replace(/\r\n?/g, '\n')
      // Page numbers a PDF copy leaves between the lines ("-- 2 --", "Halaman 3 dari 5").
      .replace(
        /^[ \t]*(?:[-–—]+[ \t]*)?(?:hal(?:aman|\.)?[ \t]*)?\d{1,3}(?:[ \t]*(?:dari|\/)[ \t]*\d{1,3})?(?:[ \t]*[-–—]+)?[ \t]*$/gim,
        (line: string) => (/[-–—]|hal/i.test(line) ? '' : line),
      )
  );
}

function countTabRows(text: string): number {
  return text.split('\n').filter((l) => {
    const first = l.split('\t');
    if (first.length < 2) return false;
    const label = /^\s*(?:[A-Za-z]|\d{1,2})[.)]?\s*$/.test(first[0])
      ? `${first[0]} ${first[1]}`
      : first[0];
    const key = classifyLabel(htmlToText(label));
    return key !== null && key !== 'header';
  }).length;
}

function hasContent(raw: RawStandard): boolean {
  return (
    (raw.steps?.length ?? 0) > 0 || Object.values(raw.sections).some((v) => (v?.length ?? 0) > 0)
  );
}

/** Which reader fits the text. */
function read(text: string, type: ImportContentType): RawStandard {
  if (type === 'text/html') {
    if (/<(table|tr|td)\b/i.test(text)) {
      const { rows, outside } = htmlTables(text);
      if (isSopGrid(rows)) return readSop(gridToTabText(outside, rows));
      const raw = readHtmlTable(text);
      if (hasContent(raw)) return raw;
    }
    return read(htmlPageText(text), 'text/plain');
  }
  if (countMarkdownRows(text) >= 3) {
    const tab = pipeLines(text)
      .filter((l) => !isSeparatorRow(l))
      .map((l) => (isPipeRow(l) ? pipeCells(l).join('\t') : l))
      .join('\n');
    if (looksLikeSop(tab) || isSopGrid(pipeRows(text).rows)) return readSop(tab);
    return readMarkdownTable(text);
  }
  if (looksLikeSop(text)) return readSop(text);
  if (countTabRows(text) >= 2) return readTabTable(text);
  return readPlain(text);
}

/**
 * Reads a published standard into a draft. `office`, when given, maps executor names to the
 * office's position codes (names it cannot map stay as written, with a warning). `options`
 * carries the office's working day length, used to add step times in hours to times in days.
 */
export function importStandard(
  text: string,
  contentType: ImportContentType | string,
  office?: OfficeDefinition,
  options: DeriveOptions = {},
): ImportDraftResult {
  const type = baseType(contentType);
  const clean = checkReadable(text);
  const raw = read(clean, type);
  if (!hasContent(raw)) {
    throw new ImportError(
      'Tidak ada bagian standar pelayanan yang dikenali (Persyaratan; Sistem, Mekanisme dan Prosedur; Waktu Penyelesaian; Biaya/Tarif ...) dalam teks ini.',
    );
  }
  return buildDraft(raw, office, options);
}
