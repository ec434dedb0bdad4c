import { ConfigError, loadConfig } from '@sigap/api-config';
import { linkSentMessage, linkTtlMs, sessionTtlMs } from './portal-auth.service';

describe('portal lifetimes from the configuration', () => {
  it('defaults to 15-minute links, 8-hour sessions and 90 days of tracking after the end', () => {
    const config = loadConfig({});
    expect(config.portalLinkMinutes).toBe(15);
    expect(config.portalSessionHours).toBe(8);
    expect(config.trackingDays).toBe(90);
    expect(linkTtlMs(config)).toBe(15 * 60_000);
    expect(sessionTtlMs(config)).toBe(8 * 3_600_000);
    expect(linkSentMessage(config)).toContain('tautan berlaku 15 menit');
  });

  it('reads SIGAP_PORTAL_LINK_MINUTES, SIGAP_PORTAL_SESSION_HOURS and SIGAP_TRACKING_DAYS', () => {
    const config = loadConfig({
      SIGAP_PORTAL_LINK_MINUTES: '60',
      SIGAP_PORTAL_SESSION_HOURS: '2',
      SIGAP_TRACKING_DAYS: '30',
    });
    expect(linkTtlMs(config)).toBe(3_600_000);
    expect(sessionTtlMs(config)).toBe(2 * 3_600_000);
    expect(config.trackingDays).toBe(30);
    expect(linkSentMessage(config)).toContain('tautan berlaku 1 jam');
  });

  it('refuses values out of range, naming the variable', () => {
    for (const [name, value] of [
      ['SIGAP_PORTAL_LINK_MINUTES', '0'],
      ['SIGAP_PORTAL_LINK_MINUTES', '1441'],
      ['SIGAP_PORTAL_SESSION_HOURS', '0'],
      ['SIGAP_PORTAL_SESSION_HOURS', 'delapan'],
      ['SIGAP_TRACKING_DAYS', '0'],
      ['SIGAP_TRACKING_DAYS', '5000'],
    ]) {
      expect(() => loadConfig({ [name]: value }))
        .withContext(`${name}=${value}`)
        .toThrowMatching((e) => e instanceof ConfigError && e.message.includes(name));
    }
  });
});
