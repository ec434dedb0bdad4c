/**
 * Who does a step, read from its text: the subject before the first verb ("Kepala Seksi ...,
 * Pranata Komputer dan Tim Teknis Bidang Aptika mengundang ..."), the agent of a passive
 * ("diusulkan oleh perangkat Daerah"), or the first position named. Names come back as written;
 * `mapToPositions` turns them into position codes of an office's table.
 */
import type { OfficeDefinition } from '../model';

/** Words a position name starts with. */
const POSITION_HEADS = new Set([
  'kepala',
  'ka',
  'kadis',
  'kabid',
  'kasi',
  'kasie',
  'kasubbag',
  'kasubag',
  'kabag',
  'sekretaris',
  'sekretariat',
  'tim',
  'pranata',
  'pejabat',
  'opd',
  'pd',
  'perangkat',
  'dinas',
  'bidang',
  'seksi',
  'staf',
  'petugas',
  'operator',
  'admin',
  'administrator',
  'helpdesk',
  'pemohon',
  'peminjam',
  'sandiman',
  'teknisi',
  'programmer',
  'verifikator',
  'penelaah',
  'pengusul',
  'pelapor',
  'pengguna',
  'pegawai',
  'analis',
  'pengelola',
  'pimpinan',
]);

/** me-/ber- words that are not verbs of a subject. */
const NOT_VERBS = new Set([
  'melalui',
  'mengenai',
  'menurut',
  'menuju',
  'merupakan',
  'meliputi',
  'bersama',
  'beserta',
  'berdasarkan',
  'terhadap',
  'terkait',
  'tersebut',
  // nouns that look like me-/ber- verbs
  'berkas',
  'berita',
  'bentuk',
  'berat',
  'berupa',
  'bersangkutan',
  'menara',
  'media',
  'meja',
  'merek',
  'metode',
  'menu',
  'mesin',
  'menteri',
  'mekanisme',
  'memori',
  'meter',
]);
const STOPS = new Set([
  'melalui',
  'untuk',
  'kepada',
  'ke',
  'dari',
  'yang',
  'dengan',
  'agar',
  'sebagai',
  'di',
  'pada',
  'terhadap',
  'oleh',
  'sesuai',
  'atas',
  'bagi',
]);

function bare(word: string): string {
  return word.toLowerCase().replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
}

export function isVerb(word: string): boolean {
  const w = bare(word);
  if (NOT_VERBS.has(w)) return false;
  return /^(me|ber)[a-z]{3,}$/.test(w) || /^(di|ter)[a-z]{3,}(kan|i)$/.test(w);
}

export function isHead(word: string): boolean {
  return POSITION_HEADS.has(bare(word).replace(/\.$/, ''));
}

/** Splits "A, B dan C" where B and C begin a new position name; keeps "Aplikasi dan Informatika". */
export function splitNames(subject: string): string[] {
  const words = subject.split(/\s+/).filter(Boolean);
  const names: string[][] = [[]];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const lower = bare(w);
    if (
      (lower === 'dan' || lower === 'serta' || lower === 'atau') &&
      words[i + 1] &&
      isHead(words[i + 1])
    ) {
      names.push([]);
      continue;
    }
    const current = names[names.length - 1];
    if (w.endsWith(',') && words[i + 1] && isHead(words[i + 1])) {
      current.push(w.slice(0, -1));
      names.push([]);
      continue;
    }
    current.push(w);
  }
  return names
    .map((n) =>
      n
        .join(' ')
        .replace(/[,;:.]+$/, '')
        .trim(),
    )
    .filter((n) => n !== '');
}

export interface ExecutorReading {
  names: string[];
  /** How the names were found: the subject, a passive agent, a first mention, or nothing. */
  how: 'subject' | 'agent' | 'mention' | 'none';
}

