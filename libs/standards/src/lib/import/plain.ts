/**
 * The plain-text / markdown form of a standard: a title, "No. SK : ...", then one heading per
 * component ("### **Persyaratan**" or a bare "Persyaratan" line) followed by a numbered list
 * ("1. ...", or the doubled "1. 1. ...") or a paragraph.
 */
import type { RawStandard } from './draft';
import { hasMarker, leadingNumber } from './lists';
import { cleanMarkdownLine } from './markdown';
import {
  ANOTHER_STANDARD,
  classifyLabel,
  isComponentHeading,
  startsAnotherStandard,
  LABEL_WORD_SET,
  SECTION_NAMES,
  type SectionKey,
} from './sections';
import { readTitle } from './title';
import { readUnlabelled } from './unlabelled';

const DECREE_RE = /^(?:no\.?|nomor)\s*(?:sk|keputusan)\s*:?\s*(.*)$/i;

type LineKey = SectionKey | 'header' | null | undefined;

/**
 * What a line is: a component heading (a markdown heading, a bare or numbered component name,
 * "Biaya : Gratis"), a part heading ('header'), or content (undefined). `value` is the content
 * that follows a label on the same line.
 */
function headingOf(raw: string, line: string): { key: LineKey; value: string | null } {
  if (/^\s*#{1,6}\s/.test(raw)) return { key: classifyLabel(line), value: null };
  const label = line.replace(/^\s*(?:[IVX]{1,4}|[A-Za-z]|\d{1,2})[.)]\s+/, '');
  if (label.length <= 90 && !/[.;]$/.test(label)) {
    if (isComponentHeading(label)) return { key: classifyLabel(label), value: null };
    if (classifyLabel(label) === 'header' && label.split(/\s+/).length > 1)
      return { key: 'header', value: null };
  }
  const colon = /^([^:]{3,70}?)\s*:\s*(.*)$/.exec(label);
  if (colon && isComponentHeading(colon[1])) {
    return { key: classifyLabel(colon[1]), value: colon[2].trim() || null };
  }
  return { key: undefined, value: null };
}

/** A label wrapped onto a line of its own ("dan Prosedur", "Penyelesaian"): label words only. */
function isLabelRest(text: string): boolean {
  const words = text
    .toLowerCase()
    .split(/[\s,/]+/)
    .filter(Boolean);
  return words.length > 0 && words.length <= 4 && words.every((w) => LABEL_WORD_SET.has(w));
}

/**
 * A line of text laid out in columns (pdftotext -layout: "1.  Persyaratan      a. Surat ..."):
 * the label column and the value column become lines of their own; a label wrapped onto the next
 * line ("    dan Prosedur      b. ...") is dropped from it.
 */
function splitLayoutLine(line: string): string[] {
  const glued = splitGlued(line);
  if (glued) return glued;
  // The head row of such a table ("NoKomponen Standar PelayananKeterangan").
  if (/^\s*No\.?\s?Komponen/i.test(line) && !/\s{3,}|\t/.test(line.trim())) return [];
  const m = /^\s*((?:[IVX]{1,4}|[A-Za-z]|\d{1,2})[.)]\s+)?(\S.*?)(?:\s{3,}|\t+)(\S.*)$/.exec(line);
  if (!m) return [line];
  const label = m[2].trim();
  const left = `${m[1] ?? ''}${label}`.trim();
  const right = m[3].trim();
  if (!m[1] && /^[a-z]/.test(label) && isLabelRest(label)) return [right];
  if (isComponentHeading(label)) return [left, right];
  if (!m[1] && isLabelRest(label)) return [right];
  return [line];
}

/**
 * A table row whose cells were copied without any separator ("1Persyaratana. Pemohon ...",
 * "3Jangka Waktu Pelayanan1 Jam"): the number, then the longest run of label words that makes a
 * component label, then the value glued to it. Null when the line is not such a row.
 */
function splitGlued(line: string): string[] | null {
  const m = /^\s*(\d{1,2})\.?([A-Z].*)$/.exec(line);
  if (!m || /^\s*\d{1,2}\.\s/.test(line)) return null;
  const rest = m[2];
  for (let k = Math.min(rest.length, 90); k >= 4; k--) {
    const label = rest.slice(0, k);
    const last =
      label
        .split(/[\s/,]+/)
        .pop()
        ?.toLowerCase() ?? '';
    if (!LABEL_WORD_SET.has(last)) continue;
    if (!isComponentHeading(label)) continue;
    const value = rest.slice(k).trim();
    return value ? [`${m[1]}. ${label.trim()}`, value] : [`${m[1]}. ${label.trim()}`];
  }
  return null;
}

/** A heading broken over two lines ("Sistem, Mekanisme dan" / "Prosedur") is put back together. */
function joinBrokenHeadings(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const next = lines[i + 1];
    if (
      next !== undefined &&
      /(?:,|\bdan|\batau|\/|\bdan\/atau)\s*$/i.test(line.trim()) &&
      headingOf(line, cleanMarkdownLine(line)).key !== undefined &&
      headingOf(next, cleanMarkdownLine(`${line.trim()} ${next.trim()}`)).key !== undefined
    ) {
      out.push(`${line.trim()} ${next.trim()}`);
      i++;
    } else out.push(line);
  }
  return out;
}

