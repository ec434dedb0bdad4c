import { randomUUID } from 'node:crypto';
import { makeTrackingToken, readTrackingToken } from '@sigap/api-tickets';
import { readCookie } from './cookies';

describe('portal tracking tokens', () => {
  const key = Buffer.from('0123456789abcdef0123456789abcdef');
  const other = Buffer.from('fedcba9876543210fedcba9876543210');

  it('round-trips a ticket id through a URL-safe token', () => {
    for (let i = 0; i < 50; i++) {
      const id = randomUUID();
      const token = makeTrackingToken(key, id);
      expect(token).toMatch(/^[A-Za-z0-9_-]{46}$/);
      expect(readTrackingToken(key, token)).toBe(id);
    }
  });

  it('refuses a token made with another key, altered, truncated or padded', () => {
    const id = randomUUID();
    const token = makeTrackingToken(key, id);
    expect(readTrackingToken(other, token)).toBeNull();
    const flipped = token.slice(0, 30) + (token[30] === 'A' ? 'B' : 'A') + token.slice(31);
    expect(readTrackingToken(key, flipped)).toBeNull();
    expect(readTrackingToken(key, token.slice(0, 45))).toBeNull();
    expect(readTrackingToken(key, `${token}A`)).toBeNull();
    expect(readTrackingToken(key, '')).toBeNull();
    // The id part of one ticket with the MAC of another does not pass either.
    const second = makeTrackingToken(key, randomUUID());
    expect(readTrackingToken(key, token.slice(0, 22) + second.slice(22))).toBeNull();
  });

  it('does not accept anything but a UUID as a ticket id', () => {
    expect(() => makeTrackingToken(key, 'GTLO-2026-000001')).toThrow();
  });
});

describe('portal cookies', () => {
  it('reads one cookie among several, decoded', () => {
    const header = 'a=1; sigap_portal=abc%2Bdef; sigap_portal_csrf=xyz';
    expect(readCookie(header, 'sigap_portal')).toBe('abc+def');
    expect(readCookie(header, 'sigap_portal_csrf')).toBe('xyz');
    expect(readCookie(header, 'missing')).toBeUndefined();
    expect(readCookie(undefined, 'a')).toBeUndefined();
    expect(readCookie('sigap_portal=%E0%A4%A', 'sigap_portal')).toBeUndefined();
  });
});
