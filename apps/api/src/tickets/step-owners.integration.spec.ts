import { describeOnBothDatabases } from '../testing/test-app';
import { flow, userId, wib, wita } from '../testing/ticket-flow';

/**
 * Who owns each step, and the steps after go-live, on the Gorontalo and Riau seeds. The offices
 * work Mon-Thu 07.30-16.00 (break 12-13), Fri 07.30-16.30 (break 11.30-13.00) in their own zone;
 * no 2026 closure falls on the days used here. Dues are computed by hand in the comments.
 */
describeOnBothDatabases('steps: Gorontalo owners, requester turns and follow-ups', (ctx) => {
  const { f, act, open, complete } = flow(ctx, 'gorontalo');
  const at = (local: string) => f.clock.set(wita(local));
  const step = (order: number) => f.t.steps[order - 1];

  it('keeps the clock on the team for steps 6-7, pauses on step 12, resolves before 17-20', async () => {
    at('2026-04-06T09:00:00');
    await open('pengembangan-aplikasi', 'portal', 'Aplikasi perizinan terintegrasi');
    at('2026-04-06T09:30:00');
    for (const code of ['r1', 'r2', 'r3', 'r4', 'r5']) {
      await act('helpdesk', `checklist/${code}/receive`);
      await act('helpdesk', `checklist/${code}/verify`);
    }
    // Complete Mon 6 Apr 09:30 WITA; "1 s.d 2 bulan": target Wed 6 May 09:30 (a working
    // instant); limit Sat 6 Jun 09:30, a closed day -> the close of Mon 8 Jun, 16:00.
    expect(f.t.clocks.ticket.startedAt).toBe(wita('2026-04-06T09:30:00'));
    expect(f.t.clocks.ticket.targetDueAt).toBe(wita('2026-05-06T09:30:00'));
    expect(f.t.clocks.ticket.limitDueAt).toBe(wita('2026-06-08T16:00:00'));

    at('2026-04-06T10:00:00');
    await complete(2, 'helpdesk');
    await complete(3, 'kadis');
    await complete(4, 'tim-pengembangan-aplikasi');
    await complete(5, 'kadis');

    // Step 6: the OPD presents with Tim Kerja Pengembangan Aplikasi to KemenPAN-RB. The team
    // owns it: someone in the office is assigned and the ticket clock keeps running.
    const teamId = await userId(f.app, 'tim-pengembangan-aplikasi.gorontalo@sigap.local');
    expect(step(6).position).toBe('tim-pengembangan-aplikasi');
    expect(step(6).executors).toEqual(['opd-pemohon', 'tim-pengembangan-aplikasi']);
    expect(step(6).participants).toEqual(['Kementerian PAN-RB']);
    expect(step(6).requesterSide).toBeFalse();
    expect(step(6).assignee?.id).toBe(teamId);
    expect(f.t.clocks.ticket.state).toBe('running');

    at('2026-04-07T10:00:00');
    await complete(6, 'tim-pengembangan-aplikasi');
    expect(step(7).position).toBe('tim-pengembangan-aplikasi');
    expect(step(7).assignee?.id).toBe(teamId);
    at('2026-04-08T10:00:00');
    await complete(7, 'tim-pengembangan-aplikasi');
    expect(f.t.clocks.ticket.state).toBe('running');
    expect(f.t.clocks.ticket.pausedMinutes).toBe(0);

    // While steps 8-16 are open the ticket cannot resolve; follow-ups 17-20 are not named.
    const early = await f.app.request<{ code: string; detail: string }>(
      'POST',
      `/api/v1/tickets/${f.t.number}/resolve`,
      {
        token: await f.app.token('helpdesk.gorontalo@sigap.local'),
        body: { expectedVersion: f.t.version },
      },
    );
    expect(early.status).toBe(422);
    expect(early.text).toContain('8, 9, 10, 11, 12, 13, 14, 15, 16.');

    at('2026-04-08T10:10:00');
    await complete(8, 'kadis');
    await complete(9, 'tim-pengembangan-aplikasi');
    await complete(10, 'tim-pengembangan-aplikasi');
    at('2026-04-08T10:40:00');
    await complete(11, 'tim-pengembangan-aplikasi');
    // Step 12: only the OPD acts (it applies for operation): the requester's turn, paused.
    expect(step(12).requesterSide).toBeTrue();
    expect(step(12).assignee).toBeNull();
    expect(f.t.clocks.ticket.state).toBe('paused');
    at('2026-04-08T14:40:00');
    await complete(12, 'helpdesk');
    // Paused Wed 8 Apr 10:40-12:00 (80) + 13:00-14:40 (100) = 180 working minutes. Both dues
    // move by 3 working hours: target Wed 6 May 09:30 + 2.5 h to 12:00, + 0.5 h after the
    // break = 13:30; limit Mon 8 Jun 16:00 (a close) + 3 h = Tue 9 Jun 10:30.
    expect(f.t.clocks.ticket.pausedMinutes).toBe(180);
    expect(f.t.clocks.ticket.targetDueAt).toBe(wita('2026-05-06T13:30:00'));
    expect(f.t.clocks.ticket.limitDueAt).toBe(wita('2026-06-09T10:30:00'));

    at('2026-04-08T15:00:00');
    await complete(13, 'tim-pusat-data');
    await complete(14, 'tim-pusat-data');
    await complete(15, 'tim-pengembangan-aplikasi');
    await complete(16, 'tim-pengembangan-aplikasi');
    // Step 17 (the OPD's information service after go-live) is a follow-up: it is active, but
    // it is not the requester's turn on the ticket clock.
    expect(step(17).followUp).toBeTrue();
    expect(step(17).status).toBe('active');
    expect(f.t.clocks.ticket.state).toBe('running');
    expect(f.t.clocks.ticket.pausedMinutes).toBe(180);

    // Resolved Thu 9 Apr 09:00, well before the target: met; 17-20 remain as follow-ups.
    at('2026-04-09T09:00:00');
    await act('helpdesk', 'resolve');
    expect(f.t.status).toBe('resolved');
    expect(f.t.clocks.ticket.state).toBe('met');
    expect(f.t.clocks.ticket.stoppedAt).toBe(wita('2026-04-09T09:00:00'));
    expect(f.t.steps.filter((s) => s.status !== 'done').map((s) => s.order)).toEqual([
      17, 18, 19, 20,
    ]);
    expect(f.t.steps.filter((s) => s.followUp).map((s) => s.order)).toEqual([17, 18, 19, 20]);

    // The follow-ups are recorded on the resolved ticket; it stays resolved and its clock
    // figures do not move.
    at('2026-04-20T10:00:00');
    await complete(17, 'helpdesk');
    expect(f.t.status).toBe('resolved');
    at('2026-05-11T10:00:00');
    await complete(18, 'helpdesk');
    expect(step(19).assignee?.id).toBe(teamId);
    await complete(19, 'tim-pengembangan-aplikasi');
    await complete(20, 'helpdesk');
    expect(f.t.status).toBe('resolved');
    expect(f.t.steps.every((s) => s.status === 'done')).toBeTrue();
    expect(f.t.clocks.ticket.state).toBe('met');
    expect(f.t.clocks.ticket.stoppedAt).toBe(wita('2026-04-09T09:00:00'));
    expect(f.t.clocks.ticket.limitDueAt).toBe(wita('2026-06-09T10:30:00'));

    at('2026-05-11T11:00:00');
    await act('helpdesk', 'close');
    expect(f.t.clocks.ticket.frozen).toBeTrue();
    expect(f.t.clocks.ticket.state).toBe('met');
  }, 90_000);
});

