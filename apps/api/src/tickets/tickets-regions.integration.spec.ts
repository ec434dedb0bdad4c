import { describeOnBothDatabases } from '../testing/test-app';
import { flow, wib, wita } from '../testing/ticket-flow';

/**
 * The three other seed services end to end (Bali has its own spec). All offices work the
 * standard schedule in their own zone: Mon-Thu 07.30-16.00 (break 12-13), Fri 07.30-16.30
 * (break 11.30-13.00), except in Ramadan 1447 H (Thu 19 Feb - Fri 20 Mar 2026, seeded in force):
 * Mon-Thu 08.00-15.00 (break 12.00-12.30), Fri 08.00-15.30 (break 11.30-12.30); with the 2026
 * national closures (Wed 18 - Tue 24 March, Fri 3 April,
 * Fri 1 May, Thu 14 - Fri 15 May, Wed 27 - Thu 28 May, Mon 1 June, Tue 16 June ...).
 * None of these services gives its steps a time standard, so only the ticket clock has dues;
 * steps only the requester's side acts on (`opd-pemohon`, `tim-teknis-opd`) pause it; a step
 * the OPD does with an office position is owned by that position and does not.
 */
describeOnBothDatabases('tickets: Riau "Konsultasi Tata Kelola SPBE" end to end', (ctx) => {
  const { f, act, open, complete } = flow(ctx, 'riau');
  const at = (local: string) => f.clock.set(wib(local));

  it('runs from opening to closing with its 3-month due', async () => {
    at('2026-03-16T09:00:00');
    await open('konsultasi-tata-kelola-spbe', 'letter', 'Aplikasi layanan lintas perangkat daerah');
    expect(f.t.number).toMatch(/^[A-Z]+-2026-\d{6}$/);
    // "3 Bulan", clock from receipt: Mon 16 Mar 09:00 + 3 months = Tue 16 Jun 09:00, a closed
    // day (1 Muharam) -> the close of the next working day: Wed 17 Jun 16:00 WIB. A single
    // value: target = limit.
    expect(f.t.clocks.ticket.targetDueAt).toBe(wib('2026-06-17T16:00:00'));
    expect(f.t.clocks.ticket.limitDueAt).toBe(wib('2026-06-17T16:00:00'));
    // First response "1 Hari": Tue 17 Mar 09:00.
    expect(f.t.clocks.firstResponse.limitDueAt).toBe(wib('2026-03-17T09:00:00'));
    // Step 1 (the OPD's letter) is done by the opening; step 2 goes to the Sekretaris.
    expect(f.t.steps[0].status).toBe('done');

    at('2026-03-16T09:30:00');
    for (const code of ['r1', 'r2', 'r3', 'r4']) {
      await act('helpdesk', `checklist/${code}/receive`);
      await act('helpdesk', `checklist/${code}/verify`);
    }
    await act('helpdesk', 'replies', { body: 'Permohonan diterima dan sedang diproses.' });
    expect(f.t.clocks.firstResponse.state).toBe('met');

    const office: [number, string, string][] = [
      [2, 'sekretaris', '2026-03-16T10:00:00'],
      [3, 'kadis', '2026-03-17T10:00:00'],
      [4, 'kabid-aptika', '2026-03-25T10:00:00'],
      [5, 'kasi-ppa', '2026-03-30T10:00:00'],
      [6, 'pranata-komputer', '2026-04-08T10:00:00'],
      [7, 'kasi-ppa', '2026-04-13T10:00:00'],
      [8, 'pranata-komputer', '2026-04-15T10:00:00'],
      [9, 'kasi-ppa', '2026-04-16T10:00:00'],
      [10, 'kasi-ppa', '2026-04-20T10:00:00'],
    ];
    for (const [order, who, when] of office) {
      at(when);
      await complete(order, who);
    }
    // Step 11 (hosting, proposed by the OPD) is done by Tim Teknis Bidang Aptika, its owner: the
    // OPD takes part, but the step is the office's and the clock keeps running.
    expect(f.t.steps[10].requesterSide).toBeFalse();
    expect(f.t.steps[10].position).toBe('tim-teknis-aptika');
    expect(f.t.clocks.ticket.state).toBe('running');
    at('2026-04-20T14:00:00');
    await complete(11, 'tim-teknis-aptika');
    // Nothing paused: the due stays Wed 17 Jun 16:00 WIB.
    expect(f.t.clocks.ticket.pausedMinutes).toBe(0);
    expect(f.t.clocks.ticket.limitDueAt).toBe(wib('2026-06-17T16:00:00'));

    at('2026-04-20T14:30:00');
    await act('helpdesk', 'resolve');
    at('2026-04-21T08:00:00');
    await act('helpdesk', 'close');
    expect(f.t.status).toBe('closed');
    expect(f.t.clocks.ticket.state).toBe('met');
    expect(f.t.clocks.ticket.frozen).toBeTrue();
    expect(f.t.clocks.ticket.limitDueAt).toBe(wib('2026-06-17T16:00:00'));
  }, 60_000);
});

