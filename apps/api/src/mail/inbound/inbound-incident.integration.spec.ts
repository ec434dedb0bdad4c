/**
 * An office's incident address through the raw-mail door, on both databases: new mail from a
 * known reporter opens an incident (not a request) at medium impact and urgency; replies thread
 * onto it as usual; a stranger's mail and a stranger's reply with a genuine reference are held
 * exactly as for the helpdesk address.
 */
import type { IncidentView, TicketDetail } from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { AuditEntryEntity } from '@sigap/api-audit';
import { InboundMessageEntity } from '@sigap/api-mail';
import { TicketEntity, TimelineEntryEntity } from '@sigap/api-tickets';
import { describeOnBothDatabases, type TestApp } from '../../testing/test-app';

const TOKEN = 'token-gangguan-0123456789abcdef';
const INCIDENTS = 'gangguan@diskominfos.baliprov.go.id';
const REPORTER = 'operator.jaringan@diskes.baliprov.go.id';

const mail = (
  from: string,
  messageId: string,
  extra: { to?: string; inReplyTo?: string; subject?: string; body?: string } = {},
) =>
  Buffer.from(
    [
      `From: Pelapor <${from}>`,
      `To: ${extra.to ?? INCIDENTS}`,
      `Subject: ${extra.subject ?? 'Jaringan kantor dinas kesehatan putus'}`,
      `Message-ID: ${messageId}`,
      ...(extra.inReplyTo ? [`In-Reply-To: ${extra.inReplyTo}`] : []),
      'Date: Mon, 23 Nov 2026 09:00:00 +0800',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      extra.body ?? 'Sejak pukul 08.30 seluruh komputer tidak dapat terhubung ke internet.',
      '',
    ].join('\r\n'),
  );

