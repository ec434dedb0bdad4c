/**
 * Number words as standards write them beside or instead of digits:
 * "30 (tiga puluh) menit", "satu minggu", "empat puluh lima menit", "two weeks".
 */

const INDONESIAN_UNITS: Record<string, number> = {
  nol: 0,
  satu: 1,
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  enam: 6,
  tujuh: 7,
  delapan: 8,
  sembilan: 9,
};

const ENGLISH: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** A number read from words, and how many words it used. */
export interface NumberWordsMatch {
  value: number;
  used: number;
}

/** Reads 1-99 ("satu" .. "sembilan puluh sembilan", "sebelas", "dua belas"). */
function readBelowHundred(words: readonly string[], at: number): NumberWordsMatch | null {
  const w = words[at];
  if (w === undefined) return null;
  if (w === 'sepuluh') return { value: 10, used: 1 };
  if (w === 'sebelas') return { value: 11, used: 1 };
  const unit = INDONESIAN_UNITS[w];
  if (unit === undefined) return null;
  const next = words[at + 1];
  if (next === 'belas' && unit >= 2) return { value: 10 + unit, used: 2 };
  if (next === 'puluh' && unit >= 2) {
    const ones = words[at + 2] !== undefined ? INDONESIAN_UNITS[words[at + 2]] : undefined;
    if (ones !== undefined && ones >= 1) return { value: unit * 10 + ones, used: 3 };
    return { value: unit * 10, used: 2 };
  }
  return { value: unit, used: 1 };
}

/**
 * Reads an Indonesian (or English) number written in words, starting at `words[at]`.
 * Handles 0-999: "seratus", "dua ratus lima puluh", "empat puluh lima", "twenty five".
 * Returns null when `words[at]` does not begin a number.
 */
export function readNumberWords(words: readonly string[], at = 0): NumberWordsMatch | null {
  const w = words[at];
  if (w === undefined) return null;
  if (w in ENGLISH) {
    const tens = ENGLISH[w];
    const next = words[at + 1];
    if (tens >= 20 && tens % 10 === 0 && next !== undefined && next in ENGLISH) {
      const ones = ENGLISH[next];
      if (ones >= 1 && ones <= 9) return { value: tens + ones, used: 2 };
    }
    return { value: tens, used: 1 };
  }
  let hundreds = 0;
  let used = 0;
  if (w === 'seratus') {
    hundreds = 100;
    used = 1;
  } else if (INDONESIAN_UNITS[w] !== undefined && words[at + 1] === 'ratus') {
    hundreds = INDONESIAN_UNITS[w] * 100;
    used = 2;
  }
  if (hundreds > 0) {
    const rest = readBelowHundred(words, at + used);
    if (rest && rest.value > 0) return { value: hundreds + rest.value, used: used + rest.used };
    return { value: hundreds, used };
  }
  return readBelowHundred(words, at);
}

/** Reads a whole phrase as one number ("tiga puluh" -> 30); null when it is not exactly that. */
export function parseNumberWords(text: string): number | null {
  const words = text
    .trim()
    .toLowerCase()
    .split(/[\s-]+/)
    .filter(Boolean);
  if (words.length === 0) return null;
  const m = readNumberWords(words, 0);
  return m && m.used === words.length ? m.value : null;
}

/** Writes 1-999 in Indonesian words ("45" -> "empat puluh lima"). */
export function numberToWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999) {
    throw new RangeError(`numberToWords: ${n} di luar rentang 0-999`);
  }
  const names = Object.keys(INDONESIAN_UNITS);
  if (n < 10) return names[n];
  if (n === 10) return 'sepuluh';
  if (n === 11) return 'sebelas';
  if (n < 20) return `${names[n - 10]} belas`;
  if (n < 100) {
    const ones = n % 10;
    return `${names[Math.floor(n / 10)]} puluh${ones ? ' ' + names[ones] : ''}`;
  }
  const h = Math.floor(n / 100);
  const rest = n % 100;
  const head = h === 1 ? 'seratus' : `${names[h]} ratus`;
  return rest ? `${head} ${numberToWords(rest)}` : head;
}
