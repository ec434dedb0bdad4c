import type {
  ComplianceResponse,
  IkmDashboardResponse,
  ImprovementActionView,
  PublicOfficeDetail,
  ReviewView,
} from '@sigap/contracts';
import { DataSource } from 'typeorm';
import {
  createTestDatabase,
  DATABASES,
  startTestApp,
  type TestApp,
  type TestDatabase,
} from '../testing/test-app';
import { readInstant } from '@sigap/api-database';
import { DemoHistoryService, type DemoHistoryOptions } from '@sigap/api-demo-history';

/**
 * A small history ending today at 04:00 UTC (one instant for every run of the day, so two runs
 * compare; recent, so the public figures of the last 12 months include it).
 */
const UNTIL = new Date(`${new Date().toISOString().slice(0, 10)}T04:00:00Z`);
const OPTIONS: DemoHistoryOptions = {
  seed: 4242,
  volume: { requests: 10, complaints: 4, days: 150 },
  until: UNTIL,
};
const month = (at: Date) => at.toISOString().slice(0, 7);
const RANGE = `from=${month(new Date(UNTIL.getTime() - 330 * 86_400_000))}&to=${month(UNTIL)}`;

type Row = Record<string, unknown>;

async function counts(data: DataSource): Promise<Row[]> {
  return data.query(
    `SELECT office_code, kind, status, COUNT(*) AS n FROM tickets
      GROUP BY office_code, kind, status ORDER BY office_code, kind, status`,
  );
}

