import { isLoopbackHost, plainTextAllowed } from './mail-tls-policy';

describe('mail TLS policy', () => {
  it('knows the names and addresses of this machine, and nothing else', () => {
    for (const host of [
      'localhost',
      'LOCALHOST',
      'mail.localhost',
      '127.0.0.1',
      '127.8.9.10',
      '::1',
      '[::1]',
      '::ffff:127.0.0.1',
    ])
      expect(isLoopbackHost(host)).withContext(host).toBeTrue();
    for (const host of [
      'mail.example.go.id',
      '10.0.0.5',
      '192.168.1.2',
      '::2',
      'localhost.example.go.id',
      '128.0.0.1',
      '127.0.0.1.nip.io',
    ])
      expect(isLoopbackHost(host)).withContext(host).toBeFalse();
  });

  it('allows plain text only when switched off, and in production only to this machine', () => {
    expect(plainTextAllowed('required', '127.0.0.1', false)).toBeFalse();
    expect(plainTextAllowed('off', 'mail.example.go.id', false)).toBeTrue();
    expect(plainTextAllowed('off', 'mail.example.go.id', true)).toBeFalse();
    expect(plainTextAllowed('off', '127.0.0.1', true)).toBeTrue();
  });
});
