/**
 * Live updates: `GET /api/v1/events` is a server-sent-event stream (`text/event-stream`) of the
 * changes to tickets the signed-in user may read, on whichever API instance they were made.
 * Each message's `data` is one `LiveEvent` as JSON. A stream starts with a `ready` event; on a
 * (re)connection the console reloads what it shows, since events from before are not replayed.
 */
export type LiveEventKind = 'opened' | 'changed' | 'presence';

export interface LiveEvent {
  kind: LiveEventKind;
  /** The ticket's number. */
  ticket: string;
  office: string;
  /** The ticket's version after the change (null for presence and for SLA-only updates). */
  version: number | null;
  /** When the change was committed (ISO 8601). */
  at: string;
}

/** `PUT /api/v1/tickets/:number/presence`: the heartbeat of a workspace showing the ticket. */
export interface PresenceHeartbeat {
  /** True while the user is writing a reply or a note. */
  typing: boolean;
}

/** Someone else who has the ticket open (the caller is never listed). */
export interface PresenceView {
  userId: string;
  name: string;
  typing: boolean;
}

/** How long a heartbeat counts, in milliseconds: the console renews it well within. */
export const PRESENCE_TTL_MS = 15_000;

/** How often the workspace sends its heartbeat, in milliseconds. */
export const PRESENCE_HEARTBEAT_MS = 5_000;