describeOnBothDatabases(
  'inbound mail to an office incident address',
  (ctx) => {
    let app: TestApp;
    let ds: DataSource;
    let agent: string;
    let admin: string;

    const post = (raw: Buffer) =>
      app.request<{ action: string; ticketNumber: string | null }>('POST', '/api/v1/inbound/mail', {
        raw,
        headers: { 'Content-Type': 'message/rfc822', Authorization: `Bearer ${TOKEN}` },
      });
    const timeline = async (number: string) => {
      const t = await ds.getRepository(TicketEntity).findOneByOrFail({ number });
      return ds.getRepository(TimelineEntryEntity).find({ where: { ticketId: t.id } });
    };

    beforeAll(async () => {
      app = ctx();
      ds = app.app.get(DataSource);
      agent = await app.token('helpdesk.bali@sigap.local');
      admin = await app.token('admin@sigap.local');
      // The reporter is a contact of the office (reported once by phone).
      const first = await app.request<TicketDetail>('POST', '/api/v1/incidents', {
        token: agent,
        body: {
          office: 'bali',
          services: [],
          impact: 'rendah',
          urgency: 'rendah',
          channel: 'phone',
          subject: 'Printer jaringan tidak terdeteksi',
          description: 'Printer lantai 2 tidak muncul di daftar.',
          requester: { name: 'Operator Jaringan Diskes', email: REPORTER },
        },
      });
      expect(first.status).withContext(first.text).toBe(201);
    });

    it('lets an admin set the address, refusing one that would swallow other mail', async () => {
      const clash = await app.request('PATCH', '/api/v1/offices/bali', {
        token: admin,
        body: {
          helpdeskEmail: 'helpdesk@diskominfos.baliprov.go.id',
          incidentEmail: 'helpdesk@diskominfos.baliprov.go.id',
        },
      });
      expect(clash.status).withContext(clash.text).toBe(409);
      expect(clash.body.errors[0].path).toBe('incidentEmail');
      const notMail = await app.request('PATCH', '/api/v1/offices/bali', {
        token: admin,
        body: { incidentEmail: 'bukan alamat' },
      });
      expect(notMail.status).toBe(400);
      expect(notMail.body.errors[0].path).toBe('incidentEmail');
      const byAgent = await app.request('PATCH', '/api/v1/offices/bali', {
        token: agent,
        body: { incidentEmail: INCIDENTS },
      });
      expect(byAgent.status).toBe(403);
      const set = await app.request('PATCH', '/api/v1/offices/bali', {
        token: admin,
        body: { incidentEmail: INCIDENTS.toUpperCase() },
      });
      expect(set.status).withContext(set.text).toBe(200);
      expect(set.body.incidentEmail).toBe(INCIDENTS);
      const taken = await app.request('PATCH', '/api/v1/offices/riau', {
        token: admin,
        body: { incidentEmail: INCIDENTS },
      });
      expect(taken.status).withContext(taken.text).toBe(409);
    });

    it('opens an incident from a known reporter, at medium impact and urgency; a reply threads onto it', async () => {
      const res = await post(mail(REPORTER, '<gangguan-1@diskes.baliprov.go.id>'));
      expect(res.status).withContext(res.text).toBe(202);
      expect(res.body.action).toBe('created');
      const number = res.body.ticketNumber as string;
      // Numbered in the incidents' series from the start: every reply threads on that number.
      expect(number).toMatch(/^GNGBALI-\d{4}-\d{6}$/);
      const ticket = await ds.getRepository(TicketEntity).findOneByOrFail({ number });
      expect([ticket.kind, ticket.priority, ticket.channel, ticket.officeCode]).toEqual([
        'incident',
        'P3',
        'email',
        'bali',
      ]);
      const view = await app.request<IncidentView>('GET', `/api/v1/incidents/${number}`, {
        token: agent,
      });
      expect(view.status).withContext(view.text).toBe(200);
      expect([view.body.impact, view.body.urgency, view.body.resolution]).toEqual([
        'sedang',
        'sedang',
        '3 hari',
      ]);
      const detail = await app.request<TicketDetail>('GET', `/api/v1/tickets/${number}`, {
        token: agent,
      });
      expect(detail.body.requester?.email).toBe(REPORTER);
      expect(detail.body.clocks.ticket.state).not.toBe('not-started');
      const entries = await timeline(number);
      expect(entries.some((e) => e.event === 'mail.received')).toBeTrue();
      expect(entries.some((e) => e.event === 'incident.converted_from_triage')).toBeTrue();
      const audit = await ds.getRepository(AuditEntryEntity).findBy({
        action: 'incident.opened_from_mail',
        entityId: number,
      });
      expect(audit.length).toBe(1);

      const reply = await post(
        mail(REPORTER, '<gangguan-2@diskes.baliprov.go.id>', {
          inReplyTo: '<gangguan-1@diskes.baliprov.go.id>',
          subject: 'Re: Jaringan kantor dinas kesehatan putus',
          body: 'Tambahan: lantai 3 juga terdampak.',
        }),
      );
      expect(reply.status).withContext(reply.text).toBe(202);
      expect([reply.body.action, reply.body.ticketNumber]).toEqual(['appended', number]);

      // The same reporter writing to the helpdesk address opens a request, as before.
      const request = await post(
        mail(REPORTER, '<permintaan-1@diskes.baliprov.go.id>', {
          to: 'helpdesk@diskominfos.baliprov.go.id',
          subject: 'Permohonan akun e-mail',
        }),
      );
      expect(request.body.action).toBe('created');
      const asRequest = await ds
        .getRepository(TicketEntity)
        .findOneByOrFail({ number: request.body.ticketNumber as string });
      expect(asRequest.kind).toBe('request');
      expect(asRequest.number).toMatch(/^BALI-\d{4}-\d{6}$/);
    });

    it('still holds hostile mail: a stranger is quarantined, a forged thread reference held', async () => {
      const stranger = await post(mail('penyusup@gmail.com', '<asing-1@gmail.com>'));
      expect(stranger.status).withContext(stranger.text).toBe(202);
      expect([stranger.body.action, stranger.body.ticketNumber]).toEqual(['quarantined', null]);

      const opened = await post(mail(REPORTER, '<gangguan-3@diskes.baliprov.go.id>'));
      const number = opened.body.ticketNumber as string;
      const before = await ds.getRepository(TicketEntity).findOneByOrFail({ number });
      const forged = await post(
        mail('penyusup@gmail.com', '<asing-2@gmail.com>', {
          inReplyTo: '<gangguan-3@diskes.baliprov.go.id>',
          subject: 'Re: Jaringan kantor dinas kesehatan putus',
          body: 'Gangguan sudah selesai, tutup saja tiketnya. <script>alert(1)</script>',
        }),
      );
      expect(forged.status).withContext(forged.text).toBe(202);
      expect(forged.body.action).toBe('third-party');
      const after = await ds.getRepository(TicketEntity).findOneByOrFail({ number });
      expect([after.status, after.version]).toEqual([before.status, before.version]);
      const incidents = await ds.getRepository(TicketEntity).countBy({ kind: 'incident' });
      // Spoofed display names and mentions open nothing more.
      const spoof = await post(
        mail('penyusup@gmail.com', '<asing-3@gmail.com>', {
          subject: `Fwd: ${number}`,
          body: `Lihat ${number}`,
        }),
      );
      expect(spoof.body.action).toBe('quarantined');
      expect(await ds.getRepository(TicketEntity).countBy({ kind: 'incident' })).toBe(incidents);
    });

    it('opens an incident when an admin releases held mail that was sent to the incident address', async () => {
      const stranger = await post(mail('orang.asing@yahoo.com', '<asing-lepas@yahoo.com>'));
      expect([stranger.body.action, stranger.body.ticketNumber]).toEqual(['quarantined', null]);
      const held = await ds
        .getRepository(InboundMessageEntity)
        .findOneByOrFail({ messageId: '<asing-lepas@yahoo.com>' });
      const released = await app.request<{ ticketNumber: string }>(
        'POST',
        `/api/v1/inbound/messages/${held.id}/release`,
        { token: admin },
      );
      expect(released.status).withContext(released.text).toBe(200);
      const fromQuarantine = await ds
        .getRepository(TicketEntity)
        .findOneByOrFail({ number: released.body.ticketNumber });
      expect([fromQuarantine.kind, fromQuarantine.number.slice(0, 7)]).toEqual([
        'incident',
        'GNGBALI',
      ]);
    });
  },
  {
    SIGAP_INBOUND_TOKEN: TOKEN,
    SIGAP_MAIL_FROM: 'helpdesk@helpdesk.diskominfos.baliprov.go.id',
  },
);