describeOnBothDatabases('tickets: Tebing Tinggi "Inventarisasi Aplikasi" end to end', (ctx) => {
  const { f, act, open, complete } = flow(ctx, 'tebingtinggi');
  const at = (local: string) => f.clock.set(wib(local));

  it('a letter gets "1 Hari": Tue 17 Mar 10:00 -> Wed 25 Mar 10:00 over the holidays', async () => {
    at('2026-03-17T10:00:00');
    await open('inventarisasi-aplikasi', 'letter', 'Inventarisasi aplikasi surat');
    // Wed 18 - Tue 24 Mar are closed: the next working day is Wed 25, same clock time.
    expect(f.t.clocks.ticket.duration).toBe('1 Hari');
    expect(f.t.clocks.ticket.limitDueAt).toBe(wib('2026-03-25T10:00:00'));
  });

  it('a walk-in gets 30 minutes across the lunch break, paused on the requester side', async () => {
    at('2026-03-16T11:45:00');
    await open('inventarisasi-aplikasi', 'walk-in', 'Inventarisasi aplikasi datang langsung');
    // Mon 16 Mar is in Ramadan (break 12.00-12.30). 30 working minutes from Mon 11:45:
    // 11:45-12:00 (15) + 12:30-12:45 (15) -> 12:45 WIB (the normal week would give 13:15).
    expect(f.t.clocks.ticket.duration).toContain('30');
    expect(f.t.clocks.ticket.targetDueAt).toBe(wib('2026-03-16T12:45:00'));
    expect(f.t.clocks.ticket.limitDueAt).toBe(wib('2026-03-16T12:45:00'));

    at('2026-03-16T11:50:00');
    await act('helpdesk', 'checklist/r1/receive');
    await act('helpdesk', 'checklist/r1/verify');
    at('2026-03-16T11:55:00');
    await complete(2, 'kadis');
    // Step 3 (the OPD forms its team) is the requester's: paused at 11:55 after 10 minutes.
    expect(f.t.clocks.ticket.state).toBe('paused');
    expect(f.t.clocks.ticket.elapsedMinutes).toBe(10);
    at('2026-03-16T13:10:00');
    await complete(3, 'helpdesk');
    at('2026-03-16T13:20:00');
    await complete(4, 'helpdesk');
    expect(f.t.clocks.ticket.state).toBe('paused');
    at('2026-03-16T13:25:00');
    await complete(5, 'helpdesk');
    // Step 6 belongs to Tim Teknis Kominfo (office side): the clock resumes at 13:25. Paused
    // 11:55-12:00 (5) + 12:30-13:25 (55) = 60 working minutes: due 12:45 + 60 min = 13:45.
    expect(f.t.clocks.ticket.state).toBe('running');
    expect(f.t.clocks.ticket.pausedMinutes).toBe(60);
    expect(f.t.clocks.ticket.limitDueAt).toBe(wib('2026-03-16T13:45:00'));
    for (const [order, minute] of [
      [6, 27],
      [7, 29],
      [8, 31],
      [9, 33],
      [10, 35],
      [11, 37],
    ]) {
      at(`2026-03-16T13:${minute}:00`);
      await complete(order, 'tim-teknis-kominfo');
    }
    at('2026-03-16T13:39:00');
    await complete(12, 'kadis');
    at('2026-03-16T13:40:00');
    await act('helpdesk', 'resolve');
    // Stopped at 13:40: 10 + 15 = 25 working minutes run, inside the 30.
    expect(f.t.clocks.ticket.state).toBe('met');
    expect(f.t.clocks.ticket.elapsedMinutes).toBe(25);
    at('2026-03-16T15:00:00');
    await act('helpdesk', 'close');
    expect(f.t.clocks.ticket.frozen).toBeTrue();
    expect(f.t.clocks.ticket.limitDueAt).toBe(wib('2026-03-16T13:45:00'));
  }, 60_000);
});

