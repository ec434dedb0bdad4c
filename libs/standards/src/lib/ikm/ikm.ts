/**
 * The satisfaction index of Permenpan RB 14/2017 (Indeks Kepuasan Masyarakat).
 *
 * A questionnaire rates nine elements (unsur U1-U9), each 1-4. Per element, the average score
 * (NRR, nilai rata-rata) is the sum of its scores divided by the number of filled
 * questionnaires. The index is the weighted sum of the nine averages (weights 1/9 each unless
 * given, always summing to 1), a value from 1 to 4; the converted index is that value x 25
 * (25-100). The converted value is shown truncated (not rounded) to two decimals, and the grade
 * is read from that same shown value, so the number and the grade printed side by side always
 * agree with the regulation's table:
 *
 *   25.00 - 64.99  D  tidak baik
 *   65.00 - 76.60  C  kurang baik
 *   76.61 - 88.30  B  baik
 *   88.31 - 100    A  sangat baik
 *
 * The table's intervals are written with two decimals and leave gaps (76.605 is in none of them);
 * truncating first closes the gaps: 76.605 shows as 76.60 and is C, 88.309 shows as 88.30 and is
 * B, 64.999 shows as 64.99 and is D. Rounding would print 65.00 next to a D.
 *
 * Pure: totals in, figures out. Totals (respondents and nine sums) add up, so a month's totals
 * roll into a quarter or a year without going back to the questionnaires.
 */

export const SKM_ELEMENT_COUNT = 9;
export const SKM_MIN_SCORE = 1;
export const SKM_MAX_SCORE = 4;
/** Converted index = index x 25. */
export const IKM_CONVERSION = 25;

export type IkmGrade = 'A' | 'B' | 'C' | 'D';

/** The grades from best to worst, with the lowest converted value of each. */
export const IKM_GRADES: readonly {
  grade: IkmGrade;
  /** Lowest converted value printed for the grade. */
  from: number;
  /** Highest converted value printed for the grade. */
  to: number;
  name: { id: string; en: string };
}[] = [
  { grade: 'A', from: 88.31, to: 100, name: { id: 'Sangat baik', en: 'Very good' } },
  { grade: 'B', from: 76.61, to: 88.3, name: { id: 'Baik', en: 'Good' } },
  { grade: 'C', from: 65, to: 76.6, name: { id: 'Kurang baik', en: 'Fair' } },
  { grade: 'D', from: 25, to: 64.99, name: { id: 'Tidak baik', en: 'Poor' } },
];

/** Respondents and, per element, the sum of the scores given. */
export interface IkmTotals {
  respondents: number;
  /** Nine sums, U1 first. */
  sums: readonly number[];
}

export interface IkmResult {
  respondents: number;
  /** Average score per element (NRR), U1 first; null with no respondent. */
  averages: number[] | null;
  /** Weighted sum of the averages, 1-4; null with no respondent. */
  index: number | null;
  /** index x 25, 25-100, unrounded; null with no respondent. */
  converted: number | null;
  /** The converted value as shown: truncated to two decimals (88.309 -> 88.30). */
  shown: number | null;
  /** The grade of the shown value. */
  grade: IkmGrade | null;
}

export class IkmInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IkmInputError';
  }
}

/** Floating-point noise below this is not a difference (weights like 1/9 do not add exactly). */
const NOISE = 1e-9;

function checkConverted(converted: number): void {
  if (!Number.isFinite(converted) || converted < 25 - NOISE || converted > 100 + NOISE) {
    throw new IkmInputError(`nilai IKM konversi di luar 25-100: ${converted}`);
  }
}

/**
 * A converted index as shown: truncated (not rounded) to two decimals. Works in whole hundredths
 * so that a value exactly on a hundredth (76.6, which is 76.599999... as a double) stays on it,
 * while a value a real fraction below the next hundredth (88.309) never reaches it: with equal
 * weights the value is 2500 x sum / (9 x respondents) hundredths, so any real fraction is at
 * least 1 / (9 x respondents), far above the 1e-9 allowance for floating-point noise
 * (a double near 100 is off by about 1e-14).
 */
export function ikmShown(converted: number): number {
  checkConverted(converted);
  const hundredths = Math.floor(converted * 100 + 1e-9);
  return Math.min(10_000, Math.max(2_500, hundredths)) / 100;
}

/** The shown value as text with exactly two decimals and a decimal point ("88.30"). */
export function ikmShownText(converted: number): string {
  return ikmShown(converted).toFixed(2);
}

/** The grade of a converted index (25-100), read from its shown (truncated) value. */
export function ikmGrade(converted: number): IkmGrade {
  const hundredths = Math.round(ikmShown(converted) * 100);
  if (hundredths >= 8831) return 'A';
  if (hundredths >= 7661) return 'B';
  if (hundredths >= 6500) return 'C';
  return 'D';
}