export function readPlain(text: string): RawStandard {
  const raw: RawStandard = {
    kind: 'standar-pelayanan',
    name: null,
    decree: null,
    sections: {},
    warnings: [],
  };
  const pre: string[] = [];
  let current: SectionKey | null = null;
  let started = false;
  let unknown: { label: string; lines: number } | null = null;
  const closeUnknown = () => {
    if (unknown) {
      raw.warnings.push(
        `Bagian "${unknown.label}"${unknown.lines ? ` (${unknown.lines} baris)` : ''} tidak dikenali sebagai komponen standar; tidak dipetakan.`,
      );
    }
    unknown = null;
  };
  let lastKey: SectionKey | null = null;
  let lastWasHeading = false;
  const layout = text.split('\n').flatMap(splitLayoutLine);
  let sinceHeading = 99;
  const sources = joinBrokenHeadings(layout);
  for (let at = 0; at < sources.length; at++) {
    const source = sources[at];
    const line = cleanMarkdownLine(source);
    if (!line) {
      if (!started) pre.push(''); // the title's groups stay apart
      continue;
    }
    // A table copied one cell per line: the row's number stands alone above its component.
    if (/^\d{1,2}\.?$/.test(line)) {
      const next = sources.slice(at + 1).find((l) => l.trim() !== '');
      if (next !== undefined && headingOf(next, cleanMarkdownLine(next)).key) continue;
    }
    const decree = DECREE_RE.exec(line);
    if (decree) {
      raw.decree = decree[1].trim() || null;
      continue;
    }
    const { key, value } = headingOf(source, line);
    if (key !== undefined) {
      if (key === 'header') {
        // "I. KOMPONEN PENYAMPAIAN PELAYANAN": a part heading ends the component above.
        closeUnknown();
        current = null;
        lastWasHeading = false;
        if (!started) pre.push(line);
        continue;
      }
      if (key === null || key === 'name' || key === 'decree') {
        if (!started && !unknown) {
          pre.push(line);
          continue;
        }
        closeUnknown();
        current = null;
        unknown = { label: line, lines: 0 };
        continue;
      }
      closeUnknown();
      if (startsAnotherStandard(key, raw.sections)) {
        raw.warnings.push(ANOTHER_STANDARD);
        break;
      }
      started = true;
      // The same heading twice in a row (a label repeated across a page break) is one.
      if (raw.sections[key] && !(lastWasHeading && lastKey === key))
        raw.warnings.push(
          `Bagian "${SECTION_NAMES[key]}" muncul lebih dari sekali; isinya digabung.`,
        );
      current = key;
      lastKey = key;
      lastWasHeading = value === null;
      sinceHeading = 0;
      const lines = (raw.sections[key] ??= []);
      if (value) lines.push(value);
      continue;
    }
    lastWasHeading = false;
    // The rest of a label that wrapped under it, indented in its column ("Jangka Waktu" /
    // "      Penyelesaian").
    sinceHeading++;
    if (sinceHeading <= 3 && /^\s{3,}\S/.test(source) && isLabelRest(line) && !hasMarker(line))
      continue;
    if (unknown) {
      (unknown as { lines: number }).lines++;
      continue;
    }
    if (current === null) {
      if (!started) pre.push(line);
      else
        raw.warnings.push(
          `Baris "${line.length > 60 ? line.slice(0, 57) + '...' : line}" di luar bagian mana pun tidak dipetakan.`,
        );
      continue;
    }
    const lines = raw.sections[current]!;
    const prev = lines[lines.length - 1];
    // A wrapped line of a numbered item continues that item; so does a line that starts in
    // lower case after a line that did not end a sentence (text copied out of a PDF).
    const listy = current === 'steps' || current === 'requirements';
    if (
      prev !== undefined &&
      ((listy &&
        leadingNumber(line) === null &&
        !hasMarker(line) &&
        leadingNumber(prev) !== null) ||
        (/^[a-z(]/.test(line) &&
          !hasMarker(line) &&
          !/^[^:]{2,40}:\s*\S/.test(line) &&
          !/[.;:]$/.test(prev)))
    ) {
      lines[lines.length - 1] += ` ${line}`;
    } else lines.push(line);
  }
  closeUnknown();
  const title = readTitle(pre);
  raw.name = title.name;
  raw.decree ??= title.decree;
  if (raw.name && raw.name.length > 150) {
    raw.warnings.push(
      `Teks di atas bagian pertama terlalu panjang untuk nama layanan; isi sendiri.`,
    );
    raw.name = null;
  }
  // No label for any of the core components: read the blocks by their content instead.
  const core: SectionKey[] = ['requirements', 'steps', 'time', 'cost', 'products'];
  if (!core.some((k) => raw.sections[k] !== undefined)) {
    const unlabelled = readUnlabelled(text);
    if (core.some((k) => unlabelled.sections[k] !== undefined)) return unlabelled;
  }
  return raw;
}
