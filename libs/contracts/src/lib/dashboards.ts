/**
 * SLA dashboards (`/api/v1/dashboards/...`). Every figure of time is working time in minutes,
 * read from the SLA clocks: the frozen figures of closed tickets and completed steps, so a
 * dashboard row agrees with the ticket pages it counts. Periods are the office's local months.
 */
import type { IkmRow, IkmTotalRow } from './survey';

export type DashboardPeriod = 'month' | 'quarter' | 'year';
export const DASHBOARD_PERIODS: readonly DashboardPeriod[] = ['month', 'quarter', 'year'];

/** Ticket level: closed tickets; step level: completed procedure steps. */
export type ComplianceLevel = 'tickets' | 'steps';
export const COMPLIANCE_LEVELS: readonly ComplianceLevel[] = ['tickets', 'steps'];

/** `agent`: the ticket's handling agent; `holder`: the person who completed the step. */
export type ComplianceGroup = 'period' | 'service' | 'opd' | 'agent' | 'position' | 'holder';
export const COMPLIANCE_GROUPS: readonly ComplianceGroup[] = [
  'period',
  'service',
  'opd',
  'agent',
  'position',
  'holder',
];
/** The groupings each level offers. */
export const GROUPS_OF_LEVEL: Record<ComplianceLevel, readonly ComplianceGroup[]> = {
  tickets: ['period', 'service', 'opd', 'agent'],
  steps: ['period', 'service', 'position', 'holder'],
};

/** Filters shared by every dashboard query (`from`/`to` are months, `YYYY-MM`, inclusive). */
export interface DashboardFilter {
  office?: string;
  service?: string;
  opd?: string;
  from?: string;
  to?: string;
  period?: DashboardPeriod;
}

/** Who the figures cover: the whole office, or one person's own steps. */
export interface DashboardScope {
  office: string;
  /** Set for an executor: only the steps they hold or completed. */
  holderId: string | null;
  holderName: string | null;
}

export interface DashboardMeta {
  scope: DashboardScope;
  from: string;
  to: string;
  period: DashboardPeriod;
  /** Closed tickets and completed steps are counted up to this instant (the last refresh). */
  dataAsOf: string | null;
  /** When live figures (backlog, at risk, workload) were read. */
  generatedAt: string;
}

export interface ComplianceRow {
  key: string;
  label: string;
  total: number;
  /** Stopped at or before the target. */
  met: number;
  /** After the target, within the limit. */
  metLate: number;
  breached: number;
  /** (met + metLate) / total, 0..1; null when total is 0. */
  withinLimitShare: number | null;
  metShare: number | null;
  averageMinutes: number | null;
}

export interface ComplianceResponse extends DashboardMeta {
  level: ComplianceLevel;
  by: ComplianceGroup;
  rows: ComplianceRow[];
  /** Totals per period over the range (the trend), oldest first. */
  trend: ComplianceRow[];
}

export interface StepBottleneckRow {
  service: string;
  serviceName: string;
  stepOrder: number;
  position: string;
  positionName: string;
  /** The step's time standard as written ("1-2 Jam", "7 Hari"). */
  standard: string | null;
  /** Working minutes the standard's target allows (largest seen). */
  targetMinutes: number | null;
  count: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
  /** Completed after the target (late within the limit, or breached), 0..1. */
  lateShare: number | null;
  breached: number;
}

export interface StepBottlenecksResponse extends DashboardMeta {
  rows: StepBottleneckRow[];
}

export interface BacklogBucket {
  key: string;
  /** Age in working days since the request was received: [minDays, maxDays] inclusive. */
  minDays: number;
  maxDays: number | null;
  count: number;
  breached: number;
}

export interface BacklogResponse extends DashboardMeta {
  buckets: BacklogBucket[];
  total: number;
}

export interface AtRiskTicket {
  id: string;
  number: string;
  subject: string;
  service: string;
  state: 'at-risk' | 'breached';
  dueAt: string | null;
}

export interface AtRiskStep {
  ticketId: string;
  number: string;
  stepOrder: number;
  position: string;
  positionName: string;
  state: 'at-risk' | 'breached';
  dueAt: string | null;
}

export interface AtRiskResponse extends DashboardMeta {
  atRisk: number;
  breached: number;
  tickets: AtRiskTicket[];
  steps: AtRiskStep[];
}

export interface FirstResponseRow {
  key: string;
  label: string;
  total: number;
  met: number;
  metLate: number;
  breached: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
}

export interface FirstResponseResponse extends DashboardMeta {
  /** One row per period of the range. */
  rows: FirstResponseRow[];
  overall: FirstResponseRow;
}

export interface WorkloadRow {
  key: string;
  label: string;
  /** Active steps now. */
  active: number;
  atRisk: number;
  breached: number;
}

export interface WorkloadResponse extends DashboardMeta {
  positions: WorkloadRow[];
  holders: WorkloadRow[];
}

/** The tables a dashboard exports as CSV or XLSX (`GET /dashboards/<table>.csv|.xlsx`). */
export type DashboardTable =
  'compliance' | 'steps' | 'backlog' | 'at-risk' | 'first-response' | 'workload' | 'ikm';
export const DASHBOARD_TABLES: readonly DashboardTable[] = [
  'compliance',
  'steps',
  'backlog',
  'at-risk',
  'first-response',
  'workload',
  'ikm',
];

/**
 * `GET /api/v1/dashboards/ikm`: the satisfaction index (IKM) per service and period with its
 * grade and respondents, and all services together per period, from the questionnaires
 * submitted in the months of the filter (office-local dates; read live, not from the rollups).
 */
export interface IkmDashboardResponse extends DashboardMeta {
  rows: IkmRow[];
  totals: IkmTotalRow[];
}

/** `POST /api/v1/dashboards/refresh` (admins): what one refresh brought into the figures. */
export interface DashboardRefreshView {
  tickets: number;
  ticketFacts: number;
  stepFacts: number;
  /** Rollup groups brought up to date. */
  groups: number;
  dataAsOf: string | null;
}
