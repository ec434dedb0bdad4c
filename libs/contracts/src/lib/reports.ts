/** Periods the evaluation report covers: one local month or one local year. */
export const REPORT_PERIODS = ['month', 'year'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

/** Languages the printed report is written in; Bahasa Indonesia first. */
export const REPORT_LANGS = ['id', 'en'] as const;
export type ReportLang = (typeof REPORT_LANGS)[number];

/**
 * `GET /api/v1/reports/evaluation` query: the office (admins; managers: their own), the period
 * and either `month` (`2026-10`) or `year` (`2026`). The answer is an `application/pdf` file.
 */
export interface EvaluationReportQuery {
  office?: string;
  period: ReportPeriod;
  month?: string;
  year?: string;
  lang?: ReportLang;
}
