/**
 * A standard copied without its section labels. SIPPN, the national public-service portal,
 * shows each component as a tab, so the copied text is a title, then the components in order
 * (requirements, procedure, time, cost, product, complaints ...) as lists and lines with nothing
 * saying which is which. Each block is recognised by what it holds: documents, actions, a
 * duration, a cost, a short product name, complaint channels, legal instruments. Blocks that
 * hold rules or position names, or nothing recognisable, are named in a warning and not mapped.
 */
import { readDuration } from '../duration/duration';
import { channelsOfPiece } from './channels';
import type { RawStandard } from './draft';
import { isHead, isVerb } from './executors';
import { hasMarker, leadingLetter, leadingNumber, listItems } from './lists';
import { cleanMarkdownLine } from './markdown';
import type { SectionKey } from './sections';
import { readTitle } from './title';

interface Block {
  list: boolean;
  lines: string[];
}

type Kind =
  | 'documents'
  | 'actions'
  | 'rules'
  | 'positions'
  | 'legal'
  | 'channels'
  | 'time'
  | 'timeProse'
  | 'cost'
  | 'complaintLead'
  | 'complaintTimeLead'
  | 'short'
  | 'unknown';

const DOCUMENT_START =
  /^(?:surat|formulir|form|blangko|fotokopi|foto\s?copy|copy|salinan|scan|pindaian|identitas|ktp|kartu|dokumen|berkas|proposal|kak\b|kerangka acuan|data\b|daftar|nota|akta|sk\b|keputusan|rekomendasi|laporan|file|materi|video|konten|izin|bukti|npwp|pas foto|nomor|no\.|alamat|akun|kuitansi|spesifikasi|desain|rancangan|hasil|lembar|fc\.?|gambar|peta|denah|sertifikat|lampiran|contoh|draf|draft|rekaman|berita acara|tangkapan layar|screenshot)\b/i;
const RULE =
  /\b(?:harus|wajib|tidak boleh|dilarang|sepenuhnya|menjadi (?:tanggung jawab|wewenang))\b/i;
const FREE =
  /gratis|cuma-cuma|tidak dipungut|tidak dikenakan|tidak ada (?:biaya|pungutan|tarif)|tanpa (?:biaya|pungutan|dipungut)|tidak berbayar|bebas biaya|nihil|nol rupiah|\brp\.?\s*0*\s*,?-|\brp\.?\s*\d|rupiah|\bbiaya\b|\btarif\b/i;
const TIME_WORDS = /\b(?:menit|jam|hari|minggu|pekan|bulan)\b/i;
const COMPLAINT = /pengaduan|lapor!|sp4n|span lapor|keluhan/i;
const NOT_VERBS = new Set([
  'dinas',
  'digital',
  'diri',
  'dia',
  'dimana',
  'diskominfo',
  'dinkominfo',
]);

/** Where the first verb is among the first words ("Pemohon mengajukan" -> 1), or -1. */
function verbAt(item: string): number {
  if (/^selesai\b/i.test(item)) return 0;
  const words = item.split(/\s+/).slice(0, 5);
  return words.findIndex((w) => {
    const bare = w.toLowerCase().replace(/[^a-z-]/g, '');
    if (isVerb(bare)) return true;
    return w === w.toLowerCase() && /^di[a-z]{3,}$/.test(bare) && !NOT_VERBS.has(bare);
  });
}

/** A verb among the first words ("Pemohon mengajukan", "Permintaan dikaji oleh ..."). */
function actsEarly(item: string): boolean {
  return verbAt(item) >= 0;
}

const LEGAL_START =
  /^(?:undang|uu\b|peraturan|perpres|permen|perda\b|perbup|perwal|perwako|pergub|keputusan|kepmen|keppres|kepres|instruksi|inpres|surat edaran)/i;

/**
 * A complaint channel, not just a line that starts like one ("Surat Rekomendasi" is a product):
 * it gives an address, a number or SP4N-LAPOR!, or speaks of complaints or of coming in person.
 */
function isChannel(text: string): boolean {
  const channels = channelsOfPiece(text);
  if (!channels) return false;
  return (
    channels.some((c) => c.kind !== 'letter' && c.kind !== 'other') ||
    /pengaduan|aduan|kotak saran|tatap muka|langsung/i.test(text) ||
    channels.some((c) =>
      /^(?:WhatsApp|Telegram|Instagram|Facebook|Twitter|YouTube|TikTok|SMS):/.test(c.value),
    )
  );
}

function itemKind(item: string): Kind {
  if (RULE.test(item)) return 'rules';
  if (LEGAL_START.test(item)) return 'legal';
  const acts = actsEarly(item);
  // "Surat permohonan yang ditandatangani ..." names a document; "Berkas diperiksa ..." acts.
  const at = verbAt(item);
  if (DOCUMENT_START.test(item) && (at < 0 || at >= 2)) return 'documents';
  if (isChannel(item)) return 'channels';
  if (acts) return 'actions';
  const first = item.split(/\s+/)[0] ?? '';
  if (isHead(first) || /^(?:technical|tenaga|jabatan)\b/i.test(item)) return 'positions';
  if (DOCUMENT_START.test(item)) return 'documents';
  return 'unknown';
}

