import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Font names the reports use, registered on every document by `useReportFonts`. */
export const REGULAR = 'Sigap-Sans';
export const BOLD = 'Sigap-Sans-Bold';

const FILES = {
  [REGULAR]: '@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff',
  [BOLD]: '@fontsource/dejavu-sans/files/dejavu-sans-latin-700-normal.woff',
} as const;

let loaded: Record<string, Buffer> | null = null;

/**
 * DejaVu Sans (regular and bold) from the `@fontsource/dejavu-sans` package: a Unicode font
 * (Latin with every diacritic, Greek, Cyrillic, "≤", curly quotes, ...), embedded as a subset of
 * the glyphs a report prints. The PDF standard fonts only print Latin-1. The files are found in
 * node_modules at run time (the API bundle keeps node_modules outside), read once.
 */
function fontFiles(): Record<string, Buffer> {
  if (loaded) return loaded;
  const bases = [join(process.cwd(), 'package.json')];
  if (typeof __filename === 'string' && __filename.startsWith('/')) bases.unshift(__filename);
  let lastError: unknown = null;
  for (const base of bases) {
    try {
      const resolve = createRequire(base).resolve;
      loaded = Object.fromEntries(
        Object.entries(FILES).map(([name, file]) => [name, readFileSync(resolve(file))]),
      );
      return loaded;
    } catch (e) {
      lastError = e;
    }
  }
  throw lastError instanceof Error ? lastError : new Error('report fonts not found');
}

/** Registers the report fonts on a document and makes the regular one current. */
export function useReportFonts(doc: PDFKit.PDFDocument): void {
  for (const [name, data] of Object.entries(fontFiles())) doc.registerFont(name, data);
  doc.font(REGULAR);
}
