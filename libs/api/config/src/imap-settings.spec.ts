import { loadConfig } from './app-config';
import { parseImapMailboxes } from './imap-settings';

const ENV = { SIGAP_IMAP_BALI_PASSWORD: 'rahasia' };
const one = (extra: Record<string, unknown> = {}) =>
  JSON.stringify([
    {
      name: 'bali',
      office: 'bali',
      host: 'imap.example.go.id',
      user: 'helpdesk@example.go.id',
      passwordEnv: 'SIGAP_IMAP_BALI_PASSWORD',
      ...extra,
    },
  ]);

describe('parseImapMailboxes', () => {
  it('is empty when unset', () => {
    expect(parseImapMailboxes(null, {})).toEqual([]);
    expect(parseImapMailboxes('  ', {})).toEqual([]);
  });

  it('fills defaults: IMAPS on 993, INBOX, mark seen, 60 s, enabled', () => {
    const [m] = parseImapMailboxes(one(), ENV);
    expect(m).toEqual({
      name: 'bali',
      office: 'bali',
      host: 'imap.example.go.id',
      port: 993,
      secure: true,
      user: 'helpdesk@example.go.id',
      passwordEnv: 'SIGAP_IMAP_BALI_PASSWORD',
      password: 'rahasia',
      folder: 'INBOX',
      processedFolder: null,
      enabled: true,
      pollSeconds: 60,
      tlsRejectUnauthorized: true,
    });
    expect(parseImapMailboxes(one({ secure: false }), ENV)[0].port).toBe(143);
    expect(parseImapMailboxes(one({ processedFolder: 'Diproses' }), ENV)[0].processedFolder).toBe(
      'Diproses',
    );
  });

  it('names what is wrong', () => {
    const bad: [string, RegExp][] = [
      ['{', /bukan JSON yang valid/],
      ['{}', /harus berupa larik/],
      ['[1]', /\[0\] harus berupa objek/],
      [one({ password: 'x' }), /password tidak diizinkan/],
      [one({ hostname: 'x' }), /kolom "hostname" tidak dikenal/],
      [one({ port: 70000 }), /port harus bilangan bulat 1–65535/],
      [one({ secure: 'ya' }), /secure harus true atau false/],
      [one({ name: 'Bali Utara' }), /name "Bali Utara" hanya boleh/],
      [one({ passwordEnv: 'SIGAP_IMAP_LAIN' }), /variabel SIGAP_IMAP_LAIN .* kosong/],
      [one({ office: '' }), /office wajib diisi/],
    ];
    for (const [raw, message] of bad) {
      expect(() => parseImapMailboxes(raw, ENV))
        .withContext(raw)
        .toThrowError(message);
    }
    const twice = JSON.stringify([JSON.parse(one())[0], JSON.parse(one())[0]]);
    expect(() => parseImapMailboxes(twice, ENV)).toThrowError(/\[1\]\.name "bali" dipakai/);
  });

  it('is read by loadConfig, whose error is a ConfigError', () => {
    const config = loadConfig({ ...ENV, SIGAP_IMAP_MAILBOXES: one() }, { cwd: '/tmp' });
    expect(config.imapMailboxes.map((m) => m.name)).toEqual(['bali']);
    expect(() => loadConfig({ SIGAP_IMAP_MAILBOXES: one() }, { cwd: '/tmp' })).toThrowMatching(
      (e) => e.name === 'ConfigError' && /SIGAP_IMAP_BALI_PASSWORD/.test(e.message),
    );
  });
});

describe('SIGAP_IMAP_LEASE_SECONDS', () => {
  it('defaults to 30 s and accepts 3 to 600 only', () => {
    expect(loadConfig({}, { cwd: '/tmp' }).imapLeaseSeconds).toBe(30);
    expect(loadConfig({ SIGAP_IMAP_LEASE_SECONDS: '3' }, { cwd: '/tmp' }).imapLeaseSeconds).toBe(3);
    for (const bad of ['2', '601', '0', '-5', '10s']) {
      expect(() => loadConfig({ SIGAP_IMAP_LEASE_SECONDS: bad }, { cwd: '/tmp' }))
        .withContext(bad)
        .toThrowMatching(
          (e) => e.name === 'ConfigError' && /SIGAP_IMAP_LEASE_SECONDS/.test(e.message),
        );
    }
  });
});
