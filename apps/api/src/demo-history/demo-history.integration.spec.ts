import type {
  ChangeCalendarEntry,
  ChangeOutcomes,
  ComplianceResponse,
  IkmDashboardResponse,
  ImprovementActionView,
  IncidentDashboardResponse,
  PublicOfficeDetail,
  PublicStatusResponse,
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
  volume: { requests: 10, complaints: 4, incidents: 5, changes: 3, days: 150 },
  until: UNTIL,
};
const month = (at: Date) => at.toISOString().slice(0, 7);
const RANGE = `from=${month(new Date(UNTIL.getTime() - 330 * 86_400_000))}&to=${month(UNTIL)}`;
const OFFICES = 4;

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
      // Per office: 5 ordinary incidents, a major one with 3 to 5 reports, 3 recurring ones,
      // 2 or 3 still open and one caused by a change.
      expect(s.incidents).toBeGreaterThanOrEqual(OFFICES * (5 + 1 + 3 + 3 + 2 + 1));
      expect(s.incidentsResolved).toBeGreaterThan(OFFICES * 8);
      expect(s.majorIncidents).toBe(OFFICES);
      expect(s.linkedReports).toBeGreaterThanOrEqual(OFFICES * 3);
      expect(s.problems).toBe(OFFICES);
      // Per office: 3 over the period and 3 planned in the coming weeks.
      expect(s.changes).toBe(OFFICES * 6);
      expect(s.changesImplemented).toBeGreaterThanOrEqual(OFFICES * 3);
      expect(s.changesFailed).toBe(OFFICES);
    });

    it('closed tickets carry clock events consistent with their resolved times', async () => {
      const tickets = (await data.query(
        `SELECT id, number, kind, received_at, resolved_at, closed_at, sla_snapshot FROM tickets
          WHERE status = 'closed' AND kind <> 'change'`,
      )) as Row[];
      expect(tickets.length).toBeGreaterThan(12);
      expect(tickets.some((t) => t['kind'] === 'incident')).toBeTrue();
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
        // A request's (an incident's) steps were all completed before it was resolved.
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

    it('incidents of every priority on the IT services, some at night or at weekends on 24x7', async () => {
      const rows = (await data.query(
        `SELECT t.number, t.office_code, t.priority, t.support_hours, t.received_at, t.is_open,
                t.status, t.sla_snapshot, l.it_service_id
           FROM tickets t LEFT JOIN ticket_it_services l ON l.ticket_id = t.id AND l.position = 1
          WHERE t.kind = 'incident'`,
      )) as Row[];
      // Every incident names one of its office's IT services.
      expect(rows.every((r) => !!r['it_service_id'])).toBeTrue();
      const bali = rows.filter((r) => r['office_code'] === 'bali');
      const priorities = new Set(bali.map((r) => String(r['priority'])));
      expect(priorities.has('P1'))
        .withContext([...priorities].join())
        .toBeTrue();
      expect(priorities.size)
        .withContext([...priorities].join())
        .toBeGreaterThanOrEqual(3);
      // On the 24x7 data centre: reported out of office hours (WITA) too.
      const offHours = bali.filter((r) => {
        if (r['support_hours'] !== '24x7') return false;
        const local = new Date(
          (readInstant(r['received_at'] as string) as Date).getTime() + 8 * 3_600_000,
        );
        const hour = local.getUTCHours() + local.getUTCMinutes() / 60;
        return local.getUTCDay() === 0 || local.getUTCDay() === 6 || hour < 7.5 || hour >= 16;
      });
      expect(offHours.length).toBeGreaterThan(0);
      // Most restored within target, some not.
      const states = rows
        .filter((r) => r['status'] === 'closed')
        .map((r) => (JSON.parse(String(r['sla_snapshot'])) as { state: string }).state);
      const met = states.filter((x) => x === 'met').length;
      expect(met / states.length).toBeGreaterThan(0.5);
      expect(states.some((x) => x !== 'met')).toBeTrue();
      // A handful still open today in every office.
      for (const office of ['bali', 'riau', 'gorontalo', 'tebingtinggi']) {
        const open = rows.filter((r) => r['office_code'] === office && Number(r['is_open']) === 1);
        expect(open.length).withContext(office).toBeGreaterThanOrEqual(2);
        expect(open.length).withContext(office).toBeLessThan(8);
      }
    });

    it('a major incident per office with its linked reports resolved and closed with it', async () => {
      const parents = (await data.query(
        `SELECT p.number, p.office_code, p.status, p.priority, COUNT(*) AS n,
                SUM(CASE WHEN c.status = 'closed' THEN 1 ELSE 0 END) AS closed
           FROM incidents i
           JOIN tickets c ON c.id = i.ticket_id
           JOIN tickets p ON p.id = i.parent_ticket_id
          GROUP BY p.number, p.office_code, p.status, p.priority`,
      )) as Row[];
      expect(parents.length).toBe(OFFICES);
      for (const p of parents) {
        expect(p['priority']).toBe('P1');
        expect(p['status']).toBe('closed');
        expect(Number(p['n'])).toBeGreaterThanOrEqual(3);
        expect(Number(p['closed'])).toBe(Number(p['n']));
      }
      // Every reporter heard the one update (the parent's timeline says whom it reached).
      const updates = (await data.query(
        "SELECT COUNT(*) AS n FROM outbox WHERE kind = 'incident.major-update'",
      )) as Row[];
      expect(Number(updates[0]['n'])).toBeGreaterThanOrEqual(OFFICES * 3);
    });

    it('recurring incidents gathered under a problem with its root cause', async () => {
      const problems = (await data.query(
        `SELECT p.id, p.office_code, p.status, p.root_cause, p.workaround, COUNT(i.ticket_id) AS n,
                SUM(CASE WHEN i.root_cause IS NOT NULL THEN 1 ELSE 0 END) AS caused
           FROM problems p JOIN incidents i ON i.problem_id = p.id
          GROUP BY p.id, p.office_code, p.status, p.root_cause, p.workaround`,
      )) as Row[];
      expect(problems.length).toBe(OFFICES);
      for (const p of problems) {
        expect(String(p['root_cause'] ?? '').length).toBeGreaterThan(10);
        expect(String(p['workaround'] ?? '').length).toBeGreaterThan(10);
        expect(Number(p['n'])).toBe(3);
        expect(Number(p['caused'])).toBe(3);
        expect(p['status']).toBe('resolved');
      }
    });

    it('changes approved by the positions of their risk, mostly successful, some planned ahead', async () => {
      // Each decided approval was decided by a holder of its position (the demo user of it).
      const steps = (await data.query(
        `SELECT t.number, s.position_code, u.email, c.risk
           FROM ticket_steps s
           JOIN tickets t ON t.id = s.ticket_id
           JOIN changes c ON c.ticket_id = t.id
           JOIN users u ON u.id = s.completed_by
          WHERE t.office_code = 'bali' AND s.status = 'done'`,
      )) as Row[];
      expect(steps.length).toBeGreaterThan(0);
      for (const s of steps)
        expect(s['email']).toBe(`${String(s['position_code'])}.bali@sigap.local`);
      const risky = steps.filter((s) => s['risk'] === 'tinggi').map((s) => s['position_code']);
      for (const s of steps.filter((x) => x['risk'] !== 'tinggi'))
        expect(s['position_code']).toBe('kabid-iai');
      if (risky.length) expect(risky).toContain('kabid-iai');
      const token = await app.token('kadis.bali@sigap.local');
      const from = new Date(UNTIL.getTime() - 200 * 86_400_000).toISOString();
      const outcomes = await app.request<ChangeOutcomes>(
        'GET',
        `/api/v1/changes/outcomes?office=bali&from=${from}&to=${UNTIL.toISOString()}`,
        { token },
      );
      expect(outcomes.status).withContext(outcomes.text).toBe(200);
      expect(outcomes.body.implemented).toBeGreaterThanOrEqual(3);
      expect(outcomes.body.rolledBack).toBe(1);
      expect(outcomes.body.success).toBe(outcomes.body.implemented - 1);
      expect(outcomes.body.incidentsCaused).toBe(1);
      // The change calendar of the coming weeks is not empty.
      const calendar = await app.request<ChangeCalendarEntry[]>(
        'GET',
        `/api/v1/changes/calendar?office=bali&from=${UNTIL.toISOString()}&to=${new Date(
          UNTIL.getTime() + 30 * 86_400_000,
        ).toISOString()}`,
        { token },
      );
      expect(calendar.status).withContext(calendar.text).toBe(200);
      const ahead = calendar.body.filter((e) => Date.parse(e.plannedStart) > UNTIL.getTime());
      expect(ahead.length).toBeGreaterThanOrEqual(3);
    });

    it('the incident dashboard and the public status page show the history', async () => {
      const token = await app.token('kadis.bali@sigap.local');
      const figures = await app.request<IncidentDashboardResponse>(
        'GET',
        `/api/v1/dashboards/incidents?${RANGE}`,
        { token },
      );
      expect(figures.status).withContext(figures.text).toBe(200);
      expect(figures.body.total.total).toBeGreaterThan(5);
      expect(figures.body.total.resolutionShare).not.toBeNull();
      expect(figures.body.total.meanRestoreMinutes).toBeGreaterThan(0);
      expect(figures.body.byPriority.filter((r) => r.total > 0).length).toBeGreaterThan(1);
      expect(figures.body.byService.length).toBeGreaterThan(1);
      const status = await app.request<PublicStatusResponse>(
        'GET',
        '/api/v1/public/status?office=bali',
      );
      expect(status.status).withContext(status.text).toBe(200);
      const dc = status.body.services.find((x) => x.code === 'pusat-data');
      // The major incident of the last months on the data centre.
      expect(dc?.history.some((d) => d.state === 'major')).toBeTrue();
      // An incident still open today, in the helpdesk's public words.
      const ongoing = status.body.services.flatMap((x) => x.incidents);
      expect(ongoing.length).toBeGreaterThan(0);
      // Not the generic "Gangguan <layanan>": the helpdesk wrote its words.
      expect(ongoing.some((i) => !i.title.startsWith('Gangguan '))).toBeTrue();
      expect(status.body.state).not.toBe('normal');
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