/** Equal weights (1/9 each), the regulation's default. */
export const EQUAL_WEIGHTS: readonly number[] = Object.freeze(
  Array.from({ length: SKM_ELEMENT_COUNT }, () => 1 / SKM_ELEMENT_COUNT),
);

function checkWeights(weights: readonly number[]): void {
  if (weights.length !== SKM_ELEMENT_COUNT) {
    throw new IkmInputError(`bobot harus ${SKM_ELEMENT_COUNT} angka, diterima ${weights.length}`);
  }
  if (weights.some((w) => !Number.isFinite(w) || w < 0)) {
    throw new IkmInputError('bobot harus angka tidak negatif');
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > 1e-6) throw new IkmInputError(`jumlah bobot harus 1, bukan ${sum}`);
}

function checkTotals(totals: IkmTotals): void {
  const n = totals.respondents;
  if (!Number.isInteger(n) || n < 0) {
    throw new IkmInputError(`jumlah responden harus bilangan bulat >= 0: ${n}`);
  }
  if (totals.sums.length !== SKM_ELEMENT_COUNT) {
    throw new IkmInputError(`jumlah nilai harus ${SKM_ELEMENT_COUNT} unsur`);
  }
  totals.sums.forEach((sum, i) => {
    if (!Number.isInteger(sum) || sum < n * SKM_MIN_SCORE || sum > n * SKM_MAX_SCORE) {
      throw new IkmInputError(
        `jumlah nilai U${i + 1} (${sum}) tidak mungkin untuk ${n} responden bernilai 1-4`,
      );
    }
  });
}

/** The index from totals; the empty case (no respondent) gives nulls, not a grade. */
export function computeIkm(
  totals: IkmTotals,
  weights: readonly number[] = EQUAL_WEIGHTS,
): IkmResult {
  checkTotals(totals);
  const n = totals.respondents;
  if (n === 0) {
    return {
      respondents: 0,
      averages: null,
      index: null,
      converted: null,
      shown: null,
      grade: null,
    };
  }
  const equal = weights === EQUAL_WEIGHTS;
  if (!equal) checkWeights(weights);
  const averages = totals.sums.map((sum) => sum / n);
  let index: number;
  let converted: number;
  if (equal) {
    // One division of integers: the result is the double nearest the exact fraction, so a value
    // exactly on a printed bound (65, 76.6, 88.3) compares equal to it.
    const all = totals.sums.reduce((a, b) => a + b, 0);
    index = all / (SKM_ELEMENT_COUNT * n);
    converted = (IKM_CONVERSION * all) / (SKM_ELEMENT_COUNT * n);
  } else {
    index = averages.reduce((acc, avg, i) => acc + avg * weights[i], 0);
    converted = index * IKM_CONVERSION;
  }
  // Keep noise from pushing a value just outside the scale.
  converted = Math.min(100, Math.max(25, converted));
  index = Math.min(SKM_MAX_SCORE, Math.max(SKM_MIN_SCORE, index));
  return {
    respondents: n,
    averages,
    index,
    converted,
    shown: ikmShown(converted),
    grade: ikmGrade(converted),
  };
}

/** Totals of filled questionnaires, each nine scores 1-4. */
export function totalsOf(responses: readonly (readonly number[])[]): IkmTotals {
  const sums = new Array<number>(SKM_ELEMENT_COUNT).fill(0);
  responses.forEach((scores, r) => {
    if (scores.length !== SKM_ELEMENT_COUNT) {
      throw new IkmInputError(`kuesioner ${r + 1}: harus ${SKM_ELEMENT_COUNT} nilai`);
    }
    scores.forEach((score, i) => {
      if (!Number.isInteger(score) || score < SKM_MIN_SCORE || score > SKM_MAX_SCORE) {
        throw new IkmInputError(`kuesioner ${r + 1}, U${i + 1}: nilai harus 1-4, bukan ${score}`);
      }
      sums[i] += score;
    });
  });
  return { respondents: responses.length, sums };
}

/** Totals of two groups together (months into a quarter). */
export function addTotals(a: IkmTotals, b: IkmTotals): IkmTotals {
  return {
    respondents: a.respondents + b.respondents,
    sums: Array.from({ length: SKM_ELEMENT_COUNT }, (_, i) => (a.sums[i] ?? 0) + (b.sums[i] ?? 0)),
  };
}

export const EMPTY_TOTALS: IkmTotals = Object.freeze({
  respondents: 0,
  sums: Object.freeze(new Array<number>(SKM_ELEMENT_COUNT).fill(0)),
});

/** The index of a list of filled questionnaires. */
export function ikmOfResponses(
  responses: readonly (readonly number[])[],
  weights: readonly number[] = EQUAL_WEIGHTS,
): IkmResult {
  return computeIkm(totalsOf(responses), weights);
}