function listKind(items: string[]): Kind {
  const counts = new Map<Kind, number>();
  for (const i of items) counts.set(itemKind(i), (counts.get(itemKind(i)) ?? 0) + 1);
  let best: Kind = 'unknown';
  let n = 0;
  for (const [k, c] of counts) {
    if (k !== 'unknown' && c > n) {
      best = k;
      n = c;
    }
  }
  return n * 2 >= items.length ? best : 'unknown';
}

function textKind(text: string): Kind {
  const words = text.split(/\s+/).length;
  if (COMPLAINT.test(text) && /\bwaktu\b|\bjangka\b/i.test(text) && /:\s*$/.test(text))
    return 'complaintTimeLead';
  if (COMPLAINT.test(text)) return /:\s*$/.test(text) ? 'complaintLead' : 'channels';
  const d = readDuration(text);
  if (d.ok) return 'time';
  if (FREE.test(text) && words <= 12) return 'cost';
  if (TIME_WORDS.test(text) && (/\d/.test(text) || /waktu|lama|singkat|cepat/i.test(text)))
    return 'timeProse';
  if (isChannel(text)) return 'channels';
  if (words <= 10 && !actsEarly(text) && !/[.;:]$/.test(text)) return 'short';
  return 'unknown';
}

/** Splits the text into blocks: lists (a new one where numbering restarts) and single lines. */
function blocksOf(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  let lastStyle: 'number' | 'letter' | 'bullet' | null = null;
  for (const source of lines) {
    const line = cleanMarkdownLine(source);
    if (!line) {
      current = null;
      continue;
    }
    if (hasMarker(line)) {
      const n = leadingNumber(line);
      const style = n !== null ? 'number' : leadingLetter(line) !== null ? 'letter' : 'bullet';
      const restart = (n === 1 || leadingLetter(line) === 'a') && current?.list;
      if (!current || !current.list || restart || style !== lastStyle) {
        current = { list: true, lines: [] };
        blocks.push(current);
      }
      lastStyle = style;
      current.lines.push(line);
      continue;
    }
    // A wrapped line continues the block above; any other line stands alone.
    if (
      current &&
      /^[a-z(]/.test(line) &&
      !/[.:;!?]$/.test(current.lines[current.lines.length - 1])
    ) {
      current.lines[current.lines.length - 1] += ` ${line}`;
      continue;
    }
    // Lines one under another with no empty line between them stay together for now.
    if (current && !current.list) {
      current.lines.push(line);
      continue;
    }
    current = { list: false, lines: [line] };
    lastStyle = null;
    blocks.push(current);
  }
  // Such a run is a list without markers when every line holds the same kind of thing
  // ("Surat permohonan" / "Kartu pegawai"); otherwise each line stands alone.
  const LISTABLE: Kind[] = ['documents', 'actions', 'channels', 'legal', 'positions', 'rules'];
  return blocks.flatMap((b) => {
    if (b.list || b.lines.length < 2) return [b];
    const kinds = b.lines.map(itemKind);
    const known = new Set(kinds.filter((k) => k !== 'unknown'));
    const [only] = [...known];
    const count = kinds.filter((k) => k === only).length;
    if (known.size === 1 && LISTABLE.includes(only) && count * 2 >= kinds.length)
      return [{ list: true, lines: b.lines }];
    return b.lines.map((l) => ({ list: false, lines: [l] }));
  });
}

const NAMES: Partial<Record<SectionKey, string>> = {
  requirements: 'Persyaratan',
  steps: 'Prosedur',
  time: 'Waktu',
  cost: 'Biaya',
  products: 'Produk',
  complaints: 'Pengaduan',
  legalBasis: 'Dasar Hukum',
};

function short(text: string): string {
  return text.length > 50 ? `${text.slice(0, 47)}...` : text;
}

/** Reads a standard that has no section labels, block by block, by content and order. */
export function readUnlabelled(text: string): RawStandard {
  const raw: RawStandard = {
    kind: 'standar-pelayanan',
    name: null,
    decree: null,
    sections: {},
    warnings: [],
  };
  const blocks = blocksOf(text.split('\n'));
  const head: string[] = [];
  // The title, then any "No. SK" line, come before the first list or component.
  const isNumberLine = (b: Block) => !b.list && /^(?:no\.?|nomor)\b/i.test(b.lines[0]);
  const title = blocks[0];
  if (title && !title.list && ['short', 'unknown'].includes(textKind(title.lines[0]))) {
    head.push(...title.lines);
    blocks.shift();
  }
  for (let b = blocks[0]; b && isNumberLine(b); b = blocks[0]) {
    head.push(...b.lines);
    blocks.shift();
  }
  const heading = readTitle(head);
  raw.name = heading.name;
  raw.decree = heading.decree;

  const found: string[] = [];
  const add = (key: SectionKey, lines: string[], label: string) => {
    (raw.sections[key] ??= []).push(...lines);
    found.push(label);
  };
  let seenSteps = false;
  let seenCost = false;
  let seenTime = false;
  let complaintTime = false;
  const complaintNotes: string[] = [];
  const kindOf = (block: Block): { items: string[]; kind: Kind } => {
    const items = block.list ? listItems(block.lines) : block.lines;
    // A one-item list ending in a colon ("a. Pengaduan dapat dilakukan melalui :") leads in.
    const leadIn = items.length === 1 && /:\s*$/.test(items[0]);
    return { items, kind: block.list && !leadIn ? listKind(items) : textKind(items.join(' ')) };
  };
  // The product comes after the cost, when the text has a cost.
  const hasCost = blocks.some((b) => kindOf(b).kind === 'cost');
  for (const block of blocks) {
    const { items } = kindOf(block);
    let { kind } = kindOf(block);
    // Order decides what content cannot: a list before the procedure is the requirements, a
    // line between the procedure and the cost is the time (read, or warned about, as a time).
    if (kind === 'unknown' && block.list && !seenSteps && !raw.sections.requirements)
      kind = 'documents';
    else if (
      (kind === 'short' || kind === 'unknown') &&
      !block.list &&
      seenSteps &&
      !seenTime &&
      !seenCost &&
      hasCost
    )
      kind = 'timeProse';
    const sample = `"${short(items[0] ?? '')}"${items.length > 1 ? ` (${items.length} butir)` : ''}`;
    if (complaintTime && block.list) {
      complaintNotes.push(...items);
      continue;
    }
    complaintTime = false;
    switch (kind) {
      case 'documents':
        if (!raw.sections.requirements && !seenSteps)
          add('requirements', block.lines, `${NAMES.requirements} ${sample}`);
        else if (seenCost && !raw.sections.products)
          add('products', block.lines, `${NAMES.products} ${sample}`);
        else raw.warnings.push(`Daftar tanpa judul ${sample} tidak dipetakan; periksa.`);
        break;
      case 'actions':
        if (!seenSteps) {
          add('steps', block.lines, `${NAMES.steps} ${sample}`);
          seenSteps = true;
        } else raw.warnings.push(`Daftar langkah kedua ${sample} tidak dipetakan; periksa.`);
        break;
      case 'rules':
        raw.warnings.push(
          `Daftar ketentuan ${sample} bukan dokumen persyaratan; tidak dipetakan. Periksa apakah ada dokumen yang diminta di dalamnya.`,
        );
        break;
      case 'positions':
        raw.warnings.push(
          `Daftar jabatan ${sample} tidak dipetakan; pilih pelaksana tiap langkah dari tabel posisi.`,
        );
        break;
      case 'legal':
        add('legalBasis', block.lines, `${NAMES.legalBasis} ${sample}`);
        break;
      case 'time':
      case 'timeProse':
        if (!seenTime) {
          add('time', [items.join(' ')], `${NAMES.time} ${sample}`);
          seenTime = true;
        } else raw.warnings.push(`Baris waktu ${sample} tidak dipetakan.`);
        break;
      case 'cost':
        if (!seenCost) add('cost', items, `${NAMES.cost} ${sample}`);
        else raw.warnings.push(`Baris biaya ${sample} tidak dipetakan.`);
        seenCost = true;
        break;
      case 'short':
        if ((hasCost ? seenCost : seenSteps) && !raw.sections.products)
          add('products', items, `${NAMES.products} ${sample}`);
        else raw.warnings.push(`Baris tanpa judul ${sample} tidak dipetakan; periksa.`);
        break;
      case 'channels':
        add('complaints', block.list ? block.lines : items, `${NAMES.complaints} ${sample}`);
        break;
      case 'complaintLead':
        break; // "Pengaduan dapat dilakukan melalui :" - the list that follows says how
      case 'complaintTimeLead':
        complaintTime = true;
        complaintNotes.push(items.join(' ').replace(/^[a-z][.)]\s*/i, ''));
        break;
      default:
        raw.warnings.push(`Bagian tanpa judul ${sample} tidak dikenali; tidak dipetakan.`);
    }
  }
  if (complaintNotes.length > 0) {
    const [lead, ...tiers] = complaintNotes;
    raw.complaintNote = `${lead.replace(/\s*:\s*$/, '')}: ${listItems(tiers).join('; ')}`.trim();
  }
  if (found.length > 0) {
    raw.warnings.unshift(
      `Teks tidak memuat judul bagian (seperti salinan SIPPN); bagian dikenali dari isi dan urutannya: ${found.join('; ')}. Periksa.`,
    );
  }
  return raw;
}
