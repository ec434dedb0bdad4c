import type { Problem, TicketDetail, TicketPage, TimelineEntryView } from '@sigap/contracts';
import { Clock } from '@sigap/api-clock';
import { describeOnBothDatabases, type TestApp } from '../testing/test-app';

/** WITA (UTC+8) local time -> ISO instant. */
const wita = (local: string) => new Date(`${local}+08:00`).toISOString();

/**
 * Bali SOP "Pengembangan Aplikasi" end to end, with the office calendar: Mon-Thu 07.30-16.00
 * (break 12-13), Fri 07.30-16.30 (break 11.30-13.00), 7.5 working hours a day; in Ramadan
 * 1447 H (Thu 19 Feb - Fri 20 Mar 2026, seeded in force) Mon-Thu 08.00-15.00 (break
 * 12.00-12.30), 6.5 working hours a day; and the 2026 national closures: Wed 18 - Tue 24 March
 * (cuti Nyepi, Nyepi, cuti Idul Fitri, Idul Fitri, cuti), Fri 3 April, Fri 1 May.
 */
describeOnBothDatabases('tickets: Bali SOP end to end', (ctx) => {
  let app: TestApp;
  let clock: Clock;
  let t: TicketDetail;
  const as = (who: string) => app.token(`${who}.bali@sigap.local`);
  const at = (local: string) => clock.set(wita(local));
  const act = async (who: string, path: string, body: Record<string, unknown> = {}) => {
    const res = await app.request<TicketDetail>('POST', `/api/v1/tickets/${t.number}/${path}`, {
      token: await as(who),
      body: { expectedVersion: t.version, ...body },
    });
    expect(res.status).withContext(`${path}: ${res.text}`).toBe(200);
    t = res.body;
    return res.body;
  };

  beforeAll(() => {
    app = ctx();
    clock = app.app.get(Clock);
  });
  afterAll(() => clock.release());

  it('opens on Mon 16 Mar 09:00 WITA with checklist, steps, first step assigned and dues', async () => {
    at('2026-03-16T09:00:00');
    const res = await app.request<TicketDetail>('POST', '/api/v1/tickets', {
      token: await as('helpdesk'),
      body: {
        office: 'bali',
        service: 'pengembangan-aplikasi',
        channel: 'letter',
        subject: 'Aplikasi antrean puskesmas',
        description: 'Permohonan pengembangan aplikasi antrean.',
        requester: { name: 'Ni Luh Putu', email: 'putu@dinkes.baliprov.go.id' },
      },
    });
    expect(res.status).withContext(res.text).toBe(201);
    t = res.body;
    expect(t.number).toMatch(/^BALI-2026-\d{6}$/);
    expect(t.status).toBe('new');
    expect(t.serviceVersion).toBe(1);
    expect(t.checklist.map((c) => [c.code, c.status])).toEqual([
      ['r1', 'missing'],
      ['r2', 'missing'],
    ]);
    // Step 1 (the OPD sends the request, no time standard) is done by the opening itself.
    expect(t.steps.map((s) => s.status)).toEqual([
      'done',
      'active',
      'pending',
      'pending',
      'pending',
      'pending',
      'pending',
    ]);
    // Step 2 goes to the holder of its responsible position, Kasubbag TU.
    expect(t.steps[1].position).toBe('kasubbag-tu');
    expect(t.steps[1].assignee?.name).toContain('Kepala Sub Bagian Tata Usaha');
    // Step 2 "1- 2 Jam" from Mon 09:00: target 10:00, limit 11:00 (all inside the morning).
    expect(t.steps[1].clock?.targetDueAt).toBe(wita('2026-03-16T10:00:00'));
    expect(t.steps[1].clock?.limitDueAt).toBe(wita('2026-03-16T11:00:00'));
    // Ticket "28 s.d. 29 hari kerja" from receipt (clockStartsWhen: received). Working days
    // after Mon 16: Tue 17 (1); 18-24 closed; 25, 26, 27 (4); 30, 31 Mar, 1, 2 Apr (8); 3 Apr
    // closed; 6-10 Apr (13); 13-17 (18); 20-24 (23); 27-30 Apr (27); 1 May closed; Mon 4 May
    // (28), Tue 5 May (29); same clock time 09:00.
    expect(t.clocks.ticket.state).toBe('running');
    expect(t.clocks.ticket.targetDueAt).toBe(wita('2026-05-04T09:00:00'));
    expect(t.clocks.ticket.limitDueAt).toBe(wita('2026-05-05T09:00:00'));
    expect(t.dueAt).toBe(wita('2026-05-05T09:00:00'));
    // First response "1 Hari": Tue 17 Mar 09:00.
    expect(t.clocks.firstResponse.limitDueAt).toBe(wita('2026-03-17T09:00:00'));
  });

  it('documents incomplete: return to requester pauses ticket and step clocks', async () => {
    at('2026-03-16T09:30:00');
    await act('helpdesk', 'checklist/r1/receive');
    expect(t.status).toBe('in-progress');
    await act('helpdesk', 'checklist/r1/verify');
    at('2026-03-16T10:00:00');
    await act('helpdesk', 'checklist/r2/reject', { reason: 'Proses bisnis belum memuat alur' });
    await act('helpdesk', 'return-to-requester', { reason: 'Dokumen proses bisnis belum lengkap' });
    expect(t.status).toBe('waiting');
    expect(t.clocks.ticket.state).toBe('paused');
    expect(t.steps[1].clock?.state).toBe('paused');
    // Completing a step while waiting is an illegal jump.
    const refused = await app.request<Problem>(
      'POST',
      `/api/v1/tickets/${t.number}/steps/2/complete`,
      { token: await as('kasubbag-tu'), body: { expectedVersion: t.version, output: 'x' } },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('ticket.illegal_transition');
  });

  it('requester answers on Wed 25 Mar 08:00: dues move by the paused working time', async () => {
    at('2026-03-25T08:00:00');
    await act('helpdesk', 'requester-answered', { reason: 'Dokumen dilengkapi' });
    await act('helpdesk', 'checklist/r2/verify');
    expect(t.status).toBe('in-progress');
    // Paused Mon 16 10:00 -> Wed 25 08:00, Mon and Tue in Ramadan hours: Mon 10-12 (120) +
    // 12:30-15:00 (150) + Tue 17 08-12 (240) + 12:30-15:00 (150) + Wed 25 (normal week again)
    // 07:30-08:00 (30) = 690 working minutes (11.5 h). Ticket target Mon 4 May 09:00 + 690 min:
    // Mon 09-12 (180), 13-16 (360), Tue 07:30-12 (630), 13:00-14:00 (690) -> Tue 5 May 14:00;
    // limit Tue 5 May 09:00 + 690 min -> Wed 6 May 14:00.
    expect(t.clocks.ticket.pausedMinutes).toBe(690);
    expect(t.clocks.ticket.targetDueAt).toBe(wita('2026-05-05T14:00:00'));
    expect(t.clocks.ticket.limitDueAt).toBe(wita('2026-05-06T14:00:00'));
    // Step 2 had run 1 h (its target) when paused; its second hour runs from Wed 08:00 -> 09:00.
    expect(t.steps[1].clock?.targetDueAt).toBe(wita('2026-03-16T10:00:00'));
    expect(t.steps[1].clock?.limitDueAt).toBe(wita('2026-03-25T09:00:00'));
  });

  it('runs every step with the right holder, each due from its own time standard', async () => {
    at('2026-03-25T08:30:00');
    await act('kasubbag-tu', 'steps/2/complete', { output: 'Disposisi Kepala Dinas' });
    expect(t.steps[1].clock?.state).toBe('met-late');
    expect(t.steps[2].assignee?.name).toContain('Kepala Bidang Infrastruktur');
    // Step 3 "1 Jam" from Wed 25 08:30 -> 09:30.
    expect(t.steps[2].clock?.targetDueAt).toBe(wita('2026-03-25T09:30:00'));
    at('2026-03-25T09:00:00');
    await act('kabid-iai', 'steps/3/complete', { output: 'Disposisi turunan kepada Kasi' });
    expect(t.steps[2].clock?.state).toBe('met');
    // Step 4 "7 Hari" from Wed 25 09:00: 26, 27, 30, 31 Mar, 1, 2 Apr (6), 3 Apr closed, Mon 6
    // Apr (7) -> 09:00.
    expect(t.steps[3].assignee?.name).toContain('Kepala Seksi Aplikasi');
    expect(t.steps[3].clock?.targetDueAt).toBe(wita('2026-04-06T09:00:00'));
    // An executor of another position cannot complete it.
    const other = await app.request('POST', `/api/v1/tickets/${t.number}/steps/4/complete`, {
      token: await as('tim-spbe'),
      body: { expectedVersion: t.version, output: 'x' },
    });
    expect(other.status).toBe(403);
    at('2026-04-01T10:00:00');
    await act('kasi-ai', 'steps/4/complete', { output: 'Dokumen awal proses bisnis' });
    // Step 5 "7 Hari" from Wed 1 Apr 10:00: 2, 6, 7, 8, 9, 10, 13 Apr -> Mon 13 Apr 10:00.
    expect(t.steps[4].clock?.targetDueAt).toBe(wita('2026-04-13T10:00:00'));
    at('2026-04-08T10:00:00');
    await act('kasi-ai', 'steps/5/complete', { output: 'Laporan lanjutan' });
    at('2026-04-15T10:00:00');
    // The helpdesk records step 6 for the Kasi who holds it (he signed on paper).
    await act('helpdesk', 'steps/6/complete', { output: 'Kesepakatan proses bisnis' });
    // Step 7 is the head of office's (a manager holding kadis).
    expect(t.steps[6].position).toBe('kadis');
    at('2026-04-20T10:00:00');
    await act('kadis', 'steps/7/complete', { output: 'Berita acara ditandatangani' });
    expect(t.steps.every((s) => s.status === 'done')).toBeTrue();
  });

  it('resolves and closes; the frozen figures survive a later holiday until recomputed', async () => {
    at('2026-04-20T11:00:00');
    await act('helpdesk', 'replies', { body: 'Berita acara terlampir.' });
    await act('helpdesk', 'resolve');
    expect(t.status).toBe('resolved');
    at('2026-04-21T08:00:00');
    await act('helpdesk', 'close');
    expect(t.status).toBe('closed');
    expect(t.clocks.ticket.frozen).toBeTrue();
    expect(t.clocks.ticket.state).toBe('met');
    const due = t.clocks.ticket.targetDueAt;
    expect(due).toBe(wita('2026-05-05T14:00:00'));

    // An office closure on Thu 26 Mar (inside the ticket's running time) is added afterwards.
    const added = await app.request('POST', '/api/v1/calendars/bali/closures', {
      token: await app.token('admin@sigap.local'),
      body: {
        date: '2026-03-26',
        name: 'Penutupan kantor',
        type: 'penutupan-kantor',
        source: 'Uji',
      },
    });
    expect(added.status).withContext(added.text).toBe(201);
    const read = await app.request<TicketDetail>('GET', `/api/v1/tickets/${t.number}`, {
      token: await as('helpdesk'),
    });
    expect(read.body.clocks.ticket.targetDueAt).toBe(due);

    const recomputed = await app.request<TicketDetail>(
      'POST',
      `/api/v1/tickets/${t.number}/sla/recompute`,
      { token: await app.token('admin@sigap.local') },
    );
    expect(recomputed.status).withContext(recomputed.text).toBe(200);
    // One working day more: the 28 working days end Tue 5 May 09:00, plus the same 690 paused
    // minutes -> Wed 6 May 14:00.
    expect(recomputed.body.clocks.ticket.targetDueAt).toBe(wita('2026-05-06T14:00:00'));
    expect(recomputed.body.clocks.ticket.frozen).toBeTrue();
    t = recomputed.body;
  });

  it('records everything in one ordered timeline', async () => {
    const res = await app.request<TimelineEntryView[]>(
      'GET',
      `/api/v1/tickets/${t.number}/timeline`,
      { token: await as('helpdesk') },
    );
    expect(res.status).toBe(200);
    const events = res.body.map((e) => e.event ?? e.kind);
    expect(events[0]).toBe('ticket.opened');
    expect(events).toContain('ticket.returned_to_requester');
    expect(events).toContain('reply');
    expect(events).toContain('ticket.closed');
    const ids = res.body.map((e) => e.id);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    // Only step 6, completed by the helpdesk, was done on its holder's behalf.
    const completed = res.body.filter(
      (e) => e.event === 'step.completed' && e.data?.['order'] !== 1,
    );
    const behalf = completed.filter((e) => e.data?.['onBehalfOf']);
    expect(behalf.map((e) => e.data?.['order'])).toEqual([6]);
    expect(behalf[0].data?.['onBehalfOf']).toBe(t.steps[5].assignee?.id);
  });

  it('refuses a stale version (409) and a missing one (428) without changing anything', async () => {
    const stale = await app.request<Problem>('POST', `/api/v1/tickets/${t.number}/notes`, {
      token: await as('helpdesk'),
      body: { expectedVersion: t.version - 1, body: 'terlambat' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('ticket.stale_version');
    const none = await app.request<Problem>('POST', `/api/v1/tickets/${t.number}/notes`, {
      token: await as('helpdesk'),
      body: { body: 'tanpa versi' },
    });
    expect(none.status).toBe(428);
    const viaHeader = await app.request<TicketDetail>('POST', `/api/v1/tickets/${t.number}/notes`, {
      token: await as('helpdesk'),
      body: { body: 'dengan If-Match' },
      headers: { 'If-Match': `"${t.version}"` },
    });
    expect(viaHeader.status).toBe(200);
    expect(viaHeader.body.version).toBe(t.version + 1);
  });

  it('lists the queue sorted by due with a cursor', async () => {
    const page = await app.request<TicketPage>('GET', '/api/v1/tickets?limit=1', {
      token: await as('helpdesk'),
    });
    expect(page.status).toBe(200);
    expect(page.body.items.length).toBe(1);
    const riau = await app.request<TicketPage>('GET', '/api/v1/tickets', {
      token: await app.token('helpdesk.riau@sigap.local'),
    });
    expect(riau.body.items.map((i) => i.number)).not.toContain(t.number);
    const foreign = await app.request('GET', `/api/v1/tickets/${t.number}`, {
      token: await app.token('helpdesk.riau@sigap.local'),
    });
    expect(foreign.status).toBe(404);
  });
});
