/**
 * Tickets, OPDs, requester contacts, users and attachments as the API answers them (`/api/v1`).
 * Instants are ISO 8601 in UTC; the console shows them in the office's zone.
 */
import type { TicketKind } from './complaints';
import type { IncidentPriority, SupportHours } from './incidents';
import type { Role } from './auth';

export type TicketChannel = 'letter' | 'email' | 'portal' | 'walk-in' | 'phone';

/**
 * new -> triaged -> in-progress <-> waiting (on the requester, clock paused) -> resolved ->
 * closed; resolved/closed -> reopened; most open states -> cancelled; an open duplicate ->
 * merged (into another ticket of its office and OPD: final, its clocks stopped).
 */
export type TicketStatus =
  | 'new'
  | 'triaged'
  | 'in-progress'
  | 'waiting'
  | 'resolved'
  | 'closed'
  | 'reopened'
  | 'cancelled'
  | 'merged';
export const TICKET_STATUSES: readonly TicketStatus[] = [
  'new',
  'triaged',
  'in-progress',
  'waiting',
  'resolved',
  'closed',
  'reopened',
  'cancelled',
  'merged',
];

/** A clock's state as stored for querying; `not-started` before its start event. */
export type TicketSlaState =
  'not-started' | 'running' | 'paused' | 'at-risk' | 'breached' | 'met' | 'met-late';
export const TICKET_SLA_STATES: readonly TicketSlaState[] = [
  'not-started',
  'running',
  'paused',
  'at-risk',
  'breached',
  'met',
  'met-late',
];

export type ChecklistStatus = 'missing' | 'received' | 'verified' | 'rejected';
/** pending: before its turn; active: its turn; done: completed. */
export type StepStatus = 'pending' | 'active' | 'done';
export type TimelineKind = 'reply' | 'note' | 'event';

export interface OpdView {
  id: string;
  office: string;
  name: string;
  emailDomains: string[];
  createdAt: string;
  updatedAt: string;
}

export interface OpdRequest {
  name: string;
  office: string;
  emailDomains: string[];
}

export interface RequesterContactView {
  id: string;
  office: string;
  opdId: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  /** When mail to `email` bounced permanently (automatic mail to it is skipped); null if never. */
  emailBouncedAt?: string | null;
  /** Why it bounced. */
  emailBounceReason?: string | null;
  /** False once deactivated: kept on its tickets, not offered for new ones. */
  active?: boolean;
  deactivatedAt?: string | null;
  /**
   * Made from an address nobody proved they own (a public complaint naming an address another
   * contact already has): not offered a portal sign-in; an agent may merge it into the right one.
   */
  unverified?: boolean;
  /** The contact this one was merged into. */
  mergedInto?: string | null;
}

/** `POST /api/v1/contacts/:id/merge`. */
export interface MergeContactRequest {
  into: string;
}

export interface MergeContactResponse {
  contact: RequesterContactView;
  into: RequesterContactView;
  /** How many tickets moved to `into`. */
  tickets: number;
}

export interface UserView {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  office: string | null;
  positions: string[];
  active: boolean;
  locale: 'id' | 'en';
}

export interface PositionHoldersView {
  positionId: string;
  office: string;
  position: string;
  holders: { id: string; name: string; email: string }[];
}

/** Figures of one SLA clock (ticket, first response, a step). */
export interface ClockView {
  state: TicketSlaState;
  /** Duration text in force ("1 Hari", "30 menit"), null when the clock has none. */
  duration: string | null;
  startedAt: string | null;
  stoppedAt: string | null;
  targetDueAt: string | null;
  limitDueAt: string | null;
  atRiskAt: string | null;
  elapsedMinutes: number;
  pausedMinutes: number;
  remainingMinutes: number | null;
  /** Fingerprint of the calendar the figures come from. */
  calendarVersion: string | null;
  /** True when the figures are frozen (a closed ticket, a completed step). */
  frozen: boolean;
}

export interface ChecklistItemView {
  code: string;
  text: string;
  optional: boolean;
  options: { label: string; channel?: TicketChannel; items: string[] }[] | null;
  status: ChecklistStatus;
  reason: string | null;
  attachmentIds: string[];
  updatedBy: string | null;
  updatedAt: string | null;
}

export interface StepView {
  order: number;
  description: string;
  /** The owner: the office position responsible for the step, whose clock it is. */
  position: string;
  /** Positions that take part, as published (the owner among them). */
  executors: string[];
  /** Parties outside the office who take part (Kementerian PAN-RB). */
  participants: string[];
  time: string | null;
  /** Only the requester's side (OPD pemohon) acts: no assignee in the office, ticket clock paused. */
  requesterSide: boolean;
  parallelWithPrevious: boolean;
  /** A follow-up after go-live: does not keep the ticket open and is not on its clock. */
  followUp: boolean;
  status: StepStatus;
  assignee: { id: string; name: string } | null;
  output: { text: string | null; attachmentId: string | null } | null;
  activatedAt: string | null;
  completedAt: string | null;
  completedBy: string | null;
  clock: ClockView | null;
}

