import {
  addTotals,
  computeIkm,
  EMPTY_TOTALS,
  IkmInputError,
  ikmGrade,
  ikmOfResponses,
  ikmShown,
  ikmShownText,
  totalsOf,
} from './ikm';

const all = (score: number) => new Array<number>(9).fill(score);

describe('IKM calculator (Permenpan RB 14/2017)', () => {
  it('computes averages, index, converted value and grade of four questionnaires', () => {
    const result = ikmOfResponses([
      [4, 4, 4, 4, 4, 4, 4, 4, 4],
      [3, 3, 3, 3, 3, 3, 3, 3, 3],
      [3, 4, 3, 4, 3, 4, 3, 4, 3],
      [2, 3, 3, 4, 3, 3, 4, 3, 2],
    ]);
    // Sums per element: U1 4+3+3+2=12, U2 4+3+4+3=14, U3 4+3+3+3=13, U4 4+3+4+4=15,
    // U5 4+3+3+3=13, U6 14, U7 4+3+3+4=14, U8 14, U9 4+3+3+2=12; all together 121.
    // NRR = sum / 4; IKM = 121 / (9 x 4) = 3.36111...; converted = 3025 / 36 = 84.02777... -> B.
    expect(result.respondents).toBe(4);
    expect(result.averages).toEqual([3, 3.5, 3.25, 3.75, 3.25, 3.5, 3.5, 3.5, 3]);
    expect(result.index).toBeCloseTo(3.361111, 6);
    expect(result.converted).toBeCloseTo(84.027778, 6);
    expect(result.grade).toBe('B');
  });

  it('applies other weights when given (they must sum to 1)', () => {
    const responses = [
      [4, 4, 4, 4, 4, 4, 4, 4, 4],
      [3, 3, 3, 3, 3, 3, 3, 3, 3],
      [3, 4, 3, 4, 3, 4, 3, 4, 3],
      [2, 3, 3, 4, 3, 3, 4, 3, 2],
    ];
    const weights = [0.2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1];
    // 0.2 x 3 + 0.1 x (3.5 + 3.25 + 3.75 + 3.25 + 3.5 + 3.5 + 3.5 + 3) = 0.6 + 2.725 = 3.325;
    // converted 3.325 x 25 = 83.125 -> B.
    const result = ikmOfResponses(responses, weights);
    expect(result.index).toBeCloseTo(3.325, 9);
    expect(result.converted).toBeCloseTo(83.125, 9);
    expect(result.grade).toBe('B');
    expect(() => ikmOfResponses(responses, [0.2, ...all(0.1).slice(1, 8), 0.2])).toThrowError(
      IkmInputError,
    );
  });

  it('puts a value exactly on 65.00 in C and one point less in D', () => {
    // Five questionnaires: three all 3 (81) and two all 2 (36) = 117 points over 45 answers;
    // IKM = 117 / 45 = 2.6; converted 2.6 x 25 = 65.00 exactly -> C (65.00-76.60).
    const onBound = ikmOfResponses([all(3), all(3), all(3), all(2), all(2)]);
    expect(onBound.converted).toBe(65);
    expect(onBound.grade).toBe('C');
    // One answer 3 -> 2: 116 / 45 x 25 = 64.444... -> D.
    const below = ikmOfResponses([all(3), all(3), [2, ...all(3).slice(1)], all(2), all(2)]);
    expect(below.converted).toBeCloseTo(64.444444, 6);
    expect(below.grade).toBe('D');
  });

  it('keeps 76.60 in C and 88.30 in B; the next point up changes the grade', () => {
    // 125 respondents, each element summing to 383: 3447 / 1125 x 25 = 76.60 exactly -> C.
    const c = computeIkm({ respondents: 125, sums: new Array(9).fill(383) });
    expect(c.converted).toBe(76.6);
    expect(c.grade).toBe('C');
    // One more point: 3448 / 1125 x 25 = 76.6222... -> B (unrounded, above 76.60).
    const sumsB = [384, ...new Array(8).fill(383)];
    expect(computeIkm({ respondents: 125, sums: sumsB }).grade).toBe('B');
    // 250 respondents, each element 883: 7947 / 2250 x 25 = 88.30 exactly -> B.
    const b = computeIkm({ respondents: 250, sums: new Array(9).fill(883) });
    expect(b.converted).toBe(88.3);
    expect(b.grade).toBe('B');
    // 7948 / 2250 x 25 = 88.3111... -> A.
    expect(computeIkm({ respondents: 250, sums: [884, ...new Array(8).fill(883)] }).grade).toBe(
      'A',
    );
  });

  it('grades a value between printed bounds by its shown (truncated) value', () => {
    // The number printed is truncated to two decimals; the grade must agree with it.
    expect(ikmGrade(64.995)).toBe('D');
    expect(ikmShownText(76.605)).toBe('76.60');
    expect(ikmGrade(76.605)).toBe('C');
    expect(ikmShownText(88.305)).toBe('88.30');
    expect(ikmGrade(88.305)).toBe('B');
    expect(ikmGrade(25)).toBe('D');
    expect(ikmGrade(100)).toBe('A');
    expect(() => ikmGrade(24.9)).toThrowError(IkmInputError);
    expect(() => ikmGrade(Number.NaN)).toThrowError(IkmInputError);
  });

  it('shows the value truncated, never rounded, to two decimals', () => {
    expect(ikmShownText(88.309)).toBe('88.30');
    expect(ikmShown(88.309)).toBe(88.3);
    expect(ikmShownText(64.999)).toBe('64.99');
    expect(ikmShownText(76.6)).toBe('76.60');
    expect(ikmShownText(65)).toBe('65.00');
    expect(ikmShownText(100)).toBe('100.00');
    expect(ikmShownText(25)).toBe('25.00');
    // 2 / 3 x 100 is 66.666...: shown as 66.66, not 66.67.
    expect(ikmShownText(200 / 3)).toBe('66.66');
    expect(() => ikmShown(100.5)).toThrowError(IkmInputError);
  });

  it('grades every printed bound of Permenpan RB 14/2017 as the table reads', () => {
    const cases: [number, string, string][] = [
      [25, '25.00', 'D'],
      [64.99, '64.99', 'D'],
      [64.9999, '64.99', 'D'],
      [65, '65.00', 'C'],
      [65.001, '65.00', 'C'],
      [76.6, '76.60', 'C'],
      [76.6099, '76.60', 'C'],
      [76.61, '76.61', 'B'],
      [88.3, '88.30', 'B'],
      [88.309, '88.30', 'B'],
      [88.31, '88.31', 'A'],
      [100, '100.00', 'A'],
    ];
    for (const [value, shown, grade] of cases) {
      expect(`${value}: ${ikmShownText(value)} ${ikmGrade(value)}`).toBe(
        `${value}: ${shown} ${grade}`,
      );
    }
  });

  it('gives a computed index its shown value, graded from it', () => {
    // 25 x 3448 / 1125 = 76.6222...: shown 76.62, B.
    const r = computeIkm({ respondents: 125, sums: [384, ...new Array(8).fill(383)] });
    expect(r.shown).toBe(76.62);
    expect(r.grade).toBe('B');
    // 25 x 7947 / 2250 = 88.30 exactly: shown 88.30, B.
    const b = computeIkm({ respondents: 250, sums: new Array(9).fill(883) });
    expect(b.shown).toBe(88.3);
    expect(b.grade).toBe('B');
  });

  it('gives nulls, not a grade, with no respondent', () => {
    expect(computeIkm(EMPTY_TOTALS)).toEqual({
      respondents: 0,
      averages: null,
      index: null,
      converted: null,
      shown: null,
      grade: null,
    });
    expect(ikmOfResponses([]).grade).toBeNull();
  });

  it('scores all 1 as 25 (D) and all 4 as 100 (A)', () => {
    expect(ikmOfResponses([all(1)]).converted).toBe(25);
    expect(ikmOfResponses([all(1)]).grade).toBe('D');
    expect(ikmOfResponses([all(4), all(4)]).converted).toBe(100);
    expect(ikmOfResponses([all(4)]).grade).toBe('A');
  });

  it('rolls totals up: two months added give the same index as all questionnaires', () => {
    const may = [all(4), [3, 3, 2, 4, 3, 3, 4, 3, 2]];
    const june = [[1, 2, 3, 4, 4, 3, 2, 1, 2]];
    const both = addTotals(totalsOf(may), totalsOf(june));
    expect(both.respondents).toBe(3);
    // U1 4+3+1 = 8, U3 4+2+3 = 9, U9 4+2+2 = 8
    expect(both.sums[0]).toBe(8);
    expect(both.sums[2]).toBe(9);
    expect(both.sums[8]).toBe(8);
    expect(computeIkm(both)).toEqual(ikmOfResponses([...may, ...june]));
  });

  it('refuses impossible input', () => {
    expect(() => ikmOfResponses([[4, 4, 4]])).toThrowError(IkmInputError);
    expect(() => ikmOfResponses([[5, 4, 4, 4, 4, 4, 4, 4, 4]])).toThrowError(IkmInputError);
    expect(() => ikmOfResponses([[0, 4, 4, 4, 4, 4, 4, 4, 4]])).toThrowError(IkmInputError);
    expect(() => ikmOfResponses([[2.5, 4, 4, 4, 4, 4, 4, 4, 4]])).toThrowError(IkmInputError);
    // 2 respondents cannot sum to 9 on one element (at most 8).
    expect(() => computeIkm({ respondents: 2, sums: [9, 2, 2, 2, 2, 2, 2, 2, 2] })).toThrowError(
      IkmInputError,
    );
    expect(() => computeIkm({ respondents: -1, sums: new Array(9).fill(0) })).toThrowError(
      IkmInputError,
    );
  });
});
