import { DataSource } from 'typeorm';
import { startReplicatedPair, type ReplicatedPair } from '../testing/mariadb-replication';
import { DATABASES, startTestApp, type TestApp } from '../testing/test-app';
import { ReadReplica } from '@sigap/api-database';

if (DATABASES.includes('mysql')) {
  describe('dashboards on a read replica [mariadb primary + replica]', () => {
    let pair: ReplicatedPair;
    let app: TestApp;
    const manager = () => app.token('kadis.bali@sigap.local');
    const helpdesk = () => app.token('helpdesk.bali@sigap.local');
    const backlog = async (): Promise<string> => {
      const res = await app.request('GET', '/api/v1/dashboards/backlog?office=bali', {
        token: await manager(),
      });
      expect(res.status).withContext(res.text).toBe(200);
      return JSON.stringify(res.body);
    };
    const openTicket = async (subject: string) => {
      const res = await app.request('POST', '/api/v1/tickets', {
        token: await helpdesk(),
        body: {
          office: 'bali',
          service: 'pengembangan-aplikasi',
          channel: 'portal',
          subject,
          description: 'Uji replika.',
          requester: { name: 'Komang', email: 'komang@bappeda.baliprov.go.id' },
        },
      });
      expect(res.status).withContext(res.text).toBe(201);
      return res.body.number as string;
    };

    beforeAll(async () => {
      pair = await startReplicatedPair('sigap_replica_test');
      const env = {
        SIGAP_DATA_DIR: `${pair.primary.dir}/sigap-data`,
        DATABASE_URL: pair.primaryUrl,
        DATABASE_REPLICA_URL: pair.replicaUrl,
      };
      app = await startTestApp({ kind: 'mysql', env, drop: async () => undefined });
      await pair.caughtUp();
    }, 180_000);

    afterAll(async () => {
      await app?.close();
      await pair?.stop();
    }, 60_000);

    it('reads dashboards from the replica, and everything else from the primary', async () => {
      const reader = app.app.get(ReadReplica);
      const primaryDb = app.app.get(DataSource);
      const count = async (q: (sql: string) => Promise<{ n: number | string }[]>) =>
        Number((await q('SELECT COUNT(*) AS n FROM tickets'))[0].n);
      expect(reader.active).toBeTrue();
      const before = await count((sql) => reader.query(sql));
      // Hold the replica back: what the primary writes now is not on it yet.
      const replica = await pair.replica.connect();
      try {
        await replica.query('STOP SLAVE SQL_THREAD');
        const number = await openTicket('Tiket saat replika tertahan');
        // The ticket itself (primary) is there at once, for the API and for plain queries.
        const seen = await app.request('GET', `/api/v1/tickets/${number}`, {
          token: await helpdesk(),
        });
        expect(seen.status).toBe(200);
        expect(await count((sql) => primaryDb.query(sql))).toBe(before + 1);
        // Reads through the replica do not see it yet, and the dashboards answer from there.
        expect(await count((sql) => reader.query(sql))).toBe(before);
        expect(await backlog()).toContain('"office":"bali"');
        await replica.query('START SLAVE SQL_THREAD');
      } finally {
        await replica.end();
      }
      await pair.caughtUp();
      expect(await count((sql) => reader.query(sql))).toBe(before + 1);
    }, 120_000);

    it('falls back to the primary when the replica is gone', async () => {
      const replica = await pair.replica.connect();
      try {
        // Take the application's user away on the replica only (not replicated: binlog off there).
        await replica.query('SET SESSION sql_log_bin = 0');
        await replica.query('STOP SLAVE');
        await replica.query(`KILL USER 'sigap'@'127.0.0.1'`).catch(() => undefined);
        await replica.query(`ALTER USER 'sigap'@'127.0.0.1' ACCOUNT LOCK`);
        await replica.query(`KILL USER 'sigap'@'127.0.0.1'`).catch(() => undefined);
        const number = await openTicket('Tiket saat replika hilang');
        const res = await app.request('GET', '/api/v1/dashboards/backlog?office=bali', {
          token: await manager(),
        });
        expect(res.status).withContext(res.text).toBe(200);
        // The fallback read the primary, which has the new ticket.
        const rows = await app.app
          .get(ReadReplica)
          .query<{ n: number }>('SELECT COUNT(*) AS n FROM tickets WHERE number = ?', [number]);
        expect(Number(rows[0].n)).toBe(1);
      } finally {
        await replica.query(`ALTER USER 'sigap'@'127.0.0.1' ACCOUNT UNLOCK`);
        await replica.end();
      }
    }, 120_000);

    it('works again once a restarted primary is back, after failing while it was down', async () => {
      const token = await helpdesk();
      const tickets = () => app.request('GET', '/api/v1/tickets?open=true&limit=5', { token });
      await pair.restartPrimary(async () => {
        // Requests while it is down fail (and the pool counts the failed connections).
        for (let i = 0; i < 8; i++) expect((await tickets()).status).toBeGreaterThanOrEqual(500);
      });
      const started = Date.now();
      let status = 0;
      while (Date.now() - started < 20_000) {
        status = (await tickets()).status;
        if (status === 200) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(status).withContext('the primary in use again').toBe(200);
      await openTicket('Tiket setelah primer dimulai ulang');
    }, 120_000);
  });
}
