import type { TicketDetail, TicketPage, TimelineEntryView } from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { Clock } from '@sigap/api-clock';
import { RequesterContactEntity } from '@sigap/api-opds';
import { OutboxEntity } from '@sigap/api-outbox';
import { describeOnBothDatabases, type TestApp } from '../testing/test-app';
import { ClockEventEntity } from '@sigap/api-tickets';
import { TicketEntity } from '@sigap/api-tickets';

const TOKEN = 'token-masuk-triase-0123456789';
const HELPDESK = 'helpdesk@diskominfos.baliprov.go.id';

/** A plain new request, optionally with a PDF attachment. */
function requestMail(from: string, subject: string, id: string, attach = false): string {
  const head = [
    `From: Pemohon Uji <${from}>`,
    `To: ${HELPDESK}`,
    `Subject: ${subject}`,
    `Message-ID: <${id}@uji.baliprov.go.id>`,
    'Date: Tue, 24 Nov 2026 09:00:00 +0800',
    'MIME-Version: 1.0',
  ];
  if (!attach) {
    return [
      ...head,
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Mohon dibuatkan aplikasi pendataan aset.',
      '',
    ].join('\r\n');
  }
  return [
    ...head,
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Mohon dibuatkan aplikasi pendataan aset. Surat terlampir.',
    '--b1',
    'Content-Type: application/pdf; name="surat.pdf"',
    'Content-Disposition: attachment; filename="surat.pdf"',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64'),
    '--b1--',
    '',
  ].join('\r\n');
}

