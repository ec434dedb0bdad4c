/**
 * The Indonesian duration grammar: reads the time standards that service standards publish
 * ("30 (tiga puluh) menit", "1- 2 Jam", "1 s.d 2 bulan", "2x24 jam", "paling lama 3 hari kerja",
 * "Maksimal 2×24 jam sejak berkas permohonan diterima", "14 hari kalender", "2 working days")
 * into a `Duration`, and writes a `Duration` back in canonical Indonesian.
 *
 * Readings (DOMAIN.md):
 * - `hari` is a working day unless written "hari kalender"; `jam` and `menit` count working time.
 * - "NxM jam" with M = 24 is N working days ("2x24 jam" = 2 hari kerja); other M give N*M jam.
 * - `minggu` (week) and `bulan` (month) are calendar periods unless written "minggu kerja" /
 *   "bulan kerja": a week of the calendar, a month of the calendar. `tahun` is read as 12 bulan.
 * - A range ("1-2 Jam", "1 s.d 2 bulan") gives min = target, max = limit.
 * - "sejak ... lengkap" starts the clock when the documents are complete; "sejak ... diterima /
 *   disampaikan / masuk / diajukan" starts it at receipt; no clause gives `startsWhen: null`.
 * - A leading label ending in a colon ("Datang Langsung : 30 menit") is not part of the duration;
 *   `splitLeadingLabel` gives it to callers that care (the channel of a per-channel time).
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
  { ok: true; value: Duration } | { ok: false; error: DurationError };

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

const TOKEN_RE =
  /(s\s*[./]\s*d(?![a-z])\.?)|(\d+(?:[.,]\d+)?)|([a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]+(?:[-'][a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]+)*)|([-\u2010-\u2015\u2212~()/:±×])|(\S)/giu;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const start = m.index ?? 0;
    const raw = m[0];
    const end = start + raw.length;
    if (m[1]) tokens.push({ kind: 'word', text: 's.d', value: 0, start, end });
    else if (m[2])
      tokens.push({ kind: 'num', text: raw, value: Number(raw.replace(',', '.')), start, end });
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
  month: { unit: 'month', factor: 1 },
  months: { unit: 'month', factor: 1 },
  tahun: { unit: 'month', factor: 12 },
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
  ['sekitar'],
  ['±'],
  ['at', 'most'],
  ['within'],
  ['up', 'to'],
  ['no', 'more', 'than'],
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
  'received',
  'receipt',
  'submitted',
  'submission',
  'penerimaan',
];

const WORKING_WORDS = new Set(['kerja', 'working', 'business', 'efektif']);
const CALENDAR_WORDS = new Set(['kalender', 'kalendar', 'calendar']);

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

function readQuantity(r: Reader): { value: number; unit?: DurationUnit } {
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
    // "30 (tiga puluh)": the words must say the same number.
    if (r.peek()?.text === '(') {
      const open = r.position;
      r.next();
      const words: string[] = [];
      while (!r.done && r.peek()?.text !== ')') words.push(r.next().text);
      if (r.done) fail('tanda kurung tidak ditutup', r.rest(open));
      r.next();
      const inner = r.slice(open + 1, r.position - 1);
      const said = readNumberWords(words, 0);
      if (!said || said.used !== words.length) {
        fail(`isi kurung "${inner}" bukan angka yang ditulis dengan huruf`, inner);
      }
      if (said.value !== t.value) {
        fail(
          `angka ${t.text} tidak sama dengan tulisannya "${inner}" (${said.value})`,
          r.slice(open - 1, r.position),
        );
      }
    }
    return { value: t.value };
  }
  if (t.kind === 'word') {
    const one = ONE_UNIT_WORDS[t.text];
    if (one) {
      r.next();
      return { value: 1, unit: one };
    }
    const words: string[] = [];
    for (let k = 0; r.peek(k)?.kind === 'word'; k++) words.push(r.peek(k)!.text);
    const m = readNumberWords(words, 0);
    if (m) {
      r.position = r.position + m.used;
      return { value: m.value };
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

function readInner(text: string): Duration {
  const tokens = tokenize(text);
  const r = new Reader(text, tokens);
  if (tokens.length === 0) fail('jangka waktu kosong', '');

  while (r.acceptAny(PREFIXES)) {
    /* "paling lama", "maksimal" ...: the limit is what follows */
  }
  if (r.done) fail('angka jangka waktu tidak ditemukan', text.trim());

  const first = readQuantity(r);
  let min = first.value;
  let max = first.value;
  let unit: DurationUnit | undefined = first.unit;
  let unitFactor = 1;

  if (!unit) {
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
      unit = second.unit;
    }
  }

  let dayFactor = false;
  if (!unit && r.peek()?.text === 'x' && r.peek(1)?.kind === 'num') {
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
    if (factor === 24) {
      unit = 'day';
      dayFactor = true;
    } else {
      unit = 'hour';
      unitFactor = factor;
    }
  }

  let basis: DurationBasis | null = null;
  if (!unit) {
    basis = readBasis(r); // "2 working days", "14 calendar days"
    const u = r.peek();
    if (!u) {
      fail(
        `satuan waktu (menit, jam, hari, minggu, bulan) tidak ada setelah "${r.rest(0)}"`,
        r.rest(0),
      );
    }
    const known = u.kind === 'word' ? UNIT_WORDS[u.text] : undefined;
    if (!known) {
      fail(
        `satuan waktu "${r.partFrom()}" tidak dikenal (menit, jam, hari, minggu, bulan)`,
        r.partFrom(),
      );
    }
    r.next();
    unit = known.unit;
    unitFactor = known.factor;
  }
  if (dayFactor) basis = 'working';
  const after = readBasis(r);
  if (after) basis = after;
  // "hari kerja (hari kalender)" and the like are not worth guessing: anything else must be a
  // start clause.
  let startsWhen: StartsWhen = null;
  if (!r.done) {
    const t = r.peek()!;
    if (t.kind === 'word' && START_WORDS.has(t.text)) {
      const clauseAt = r.position;
      while (!r.done) r.next();
      const clause = r.slice(clauseAt, r.position);
      const words = tokens.slice(clauseAt).map((x) => x.text);
      if (words.some((w) => COMPLETE_WORDS.includes(w))) startsWhen = 'complete';
      else if (words.some((w) => RECEIVED_WORDS.includes(w))) startsWhen = 'received';
      else {
        fail(
          `awal perhitungan "${clause}" tidak dikenali (mis. "sejak berkas diterima" atau "sejak berkas lengkap")`,
          clause,
        );
      }
    } else {
      fail(`bagian "${r.partFrom()}" tidak dapat dibaca`, r.partFrom());
    }
  }

  min *= unitFactor;
  max *= unitFactor;
  if (!(min > 0)) fail('jangka waktu harus lebih dari nol', r.rest(0));
  if (max < min) {
    fail(`batas atas (${max}) lebih kecil dari batas bawah (${min})`, text.trim());
  }
  return { min, max, unit, basis: basis ?? DEFAULT_BASIS[unit], startsWhen };
}

/** Reads a published time standard. Never throws. */
export function readDuration(text: string): DurationParseResult {
  if (typeof text !== 'string') {
    return { ok: false, error: { message: 'jangka waktu harus berupa teks', at: String(text) } };
  }
  const { rest } = splitLeadingLabel(text);
  try {
    return { ok: true, value: readInner(rest) };
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

const UNIT_NAMES: Record<DurationUnit, string> = {
  minute: 'menit',
  hour: 'jam',
  day: 'hari',
  week: 'minggu',
  month: 'bulan',
};

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
  if (d.unit === 'day' || d.basis !== DEFAULT_BASIS[d.unit]) {
    out += d.basis === 'working' ? ' kerja' : ' kalender';
  }
  if (d.startsWhen === 'received') out += ' sejak berkas diterima';
  if (d.startsWhen === 'complete') out += ' sejak berkas lengkap';
  return out;
}
