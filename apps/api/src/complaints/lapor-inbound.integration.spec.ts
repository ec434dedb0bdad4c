import { Logger } from '@nestjs/common';
import type { ComplaintView } from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { AttachmentEntity } from '@sigap/api-attachments';
import { Clock } from '@sigap/api-clock';
import { loadConfig } from '@sigap/api-config';
import {
  ComplaintEntity,
  FakeLaporGateway,
  LaporClosingService,
  LaporGateway,
  LaporInboundService,
  LaporOutboxWorker,
  LaporPullScheduler,
  LaporSyncService,
} from '@sigap/api-complaints';
import { RequesterContactEntity } from '@sigap/api-opds';
import { OutboxEntity } from '@sigap/api-outbox';
import { TicketEntity, TimelineEntryEntity } from '@sigap/api-tickets';
import { describeOnBothDatabases, REPO_ROOT, type TestApp } from '../testing/test-app';

/** Monday 11 May 2026, 10.00 WITA (Bali). */
const MONDAY = '2026-05-11T02:00:00.000Z';
/**
 * 10 working days after Monday 11 May 2026 10.00 WITA in Bali's calendar, by hand: Tue 12 (1),
 * Wed 13 (2), Thu 14 Kenaikan Yesus Kristus and Fri 15 cuti bersama off, the weekend, Mon 18 (3),
 * Tue 19 (4), Wed 20 (5), Thu 21 (6), Fri 22 (7), the weekend, Mon 25 (8), Tue 26 (9), Wed 27
 * Iduladha and Thu 28 cuti bersama off, Fri 29 May (10), at the same clock time 10.00 WITA.
 */
const CLOSES_AT = '2026-05-29T02:00:00.000Z';

/** A 1x1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==',
  'base64',
);
/** The start of a Windows program, named as a photo. */
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

