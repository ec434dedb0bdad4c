/**
 * The Indonesian duration grammar: reads the time standards that service standards publish
 * ("30 (tiga puluh) menit", "1- 2 Jam", "1 s.d 2 bulan", "2x24 jam", "paling lama 3 hari kerja",
 * "Maksimal 2×24 jam sejak berkas permohonan diterima", "14 hari kalender", "2 working days")
 * into a `Duration`, and writes a `Duration` back in canonical Indonesian.
 *
 * Readings (DOMAIN.md):
 * - `hari` is a working day unless written "hari kalender"; `jam` and `menit` count working time.
 * - "NxM jam" with M = 24 is N working days ("2x24 jam" = 2 hari kerja); other M give N*M jam.
 *   A plain "24 jam", "48 jam" (a multiple of 24, no basis written) is read the same way: days.
 *   "24 jam kerja" keeps its hours.
 * - `minggu` (week) and `bulan` (month) are calendar periods unless written "minggu kerja" /
 *   "bulan kerja": a week of the calendar, a month of the calendar. `tahun` is read as 12 bulan.
 * - A range ("1-2 Jam", "1 s.d 2 bulan", "1 jam s/d 2 jam", "30 menit - 1 jam") gives
 *   min = target, max = limit; two units in one range are brought to the smaller one when that is
 *   exact (jam and menit; minggu and hari kalender).
 * - A compound ("1 jam 30 menit") is summed in the smaller unit when that is exact. "1 bulan 15
 *   hari" has no exact sum: it is read as hari kalender with 1 bulan = 30 hari, and says so.
 * - A bracket after the unit restates the time ("2 minggu (14 hari kalender)"): checked where the
 *   two can be compared, otherwise left aside with a note ("1 hari kerja (8 jam)").
 * - The number may be written in words first ("Tiga (3) hari kerja"); both must agree.
 * - "Hari itu juga", "Langsung": served the same day, read as at most 1 hari kerja (with a note,
 *   as the model has no "end of today"). "Setengah hari", "½ hari": half a day.
 * - "< 1 jam", "kurang dari 1 jam", "maksimal 1 jam": the limit is what is written.
 * - "15 menit per permohonan", "30 Menit/Berkas": the time for one item; the note names the item.
 * - "sejak ... lengkap" starts the clock when the documents are complete; "sejak ... diterima /
 *   disampaikan / masuk / diajukan / pengajuan / tanggal permohonan" starts it at receipt; no
 *   clause gives `startsWhen: null`.
 * - A leading label ending in a colon ("Datang Langsung : 30 menit") is not part of the duration;
 *   `splitLeadingLabel` gives it to callers that care (the channel of a per-channel time).
 *
 * Every reading that goes beyond the words (a convention, a part left aside) is reported in
 * `notes` (Bahasa Indonesia), so an importer can show it for review.
 */
import type { Duration, DurationBasis, DurationUnit, StartsWhen } from '../model';
import { readNumberWords } from './numbers';

export interface DurationError {
  /** Bahasa Indonesia. */
  message: string;
  /** The part of the text that could not be read, as written. */
  at: string;
}

export type DurationParseResult =
  { ok: true; value: Duration; notes?: string[] } | { ok: false; error: DurationError };

export class DurationParseError extends Error {
  readonly at: string;
  constructor(error: DurationError) {
    super(error.message);
    this.name = 'DurationParseError';
    this.at = error.at;
  }
}

interface Token {
  kind: 'num' | 'word' | 'sym';
  /** Lower-cased text. */
  text: string;
  value: number;
  start: number;
  end: number;
}

const FRACTIONS: Record<string, number> = { '½': 0.5, '¼': 0.25, '¾': 0.75 };

