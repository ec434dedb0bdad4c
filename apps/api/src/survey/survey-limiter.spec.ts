import { SurveyLimiter } from './survey-limiter';

describe('survey limiter', () => {
  it('allows the limit per window and per address, then says how long to wait', () => {
    const limiter = new SurveyLimiter(3, 60_000);
    const t0 = 1_000_000;
    expect([1, 2, 3].map(() => limiter.hit('10.0.0.1', t0))).toEqual([null, null, null]);
    expect(limiter.hit('10.0.0.1', t0 + 15_000)).toBe(45);
    expect(limiter.hit('10.0.0.2', t0 + 15_000)).toBeNull();
    expect(limiter.hit('10.0.0.1', t0 + 60_000)).toBeNull();
  });
});
