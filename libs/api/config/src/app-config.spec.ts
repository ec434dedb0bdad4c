import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ConfigError, loadConfig, parseDatabaseUrl } from './app-config';

const ROOT = join(__dirname, '../../../..');

describe('loadConfig', () => {
  it('defaults to SQLite under ./data with demo users outside production', () => {
    const config = loadConfig({}, { cwd: '/srv/sigap', mainDir: '/nowhere' });
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ type: 'sqlite', file: '/srv/sigap/data/sigap.sqlite' });
    expect(config.demo).toBeTrue();
    expect(config.seedDir).toBe('/srv/sigap/tools/seed');
    expect(config.consoleDir).toBe('/srv/sigap/dist/apps/console/browser');
    expect(config.corsOrigins).toEqual([]);
  });

  it('reads a MySQL URL and masks its password when printed', () => {
    const config = loadConfig({ DATABASE_URL: 'mysql://sigap:s%40cret@db.local:3307/sigap' });
    expect(config.database).toEqual({
      type: 'mysql',
      host: 'db.local',
      port: 3307,
      username: 'sigap',
      password: 's@cret',
      database: 'sigap',
    });
    expect(config.databaseDescription).toBe('mysql://sigap:****@db.local:3307/sigap');
    expect(config.databaseDescription).not.toContain('cret');
    expect(config.demo).toBeFalse();
  });

  it('reaches a server on the same host through its Unix socket when the URL names one', () => {
    const db = parseDatabaseUrl('mysql://sigap:pw@localhost/sigap?socket=/run/mysqld/mysqld.sock');
    expect(db).toEqual(jasmine.objectContaining({ socketPath: '/run/mysqld/mysqld.sock' }));
    const config = loadConfig({
      DATABASE_URL: 'mysql://sigap:pw@localhost/sigap?socket=/run/mysqld/mysqld.sock',
    });
    expect(config.databaseDescription).toBe(
      'mysql://sigap:****@localhost:3306/sigap?socket=/run/mysqld/mysqld.sock',
    );
    expect(parseDatabaseUrl('mysql://u@h/db')).not.toEqual(
      jasmine.objectContaining({ socketPath: jasmine.anything() }),
    );
    for (const url of ['mysql://u@h/db?socket=relative.sock', 'mysql://u@h/db?ssl=true']) {
      expect(() => parseDatabaseUrl(url)).toThrowMatching(
        (e) => e instanceof ConfigError && e.message.startsWith('DATABASE_URL tidak valid'),
      );
    }
  });

  it('refuses malformed database URLs with a message naming DATABASE_URL', () => {
    for (const url of [
      'nonsense',
      'postgres://u@h/db',
      'mysql://user@host',
      'mysql://user@host/',
    ]) {
      expect(() => parseDatabaseUrl(url)).toThrowMatching(
        (e) => e instanceof ConfigError && e.message.startsWith('DATABASE_URL tidak valid'),
      );
    }
  });

  it('needs SIGAP_JWT_SECRET in production and never makes demo users there unless asked', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrowError(
      ConfigError,
      /SIGAP_JWT_SECRET/,
    );
    const secret = 'x'.repeat(40);
    expect(loadConfig({ NODE_ENV: 'production', SIGAP_JWT_SECRET: secret }).demo).toBeFalse();
    expect(
      loadConfig({ NODE_ENV: 'production', SIGAP_JWT_SECRET: secret, SIGAP_DEMO: 'true' }).demo,
    ).toBeTrue();
  });

  it('names each bad variable and keeps secrets out of the message', () => {
    let message = '';
    try {
      loadConfig({ PORT: '99999', SIGAP_JWT_SECRET: 'short-secret', SIGAP_DEMO: 'maybe' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('SIGAP_DEMO');
    expect(() => loadConfig({ PORT: '99999' })).toThrowError(ConfigError, /PORT/);
    expect(() => loadConfig({ PORT: 'abc' })).toThrowError(ConfigError, /PORT/);
    try {
      loadConfig({ SIGAP_JWT_SECRET: 'short-secret' });
      fail('expected an error');
    } catch (e) {
      expect((e as Error).message).toContain('SIGAP_JWT_SECRET');
      expect((e as Error).message).not.toContain('short-secret');
    }
  });

  it('bounds the attachment cleanup settings', () => {
    const config = loadConfig({});
    expect(config.attachmentOrphanGraceSeconds).toBe(3600);
    expect(config.attachmentCleanupSeconds).toBe(3600);
    expect(loadConfig({ SIGAP_ATTACHMENT_CLEANUP_SECONDS: '0' }).attachmentCleanupSeconds).toBe(0);
    expect(() => loadConfig({ SIGAP_ATTACHMENT_ORPHAN_GRACE_SECONDS: '10' })).toThrowError(
      ConfigError,
      /SIGAP_ATTACHMENT_ORPHAN_GRACE_SECONDS/,
    );
    expect(() => loadConfig({ SIGAP_ATTACHMENT_CLEANUP_SECONDS: '-1' })).toThrowError(
      ConfigError,
      /SIGAP_ATTACHMENT_CLEANUP_SECONDS/,
    );
  });

  it('wants the first admin e-mail and password together', () => {
    expect(() => loadConfig({ SIGAP_ADMIN_EMAIL: 'a@b.go.id' })).toThrowError(
      ConfigError,
      /SIGAP_ADMIN/,
    );
    expect(
      loadConfig({ SIGAP_ADMIN_EMAIL: 'A@B.go.id', SIGAP_ADMIN_PASSWORD: 'rahasia-123' })
        .adminEmail,
    ).toBe('a@b.go.id');
  });
});

describe('start-up with a bad configuration', () => {
  function start(env: Record<string, string>) {
    return spawnSync(
      process.execPath,
      ['-r', join(ROOT, 'tools/jasmine/register.js'), join(ROOT, 'apps/api/src/main.ts')],
      {
        cwd: ROOT,
        env: { PATH: process.env['PATH'] ?? '', ...env },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
  }

  it('stops on a malformed DATABASE_URL with one line on stderr and exit code 1', () => {
    const result = start({
      DATABASE_URL: 'mysql//root@localhost',
      SIGAP_DATA_DIR: '/tmp/sigap-never',
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines.length).toBe(1);
    expect(lines[0]).toMatch(/^Konfigurasi tidak valid: DATABASE_URL tidak valid/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('stops in production without SIGAP_JWT_SECRET', () => {
    const result = start({ NODE_ENV: 'production', SIGAP_DATA_DIR: '/tmp/sigap-never' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      'Konfigurasi tidak valid: SIGAP_JWT_SECRET wajib diisi bila NODE_ENV=production',
    ]);
  }, 60_000);
});
