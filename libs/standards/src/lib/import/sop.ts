/**
 * The SOP form (Permenpan RB 35/2012), tab-separated as offices paste it: a header block
 * ("NOMOR SOP : ...", paired columns "DASAR HUKUM : | KUALIFIKASI PELAKSANA :" with their values on
 * the next line), a title, then the table: No | KEGIATAN | one column per executor | MUTU BAKU
 * (kelengkapan, waktu, output, and in some forms biaya) | KETERANGAN.
 */
import type { SopHeader } from '../model';
import type { RawStandard, RawStep } from './draft';
import { isHead } from './executors';
import { readTitle } from './title';
import { htmlToText } from './html-text';
import { listItems } from './lists';
import { cleanMarkdownLine } from './markdown';

type HeaderField =
  | 'number'
  | 'madeOn'
  | 'revisedOn'
  | 'effectiveOn'
  | 'approvedBy'
  | 'name'
  | 'legalBasis'
  | 'executorQualifications'
  | 'relatedSops'
  | 'equipment'
  | 'warnings'
  | 'recordKeeping';

const HEADER_LABELS: [RegExp, HeaderField][] = [
  [/^nomor sop$|^no\.? sop$/, 'number'],
  [/^tgl\.? pembuatan$|^tanggal pembuatan$/, 'madeOn'],
  [/^tgl\.? revisi$|^tanggal revisi$/, 'revisedOn'],
  [/^tgl\.? efektif$|^tanggal efektif$/, 'effectiveOn'],
  [/^disahkan oleh$/, 'approvedBy'],
  [/^nama sop$/, 'name'],
  [/^dasar hukum$/, 'legalBasis'],
  [/^kualifikasi pelaksana$/, 'executorQualifications'],
  [/^keterkaitan$/, 'relatedSops'],
  [/^peralatan\s*\/?\s*perlengkapan$/, 'equipment'],
  [/^peringatan$/, 'warnings'],
  [/^pencatatan dan pendataan$/, 'recordKeeping'],
];

