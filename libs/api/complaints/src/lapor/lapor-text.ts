import { htmlToText } from '@sigap/mail-threading';
import { cleanText } from '../complaint-text';

/** The most characters kept of each field of a report from SP4N-LAPOR!. */
export const LAPOR_LIMITS = {
  title: 200,
  body: 20_000,
  reply: 20_000,
  name: 200,
  email: 254,
  phone: 40,
  attachments: 10,
} as const;

/**
 * Text from SP4N-LAPOR! as plain text: HTML (a report written in LAPOR!'s editor, or a hostile
 * one) becomes its text, scripts and styles dropped; control characters go; then the text is
 * clipped to `max` characters. `clipped` says whether anything was cut.
 */
export function laporText(value: string | null, max: number): { text: string; clipped: boolean } {
  if (!value) return { text: '', clipped: false };
  const plain = cleanText(/<[a-z!/]/i.test(value) ? htmlToText(value) : value).trim();
  const chars = Array.from(plain);
  if (chars.length <= max) return { text: plain, clipped: false };
  return { text: chars.slice(0, max).join(''), clipped: true };
}

/** An address from outside, kept only when it looks like one. */
export function laporEmail(value: string | null | undefined): string | null {
  const email = value?.trim().toLowerCase() ?? '';
  if (!email || email.length > LAPOR_LIMITS.email) return null;
  return /^[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[^\s@<>()"',;:]+$/.test(email) ? email : null;
}

/** An agency code from outside, safe to name in a log line (no control characters, short). */
export function logSafe(value: string, max = 40): string {
  return cleanText(value).replace(/\s+/g, ' ').slice(0, max);
}
