import {
  PROFILE_MIN_COUNT,
  RESPONDENT_AGE_BANDS,
  RESPONDENT_EDUCATIONS,
  RESPONDENT_OCCUPATIONS,
  RESPONDENT_SEXES,
  type ProfileCount,
  type ProfileDimension,
  type ProfileOption,
} from '@sigap/contracts';

/** The stored column and the categories of each profile dimension. */
export const PROFILE_DIMENSIONS: readonly {
  dimension: ProfileDimension;
  column: string;
  options: readonly ProfileOption<string>[];
}[] = [
  { dimension: 'sex', column: 'respondent_sex', options: RESPONDENT_SEXES },
  { dimension: 'ageBand', column: 'respondent_age_band', options: RESPONDENT_AGE_BANDS },
  { dimension: 'education', column: 'respondent_education', options: RESPONDENT_EDUCATIONS },
  { dimension: 'occupation', column: 'respondent_occupation', options: RESPONDENT_OCCUPATIONS },
];

export const NOT_GIVEN = 'tidak-diisi';
export const MERGED = 'digabung';

/**
 * The counts of one dimension as they may be shown: categories in the list's order (then "not
 * given"), zero counts left out, and every count below `min` merged into one `digabung` line.
 * While that line is itself below `min`, the smallest shown category joins it: a single small
 * count hidden among large ones could otherwise be worked out from the total. Called only with
 * a total of at least `min` (smaller totals are not broken down at all), so the merged line
 * always ends at `min` or more.
 */
export function shownCounts(
  options: readonly ProfileOption<string>[],
  counts: ReadonlyMap<string | null, number>,
  min: number = PROFILE_MIN_COUNT,
): ProfileCount[] {
  const all: ProfileCount[] = [
    ...options.map((o) => ({
      category: o.code,
      label: o.label.id,
      count: counts.get(o.code) ?? 0,
    })),
    { category: NOT_GIVEN, label: 'Tidak diisi', count: counts.get(null) ?? 0 },
  ].filter((c) => c.count > 0);
  const shown = all.filter((c) => c.count >= min);
  const merged = all.filter((c) => c.count < min);
  if (!merged.length) return shown;
  let sum = merged.reduce((s, c) => s + c.count, 0);
  while (sum < min && shown.length) {
    // The smallest shown category (the last of equals, to keep the list's order stable).
    let at = 0;
    shown.forEach((c, i) => {
      if (c.count <= shown[at].count) at = i;
    });
    const [moved] = shown.splice(at, 1);
    merged.push(moved);
    sum += moved.count;
  }
  const order = new Map(all.map((c, i) => [c.category, i]));
  merged.sort((a, b) => (order.get(a.category) ?? 0) - (order.get(b.category) ?? 0));
  return [
    ...shown,
    {
      category: MERGED,
      label: `Digabung (kategori di bawah ${min} responden)`,
      count: sum,
      merged: merged.map((c) => c.category),
    },
  ];
}