/** A row of the queue (`GET /api/v1/tickets`). */
export interface TicketSummary {
  number: string;
  office: string;
  /** `complaint` for pengaduan/saran/masukan; absent or `request` for a service request. */
  kind?: TicketKind;
  /** An incident's priority from the office's matrix; null for other kinds. */
  priority?: IncidentPriority | null;
  /** `24x7`: the clocks run round the clock (an incident on a 24x7 service); else office time. */
  supportHours?: SupportHours | null;
  /** Null for a ticket opened from e-mail whose service an agent has not chosen yet (triage). */
  service: string | null;
  subject: string;
  status: TicketStatus;
  channel: TicketChannel;
  opdId: string | null;
  assigneeId: string | null;
  slaState: TicketSlaState;
  /** Limit due of the ticket clock; null before it starts. */
  dueAt: string | null;
  targetDueAt: string | null;
  createdAt: string;
  version: number;
  /**
   * In the queue: the ticket's current step (the lowest-order active one; parallel steps are
   * counted in `activeSteps`), null when no step is active. Absent outside the queue.
   */
  currentStep?: QueueStepView | null;
  /**
   * In search results (`q`): where the query matched, in a fixed order: the ticket number, its
   * subject or description, the requester's name or e-mail, a message or note on its timeline,
   * an attachment's file name.
   */
  matchedIn?: TicketSearchSource[];
}

export type TicketSearchSource = 'number' | 'ticket' | 'requester' | 'message' | 'attachment';

/** The current step of a queue row: what is being done, by which position, by whom. */
export interface QueueStepView {
  order: number;
  description: string;
  position: string;
  requesterSide: boolean;
  assignee: { id: string; name: string } | null;
  dueAt: string | null;
  /** Active steps of the ticket (more than one while parallel steps run). */
  activeSteps: number;
}

/** A holder of a step's position who may take the step (`GET .../steps/{order}/candidates`). */
export interface StepCandidateView {
  id: string;
  name: string;
  email: string;
  /** Active steps assigned to this user, in every ticket. */
  openSteps: number;
  /** True for the step's current assignee. */
  current: boolean;
}

/** A helpdesk agent of the office a ticket can be given to (`GET /api/v1/tickets/assignees`). */
export interface TicketAssigneeView {
  id: string;
  name: string;
  email: string;
  /** Open tickets of the office this agent holds now. */
  openTickets: number;
}

export interface TicketPage {
  items: TicketSummary[];
  /** Opaque; pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export interface TicketDetail extends TicketSummary {
  description: string;
  serviceVersion: number | null;
  requester: RequesterContactView;
  receivedAt: string;
  resolvedAt: string | null;
  closedAt: string | null;
  checklist: ChecklistItemView[];
  steps: StepView[];
  clocks: {
    ticket: ClockView;
    firstResponse: ClockView;
  };
  firstResponseAt: string | null;
  /** Actions the state machine allows now (the console enables its buttons from this). */
  allowedActions: string[];
  /** A merged ticket (`status: merged`): the number of the ticket it continues under. */
  mergedInto?: string | null;
}

export interface TimelineEntryView {
  id: number;
  kind: TimelineKind;
  event: string | null;
  author: { id: string; name: string } | null;
  body: string | null;
  data: Record<string, unknown> | null;
  at: string;
  /** An entry moved here from a ticket merged into this one: that ticket's number. */
  mergedFrom?: string | null;
}

export interface AttachmentView {
  id: string;
  ticket: string | null;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  createdAt: string;
}

export interface OpenTicketRequest {
  office: string;
  service: string;
  channel: TicketChannel;
  subject: string;
  description: string;
  /** An existing contact ... */
  requesterId?: string;
  /** ... or a new one. */
  requester?: { name: string; email?: string; phone?: string; opdId?: string };
}

export interface PasswordResetRequest {
  email: string;
}

export interface PasswordResetConfirm {
  token: string;
  password: string;
}

/** An uploaded file (`POST /api/v1/tickets/{number}/attachments`, field `file`). */
export interface AttachmentView {
  id: string;
  ticket: string | null;
  fileName: string;
  /** Sniffed from the bytes (PDF, PNG, JPEG, GIF, DOCX/XLSX/PPTX, DOC/XLS, plain text). */
  mediaType: string;
  size: number;
  sha256: string;
  uploadedBy: string | null;
  createdAt: string;
  /** Download address (`GET`, always served as a download). */
  href: string;
}