describeOnBothDatabases('tickets: Gorontalo "Pengembangan Aplikasi" end to end', (ctx) => {
  const { f, act, open, complete } = flow(ctx, 'gorontalo');
  const at = (local: string) => f.clock.set(wita(local));

  it('starts the clock only when the checklist is complete, then runs every step', async () => {
    at('2026-03-16T09:00:00');
    await open('pengembangan-aplikasi', 'portal', 'Aplikasi layanan terintegrasi');
    // clockStartsWhen: complete -> no ticket due yet.
    expect(f.t.clocks.ticket.state).toBe('not-started');
    expect(f.t.dueAt).toBeNull();

    at('2026-03-16T09:30:00');
    for (const code of ['r1', 'r2', 'r3', 'r4']) {
      await act('helpdesk', `checklist/${code}/receive`);
      await act('helpdesk', `checklist/${code}/verify`);
    }
    await act('helpdesk', 'checklist/r5/reject', { reason: 'Spesifikasi sistem belum ada' });
    await act('helpdesk', 'return-to-requester', { reason: 'Lengkapi spesifikasi sistem' });
    expect(f.t.clocks.ticket.state).toBe('not-started');
    at('2026-03-25T08:00:00');
    await act('helpdesk', 'requester-answered');
    expect(f.t.clocks.ticket.state).toBe('not-started');
    at('2026-03-25T10:00:00');
    await act('helpdesk', 'checklist/r5/verify');
    // Complete on Wed 25 Mar 10:00 WITA. "1 s.d 2 bulan": target + 1 month = Sat 25 Apr 10:00,
    // not a working day -> the close of the next working day, Mon 27 Apr 16:00; limit + 2
    // months = Mon 25 May 10:00, inside working hours -> stays.
    expect(f.t.clocks.ticket.startedAt).toBe(wita('2026-03-25T10:00:00'));
    expect(f.t.clocks.ticket.targetDueAt).toBe(wita('2026-04-27T16:00:00'));
    expect(f.t.clocks.ticket.limitDueAt).toBe(wita('2026-05-25T10:00:00'));

    // Every step in order; requester-side steps are recorded by the helpdesk at the instant
    // they become active (zero pause), so the dues stay put. Steps 6 and 7 (the OPD with Tim
    // Kerja Pengembangan Aplikasi) are owned by the team. Follow-ups 17-20 may also be done
    // before the resolution.
    const plan: [number, string][] = [
      [2, 'helpdesk'],
      [3, 'kadis'],
      [4, 'tim-pengembangan-aplikasi'],
      [5, 'kadis'],
      [6, 'tim-pengembangan-aplikasi'],
      [7, 'tim-pengembangan-aplikasi'],
      [8, 'kadis'],
      [9, 'tim-pengembangan-aplikasi'],
      [10, 'tim-pengembangan-aplikasi'],
      [11, 'tim-pengembangan-aplikasi'],
      [12, 'helpdesk'],
      [13, 'tim-pusat-data'],
      [14, 'tim-pusat-data'],
      [15, 'tim-pengembangan-aplikasi'],
      [16, 'tim-pengembangan-aplikasi'],
      [17, 'helpdesk'],
      [18, 'helpdesk'],
      [19, 'tim-pengembangan-aplikasi'],
      [20, 'helpdesk'],
    ];
    at('2026-04-06T10:00:00');
    for (const [order, who] of plan) await complete(order, who);
    expect(f.t.steps.every((s) => s.status === 'done')).toBeTrue();
    expect(f.t.clocks.ticket.pausedMinutes).toBe(0);
    expect(f.t.clocks.ticket.limitDueAt).toBe(wita('2026-05-25T10:00:00'));

    // Resolved Mon 4 May 10:00: after the target, before the limit -> met late.
    at('2026-05-04T10:00:00');
    await act('helpdesk', 'resolve');
    expect(f.t.clocks.ticket.state).toBe('met-late');
    at('2026-05-04T11:00:00');
    await act('helpdesk', 'close');
    expect(f.t.clocks.ticket.frozen).toBeTrue();
    expect(f.t.clocks.ticket.state).toBe('met-late');
  }, 60_000);
});
