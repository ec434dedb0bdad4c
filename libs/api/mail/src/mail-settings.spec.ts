import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@sigap/api-config';
import { resolveMarkerSecret } from '@sigap/api-identity';
import { mailDomain, mailFromAddress } from './mail-settings';

describe('mail configuration', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'sigap-mail-config-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps mail when no SMTP server is set, pooled and verifying TLS by default', () => {
    const config = loadConfig({ SIGAP_DATA_DIR: dir });
    expect(config.smtp).toBeNull();
    expect(config.smtpPool).toBeTrue();
    expect(config.smtpTlsRejectUnauthorized).toBeTrue();
    expect(config.dkim).toBeNull();
    expect(config.smtpDescription).toContain('tidak ada');
  });

  it('reads smtp:// and smtps:// URLs and masks the password when printed', () => {
    const config = loadConfig({
      SIGAP_SMTP_URL: 'smtp://helpdesk%40example.go.id:r4h%2Fsia@mail.example.go.id',
      SIGAP_SMTP_POOL: 'false',
      SIGAP_SMTP_TLS_REJECT_UNAUTHORIZED: 'tidak',
    });
    expect(config.smtp).toEqual({
      secure: false,
      host: 'mail.example.go.id',
      port: 587,
      user: 'helpdesk@example.go.id',
      password: 'r4h/sia',
    });
    expect(config.smtpPool).toBeFalse();
    expect(config.smtpTlsRejectUnauthorized).toBeFalse();
    expect(config.smtpDescription).toBe(
      'smtp://helpdesk@example.go.id:****@mail.example.go.id:587',
    );
    expect(config.smtpDescription).not.toContain('r4h');
    expect(loadConfig({ SIGAP_SMTP_URL: 'smtps://mail.example.go.id' }).smtp).toEqual({
      secure: true,
      host: 'mail.example.go.id',
      port: 465,
      user: null,
      password: null,
    });
  });

  it('rejects bad SMTP settings with the variable named and no password shown', () => {
    expect(() => loadConfig({ SIGAP_SMTP_URL: 'imap://u:rahasia@h' })).toThrowError(
      /SIGAP_SMTP_URL tidak valid: skema "imap"/,
    );
    expect(() => loadConfig({ SIGAP_SMTP_URL: 'bukan url rahasia' })).toThrowError(
      /^SIGAP_SMTP_URL tidak valid: harus berbentuk/,
    );
    expect(() => loadConfig({ SIGAP_SMTP_POOL: 'kadang' })).toThrowError(/SIGAP_SMTP_POOL/);
    expect(() => loadConfig({ SIGAP_MAIL_MARKER_SECRET: 'pendek' })).toThrowError(
      /SIGAP_MAIL_MARKER_SECRET tidak valid/,
    );
  });

  it('takes DKIM as all three settings, with a key file that exists', () => {
    const key = join(dir, 'dkim.pem');
    writeFileSync(key, 'kunci');
    const config = loadConfig(
      {
        SIGAP_DKIM_DOMAIN: 'example.go.id',
        SIGAP_DKIM_SELECTOR: 'sigap',
        SIGAP_DKIM_PRIVATE_KEY_FILE: 'dkim.pem',
      },
      { cwd: dir },
    );
    expect(config.dkim).toEqual({
      domainName: 'example.go.id',
      keySelector: 'sigap',
      privateKeyFile: key,
    });
    expect(() => loadConfig({ SIGAP_DKIM_DOMAIN: 'example.go.id' })).toThrowError(
      /harus diisi bersama/,
    );
    expect(() =>
      loadConfig({
        SIGAP_DKIM_DOMAIN: 'example.go.id',
        SIGAP_DKIM_SELECTOR: 'sigap',
        SIGAP_DKIM_PRIVATE_KEY_FILE: join(dir, 'tidak-ada.pem'),
      }),
    ).toThrowError(/SIGAP_DKIM_PRIVATE_KEY_FILE tidak ditemukan/);
  });

  it('takes the Message-ID domain from the From address', () => {
    const config = loadConfig({ SIGAP_MAIL_FROM: '"Sigap Diskominfo" <Helpdesk@Example.go.id>' });
    expect(mailFromAddress(config.mailFrom)).toBe('Helpdesk@Example.go.id');
    expect(mailDomain(config)).toBe('example.go.id');
    expect(mailFromAddress('helpdesk@example.go.id')).toBe('helpdesk@example.go.id');
    expect(() => mailFromAddress('Sigap Diskominfo')).toThrowError(/SIGAP_MAIL_FROM tidak valid/);
    expect(() => mailDomain(loadConfig({ SIGAP_MAIL_FROM: 'a@localhost' }))).toThrowError(
      /domain "localhost"/,
    );
  });

  it('derives a stable marker key from the JWT secret unless one is set', () => {
    const jwt = { SIGAP_DATA_DIR: dir, SIGAP_JWT_SECRET: 'x'.repeat(40) };
    const derived = resolveMarkerSecret(loadConfig(jwt));
    expect(derived).toMatch(/^[0-9a-f]{64}$/);
    expect(resolveMarkerSecret(loadConfig(jwt))).toBe(derived);
    expect(resolveMarkerSecret(loadConfig({ ...jwt, SIGAP_JWT_SECRET: 'y'.repeat(40) }))).not.toBe(
      derived,
    );
    expect(
      resolveMarkerSecret(loadConfig({ ...jwt, SIGAP_MAIL_MARKER_SECRET: 'penanda-0123456789' })),
    ).toBe('penanda-0123456789');
  });
});
