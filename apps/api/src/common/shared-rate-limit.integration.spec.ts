import { DataSource } from 'typeorm';
import { Clock } from '@sigap/api-clock';
import { LINK_LIMIT_PER_ADDRESS } from '@sigap/api-portal';
import { DATABASES, type TestApp } from '../testing/test-app';
import { twoInstancesOnOneDatabase } from '../testing/two-instances';
import { rateKeyHash, SharedRateLimiter } from '@sigap/api-common';

const complaint = (email: string) => ({
  office: 'bali',
  category: 'pengaduan',
  name: 'Warga Uji',
  email,
  text: 'Layanan tidak dapat diakses.',
});

for (const kind of DATABASES) {
  describe(`rate limits shared by two API instances [${kind}]`, () => {
    const pair = twoInstancesOnOneDatabase(kind, {
      SIGAP_COMPLAINT_IP_LIMIT: '3',
      SIGAP_OUTBOX_SECONDS: '0',
    });
    let a: TestApp;
    let b: TestApp;
    beforeAll(() => {
      ({ a, b } = pair);
    });

    it('counts portal link requests of one address across both instances', async () => {
      const email = 'berbagi.batas@diskes.gorontaloprov.go.id';
      const statuses: number[] = [];
      for (let i = 0; i < LINK_LIMIT_PER_ADDRESS + 1; i++) {
        const app = i % 2 ? b : a;
        const res = await app.request('POST', '/api/v1/portal/auth/link', { body: { email } });
        statuses.push(res.status);
      }
      expect(statuses.slice(0, LINK_LIMIT_PER_ADDRESS).every((s) => s === 202))
        .withContext(statuses.join(','))
        .toBeTrue();
      expect(statuses[LINK_LIMIT_PER_ADDRESS]).toBe(429);
      // Still refused on the other instance, with a Retry-After.
      const other = await (LINK_LIMIT_PER_ADDRESS % 2 ? a : b).request(
        'POST',
        '/api/v1/portal/auth/link',
        { body: { email } },
      );
      expect(other.status).toBe(429);
      expect(Number(other.headers.get('retry-after'))).toBeGreaterThan(0);
    });

    it('counts public complaints of one client address across both instances', async () => {
      const ip = '198.51.100.23';
      const post = (app: TestApp, i: number) =>
        app.request('POST', '/api/v1/public/complaints', {
          body: complaint(`warga.${kind}.${i}@example.id`),
          headers: { 'X-Forwarded-For': ip },
        });
      const statuses = [
        (await post(a, 1)).status,
        (await post(b, 2)).status,
        (await post(a, 3)).status,
        (await post(b, 4)).status,
        (await post(a, 5)).status,
      ];
      expect(statuses).toEqual([201, 201, 201, 429, 429]);
    });

    it('stores no address in clear, only hashes', async () => {
      const ds = a.app.get(DataSource);
      const rows: { bucket: string; key_hash: string }[] = await ds.query(
        'SELECT bucket, key_hash FROM rate_limit_windows',
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.key_hash))).toBeTrue();
      expect(rows.map((r) => r.key_hash)).toContain(rateKeyHash('complaint-ip', '198.51.100.23'));
      expect(JSON.stringify(rows)).not.toContain('@');
    });

    it('approximates a sliding window from two fixed windows', async () => {
      const limiter = a.app.get(SharedRateLimiter);
      const clock = a.app.get(Clock);
      const rule = { bucket: 'uji-geser', limit: 2, windowMs: 60_000 };
      const start = Date.parse('2026-05-11T02:00:00.000Z');
      try {
        clock.set(start + 50_000);
        expect((await limiter.hit(rule, 'k')).allowed).toBeTrue();
        expect((await limiter.hit(rule, 'k')).allowed).toBeTrue();
        const full = await limiter.hit(rule, 'k');
        expect(full.allowed).toBeFalse();
        if (!full.allowed) expect(full.retryAfterSeconds).toBe(10);

        // 10 s into the next window the previous one still weighs 5/6 of its 2 hits: 1 left.
        clock.set(start + 70_000);
        expect((await limiter.hit(rule, 'k')).allowed).toBeTrue();
        expect((await limiter.hit(rule, 'k')).allowed).toBeFalse();

        // Later on, the earlier hits have left the window.
        clock.set(start + 185_000);
        expect((await limiter.hit(rule, 'k')).allowed).toBeTrue();
        expect((await limiter.hit(rule, 'k')).allowed).toBeTrue();
        expect((await limiter.hit(rule, 'k')).allowed).toBeFalse();
        // Another key is counted on its own.
        expect((await limiter.hit(rule, 'k2')).allowed).toBeTrue();
      } finally {
        clock.release();
      }
    });
  });
}
