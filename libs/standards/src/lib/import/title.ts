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
  const m =
    /^standar\s+pelayanan(?:\s+publik)?\s*(?:[:\-–]\s*)?(?:pada\s+|untuk\s+)?(.{3,})$/i.exec(
      name.trim(),
    );
  return m ? m[1].trim() : name.trim();
}

/** Reads the name and decree number out of the lines above a standard. */
export function readTitle(lines: string[]): TitleReading {
  let labelled: string | null = null;
  let decree: string | null = null;
  const title: string[] = [];
  let inDecree = false;
  for (const raw of lines) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (!line) continue;
    const colon = /^([^:]{2,60}?)\s*:\s*(.*)$/.exec(line);
    if (colon && !/^https?$/i.test(colon[1])) {
      const key = classifyLabel(colon[1]);
      if (key === 'name' && colon[2]) {
        labelled ??= colon[2].trim();
        continue;
      }
      if (key === 'decree' || /^(?:no\.?|nomor)$/i.test(colon[1].trim())) {
        if (colon[2] && (key === 'decree' || inDecree)) decree ??= colon[2].trim();
        continue;
      }
      if (key === 'header' || key !== null) continue;
      // Other labelled lines of a header block ("Nama Unit Pelayanan : ...") are not the name.
      continue;
    }
    if (/^(?:lampiran|keputusan|peraturan|surat keputusan)\b/i.test(line)) inDecree = true;
    const number = NUMBER_LINE.exec(line);
    if (number && inDecree) {
      decree ??= number[1].trim();
      continue;
    }
    if (BOILERPLATE.test(line)) continue;
    // A table's head row ("NO KOMPONEN URAIAN") above the components.
    if (line.split(/\s+/).every((w) => TABLE_HEAD_WORDS.has(w.toLowerCase().replace(/[.:]$/, ''))))
      continue;
    if (classifyLabel(line) === 'header') continue; // "A. PENYAMPAIAN PELAYANAN (SERVICE DELIVERY)"
    title.push(line);
  }
  const fromTitle = title.join(' ').trim();
  const name = labelled ?? (fromTitle ? withoutStandardPrefix(fromTitle) : null);
  return { name: name || null, decree };
}
