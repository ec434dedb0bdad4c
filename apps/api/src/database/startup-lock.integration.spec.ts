import { DataSource } from 'typeorm';
import {
  createTestDatabase,
  DATABASES,
  startTestApp,
  type TestApp,
  type TestDatabase,
} from '../testing/test-app';

if (DATABASES.includes('mysql')) {
  describe('start-up lock [mysql]', () => {
    let db: TestDatabase;
    const apps: TestApp[] = [];

    beforeAll(async () => (db = await createTestDatabase('mysql')), 30_000);
    afterAll(async () => {
      for (const app of apps) await app.close();
      await db?.drop();
    }, 30_000);

    it('lets three instances start at once on an empty database, migrating and seeding once', async () => {
      const started = await Promise.allSettled([
        startTestApp(db),
        startTestApp(db),
        startTestApp(db),
      ]);
      for (const result of started) if (result.status === 'fulfilled') apps.push(result.value);
      const failures = started
        .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
        .map((r) => String(r.reason));
      expect(failures).toEqual([]);
      const ds = apps[0].app.get(DataSource);
      const migrations: { name: string; n: number }[] = await ds.query(
        'SELECT name, COUNT(*) AS n FROM migrations GROUP BY name HAVING COUNT(*) > 1',
      );
      expect(migrations).toEqual([]);
      const [{ n: offices }] = await ds.query('SELECT COUNT(*) AS n FROM offices');
      const [{ n: codes }] = await ds.query('SELECT COUNT(DISTINCT code) AS n FROM offices');
      expect(Number(offices)).toBe(Number(codes));
      for (const app of apps) {
        expect((await app.request('GET', '/api/health/ready')).status).toBe(200);
      }
      // The lock was given back: nobody holds it now.
      const [{ db: name }] = await ds.query('SELECT DATABASE() AS db');
      const [{ free }] = await ds.query('SELECT IS_FREE_LOCK(?) AS free', [
        `sigap-startup:${name}`.slice(0, 64),
      ]);
      expect(Number(free)).toBe(1);
    }, 120_000);
  });
}