const TOKEN_RE =
  /(s\s*[./]\s*d(?![a-z])\.?)|((?:\d+(?:[.,]\d+)?)?[½¼¾]|\d+(?:[.,]\d+)?)|([a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]+(?:[-'][a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]+)*)|([-\u2010-\u2015\u2212~()/:±×<>≤=])|(\S)/giu;

function numberValue(raw: string): number {
  const frac = FRACTIONS[raw[raw.length - 1]];
  if (frac !== undefined) {
    const whole = raw.slice(0, -1);
    return (whole ? Number(whole.replace(',', '.')) : 0) + frac;
  }
  return Number(raw.replace(',', '.'));
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const start = m.index ?? 0;
    const raw = m[0];
    const end = start + raw.length;
    if (m[1]) tokens.push({ kind: 'word', text: 's.d', value: 0, start, end });
    else if (m[2]) tokens.push({ kind: 'num', text: raw, value: numberValue(raw), start, end });
    else if (m[3]) tokens.push({ kind: 'word', text: raw.toLowerCase(), value: 0, start, end });
    else if (m[4]) {
      let sym = raw;
      if (/[\u2010-\u2015\u2212]/u.test(sym)) sym = '-';
      if (sym === '×') {
        tokens.push({ kind: 'word', text: 'x', value: 0, start, end });
        continue;
      }
      tokens.push({ kind: 'sym', text: sym, value: 0, start, end });
    } else if (raw === '.' || raw === ',' || raw === ';') {
      continue; // punctuation between words carries no meaning here
    } else tokens.push({ kind: 'sym', text: raw, value: 0, start, end });
  }
  // "1/2 hari": a written fraction, not a range or a per-item slash.
  for (let k = 0; k + 2 < tokens.length; k++) {
    const [a, slash, b] = [tokens[k], tokens[k + 1], tokens[k + 2]];
    if (
      a.kind === 'num' &&
      slash.text === '/' &&
      b.kind === 'num' &&
      a.end === slash.start &&
      slash.end === b.start &&
      (b.value === 2 || b.value === 4) &&
      a.value > 0 &&
      a.value < b.value
    ) {
      tokens.splice(k, 3, {
        kind: 'num',
        text: `${a.text}/${b.text}`,
        value: a.value / b.value,
        start: a.start,
        end: b.end,
      });
    }
  }
  return tokens;
}

const UNIT_WORDS: Record<string, { unit: DurationUnit; factor: number }> = {
  menit: { unit: 'minute', factor: 1 },
  mnt: { unit: 'minute', factor: 1 },
  minute: { unit: 'minute', factor: 1 },
  minutes: { unit: 'minute', factor: 1 },
  min: { unit: 'minute', factor: 1 },
  mins: { unit: 'minute', factor: 1 },
  jam: { unit: 'hour', factor: 1 },
  hour: { unit: 'hour', factor: 1 },
  hours: { unit: 'hour', factor: 1 },
  hr: { unit: 'hour', factor: 1 },
  hrs: { unit: 'hour', factor: 1 },
  hari: { unit: 'day', factor: 1 },
  day: { unit: 'day', factor: 1 },
  days: { unit: 'day', factor: 1 },
  minggu: { unit: 'week', factor: 1 },
  pekan: { unit: 'week', factor: 1 },
  week: { unit: 'week', factor: 1 },
  weeks: { unit: 'week', factor: 1 },
  bulan: { unit: 'month', factor: 1 },
  bln: { unit: 'month', factor: 1 },
  month: { unit: 'month', factor: 1 },
  months: { unit: 'month', factor: 1 },
  tahun: { unit: 'month', factor: 12 },
  thn: { unit: 'month', factor: 12 },
  year: { unit: 'month', factor: 12 },
  years: { unit: 'month', factor: 12 },
};

/** "sehari", "sejam" ...: one unit, no number written. */
const ONE_UNIT_WORDS: Record<string, DurationUnit> = {
  sehari: 'day',
  sejam: 'hour',
  seminggu: 'week',
  sepekan: 'week',
  sebulan: 'month',
};

const DEFAULT_BASIS: Record<DurationUnit, DurationBasis> = {
  minute: 'working',
  hour: 'working',
  day: 'working',
  week: 'calendar',
  month: 'calendar',
};

/** Smaller units first: which of two units a range or compound is brought to. */
const UNIT_RANK: Record<DurationUnit, number> = { minute: 0, hour: 1, day: 2, week: 3, month: 4 };

const UNIT_NAMES: Record<DurationUnit, string> = {
  minute: 'menit',
  hour: 'jam',
  day: 'hari',
  week: 'minggu',
  month: 'bulan',
};

const PREFIXES: string[][] = [
  ['paling', 'lama'],
  ['paling', 'lambat'],
  ['selambat-lambatnya'],
  ['selama-lamanya'],
  ['maksimal'],
  ['maksimum'],
  ['maks'],
  ['maximal'],
  ['maximum'],
  ['max'],
  ['jangka', 'waktu'],
  ['dalam', 'waktu'],
  ['dalam'],
  ['kurang', 'lebih'],
  ['lebih', 'kurang'],
  ['kurang', 'dari'],
  ['tidak', 'lebih', 'dari'],
  ['tidak', 'melebihi'],
  ['sekitar'],
  ['kira-kira'],
  ['estimasi'],
  ['selama'],
  ['±'],
  ['<', '='],
  ['<'],
  ['≤'],
  ['at', 'most'],
  ['within'],
  ['up', 'to'],
  ['no', 'more', 'than'],
  ['less', 'than'],
  ['about'],
];

const RANGE_WORDS: string[][] = [
  ['sampai', 'dengan'],
  ['s.d'],
  ['sd'],
  ['sampai'],
  ['hingga'],
  ['to'],
  ['until'],
  ['-'],
  ['~'],
];

const START_WORDS = new Set([
  'sejak',
  'terhitung',
  'setelah',
  'sesudah',
  'dari',
  'from',
  'after',
  'since',
  'upon',
]);
const COMPLETE_WORDS = ['lengkap', 'dilengkapi', 'complete', 'completed', 'lengkapnya'];
const RECEIVED_WORDS = [
  'diterima',
  'diterimanya',
  'disampaikan',
  'masuk',
  'diajukan',
  'didaftarkan',
  'dicatat',
  'diunggah',
  'dikirim',
  'diserahkan',
  'pengajuan',
  'pendaftaran',
  'permohonan',
  'permintaan',
  'received',
  'receipt',
  'submitted',
  'submission',
  'penerimaan',
];

/** Words that name the item of a per-item time ("per permohonan", "/berkas"). */
const PER_WORDS: string[][] = [
  ['untuk', 'setiap'],
  ['untuk', 'tiap'],
  ['per'],
  ['setiap'],
  ['tiap'],
  ['/'],
];

const WORKING_WORDS = new Set(['kerja', 'working', 'business', 'efektif']);
/** Words a condition in brackets starts with ("jika persyaratan lengkap"). */
const CONDITION_WORDS = new Set(['jika', 'apabila', 'bila', 'bilamana', 'if', 'when']);
const FOR_WORDS = new Set(['untuk', 'bagi']);
const CALENDAR_WORDS = new Set(['kalender', 'kalendar', 'calendar']);

/** Same-day phrases: served on the day the request comes. */
const SAME_DAY: string[][] = [
  ['pada', 'hari', 'itu', 'juga'],
  ['hari', 'itu', 'juga'],
  ['pada', 'hari', 'yang', 'sama'],
  ['di', 'hari', 'yang', 'sama'],
  ['hari', 'yang', 'sama'],
  ['same', 'day'],
];
/** On-the-spot phrases: served while the requester waits. */
const ON_THE_SPOT: string[][] = [
  ['langsung', 'selesai'],
  ['langsung', 'jadi'],
  ['langsung'],
  ['saat', 'itu', 'juga'],
  ['seketika'],
  ['immediately'],
];

class Reader {
  private i = 0;
  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  get done(): boolean {
    return this.i >= this.tokens.length;
  }
  peek(offset = 0): Token | undefined {
    return this.tokens[this.i + offset];
  }
  next(): Token {
    return this.tokens[this.i++];
  }
  /** Consumes a phrase of words/symbols when it comes next. */
  accept(phrase: string[]): boolean {
    for (let k = 0; k < phrase.length; k++) {
      const t = this.peek(k);
      if (!t || t.kind === 'num' || t.text !== phrase[k]) return false;
    }
    this.i += phrase.length;
    return true;
  }
  acceptAny(phrases: string[][]): boolean {
    return phrases.some((p) => this.accept(p));
  }
  /** True when `phrase` comes next, without consuming it. */
  sees(phrase: string[]): boolean {
    const at = this.i;
    const yes = this.accept(phrase);
    this.i = at;
    return yes;
  }
  /** The text from token `from` to the end of the run of words that follows it. */
  partFrom(from = this.i): string {
    const first = this.tokens[from];
    if (!first) return this.text.trim();
    let last = first;
    for (let k = from + 1; k < this.tokens.length && this.tokens[k].kind === 'word'; k++) {
      last = this.tokens[k];
    }
    return this.text.slice(first.start, last.end).trim();
  }
  rest(from = this.i): string {
    const first = this.tokens[from];
    return first ? this.text.slice(first.start).trim() : '';
  }
  slice(from: number, to: number): string {
    const a = this.tokens[from];
    const b = this.tokens[Math.min(to, this.tokens.length) - 1];
    return a && b ? this.text.slice(a.start, b.end).trim() : '';
  }
  get position(): number {
    return this.i;
  }
  set position(v: number) {
    this.i = v;
  }
}

class Fail {
  constructor(readonly error: DurationError) {}
}

function fail(message: string, at: string): never {
  throw new Fail({ message, at });
}

/** Splits "Datang Langsung : 30 menit" into its label and the duration text. */
export function splitLeadingLabel(text: string): { label: string | null; rest: string } {
  const m = /^\s*([^:\d]{2,60}?)\s*:\s*(.*)$/su.exec(text);
  if (m && /[a-z]/i.test(m[1]) && m[2].trim() !== '') {
    return { label: m[1].trim(), rest: m[2] };
  }
  return { label: null, rest: text };
}

/** A number and, for "sehari"-like words, its unit. */
interface Quantity {
  value: number;
  unit?: DurationUnit;
}

function startsQuantity(r: Reader, offset = 0): boolean {
  const t = r.peek(offset);
  if (!t) return false;
  if (t.kind === 'num') return true;
  if (t.kind !== 'word') return false;
  if (ONE_UNIT_WORDS[t.text] || t.text === 'setengah') return true;
  const words: string[] = [];
  for (let t = r.peek(offset); t?.kind === 'word'; t = r.peek(offset + words.length))
    words.push(t.text);
  return readNumberWords(words, 0) !== null;
}

/** Reads the words of a bracket that `(` at the reader's position opens; null when none. */
function readBracket(r: Reader): { words: Token[]; inner: string; open: number } | null {
  if (r.peek()?.text !== '(') return null;
  const open = r.position;
  r.next();
  const words: Token[] = [];
  while (!r.done && r.peek()?.text !== ')') words.push(r.next());
  if (r.done) fail('tanda kurung tidak ditutup', r.rest(open));
  r.next();
  return { words, inner: r.slice(open + 1, r.position - 1), open };
}

function readQuantity(r: Reader): Quantity {
  const t = r.peek();
  if (!t) fail('angka jangka waktu tidak ditemukan', r.rest());
  if (t.kind === 'sym' && t.text === '-' && r.peek(1)?.kind === 'num') {
    fail(
      `angka negatif "${r.slice(r.position, r.position + 2)}" tidak dapat dipakai`,
      r.slice(r.position, r.position + 2),
    );
  }
  if (t.kind === 'num') {
    r.next();
    let value = t.value;
    // "1 setengah jam" is rare but unambiguous.
    if (r.peek()?.text === 'setengah' && Number.isInteger(value)) {
      r.next();
      value += 0.5;
    }
    // "30 (tiga puluh)": the words must say the same number.
    const at = r.position;
    const bracket = readBracket(r);
    if (bracket) {
      const said = readNumberWords(
        bracket.words.map((w) => w.text),
        0,
      );
      if (!said || said.used !== bracket.words.length) {
        // Not a number in words: a restatement after the unit is read elsewhere.
        if (bracket.words.some((w) => w.kind === 'num' || UNIT_WORDS[w.text])) {
          r.position = at;
          return { value };
        }
        fail(`isi kurung "${bracket.inner}" bukan angka yang ditulis dengan huruf`, bracket.inner);
      }
      if (said.value !== t.value) {
        fail(
          `angka ${t.text} tidak sama dengan tulisannya "${bracket.inner}" (${said.value})`,
          r.slice(bracket.open - 1, r.position),
        );
      }
    }
    return { value };
  }
  if (t.kind === 'word') {
    const one = ONE_UNIT_WORDS[t.text];
    if (one) {
      r.next();
      return { value: 1, unit: one };
    }
    if (t.text === 'setengah') {
      r.next();
      return { value: 0.5 };
    }
    const words: string[] = [];
    for (let w = r.peek(); w?.kind === 'word'; w = r.peek(words.length)) words.push(w.text);
    const m = readNumberWords(words, 0);
    if (m) {
      const from = r.position;
      r.position = r.position + m.used;
      let value = m.value;
      if (r.peek()?.text === 'setengah') {
        r.next(); // "satu setengah jam"
        value += 0.5;
      }
      // "Tiga (3) hari kerja": the digits must say the same number.
      const digits = r.peek(1);
      if (r.peek()?.text === '(' && digits?.kind === 'num' && r.peek(2)?.text === ')') {
        r.position = r.position + 3;
        if (digits.value !== value) {
          fail(
            `angka ${digits.text} tidak sama dengan tulisannya "${r.slice(from, from + m.used)}" (${value})`,
            r.slice(from, r.position),
          );
        }
      }
      return { value };
    }
  }
  return fail(`tidak dapat membaca "${r.partFrom()}" sebagai jangka waktu`, r.partFrom());
}

function readBasis(r: Reader): DurationBasis | null {
  const t = r.peek();
  if (!t || t.kind !== 'word') return null;
  if (WORKING_WORDS.has(t.text)) {
    r.next();
    return 'working';
  }
  if (CALENDAR_WORDS.has(t.text)) {
    r.next();
    return 'calendar';
  }
  return null;
}

/** One term: "1 jam", "1 s.d 2 bulan", "2x24 jam", "30 menit - 1 jam", "2 minggu (14 hari)". */
interface Part {
  min: number;
  max: number;
  unit: DurationUnit;
  /** Written basis; null when the unit's default applies. */
  basis: DurationBasis | null;
  /** A plain count of hours as written (not "NxM jam"): "24 jam" may be days. */
  plainHours: boolean;
  /** Where the term starts, for messages. */
  from: number;
  /** Size of the unit word as written (tahun above bulan), for the order of a compound. */
  rank: number;
  /** When the clock starts, as a bracket after the unit says. */
  startsWhen?: StartsWhen;
}

/** The unit after a quantity ("hari kerja", "working days", "jam"), or null when none is written. */
function readUnit(
  r: Reader,
): { unit: DurationUnit; factor: number; basis: DurationBasis | null } | null {
  const at = r.position;
  const before = readBasis(r); // "2 working days", "14 calendar days"
  const u = r.peek();
  // "14 HK": hari kerja, abbreviated.
  if (u && u.kind === 'word' && (u.text === 'hk' || u.text === 'hkj')) {
    r.next();
    return { unit: 'day', factor: 1, basis: 'working' };
  }
  const known = u && u.kind === 'word' ? UNIT_WORDS[u.text] : undefined;
  if (!known) {
    r.position = at;
    return null;
  }
  r.next();
  const after = readBasis(r);
  return { unit: known.unit, factor: known.factor, basis: after ?? before };
}

function unitMissing(r: Reader, from: number): never {
  if (r.done) {
    fail(
      `satuan waktu (menit, jam, hari, minggu, bulan) tidak ada setelah "${r.rest(from)}"`,
      r.rest(from),
    );
  }
  return fail(
    `satuan waktu "${r.partFrom()}" tidak dikenal (menit, jam, hari, minggu, bulan)`,
    r.partFrom(),
  );
}

/** "NxM jam" after a quantity: N days when M is 24, otherwise N*M hours. */
function readTimesFactor(
  r: Reader,
): { unit: DurationUnit; factor: number; basis: DurationBasis | null } | null {
  if (r.peek()?.text !== 'x' || r.peek(1)?.kind !== 'num') return null;
  const xAt = r.position;
  r.next();
  const factor = r.next().value;
  const u = r.peek();
  if (!u || UNIT_WORDS[u.text]?.unit !== 'hour') {
    fail(
      `bentuk "${r.slice(xAt - 1, r.position)}" harus diikuti satuan jam`,
      r.slice(xAt - 1, r.position + 1),
    );
  }
  r.next();
  let basis = readBasis(r);
  // "3 x 24 jam hari kerja": the days named again, with their basis.
  if (factor === 24 && r.peek()?.text === 'hari') {
    r.next();
    basis = readBasis(r) ?? basis;
  }
  if (factor === 24) return { unit: 'day', factor: 1, basis: basis ?? 'working' };
  return { unit: 'hour', factor, basis };
}

function effectiveBasis(p: { unit: DurationUnit; basis: DurationBasis | null }): DurationBasis {
  return p.basis ?? DEFAULT_BASIS[p.unit];
}

/** How many of `small` make one `big`, when that is exact for the bases written; else null. */
function exactFactor(
  big: { unit: DurationUnit; basis: DurationBasis | null },
  small: { unit: DurationUnit; basis: DurationBasis | null },
): number | null {
  const bb = effectiveBasis(big);
  const sb = effectiveBasis(small);
  if (big.unit === small.unit) return bb === sb ? 1 : null;
  if (big.unit === 'hour' && small.unit === 'minute' && bb === sb) return 60;
  if (big.unit === 'week' && small.unit === 'day' && bb === 'calendar' && sb === 'calendar')
    return 7;
  return null;
}

function mixFail(a: Part, b: Part, r: Reader, what: string): never {
  const text = r.slice(a.from, r.position);
  const names = (p: Part) =>
    `${UNIT_NAMES[p.unit]}${p.basis ? (p.basis === 'working' ? ' kerja' : ' kalender') : ''}`;
  return fail(
    `${what} "${text}" memakai dua satuan (${names(a)} dan ${names(b)}) yang tidak dapat disamakan dengan tepat; tulis dalam satu satuan`,
    text,
  );
}

/** Brings two parts to one unit (the smaller) when the conversion is exact. */
function align(a: Part, b: Part, r: Reader, what: string): [Part, Part] {
  if (a.unit === b.unit && effectiveBasis(a) === effectiveBasis(b)) return [a, b];
  const [big, small] = UNIT_RANK[a.unit] >= UNIT_RANK[b.unit] ? [a, b] : [b, a];
  const f = exactFactor(big, small);
  if (f === null) mixFail(a, b, r, what);
  const scaled: Part = {
    ...big,
    min: big.min * f,
    max: big.max * f,
    unit: small.unit,
    basis: small.basis ?? big.basis,
    plainHours: small.plainHours,
  };
  return big === a ? [scaled, small] : [small, scaled];
}

function rankOf(u: { unit: DurationUnit; factor: number }): number {
  return UNIT_RANK[u.unit] + (u.unit === 'month' && u.factor === 12 ? 1 : 0);
}

function readTerm(r: Reader, notes: string[]): Part {
  const from = r.position;
  const first = readQuantity(r);
  const min = first.value;
  let max = first.value;
  let unit1 = first.unit
    ? { unit: first.unit, factor: 1, basis: readBasis(r) }
    : (readTimesFactor(r) ?? readUnit(r));
  let plain1 = unit1?.unit === 'hour' && unit1.factor === 1 && !first.unit;

  const beforeRange = r.position;
  if (r.acceptAny(RANGE_WORDS)) {
    const marker = r.slice(beforeRange, r.position);
    if (r.done)
      fail(
        `batas atas rentang tidak ada setelah "${marker}"`,
        r.slice(beforeRange - 1, r.position),
      );
    const second = readQuantity(r);
    max = second.value;
    const unit2 = second.unit
      ? { unit: second.unit, factor: 1, basis: readBasis(r) }
      : (readTimesFactor(r) ?? readUnit(r));
    const plain2 = unit2?.unit === 'hour' && unit2.factor === 1 && !second.unit;
    if (!unit2 && !unit1) unitMissing(r, from);
    if (unit1 && unit2) {
      // "1 jam s/d 2 jam", "30 menit - 1 jam"
      const a: Part = {
        min: min * unit1.factor,
        max: min * unit1.factor,
        unit: unit1.unit,
        basis: unit1.basis,
        plainHours: plain1,
        from,
        rank: rankOf(unit1),
      };
      const b: Part = {
        min: max * unit2.factor,
        max: max * unit2.factor,
        unit: unit2.unit,
        basis: unit2.basis,
        plainHours: plain2,
        from,
        rank: rankOf(unit2),
      };
      const [x, y] = align(a, b, r, 'rentang');
      return finishTerm(
        r,
        { ...x, max: y.max, basis: x.basis ?? y.basis, plainHours: x.plainHours && y.plainHours },
        notes,
      );
    }
    if (!unit1) {
      unit1 = unit2;
      plain1 = plain2;
    }
  }
  if (!unit1) unitMissing(r, from);
  return finishTerm(
    r,
    {
      min: min * unit1.factor,
      max: max * unit1.factor,
      unit: unit1.unit,
      basis: unit1.basis,
      plainHours: plain1,
      from,
      rank: rankOf(unit1),
    },
    notes,
  );
}

/** A bracket after the unit restates the time: "2 minggu (14 hari kalender)", "1 hari (8 jam)". */
function finishTerm(r: Reader, part: Part, notes: string[]): Part {
  const bracket = readBracket(r);
  if (!bracket) return part;
  const words = bracket.words.map((w) => w.text);
  // "3 x 24 jam (hari kerja)", "14 hari (kalender)": the basis, in brackets.
  if (
    words.length > 0 &&
    words.every(
      (w) => WORKING_WORDS.has(w) || CALENDAR_WORDS.has(w) || UNIT_WORDS[w]?.unit === part.unit,
    )
  ) {
    if (words.some((w) => CALENDAR_WORDS.has(w))) return { ...part, basis: 'calendar' };
    if (words.some((w) => WORKING_WORDS.has(w))) return { ...part, basis: 'working' };
    return part;
  }
  // "1 hari (sejak berkas lengkap)", "2 hari (jika persyaratan lengkap)": when the clock starts.
  if (START_WORDS.has(words[0]) || CONDITION_WORDS.has(words[0])) {
    if (words.some((w) => COMPLETE_WORDS.includes(w))) return { ...part, startsWhen: 'complete' };
    if (words.some((w) => RECEIVED_WORDS.includes(w))) return { ...part, startsWhen: 'received' };
  }
  const self: Duration = {
    min: part.min,
    max: part.max,
    unit: part.unit,
    basis: effectiveBasis(part),
    startsWhen: null,
  };
  let restated: Duration;
  try {
    restated = readInner(bracket.inner, []);
  } catch (e) {
    if (!(e instanceof Fail)) throw e;
    // A remark ("sesuai antrean"): the time is what stands outside it.
    notes.push(
      `keterangan dalam kurung "(${bracket.inner})" tidak dibaca; yang dibaca adalah ${formatDuration(self)}`,
    );
    return part;
  }
  const comparable = comparableIn(self, restated);
  if (comparable === null) {
    notes.push(
      `keterangan dalam kurung "(${bracket.inner})" tidak dapat dibandingkan dengan tepat; yang dibaca adalah ${formatDuration(self)}`,
    );
  } else if (!comparable) {
    fail(
      `isi kurung "${bracket.inner}" tidak sama dengan jangka waktunya`,
      r.slice(part.from, r.position),
    );
  }
  return part;
}

/** Whether two readings say the same time; null when they cannot be compared exactly. */
function comparableIn(a: Duration, b: Duration): boolean | null {
  const [big, small] = UNIT_RANK[a.unit] >= UNIT_RANK[b.unit] ? [a, b] : [b, a];
  const f = exactFactor(big, small);
  if (f === null) return null;
  return big.min * f === small.min && big.max * f === small.max;
}

function readStart(r: Reader, tokens: Token[]): StartsWhen {
  const t = r.peek();
  // "jika berkas lengkap", "untuk permohonan yang lengkap": a condition that the documents are
  // complete starts the clock as "sejak berkas lengkap" does.
  const condition = t?.kind === 'word' && (CONDITION_WORDS.has(t.text) || FOR_WORDS.has(t.text));
  if (!t || t.kind !== 'word' || (!START_WORDS.has(t.text) && !condition)) {
    fail(`bagian "${r.partFrom()}" tidak dapat dibaca`, r.partFrom());
  }
  const clauseAt = r.position;
  while (!r.done) r.next();
  const clause = r.slice(clauseAt, r.position);
  const words = tokens.slice(clauseAt).map((x) => x.text);
  if (words.some((w) => COMPLETE_WORDS.includes(w))) return 'complete';
  if (!condition && words.some((w) => RECEIVED_WORDS.includes(w))) return 'received';
  if (condition) fail(`bagian "${clause}" tidak dapat dibaca`, clause);
  return fail(
    `awal perhitungan "${clause}" tidak dikenali (mis. "sejak berkas diterima" atau "sejak berkas lengkap")`,
    clause,
  );
}

/** "15 menit per permohonan", "30 Menit/Berkas": the item the time is for; null when none. */
function readPerItem(r: Reader): string | null {
  const at = r.position;
  if (!r.acceptAny(PER_WORDS)) return null;
  const from = r.position;
  for (let t = r.peek(); t?.kind === 'word' && !START_WORDS.has(t.text); t = r.peek()) r.next();
  if (r.position === from) {
    r.position = at;
    return null;
  }
  return r.slice(from, r.position);
}

function readSpecial(r: Reader, notes: string[]): Duration | null {
  const at = r.position;
  if (r.acceptAny(SAME_DAY) || r.acceptAny(ON_THE_SPOT)) {
    const said = r.slice(at, r.position);
    const next = r.peek();
    if (next && !START_WORDS.has(next.text)) {
      r.position = at;
      return null; // "langsung ke loket ...": not a time
    }
    notes.push(
      `"${said}" dibaca sebagai paling lama 1 hari kerja (selesai pada hari permohonan diterima)`,
    );
    return { min: 1, max: 1, unit: 'day', basis: 'working', startsWhen: null };
  }
  return null;
}

function readInner(text: string, notes: string[]): Duration {
  const tokens = tokenize(text);
  const r = new Reader(text, tokens);
  if (tokens.length === 0) fail('jangka waktu kosong', '');

  while (r.acceptAny(PREFIXES)) {
    /* "paling lama", "maksimal", "< " ...: the limit is what follows */
  }
  if (r.done) fail('angka jangka waktu tidak ditemukan', text.trim());

  let part: Part;
  const special = readSpecial(r, notes);
  if (special) {
    part = {
      min: special.min,
      max: special.max,
      unit: special.unit,
      basis: special.basis,
      plainHours: false,
      from: 0,
      rank: UNIT_RANK.day,
    };
  } else {
    part = readTerm(r, notes);
    // "1 jam 30 menit", "1 (satu) jam dan 30 (tiga puluh) menit", "1 bulan 15 hari"
    for (;;) {
      const at = r.position;
      r.accept(['dan']);
      r.accept(['lebih']);
      if (!startsQuantity(r)) {
        r.position = at;
        break;
      }
      const more = readTerm(r, notes);
      if (part.min !== part.max || more.min !== more.max) {
        fail(
          `rentang di dalam gabungan "${r.slice(part.from, r.position)}" tidak dapat dibaca`,
          r.slice(part.from, r.position),
        );
      }
      if (part.unit === 'month' && more.unit === 'day' && more.basis !== 'working') {
        // No exact sum: a month is read as 30 calendar days, and the days as calendar days.
        const days = part.min * 30 + more.min;
        notes.push(
          `"${r.slice(part.from, r.position)}" dibaca sebagai ${days} hari kalender (1 bulan = 30 hari)`,
        );
        part = {
          ...more,
          min: days,
          max: days,
          basis: 'calendar',
          from: part.from,
          rank: more.rank,
        };
        continue;
      }
      if (more.rank >= part.rank) {
        fail(
          `gabungan "${r.slice(part.from, r.position)}" harus dari satuan besar ke kecil`,
          r.slice(part.from, r.position),
        );
      }
      const [a, b] = align(part, more, r, 'gabungan');
      part = {
        ...b,
        min: a.min + b.min,
        max: a.max + b.max,
        from: part.from,
        plainHours: false,
        rank: more.rank,
      };
    }
  }

  const per = readPerItem(r);
  if (per) notes.push(`waktu untuk setiap ${per.toLowerCase()}`);
  const after = readBasis(r);
  if (after) part.basis = after;

  let startsWhen: StartsWhen = part.startsWhen ?? null;
  if (!r.done) startsWhen = readStart(r, tokens);

  // "24 jam", "48 jam": whole days, as "1x24 jam" is.
  if (
    part.unit === 'hour' &&
    part.plainHours &&
    part.basis === null &&
    part.min % 24 === 0 &&
    part.max % 24 === 0
  ) {
    part = { ...part, min: part.min / 24, max: part.max / 24, unit: 'day', basis: 'working' };
  }

  if (!(part.min > 0)) fail('jangka waktu harus lebih dari nol', r.rest(0));
  if (part.max < part.min) {
    fail(`batas atas (${part.max}) lebih kecil dari batas bawah (${part.min})`, text.trim());
  }
  return {
    min: part.min,
    max: part.max,
    unit: part.unit,
    basis: effectiveBasis(part),
    startsWhen,
  };
}

/** Reads a published time standard. Never throws. */
export function readDuration(text: string): DurationParseResult {
  if (typeof text !== 'string') {
    return { ok: false, error: { message: 'jangka waktu harus berupa teks', at: String(text) } };
  }
  const { label, rest } = splitLeadingLabel(text);
  const notes: string[] = [];
  try {
    let value = readInner(rest, notes);
    // "Setelah berkas lengkap : 3 hari kerja": the label says when the clock starts.
    if (label && value.startsWhen === null) {
      const words = tokenize(label).map((t) => t.text);
      if (START_WORDS.has(words[0]) || CONDITION_WORDS.has(words[0])) {
        if (words.some((w) => COMPLETE_WORDS.includes(w)))
          value = { ...value, startsWhen: 'complete' };
        else if (words.some((w) => RECEIVED_WORDS.includes(w)))
          value = { ...value, startsWhen: 'received' };
      }
    }
    if (value.unit !== 'minute' && value.unit !== 'hour') {
      if (!Number.isInteger(value.min) || !Number.isInteger(value.max))
        notes.push(
          `${formatDuration(value)} bukan ${UNIT_NAMES[value.unit]} utuh; jam SLA menghitung hari, minggu dan bulan utuh, jadi tulis dalam jam atau menit`,
        );
    }
    return notes.length > 0 ? { ok: true, value, notes } : { ok: true, value };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, error: e.error };
    throw e;
  }
}

/** Reads a published time standard; throws `DurationParseError` naming the unreadable part. */
export function parseDuration(text: string): Duration {
  const result = readDuration(text);
  if (!result.ok) throw new DurationParseError(result.error);
  return result.value;
}

function formatNumber(n: number): string {
  return String(n).replace('.', ',');
}

/**
 * Canonical Indonesian: "1 s.d. 2 bulan", "2 hari kerja", "14 hari kalender", "30 menit",
 * "3 hari kerja sejak berkas lengkap". `parseDuration(formatDuration(d))` equals `d`.
 */
export function formatDuration(d: Duration): string {
  const qty =
    d.min === d.max ? formatNumber(d.min) : `${formatNumber(d.min)} s.d. ${formatNumber(d.max)}`;
  let out = `${qty} ${UNIT_NAMES[d.unit]}`;
  // "48 jam" alone reads as 2 days: working hours in multiples of 24 say "kerja".
  const dayLike = d.unit === 'hour' && d.min % 24 === 0 && d.max % 24 === 0;
  if (d.unit === 'day' || d.basis !== DEFAULT_BASIS[d.unit] || dayLike) {
    out += d.basis === 'working' ? ' kerja' : ' kalender';
  }
  if (d.startsWhen === 'received') out += ' sejak berkas diterima';
  if (d.startsWhen === 'complete') out += ' sejak berkas lengkap';
  return out;
}
