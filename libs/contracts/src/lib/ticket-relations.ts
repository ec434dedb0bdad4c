/**
 * Merging a duplicate ticket into another and linking related tickets
 * (`/api/v1/tickets/{number}/merge`, `/api/v1/tickets/{number}/links`).
 */
import type { TicketStatus } from './tickets';

/**
 * `POST /api/v1/tickets/{number}/merge`: the ticket in the path (the duplicate) goes into
 * `target`, of the same office and OPD. Both versions are the ones the agent saw (409 when either
 * moved on). A merge cannot be undone.
 */
export interface MergeTicketRequest {
  target: string;
  expectedVersion: number;
  targetExpectedVersion: number;
  /** Why, for the timeline and the audit log. */
  reason?: string;
}

/**
 * `GET /api/v1/tickets/{number}/merge?target=…`: what a merge into `target` would move, or why
 * it is refused (`refusal`, in Indonesian), for the console's confirmation.
 */
export interface MergePreview {
  source: MergeTicketRef;
  target: MergeTicketRef;
  /** Timeline entries (replies, notes, events) that move to the target. */
  timelineEntries: number;
  /** Checklist lines with evidence (documents received or verified) carried to the target. */
  evidence: number;
  /** Uploaded files that move to the target. */
  attachments: number;
  /** Whether the requester of the duplicate is told by mail (they have an address). */
  requesterMailed: boolean;
  /** Null when the merge is allowed. */
  refusal: string | null;
}

export interface MergeTicketRef {
  number: string;
  subject: string;
  status: TicketStatus;
  version: number;
  opdId: string | null;
}

/**
 * How a ticket is linked to another, seen from the ticket asked about: `related`, `parent` (the
 * other ticket is this one's parent) or `child` (the other ticket is this one's child).
 */
export type TicketLinkKind = 'related' | 'parent' | 'child';
export const TICKET_LINK_KINDS: readonly TicketLinkKind[] = ['related', 'parent', 'child'];

/** `POST /api/v1/tickets/{number}/links`. */
export interface AddTicketLinkRequest {
  /** The other ticket's number (same office). */
  number: string;
  kind: TicketLinkKind;
}

export interface TicketLinkView {
  /** Null for links kept by another part (a major incident's reports). */
  id: string | null;
  kind: TicketLinkKind;
  /** `link`: a link between tickets; `incident`: a report linked to its major incident. */
  source: 'link' | 'incident';
  number: string;
  subject: string;
  status: TicketStatus;
  createdAt: string | null;
}

/** `GET /api/v1/tickets/{number}/links`: its links, and what it was merged into or from. */
export interface TicketLinksView {
  links: TicketLinkView[];
  /** The ticket this one was merged into; null when not merged. */
  mergedInto: string | null;
  /** Tickets merged into this one, oldest first. */
  mergedFrom: string[];
}
