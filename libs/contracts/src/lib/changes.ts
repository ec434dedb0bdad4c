/**
 * Changes (perubahan): a ticket kind of its own. A change names the IT services it touches, a
 * risk level, a rollback plan and a planned window; positions the office sets per risk approve
 * it, each as a step with its own clock; it is then implemented, reviewed and closed.
 */
import type { TicketChannel } from './tickets';

export type ChangeRisk = 'rendah' | 'sedang' | 'tinggi';
export const CHANGE_RISKS: readonly ChangeRisk[] = ['rendah', 'sedang', 'tinggi'];

/**
 * Where a change stands: waiting for its approvals, approved (may be implemented), rejected
 * (closed), withdrawn (cancelled before it was implemented, with a reason), implemented (with a
 * result), reviewed, closed.
 */
export type ChangeState =
  | 'awaiting-approval'
  | 'approved'
  | 'rejected'
  | 'withdrawn'
  | 'implemented'
  | 'reviewed'
  | 'closed';
export const CHANGE_STATES: readonly ChangeState[] = [
  'awaiting-approval',
  'approved',
  'rejected',
  'withdrawn',
  'implemented',
  'reviewed',
  'closed',
];

/** How an implemented change ended. */
export type ChangeResult = 'success' | 'failed' | 'rolled-back';
export const CHANGE_RESULTS: readonly ChangeResult[] = ['success', 'failed', 'rolled-back'];

/** Change numbers: `PRB` + the office's ticket prefix, a counter of their own per year. */
export const CHANGE_NUMBER_MARKER = 'PRB';

/** One approver of a risk level: a position of the office and the time it has to decide. */
export interface ChangeApprover {
  position: string;
  /** In the standards' grammar ("1 hari", "4 jam"). */
  time: string;
}

/** `GET/PUT /api/v1/changes/approval-policy/{office}`: who approves, per risk level. */
export interface ChangeApprovalPolicyView {
  office: string;
  /** For each risk level, its approvers in the order they decide (may be empty). */
  rules: { risk: ChangeRisk; approvers: ChangeApprover[] }[];
  /** True while the office has not set its own (the default is in force). */
  isDefault: boolean;
  updatedAt: string | null;
}

export interface ChangeApprovalPolicyRequest {
  rules: { risk: ChangeRisk; approvers: ChangeApprover[] }[];
}

/** `POST /api/v1/changes`: an agent records a change. */
export interface OpenChangeRequest {
  office: string;
  /** Codes of the affected IT services of the office (at least one). */
  services: string[];
  risk: ChangeRisk;
  channel: Extract<TicketChannel, 'phone' | 'walk-in' | 'email' | 'portal' | 'letter'>;
  subject: string;
  description: string;
  rollbackPlan: string;
  plannedStart: string;
  plannedEnd: string;
  /** An existing contact (of an OPD) ... */
  requesterId?: string;
  /** ... or a new one. */
  requester?: { name: string; email?: string; phone?: string; opdId?: string };
}

/** Another open change on a shared IT service whose planned window overlaps this one's. */
export interface ChangeOverlap {
  number: string;
  subject: string;
  plannedStart: string;
  plannedEnd: string;
  /** The shared services' codes. */
  services: string[];
}

/** One approval: the step that holds it, its position, and what was decided. */
export interface ChangeApprovalView {
  order: number;
  /** The position's code. */
  position: string;
  /** The position's name in the office's organisation (null if it was removed since). */
  positionName: string | null;
  time: string;
  status: 'pending' | 'active' | 'approved' | 'rejected';
  decidedBy: string | null;
  /** The name of whoever decided. */
  decidedByName: string | null;
  decidedAt: string | null;
  reason: string | null;
  dueAt: string | null;
  /** Whether the user reading it may decide it now (holds its position, or is an admin). */
  mayDecide: boolean;
}

/** `GET /api/v1/changes/{number}`: the change's own facts, beside its ticket. */
export interface ChangeView {
  number: string;
  office: string;
  subject: string;
  state: ChangeState;
  risk: ChangeRisk;
  rollbackPlan: string;
  plannedStart: string;
  plannedEnd: string;
  services: { code: string; name: string }[];
  approvals: ChangeApprovalView[];
  overlaps: ChangeOverlap[];
  actualStart: string | null;
  actualEnd: string | null;
  result: ChangeResult | null;
  implementationNote: string | null;
  reviewNote: string | null;
  reviewedAt: string | null;
  /** Incident numbers this change caused (same office). */
  incidents: string[];
  version: number;
}

/** `POST /api/v1/changes` answers the change and, not as a refusal, the overlaps found. */
export interface OpenChangeResponse {
  change: ChangeView;
  warnings: { code: 'change.overlap'; message: string; overlaps: ChangeOverlap[] }[];
}

/** `POST /api/v1/changes/{number}/approvals/{order}/approve|reject`. */
export interface ChangeDecisionRequest {
  reason?: string | null;
  expectedVersion?: number;
}

/** `POST /api/v1/changes/{number}/implement`. */
export interface ImplementChangeRequest {
  actualStart: string;
  actualEnd: string;
  result: ChangeResult;
  note?: string | null;
  expectedVersion?: number;
}

/** `POST /api/v1/changes/{number}/review`. */
/** `POST /api/v1/changes/{number}/withdraw`: the change will not be made (before it is). */
export interface WithdrawChangeRequest {
  reason: string;
  expectedVersion?: number;
}

export interface ReviewChangeRequest {
  note: string;
  expectedVersion?: number;
}

/** `PUT /api/v1/changes/{number}/incidents`: the incidents the change caused. */
export interface ChangeIncidentsRequest {
  incidents: string[];
}

/** `GET /api/v1/changes/calendar?office=&from=&to=`: one entry per change in the range. */
export interface ChangeCalendarEntry {
  number: string;
  subject: string;
  state: ChangeState;
  risk: ChangeRisk;
  plannedStart: string;
  plannedEnd: string;
  services: { code: string; name: string }[];
  overlaps: ChangeOverlap[];
}

/** `GET /api/v1/changes/outcomes?office=&from=&to=`: changes implemented in the range. */
export interface ChangeOutcomes {
  office: string;
  from: string;
  to: string;
  implemented: number;
  success: number;
  failed: number;
  rolledBack: number;
  /** success / implemented, 0..1; null when none was implemented. */
  successRate: number | null;
  rejected: number;
  /** Changes withdrawn (cancelled before being implemented) in the range. */
  withdrawn: number;
  /** Incidents linked to the changes implemented in the range. */
  incidentsCaused: number;
  /** Changes implemented in the range that caused at least one incident. */
  changesWithIncidents: number;
}
