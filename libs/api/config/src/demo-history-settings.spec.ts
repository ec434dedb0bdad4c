import { ConfigError, loadConfig } from './app-config';

describe('demo history settings', () => {
  const secret = 'x'.repeat(40);

  it('are on with the demo outside tests and production, off otherwise', () => {
    expect(loadConfig({}).demoHistory).toBeTrue();
    expect(loadConfig({}).demoHistorySeed).toBe(20261207);
    expect(loadConfig({ NODE_ENV: 'test' }).demoHistory).toBeFalse();
    expect(loadConfig({ SIGAP_DEMO: 'false' }).demoHistory).toBeFalse();
    expect(
      loadConfig({ DATABASE_URL: 'mysql://u:p@127.0.0.1:3306/sigap' }).demoHistory,
    ).toBeFalse();
    // A production demo (SIGAP_DEMO=true) still gets no invented history.
    expect(
      loadConfig({ NODE_ENV: 'production', SIGAP_JWT_SECRET: secret, SIGAP_DEMO: 'true' })
        .demoHistory,
    ).toBeFalse();
  });

  it('SIGAP_DEMO_HISTORY=false turns it off; true is refused outside demo mode and in production', () => {
    expect(loadConfig({ SIGAP_DEMO_HISTORY: 'false' }).demoHistory).toBeFalse();
    expect(loadConfig({ NODE_ENV: 'test', SIGAP_DEMO_HISTORY: 'true' }).demoHistory).toBeTrue();
    expect(() => loadConfig({ SIGAP_DEMO: 'false', SIGAP_DEMO_HISTORY: 'true' })).toThrowError(
      ConfigError,
      /SIGAP_DEMO_HISTORY/,
    );
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        SIGAP_JWT_SECRET: secret,
        SIGAP_DEMO: 'true',
        SIGAP_DEMO_HISTORY: 'true',
      }),
    ).toThrowError(ConfigError, /SIGAP_DEMO_HISTORY/);
    expect(() => loadConfig({ SIGAP_DEMO_HISTORY: 'kadang' })).toThrowError(
      ConfigError,
      /SIGAP_DEMO_HISTORY/,
    );
  });

  it('the seed is a positive whole number', () => {
    expect(loadConfig({ SIGAP_DEMO_HISTORY_SEED: '7' }).demoHistorySeed).toBe(7);
    for (const bad of ['0', '-3', 'abc', '99999999999']) {
      expect(() => loadConfig({ SIGAP_DEMO_HISTORY_SEED: bad }))
        .withContext(bad)
        .toThrowError(ConfigError, /SIGAP_DEMO_HISTORY_SEED/);
    }
  });
});
