/**
 * The satisfaction survey (Survei Kepuasan Masyarakat, Permenpan RB 14/2017) and the satisfaction
 * index (IKM) as the API answers them. The nine elements are fixed by the regulation; the texts
 * here are what the public survey page and the reports show.
 */

export type SkmElementCode = 'U1' | 'U2' | 'U3' | 'U4' | 'U5' | 'U6' | 'U7' | 'U8' | 'U9';

export interface SurveyText {
  id: string;
  en: string;
}

export interface SkmElement {
  code: SkmElementCode;
  /** The element's name in the regulation ("Persyaratan"). */
  label: SurveyText;
  /** The question put to the respondent. */
  question: SurveyText;
  /** Answer texts for the scores 1, 2, 3 and 4, in that order. */
  answers: readonly [SurveyText, SurveyText, SurveyText, SurveyText];
}

const t = (id: string, en: string): SurveyText => ({ id, en });

/** The nine elements in the regulation's order (U1 first). */
export const SKM_ELEMENTS: readonly SkmElement[] = [
  {
    code: 'U1',
    label: t('Persyaratan', 'Requirements'),
    question: t(
      'Bagaimana kesesuaian persyaratan pelayanan dengan jenis pelayanannya?',
      'How well do the requirements fit the kind of service?',
    ),
    answers: [
      t('Tidak sesuai', 'Not fitting'),
      t('Kurang sesuai', 'Hardly fitting'),
      t('Sesuai', 'Fitting'),
      t('Sangat sesuai', 'Very fitting'),
    ],
  },
  {
    code: 'U2',
    label: t('Sistem, mekanisme, dan prosedur', 'System, mechanism and procedure'),
    question: t(
      'Bagaimana kemudahan prosedur pelayanan di unit ini?',
      'How easy is the service procedure of this office?',
    ),
    answers: [
      t('Tidak mudah', 'Not easy'),
      t('Kurang mudah', 'Hardly easy'),
      t('Mudah', 'Easy'),
      t('Sangat mudah', 'Very easy'),
    ],
  },
  {
    code: 'U3',
    label: t('Waktu penyelesaian', 'Completion time'),
    question: t(
      'Bagaimana kecepatan waktu dalam memberikan pelayanan?',
      'How fast was the service delivered?',
    ),
    answers: [
      t('Tidak cepat', 'Not fast'),
      t('Kurang cepat', 'Hardly fast'),
      t('Cepat', 'Fast'),
      t('Sangat cepat', 'Very fast'),
    ],
  },
  {
    code: 'U4',
    label: t('Biaya/tarif', 'Cost/fee'),
    question: t(
      'Bagaimana kewajaran biaya/tarif dalam pelayanan?',
      'How fair is the cost or fee of the service?',
    ),
    answers: [
      t('Sangat mahal', 'Very expensive'),
      t('Cukup mahal', 'Rather expensive'),
      t('Murah', 'Cheap'),
      t('Gratis', 'Free of charge'),
    ],
  },
  {
    code: 'U5',
    label: t('Produk spesifikasi jenis pelayanan', 'Service product specification'),
    question: t(
      'Bagaimana kesesuaian produk pelayanan yang tercantum dalam standar pelayanan dengan hasil yang diberikan?',
      'How well does the product you received match the one in the service standard?',
    ),
    answers: [
      t('Tidak sesuai', 'Not matching'),
      t('Kurang sesuai', 'Hardly matching'),
      t('Sesuai', 'Matching'),
      t('Sangat sesuai', 'Fully matching'),
    ],
  },
  {
    code: 'U6',
    label: t('Kompetensi pelaksana', 'Staff competence'),
    question: t(
      'Bagaimana kompetensi/kemampuan petugas dalam pelayanan?',
      'How competent were the staff serving you?',
    ),
    answers: [
      t('Tidak kompeten', 'Not competent'),
      t('Kurang kompeten', 'Hardly competent'),
      t('Kompeten', 'Competent'),
      t('Sangat kompeten', 'Very competent'),
    ],
  },
  {
    code: 'U7',
    label: t('Perilaku pelaksana', 'Staff behaviour'),
    question: t(
      'Bagaimana perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?',
      'How polite and friendly were the staff?',
    ),
    answers: [
      t('Tidak sopan dan ramah', 'Not polite or friendly'),
      t('Kurang sopan dan ramah', 'Hardly polite or friendly'),
      t('Sopan dan ramah', 'Polite and friendly'),
      t('Sangat sopan dan ramah', 'Very polite and friendly'),
    ],
  },
  {
    code: 'U8',
    label: t('Sarana dan prasarana', 'Facilities'),
    question: t(
      'Bagaimana kualitas sarana dan prasarana pelayanan?',
      'How good are the facilities of the service?',
    ),
    answers: [
      t('Buruk', 'Poor'),
      t('Cukup', 'Adequate'),
      t('Baik', 'Good'),
      t('Sangat baik', 'Very good'),
    ],
  },
  {
    code: 'U9',
    label: t('Penanganan pengaduan pengguna layanan', 'Handling of complaints'),
    question: t(
      'Bagaimana penanganan pengaduan pengguna layanan?',
      'How are complaints from service users handled?',
    ),
    answers: [
      t('Tidak ada', 'There is none'),
      t('Ada tetapi tidak berfungsi', 'Exists but does not work'),
      t('Berfungsi kurang maksimal', 'Works, but not fully'),
      t('Dikelola dengan baik', 'Well managed'),
    ],
  },
];