describeOnBothDatabases('steps: Riau step 11 is owned by Tim Teknis Bidang Aptika', (ctx) => {
  const { f, act, open, complete } = flow(ctx, 'riau');
  const at = (local: string) => f.clock.set(wib(local));

  it('runs the clock through step 11 with the OPD taking part', async () => {
    at('2026-04-06T09:00:00');
    await open('konsultasi-tata-kelola-spbe', 'letter', 'Aplikasi layanan perizinan');
    // "3 Bulan" from receipt Mon 6 Apr 09:00 WIB = Mon 6 Jul 09:00 (a working instant).
    expect(f.t.clocks.ticket.limitDueAt).toBe(wib('2026-07-06T09:00:00'));
    at('2026-04-06T09:30:00');
    for (const code of ['r1', 'r2', 'r3', 'r4']) {
      await act('helpdesk', `checklist/${code}/receive`);
      await act('helpdesk', `checklist/${code}/verify`);
    }
    const plan: [number, string][] = [
      [2, 'sekretaris'],
      [3, 'kadis'],
      [4, 'kabid-aptika'],
      [5, 'kasi-ppa'],
      [6, 'pranata-komputer'],
      [7, 'kasi-ppa'],
      [8, 'pranata-komputer'],
      [9, 'kasi-ppa'],
      [10, 'kasi-ppa'],
    ];
    at('2026-04-07T10:00:00');
    for (const [order, who] of plan) await complete(order, who);
    const s11 = f.t.steps[10];
    expect(s11.position).toBe('tim-teknis-aptika');
    expect(s11.executors).toEqual(['opd-pemohon', 'tim-teknis-aptika']);
    expect(s11.requesterSide).toBeFalse();
    expect(s11.assignee?.id).toBe(await userId(f.app, 'tim-teknis-aptika.riau@sigap.local'));
    // Hosting takes from Tue 7 Apr 10:00 to Mon 13 Apr 10:00 on the office's clock: no pause.
    at('2026-04-13T10:00:00');
    expect(f.t.clocks.ticket.state).toBe('running');
    await complete(11, 'tim-teknis-aptika');
    expect(f.t.clocks.ticket.pausedMinutes).toBe(0);
    expect(f.t.clocks.ticket.limitDueAt).toBe(wib('2026-07-06T09:00:00'));
    await act('helpdesk', 'resolve');
    expect(f.t.clocks.ticket.state).toBe('met');
    expect(f.t.status).toBe('resolved');
  }, 60_000);
});
