/**
 * Periodic reviews of the office's service management (SPBE levels 4-5): a manager records a
 * review meeting with the figures reviewed, and tracks the improvement actions arising from it.
 */

/** Someone at the meeting, as written on the attendance list. */
export interface ReviewAttendee {
  name: string;
  /** Position or role at the meeting ("Kepala Dinas", "Kabid Aptika"). */
  position: string;
}

/** Closed tickets of the period against their SLA (the dashboard's ticket compliance). */
export interface ReviewComplianceFigures {
  total: number;
  met: number;
  metLate: number;
  breached: number;
  /** (met + metLate) / total, 0..1; null when total is 0. */
  withinLimitShare: number | null;
}

export interface ReviewIkmFigures {
  /** Quarter ("2026-Q3"). */
  period: string;
  respondents: number;
  /** The index as displayed ("81.94"); null without respondents. */
  shown: string | null;
  gradeName: string | null;
}

/**
 * What the meeting reviewed: the office's dashboard figures for the period, taken when the
 * review was recorded and kept as they were (later refreshes do not change a review).
 */
export interface ReviewFiguresSnapshot {
  /** Months reviewed (YYYY-MM), inclusive. */
  from: string;
  to: string;
  /** When the snapshot was taken, and the dashboards' data as of then. */
  takenAt: string;
  dataAsOf: string | null;
  /** Tickets closed in the period against their SLA (the dashboard's ticket compliance). */
  tickets: ReviewComplianceFigures;
  /** First response of the tickets closed in the period. */
  firstResponse: ReviewComplianceFigures & { medianMinutes: number | null };
  /** Incidents closed in the period: resolution within target and mean time to restore. */
  incidents: {
    total: number;
    responseShare: number | null;
    resolutionShare: number | null;
    /** Mean time to restore, working minutes on each incident's calendar. */
    meanRestoreMinutes: number | null;
  };
  /** Satisfaction index (IKM) per quarter of the period's months (the dashboard's IKM totals). */
  ikm: ReviewIkmFigures[];
}

export interface ReviewView {
  id: string;
  office: string;
  /** Local date of the meeting (YYYY-MM-DD). */
  heldOn: string;
  title: string;
  attendees: ReviewAttendee[];
  /** Months reviewed (YYYY-MM), inclusive. */
  periodFrom: string;
  periodTo: string;
  figures: ReviewFiguresSnapshot;
  notes: string | null;
  decisions: string[];
  /** Improvement actions recorded as arising from this review. */
  actionCount: number;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** `POST /api/v1/reviews`: the figures are taken by the server for the office and period. */
export interface CreateReviewRequest {
  office: string;
  heldOn: string;
  title: string;
  attendees: ReviewAttendee[];
  periodFrom: string;
  periodTo: string;
  notes?: string | null;
  decisions?: string[];
}

/** `PUT /api/v1/reviews/{id}`: the period and its figures stay as recorded. */
export interface UpdateReviewRequest {
  heldOn: string;
  title: string;
  attendees: ReviewAttendee[];
  notes?: string | null;
  decisions?: string[];
  expectedVersion: number;
}

/** `GET /api/v1/reviews/figures?office=&from=&to=`: what a review of that period would keep. */
export type ReviewFiguresPreview = ReviewFiguresSnapshot;

export type ImprovementActionStatus = 'open' | 'in-progress' | 'done' | 'cancelled';
export const IMPROVEMENT_ACTION_STATUSES: readonly ImprovementActionStatus[] = [
  'open',
  'in-progress',
  'done',
  'cancelled',
];

/** One change of an action's status, from the audit log. */
export interface ImprovementActionStatusChange {
  at: string;
  actorName: string | null;
  from: ImprovementActionStatus | null;
  to: ImprovementActionStatus;
  note: string | null;
}

export interface ImprovementActionView {
  id: string;
  office: string;
  /** The review it arose from; null for a standalone action. */
  reviewId: string | null;
  reviewTitle: string | null;
  title: string;
  description: string | null;
  /** The owner: a user of the office, or a position of the office (exactly one). */
  ownerUserId: string | null;
  ownerPosition: string | null;
  ownerName: string;
  /** Local date (YYYY-MM-DD). */
  dueOn: string;
  status: ImprovementActionStatus;
  /** Local date it was done; set with status `done`. */
  doneOn: string | null;
  closingNote: string | null;
  /** Still open or in progress after its due date (the office's local today). */
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface ImprovementActionDetail extends ImprovementActionView {
  /** Status changes, oldest first. */
  history: ImprovementActionStatusChange[];
}

/** `POST /api/v1/improvement-actions`. */
export interface CreateImprovementActionRequest {
  office: string;
  reviewId?: string | null;
  title: string;
  description?: string | null;
  ownerUserId?: string | null;
  ownerPosition?: string | null;
  dueOn: string;
}

/**
 * `PUT /api/v1/improvement-actions/{id}`: the whole action. Status `done` takes a done date
 * (default: today) and `done` or `cancelled` a closing note.
 */
export interface UpdateImprovementActionRequest {
  title: string;
  description?: string | null;
  ownerUserId?: string | null;
  ownerPosition?: string | null;
  dueOn: string;
  status: ImprovementActionStatus;
  doneOn?: string | null;
  closingNote?: string | null;
  expectedVersion: number;
}

/** Who an action may be given to: the office's users and positions. */
export interface ImprovementActionOwnerOptions {
  users: { id: string; name: string }[];
  positions: { code: string; name: string }[];
}

/**
 * The reviews and improvement actions as SPBE evidence (`ReviewsService.evidence`): the reviews
 * held in the period, and every improvement action of the office with its status.
 */
export interface ReviewEvidence {
  office: string;
  /** Local dates (YYYY-MM-DD), inclusive. */
  from: string;
  to: string;
  /** The office's local date the overdue count is computed on. */
  today: string;
  /** Reviews held in the period, oldest first. */
  reviews: ReviewView[];
  /** All improvement actions of the office, by due date. */
  actions: ImprovementActionView[];
  counts: Record<ImprovementActionStatus, number>;
  /** Open or in progress past their due date. */
  overdue: number;
}
