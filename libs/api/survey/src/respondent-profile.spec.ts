import { RESPONDENT_EDUCATIONS, RESPONDENT_SEXES } from '@sigap/contracts';
import { shownCounts } from './respondent-profile';

const counts = (entries: [string | null, number][]) => new Map(entries);

describe('respondent profile counts', () => {
  it('shows every category of at least 5, in the list order, with "not given" last', () => {
    expect(
      shownCounts(
        RESPONDENT_SEXES,
        counts([
          ['perempuan', 7],
          ['laki-laki', 9],
          [null, 5],
        ]),
      ).map((c) => [c.category, c.count]),
    ).toEqual([
      ['laki-laki', 9],
      ['perempuan', 7],
      ['tidak-diisi', 5],
    ]);
  });

  it('merges small categories into one line of at least 5', () => {
    const shown = shownCounts(
      RESPONDENT_EDUCATIONS,
      counts([
        ['sma', 3],
        ['s1', 20],
        ['s2', 2],
        ['s3', 0],
      ]),
    );
    expect(shown.map((c) => [c.category, c.count])).toEqual([
      ['s1', 20],
      ['digabung', 5],
    ]);
    expect(shown[1].merged).toEqual(['sma', 's2']);
  });

  it('never leaves one small count to be worked out from the total: the smallest large one joins', () => {
    // 1 woman among 12 men: showing "men 12, merged 1" would name her count; merge until >= 5.
    const shown = shownCounts(
      RESPONDENT_SEXES,
      counts([
        ['laki-laki', 12],
        ['perempuan', 1],
        [null, 6],
      ]),
    );
    expect(shown.map((c) => [c.category, c.count])).toEqual([
      ['laki-laki', 12],
      ['digabung', 7],
    ]);
    expect(shown[1].merged).toEqual(['perempuan', 'tidak-diisi']);
    expect(shown.every((c) => c.count >= 5)).toBeTrue();
  });
});
