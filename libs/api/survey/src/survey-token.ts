/**
 * Survey links: `<id>.<signature>`, where the id is 128 random bits and the signature is an
 * HMAC-SHA256 over the id, the ticket and the expiry, keyed by `SIGAP_SURVEY_SECRET` (or a key
 * derived from the JWT secret). A link is therefore unguessable, cannot be moved to another
 * ticket or given a later expiry, and the database alone cannot forge one.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AppConfig } from '@sigap/api-config';
import { resolveJwtSecret } from '@sigap/api-identity';

export interface SurveyTokenClaims {
  id: string;
  ticketId: string;
  expiresAt: Date;
}

/** The HMAC key of survey links. */
export function resolveSurveySecret(config: AppConfig): string {
  if (config.surveySecret) return config.surveySecret;
  return createHmac('sha256', resolveJwtSecret(config)).update('sigap-survey-link').digest('hex');
}

export function newSurveyId(): string {
  return randomBytes(16).toString('base64url');
}

function signature(secret: string, claims: SurveyTokenClaims): Buffer {
  return createHmac('sha256', secret)
    .update(`survey\n${claims.id}\n${claims.ticketId}\n${claims.expiresAt.getTime()}`)
    .digest();
}

export function signSurveyToken(secret: string, claims: SurveyTokenClaims): string {
  return `${claims.id}.${signature(secret, claims).toString('base64url')}`;
}

const TOKEN = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

/** The id of a well-formed token, or null; says nothing about its signature. */
export function surveyTokenId(token: string): string | null {
  return TOKEN.exec(token)?.[1] ?? null;
}

/** Whether the token's signature matches the stored invitation (constant-time compare). */
export function surveyTokenMatches(
  secret: string,
  token: string,
  claims: SurveyTokenClaims,
): boolean {
  const match = TOKEN.exec(token);
  if (!match || match[1] !== claims.id) return false;
  // Compared as canonical text: base64url ignores the last character's low bits, so decoding
  // first would accept more than one spelling of the same signature.
  const given = Buffer.from(match[2], 'ascii');
  const expected = Buffer.from(signature(secret, claims).toString('base64url'), 'ascii');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The public page of a token. */
export function surveyUrl(config: AppConfig, token: string): string {
  return `${config.publicUrl.replace(/\/+$/, '')}/survei/${token}`;
}
