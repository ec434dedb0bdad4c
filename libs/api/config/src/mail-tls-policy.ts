import { isIP } from 'node:net';

/**
 * How Sigap protects its connections to mail servers (`SIGAP_SMTP_TLS`, `SIGAP_IMAP_TLS`):
 *
 * - `required` (the default): TLS from the first byte on `smtps://` and IMAP `secure: true`,
 *   otherwise STARTTLS is demanded before anything else is said. A server (or someone in between)
 *   that does not offer STARTTLS ends the attempt before a password or a message leaves Sigap, so
 *   stripping STARTTLS from the server's answer cannot expose credentials.
 * - `off`: plain text, never upgraded: only for a local test server without TLS. In production it
 *   is honoured only for a server on this machine (loopback), where nothing crosses a network.
 */
export type MailTlsMode = 'required' | 'off';

export const MAIL_TLS_MODES: readonly MailTlsMode[] = ['required', 'off'];

/** Whether the host names this machine: `localhost` or a loopback address. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || /^::ffff:127\./.test(h);
  return false;
}

/** Whether a connection to `host` may go without TLS under the given mode. */
export function plainTextAllowed(mode: MailTlsMode, host: string, production: boolean): boolean {
  return mode === 'off' && (!production || isLoopbackHost(host));
}
