import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ComplaintView, FileComplaintResponse, TicketPage } from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { Clock } from '@sigap/api-clock';
import { AppConfig, loadConfig } from '@sigap/api-config';
import { preparerFor } from '@sigap/api-mail';
import { MailRenderer } from '@sigap/api-mail';
import { OutboxEntity } from '@sigap/api-outbox';
import { describeOnBothDatabases, type TestApp } from '../testing/test-app';
import { TicketEntity } from '@sigap/api-tickets';
import { TimelineEntryEntity } from '@sigap/api-tickets';
import { JobLease } from '@sigap/api-complaints';
import { FakeLaporGateway } from '@sigap/api-complaints';
import { LaporGateway } from '@sigap/api-complaints';
import { LAPOR_PULL_LEASE, LaporPullScheduler } from '@sigap/api-complaints';

const TOKEN = 'token-masuk-pengaduan-0123456789';
const COMPLAINTS_ADDRESS = 'pengaduan@diskominfos.baliprov.go.id';

/** Monday 11 May 2026, 10.00 WITA. */
const FILED_AT = '2026-05-11T02:00:00.000Z';
/**
 * 5 working days in Bali's calendar, by hand: Tue 12, Wed 13, (Thu 14 Kenaikan Yesus Kristus,
 * Fri 15 cuti bersama, weekend), Mon 18, Tue 19, Wed 20 May, at the same clock time 10.00 WITA.
 */
const DUE_AT = '2026-05-20T02:00:00.000Z';

const form = (extra: Record<string, unknown> = {}) => ({
  office: 'bali',
  category: 'pengaduan',
  name: 'I Made Wirawan',
  email: 'made.wirawan@example.id',
  text: 'Aplikasi yang diserahkan tidak dapat diakses sejak minggu lalu.',
  ...extra,
});