for (const kind of DATABASES) {
  describe(`demo history generated through the domain [${kind}]`, () => {
    let db: TestDatabase;
    let app: TestApp;
    let data: DataSource;
    let first: Awaited<ReturnType<DemoHistoryService['ensure']>>;

    beforeAll(async () => {
      db = await createTestDatabase(kind);
      app = await startTestApp(db);
      data = app.app.get(DataSource);
      first = await app.app.get(DemoHistoryService).ensure(OPTIONS);
    }, 300_000);

    afterAll(async () => {
      await app?.close();
      await db?.drop();
    }, 30_000);

    it('reports what it made and where the time went', () => {
      console.log(`\n[demo history ${kind}] ${JSON.stringify(first)}`);
      expect(first?.actions).toBeGreaterThan(100);
    });

    it('opens, returns, completes, resolves and closes requests, answers complaints, takes surveys', () => {
      expect(first).not.toBeNull();
      const s = first as NonNullable<typeof first>;
      expect(s.requests).toBe(40);
      expect(s.closed).toBeGreaterThan(12);
      expect(s.returned).toBeGreaterThan(0);
      expect(s.complaints).toBe(16);
      expect(s.complaintsAnswered).toBeGreaterThan(0);
      expect(s.surveys).toBeGreaterThan(3);
    });

    it('closed tickets carry clock events consistent with their resolved times', async () => {
      const tickets = (await data.query(
        `SELECT id, number, kind, received_at, resolved_at, closed_at, sla_snapshot FROM tickets
          WHERE status = 'closed'`,
      )) as Row[];
      expect(tickets.length).toBeGreaterThan(12);
      const outcomes = new Set<string>();
      for (const t of tickets) {
        const received = readInstant(t['received_at'] as string) as Date;
        const resolved = readInstant(t['resolved_at'] as string) as Date;
        const closed = readInstant(t['closed_at'] as string) as Date;
        expect(resolved.getTime()).toBeGreaterThan(received.getTime());
        expect(closed.getTime()).toBeGreaterThanOrEqual(resolved.getTime());
        const events = (await data.query(
          `SELECT type, at FROM ticket_clock_events WHERE ticket_id = ? AND clock = 'ticket'
            ORDER BY id`,
          [t['id']],
        )) as Row[];
        const at = events.map((e) => (readInstant(e['at'] as string) as Date).getTime());
        expect(events[0]?.['type']).withContext(String(t['number'])).toBe('start');
        expect(events[events.length - 1]?.['type'])
          .withContext(String(t['number']))
          .toBe('stop');
        // The clock stopped at the resolution, and every event lies between receipt and it.
        expect(at[at.length - 1])
          .withContext(String(t['number']))
          .toBe(resolved.getTime());
        expect(at.every((x) => x >= received.getTime() && x <= resolved.getTime())).toBeTrue();
        expect([...at].sort((a, b) => a - b)).toEqual(at);
        const snapshot = JSON.parse(String(t['sla_snapshot'])) as {
          state: string;
          stoppedAt: number;
        };
        expect(snapshot.stoppedAt).toBe(resolved.getTime());
        outcomes.add(snapshot.state);
        // A request's steps were all completed before it was resolved.
        const steps = (await data.query(
          'SELECT status, completed_at FROM ticket_steps WHERE ticket_id = ?',
          [t['id']],
        )) as Row[];
        for (const step of steps) {
          expect(step['status']).toBe('done');
          const done = readInstant(step['completed_at'] as string) as Date;
          expect(done.getTime()).toBeLessThanOrEqual(resolved.getTime());
        }
      }
      // Some on time, some not: a history, not a showcase.
      expect(outcomes.has('met')).toBeTrue();
      expect(outcomes.size).toBeGreaterThan(1);
    });

    it('the dashboards show compliance and the IKM of the period at once', async () => {
      const token = await app.token('kadis.bali@sigap.local');
      const compliance = await app.request<ComplianceResponse>(
        'GET',
        `/api/v1/dashboards/compliance?level=tickets&by=service&${RANGE}`,
        { token },
      );
      expect(compliance.status).withContext(compliance.text).toBe(200);
      const total = compliance.body.rows.reduce((sum, r) => sum + r.total, 0);
      expect(total).toBeGreaterThan(0);
      const ikm = await app.request<IkmDashboardResponse>(
        'GET',
        `/api/v1/dashboards/ikm?${RANGE}`,
        { token },
      );
      expect(ikm.status).withContext(ikm.text).toBe(200);
      expect(ikm.body.totals.length).toBeGreaterThan(0);
      expect(JSON.stringify(ikm.body.totals)).toMatch(/"respondents":[1-9]/);
      // The public page's figures of the last 12 months.
      const pub = await app.request<PublicOfficeDetail>('GET', '/api/v1/public/offices/bali');
      expect(pub.status).withContext(pub.text).toBe(200);
      expect(pub.body.performance.finished).toBeGreaterThan(0);
      expect(pub.body.performance.compliancePercent).not.toBeNull();
      expect(pub.body.performance.complaints).toBeGreaterThan(0);
      expect(pub.body.performance.ikm?.respondents ?? 0).toBeGreaterThan(0);
    });

    it('each office has past reviews with their figures and improvement actions', async () => {
      const token = await app.token('kadis.bali@sigap.local');
      const reviews = await app.request<ReviewView[]>('GET', '/api/v1/reviews', { token });
      expect(reviews.status).withContext(reviews.text).toBe(200);
      expect(reviews.body.length).toBe(2);
      const [later, earlier] = reviews.body;
      expect(earlier.heldOn < later.heldOn).toBeTrue();
      expect(later.heldOn <= UNTIL.toISOString().slice(0, 10)).toBeTrue();
      expect(later.attendees.length).toBeGreaterThan(1);
      expect(later.decisions.length).toBeGreaterThan(0);
      // The figures of the reviewed months are the dashboard's.
      const range = `from=${later.periodFrom}&to=${later.periodTo}&level=tickets&by=service`;
      const compliance = await app.request<ComplianceResponse>(
        'GET',
        `/api/v1/dashboards/compliance?${range}`,
        { token },
      );
      const closed = compliance.body.trend.reduce((sum, r) => sum + r.total, 0);
      expect(later.figures.tickets.total).toBe(closed);
      expect(closed).toBeGreaterThan(0);

      const actions = await app.request<ImprovementActionView[]>(
        'GET',
        '/api/v1/improvement-actions',
        { token },
      );
      expect(actions.status).toBe(200);
      const statuses = actions.body.map((a) => a.status).sort();
      expect(statuses).toEqual(['done', 'done', 'in-progress', 'open', 'open']);
      expect(actions.body.filter((a) => a.overdue).length).toBe(1);
      const rows = (await data.query(
        'SELECT office_code, COUNT(*) AS n FROM service_reviews GROUP BY office_code',
      )) as Row[];
      expect(rows.length).toBe(4);
      expect(rows.every((r) => Number(r['n']) === 2)).toBeTrue();
    });

    it('a second start does not generate again', async () => {
      const before = await counts(data);
      expect(await app.app.get(DemoHistoryService).ensure(OPTIONS)).toBeNull();
      await app.close();
      // A restart with the history switched on finds the marker and leaves the data alone.
      app = await startTestApp(db, { SIGAP_DEMO_HISTORY: 'true' });
      data = app.app.get(DataSource);
      expect(await counts(data)).toEqual(before);
    }, 120_000);

    if (kind === 'sqlite') {
      it('the same seed gives the same history', async () => {
        const other = await createTestDatabase('sqlite');
        const again = await startTestApp(other);
        try {
          const second = await again.app.get(DemoHistoryService).ensure(OPTIONS);
          const strip = (s: typeof first) => ({ ...s, seconds: 0, cpuSeconds: 0, timing: {} });
          expect(strip(second)).toEqual(strip(first));
          expect(await counts(again.app.get(DataSource))).toEqual(await counts(data));
        } finally {
          await again.close();
          await other.drop();
        }
      }, 300_000);
    }
  });
}