/** Reads the executors of a step from its text. */
export function readExecutors(text: string): ExecutorReading {
  // 0. A position named in brackets at the end: "Memeriksa berkas (Petugas Loket)".
  const tail = /\(([^()]{2,80})\)\s*[.;]?\s*$/.exec(text);
  if (tail) {
    const inner = tail[1].trim();
    const first = inner.split(/\s+/)[0] ?? '';
    if (isHead(first) && !inner.split(/\s+/).some(isVerb)) {
      return { names: splitNames(inner), how: 'subject' };
    }
  }
  const words = text.split(/\s+/).filter(Boolean);
  // 1. Subject: words before the first verb, starting with a position name.
  let start = 0;
  for (let i = 0; i < words.length && i < 40; i++) {
    const w = bare(words[i]);
    if (w === 'dalam' && bare(words[i + 1] ?? '') === 'hal' && bare(words[i + 2] ?? '') === 'ini') {
      start = i + 3; // "Pejabat Bidang ... dalam hal ini Kabid ... dan Kasi ..."
      i += 2;
      continue;
    }
    const verb = isVerb(words[i]);
    if (verb || STOPS.has(w)) {
      const subject = words.slice(start, i);
      if (subject.length > 0 && isHead(subject[0]) && (verb || STOPS.has(w))) {
        return { names: splitNames(subject.join(' ')), how: 'subject' };
      }
      break;
    }
  }
  // 2. Passive agent: "diusulkan oleh perangkat Daerah mengusul".
  const oleh = words.findIndex((w) => bare(w) === 'oleh');
  if (oleh >= 0) {
    const agent: string[] = [];
    for (let i = oleh + 1; i < words.length; i++) {
      if (isVerb(words[i]) || STOPS.has(bare(words[i]))) break;
      agent.push(words[i]);
      if (/[,.;]$/.test(words[i])) break;
    }
    if (agent.length > 0) return { names: splitNames(agent.join(' ')), how: 'agent' };
  }
  // 3. First position named that is not a recipient ("Disposisi Kadis ke Kepala Bidang ...").
  for (let i = 0; i < words.length; i++) {
    // Only a written name ("Kadis", "Kepala Bidang"): "data pemohon" is an object, not an actor.
    if (!isHead(words[i]) || !/^[A-Z]/.test(words[i])) continue;
    const before = bare(words[i - 1] ?? '');
    const name = [words[i]];
    for (let k = i + 1; k < words.length; k++) {
      const w = words[k];
      if (!/^[A-Z(/]/.test(w) || STOPS.has(bare(w)) || isVerb(w)) break;
      name.push(w);
    }
    if (['ke', 'kepada', 'dari', 'bagi', 'untuk', 'dengan', 'terhadap', 'pada'].includes(before)) {
      i += name.length - 1; // a recipient, not the one who acts
      continue;
    }
    return { names: [name.join(' ').replace(/[,;:.]+$/, '')], how: 'mention' };
  }
  return { names: [], how: 'none' };
}

/** Short forms of "Kepala ..." that texts and position tables mix ("Kadis", "KA. DINAS", "Kasi"). */
const SHORT_FORMS: [RegExp, string][] = [
  [/\bkadis\b/g, 'kepala dinas'],
  [/\bkabid\b/g, 'kepala bidang'],
  [/\bkasie?\b/g, 'kepala seksi'],
  [/\bkasub+ag\b/g, 'kepala sub bagian'],
  [/\bkasubbid\b/g, 'kepala sub bidang'],
  [/\bkabag\b/g, 'kepala bagian'],
  [/\bsubbagian\b/g, 'sub bagian'],
  [/\bka\b/g, 'kepala'],
];

function normalize(s: string): string {
  let out = s
    .toLowerCase()
    .replace(/[^a-z0-9/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (const [re, full] of SHORT_FORMS) out = out.replace(re, full);
  return ` ${out} `;
}

export interface PositionMatch {
  codes: string[];
  unmatched: string[];
}

/**
 * Maps names as written to position codes, using each position's name and aliases. A name that
 * holds several positions ("Pranata Komputer dan Teknis Bidang Aptika") gives each of them.
 */
export function mapToPositions(names: string[], office: OfficeDefinition): PositionMatch {
  const candidates = office.positions
    .flatMap((p) =>
      [p.name, p.code, ...(p.aliases ?? [])].map((a) => ({ code: p.code, key: normalize(a) })),
    )
    .filter((c) => c.key.trim() !== '')
    .sort((a, b) => b.key.length - a.key.length);
  const codes: string[] = [];
  const unmatched: string[] = [];
  for (const name of names) {
    let rest = normalize(name);
    const exact = candidates.find((c) => c.key === rest);
    if (exact) {
      if (!codes.includes(exact.code)) codes.push(exact.code);
      continue;
    }
    const found: { at: number; code: string }[] = [];
    for (const c of candidates) {
      const at = rest.indexOf(c.key);
      if (at < 0) continue;
      found.push({ at, code: c.code });
      rest = rest.slice(0, at) + ' '.repeat(c.key.length - 1) + rest.slice(at + c.key.length - 1);
    }
    if (found.length === 0) {
      unmatched.push(name);
      continue;
    }
    for (const f of found.sort((a, b) => a.at - b.at))
      if (!codes.includes(f.code)) codes.push(f.code);
  }
  return { codes, unmatched };
}
