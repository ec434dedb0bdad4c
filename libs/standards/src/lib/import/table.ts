/**
 * The two-table form "No | Komponen | Keterangan" (A. service delivery, B. manufacturing), as
 * tab-separated text (cells may carry inline HTML lists), a markdown table, or an HTML table.
 * Rows become component sections; wrapped rows and rows with an empty first cell continue the
 * row above.
 */
import type { RawStandard } from './draft';
import { htmlTables, htmlToText } from './html-text';
import { cleanMarkdownLine } from './markdown';
import {
  ANOTHER_STANDARD,
  classifyLabel,
  cleanLabel,
  SECTION_NAMES,
  startsAnotherStandard,
} from './sections';
import { readTitle } from './title';

interface Entry {
  label: string;
  lines: string[];
}

const NUMBER_CELL = /^(?:[A-Za-z]|\d{1,2})[.)]?$/;
const NUMBERED_LABEL = /^\s*(?:[A-Za-z]|\d{1,2})[.)]\s/;

/**
 * Reads table rows. `cellLines` turns one cell into text lines (HTML fragments for the
 * tab-separated form, already-text cells for HTML tables).
 */
export function readRows(
  rows: string[][],
  title: string[],
  cellLines: (cell: string) => string[],
): RawStandard {
  const raw: RawStandard = {
    kind: 'standar-pelayanan',
    name: null,
    decree: null,
    sections: {},
    warnings: [],
  };
  const titleLines = [...title];
  const entries: Entry[] = [];
  for (const row of rows) {
    const cells = row.map((c) => c.trim()).filter((c) => c !== ':');
    if (cells.every((c) => c === '')) continue;
    const last = entries[entries.length - 1];
    if (cells[0] === '') {
      const lines = cells.filter((c) => c !== '').flatMap(cellLines);
      if (last) last.lines.push(...lines);
      else titleLines.push(...lines);
      continue;
    }
    let label: string;
    let valueCells: string[];
    const numbered = NUMBER_CELL.test(cells[0]) && cells.length >= 2;
    if (numbered) {
      label = `${cells[0]} ${cells[1]}`;
      valueCells = cells.slice(2);
    } else {
      label = cells[0];
      valueCells = cells.slice(1);
    }
    label = cellLines(label).join(' ');
    const lines = valueCells.filter((c) => c !== '').flatMap(cellLines);
    const key = classifyLabel(label);
    if (key === null && entries.length === 0 && lines.length === 0) {
      titleLines.push(label);
      continue;
    }
    if (key === null && last && !numbered && !NUMBERED_LABEL.test(label)) {
      // A row broken by a line wrap ("4. PENGAWASAN ... secara" / "INTERNAL ... berjenjang.").
      last.label += ` ${label}`;
      if (lines.length > 0) {
        if (last.lines.length > 0) last.lines[last.lines.length - 1] += ` ${lines.shift()}`;
        last.lines.push(...lines);
      }
      continue;
    }
    entries.push({ label, lines });
  }
  const heading = readTitle(titleLines);
  raw.name = heading.name;
  raw.decree = heading.decree;
  for (const e of entries) {
    const key = classifyLabel(e.label);
    if (key === 'header') continue;
    if (key === null) {
      raw.warnings.push(`Komponen "${cleanLabel(e.label)}" tidak dikenali; tidak dipetakan.`);
      continue;
    }
    if (key === 'name') {
      raw.name = e.lines.join(' ') || raw.name;
      continue;
    }
    if (key === 'decree') {
      raw.decree = e.lines.join(' ') || raw.decree;
      continue;
    }
    if (startsAnotherStandard(key, raw.sections)) {
      raw.warnings.push(ANOTHER_STANDARD);
      break;
    }
    if (raw.sections[key])
      raw.warnings.push(
        `Komponen "${SECTION_NAMES[key]}" muncul lebih dari sekali; isinya digabung.`,
      );
    (raw.sections[key] ??= []).push(...e.lines);
  }
  return raw;
}

function fragmentLines(cell: string): string[] {
  return htmlToText(cell.replace(/<((?:https?|mailto):[^>\s]+)>/gi, '$1'))
    .split('\n')
    .map(cleanMarkdownLine)
    .filter(Boolean);
}

/** Tab-separated rows, cells with inline HTML ("<ol><li>1. ...</li></ol>", "<p>...</p>"). */
export function readTabTable(text: string): RawStandard {
  const lines = text.split('\n');
  const rows = lines.map((l) => l.split('\t'));
  return readRows(rows, [], fragmentLines);
}

/** A line of a pipe table: "| a | b |" (markdown) or "1. | Persyaratan | ... |" (pasted text). */
export function isPipeRow(line: string): boolean {
  return (line.match(/(?<!\\)\|/g) ?? []).length >= 2;
}

/** The cells of a pipe row; the outer pipes are optional. */
export function pipeCells(line: string): string[] {
  const inner = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|').trim());
}

const SEPARATOR_ROW = /^\s*\|?(\s*:?-{2,}:?\s*\|)+\s*(:?-{2,}:?\s*)?$/;

/** The "|---|---|" line under a markdown table's head. */
export function isSeparatorRow(line: string): boolean {
  return SEPARATOR_ROW.test(line);
}

/**
 * The text's lines with each pipe row on one line: a row whose line does not end with a pipe
 * goes on over the next lines ("1 | Dasar Hukum | - a;" / "- b;" / "|"), joined with <br>.
 */
export function pipeLines(text: string): string[] {
  const out: string[] = [];
  let open = false;
  for (const line of text.split('\n')) {
    if (open && /^\s*\|\s*$/.test(line)) {
      open = false;
      continue;
    }
    if (open && !isPipeRow(line)) {
      if (line.trim()) out[out.length - 1] += `<br>${line.trim()}`;
      continue;
    }
    out.push(line);
    open = isPipeRow(line) && !SEPARATOR_ROW.test(line) && !/(?<!\\)\|\s*$/.test(line);
  }
  return out;
}

/** Pipe-table rows and the lines above them (the title). */
export function pipeRows(text: string): { rows: string[][]; outside: string[] } {
  const outside: string[] = [];
  const rows: string[][] = [];
  for (const line of pipeLines(text)) {
    if (SEPARATOR_ROW.test(line)) continue; // |---|---|
    if (isPipeRow(line)) rows.push(pipeCells(line));
    else if (rows.length === 0) outside.push(cleanMarkdownLine(line));
  }
  return { rows, outside };
}

/** A pipe table (markdown, or text pasted from a web page); text above it gives the name. */
export function readMarkdownTable(text: string): RawStandard {
  const { rows, outside } = pipeRows(text);
  return readRows(rows, outside, fragmentLines);
}

export function countMarkdownRows(text: string): number {
  return text.split('\n').filter(isPipeRow).length;
}

/** HTML tables; text outside the tables (a heading) gives the name. */
export function readHtmlTable(html: string): RawStandard {
  const { rows, outside } = htmlTables(html);
  return readRows(rows, outside, (cell) =>
    cell
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  );
}
