/**
 * The components of a standard (Permenpan RB 15/2014) and the labels offices give them:
 * "Persyaratan", "Sistem, Mekanisme dan Prosedur", "Jangka Waktu Pelayanan", "Biaya / Tarif",
 * "Produk Pelayanan", "Pengaduan Layanan", "Dasar Hukum", "Sarana dan Prasarana" ...
 */

export type SectionKey =
  | 'requirements'
  | 'steps'
  | 'time'
  | 'cost'
  | 'products'
  | 'complaints'
  | 'legalBasis'
  | 'facilities'
  | 'competencies'
  | 'supervision'
  | 'staffCount'
  | 'serviceGuarantee'
  | 'securityGuarantee'
  | 'performanceEvaluation'
  | 'name'
  | 'decree';

/** Bahasa Indonesia names, for warnings. */
export const SECTION_NAMES: Record<SectionKey, string> = {
  requirements: 'Persyaratan',
  steps: 'Sistem, Mekanisme dan Prosedur',
  time: 'Jangka Waktu Penyelesaian',
  cost: 'Biaya / Tarif',
  products: 'Produk Pelayanan',
  complaints: 'Penanganan Pengaduan',
  legalBasis: 'Dasar Hukum',
  facilities: 'Sarana dan Prasarana',
  competencies: 'Kompetensi Pelaksana',
  supervision: 'Pengawasan Internal',
  staffCount: 'Jumlah Pelaksana',
  serviceGuarantee: 'Jaminan Pelayanan',
  securityGuarantee: 'Jaminan Keamanan dan Keselamatan',
  performanceEvaluation: 'Evaluasi Kinerja Pelaksana',
  name: 'Nama Layanan',
  decree: 'Nomor SK',
};

const RULES: [RegExp, SectionKey | 'header'][] = [
  [
    /^(no|nomor)\.?$|nama komponen|^komponen$|^(keterangan|uraian|uraian komponen)$|komponen standar pelayanan/,
    'header',
  ],
  // Part headings of the two-table form and of a decree's lampiran, and header-block labels.
  [
    /service delivery|manufacturing|^(komponen )?(penyampaian|pengelolaan) pelayanan\b|^komponen (yang|standar)|^(nama )?unit (pelayanan|kerja|layanan)|^(nama )?(instansi|opd|perangkat daerah)$/,
    'header',
  ],
  [/^(no\.?|nomor) ?(sk|keputusan)\b/, 'decree'],
  [/^(nama|jenis) (layanan|pelayanan)$/, 'name'],
  [/(penyelesaian|penanganan) pengaduan/, 'complaints'],
  [/persyaratan/, 'requirements'],
  [/sistem|mekanisme|prosedur|alur pelayanan/, 'steps'],
  [/jangka waktu|waktu penyelesaian|waktu pelayanan|^waktu$|service time/, 'time'],
  [/biaya|tarif/, 'cost'],
  [/produk/, 'products'],
  [/pengaduan|saran dan masukan/, 'complaints'],
  [/dasar hukum/, 'legalBasis'],
  [/sarana|prasarana|fasilitas/, 'facilities'],
  [/kompetensi/, 'competencies'],
  [/pengawasan/, 'supervision'],
  [/jumlah (pelaksana|petugas|personil)/, 'staffCount'],
  [/jaminan keamanan|keselamatan/, 'securityGuarantee'],
  [/jaminan (pelayanan|layanan)/, 'serviceGuarantee'],
  [/evaluasi kinerja/, 'performanceEvaluation'],
];

/** Cleans a label: markdown emphasis, numbering ("1.", "A.", "C."), trailing colon. */
export function cleanLabel(label: string): string {
  return label
    .replace(/[*_#`]+/g, ' ')
    .replace(/^\s*(?:[A-Za-z]|\d{1,2})[.)]?\s+(?=\S)/, '')
    .replace(/[\s:]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Which component a label names; 'header' for table heads; null when it names none. */
export function classifyLabel(label: string): SectionKey | 'header' | null {
  const l = cleanLabel(label).toLowerCase();
  if (!l || l.length > 160) return null;
  for (const [re, key] of RULES) if (re.test(l)) return key;
  return null;
}

/** Words the component labels are made of ("Jangka Waktu Penyelesaian", "Biaya / Tarif" ...). */
export const LABEL_WORD_SET: ReadonlySet<string> = new Set(
  (
    'persyaratan pelayanan layanan sistem mekanisme dan prosedur alur jangka waktu penyelesaian ' +
    'biaya tarif produk penanganan pengaduan saran masukan apresiasi dasar hukum sarana prasarana ' +
    'fasilitas atau kompetensi pelaksana pengawasan internal jumlah jaminan keamanan keselamatan ' +
    'evaluasi kinerja standar komponen administrasi teknis umum proses informasi nama jenis ' +
    'dan/atau personil petugas penyampaian pengelolaan penyelesaian'
  ).split(' '),
);

/**
 * True when a line is only a component label ("1. Persyaratan", "Biaya/Tarif:", "Sistem,
 * Mekanisme dan Prosedur"), not an item that happens to name one ("Persyaratan diperiksa oleh
 * petugas").
 */
export function isComponentHeading(line: string): boolean {
  const key = classifyLabel(line);
  if (key === null || key === 'header') return false;
  const words = cleanLabel(line)
    .toLowerCase()
    .replace(/[(),/:;-]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0 || words.length > 10) return false;
  const known = words.filter((w) => LABEL_WORD_SET.has(w)).length;
  return known / words.length >= 0.75;
}

/**
 * True when a component starts a second standard: the requirements or the procedure again,
 * after the first standard's requirements, procedure and time, cost or product.
 */
export function startsAnotherStandard(
  key: SectionKey,
  seen: Partial<Record<SectionKey, unknown>>,
): boolean {
  if (key !== 'requirements' && key !== 'steps') return false;
  return (
    seen.requirements !== undefined &&
    seen.steps !== undefined &&
    (seen.time !== undefined || seen.cost !== undefined || seen.products !== undefined)
  );
}

export const ANOTHER_STANDARD =
  'Teks memuat lebih dari satu standar pelayanan; hanya standar pertama yang dibaca. Tempel standar lainnya secara terpisah.';
