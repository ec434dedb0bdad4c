/**
 * The satisfaction index of Permenpan RB 14/2017 (Indeks Kepuasan Masyarakat).
 *
 * A questionnaire rates nine elements (unsur U1-U9), each 1-4. Per element, the average score
 * (NRR, nilai rata-rata) is the sum of its scores divided by the number of filled
 * questionnaires. The index is the weighted sum of the nine averages (weights 1/9 each unless
 * given, always summing to 1), a value from 1 to 4; the converted index is that value x 25
 * (25-100), and the grade is read from the converted value, unrounded:
 *
 *   25.00 - 64.99  D  tidak baik
 *   65.00 - 76.60  C  kurang baik
 *   76.61 - 88.30  B  baik
 *   88.31 - 100    A  sangat baik
 *
 * A value between two printed bounds (76.605) belongs to the upper grade: the bounds are read
 * as "at least 65", "above 76.60", "above 88.30".
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
  /** index x 25, 25-100; null with no respondent. */
  converted: number | null;
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

/** The grade of a converted index (25-100), on the unrounded value. */
export function ikmGrade(converted: number): IkmGrade {
  if (!Number.isFinite(converted) || converted < 25 - NOISE || converted > 100 + NOISE) {
    throw new IkmInputError(`nilai IKM konversi di luar 25-100: ${converted}`);
  }
  if (converted > 88.3 + NOISE) return 'A';
  if (converted > 76.6 + NOISE) return 'B';
  if (converted >= 65 - NOISE) return 'C';
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
    return { respondents: 0, averages: null, index: null, converted: null, grade: null };
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
  return { respondents: n, averages, index, converted, grade: ikmGrade(converted) };
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