function headerField(cell: string): HeaderField | null {
  const l = cell.replace(/[*:]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
  for (const [re, field] of HEADER_LABELS) if (re.test(l)) return field;
  return null;
}

/** True when the text looks like an SOP (header block or executor matrix). */
export function looksLikeSop(text: string): boolean {
  if (/NOMOR SOP|NAMA SOP/i.test(text) || (/\bPELAKSANA\b/.test(text) && /MUTU BAKU/i.test(text)))
    return true;
  const lines = text.split('\n');
  return lines.some((l, k) => isStepHeader(l.split('\t'), (lines[k + 1] ?? '').split('\t')));
}

const ACTIVITY = /^(?:uraian\s+)?(?:kegiatan|aktivitas|prosedur|langkah(?:\s+kegiatan)?)$/i;
const MATRIX = /PELAKSANA|MUTU\s*BAKU|WAKTU|OUT\s*PUT|KELUARAN|KELENGKAPAN/i;

/**
 * True when a row heads the SOP's step table: it has an activity column ("KEGIATAN", "Uraian
 * Kegiatan") and, on it or the row below, executor or mutu baku columns.
 */
export function isStepHeader(cells: string[], next: string[] = []): boolean {
  if (cells.length <= 3) return false;
  // A numbered row is a step or a component ("3 | Prosedur | ..."), never the head.
  if (/^\d/.test(cells[0]?.trim() ?? '')) return false;
  if (!cells.some((c) => ACTIVITY.test(c.replace(/\s+/g, ' ').trim()))) return false;
  const subHead = !/^\d/.test(next[0]?.trim() ?? '');
  if (cells.some((c) => MATRIX.test(c)) || (subHead && next.some((c) => MATRIX.test(c))))
    return true;
  // No "PELAKSANA" or mutu baku head: two or more columns named after positions will do.
  const positions = (row: string[]) =>
    row.filter((c) => c.trim() && isHead(c.trim().split(/\s+/)[0])).length;
  return positions(cells) >= 2 || (subHead && positions(next) >= 2);
}

/** True when table rows (pipes, HTML) carry an SOP step table. */
export function isSopGrid(rows: string[][]): boolean {
  return rows.some((r, k) => isStepHeader(r, rows[k + 1] ?? []));
}

/** Table rows as the tab-separated lines `readSop` reads; line breaks in a cell become <br>. */
export function gridToTabText(outside: string[], rows: string[][]): string {
  return [
    ...outside,
    ...rows.map((r) => r.map((c) => c.replace(/\t/g, ' ').replace(/\n/g, '<br>')).join('\t')),
  ].join('\n');
}

function cellLines(cell: string): string[] {
  return htmlToText(cell).split('\n').filter(Boolean);
}

const ROLE_NAMES = { inputs: 'kelengkapan', time: 'waktu', output: 'output', cost: 'biaya' };

const MARK = /^(√|✓|✔|v|V|x|X|\*|o|O|●|•|ya|Y)$/;

export function readSop(text: string): RawStandard {
  const raw: RawStandard = {
    kind: 'sop',
    name: null,
    decree: null,
    sections: {},
    warnings: [],
    steps: [],
  };
  const values: Partial<Record<HeaderField, string[]>> = {};
  const issuedBy: string[] = [];
  const title: string[] = [];
  const lines = text.split('\n');
  let pending: (HeaderField | null)[] | null = null;
  let i = 0;
  let seenHeader = false;

  for (; i < lines.length; i++) {
    const line = lines[i];
    const cells = line.split('\t');
    if (isStepHeader(cells, (lines[i + 1] ?? '').split('\t'))) break;
    if (!line.trim()) {
      pending = null; // values of paired columns sit right under their labels
      continue;
    }
    const fields = cells.map((c) => (c.trim() ? headerField(c) : null));
    const labelled = cells.filter((c) => c.trim() !== '');
    if (labelled.length > 1 && labelled.every((c) => headerField(c) !== null)) {
      pending = fields; // "DASAR HUKUM :<tab>KUALIFIKASI PELAKSANA :" - values follow
      seenHeader = true;
      continue;
    }
    const own = fields[0] ?? headerField(cells[0].split(':')[0]);
    if (own) {
      seenHeader = true;
      pending = null;
      const rest =
        cells.length > 1 ? cells.slice(1).join(' ') : cells[0].slice(cells[0].indexOf(':') + 1);
      values[own] = cellLines(rest.replace(/^\s*:\s*/, ''));
      continue;
    }
    if (pending) {
      cells.forEach((c, k) => {
        const field = pending?.[k];
        if (field && c.trim()) (values[field] ??= []).push(...cellLines(c));
      });
      continue;
    }
    const plain = cleanMarkdownLine(line);
    if (!seenHeader) issuedBy.push(plain);
    else if (plain) title.push(plain);
  }

  const list = (f: HeaderField) => listItems(values[f] ?? []);
  const one = (f: HeaderField) => (values[f] ?? []).join(' ').trim() || null;
  const sop: SopHeader = {
    number: one('number'),
    madeOn: one('madeOn'),
    revisedOn: one('revisedOn'),
    effectiveOn: one('effectiveOn'),
    approvedBy: one('approvedBy'),
    name: one('name'),
    executorQualifications: list('executorQualifications'),
    relatedSops: list('relatedSops'),
    equipment: list('equipment'),
    warnings: list('warnings'),
    recordKeeping: list('recordKeeping'),
    title: title.join(' ').replace(/\s+/g, ' ').trim() || null,
    issuedBy,
  };
  raw.sop = sop;
  raw.name = sop.name ?? readTitle([...issuedBy, '', ...title]).name;
  raw.decree = sop.number;
  raw.sections.legalBasis = values.legalBasis ?? [];

  if (i >= lines.length) {
    raw.warnings.push('Tabel langkah SOP (No | KEGIATAN | PELAKSANA | MUTU BAKU) tidak ditemukan.');
    return raw;
  }
  const head = lines[i].split('\t').map((c) => c.trim().toUpperCase());
  // Two header rows ("PELAKSANA" / "MUTU BAKU" above the position and kelengkapan/waktu/output
  // names), or one row that names every column.
  const second = (lines[i + 1] ?? '').split('\t').map((c) => c.trim());
  const twoRows = !/^\d/.test(second[0] ?? '') && second.filter((c) => c !== '').length >= 2;
  const sub = twoRows ? second : lines[i].split('\t').map((c) => c.trim());
  const bodyStart = i + (twoRows ? 2 : 1);
  const body = lines
    .slice(bodyStart)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split('\t'));
  const used = (c: number) =>
    c >= 0 && body.some((r) => /^\d/.test(r[0].trim()) && (r[c] ?? '').trim() !== '');
  const inHead = (re: RegExp) => head.findIndex((c) => re.test(c));
  const inSub = (re: RegExp) => sub.findIndex((c) => re.test(c));
  const colStep = Math.max(1, inHead(/KEGIATAN|URAIAN/));

  // The sub-head row names the executor and mutu baku columns; the top row's spans are often
  // off by a column when pasted, so it only says where the activity and notes are.
  const roles = {
    inputs: inSub(/kelengkapan|persyaratan/i),
    time: inSub(/waktu/i),
    output: inSub(/out\s*put|keluaran|hasil/i),
    cost: inSub(/^(?:biaya|tarif)/i),
  };
  const headMutu = inHead(/MUTU/);
  if (roles.inputs < 0 && roles.time < 0 && roles.output < 0 && headMutu > 0) {
    roles.inputs = headMutu;
    roles.time = headMutu + 1;
    roles.output = headMutu + 2;
    raw.warnings.push(
      'Judul kolom mutu baku tidak ada; kolom dibaca berurutan (kelengkapan, waktu, output).',
    );
  }
  for (const role of ['inputs', 'time', 'output', 'cost'] as const) {
    const c = roles[role];
    // A head shifted one column right: the data sit in the unlabelled column before it.
    if (c > 0 && !used(c) && !sub[c - 1] && used(c - 1)) {
      raw.warnings.push(
        `Judul kolom "${sub[c]}" bergeser satu kolom dari isinya; isi kolom sebelah kirinya dibaca sebagai ${ROLE_NAMES[role]}.`,
      );
      roles[role] = c - 1;
    }
  }
  const mutuStart = Math.min(
    ...[roles.inputs, roles.time, roles.output, roles.cost].filter((c) => c >= 0),
    sub.length,
  );
  const executors: { col: number; name: string }[] = [];
  for (let c = colStep + 1; c < mutuStart; c++)
    if (sub[c] && !/^(pelaksana|mutu baku|keterangan|ket\.?|catatan)$/i.test(sub[c]))
      executors.push({ col: c, name: sub[c] });
  const last = Math.max(roles.inputs, roles.time, roles.output, roles.cost);
  const colNote = !twoRows
    ? inHead(/^KET\.?$|KETERANGAN|CATATAN/)
    : inHead(/^KET\.?$|KETERANGAN|CATATAN/) >= 0
      ? last + 1
      : -1;

  const steps: RawStep[] = [];
  let anyMark = false;
  for (const line of lines.slice(bodyStart)) {
    if (!line.trim()) continue;
    const cells = line.split('\t');
    const no = cells[0].trim();
    if (!/^\d{1,3}\.?$/.test(no)) {
      const extra = cells
        .filter((c) => c.trim())
        .join(' ')
        .trim();
      if (steps.length > 0) steps[steps.length - 1].description += ` ${extra}`;
      else raw.warnings.push(`Baris "${extra.slice(0, 60)}" di tabel SOP tidak dipetakan.`);
      continue;
    }
    const at = (c: number) => (c >= 0 ? (cells[c] ?? '').trim() : '');
    const marked = executors.filter((e) => at(e.col) !== '').map((e) => e.name);
    const odd = executors.filter((e) => at(e.col) !== '' && !MARK.test(at(e.col)));
    for (const e of odd) {
      raw.warnings.push(
        `Langkah ${no.replace('.', '')}: tanda "${at(e.col)}" di kolom ${e.name} dibaca sebagai tanda pelaksana.`,
      );
    }
    if (marked.length > 0) anyMark = true;
    steps.push({
      description: htmlToText(at(colStep)),
      marked,
      time: at(roles.time) || null,
      inputs: listItems(cellLines(at(roles.inputs))),
      output: htmlToText(at(roles.output)) || null,
      ...(roles.cost >= 0 ? { cost: htmlToText(at(roles.cost)) || null } : {}),
      notes: colNote >= 0 ? htmlToText(at(colNote)) || null : null,
    });
  }
  if (!anyMark && steps.length > 0) {
    raw.warnings.push(
      'Tanda pelaksana (√) pada matriks SOP kosong; pelaksana tiap langkah dibaca dari teks langkahnya. Periksa.',
    );
    for (const s of steps) delete s.marked;
  }
  raw.steps = steps;
  return raw;
}
