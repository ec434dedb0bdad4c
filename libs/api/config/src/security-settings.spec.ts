import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import express from 'express';
import { ConfigError, loadConfig, parseTrustProxy } from './app-config';

const ROOT = join(__dirname, '../../../..');

describe('SIGAP_TRUST_PROXY', () => {
  it('takes what Express takes: off, all, a hop count, or addresses and CIDRs', () => {
    expect(parseTrustProxy(null)).toBeFalse();
    expect(parseTrustProxy('')).toBeFalse();
    expect(parseTrustProxy('false')).toBeFalse();
    expect(parseTrustProxy('true')).toBeTrue();
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('0')).toBe(0);
    expect(parseTrustProxy('loopback')).toEqual(['loopback']);
    expect(parseTrustProxy('loopback, 172.16.0.0/12,10.0.0.1')).toEqual([
      'loopback',
      '172.16.0.0/12',
      '10.0.0.1',
    ]);
    expect(parseTrustProxy('LinkLocal,uniquelocal,fd00::/8,::1')).toEqual([
      'linklocal',
      'uniquelocal',
      'fd00::/8',
      '::1',
    ]);
    expect(parseTrustProxy('10.0.0.0/255.0.0.0')).toEqual(['10.0.0.0/255.0.0.0']);
    expect(loadConfig({ SIGAP_TRUST_PROXY: 'loopback' }).trustProxy).toEqual(['loopback']);
  });

  it('refuses anything else with one clear line', () => {
    for (const bad of [
      'nginx',
      '172.16.0.0/33',
      '10.0.0.0/255.0.255.0',
      '300.1.1.1',
      'loopback,',
      '::1/129',
      '1.5',
      '-1',
      'loopback;10.0.0.1',
    ]) {
      expect(() => parseTrustProxy(bad))
        .withContext(bad)
        .toThrowMatching(
          (e) => e instanceof ConfigError && /^SIGAP_TRUST_PROXY tidak valid: /.test(e.message),
        );
    }
  });

  it('every accepted value is one Express compiles and uses', () => {
    for (const raw of ['false', 'true', '1', 'loopback,172.16.0.0/12', '10.0.0.0/255.0.0.0']) {
      const app = express();
      expect(() => app.set('trust proxy', parseTrustProxy(raw)))
        .withContext(raw)
        .not.toThrow();
      expect(typeof app.get('trust proxy fn')).toBe('function');
    }
  });
});

describe('security settings', () => {
  it('serves the API documentation outside production, in production only when asked', () => {
    expect(loadConfig({}).apiDocs).toBeTrue();
    expect(loadConfig({ NODE_ENV: 'test' }).apiDocs).toBeTrue();
    const production = { NODE_ENV: 'production', SIGAP_JWT_SECRET: 'x'.repeat(40) };
    expect(loadConfig(production).apiDocs).toBeFalse();
    expect(loadConfig({ ...production, SIGAP_API_DOCS: 'true' }).apiDocs).toBeTrue();
    expect(() => loadConfig({ SIGAP_API_DOCS: 'kadang' })).toThrowError(ConfigError);
  });

  it('hashes passwords at bcrypt cost 12 unless set (10 to 15)', () => {
    expect(loadConfig({}).bcryptCost).toBe(12);
    expect(loadConfig({ SIGAP_BCRYPT_COST: '13' }).bcryptCost).toBe(13);
    expect(() => loadConfig({ SIGAP_BCRYPT_COST: '8' })).toThrowError(
      ConfigError,
      /SIGAP_BCRYPT_COST tidak valid/,
    );
  });

  it('refuses an admin or demo password bcrypt could not keep whole (over 72 UTF-8 bytes)', () => {
    const admin = (password: string) =>
      loadConfig({ SIGAP_ADMIN_EMAIL: 'admin@x.go.id', SIGAP_ADMIN_PASSWORD: password });
    expect(admin('a'.repeat(72)).adminPassword).toBe('a'.repeat(72));
    // 24 characters, 96 bytes.
    expect(() => admin('ŝ'.repeat(24) + '🔐'.repeat(12))).toThrowError(
      ConfigError,
      /SIGAP_ADMIN_PASSWORD tidak valid: kata sandi paling panjang 72 byte/,
    );
    expect(() => loadConfig({ SIGAP_DEMO_PASSWORD: 'é'.repeat(37) })).toThrowError(
      ConfigError,
      /SIGAP_DEMO_PASSWORD tidak valid/,
    );
  });
});

describe('start-up with a bad SIGAP_TRUST_PROXY', () => {
  it('stops with one line on stderr and exit code 1', () => {
    const result = spawnSync(
      process.execPath,
      ['-r', join(ROOT, 'tools/jasmine/register.js'), join(ROOT, 'apps/api/src/main.ts')],
      {
        cwd: ROOT,
        env: {
          PATH: process.env['PATH'] ?? '',
          SIGAP_TRUST_PROXY: 'nginx',
          SIGAP_DATA_DIR: '/tmp/sigap-never',
        },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines.length).toBe(1);
    expect(lines[0]).toMatch(/^Konfigurasi tidak valid: SIGAP_TRUST_PROXY tidak valid: "nginx"/);
  }, 60_000);
});
