/**
 * IT service management (SPBE "Manajemen Layanan"): the IT services an office runs, the
 * priority matrix of incidents, and incidents (gangguan), a ticket kind of their own.
 */
import type { TicketChannel, TicketStatus } from './tickets';

/** What an IT service is: the pemda website, e-mail dinas, the network, the data centre ... */
export type ItServiceKind =
  'website' | 'email' | 'network' | 'data-centre' | 'hosting' | 'application';
export const IT_SERVICE_KINDS: readonly ItServiceKind[] = [
  'website',
  'email',
  'network',
  'data-centre',
  'hosting',
  'application',
];

/** Impact, urgency and criticality share one three-step scale. */
export type IncidentLevel = 'tinggi' | 'sedang' | 'rendah';
export const INCIDENT_LEVELS: readonly IncidentLevel[] = ['tinggi', 'sedang', 'rendah'];

/**
 * The calendar an IT service is supported on: the office's working time (with its holidays),
 * or round the clock (the data centre).
 */
export type SupportHours = 'office' | '24x7';
export const SUPPORT_HOURS: readonly SupportHours[] = ['office', '24x7'];

/** P1 Kritis, P2 Tinggi, P3 Sedang, P4 Rendah. */
export type IncidentPriority = 'P1' | 'P2' | 'P3' | 'P4';
export const INCIDENT_PRIORITIES: readonly IncidentPriority[] = ['P1', 'P2', 'P3', 'P4'];