describeOnBothDatabases(
  'tickets: triage of e-mailed requests',
  (ctx) => {
    let app: TestApp;
    let ds: DataSource;
    let clock: Clock;
    let agent: string;
    const sender = `kadek.${Date.now()}@bappeda.baliprov.go.id`;
    // Tuesday 24 November 2026, 09:00 WITA: a working morning in Bali.
    const receipt = new Date('2026-11-24T01:00:00.000Z');

    const deliver = (raw: string) =>
      app.request<{ action: string; ticketNumber: string | null; messageId: string }>(
        'POST',
        '/api/v1/inbound/mail',
        {
          raw,
          headers: { 'Content-Type': 'message/rfc822', Authorization: `Bearer ${TOKEN}` },
        },
      );
    const detail = async (n: string) =>
      (await app.request<TicketDetail>('GET', `/api/v1/tickets/${n}`, { token: agent })).body;

    beforeAll(async () => {
      app = ctx();
      ds = app.app.get(DataSource);
      clock = app.app.get(Clock);
      agent = await app.token('helpdesk.bali@sigap.local');
      await ds.getRepository(RequesterContactEntity).insert({
        id: '00000000-0000-4000-8000-00000000aa01',
        officeCode: 'bali',
        opdId: null,
        name: 'Kadek Pemohon',
        email: sender,
        phone: null,
        createdAt: new Date(),
      });
    });

    afterAll(() => clock.release());

    it('opens a numbered, service-less ticket for new mail from a known contact', async () => {
      clock.set(receipt);
      const res = await deliver(requestMail(sender, 'Aplikasi aset daerah', 'aset-1', true));
      expect(res.status).withContext(res.text).toBe(202);
      expect(res.body.action).toBe('created');
      const n = res.body.ticketNumber as string;
      expect(n).toMatch(/^BALI-2026-\d{6}$/);

      const t = await detail(n);
      expect(t.service).toBeNull();
      expect(t.serviceVersion).toBeNull();
      expect([t.status, t.channel, t.office]).toEqual(['new', 'email', 'bali']);
      expect(t.requester.email).toBe(sender);
      expect(t.receivedAt).toBe(receipt.toISOString());
      expect(t.checklist).toEqual([]);
      expect(t.steps).toEqual([]);
      expect(t.clocks.ticket.state).toBe('not-started');
      expect(t.clocks.firstResponse.startedAt).toBe(receipt.toISOString());
      expect(t.allowedActions).toContain('choose-service');
      expect(t.allowedActions).not.toContain('resolve');

      const timeline = (
        await app.request<TimelineEntryView[]>('GET', `/api/v1/tickets/${n}/timeline`, {
          token: agent,
        })
      ).body;
      const mail = timeline.find((e) => e.event === 'mail.received');
      expect(mail?.body).toContain('pendataan aset');
      const files = (mail?.data as { attachments: { filename: string }[] }).attachments;
      expect(files.map((f) => f.filename)).toEqual(['surat.pdf']);

      // The acknowledgement to the requester, so that their replies thread onto the ticket.
      const ack = await ds.getRepository(OutboxEntity).find({ where: { kind: 'ticket.received' } });
      expect(ack.some((r) => JSON.parse(r.payload).ticket === n)).toBeTrue();
    });

    it('lists triage tickets in the triage view only', async () => {
      const opened = await app.request<TicketDetail>('POST', '/api/v1/tickets', {
        token: agent,
        body: {
          office: 'bali',
          service: 'pengembangan-aplikasi',
          channel: 'walk-in',
          subject: 'Bukan triase',
          description: 'Dibuka langsung.',
          requester: { name: 'Nyoman', email: 'nyoman@diskes.baliprov.go.id' },
        },
      });
      expect(opened.status).withContext(opened.text).toBe(201);
      const triage = await app.request<TicketPage>('GET', '/api/v1/tickets?triage=true', {
        token: agent,
      });
      expect(triage.status).toBe(200);
      expect(triage.body.items.length).toBeGreaterThan(0);
      expect(triage.body.items.every((i) => i.service === null)).toBeTrue();
      expect(triage.body.items.some((i) => i.number === opened.body.number)).toBeFalse();
      const rest = await app.request<TicketPage>('GET', '/api/v1/tickets?triage=false', {
        token: agent,
      });
      expect(rest.body.items.some((i) => i.number === opened.body.number)).toBeTrue();
      expect(rest.body.items.every((i) => i.service !== null)).toBeTrue();
      const bad = await app.request('GET', '/api/v1/tickets?triage=ya', { token: agent });
      expect(bad.status).toBe(400);
    });

    it('refuses work on steps and resolving before a service is chosen', async () => {
      const res = await deliver(requestMail(sender, 'Belum ada layanan', 'aset-2'));
      const n = res.body.ticketNumber as string;
      let t = await detail(n);
      const assigned = await app.request<TicketDetail>('POST', `/api/v1/tickets/${n}/assign`, {
        token: agent,
        body: { expectedVersion: t.version, userId: (await me(app, agent)).id },
      });
      expect(assigned.status).withContext(assigned.text).toBe(200);
      t = assigned.body;
      expect(t.status).toBe('triaged');
      const resolve = await app.request(`POST`, `/api/v1/tickets/${n}/resolve`, {
        token: agent,
        body: { expectedVersion: t.version },
      });
      expect(resolve.status).toBe(409);
    });

    it('chooses the service: checklist and steps copied, ticket clock from receipt', async () => {
      clock.set(receipt);
      const res = await deliver(requestMail(sender, 'Aplikasi perizinan', 'izin-1'));
      const n = res.body.ticketNumber as string;
      const before = await detail(n);
      // Triage happens two working days after the mail arrived.
      clock.set(new Date(receipt.getTime() + 2 * 86_400_000));

      const invalid = await app.request('POST', `/api/v1/tickets/${n}/service`, {
        token: agent,
        body: { expectedVersion: before.version },
      });
      expect(invalid.status).toBe(400);
      const unknown = await app.request('POST', `/api/v1/tickets/${n}/service`, {
        token: agent,
        body: { expectedVersion: before.version, serviceCode: 'tidak-ada' },
      });
      expect(unknown.status).toBe(422);
      expect(unknown.headers.get('content-type')).toContain('application/problem+json');
      const stale = await app.request('POST', `/api/v1/tickets/${n}/service`, {
        token: agent,
        body: { expectedVersion: before.version + 5, serviceCode: 'pengembangan-aplikasi' },
      });
      expect(stale.status).toBe(409);

      const chosen = await app.request<TicketDetail>('POST', `/api/v1/tickets/${n}/service`, {
        token: agent,
        body: { expectedVersion: before.version, serviceCode: 'pengembangan-aplikasi' },
      });
      expect(chosen.status).withContext(chosen.text).toBe(200);
      const t = chosen.body;
      expect(t.service).toBe('pengembangan-aplikasi');
      expect(t.serviceVersion).toBeGreaterThan(0);
      expect(t.checklist.length).toBeGreaterThan(0);
      expect(t.steps.length).toBeGreaterThan(0);
      expect(t.steps.some((s) => s.status === 'active')).toBeTrue();
      expect(t.allowedActions).not.toContain('choose-service');
      // Assignees resolve like at any opening: the active office steps have a holder.
      const activeOffice = t.steps.filter((s) => s.status === 'active' && !s.requesterSide);
      expect(activeOffice.every((s) => s.assignee !== null)).toBeTrue();

      const row = await ds.getRepository(TicketEntity).findOneByOrFail({ number: n });
      const starts = await ds.getRepository(ClockEventEntity).find({
        where: { ticketId: row.id, clock: 'ticket', type: 'start' },
      });
      expect(starts.length).toBe(1);
      expect(starts[0].at.toISOString()).toBe(receipt.toISOString());
      expect(t.clocks.ticket.startedAt).toBe(receipt.toISOString());
      // Counting from receipt: two working days are already used.
      expect(t.clocks.ticket.elapsedMinutes).toBeGreaterThan(8 * 60);

      const again = await app.request('POST', `/api/v1/tickets/${n}/service`, {
        token: agent,
        body: { expectedVersion: t.version, serviceCode: 'pengembangan-aplikasi' },
      });
      expect(again.status).toBe(409);
      expect(again.body).toEqual(
        jasmine.objectContaining({ code: 'ticket.service_already_chosen' }),
      );
    });

    it('rejects mail that is not a service request (cancelled with the reason)', async () => {
      const res = await deliver(requestMail(sender, 'Undangan rapat', 'rapat-1'));
      const n = res.body.ticketNumber as string;
      const t = await detail(n);
      const noReason = await app.request('POST', `/api/v1/tickets/${n}/reject-request`, {
        token: agent,
        body: { expectedVersion: t.version },
      });
      expect(noReason.status).toBe(400);
      const rejected = await app.request<TicketDetail>(
        'POST',
        `/api/v1/tickets/${n}/reject-request`,
        {
          token: agent,
          body: { expectedVersion: t.version, reason: 'Undangan, bukan permohonan layanan.' },
        },
      );
      expect(rejected.status).withContext(rejected.text).toBe(200);
      expect(rejected.body.status).toBe('cancelled');
      const timeline = (
        await app.request<TimelineEntryView[]>('GET', `/api/v1/tickets/${n}/timeline`, {
          token: agent,
        })
      ).body;
      const cancelled = timeline.find((e) => e.event === 'ticket.cancelled');
      expect(cancelled?.data).toEqual(
        jasmine.objectContaining({ notServiceRequest: true, reason: jasmine.any(String) }),
      );
    });

    it('lets only the office (and admins) choose the service', async () => {
      const res = await deliver(requestMail(sender, 'Akses uji', 'akses-1'));
      const n = res.body.ticketNumber as string;
      const t = await detail(n);
      const body = { expectedVersion: t.version, serviceCode: 'pengembangan-aplikasi' };
      const other = await app.request('POST', `/api/v1/tickets/${n}/service`, {
        token: await app.token('helpdesk.riau@sigap.local'),
        body,
      });
      expect(other.status).toBe(404);
      const manager = await app.request('POST', `/api/v1/tickets/${n}/service`, {
        token: await app.token('kadis.bali@sigap.local'),
        body,
      });
      expect(manager.status).toBe(403);
      const anon = await app.request('POST', `/api/v1/tickets/${n}/service`, { body });
      expect(anon.status).toBe(401);
      const admin = await app.request<TicketDetail>('POST', `/api/v1/tickets/${n}/service`, {
        token: await app.token('admin@sigap.local'),
        body,
      });
      expect(admin.status).withContext(admin.text).toBe(200);
    });

    it('threads the requester reply onto the triage ticket', async () => {
      const res = await deliver(requestMail(sender, 'Aplikasi kepegawaian', 'pegawai-1'));
      const n = res.body.ticketNumber as string;
      const reply = [
        `From: Pemohon Uji <${sender}>`,
        `To: ${HELPDESK}`,
        'Subject: Re: Aplikasi kepegawaian',
        'Message-ID: <pegawai-2@uji.baliprov.go.id>',
        'In-Reply-To: <pegawai-1@uji.baliprov.go.id>',
        'References: <pegawai-1@uji.baliprov.go.id>',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Tambahan: perlu modul cuti.',
        '',
      ].join('\r\n');
      const second = await deliver(reply);
      expect([second.body.action, second.body.ticketNumber]).toEqual(['appended', n]);
    });
  },
  { SIGAP_INBOUND_TOKEN: TOKEN },
);

async function me(app: TestApp, token: string): Promise<{ id: string }> {
  const res = await app.request<{ id: string }>('GET', '/api/v1/auth/me', { token });
  if (res.status !== 200) throw new Error(`auth/me: ${res.status} ${res.text}`);
  return res.body;
}
