import fc from 'fast-check';
import { computeIkm, ikmOfResponses, totalsOf, type IkmGrade } from './ikm';

const RANK: Record<IkmGrade, number> = { D: 0, C: 1, B: 2, A: 3 };
const questionnaire = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 9, maxLength: 9 });
const questionnaires = fc.array(questionnaire, { minLength: 1, maxLength: 120 });
/** Nine non-negative weights, normalised to sum to 1. */
const weights = fc
  .array(fc.integer({ min: 0, max: 1000 }), { minLength: 9, maxLength: 9 })
  .filter((w) => w.some((x) => x > 0))
  .map((w) => {
    const sum = w.reduce((a, b) => a + b, 0);
    return w.map((x) => x / sum);
  });

describe('IKM calculator properties', () => {
  it('keeps the index in 1-4 and the converted value in 25-100, with a grade', () => {
    fc.assert(
      fc.property(questionnaires, (responses) => {
        const r = ikmOfResponses(responses);
        expect(r.index).toBeGreaterThanOrEqual(1);
        expect(r.index).toBeLessThanOrEqual(4);
        expect(r.converted).toBeGreaterThanOrEqual(25);
        expect(r.converted).toBeLessThanOrEqual(100);
        expect(r.grade).not.toBeNull();
        expect(r.converted).toBeCloseTo((r.index ?? 0) * 25, 9);
      }),
      { numRuns: 300 },
    );
  });

  it('stays in 25-100 under any weights summing to 1', () => {
    fc.assert(
      fc.property(questionnaires, weights, (responses, w) => {
        const r = ikmOfResponses(responses, w);
        expect(r.converted).toBeGreaterThanOrEqual(25);
        expect(r.converted).toBeLessThanOrEqual(100);
      }),
      { numRuns: 300 },
    );
  });

  it('is monotone: raising one answer never lowers the index or the grade', () => {
    fc.assert(
      fc.property(
        questionnaires,
        fc.nat(),
        fc.integer({ min: 0, max: 8 }),
        (responses, pick, element) => {
          const who = pick % responses.length;
          fc.pre(responses[who][element] < 4);
          const before = ikmOfResponses(responses);
          const raised = responses.map((q, i) =>
            i === who ? q.map((s, e) => (e === element ? s + 1 : s)) : q,
          );
          const after = ikmOfResponses(raised);
          expect(after.converted ?? 0).toBeGreaterThan(before.converted ?? 0);
          expect(RANK[after.grade as IkmGrade]).toBeGreaterThanOrEqual(
            RANK[before.grade as IkmGrade],
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is monotone under weights too (never lower)', () => {
    fc.assert(
      fc.property(
        questionnaires,
        weights,
        fc.nat(),
        fc.integer({ min: 0, max: 8 }),
        (responses, w, pick, element) => {
          const who = pick % responses.length;
          fc.pre(responses[who][element] < 4);
          const raised = responses.map((q, i) =>
            i === who ? q.map((s, e) => (e === element ? s + 1 : s)) : q,
          );
          expect(ikmOfResponses(raised, w).converted ?? 0).toBeGreaterThanOrEqual(
            (ikmOfResponses(responses, w).converted ?? 0) - 1e-9,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order of the questionnaires', () => {
    fc.assert(
      fc.property(questionnaires, (responses) => {
        const reversed = [...responses].reverse();
        expect(computeIkm(totalsOf(reversed))).toEqual(computeIkm(totalsOf(responses)));
      }),
      { numRuns: 100 },
    );
  });
});
