import type { TicketDetail, TimelineEntryView } from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { Clock } from '@sigap/api-clock';
import { OutboxService } from '@sigap/api-outbox';
import {
  createTestDatabase,
  DATABASES,
  describeOnBothDatabases,
  startTestApp,
  type TestApp,
  type TestDatabase,
} from '../testing/test-app';
import { SlaSweepService } from '@sigap/api-tickets';

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

/** The office's active helpdesk agents, read independently of the sweep's own query. */
async function baliAgents(app: TestApp): Promise<string[]> {
  const rows: { id: string; roles: string }[] = await app.app
    .get(DataSource)
    .query("SELECT id, roles FROM users WHERE office_code = 'bali' AND active = ? ORDER BY id", [
      true,
    ]);
  return rows.filter((r) => r.roles.split(',').includes('agent')).map((r) => r.id);
}

/**
 * The first-response clock (`SIGAP_FIRST_RESPONSE`, 1 Hari) and alerts whose clock has nobody
 * assigned. Each test reads only its own ticket's timeline, so the tickets can share the sweeps.
 */
describeOnBothDatabases('tickets: SLA sweep, first response and recipients', (ctx) => {
  let app: TestApp;
  let clock: Clock;
  let sweep: SlaSweepService;
  let ds: DataSource;
  let plain: TicketDetail;
  let answered: TicketDetail;
  let unassigned: TicketDetail;

  const eventsOf = async (ticket: TicketDetail, code: string) =>
    (
      await app.request<TimelineEntryView[]>('GET', `/api/v1/tickets/${ticket.number}/timeline`, {
        token: await app.token('helpdesk.bali@sigap.local'),
      })
    ).body.filter((e) => e.event === code);
  const outboxOf = async (ticket: TicketDetail, kind: string) =>
    (await app.app.get(OutboxService).pending(kind))
      .map((o) => JSON.parse(o.payload) as Record<string, unknown>)
      .filter((p) => p['ticket'] === ticket.number);
  const stored = async (ticket: TicketDetail) =>
    (
      await ds.query(
        'SELECT first_response_state AS state, first_response_alerted AS alerted FROM tickets WHERE number = ?',
        [ticket.number],
      )
    )[0] as { state: string; alerted: string | null };
  const unassignStep2 = (ticket: TicketDetail) =>
    ds.query(
      'UPDATE ticket_steps SET assignee_id = NULL WHERE step_order = 2 AND ticket_id = (SELECT id FROM tickets WHERE number = ?)',
      [ticket.number],
    );
  const at = (iso: string | null, plusMinutes: number) =>
    new Date(Date.parse(iso as string) + plusMinutes * 60_000);

  beforeAll(async () => {
    app = ctx();
    clock = app.app.get(Clock);
    sweep = app.app.get(SlaSweepService);
    ds = app.app.get(DataSource);
    clock.set(wita('2026-03-16T09:00:00'));
    plain = await openBali(app, 'Respons pertama');
    answered = await openBali(app, 'Sudah dijawab');
    unassigned = await openBali(app, 'Langkah tanpa pelaksana');
    await unassignStep2(unassigned);
    clock.set(wita('2026-03-16T09:10:00'));
    const reply = await app.request<TicketDetail>(
      'POST',
      `/api/v1/tickets/${answered.number}/replies`,
      {
        token: await app.token('helpdesk.bali@sigap.local'),
        body: { expectedVersion: answered.version, body: 'Permohonan Anda kami terima.' },
      },
    );
    expect(reply.status).toBe(200);
  });
  afterAll(() => clock.release());

  it('opens the first-response clock with an at-risk instant before its due time', () => {
    const fr = plain.clocks.firstResponse;
    expect(fr.state).toBe('running');
    expect(Date.parse(fr.atRiskAt as string)).toBeGreaterThan(Date.parse(fr.startedAt as string));
    expect(Date.parse(fr.atRiskAt as string)).toBeLessThan(Date.parse(fr.limitDueAt as string));
  });

  it('a step at risk with no assignee goes to the holders of its position', async () => {
    clock.set(wita('2026-03-16T09:50:00'));
    await sweep.sweepOnce();
    const events = await eventsOf(unassigned, 'sla.step_at_risk');
    expect(events.length).toBe(1);
    const kasubbag = await userId(app, 'kasubbag-tu.bali@sigap.local');
    expect(events[0].data?.['recipients']).toEqual([kasubbag]);
    const mail = await outboxOf(unassigned, 'ticket.step-sla-at-risk');
    expect(mail.map((m) => m['recipients'])).toEqual([[kasubbag]]);
  });

  it('just before the at-risk instant the first response raises nothing', async () => {
    clock.set(at(plain.clocks.firstResponse.atRiskAt, -1));
    await sweep.sweepOnce();
    expect(await eventsOf(plain, 'sla.first_response_at_risk')).toEqual([]);
    expect((await stored(plain)).state).toBe('running');
  });

  it('past its at-risk instant the first response alerts the helpdesk agents once', async () => {
    clock.set(at(plain.clocks.firstResponse.atRiskAt, 1));
    await sweep.sweepOnce();
    await sweep.sweepOnce();
    const events = await eventsOf(plain, 'sla.first_response_at_risk');
    expect(events.length).toBe(1);
    const agents = await baliAgents(app);
    expect(agents.length).toBeGreaterThan(0);
    expect(events[0].data?.['recipients']).toEqual(agents);
    expect(events[0].data?.['clock']).toBe('first-response');
    const mail = await outboxOf(plain, 'ticket.sla-at-risk');
    expect(mail.length).toBe(1);
    expect(mail[0]['clock']).toBe('first-response');
    expect(mail[0]['dueAt']).toBe(plain.clocks.firstResponse.limitDueAt);
    expect(await stored(plain)).toEqual({ state: 'at-risk', alerted: 'at-risk' });
  });

  it('past its due time it is breached: one more alert, then silence', async () => {
    clock.set(at(plain.clocks.firstResponse.limitDueAt, 1));
    await sweep.sweepOnce();
    await sweep.sweepOnce();
    expect((await eventsOf(plain, 'sla.first_response_breached')).length).toBe(1);
    expect((await eventsOf(plain, 'sla.first_response_at_risk')).length).toBe(1);
    const mail = await outboxOf(plain, 'ticket.sla-breached');
    expect(mail.length).toBe(1);
    expect(mail[0]['recipients']).toEqual(await baliAgents(app));
    expect(await stored(plain)).toEqual({ state: 'breached', alerted: 'breached' });
    const read = await app.request<TicketDetail>('GET', `/api/v1/tickets/${plain.number}`, {
      token: await app.token('helpdesk.bali@sigap.local'),
    });
    expect(read.body.clocks.firstResponse.state).toBe('breached');
    expect(read.body.version).toBe(plain.version);
  });

  it('a ticket answered in time raises no first-response alert', async () => {
    expect(await eventsOf(answered, 'sla.first_response_at_risk')).toEqual([]);
    expect(await eventsOf(answered, 'sla.first_response_breached')).toEqual([]);
    expect((await stored(answered)).alerted).toBeNull();
  });

  it('with no holder left, a step at risk and its escalation go to the helpdesk agents', async () => {
    clock.set(wita('2026-03-17T09:00:00'));
    const lonely = await openBali(app, 'Jabatan kosong');
    await unassignStep2(lonely);
    // Nobody holds Kasubbag TU any more, nor the Sekretaris above it.
    await ds.query(
      `DELETE FROM position_holders WHERE position_id IN
         (SELECT id FROM positions WHERE office_code = 'bali' AND code IN ('kasubbag-tu', 'sekretaris'))`,
    );
    const agents = await baliAgents(app);
    clock.set(wita('2026-03-17T09:50:00'));
    await sweep.sweepOnce();
    const risk = await eventsOf(lonely, 'sla.step_at_risk');
    expect(risk.length).toBe(1);
    expect(risk[0].data?.['recipients']).toEqual(agents);
    clock.set(wita('2026-03-17T11:30:00'));
    await sweep.sweepOnce();
    const late = await eventsOf(lonely, 'sla.step_breached');
    expect(late.length).toBe(1);
    expect(late[0].data?.['recipients']).toEqual(agents);
    const mail = await outboxOf(lonely, 'ticket.step-escalated');
    expect(mail.map((m) => m['recipients'])).toEqual([agents]);
  });

  it('each alert names the audience its recipients were chosen as, for the mail to word', async () => {
    const audiences = async (number: string, kind: string) =>
      (await app.app.get(OutboxService).pending(kind))
        .map((o) => JSON.parse(o.payload) as Record<string, unknown>)
        .filter((p) => p['ticket'] === number)
        .map((p) => p['audience']);
    expect(await audiences(unassigned.number, 'ticket.step-sla-at-risk')).toEqual(['position']);
    expect(await audiences(plain.number, 'ticket.sla-at-risk')).toEqual(['helpdesk']);
    expect(await audiences(plain.number, 'ticket.sla-breached')).toEqual(['helpdesk']);
    const found = await app.request<{ items: { number: string }[] }>(
      'GET',
      `/api/v1/tickets?office=bali&q=${encodeURIComponent('Jabatan kosong')}`,
      { token: await app.token('helpdesk.bali@sigap.local') },
    );
    const lonely = found.body.items[0].number;
    expect(await audiences(lonely, 'ticket.step-sla-at-risk')).toEqual(['helpdesk']);
    expect(await audiences(lonely, 'ticket.step-escalated')).toEqual(['helpdesk']);
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