/** Longest comment accepted, in characters. */
export const SURVEY_COMMENT_MAX = 2000;

/** `GET /api/v1/survey/{token}`: what the public page shows (no personal data). */
export interface SurveyView {
  ticketNumber: string;
  serviceName: string;
  /** ISO 8601, UTC. */
  expiresAt: string;
}

/**
 * The optional respondent profile of the questionnaire (Permenpan RB 14/2017): sex, age, last
 * education and occupation, each a fixed list of categories. Only counts per category are ever
 * reported, never one respondent's answers.
 */
export type RespondentSex = 'laki-laki' | 'perempuan';
export type RespondentAgeBand = 'lt20' | '20-29' | '30-39' | '40-49' | '50-59' | '60plus';
export type RespondentEducation = 'sd' | 'smp' | 'sma' | 'diploma' | 's1' | 's2' | 's3';
export type RespondentOccupation =
  'pns' | 'tni-polri' | 'swasta' | 'wirausaha' | 'pelajar' | 'lainnya';

export interface ProfileOption<T extends string> {
  code: T;
  label: SurveyText;
}

const o = <T extends string>(code: T, id: string, en: string): ProfileOption<T> => ({
  code,
  label: t(id, en),
});

export const RESPONDENT_SEXES: readonly ProfileOption<RespondentSex>[] = [
  o('laki-laki', 'Laki-laki', 'Male'),
  o('perempuan', 'Perempuan', 'Female'),
];

export const RESPONDENT_AGE_BANDS: readonly ProfileOption<RespondentAgeBand>[] = [
  o('lt20', 'Di bawah 20 tahun', 'Under 20'),
  o('20-29', '20-29 tahun', '20-29'),
  o('30-39', '30-39 tahun', '30-39'),
  o('40-49', '40-49 tahun', '40-49'),
  o('50-59', '50-59 tahun', '50-59'),
  o('60plus', '60 tahun ke atas', '60 and over'),
];

export const RESPONDENT_EDUCATIONS: readonly ProfileOption<RespondentEducation>[] = [
  o('sd', 'SD atau sederajat', 'Primary school'),
  o('smp', 'SMP atau sederajat', 'Junior high school'),
  o('sma', 'SMA atau sederajat', 'Senior high school'),
  o('diploma', 'D1/D2/D3/D4', 'Diploma'),
  o('s1', 'S1', "Bachelor's degree"),
  o('s2', 'S2', "Master's degree"),
  o('s3', 'S3', 'Doctorate'),
];

export const RESPONDENT_OCCUPATIONS: readonly ProfileOption<RespondentOccupation>[] = [
  o('pns', 'PNS/ASN', 'Civil servant'),
  o('tni-polri', 'TNI/Polri', 'Armed forces/police'),
  o('swasta', 'Pegawai swasta', 'Private employee'),
  o('wirausaha', 'Wirausaha', 'Self-employed'),
  o('pelajar', 'Pelajar/mahasiswa', 'Student'),
  o('lainnya', 'Lainnya', 'Other'),
];

/** Youngest and oldest age accepted as a number (then kept only as its band). */
export const RESPONDENT_AGE_MIN = 10;
export const RESPONDENT_AGE_MAX = 120;

/** The band of an age in years. */
export function ageBandOf(age: number): RespondentAgeBand {
  if (age < 20) return 'lt20';
  if (age < 30) return '20-29';
  if (age < 40) return '30-39';
  if (age < 50) return '40-49';
  if (age < 60) return '50-59';
  return '60plus';
}

