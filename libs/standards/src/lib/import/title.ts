/**
 * The lines above a standard: the service's name, and around it the header block offices put
 * there ("Nama Unit Pelayanan : Bidang ...", "Jenis Pelayanan : ...", a decree's "LAMPIRAN /
 * KEPUTUSAN ... / NOMOR : ... / TENTANG ...", the issuing government and office). The name comes
 * from a "Jenis Pelayanan" / "Nama Layanan" label, or else from the title lines that are not part
 * of that block; never from the whole block.
 */
import { classifyLabel } from './sections';

export interface TitleReading {
  name: string | null;
  decree: string | null;
}

/** Lines of a header block that never name the service. */
const BOILERPLATE =
  /^(?:lampiran\b|salinan\b|keputusan\b|peraturan\b|surat keputusan\b|tentang\b|tanggal\b|tgl\.?\b|ditetapkan\b|pemerintah\b|dinas\b|badan\b|kantor\b|sekretariat\b|bidang\b|unit\b|uptd\b|provinsi\b|kabupaten\b|kota\b|kepala\b|nip\b|jl\.|jalan\b|telp|website\b|e-?mail\b|standar pelayanan(?: publik)?$|maklumat\b)/i;

const TABLE_HEAD_WORDS = new Set([
  'no',
  'nomor',
  'komponen',
  'uraian',
  'keterangan',
  'isi',
  'deskripsi',
  'standar',
  'pelayanan',
  'kegiatan',
]);

const NUMBER_LINE = /^(?:no\.?|nomor)\s*(?:sk|keputusan|surat keputusan)?\s*:?\s*(\S.*)$/i;

/** "STANDAR PELAYANAN PENERBITAN SERTIFIKAT" -> "PENERBITAN SERTIFIKAT". */
export function withoutStandardPrefix(name: string): string {
  const sop =
    /^(?:standar(?:d)?\s+operasional\s+prosedur(?:\s*\(sop\))?|sop)\s*[:\-–]?\s*(.{3,})$/i.exec(
      name.trim(),
    );
  if (sop) return sop[1].trim();
  const m =
    /^standar\s+pelayanan(?:\s+publik)?\s*(?:[:\-–]\s*)?(?:pada\s+|untuk\s+)?(.{3,})$/i.exec(
      name.trim(),
    );
  return m ? m[1].trim() : name.trim();
}

/** The opening of a decree's body: its considerations and what it decides. */
const PREAMBLE =
  /^(?:menimbang|mengingat|memperhatikan|memutuskan|menetapkan|kesatu|kedua|ketiga|keempat|kelima|dengan rahmat)\b/i;

/**
 * Reads the name and decree number out of the lines above a standard. Empty lines separate
 * groups; the name is the last group of title lines (the one right above the components), so a
 * decree's heading and its considerations never become part of it.
 */
export function readTitle(lines: string[]): TitleReading {
  let labelled: string | null = null;
  let decree: string | null = null;
  const groups: string[][] = [[]];
  const breakGroup = () => {
    if (groups[groups.length - 1].length > 0) groups.push([]);
  };
  let inDecree = false;
  let inPreamble = false;
  for (const raw of lines) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (!line) {
      breakGroup();
      continue;
    }
    if (PREAMBLE.test(line)) inPreamble = true;
    if (/^(?:lampiran|standar pelayanan)\b/i.test(line)) inPreamble = false;
    if (inPreamble) {
      breakGroup();
      continue;
    }
    const colon = /^([^:]{2,60}?)\s*:\s*(.*)$/.exec(line);
    if (colon && !/^https?$/i.test(colon[1])) {
      const key = classifyLabel(colon[1]);
      if (key === 'name' && colon[2]) labelled ??= colon[2].trim();
      else if (key === 'decree' || /^(?:no\.?|nomor)$/i.test(colon[1].trim())) {
        if (colon[2] && (key === 'decree' || inDecree)) decree ??= colon[2].trim();
      }
      // Other labelled lines of a header block ("Nama Unit Pelayanan : ...") are not the name.
      breakGroup();
      continue;
    }
    if (/^(?:lampiran|keputusan|peraturan|surat keputusan)\b/i.test(line)) inDecree = true;
    const number = NUMBER_LINE.exec(line);
    if (number && inDecree) {
      decree ??= number[1].trim();
      breakGroup();
      continue;
    }
    const skip =
      BOILERPLATE.test(line) ||
      // A table's head row ("NO KOMPONEN URAIAN") above the components.
      line.split(/\s+/).every((w) => TABLE_HEAD_WORDS.has(w.toLowerCase().replace(/[.:]$/, ''))) ||
      // "A. PENYAMPAIAN PELAYANAN (SERVICE DELIVERY)"
      classifyLabel(line) === 'header' ||
      // Prose, not a title.
      line.length > 150 ||
      line.split(' ').length > 20 ||
      /[.;:,]$/.test(line) ||
      /^bahwa\b/i.test(line);
    if (skip) {
      breakGroup();
      continue;
    }
    groups[groups.length - 1].push(line.replace(/^\d{1,2}[.)]\s+(?=\S)/, ''));
  }
  const titled = groups.filter((g) => g.length > 0);
  const fromTitle = (titled[titled.length - 1] ?? []).join(' ').trim();
  const name = labelled ?? (fromTitle ? withoutStandardPrefix(fromTitle) : null);
  return { name: name || null, decree };
}
