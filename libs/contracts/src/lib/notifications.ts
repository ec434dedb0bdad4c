/**
 * The bell: what a signed-in user is told about (`GET /api/v1/notifications`), and how each kind
 * also reaches them (`GET/PUT /api/v1/notifications/preferences`).
 */
export const NOTIFICATION_KINDS = [
  'assigned',
  'step_at_risk',
  'step_breached',
  'requester_replied',
  'mentioned',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** `console`: the bell only; `email`: the bell and a mail at once; `digest`: the bell and the daily digest. */
export const NOTIFICATION_CHANNELS = ['console', 'email', 'digest'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  /** The ticket it is about (the console links to it). */
  ticket: string | null;
  ticketSubject: string | null;
  /** The step it is about, when a step (assigned, at risk, breached). */
  step: number | null;
  /** Who caused it (the colleague who mentioned or assigned); null for the system. */
  actorName: string | null;
  /** A short excerpt: the note that mentions, the requester's words. */
  excerpt: string | null;
  createdAt: string;
  readAt: string | null;
}

/** One page of the user's own notifications, newest first, and how many are unread in all. */
export interface NotificationPage {
  items: NotificationView[];
  total: number;
  unread: number;
}

/** `POST /api/v1/notifications/read`: the given ids, or every unread one with `all: true`. */
export interface NotificationReadInput {
  ids?: string[];
  all?: boolean;
}

export interface NotificationReadResult {
  marked: number;
  unread: number;
}

/** Per kind, how it reaches the user besides the bell; with the local hour of the digest. */
export interface NotificationPreferences {
  channels: Record<NotificationKind, NotificationChannel>;
  /** Local hour (office time zone) of the daily digest, sent every day. */
  digestHour: number;
}

export interface NotificationPreferencesInput {
  channels: Partial<Record<NotificationKind, NotificationChannel>>;
}
