import { MailThreadingError } from './errors';

export interface AutoReplyPolicy {
  /** Most automatic replies to one address within the window. */
  max: number;
  /** Window length in milliseconds. */
  windowMs: number;
}

export const DEFAULT_AUTO_REPLY_POLICY: AutoReplyPolicy = { max: 3, windowMs: 10 * 60 * 1000 };

type Instant = Date | number;

function ms(value: Instant, field: string): number {
  const t = value instanceof Date ? value.getTime() : value;
  if (typeof t !== 'number' || !Number.isFinite(t)) {
    throw new MailThreadingError(
      'INVALID_ARGUMENT',
      `${field}: waktu tidak valid (${String(value)}).`,
      field,
    );
  }
  return t;
}

function checkPolicy(policy: AutoReplyPolicy): void {
  if (!Number.isInteger(policy.max) || policy.max < 0) {
    throw new MailThreadingError(
      'INVALID_POLICY',
      `max: harus bilangan bulat >= 0, bukan ${String(policy.max)}.`,
      'max',
    );
  }
  if (!Number.isFinite(policy.windowMs) || policy.windowMs <= 0) {
    throw new MailThreadingError(
      'INVALID_POLICY',
      `windowMs: harus angka > 0, bukan ${String(policy.windowMs)}.`,
      'windowMs',
    );
  }
}

/**
 * Whether one more automatic reply may go to an address, given when the earlier ones went
 * (`history`, any order) and the current instant: fewer than `max` in the window
 * `(now - windowMs, now]`. Instants after `now` count too (clock skew between workers).
 */
export function mayAutoReply(
  history: readonly Instant[],
  now: Instant,
  policy: AutoReplyPolicy = DEFAULT_AUTO_REPLY_POLICY,
): boolean {
  checkPolicy(policy);
  const t = ms(now, 'now');
  let recent = 0;
  for (const h of history) if (ms(h, 'history') > t - policy.windowMs) recent++;
  return recent < policy.max;
}

/** The earliest instant (ms) at which {@link mayAutoReply} turns true again; `now` if it already is. */
export function nextAutoReplyAt(
  history: readonly Instant[],
  now: Instant,
  policy: AutoReplyPolicy = DEFAULT_AUTO_REPLY_POLICY,
): number {
  checkPolicy(policy);
  const t = ms(now, 'now');
  if (mayAutoReply(history, now, policy)) return t;
  if (policy.max === 0) return Number.POSITIVE_INFINITY;
  const recent = history
    .map((h) => ms(h, 'history'))
    .filter((h) => h > t - policy.windowMs)
    .sort((a, b) => b - a);
  // Allowed once fewer than max remain: when the max-th newest leaves the window.
  return Math.max(t, recent[policy.max - 1] + policy.windowMs);
}