export interface ItServiceView {
  id: string;
  office: string;
  /** Short code, unique in the office (`web-pemda`, `email-dinas`). */
  code: string;
  name: string;
  description: string | null;
  kind: ItServiceKind;
  /** The position that owns the service: incidents on it are handled and escalated from it. */
  ownerPosition: string;
  /** Ids of the office's OPDs that depend on it. */
  dependentOpdIds: string[];
  criticality: IncidentLevel;
  supportHours: SupportHours;
  /** Shown on the public status page (`/status-layanan`). */
  publicStatus: boolean;
  status: 'active' | 'retired';
  retiredAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** `POST /api/v1/it-services`. */
export interface CreateItServiceRequest {
  office: string;
  code: string;
  name: string;
  description?: string | null;
  kind: ItServiceKind;
  ownerPosition: string;
  dependentOpdIds?: string[];
  criticality: IncidentLevel;
  supportHours: SupportHours;
  publicStatus?: boolean;
}

/** `PUT /api/v1/it-services/{id}`: everything but the office and the code. */
export type UpdateItServiceRequest = Omit<CreateItServiceRequest, 'office' | 'code'>;

/** One cell of the matrix: impact x urgency gives a priority. */
export interface PriorityCell {
  impact: IncidentLevel;
  urgency: IncidentLevel;
  priority: IncidentPriority;
}

/** What a priority promises: durations in the standards' grammar ("15 menit", "3 hari"). */
export interface PriorityTarget {
  priority: IncidentPriority;
  /** Kritis, Tinggi, Sedang, Rendah (or the office's own words). */
  name: string;
  /** Time to the first response. */
  response: string;
  /** Time to resolution. */
  resolution: string;
}

/** `GET/PUT /api/v1/priority-matrix/{office}`. */
export interface PriorityMatrixView {
  office: string;
  /** All nine cells. */
  cells: PriorityCell[];
  /** All four priorities. */
  targets: PriorityTarget[];
  /** True while the office has not set its own (the default below is in force). */
  isDefault: boolean;
  updatedAt: string | null;
}

export interface PriorityMatrixRequest {
  cells: PriorityCell[];
  targets: PriorityTarget[];
}

/** Incident numbers: `GNG` + the office's ticket prefix, a counter of their own per year. */
export const INCIDENT_NUMBER_MARKER = 'GNG';

/**
 * The default matrix, a starting point every office edits to its own (ITIL's usual shape): high
 * impact and high urgency is critical; each step down on either lowers it one.
 */
export const DEFAULT_PRIORITY_CELLS: readonly PriorityCell[] = [
  { impact: 'tinggi', urgency: 'tinggi', priority: 'P1' },
  { impact: 'tinggi', urgency: 'sedang', priority: 'P2' },
  { impact: 'tinggi', urgency: 'rendah', priority: 'P3' },
  { impact: 'sedang', urgency: 'tinggi', priority: 'P2' },
  { impact: 'sedang', urgency: 'sedang', priority: 'P3' },
  { impact: 'sedang', urgency: 'rendah', priority: 'P4' },
  { impact: 'rendah', urgency: 'tinggi', priority: 'P3' },
  { impact: 'rendah', urgency: 'sedang', priority: 'P4' },
  { impact: 'rendah', urgency: 'rendah', priority: 'P4' },
];

/** Default targets, measured on the affected service's calendar ("hari" = working day). */
export const DEFAULT_PRIORITY_TARGETS: readonly PriorityTarget[] = [
  { priority: 'P1', name: 'Kritis', response: '15 menit', resolution: '4 jam' },
  { priority: 'P2', name: 'Tinggi', response: '30 menit', resolution: '8 jam' },
  { priority: 'P3', name: 'Sedang', response: '4 jam', resolution: '3 hari' },
  { priority: 'P4', name: 'Rendah', response: '1 hari', resolution: '5 hari' },
];

/** `POST /api/v1/incidents`: an agent records an incident. */
export interface OpenIncidentRequest {
  office: string;
  /** Codes of the affected IT services of the office (may be empty while unknown). */
  services: string[];
  impact: IncidentLevel;
  urgency: IncidentLevel;
  channel: Extract<TicketChannel, 'phone' | 'walk-in' | 'email' | 'portal' | 'letter'>;
  subject: string;
  description: string;
  /** An existing contact ... */
  requesterId?: string;
  /** ... or a new one. */
  requester?: { name: string; email?: string; phone?: string; opdId?: string };
}

/** `POST /api/v1/incidents/from-triage/{number}`: a mail in triage is an incident. */
export interface TriageToIncidentRequest {
  services: string[];
  impact: IncidentLevel;
  urgency: IncidentLevel;
  expectedVersion?: number;
}

/** `PUT /api/v1/incidents/{number}/priority`. */
export interface ChangeIncidentPriorityRequest {
  impact: IncidentLevel;
  urgency: IncidentLevel;
  /** Why (on the timeline and in the audit). */
  reason?: string | null;
  expectedVersion?: number;
}

/** `GET /api/v1/incidents/{number}`: the incident's own facts, beside its ticket. */
export interface IncidentView {
  number: string;
  office: string;
  impact: IncidentLevel;
  urgency: IncidentLevel;
  priority: IncidentPriority;
  priorityName: string;
  /** The targets as set for this incident (a later edit of the matrix does not move them). */
  response: string;
  resolution: string;
  supportHours: SupportHours;
  services: { code: string; name: string; kind: ItServiceKind; supportHours: SupportHours }[];
  /** The position the incident is handled and escalated from (the first service's owner). */
  ownerPosition: string | null;
  /** The major incident this report is linked to; null when it stands alone or is a parent. */
  parent: IncidentLinkView | null;
  /** The reports linked to this major incident, oldest link first (empty for most). */
  children: IncidentLinkView[];
  /** What caused the incident, once known; null until recorded. */
  rootCause: string | null;
  /** The problem record gathering this incident with others like it; null when none. */
  problem: ProblemSummary | null;
  /** What the public status page says of it; null: a generic phrase is shown (always sent). */
  publicTitle?: string | null;
  publicSummary?: string | null;
}

/** A linked incident as the other side of a major-incident link shows it. */
export interface IncidentLinkView {
  number: string;
  subject: string;
  status: TicketStatus;
  /** The reporter's name (staff of the office read it; no address is shown). */
  requesterName: string | null;
}

/** `POST /api/v1/incidents/{parent}/children`: reports linked to a major incident. */
export interface LinkIncidentsRequest {
  /** Numbers of the office's open incidents to link (at most 50 at once). */
  children: string[];
}

/**
 * `POST /api/v1/incidents/{parent}/updates`: one update on a major incident, mailed once to
 * every reporter (the parent's and its children's, each address once).
 */
export interface MajorIncidentUpdateRequest {
  body: string;
}

/** `PUT /api/v1/incidents/{number}/root-cause`: null or empty clears it. */
export interface IncidentRootCauseRequest {
  rootCause: string | null;
}

/** Problem records (masalah): one cause behind recurring incidents, per office. */
export type ProblemStatus = 'open' | 'known-error' | 'resolved';
export const PROBLEM_STATUSES: readonly ProblemStatus[] = ['open', 'known-error', 'resolved'];

export interface ProblemSummary {
  id: string;
  title: string;
  status: ProblemStatus;
}

/** `GET /api/v1/problems` (rows) and `GET /api/v1/problems/{id}` (with its incidents). */
export interface ProblemView extends ProblemSummary {
  office: string;
  description: string;
  rootCause: string | null;
  workaround: string | null;
  /** How many incidents are linked to it. */
  incidentCount: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface ProblemDetail extends ProblemView {
  incidents: (IncidentLinkView & { priority: IncidentPriority | null; receivedAt: string })[];
}

/** `POST /api/v1/problems` and `PUT /api/v1/problems/{id}` (without `office`). */
export interface ProblemRequest {
  office: string;
  title: string;
  description: string;
  status?: ProblemStatus;
  rootCause?: string | null;
  workaround?: string | null;
  expectedVersion?: number;
}

/** `POST /api/v1/problems/{id}/incidents`: an incident joins the problem. */
export interface ProblemLinkRequest {
  incident: string;
}

/**
 * `PUT /api/v1/incidents/{number}/public-notice`: the plain words the public status page shows
 * for an incident (never its subject or description). Empty or null clears a field.
 */
export interface IncidentPublicNoticeRequest {
  publicTitle?: string | null;
  publicSummary?: string | null;
  expectedVersion?: number;
}

/** The public status page's default words for an incident without its own. */
export const DEFAULT_PUBLIC_SUMMARY = 'Sedang ditangani';
