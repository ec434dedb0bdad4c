import type {
  CalendarClosure,
  OfficeCalendarView,
  TicketDetail,
  TicketPage,
} from '@sigap/contracts';
import { Clock } from '@sigap/api-clock';
import { SlaSweepService } from '@sigap/api-tickets';
import { describeOnBothDatabases, TestApp } from '../testing/test-app';

const wita = (local: string) => new Date(`${local}+08:00`).toISOString();

/**
 * A Bali ticket whose working time spans Galungan 2026 (Wed 17 Jun): its due date while the day is
 * unconfirmed, and once an admin confirms it, in the ticket and in the queue.
 */
describeOnBothDatabases('calendars: confirming a regional day moves open tickets', (ctx) => {
  let app: TestApp;
  let clock: Clock;

  beforeAll(() => {
    app = ctx();
    clock = app.app.get(Clock);
  });
  afterAll(() => clock.release());

  it('Bali "28 s.d. 29 hari kerja" opened Mon 15 Jun 2026 10.00 WITA', async () => {
    clock.set(new Date(wita('2026-06-15T10:00:00')));
    const helpdesk = await app.token('helpdesk.bali@sigap.local');
    const admin = await app.token('admin@sigap.local');
    const opened = await app.request<TicketDetail>('POST', '/api/v1/tickets', {
      token: helpdesk,
      body: {
        office: 'bali',
        service: 'pengembangan-aplikasi',
        channel: 'letter',
        subject: 'Aplikasi layanan desa adat',
        description: 'Permohonan pengembangan aplikasi.',
        requester: { name: 'Ketut', email: 'ketut@disbud.baliprov.go.id' },
      },
    });
    expect(opened.status).withContext(opened.text).toBe(201);
    const number = opened.body.number;
    // Closed on working days in the span: Tue 16 Jun (1 Muharam, national) and, once confirmed,
    // Wed 17 Jun (Galungan). No other national closure until 17 Aug.
    // Unconfirmed: Wed 17 (1), Thu 18, Fri 19 (3); 22-26 Jun (8); 29 Jun-3 Jul (13); 6-10 Jul
    // (18); 13-17 (23); 20-24 (28) -> target Fri 24 Jul; Mon 27 Jul (29) -> limit.
    // Confirmed: Thu 18 (1), Fri 19 (2); 22-26 (7); 29 Jun-3 Jul (12); 6-10 (17); 13-17 (22);
    // 20-24 (27); Mon 27 Jul (28) -> target; Tue 28 Jul (29) -> limit. Same clock time 10.00.
    expect(opened.body.clocks.ticket.targetDueAt).toBe(wita('2026-07-24T10:00:00'));
    expect(opened.body.dueAt).toBe(wita('2026-07-27T10:00:00'));
    // First response "1 Hari": Tue 16 closed -> Wed 17 10.00; with Galungan -> Thu 18 10.00.
    expect(opened.body.clocks.firstResponse.limitDueAt).toBe(wita('2026-06-17T10:00:00'));

    const queueDue = async () => {
      const page = await app.request<TicketPage>('GET', '/api/v1/tickets?office=bali', {
        token: helpdesk,
      });
      expect(page.status).withContext(page.text).toBe(200);
      return page.body.items.find((i) => i.number === number)?.dueAt;
    };
    expect(await queueDue()).toBe(wita('2026-07-27T10:00:00'));

    const calendar = await app.request<OfficeCalendarView>(
      'GET',
      '/api/v1/calendars/bali?year=2026',
      {
        token: admin,
      },
    );
    const galungan = calendar.body.closures.find(
      (c) => c.name === 'Hari Raya Galungan' && c.layer === 'province',
    )!;
    expect(galungan.confirmed).toBeFalse();
    const confirmed = await app.request<CalendarClosure>(
      'POST',
      `/api/v1/calendars/closures/${galungan.id}/confirm`,
      { token: admin },
    );
    expect(confirmed.status).withContext(confirmed.text).toBe(200);
    try {
      // The next sweep recomputes the tickets figured with the older calendar.
      await app.app.get(SlaSweepService).sweepOnce();
      expect(await queueDue()).toBe(wita('2026-07-28T10:00:00'));
      const detail = await app.request<TicketDetail>('GET', `/api/v1/tickets/${number}`, {
        token: helpdesk,
      });
      expect(detail.body.clocks.ticket.targetDueAt).toBe(wita('2026-07-27T10:00:00'));
      expect(detail.body.dueAt).toBe(wita('2026-07-28T10:00:00'));
      expect(detail.body.clocks.firstResponse.limitDueAt).toBe(wita('2026-06-18T10:00:00'));
      // Nothing more to recompute on the next sweep.
      expect((await app.app.get(SlaSweepService).sweepOnce()).claimed).toBe(0);
    } finally {
      await app.request('POST', `/api/v1/calendars/closures/${galungan.id}/unconfirm`, {
        token: admin,
      });
    }
    await app.app.get(SlaSweepService).sweepOnce();
    expect(await queueDue()).toBe(wita('2026-07-27T10:00:00'));
  });
});
