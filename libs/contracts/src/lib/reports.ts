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

/** Files the SPBE evidence pack is written as: a printable PDF, or its tables as XLSX. */
export const EVIDENCE_PACK_FORMATS = ['pdf', 'xlsx'] as const;
export type EvidencePackFormat = (typeof EVIDENCE_PACK_FORMATS)[number];

/**
 * `GET /api/v1/reports/evidence-pack` query: the "bukti dukung" of the SPBE evaluation
 * (indicator Penerapan Manajemen Layanan SPBE) for an office (admins; managers: their own) and
 * the months `from`..`to` (`YYYY-MM`, inclusive), per `period` (default month).
 */
export interface EvidencePackQuery {
  office?: string;
  from: string;
  to: string;
  period?: 'month' | 'quarter' | 'year';
  format: EvidencePackFormat;
}
