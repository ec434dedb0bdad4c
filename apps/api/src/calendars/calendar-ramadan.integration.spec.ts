import type { OfficeCalendarView, TicketDetail } from '@sigap/contracts';
import { AuditService } from '@sigap/api-audit';
import { SlaSweepService } from '@sigap/api-tickets';
import { describeOnBothDatabases } from '../testing/test-app';
import { flow, wib } from '../testing/ticket-flow';

interface Problem {
  code: string;
}

/**
 * Riau (WIB) tickets in a week of Ramadan 1447 H. The seed puts the Ramadan hours in force
 * (Perpres 21/2023; hours and start from SE Gubernur DKI Jakarta 1/SE/2026; 19 Feb - 20 Mar
 * 2026): Mon-Thu 08.00-12.00 + 12.30-15.00, Fri 08.00-11.30 + 12.30-15.30. An admin may withdraw
 * them, and the normal week (Mon-Thu 07.30-12.00 + 13.00-16.00, Fri 07.30-11.30 + 13.00-16.30)
 * applies until they are confirmed again. No closure falls on Mon 23 - Wed 25 Feb or Mon 25 -
 * Tue 26 May. Riau's "Konsultasi Tata Kelola SPBE" has "3 Bulan" from receipt and a first
 * response of "1 Hari"; return-to-requester pauses the clocks. Dues are computed by hand in the
 * comments.
 */