describeOnBothDatabases(
  'SP4N-LAPOR! both ways',
  (ctx) => {
    let app: TestApp;
    let ds: DataSource;
    let fake: FakeLaporGateway;
    let inbound: LaporInboundService;
    let clock: Clock;

    const as = (email: string) => app.token(email);
    const bali = () => as('helpdesk.bali@sigap.local');

    const complaintOf = async (trackingId: string) => {
      const c = await ds.getRepository(ComplaintEntity).findOneOrFail({
        where: { laporTrackingId: trackingId },
      });
      return ds.getRepository(TicketEntity).findOneOrFail({ where: { id: c.ticketId } });
    };
    const view = async (number: string) => {
      const res = await app.request<ComplaintView>('GET', `/api/v1/complaints/${number}`, {
        token: await bali(),
      });
      expect(res.status).withContext(res.text).toBe(200);
      return res.body;
    };
    const timeline = (ticketId: string) =>
      ds.getRepository(TimelineEntryEntity).find({ where: { ticketId }, order: { id: 'ASC' } });
    const reply = async (number: string, body: string) => {
      const token = await bali();
      const detail = await app.request('GET', `/api/v1/tickets/${number}`, { token });
      const res = await app.request('POST', `/api/v1/tickets/${number}/replies`, {
        token,
        body: { body, expectedVersion: detail.body.version },
      });
      expect(res.status).withContext(res.text).toBe(200);
    };
    const laporRows = (trackingId: string) =>
      ds.getRepository(OutboxEntity).find({
        where: { channel: 'lapor', recipient: trackingId },
        order: { createdAt: 'ASC' },
      });

    beforeAll(() => {
      app = ctx();
      ds = app.app.get(DataSource);
      fake = app.app.get(LaporGateway) as FakeLaporGateway;
      inbound = app.app.get(LaporInboundService);
      clock = app.app.get(Clock);
      clock.set(MONDAY);
    });

    afterAll(() => clock.release());

    it('takes a new report with its photo as one complaint ticket, as text, with no acknowledgement mail of ours; a second pull takes it once', async () => {
      const mailsBefore = await ds
        .getRepository(OutboxEntity)
        .count({ where: { kind: 'complaint-received' } });
      const id = fake.play('new-with-attachment', 'bali') as string;
      const run = await inbound.pullInbound();
      expect(run.created).toBe(1);
      const ticket = await complaintOf(id);
      expect(ticket.kind).toBe('complaint');
      expect(ticket.number).toMatch(/^ADUBALI-2026-\d+$/);
      expect(ticket.description).toContain('Sejak Senin jaringan internet');
      expect(ticket.description).not.toContain('<');
      const v = await view(ticket.number);
      expect(v.source).toBe('lapor');
      expect(v.lapor.direction).toBe('in');
      expect(v.lapor.trackingId).toBe(id);
      expect(v.lapor.reporter).toBe('named');
      const files = await ds.getRepository(AttachmentEntity).find({
        where: { ticketId: ticket.id },
      });
      expect(files.map((f) => [f.fileName, f.mediaType])).toEqual([['perangkat.png', 'image/png']]);
      const listed = await app.request('GET', `/api/v1/tickets/${ticket.number}/attachments`, {
        token: await bali(),
      });
      expect(listed.body.length).toBe(1);
      expect(
        await ds.getRepository(OutboxEntity).count({ where: { kind: 'complaint-received' } }),
      ).toBe(mailsBefore);

      const again = await inbound.pullInbound();
      expect(again.created).toBe(0);
      expect(
        await ds.getRepository(ComplaintEntity).count({ where: { laporTrackingId: id } }),
      ).toBe(1);

      // Another office's agent learns nothing of it.
      const riau = await as('helpdesk.riau@sigap.local');
      const complaint = await app.request('GET', `/api/v1/complaints/${ticket.number}`, {
        token: riau,
      });
      expect(complaint.status).toBe(404);
      const detail = await app.request('GET', `/api/v1/tickets/${ticket.number}`, { token: riau });
      expect(detail.status).toBe(404);
      const files404 = await app.request('GET', `/api/v1/attachments/${files[0].id}`, {
        token: riau,
      });
      expect(files404.status).toBe(404);
    });

    it('makes one ticket of a report that two pulls take at once', async () => {
      const id = fake.dispose({
        agency: 'bali',
        title: 'Lampu ruang server padam',
        body: 'Lampu ruang server padam sejak pagi.',
      });
      const [a, b] = await Promise.all([inbound.pullInbound(), inbound.pullInbound()]);
      expect(a.created + b.created).toBe(1);
      expect(
        await ds.getRepository(ComplaintEntity).count({ where: { laporTrackingId: id } }),
      ).toBe(1);
      expect(
        await ds
          .getRepository(TicketEntity)
          .count({ where: { subject: 'Pengaduan: Lampu ruang server padam' } }),
      ).toBe(1);
    });

    it('keeps no name or address of an anonymous or confidential reporter, even when LAPOR! sends them', async () => {
      const anonymous = fake.play('anonymous', 'bali') as string;
      const confidential = fake.dispose({
        agency: 'bali',
        privacy: 'confidential',
        title: 'Kebocoran data',
        body: 'Data pemohon tampil di situs.',
        reporter: { name: 'Wayan Rahasia', email: 'wayan.rahasia@example.id', phone: '0812999' },
      });
      const run = await inbound.pullInbound();
      expect(run.failed).withContext(JSON.stringify(run)).toBe(0);
      for (const [id, privacy, label] of [
        [anonymous, 'anonymous', /anonim/],
        [confidential, 'confidential', /dirahasiakan/],
      ] as const) {
        const ticket = await complaintOf(id);
        const contact = await ds
          .getRepository(RequesterContactEntity)
          .findOneOrFail({ where: { id: ticket.requesterContactId } });
        expect(contact.name).toMatch(label);
        expect(contact.email).toBeNull();
        expect(contact.phone ?? null).toBeNull();
        expect((await view(ticket.number)).lapor.reporter).toBe(privacy);
        const detail = await app.request('GET', `/api/v1/tickets/${ticket.number}`, {
          token: await bali(),
        });
        expect(detail.text).not.toContain('Wayan');
        expect(detail.text).not.toContain('wayan.rahasia');
      }
      expect(
        await ds.getRepository(RequesterContactEntity).count({ where: { name: 'Wayan Rahasia' } }),
      ).toBe(0);
      expect(
        await ds
          .getRepository(RequesterContactEntity)
          .count({ where: { email: 'wayan.rahasia@example.id' } }),
      ).toBe(0);
    });

    it('treats LAPOR! as outside input: HTML to text, long fields clipped with a note, a bad file refused and noted, an unknown agency passed over and logged without secrets', async () => {
      const warn = spyOn(Logger.prototype, 'warn').and.callThrough();
      const id = fake.dispose({
        agency: 'bali',
        title: `Judul ${'panjang '.repeat(60)}`,
        body: `<script>alert('x')</script><p>Isi <img src=x onerror="alert(2)">laporan</p>${'y'.repeat(25_000)}`,
        files: [
          { fileName: 'foto.jpg', contentType: 'image/jpeg', bytes: EXE },
          { fileName: 'bukti.png', contentType: 'image/png', bytes: PNG },
        ],
      });
      const stranger = fake.dispose({
        agency: 'dinas-tak-dikenal',
        reporter: { name: 'Orang Asing', email: 'orang.asing@example.id', phone: null },
      });
      const run = await inbound.pullInbound();
      expect(run.ignored).toBeGreaterThanOrEqual(1);
      const ticket = await complaintOf(id);
      expect(ticket.description).not.toContain('<');
      expect(ticket.description).not.toContain('alert');
      expect(ticket.description.startsWith('Isi laporan')).toBeTrue();
      expect(Array.from(ticket.description).length).toBe(20_000);
      const received = (await timeline(ticket.id)).find((e) => e.event === 'lapor.received');
      expect(received?.body).toContain('Judul laporan dipotong menjadi 200 karakter');
      expect(received?.body).toContain('Isi laporan dipotong menjadi 20000 karakter');
      expect(received?.body).toContain('"foto.jpg" ditolak');
      const files = await ds.getRepository(AttachmentEntity).find({
        where: { ticketId: ticket.id },
      });
      expect(files.map((f) => f.fileName)).toEqual(['bukti.png']);
      expect(
        await ds.getRepository(ComplaintEntity).count({ where: { laporTrackingId: stranger } }),
      ).toBe(0);
      const lines = warn.calls.allArgs().map((a) => String(a[0]));
      const logged = lines.find((l) => l.includes(stranger));
      expect(logged).toContain('dinas-tak-dikenal');
      for (const line of lines) {
        expect(line).not.toContain('orang.asing@example.id');
        expect(line).not.toContain('Orang Asing');
      }
    });

    it('sends an answer back through the outbox, keeps it through an outage, and threads the reporter follow-up onto the same ticket', async () => {
      clock.set(MONDAY);
      const id = fake.play('new-with-attachment', 'bali') as string;
      await inbound.pullInbound();
      const ticket = await complaintOf(id);
      fake.setOutage(true);
      await reply(ticket.number, 'Tim teknis sudah menjadwalkan perbaikan jaringan.');
      const rows = await laporRows(id);
      expect(rows.map((r) => [r.kind, r.status])).toEqual([['lapor.answer', 'pending']]);
      expect((await view(ticket.number)).lapor.closesAt).toBe(CLOSES_AT);

      const worker = app.app.get(LaporOutboxWorker);
      const down = await worker.runOnce();
      expect(down.retried).toBe(1);
      const waiting = (await laporRows(id))[0];
      expect(waiting.status).toBe('pending');
      expect(waiting.attempts).toBe(1);
      expect(waiting.lastError).toContain('tidak dapat dihubungi');
      expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(clock.nowMs());
      expect(fake.responses(id)).toEqual([]);
      // Not due yet: nothing is sent before the backoff runs out.
      fake.setOutage(false);
      expect((await worker.runOnce()).claimed).toBe(0);
      clock.advance(3_600_000);
      expect((await worker.runOnce()).sent).toBe(1);
      const sent = fake.responses(id);
      expect(sent.length).toBe(1);
      expect(sent[0].kind).toBe('answer');
      expect(sent[0].reference).toBe(ticket.number);
      expect(sent[0].text).toBe('Tim teknis sudah menjadwalkan perbaikan jaringan.');
      expect((await laporRows(id))[0].status).toBe('sent');

      fake.play('follow-up', 'bali', id);
      const sync = app.app.get(LaporSyncService);
      const pulled = await sync.pullDueFromLapor();
      expect(pulled.failed).toBe(0);
      const entries = await timeline(ticket.id);
      const replies = entries.filter((e) => e.event === 'lapor.reply');
      expect(replies.length).toBe(1);
      expect(replies[0].kind).toBe('reply');
      expect(replies[0].body).toContain('masih terputus');
      // Our own answer, echoed by LAPOR!, is not threaded back as news.
      expect(entries.filter((e) => e.body?.includes('menjadwalkan perbaikan')).length).toBe(1);
      expect((await view(ticket.number)).lapor.closesAt).toBeNull();
      await sync.pullDueFromLapor();
      expect((await timeline(ticket.id)).filter((e) => e.event === 'lapor.reply').length).toBe(1);
      expect(
        await ds.getRepository(ComplaintEntity).count({ where: { laporTrackingId: id } }),
      ).toBe(1);
    });

    it('closes a report 10 working days after the follow-up without a reply (weekends and holidays skipped) with a note; a reply in time keeps another open', async () => {
      clock.set(MONDAY);
      const quiet = fake.dispose({ agency: 'bali', title: 'Situs lambat', body: 'Situs lambat.' });
      const answered = fake.dispose({ agency: 'bali', title: 'Surel gagal', body: 'Surel gagal.' });
      await inbound.pullInbound();
      const a = await complaintOf(quiet);
      const b = await complaintOf(answered);
      await reply(a.number, 'Server sudah ditambah memorinya.');
      await reply(b.number, 'Kotak surel sudah diperbesar.');
      expect((await view(a.number)).lapor.closesAt).toBe(CLOSES_AT);
      expect((await view(b.number)).lapor.closesAt).toBe(CLOSES_AT);

      const closing = app.app.get(LaporClosingService);
      // Thursday 28 May, 23.00 WITA: the tenth working day has not come.
      clock.set('2026-05-28T15:00:00.000Z');
      expect(await closing.closeUnanswered()).toBe(0);
      fake.reporterReplies(answered, 'Masih gagal mengirim lampiran.');

      clock.set(CLOSES_AT);
      const run = await app.app.get(LaporPullScheduler).runOnce();
      expect(run.ran).toBeTrue();
      if (run.ran) expect(run.closed).toBe(1);
      const closed = await ds.getRepository(TicketEntity).findOneOrFail({ where: { id: a.id } });
      expect(closed.status).toBe('closed');
      expect(closed.closedAt?.toISOString()).toBe(CLOSES_AT);
      const note = (await timeline(a.id)).find((e) => e.event === 'lapor.closed_no_reply');
      expect(note?.body).toContain('10 hari kerja');
      const open = await ds.getRepository(TicketEntity).findOneOrFail({ where: { id: b.id } });
      expect(open.status).not.toBe('closed');
      expect((await view(b.number)).lapor.closesAt).toBeNull();
      // LAPOR! closes the report itself: the close is not sent back.
      expect((await laporRows(quiet)).map((r) => r.kind)).toEqual(['lapor.answer']);
    });

    it('cancels the open ticket of a report withdrawn or moved, with a note; a moved report can come in at the office it moved to', async () => {
      clock.set('2026-06-01T02:00:00.000Z');
      const withdrawn = fake.dispose({ agency: 'bali', title: 'Dicabut', body: 'Akan dicabut.' });
      const moved = fake.dispose({ agency: 'bali', title: 'Pindah', body: 'Bukan kewenangan.' });
      await inbound.pullInbound();
      const w = await complaintOf(withdrawn);
      const m = await complaintOf(moved);
      fake.play('withdrawn', 'bali', withdrawn);
      fake.moveTo(moved, 'riau');
      await app.app.get(LaporSyncService).pullDueFromLapor();
      const tickets = ds.getRepository(TicketEntity);
      expect((await tickets.findOneOrFail({ where: { id: w.id } })).status).toBe('cancelled');
      expect((await tickets.findOneOrFail({ where: { id: m.id } })).status).toBe('cancelled');
      expect((await timeline(w.id)).find((e) => e.event === 'lapor.withdrawn')?.body).toContain(
        'mencabut',
      );
      expect((await timeline(m.id)).find((e) => e.event === 'lapor.moved')?.body).toContain('riau');
      expect(await laporRows(withdrawn)).toEqual([]);
      const run = await inbound.pullInbound();
      expect(run.created).toBe(1);
      const there = await complaintOf(moved);
      expect(there.officeCode).toBe('riau');
      expect(there.id).not.toBe(m.id);
    });

    it('loses no report to an outage: the beat fails, the next one takes it', async () => {
      clock.set('2026-06-02T02:00:00.000Z');
      const id = fake.dispose({
        agency: 'bali',
        title: 'Saat gangguan',
        body: 'Dikirim saat gangguan.',
      });
      fake.play('outage', 'bali');
      const scheduler = app.app.get(LaporPullScheduler);
      const down = await scheduler.runOnce();
      expect(down.ran).toBeTrue();
      if (down.ran) {
        expect(down.created).toBe(0);
        expect(down.failed).toBeGreaterThan(0);
      }
      expect(
        await ds.getRepository(ComplaintEntity).count({ where: { laporTrackingId: id } }),
      ).toBe(0);
      fake.play('recovered', 'bali');
      clock.advance(900_000);
      const up = await scheduler.runOnce();
      expect(up.ran && up.created).toBe(1);
      expect((await complaintOf(id)).officeCode).toBe('bali');
    });

    it('lets only an admin play a stand-in scenario or run a beat, with field errors for bad input', async () => {
      const admin = await as('admin@sigap.local');
      const agent = await bali();
      const body = { scenario: 'anonymous', office: 'bali' };
      const denied = await app.request('POST', '/api/v1/lapor/stand-in/scenarios', {
        token: agent,
        body,
      });
      expect(denied.status).toBe(403);
      expect((await app.request('POST', '/api/v1/lapor/pull', { token: agent })).status).toBe(403);
      const bad = await app.request('POST', '/api/v1/lapor/stand-in/scenarios', {
        token: admin,
        body: { scenario: 'banjir', office: 'bali' },
      });
      expect(bad.status).toBe(400);
      expect(bad.text).toContain('scenario');
      const noReport = await app.request('POST', '/api/v1/lapor/stand-in/scenarios', {
        token: admin,
        body: { scenario: 'follow-up', office: 'bali' },
      });
      expect(noReport.status).toBe(400);
      const played = await app.request('POST', '/api/v1/lapor/stand-in/scenarios', {
        token: admin,
        body,
      });
      expect(played.status).toBe(201);
      clock.advance(900_000);
      const beat = await app.request('POST', '/api/v1/lapor/pull', { token: admin });
      expect(beat.status).toBe(200);
      expect(beat.body.created).toBe(1);
      const ticket = await complaintOf(played.body.trackingId);
      expect(ticket.officeCode).toBe('bali');
    });

    it('refuses the stand-in in production', () => {
      expect(() =>
        loadConfig(
          {
            NODE_ENV: 'production',
            SIGAP_LAPOR_FAKE: 'true',
            SIGAP_JWT_SECRET: 'x'.repeat(48),
          },
          { cwd: REPO_ROOT },
        ),
      ).toThrowError(/SIGAP_LAPOR_FAKE/);
    });
  },
  { SIGAP_LAPOR_FAKE: 'true' },
);
