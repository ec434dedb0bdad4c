/**
 * `GET /api/v1/dashboards/changes`: changes finished in the month range (office-local month of
 * the implementation's actual end, or of the rejection), by risk level and by period, with how
 * they ended, the incidents they caused and whether their approvals were decided in time.
 */
import type { ChangeRisk } from './changes';
import type { DashboardMeta } from './dashboards';

export interface ChangeFigureRow {
  /** A risk level, a period key (`2026-10`, `2026-Q4`, `2026`) or `all`. */
  key: string;
  label: string;
  /** Implemented (with a result) or rejected in the range. */
  total: number;
  /** Implemented, with a result: the "finished" changes. */
  implemented: number;
  success: number;
  failed: number;
  rolledBack: number;
  /** success / implemented; null without any. */
  successRate: number | null;
  rejected: number;
  /** Distinct incidents linked to these changes as caused by them. */
  incidentsCaused: number;
  /** Of these changes, how many caused at least one incident. */
  changesWithIncidents: number;
  /** Approval steps of these changes that were decided, and those decided within their time. */
  approvals: number;
  approvalsOnTime: number;
  /** approvalsOnTime / approvals; null without any. */
  approvalsOnTimeShare: number | null;
}

export interface ChangeDashboardResponse extends DashboardMeta {
  /** rendah, sedang, tinggi: always all three. */
  byRisk: (ChangeFigureRow & { key: ChangeRisk })[];
  /** Every period of the range, oldest first. */
  byPeriod: ChangeFigureRow[];
  total: ChangeFigureRow;
}
