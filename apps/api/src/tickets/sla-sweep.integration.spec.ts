import type { TicketDetail, TimelineEntryView } from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { Clock } from '../clock/clock';
import { OutboxService } from '../outbox/outbox.service';
import {
  createTestDatabase,
  DATABASES,
  describeOnBothDatabases,
  startTestApp,
  type TestApp,
  type TestDatabase,
} from '../testing/test-app';
import { SlaSweepService } from './sla-sweep.service';

/** WITA (UTC+8) local time -> Date. */
const wita = (local: string) => new Date(`${local}+08:00`);

async function openBali(app: TestApp, subject: string): Promise<TicketDetail> {
  const res = await app.request<TicketDetail>('POST', '/api/v1/tickets', {
    token: await app.token('helpdesk.bali@sigap.local'),
    body: {
      office: 'bali',
      service: 'pengembangan-aplikasi',
      channel: 'letter',
      subject,
      description: 'Uji sapuan SLA.',
      requester: { name: 'Made', email: 'made@diskes.baliprov.go.id' },
    },
  });
  if (res.status !== 201) throw new Error(`open failed: ${res.status} ${res.text}`);
  return res.body;
}

async function userId(app: TestApp, email: string): Promise<string> {
  const rows: { id: string }[] = await app.app
    .get(DataSource)
    .query('SELECT id FROM users WHERE email = ?', [email]);
  return rows[0].id;
}

/**
 * Bali "Pengembangan Aplikasi", opened Mon 16 Mar 2026 09:00 WITA: step 2 (Kasubbag TU, "1- 2
 * Jam") targets 10:00, is at risk from 09:45 (75 % of its 1 h target) and is late after 11:00
 * (its limit). Kasubbag TU reports to the Sekretaris, who hears of the breach.
 */
describeOnBothDatabases('tickets: SLA sweep', (ctx) => {
  let app: TestApp;
  let clock: Clock;
  let sweep: SlaSweepService;
  let t: TicketDetail;

  const timeline = async () =>
    (
      await app.request<TimelineEntryView[]>('GET', `/api/v1/tickets/${t.number}/timeline`, {
        token: await app.token('helpdesk.bali@sigap.local'),
      })
    ).body;

  beforeAll(async () => {
    app = ctx();
    clock = app.app.get(Clock);
    sweep = app.app.get(SlaSweepService);
    clock.set(wita('2026-03-16T09:00:00'));
    t = await openBali(app, 'Sapuan satu');
  });
  afterAll(() => clock.release());

  it('does not run its timer under test configuration, and start/stop control it', () => {
    expect(sweep.started).toBeFalse();
    sweep.start(60_000);
    expect(sweep.started).toBeTrue();
    sweep.stop();
    expect(sweep.started).toBeFalse();
  });

  it('before the at-risk instant nothing happens', async () => {
    clock.set(wita('2026-03-16T09:40:00'));
    expect(await sweep.sweepOnce()).toEqual({ claimed: 0, alerts: 0 });
  });

  it('at 09:50 step 2 is at risk: one alert to its assignee, sent once', async () => {
    clock.set(wita('2026-03-16T09:50:00'));
    const first = await sweep.sweepOnce();
    expect(first.alerts).toBe(1);
    expect((await sweep.sweepOnce()).alerts).toBe(0);
    const events = (await timeline()).filter((e) => e.event === 'sla.step_at_risk');
    expect(events.length).toBe(1);
    const kasubbag = await userId(app, 'kasubbag-tu.bali@sigap.local');
    expect(events[0].data?.['recipients']).toEqual([kasubbag]);
    const outbox = await app.app.get(OutboxService).pending('ticket.step-sla-at-risk');
    expect(outbox.filter((o) => o.payload.includes(t.number)).length).toBe(1);
  });

  it('after 11:00 the step is late: escalated to the Sekretaris, once; version unchanged', async () => {
    clock.set(wita('2026-03-16T11:30:00'));
    expect((await sweep.sweepOnce()).alerts).toBe(1);
    expect((await sweep.sweepOnce()).alerts).toBe(0);
    const events = (await timeline()).filter((e) => e.event === 'sla.step_breached');
    expect(events.length).toBe(1);
    const sekretaris = await userId(app, 'sekretaris.bali@sigap.local');
    expect(events[0].data?.['escalatedTo']).toBe('sekretaris');
    expect(events[0].data?.['recipients']).toEqual([sekretaris]);
    const outbox = await app.app.get(OutboxService).pending('ticket.step-escalated');
    const mine = outbox.filter((o) => o.payload.includes(t.number));
    expect(mine.length).toBe(1);
    expect(JSON.parse(mine[0].payload).recipients).toEqual([sekretaris]);

    const read = await app.request<TicketDetail>('GET', `/api/v1/tickets/${t.number}`, {
      token: await app.token('helpdesk.bali@sigap.local'),
    });
    expect(read.body.version).toBe(t.version);
    expect(read.body.steps[1].clock?.state).toBe('breached');
    // The stored state (used by the queue filters) moved too.
    const rows: { sla_state: string; alerted: string }[] = await app.app
      .get(DataSource)
      .query(
        'SELECT sla_state, alerted FROM ticket_steps WHERE ticket_id = (SELECT id FROM tickets WHERE number = ?) AND step_order = 2',
        [t.number],
      );
    expect(rows[0]).toEqual({ sla_state: 'breached', alerted: 'breached' });
  });
});

