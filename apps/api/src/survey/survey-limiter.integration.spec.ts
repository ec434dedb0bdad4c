import { DataSource } from 'typeorm';
import { rateKeyHash } from '@sigap/api-common';
import { DATABASES, type TestApp } from '../testing/test-app';
import { twoInstancesOnOneDatabase } from '../testing/two-instances';
import { SURVEY_READ_LIMIT, SURVEY_WRITE_LIMIT } from '@sigap/api-survey';

/** Well-formed but unknown survey link: answered 404 once past the limiter. */
const LINK = `/api/v1/survey/${'C'.repeat(22)}.${'D'.repeat(43)}`;

for (const kind of DATABASES) {
  describe(`survey limits shared by two API instances [${kind}]`, () => {
    const pair = twoInstancesOnOneDatabase(kind);
    let a: TestApp;
    let b: TestApp;
    beforeAll(() => {
      ({ a, b } = pair);
    });

    const submit = (app: TestApp, ip: string) =>
      app.request('POST', LINK, {
        body: { scores: [4, 4, 4, 4, 4, 4, 4, 4, 4] },
        headers: { 'X-Forwarded-For': ip },
      });

    it('counts submissions of one address on both instances, then both answer 429', async () => {
      const ip = '203.0.113.41';
      const statuses: number[] = [];
      for (let i = 0; i < SURVEY_WRITE_LIMIT.limit; i++)
        statuses.push((await submit(i % 2 ? b : a, ip)).status);
      expect(statuses.every((s) => s === 404))
        .withContext(statuses.join(','))
        .toBeTrue();
      for (const app of [a, b]) {
        const refused = await submit(app, ip);
        expect(refused.status).toBe(429);
        expect(refused.body.code).toBe('survey.rate_limited');
        expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      }
      // Another address, and page views of the same one, are counted apart.
      expect((await submit(b, '203.0.113.42')).status).toBe(404);
      const view = await a.request('GET', LINK, { headers: { 'X-Forwarded-For': ip } });
      expect(view.status).toBe(404);
    });

    it('counts page views of one address on both instances up to their own limit', async () => {
      const ip = '203.0.113.51';
      const statuses: number[] = [];
      for (let i = 0; i <= SURVEY_READ_LIMIT.limit; i++) {
        const app = i % 2 ? b : a;
        statuses.push(
          (await app.request('GET', LINK, { headers: { 'X-Forwarded-For': ip } })).status,
        );
      }
      expect(statuses.slice(0, SURVEY_READ_LIMIT.limit).every((s) => s === 404)).toBeTrue();
      expect(statuses[SURVEY_READ_LIMIT.limit]).toBe(429);
      const rows: { key_hash: string }[] = await a.app
        .get(DataSource)
        .query('SELECT key_hash FROM rate_limit_windows WHERE bucket = ?', ['survey-read']);
      expect(rows.map((r) => r.key_hash)).toContain(rateKeyHash('survey-read', ip));
    }, 30_000);
  });
}