describeOnBothDatabases(
  'complaints',
  (ctx) => {
    let app: TestApp;
    let ds: DataSource;
    let baliTicket: string;
    let riauTicket: string;

    const file = (body: unknown, ip?: string) =>
      app.request<FileComplaintResponse>('POST', '/api/v1/public/complaints', {
        body,
        headers: ip ? { 'X-Forwarded-For': ip } : {},
      });

    const openTicket = async (office: string, service: string) => {
      const res = await app.request('POST', '/api/v1/tickets', {
        token: await app.token(`helpdesk.${office}@sigap.local`),
        body: {
          office,
          service,
          channel: 'letter',
          subject: 'Permohonan uji',
          description: 'Permohonan uji.',
          requester: { name: 'Pemohon', email: `pemohon.${office}@opd.go.id` },
        },
      });
      expect(res.status).withContext(res.text).toBe(201);
      return res.body.number as string;
    };

    beforeAll(async () => {
      app = ctx();
      ds = app.app.get(DataSource);
      app.app.get(Clock).set(FILED_AT);
      baliTicket = await openTicket('bali', 'pengembangan-aplikasi');
      riauTicket = await openTicket('riau', 'konsultasi-tata-kelola-spbe');
    });

    afterAll(() => app.app.get(Clock).release());

    it('files a public complaint: its own number, 5 working days in the office calendar, an acknowledgement in the outbox', async () => {
      const res = await file(form({ service: 'pengembangan-aplikasi', phone: '0361 123456' }));
      expect(res.status).withContext(res.text).toBe(201);
      expect(res.body.number).toMatch(/^ADUBALI-2026-\d{6}$/);
      expect(res.body.dueAt).toBe(DUE_AT);
      expect(res.body.timeZone).toBe('Asia/Makassar');
      // The confirmation carries the tracking page, which speaks of a complaint.
      expect(res.body.trackPath).toMatch(/^\/lacak\/[A-Za-z0-9_-]{46}$/);
      const tracked = await app.request(
        'GET',
        `/api/v1/portal/track/${res.body.trackPath.slice('/lacak/'.length)}`,
      );
      expect(tracked.status).withContext(tracked.text).toBe(200);
      expect(tracked.body).toEqual(
        jasmine.objectContaining({ number: res.body.number, kind: 'complaint' }),
      );

      const ticket = await ds
        .getRepository(TicketEntity)
        .findOneByOrFail({ number: res.body.number });
      expect(ticket.kind).toBe('complaint');
      expect(ticket.serviceCode).toBe('pengembangan-aplikasi');
      expect(ticket.dueAt.toISOString()).toBe(DUE_AT);
      const mail = await ds
        .getRepository(OutboxEntity)
        .find({ where: { kind: 'ticket.received' } });
      expect(mail.map((m) => JSON.parse(m.payload).ticket)).toContain(res.body.number);

      const agent = await app.token('helpdesk.bali@sigap.local');
      const view = await app.request<ComplaintView>(
        'GET',
        `/api/v1/complaints/${res.body.number}`,
        { token: agent },
      );
      expect(view.status).withContext(view.text).toBe(200);
      expect(view.body).toEqual(
        jasmine.objectContaining({ category: 'pengaduan', source: 'public', relatedTicket: null }),
      );
      // The agent works it as a ticket: the detail answers with the complaint clock.
      const detail = await app.request('GET', `/api/v1/tickets/${res.body.number}`, {
        token: agent,
      });
      expect(detail.status).withContext(detail.text).toBe(200);
      expect(detail.body.clocks.ticket.limitDueAt).toBe(DUE_AT);
      expect(detail.body.kind).toBe('complaint');
    });

    it('shows complaints in the agent queue with a filter, apart from requests', async () => {
      const agent = await app.token('helpdesk.bali@sigap.local');
      const complaints = await app.request<TicketPage>('GET', '/api/v1/tickets?kind=complaint', {
        token: agent,
      });
      expect(complaints.status).withContext(complaints.text).toBe(200);
      expect(complaints.body.items.length).toBeGreaterThan(0);
      expect(complaints.body.items.every((t) => t.kind === 'complaint')).toBeTrue();
      const requests = await app.request<TicketPage>('GET', '/api/v1/tickets?kind=request', {
        token: agent,
      });
      expect(requests.body.items.map((t) => t.number)).toContain(baliTicket);
      expect(requests.body.items.every((t) => t.kind === 'request')).toBeTrue();
      const bad = await app.request('GET', '/api/v1/tickets?kind=keluhan', { token: agent });
      expect(bad.status).toBe(400);
    });

    it('resolves a complaint that names no service (no catalog service is waited for)', async () => {
      const filed = await file(
        form({
          email: 'ketut.loket@example.id',
          text: 'Petugas loket tidak ramah saat melayani kami kemarin.',
        }),
        '10.9.9.9',
      );
      expect(filed.status).withContext(filed.text).toBe(201);
      const agent = await app.token('helpdesk.bali@sigap.local');
      const me = await app.request<{ id: string }>('GET', '/api/v1/auth/me', { token: agent });
      const n = filed.body.number;
      const detail = await app.request('GET', `/api/v1/tickets/${n}`, { token: agent });
      expect(detail.body.service).toBeNull();
      expect(detail.body.allowedActions).not.toContain('choose-service');
      const assigned = await app.request('POST', `/api/v1/tickets/${n}/assign`, {
        token: agent,
        body: { userId: me.body.id, expectedVersion: detail.body.version },
      });
      expect(assigned.status).withContext(assigned.text).toBe(200);
      const resolved = await app.request('POST', `/api/v1/tickets/${n}/resolve`, {
        token: agent,
        body: { reason: 'Sudah dibina.', expectedVersion: assigned.body.version },
      });
      expect(resolved.status).withContext(resolved.text).toBe(200);
      expect(resolved.body.status).toBe('resolved');
    });

    it('links the ticket it is about within the office, and answers alike for other offices and unknown numbers', async () => {
      const linked = await file(form({ relatedTicket: baliTicket, category: 'saran' }));
      expect(linked.status).withContext(linked.text).toBe(201);
      const view = await app.request<ComplaintView>(
        'GET',
        `/api/v1/complaints/${linked.body.number}`,
        { token: await app.token('helpdesk.bali@sigap.local') },
      );
      expect(view.body.relatedTicket).toBe(baliTicket);
      expect(view.body.category).toBe('saran');

      const otherOffice = await file(form({ relatedTicket: riauTicket }));
      const unknown = await file(form({ relatedTicket: 'BALI-2026-999999' }));
      expect(otherOffice.status).toBe(422);
      expect(unknown.status).toBe(422);
      const shape = (b: Record<string, unknown>) => ({
        code: b['code'],
        detail: b['detail'],
        errors: b['errors'],
      });
      expect(shape(otherOffice.body as never)).toEqual(shape(unknown.body as never));
      expect(otherOffice.text).not.toContain('riau');
    });

    it('rejects bad input with 4xx and field paths, and files nothing', async () => {
      const before = await ds.getRepository(TicketEntity).count({ where: { kind: 'complaint' } });
      const cases: [unknown, number, string | null][] = [
        [form({ email: 'bukan-email' }), 400, 'email'],
        [form({ category: 'keluhan' }), 400, 'category'],
        [form({ text: 'pendek' }), 400, 'text'],
        [form({ name: '' }), 400, 'name'],
        [form({ phone: 'telepon saya' }), 400, 'phone'],
        [form({ relatedTicket: 'nomor-asal' }), 400, 'relatedTicket'],
        [form({ admin: true }), 400, 'admin'],
        [form({ office: 'atlantis' }), 422, 'office'],
        [form({ service: 'tidak-ada' }), 422, 'service'],
        [form({ website: 'http://spam.example' }), 400, null],
      ];
      for (const [body, status, path] of cases) {
        const res = await file(body);
        expect(res.status).withContext(JSON.stringify(body)).toBe(status);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        if (path) {
          const paths = ((res.body as { errors?: { path: string }[] }).errors ?? []).map(
            (e) => e.path,
          );
          expect(paths).withContext(JSON.stringify(body)).toContain(path);
        }
      }
      const after = await ds.getRepository(TicketEntity).count({ where: { kind: 'complaint' } });
      expect(after).toBe(before);
    });

    it('limits complaints per client address and per e-mail address', async () => {
      const ip = '203.0.113.77';
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await file(form({ email: `warga${i}@example.id` }), ip);
        statuses.push(res.status);
        if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      }
      expect(statuses).toEqual([201, 201, 201, 429]);

      const email = 'sering.mengadu@example.id';
      const byEmail: number[] = [];
      for (let i = 0; i < 3; i++) byEmail.push((await file(form({ email }))).status);
      expect(byEmail).toEqual([201, 201, 429]);
    });

    it('lets only the office read a complaint, and only its helpdesk forward it', async () => {
      const res = await file(form({ email: 'akses@example.id' }));
      const number = res.body.number;
      const as = async (email: string, method = 'GET', path = '') =>
        (
          await app.request(method, `/api/v1/complaints/${number}${path}`, {
            token: await app.token(email),
          })
        ).status;
      expect(await as('helpdesk.bali@sigap.local')).toBe(200);
      expect(await as('kadis.bali@sigap.local')).toBe(200);
      expect(await as('admin@sigap.local')).toBe(200);
      expect(await as('helpdesk.riau@sigap.local')).toBe(404);
      expect(await as('kasi-ai.bali@sigap.local')).toBe(404);
      expect(await as('kadis.bali@sigap.local', 'POST', '/lapor/forward')).toBe(403);
      expect(await as('helpdesk.riau@sigap.local', 'POST', '/lapor/forward')).toBe(404);
      expect((await app.request('GET', `/api/v1/complaints/${number}`)).status).toBe(401);
      const request = await app.request('GET', `/api/v1/complaints/${baliTicket}`, {
        token: await app.token('helpdesk.bali@sigap.local'),
      });
      expect(request.status).withContext('a request is not a complaint').toBe(404);
    });

    it('forwards to SP4N-LAPOR! and pulls its answers back onto the timeline, each once', async () => {
      const fake = app.app.get(LaporGateway);
      expect(fake).toBeInstanceOf(FakeLaporGateway);
      const res = await file(form({ email: 'lapor@example.id' }));
      const number = res.body.number;
      const agent = await app.token('helpdesk.bali@sigap.local');
      const notYet = await app.request('POST', `/api/v1/complaints/${number}/lapor/pull`, {
        token: agent,
      });
      expect(notYet.status).toBe(409);

      const forwarded = await app.request<ComplaintView>(
        'POST',
        `/api/v1/complaints/${number}/lapor/forward`,
        { token: agent },
      );
      expect(forwarded.status).withContext(forwarded.text).toBe(200);
      const trackingId = forwarded.body.lapor.trackingId as string;
      expect(trackingId).toMatch(/^LPR\d{10}$/);
      const sent = (fake as FakeLaporGateway).submission(trackingId);
      expect(sent?.reference).toBe(number);
      expect(sent?.agency.code).toBe('bali');
      const again = await app.request('POST', `/api/v1/complaints/${number}/lapor/forward`, {
        token: agent,
      });
      expect(again.status).toBe(409);

      (fake as FakeLaporGateway).answer(trackingId, {
        status: 'Selesai',
        answer: 'Akses aplikasi sudah dipulihkan oleh Diskominfos.',
        from: 'Diskominfos Provinsi Bali',
      });
      const pulled = await app.request('POST', `/api/v1/complaints/${number}/lapor/pull`, {
        token: agent,
      });
      expect(pulled.status).withContext(pulled.text).toBe(200);
      expect(pulled.body.added).toBe(1);
      expect(pulled.body.complaint.lapor.status).toBe('Selesai');
      const twice = await app.request('POST', `/api/v1/complaints/${number}/lapor/pull`, {
        token: agent,
      });
      expect(twice.body.added).toBe(0);
      const ticket = await ds.getRepository(TicketEntity).findOneByOrFail({ number });
      const entries = await ds
        .getRepository(TimelineEntryEntity)
        .find({ where: { ticketId: ticket.id, event: 'lapor.update' } });
      expect(entries.map((e) => e.body)).toEqual([
        'Akses aplikasi sudah dipulihkan oleh Diskominfos.',
      ]);
    });

    it('opens a complaint from mail to the office complaints address', async () => {
      const raw = [
        'From: Ketut Arsana <ketut.arsana@example.id>',
        `To: ${COMPLAINTS_ADDRESS}`,
        'Subject: Layanan lambat',
        'Message-ID: <pengaduan-1@example.id>',
        'Date: Mon, 11 May 2026 10:00:00 +0800',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Permohonan kami belum dijawab sejak bulan lalu.',
        '',
      ].join('\r\n');
      const res = await app.request('POST', '/api/v1/inbound/mail', {
        raw,
        headers: { 'Content-Type': 'message/rfc822', Authorization: `Bearer ${TOKEN}` },
      });
      expect(res.status).withContext(res.text).toBe(202);
      expect(res.body.ticketNumber).toMatch(/^ADUBALI-2026-\d{6}$/);
      const ticket = await ds
        .getRepository(TicketEntity)
        .findOneByOrFail({ number: res.body.ticketNumber });
      expect(ticket.kind).toBe('complaint');
      expect(ticket.channel).toBe('email');
      expect(ticket.subject).toBe('Pengaduan: Layanan lambat');
    });

    it('keeps the files of a mailed complaint and lists them on its timeline entry', async () => {
      const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
      const sha = createHash('sha256').update(pdf).digest('hex');
      const raw = [
        'From: Luh Sari <luh.sari@example.id>',
        `To: ${COMPLAINTS_ADDRESS}`,
        'Subject: Bukti gangguan layanan',
        'Message-ID: <pengaduan-lampiran@example.id>',
        'Date: Mon, 11 May 2026 10:00:00 +0800',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="batas"',
        '',
        '--batas',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Terlampir tangkapan layar gangguan aplikasi.',
        '--batas',
        'Content-Type: application/pdf; name="bukti.pdf"',
        'Content-Disposition: attachment; filename="bukti.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        pdf.toString('base64'),
        '--batas--',
        '',
      ].join('\r\n');
      const res = await app.request('POST', '/api/v1/inbound/mail', {
        raw,
        headers: { 'Content-Type': 'message/rfc822', Authorization: `Bearer ${TOKEN}` },
      });
      expect(res.status).withContext(res.text).toBe(202);
      const ticket = await ds
        .getRepository(TicketEntity)
        .findOneByOrFail({ number: res.body.ticketNumber });
      const entry = await ds
        .getRepository(TimelineEntryEntity)
        .findOneByOrFail({ ticketId: ticket.id, event: 'mail.received' });
      expect(entry.kind).toBe('reply');
      expect(entry.body).toContain('Terlampir tangkapan layar');
      const data = entry.data as {
        from: string;
        messageId: string;
        attachments: { filename: string; size: number; contentType: string; sha256: string }[];
      };
      expect(data.from).toBe('luh.sari@example.id');
      expect(data.messageId).toBe('<pengaduan-lampiran@example.id>');
      expect(data.attachments).toEqual([
        { filename: 'bukti.pdf', size: pdf.length, contentType: 'application/pdf', sha256: sha },
      ]);
      const kept = join(app.config.dataDir, 'mail', 'attachments', sha);
      expect(existsSync(kept)).toBeTrue();
      expect(readFileSync(kept).equals(pdf)).toBeTrue();
      // Agents read it on the ticket's timeline like any reply with files.
      const detail = await app.request('GET', `/api/v1/tickets/${ticket.number}/timeline`, {
        token: await app.token('helpdesk.bali@sigap.local'),
      });
      expect(detail.status).withContext(detail.text).toBe(200);
      expect(detail.text).toContain('bukti.pdf');
    });

    it('acknowledges a complaint with its own message: number, 5 working days, tracking link', async () => {
      const res = await file(form({ email: 'tanda.terima@example.id', category: 'saran' }));
      expect(res.status).withContext(res.text).toBe(201);
      const number = res.body.number;
      const row = (
        await ds.getRepository(OutboxEntity).find({ where: { kind: 'ticket.received' } })
      )
        .map((r) => JSON.parse(r.payload) as { ticket: string })
        .find((p) => p.ticket === number);
      expect(row).toBeDefined();
      const prepared = await preparerFor('ticket.received')(row!, {
        config: app.app.get(AppConfig),
        manager: ds.manager,
        threadIds: async () => [],
        nextSeq: async () => 1,
        calendar: () => Promise.reject(new Error('not needed')),
        now: () => new Date(FILED_AT),
      });
      expect(prepared.request.mail.template).toBe('complaint-received');
      expect(prepared.recipient).toBe('tanda.terima@example.id');
      const renderer = new MailRenderer();
      const marker = { text: '', html: '' };
      const id = renderer.render(prepared.request.mail, {
        locale: 'id',
        timeZone: 'Asia/Makassar',
        marker,
      });
      expect(id.subject).toMatch(/^Saran diterima: /);
      expect(id.subject).not.toContain('Permohonan');
      expect(id.text).toContain(number);
      expect(id.text).toContain('5 hari kerja');
      expect(id.text).toContain('/lacak/');
      expect(id.html).toContain(number);
      expect(id.html).toContain('Lacak pengaduan');
      const en = renderer.render(prepared.request.mail, {
        locale: 'en',
        timeZone: 'Asia/Makassar',
        marker,
      });
      expect(en.subject).toMatch(/^Suggestion received: /);
      expect(en.text).toContain('5 working days');
      expect(en.text).toContain(number);

      const agent = await app.token('admin@sigap.local');
      const list = await app.request('GET', '/api/v1/mail/templates', { token: agent });
      expect(list.status).withContext(list.text).toBe(200);
      expect((list.body as { name: string }[]).map((t) => t.name)).toContain('complaint-received');
    });

    it('pulls forwarded complaints on a schedule, one instance per beat (database lease)', async () => {
      const fake = app.app.get(LaporGateway) as FakeLaporGateway;
      const scheduler = app.app.get(LaporPullScheduler);
      // The timer stays off in tests and without the real connection.
      expect(scheduler.started).toBeFalse();
      expect(LaporPullScheduler.enabled(app.config)).toBeFalse();

      const res = await file(form({ email: 'jadwal@example.id' }));
      const number = res.body.number;
      const agent = await app.token('helpdesk.bali@sigap.local');
      const forwarded = await app.request<ComplaintView>(
        'POST',
        `/api/v1/complaints/${number}/lapor/forward`,
        { token: agent },
      );
      const trackingId = forwarded.body.lapor.trackingId as string;
      fake.answer(trackingId, {
        status: 'Ditindaklanjuti',
        answer: 'Tim teknis sedang memeriksa server aplikasi.',
        from: 'Diskominfos Provinsi Bali',
      });

      const clock = app.app.get(Clock);
      clock.set(Date.parse(FILED_AT) + 3_600_000);
      try {
        // Another instance holds the lease for this beat: this one skips it.
        const other = new JobLease(ds, LAPOR_PULL_LEASE);
        expect(await other.acquire(clock.nowMs(), 60_000)).toBeTrue();
        expect(await scheduler.runOnce()).toEqual({ ran: false, reason: 'lease-held' });

        // Once the other's lease has run out, this instance pulls every due complaint.
        clock.advance(61_000);
        const run = await scheduler.runOnce();
        expect(run.ran).toBeTrue();
        if (!run.ran) return;
        expect(run.added).toBe(1);
        expect(run.failed).toBe(0);
        // ...and holds the lease: the other instance cannot take it within the beat.
        expect(await other.acquire(clock.nowMs(), 60_000)).toBeFalse();
        const again = await scheduler.runOnce();
        expect(again.ran).toBeTrue();
        if (again.ran) expect(again.added).toBe(0);
      } finally {
        clock.set(FILED_AT);
      }
      const ticket = await ds.getRepository(TicketEntity).findOneByOrFail({ number });
      const entries = await ds
        .getRepository(TimelineEntryEntity)
        .find({ where: { ticketId: ticket.id, event: 'lapor.update' } });
      expect(entries.map((e) => e.body)).toEqual(['Tim teknis sedang memeriksa server aplikasi.']);
      const view = await app.request<ComplaintView>('GET', `/api/v1/complaints/${number}`, {
        token: agent,
      });
      expect(view.body.lapor.status).toBe('Ditindaklanjuti');
    });

    it('schedules the pull for a configured connection (or the stand-in outside tests) and a positive interval', () => {
      const base = {
        NODE_ENV: 'production',
        SIGAP_JWT_SECRET: 'x'.repeat(40),
        SIGAP_LAPOR_URL: 'https://api.lapor.go.id/v1',
        SIGAP_LAPOR_TOKEN: 'rahasia-lapor-123',
      };
      expect(LaporPullScheduler.enabled(loadConfig(base))).toBeTrue();
      expect(loadConfig(base).laporPullSeconds).toBe(900);
      expect(
        LaporPullScheduler.enabled(loadConfig({ ...base, SIGAP_LAPOR_PULL_SECONDS: '0' })),
      ).toBeFalse();
      // The stand-in plays its scenarios on the beat in development, never in tests.
      expect(
        LaporPullScheduler.enabled(
          loadConfig({ NODE_ENV: 'development', SIGAP_LAPOR_FAKE: 'true' }),
        ),
      ).toBeTrue();
      expect(LaporPullScheduler.enabled(app.config)).toBeFalse();
      expect(LaporPullScheduler.enabled(loadConfig({ NODE_ENV: 'development' }))).toBeFalse();
      expect(() => loadConfig({ ...base, SIGAP_LAPOR_PULL_SECONDS: '-5' })).toThrowError(
        /SIGAP_LAPOR_PULL_SECONDS/,
      );
    });
  },
  {
    SIGAP_LAPOR_FAKE: 'true',
    SIGAP_COMPLAINT_ADDRESSES: `bali=${COMPLAINTS_ADDRESS}`,
    SIGAP_COMPLAINT_IP_LIMIT: '3',
    SIGAP_COMPLAINT_EMAIL_LIMIT: '2',
    SIGAP_INBOUND_TOKEN: TOKEN,
  },
);