/** Two API instances (two sweepers) on one MariaDB database: each alert is emitted once. */
if (DATABASES.includes('mysql')) {
  describe('tickets: two SLA sweepers on one MariaDB database', () => {
    let db: TestDatabase;
    let a: TestApp;
    let b: TestApp;

    beforeAll(async () => {
      db = await createTestDatabase('mysql');
      a = await startTestApp(db);
      b = await startTestApp(db);
    }, 90_000);
    afterAll(async () => {
      await a?.close();
      await b?.close();
      await db?.drop();
    }, 30_000);

    it('claims with SKIP LOCKED and emits every breach exactly once', async () => {
      const clocks = [a.app.get(Clock), b.app.get(Clock)];
      clocks.forEach((c) => c.set(wita('2026-03-16T09:00:00')));
      const opened: TicketDetail[] = [];
      for (let i = 0; i < 12; i++) opened.push(await openBali(a, `Sapuan ganda ${i}`));
      // 11:30: every ticket's step 2 is past its limit (straight to breached).
      clocks.forEach((c) => c.set(wita('2026-03-16T11:30:00')));
      const [ra, rb] = await Promise.all([
        a.app.get(SlaSweepService).sweepOnce(3),
        b.app.get(SlaSweepService).sweepOnce(3),
      ]);
      expect(ra.alerts + rb.alerts).toBe(12);
      const ds = a.app.get(DataSource);
      const perTicket: { n: number | string }[] = await ds.query(
        `SELECT COUNT(*) AS n FROM ticket_timeline WHERE event = 'sla.step_breached' GROUP BY ticket_id`,
      );
      expect(perTicket.length).toBe(12);
      expect(perTicket.every((r) => Number(r.n) === 1)).toBeTrue();
      const outbox: { n: number | string }[] = await ds.query(
        `SELECT COUNT(*) AS n FROM outbox WHERE kind = 'ticket.step-escalated'`,
      );
      expect(Number(outbox[0].n)).toBe(12);
      // A second round on both finds nothing left to say.
      const again = await Promise.all([
        a.app.get(SlaSweepService).sweepOnce(),
        b.app.get(SlaSweepService).sweepOnce(),
      ]);
      expect(again[0].alerts + again[1].alerts).toBe(0);
      clocks.forEach((c) => c.release());
    }, 60_000);
  });
}
