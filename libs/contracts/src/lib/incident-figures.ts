/**
 * `GET /api/v1/dashboards/incidents`: incidents closed in the month range (counted in the month
 * their resolution clock stopped, office-local, as requests are), by priority and by affected IT
 * service. Each clock runs on the incident's calendar: round the clock when one of its services
 * is supported 24x7, else the office's working time.
 */
import type { DashboardMeta } from './dashboards';
import type { IncidentPriority, SupportHours } from './incidents';

export interface IncidentFigureRow {
  /** `P1`..`P4`, an IT service code, or `all`; `''` for incidents naming no service. */
  key: string;
  label: string;
  /** For a service row: the calendar its incidents are timed on. */
  supportHours: SupportHours | null;
  /** Incidents closed in the range. */
  total: number;
  /** Response (first-response clock): stopped clocks only. */
  responseTotal: number;
  responseMet: number;
  responseMetLate: number;
  responseBreached: number;
  /** (met + met late) / responseTotal; null without any. */
  responseShare: number | null;
  /** Resolution (the ticket's clock, stopped at resolution). */
  resolutionMet: number;
  resolutionMetLate: number;
  resolutionBreached: number;
  /** (met + met late) / total; null without any. */
  resolutionShare: number | null;
  /**
   * Mean time to restore: the resolution clock's running time (paused while waiting on the
   * reporter) on the incident's calendar, in whole minutes; null without any.
   */
  meanRestoreMinutes: number | null;
}

export interface IncidentDashboardResponse extends DashboardMeta {
  /** P1 to P4, always all four. */
  byPriority: (IncidentFigureRow & { key: IncidentPriority })[];
  /** An incident naming two services counts on both rows (once in `total`). */
  byService: IncidentFigureRow[];
  total: IncidentFigureRow;
}