/** `POST /api/v1/survey/{token}`. */
export interface SurveySubmission {
  /** Nine scores 1-4, U1 first. */
  scores: number[];
  comment?: string | null;
  /** Optional respondent profile; each field may be left out. */
  sex?: RespondentSex | null;
  /** Age as a band, or `age` in years (kept only as its band); not both. */
  ageBand?: RespondentAgeBand | null;
  age?: number | null;
  education?: RespondentEducation | null;
  occupation?: RespondentOccupation | null;
}

/** Smallest count reported for a category; smaller ones are merged (see `RespondentProfile`). */
export const PROFILE_MIN_COUNT = 5;

export type ProfileDimension = 'sex' | 'ageBand' | 'education' | 'occupation';

export interface ProfileCount {
  /** A category code; `tidak-diisi` for respondents who left it out; `digabung` for merged. */
  category: string;
  label: string;
  count: number;
  /** For `digabung`: the categories merged into it (codes), so the total still adds up. */
  merged?: string[];
}

/**
 * `GET /api/v1/survey/profile?office=&service=&from=&to=`: respondents by profile category, in
 * aggregate only. The range is widened to whole months. With fewer than `PROFILE_MIN_COUNT`
 * respondents nothing is broken down (`suppressed`); otherwise, per dimension, every category
 * below the minimum is merged into one `digabung` line, and while that line is itself below the
 * minimum the next smallest category joins it, so no count under the minimum is shown and none
 * can be worked out by subtraction from the total.
 */
export interface RespondentProfile {
  office: string | null;
  service: string | null;
  /** The month range actually counted (YYYY-MM-DD, whole months). */
  from: string;
  to: string;
  respondents: number;
  minimumCount: number;
  suppressed: boolean;
  /** Empty lists when suppressed. */
  dimensions: Record<ProfileDimension, ProfileCount[]>;
}

export interface SurveySubmitted {
  ticketNumber: string;
  submittedAt: string;
}

/** Problem codes of the public survey endpoints, for the page to choose what to show. */
export type SurveyProblemCode =
  'survey.invalid' | 'survey.expired' | 'survey.used' | 'survey.rate_limited' | 'validation.failed';

export type IkmPeriod = 'month' | 'quarter' | 'year';
export type IkmGradeLetter = 'A' | 'B' | 'C' | 'D';

/** The index of one group of questionnaires. */
export interface IkmFigures {
  respondents: number;
  /** Average score (NRR) per element, U1 first; null with no respondent. */
  averages: number[] | null;
  /** 1-4; null with no respondent. */
  index: number | null;
  /** index x 25 (25-100), unrounded; null with no respondent. */
  converted: number | null;
  /**
   * The converted value as it is displayed: truncated (not rounded) to two decimals, "88.30" for
   * 88.309; null with no respondent. The grade is read from this value.
   */
  shown: string | null;
  /** The grade of the shown value (Permenpan RB 14/2017 intervals). */
  grade: IkmGradeLetter | null;
  /** The grade's name in Bahasa Indonesia ("Baik"); null with no respondent. */
  gradeName: string | null;
}

export interface IkmRow extends IkmFigures {
  officeCode: string;
  /** `2026-05`, `2026-Q2` or `2026`, in the office's time zone. */
  period: string;
  serviceCode: string;
  serviceName: string;
}

export interface IkmTotalRow extends IkmFigures {
  officeCode: string;
  period: string;
}

/** `GET /api/v1/survey/ikm?office=&service=&from=&to=&period=`. */
export interface IkmReport {
  office: string | null;
  service: string | null;
  /** Local dates (YYYY-MM-DD), inclusive. */
  from: string;
  to: string;
  period: IkmPeriod;
  /** One row per office, service and period with at least one respondent. */
  rows: IkmRow[];
  /** All services of an office together, per period. */
  totals: IkmTotalRow[];
}

/** `GET /api/v1/survey/comments?office=&service=&from=&to=`: newest first. */
export interface SurveyComment {
  ticketNumber: string;
  officeCode: string;
  serviceCode: string;
  serviceName: string;
  submittedAt: string;
  /** The respondent's own converted index (25-100). */
  converted: number;
  /** That index as displayed: truncated to two decimals ("81.94"). */
  shown: string;
  comment: string;
}

export interface SurveyCommentPage {
  items: SurveyComment[];
  total: number;
}
