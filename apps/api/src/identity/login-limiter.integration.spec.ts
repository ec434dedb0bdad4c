import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '@sigap/api-clock';
import { rateKeyHash, SharedRateLimiter } from '@sigap/api-common';
import { DATABASES, type TestApp } from '../testing/test-app';
import { twoInstancesOnOneDatabase } from '../testing/two-instances';
import { LOGIN_BUCKET, LoginLimiter } from '@sigap/api-identity';

/** A minute-aligned instant, so the fixed windows under the sliding estimate are known. */
const T0 = Date.parse('2026-05-11T03:00:00.000Z');

for (const kind of DATABASES) {
  describe(`login limiter on the shared store [${kind}]`, () => {
    const pair = twoInstancesOnOneDatabase(kind);
    let a: TestApp;
    let b: TestApp;
    beforeAll(() => {
      ({ a, b } = pair);
    });

    describe('rules', () => {
      let clock: Clock;
      let limiter: LoginLimiter;
      let email: string;
      let ip: string;

      beforeEach(() => {
        clock = a.app.get(Clock);
        clock.set(T0 + 1000);
        limiter = new LoginLimiter(a.app.get(SharedRateLimiter), {
          maxFailures: 5,
          freeFailures: 2,
          delayMs: 100,
          windowMs: 60_000,
        });
        const id = randomUUID();
        email = `email:${id}@x`;
        ip = `ip:${id}`;
      });

      afterEach(() => clock.release());

      const attempt = (keys = [email, ip]) => limiter.begin(keys);

      it('lets the free failures through without delay, then doubles the delay', async () => {
        const delays: number[] = [];
        for (let i = 0; i < 5; i++) {
          const decision = await attempt();
          if (!decision.allowed) fail('refused too early');
          else delays.push(decision.delayMs);
          clock.advance(10);
        }
        expect(delays).toEqual([0, 0, 100, 200, 400]);
      });

      it('refuses once the limit is reached, with a Retry-After until the window frees up', async () => {
        for (let i = 0; i < 5; i++) {
          await attempt();
          clock.advance(1000);
        }
        const refused = await attempt();
        expect(refused.allowed).toBeFalse();
        if (!refused.allowed) expect(refused.retryAfterSeconds).toBe(54);
        // A refused attempt counts nothing.
        expect(await limiter.count(email)).toBe(5);
        clock.set(T0 + 60_000 + 1);
        expect((await attempt()).allowed).toBeTrue();
      });

      it('counts per e-mail across addresses and per address across e-mails', async () => {
        for (let i = 0; i < 5; i++) await attempt([email, `${ip}.${i}`]);
        expect((await attempt([email, `${ip}.99`])).allowed).toBeFalse();
        // The address of the refused attempt was not counted.
        expect(await limiter.count(`${ip}.99`)).toBe(0);
        expect((await attempt([`${email}.b`, `${ip}.99`])).allowed).toBeTrue();
        for (let i = 0; i < 5; i++) await attempt([`${email}.${i}`, ip]);
        expect((await attempt([`${email}.new`, ip])).allowed).toBeFalse();
      });

      it('a success clears the e-mail count and gives its own attempt back', async () => {
        await attempt();
        await attempt();
        const decision = await attempt();
        if (!decision.allowed) throw new Error('refused');
        expect(await limiter.count(ip)).toBe(3);
        await limiter.succeed(decision.ticket, [email]);
        expect(await limiter.count(email)).toBe(0);
        expect(await limiter.count(ip)).toBe(2);
      });

      it('forgets failures as the window slides by', async () => {
        for (let i = 0; i < 4; i++) await attempt();
        clock.set(T0 + 90_000);
        expect(await limiter.count(email)).toBe(2);
        clock.set(T0 + 120_001);
        expect(await limiter.count(email)).toBe(0);
      });

      it('stores the keys only as hashes', async () => {
        await attempt();
        const rows: { key_hash: string }[] = await a.app
          .get(DataSource)
          .query('SELECT key_hash FROM rate_limit_windows WHERE bucket = ?', [LOGIN_BUCKET]);
        expect(rows.map((r) => r.key_hash)).toContain(rateKeyHash(LOGIN_BUCKET, email));
        expect(JSON.stringify(rows)).not.toContain(email.slice(6));
      });
    });

    describe('over HTTP on two instances', () => {
      const login = (app: TestApp, email: string, password: string, ip?: string) =>
        app.request('POST', '/api/v1/auth/login', {
          body: { email, password },
          headers: ip ? { 'X-Forwarded-For': ip } : {},
        });

      it('counts failures for one e-mail on both instances, then both answer 429', async () => {
        const email = 'kadis.riau@sigap.local';
        const statuses: number[] = [];
        for (let i = 0; i < 5; i++)
          statuses.push((await login(i % 2 ? b : a, email, 'salah')).status);
        expect(statuses).toEqual([401, 401, 401, 401, 401]);
        for (const app of [a, b]) {
          const refused = await login(app, email, 'sigap-demo');
          expect(refused.status).toBe(429);
          expect(refused.body.code).toBe('auth.rate_limited');
          expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
        }
      }, 20_000);

      it('counts failures of one address across e-mails on both instances', async () => {
        const ip = a.freshIp();
        const statuses: number[] = [];
        for (let i = 0; i < 6; i++)
          statuses.push((await login(i % 2 ? a : b, `tamu${i}@sigap.local`, 'salah', ip)).status);
        expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
      }, 20_000);

      it('a success on one instance clears the e-mail count for the other', async () => {
        const email = 'admin@sigap.local';
        const rule = {
          bucket: LOGIN_BUCKET,
          limit: 5,
          windowMs: a.config.loginWindowSeconds * 1000,
        };
        const shared = b.app.get(SharedRateLimiter);
        for (let i = 0; i < 3; i++) expect((await login(a, email, 'salah')).status).toBe(401);
        expect(await shared.count(rule, `email:${email}`)).toBe(3);
        const ip = a.freshIp();
        expect((await login(b, email, 'sigap-demo', ip)).status).toBe(200);
        expect(await shared.count(rule, `email:${email}`)).toBe(0);
        // The successful attempt is not counted against its address either.
        expect(await shared.count(rule, `ip:${ip}`)).toBe(0);
      }, 20_000);
    });
  });
}
