import type { OfficeCalendarView, TicketDetail } from '@sigap/contracts';
import { AuditService } from '@sigap/api-audit';
import { SlaSweepService } from '@sigap/api-tickets';
import { describeOnBothDatabases } from '../testing/test-app';
import { flow, wib } from '../testing/ticket-flow';

interface Problem {
  code: string;
}

/**
 * Riau (WIB) tickets in a week of Ramadan 1447 H. The seed proposes the Ramadan hours (Mon-Thu
 * 08.00-12.00 + 12.30-15.00, Fri 08.00-11.30 + 12.30-15.30; 19 Feb - 20 Mar 2026) unconfirmed:
 * the normal week (Mon-Thu 07.30-12.00 + 13.00-16.00, Fri 07.30-11.30 + 13.00-16.30) applies
 * until an admin confirms them. No closure falls on Mon 23 - Wed 25 Feb or Mon 25 - Tue 26 May.
 * Riau's "Konsultasi Tata Kelola SPBE" has "3 Bulan" from receipt and a first response of
 * "1 Hari"; return-to-requester pauses the clocks. Dues are computed by hand in the comments.
 */
describeOnBothDatabases(
  'calendars: Riau tickets in Ramadan week, before and after confirming',
  (ctx) => {
    const { f, act, open } = flow(ctx, 'riau');
    const at = (local: string) => f.clock.set(wib(local));
    const ramadan = '2026-02-19';

    it('applies the Ramadan hours only once an admin confirms them', async () => {
      const admin = await f.app.token('admin@sigap.local');
      const kadis = await f.app.token('kadis.riau@sigap.local');
      const calendar = async () =>
        (await f.app.request<OfficeCalendarView>('GET', '/api/v1/calendars/riau', { token: admin }))
          .body;
      const seeded = (await calendar()).variants.find((v) => v.from === ramadan)!;
      expect(seeded.name).toBe('Ramadan 1447 H');
      expect(seeded.confirmed).toBeFalse();
      expect(seeded.source).toContain('nomor surat edaran menunggu konfirmasi');

      // Ticket A, opened Mon 23 Feb 15.30 WIB while the hours are a proposal.
      at('2026-02-23T15:30:00');
      const a = await open('konsultasi-tata-kelola-spbe', 'letter', 'Aplikasi sebelum konfirmasi');
      // Normal week: 15.30 is working time (Monday closes 16.00). First response "1 Hari": the
      // same clock time one working day later, Tue 24 Feb 15.30.
      expect(a.clocks.firstResponse.limitDueAt).toBe(wib('2026-02-24T15:30:00'));
      // "3 Bulan": Sat 23 May 15.30, a closed day -> the close of the next working day, Mon 25
      // May 16.00 (May is outside Ramadan, so this holds in both schedules).
      expect(a.clocks.ticket.limitDueAt).toBe(wib('2026-05-25T16:00:00'));

      // Only an admin confirms; the head of the office may not, by either door.
      const byKadis = await f.app.request<Problem>(
        'POST',
        `/api/v1/calendars/riau/variants/${ramadan}/confirm`,
        { token: kadis },
      );
      expect(byKadis.status).toBe(403);
      const current = await f.app.request<OfficeCalendarView>('GET', '/api/v1/calendars/riau', {
        token: kadis,
      });
      const put = await f.app.request<Problem>('PUT', '/api/v1/calendars/riau/schedule', {
        token: kadis,
        body: {
          expectedVersion: current.body.version,
          week: current.body.week,
          variants: current.body.variants.map((v) =>
            v.from === ramadan ? { ...v, confirmed: true } : v,
          ),
        },
      });
      expect(put.status).withContext(put.text).toBe(403);
      expect(put.body.code).toBe('calendar.forbidden');
      const unknown = await f.app.request<Problem>(
        'POST',
        '/api/v1/calendars/riau/variants/2026-02-20/confirm',
        { token: admin },
      );
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('calendar.variant_not_found');

      const confirmed = await f.app.request<OfficeCalendarView>(
        'POST',
        `/api/v1/calendars/riau/variants/${ramadan}/confirm`,
        { token: admin },
      );
      expect(confirmed.status).withContext(confirmed.text).toBe(200);
      try {
        expect(confirmed.body.variants.find((v) => v.from === ramadan)?.confirmed).toBeTrue();
        expect(confirmed.body.version).not.toBe(current.body.version);
        const audit = await f.app.app.get(AuditService).forEntity('calendar', 'riau');
        expect(audit.map((e) => e.action)).toContain('calendar.variant.confirmed');

        // The next sweep recomputes ticket A with the Ramadan hours. 15.30 is after Monday's
        // close (15.00): the start moves to Tue 24 Feb 08.00; one working day later is Wed 25 Feb
        // 08.00, an opening, which is the previous working day's close: Tue 24 Feb 15.00.
        at('2026-02-24T09:00:00');
        await f.app.app.get(SlaSweepService).sweepOnce();
        const aNow = await f.app.request<TicketDetail>('GET', `/api/v1/tickets/${a.number}`, {
          token: admin,
        });
        expect(aNow.body.clocks.firstResponse.limitDueAt).toBe(wib('2026-02-24T15:00:00'));
        expect(aNow.body.clocks.ticket.limitDueAt).toBe(wib('2026-05-25T16:00:00'));

        // Ticket B, opened Tue 24 Feb 09.00 WIB with the Ramadan hours in force, answered at once.
        await open('konsultasi-tata-kelola-spbe', 'letter', 'Aplikasi dalam bulan Ramadan');
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
      } finally {
        const back = await f.app.request<OfficeCalendarView>(
          'POST',
          `/api/v1/calendars/riau/variants/${ramadan}/unconfirm`,
          { token: admin },
        );
        expect(back.status).withContext(back.text).toBe(200);
        expect(back.body.version).toBe(current.body.version);
      }
      const audit = await f.app.app.get(AuditService).forEntity('calendar', 'riau');
      expect(audit.map((e) => e.action)).toContain('calendar.variant.unconfirmed');
    }, 60_000);
  },
);
