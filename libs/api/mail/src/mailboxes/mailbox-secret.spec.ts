import { randomBytes } from 'node:crypto';
import { decryptSecret, encryptSecret } from './mailbox-secret';

describe('mailbox password encryption', () => {
  const key = randomBytes(32);

  it('round-trips and never stores the plain text', () => {
    const stored = encryptSecret('sandi-rahasia-kotak', key);
    expect(stored).not.toContain('sandi-rahasia-kotak');
    expect(stored.startsWith('v1:')).toBeTrue();
    expect(decryptSecret(stored, key)).toBe('sandi-rahasia-kotak');
  });

  it('uses a fresh IV each time', () => {
    expect(encryptSecret('sama', key)).not.toBe(encryptSecret('sama', key));
  });

  it('refuses another key and a tampered value', () => {
    const stored = encryptSecret('sandi', key);
    expect(() => decryptSecret(stored, randomBytes(32))).toThrow();
    const parts = stored.split(':');
    parts[3] = Buffer.from('lain').toString('base64url');
    expect(() => decryptSecret(parts.join(':'), key)).toThrow();
    expect(() => decryptSecret('teks-biasa', key)).toThrow();
  });
});
