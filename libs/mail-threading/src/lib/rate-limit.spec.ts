import fc from 'fast-check';
import { MailThreadingError } from './errors';
import { mayAutoReply, nextAutoReplyAt } from './rate-limit';

const MIN = 60 * 1000;
const now = Date.UTC(2026, 10, 23, 2, 0, 0);

describe('mayAutoReply', () => {
  it('allows up to 3 in 10 minutes by default', () => {
    expect(mayAutoReply([], now)).toBeTrue();
    expect(mayAutoReply([now - 1 * MIN, now - 2 * MIN], now)).toBeTrue();
    expect(mayAutoReply([now - 1 * MIN, now - 2 * MIN, now - 9 * MIN], new Date(now))).toBeFalse();
    expect(mayAutoReply([now - 1 * MIN, now - 2 * MIN, now - 10 * MIN], now)).toBeTrue();
  });

  it('tells when the next one is allowed', () => {
    const history = [now - 1 * MIN, now - 2 * MIN, now - 9 * MIN];
    const at = nextAutoReplyAt(history, now);
    expect(at).toBe(now + 1 * MIN);
    expect(mayAutoReply(history, at)).toBeTrue();
    expect(mayAutoReply(history, at - 1)).toBeFalse();
  });

  it('agrees with nextAutoReplyAt for any history (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -30 * MIN, max: MIN }), { maxLength: 12 }),
        fc.integer({ min: 0, max: 5 }),
        (offsets, max) => {
          const history = offsets.map((o) => now + o);
          const policy = { max, windowMs: 10 * MIN };
          const at = nextAutoReplyAt(history, now, policy);
          if (max === 0) return expect(at).toBe(Number.POSITIVE_INFINITY);
          expect(mayAutoReply(history, at, policy)).toBeTrue();
          if (at > now) expect(mayAutoReply(history, at - 1, policy)).toBeFalse();
        },
      ),
    );
  });

  it('rejects a bad policy or instant with a named field', () => {
    expect(() => mayAutoReply([], now, { max: -1, windowMs: 1 })).toThrowError(
      MailThreadingError,
      /max/,
    );
    expect(() => mayAutoReply([], now, { max: 1, windowMs: 0 })).toThrowError(
      MailThreadingError,
      /windowMs/,
    );
    expect(() => mayAutoReply([new Date('bukan tanggal')], now)).toThrowError(
      MailThreadingError,
      /history/,
    );
    expect(() => mayAutoReply([], Number.NaN)).toThrowError(MailThreadingError, /now/);
  });
});