describeOnBothDatabases(
  'calendars: Riau tickets in Ramadan week, seeded in force, withdrawn and confirmed again',
  (ctx) => {
    const { f, act, open } = flow(ctx, 'riau');
    const at = (local: string) => f.clock.set(wib(local));
    const ramadan = '2026-02-19';

    it('applies the seeded Ramadan hours; only an admin withdraws and confirms them', async () => {
      const admin = await f.app.token('admin@sigap.local');
      const kadis = await f.app.token('kadis.riau@sigap.local');
      const calendar = async () =>
        (await f.app.request<OfficeCalendarView>('GET', '/api/v1/calendars/riau', { token: admin }))
          .body;
      const seeded = await calendar();
      const variant = seeded.variants.find((v) => v.from === ramadan)!;
      expect(variant.name).toBe('Ramadan 1447 H');
      expect(variant.to).toBe('2026-03-20');
      expect(variant.confirmed).not.toBeFalse();
      expect(variant.source).toContain('Perpres No. 21 Tahun 2023');
      expect(variant.source).toContain('SE Gubernur DKI Jakarta No. 1/SE/2026');
      expect(variant.source).toContain('SKB 3 Menteri');
      const sweep = () => f.app.app.get(SlaSweepService).sweepOnce();
      const read = async (number: string) =>
        (await f.app.request<TicketDetail>('GET', `/api/v1/tickets/${number}`, { token: admin }))
          .body;

      // Ticket A, opened Mon 23 Feb 15.30 WIB with the Ramadan hours in force. 15.30 is after
      // Monday's close (15.00): the start moves to Tue 24 Feb 08.00. First response "1 Hari":
      // one working day later, Wed 25 Feb 08.00, is an opening, so the previous working day's
      // close: Tue 24 Feb 15.00.
      at('2026-02-23T15:30:00');
      const a = await open('konsultasi-tata-kelola-spbe', 'letter', 'Aplikasi dalam bulan Ramadan');
      expect(a.clocks.firstResponse.limitDueAt).toBe(wib('2026-02-24T15:00:00'));
      // "3 Bulan" (calendar months from receipt): Sat 23 May 15.30, a closed day -> the close of
      // the next working day, Mon 25 May 16.00 (May is outside Ramadan: the normal week).
      expect(a.clocks.ticket.limitDueAt).toBe(wib('2026-05-25T16:00:00'));

      // The head of the office may not withdraw or confirm it; an unknown start date is a 404.
      for (const path of ['unconfirm', 'confirm']) {
        const byKadis = await f.app.request<Problem>(
          'POST',
          `/api/v1/calendars/riau/variants/${ramadan}/${path}`,
          { token: kadis },
        );
        expect(byKadis.status).withContext(path).toBe(403);
        expect(byKadis.body.code).toBe('calendar.forbidden');
      }
      const unknown = await f.app.request<Problem>(
        'POST',
        '/api/v1/calendars/riau/variants/2026-02-20/unconfirm',
        { token: admin },
      );
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('calendar.variant_not_found');
      expect((await calendar()).version).toBe(seeded.version);

      // An admin withdraws them (e.g. the office's PPK decided otherwise): kept as a proposal.
      at('2026-02-24T09:00:00');
      const withdrawn = await f.app.request<OfficeCalendarView>(
        'POST',
        `/api/v1/calendars/riau/variants/${ramadan}/unconfirm`,
        { token: admin },
      );
      expect(withdrawn.status).withContext(withdrawn.text).toBe(200);
      try {
        expect(withdrawn.body.variants.find((v) => v.from === ramadan)?.confirmed).toBeFalse();
        expect(withdrawn.body.version).not.toBe(seeded.version);
        // The next sweep recomputes ticket A with the normal week: Mon 15.30 is working time
        // (Monday closes 16.00); one working day later is Tue 24 Feb 15.30.
        await sweep();
        const aNormal = await read(a.number);
        expect(aNormal.clocks.firstResponse.limitDueAt).toBe(wib('2026-02-24T15:30:00'));
        expect(aNormal.clocks.ticket.limitDueAt).toBe(wib('2026-05-25T16:00:00'));
      } finally {
        const back = await f.app.request<OfficeCalendarView>(
          'POST',
          `/api/v1/calendars/riau/variants/${ramadan}/confirm`,
          { token: admin },
        );
        expect(back.status).withContext(back.text).toBe(200);
        expect(back.body.variants.find((v) => v.from === ramadan)?.confirmed).toBeTrue();
        expect(back.body.version).toBe(seeded.version);
      }
      const audit = await f.app.app.get(AuditService).forEntity('calendar', 'riau');
      expect(audit.slice(0, 2).map((e) => e.action)).toEqual([
        'calendar.variant.confirmed',
        'calendar.variant.unconfirmed',
      ]);
      // Confirmed again: ticket A is back on the Ramadan due, Tue 24 Feb 15.00.
      await sweep();
      expect((await read(a.number)).clocks.firstResponse.limitDueAt).toBe(
        wib('2026-02-24T15:00:00'),
      );

      // Ticket B, opened Tue 24 Feb 09.00 WIB with the Ramadan hours in force, answered at once.
      await open('konsultasi-tata-kelola-spbe', 'letter', 'Aplikasi kedua dalam bulan Ramadan');
      await act('helpdesk', 'replies', { body: 'Permohonan diterima.' });
      // "3 Bulan": Sun 24 May 09.00, closed -> the close of Mon 25 May, 16.00.
      expect(f.t.clocks.ticket.limitDueAt).toBe(wib('2026-05-25T16:00:00'));
      // Returned to the requester Tue 24 Feb 10.00, answered Wed 25 Feb 10.00. Paused working
      // time in Ramadan hours: Tue 10.00-12.00 (120) + 12.30-15.00 (150) + Wed 08.00-10.00
      // (120) = 390 minutes (the normal week would give 120 + 180 + 150 = 450).
      at('2026-02-24T10:00:00');
      await act('helpdesk', 'return-to-requester', { reason: 'Lengkapi proses bisnis' });
      expect(f.t.clocks.ticket.state).toBe('paused');
      at('2026-02-25T10:00:00');
      await act('helpdesk', 'requester-answered');
      expect(f.t.clocks.ticket.pausedMinutes).toBe(390);
      // The limit moves by 390 working minutes from Mon 25 May 16.00 (a close, normal week):
      // Tue 26 May 07.30-12.00 (270) + 13.00-15.00 (120) -> Tue 26 May 15.00 WIB
      // (450 minutes would have given 16.00).
      expect(f.t.clocks.ticket.limitDueAt).toBe(wib('2026-05-26T15:00:00'));
    }, 60_000);
  },
);
