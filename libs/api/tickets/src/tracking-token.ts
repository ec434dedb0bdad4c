/**
 * Tracking links without an account: the token is the ticket's id (16 bytes) followed by a
 * keyed MAC of it, both base64url. Nothing is stored; only someone who got the acknowledgement
 * e-mail (or the key) can make one, and a token for one ticket says nothing about another.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AppConfig } from '@sigap/api-config';
import { resolveMarkerSecret } from '@sigap/api-identity';

const MAC_BYTES = 18;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The key of tracking tokens, derived from the mail marker secret (set in production). */
export function trackingKey(config: AppConfig): Buffer {
  return createHmac('sha256', resolveMarkerSecret(config)).update('sigap-portal-tracking').digest();
}

function mac(key: Buffer, id: Buffer): Buffer {
  return createHmac('sha256', key).update(id).digest().subarray(0, MAC_BYTES);
}

export function makeTrackingToken(key: Buffer, ticketId: string): string {
  if (!UUID.test(ticketId)) throw new Error('ticket id is not a UUID');
  const id = Buffer.from(ticketId.replace(/-/g, ''), 'hex');
  return `${id.toString('base64url')}${mac(key, id).toString('base64url')}`;
}

/** The ticket id a token stands for, or null when it was not made with this key. */
export function readTrackingToken(key: Buffer, token: string): string | null {
  if (!/^[A-Za-z0-9_-]{46}$/.test(token)) return null;
  const id = Buffer.from(token.slice(0, 22), 'base64url');
  const given = Buffer.from(token.slice(22), 'base64url');
  if (id.length !== 16 || given.length !== MAC_BYTES) return null;
  if (!timingSafeEqual(given, mac(key, id))) return null;
  const hex = id.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The public address of a ticket's tracking page. */
export function trackingUrl(config: AppConfig, ticketId: string): string {
  const base = config.publicUrl.replace(/\/+$/, '');
  return `${base}/lacak/${makeTrackingToken(trackingKey(config), ticketId)}`;
}
