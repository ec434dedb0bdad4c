/**
 * The plain-text / markdown form of a standard: a title, "No. SK : ...", then one heading per
 * component ("### **Persyaratan**" or a bare "Persyaratan" line) followed by a numbered list
 * ("1. ...", or the doubled "1. 1. ...") or a paragraph.
 */
import type { RawStandard } from './draft';
import { leadingNumber } from './lists';
import { classifyLabel, cleanLabel, SECTION_NAMES, type SectionKey } from './sections';

const HEADING_STARTS =
  /^(persyaratan|sistem|mekanisme|prosedur|jangka|waktu|biaya|tarif|produk|penanganan|pengaduan|dasar hukum|sarana|kompetensi|pengawasan|jumlah|jaminan|evaluasi)\b/i;

/** Markdown to plain text for one line: links, autolinks, emphasis, heading marks. */
export function cleanMarkdownLine(line: string): string {
  return line
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/!?\[([^\]]*)\]\(([^)\s]*)\)/g, (_, text: string, url: string) => text || url)
    .replace(/<((?:https?|mailto):[^>\s]+)>/gi, (_, url: string) => url.replace(/^mailto:/i, ''))
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/^\s*(\*\*|__)|(\*\*|__)\s*$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const DECREE_RE = /^(?:no\.?|nomor)\s*(?:sk|keputusan)\s*:?\s*(.*)$/i;

/** True when a line is a component heading (a markdown heading, or a bare component name). */
function headingKey(raw: string, line: string): SectionKey | 'header' | null | undefined {
  const markdown = /^\s*#{1,6}\s/.test(raw);
  if (markdown) return classifyLabel(line);
  if (leadingNumber(line) !== null || line.length > 60 || /[.;]$/.test(line)) return undefined;
  if (!HEADING_STARTS.test(cleanLabel(line))) return undefined;
  const key = classifyLabel(line);
  return key === null ? undefined : key;
}

export function readPlain(text: string): RawStandard {
  const raw: RawStandard = {
    kind: 'standar-pelayanan',
    name: null,
    decree: null,
    sections: {},
    warnings: [],
  };
  let current: SectionKey | null = null;
  let unknown: { label: string; lines: number } | null = null;
  const closeUnknown = () => {
    if (unknown) {
      raw.warnings.push(
        `Bagian "${unknown.label}"${unknown.lines ? ` (${unknown.lines} baris)` : ''} tidak dikenali sebagai komponen standar; tidak dipetakan.`,
      );
    }
    unknown = null;
  };
  for (const source of text.split('\n')) {
    const line = cleanMarkdownLine(source);
    if (!line) continue;
    const decree = DECREE_RE.exec(line);
    if (decree) {
      raw.decree = decree[1].trim() || null;
      continue;
    }
    const key = headingKey(source, line);
    if (key !== undefined) {
      if (key === null || key === 'header' || key === 'name' || key === 'decree') {
        if (raw.name === null && current === null && !unknown) {
          raw.name = line;
          continue;
        }
        closeUnknown();
        current = null;
        unknown = { label: line, lines: 0 };
        continue;
      }
      closeUnknown();
      if (raw.sections[key])
        raw.warnings.push(
          `Bagian "${SECTION_NAMES[key]}" muncul lebih dari sekali; isinya digabung.`,
        );
      current = key;
      raw.sections[key] ??= [];
      continue;
    }
    if (unknown) {
      (unknown as { lines: number }).lines++;
      continue;
    }
    if (current === null) {
      if (raw.name === null) raw.name = line;
      else
        raw.warnings.push(
          `Baris "${line.length > 60 ? line.slice(0, 57) + '...' : line}" sebelum bagian pertama tidak dipetakan.`,
        );
      continue;
    }
    const lines = raw.sections[current]!;
    // A wrapped line of a numbered item continues that item.
    const listy = current === 'steps' || current === 'requirements';
    if (
      listy &&
      leadingNumber(line) === null &&
      lines.length > 0 &&
      leadingNumber(lines[lines.length - 1]) !== null
    ) {
      lines[lines.length - 1] += ` ${line}`;
    } else lines.push(line);
  }
  closeUnknown();
  return raw;
}
