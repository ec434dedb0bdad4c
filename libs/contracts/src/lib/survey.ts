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

/** `POST /api/v1/survey/{token}`. */
export interface SurveySubmission {
  /** Nine scores 1-4, U1 first. */
  scores: number[];
  comment?: string | null;
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
