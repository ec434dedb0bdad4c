/**
 * The requester portal: OPD staff sign in with a link sent by e-mail (no password), submit
 * requests with their documents, follow their OPD's requests and answer them. A read-only
 * tracking page needs no sign-in at all: the acknowledgement e-mail carries its address.
 */
import type { TicketKind } from './complaints';
import type { ChecklistStatus, TicketSlaState, TicketStatus } from './tickets';

/** Header that must repeat the CSRF cookie's value on every state-changing portal request. */
export const PORTAL_CSRF_HEADER = 'X-Sigap-Portal-Csrf';
/** Cookie (readable by the page) that carries the CSRF token of the portal session. */
export const PORTAL_CSRF_COOKIE = 'sigap_portal_csrf';
/** HttpOnly cookie of the portal session. */
export const PORTAL_SESSION_COOKIE = 'sigap_portal';

/** `POST /api/v1/portal/auth/link`: always answered 202 with the same neutral text. */
export interface PortalLinkRequest {
  email: string;
}

export interface PortalLinkResponse {
  message: string;
}

/** `POST /api/v1/portal/auth/session`: exchanges the e-mailed token for a session cookie. */
export interface PortalSignInRequest {
  token: string;
}

export interface PortalMe {
  name: string;
  email: string;
  opd: { id: string; name: string } | null;
  office: { code: string; name: string; timeZone: string; zone: string };
  /** Also set as the CSRF cookie; the page repeats it in the CSRF header. */
  csrfToken: string;
  expiresAt: string;
}

export interface PortalServiceView {
  code: string;
  name: string;
  serviceTime: string;
  requirements: { code: string; text: string; optional: boolean }[];
  submissionNote: string | null;
}

/** `POST /api/v1/portal/requests`. */
export interface PortalOpenRequest {
  service: string;
  subject: string;
  description: string;
}

/** The one step that is under way, named by position (never a person). */
export interface PortalStepView {
  order: number;
  description: string;
  position: string;
  /** True when it is the OPD's own turn (e.g. a presentation by the OPD). */
  requesterSide: boolean;
}

export interface PortalRequestSummary {
  number: string;
  subject: string;
  service: string;
  serviceName: string;
  status: TicketStatus;
  slaState: TicketSlaState;
  /** Instant (UTC) or null while the clock has not started. */
  dueAt: string | null;
  createdAt: string;
  /** The requester who submitted it (a colleague of the same OPD, or oneself). */
  requesterName: string;
  currentSteps: PortalStepView[];
  /** Required documents not received yet. */
  missing: number;
}

export interface PortalChecklistLine {
  code: string;
  text: string;
  optional: boolean;
  status: ChecklistStatus;
  /** Why an agent rejected it. */
  reason: string | null;
  files: PortalFileView[];
}

export interface PortalFileView {
  id: string;
  fileName: string;
  mediaType: string;
  size: number;
  createdAt: string;
  /** Download address (portal session required). */
  href: string;
}

/** A public message of the conversation: the OPD's or the office's. Internal notes never. */
export interface PortalMessageView {
  id: number;
  from: 'requester' | 'office';
  /** The requester's name, or the office's name for an agent's reply. */
  author: string;
  body: string;
  files: { fileName: string; size: number }[];
  at: string;
}

export interface PortalRequestDetail extends PortalRequestSummary {
  description: string;
  office: { code: string; name: string; timeZone: string; zone: string };
  checklist: PortalChecklistLine[];
  messages: PortalMessageView[];
  /** May the OPD answer now (an open ticket, or one still within the reopen window). */
  canAnswer: boolean;
  /** The largest file the server takes (`SIGAP_ATTACHMENT_MAX_MB`), so the page can refuse first. */
  uploadMaxBytes: number;
}

/** `POST /api/v1/portal/requests/:number/answers`. */
export interface PortalAnswerRequest {
  body: string;
  /** Files uploaded to this request beforehand (`.../attachments`), sent with the answer. */
  attachmentIds?: string[];
}

/** `GET /api/v1/portal/track/:token`: no sign-in, no personal data. */
export interface PortalTrackingView {
  number: string;
  /** A complaint's page speaks of its handling, not of a request's steps and documents. */
  kind: TicketKind;
  serviceName: string;
  officeName: string;
  status: TicketStatus;
  slaState: TicketSlaState;
  dueAt: string | null;
  timeZone: string;
  zone: string;
  createdAt: string;
  currentSteps: PortalStepView[];
  /** Required documents still missing, by name. */
  missing: string[];
}
