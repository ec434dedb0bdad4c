/**
 * Integrations: API tokens other systems call the API with, and webhooks Sigap calls them with.
 */

/**
 * What an API token may do. A route accepts tokens only when it names one of these; every
 * other route (administration, token and webhook management, the signed-in user's own routes)
 * refuses tokens.
 */
export const API_TOKEN_SCOPES = [
  'tickets:read',
  'tickets:write',
  'dashboards:read',
  'complaints:read',
  'catalog:read',
] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/** Every API token starts with this, so it is told from a session token and found when leaked. */
export const API_TOKEN_PREFIX = 'sgp_';

export interface CreateApiTokenRequest {
  name: string;
  scopes: ApiTokenScope[];
  /** Limits the token to one office; absent for every office. */
  office?: string;
  /** ISO instant after which the token stops working; absent for no expiry. */
  expiresAt?: string;
}

/** The answer to a creation: the token itself, shown this once only. */
export interface CreatedApiToken {
  id: string;
  token: string;
}

export interface ApiTokenView {
  id: string;
  name: string;
  scopes: ApiTokenScope[];
  office: string | null;
  /** The first characters of the token (`sgp_` and four more), to recognise it. */
  prefix: string;
  createdBy: { id: string; name: string } | null;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

/**
 * Events a webhook may subscribe to. Incident and change events join this list when those kinds
 * of ticket exist.
 */
export const WEBHOOK_EVENTS = [
  'ticket.opened',
  'ticket.status_changed',
  'step.completed',
  'sla.at_risk',
  'sla.breached',
  'complaint.opened',
  'survey.submitted',
  'incident.opened',
  'incident.priority_changed',
  'change.opened',
  'change.approved',
  'change.status_changed',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Header carrying `sha256=<hex HMAC-SHA256 of the raw body with the webhook's secret>`. */
export const WEBHOOK_SIGNATURE_HEADER = 'X-Sigap-Signature';
/** Header carrying the delivery's id (the same on every attempt and redelivery). */
export const WEBHOOK_DELIVERY_HEADER = 'X-Sigap-Delivery';
/** Header carrying the event's name. */
export const WEBHOOK_EVENT_HEADER = 'X-Sigap-Event';

export interface CreateWebhookRequest {
  url: string;
  events: WebhookEvent[];
  office?: string;
}

export interface CreatedWebhook {
  id: string;
  /** Signs every delivery; shown this once only. */
  secret: string;
}

export interface WebhookView {
  id: string;
  url: string;
  events: WebhookEvent[];
  office: string | null;
  active: boolean;
  createdAt: string;
}

/** The ticket a webhook delivery is about. */
export interface WebhookTicket {
  number: string;
  office: string;
  kind: string;
  /** The service's code; null for a ticket whose service is not chosen yet. */
  service: string | null;
  status: string;
  /** ISO instant the ticket is due; null while its clock has not started. */
  due: string | null;
}

/** The JSON body of a delivery. */
export interface WebhookPayload {
  /** The delivery's id, as in `X-Sigap-Delivery`: receivers drop a repeat of one they had. */
  id: string;
  event: WebhookEvent;
  occurredAt: string;
  ticket: WebhookTicket;
}

export type WebhookDeliveryStatus = 'pending' | 'sent' | 'failed';

export interface WebhookDeliveryView {
  id: string;
  event: string;
  ticket: string | null;
  status: WebhookDeliveryStatus;
  attempts: number;
  /** HTTP status of the last attempt; null when none answered (refused, timed out, no attempt). */
  responseCode: number | null;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  /** When the next attempt is due (pending only). */
  nextAttemptAt: string | null;
}
