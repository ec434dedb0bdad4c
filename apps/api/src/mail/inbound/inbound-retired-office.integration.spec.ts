import { DataSource } from 'typeorm';
import { TicketEntity } from '@sigap/api-tickets';
import { TimelineEntryEntity } from '@sigap/api-tickets';
import { InboundMessageEntity, RETIRED_OFFICE_REASON } from '@sigap/api-mail';
import { describeOnBothDatabases, type TestApp } from '../../testing/test-app';

const TOKEN = 'token-kantor-pensiun-0123456789';
const MAILBOX = 'kominfotik@gorontaloprov.go.id';
const REQUESTER = 'rahmat.hasan@diskes.gorontaloprov.go.id';

let serial = 0;

/** A message from the requester to the Gorontalo helpdesk mailbox, as a mail client writes it. */
function mail(subject: string, body: string, extra: string[] = []): Buffer {
  serial++;
  return Buffer.from(
    [
      `From: Rahmat Hasan <${REQUESTER}>`,
      `To: ${MAILBOX}`,
      `Subject: ${subject}`,
      `Message-ID: <pensiun-${serial}-${Date.now()}@diskes.gorontaloprov.go.id>`,
      'Date: Mon, 07 Dec 2026 09:00:00 +0800',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      ...extra,
      '',
      body,
      '',
    ].join('\r\n'),
  );
}

describeOnBothDatabases(
  'mail to a retired office',
  (ctx) => {
    let app: TestApp;
    let ds: DataSource;
    let closedNumber: string;

    const post = (raw: Buffer) =>
      app.request('POST', '/api/v1/inbound/mail', {
        raw,
        headers: { 'Content-Type': 'message/rfc822', Authorization: `Bearer ${TOKEN}` },
      });
    const ticketCount = () => ds.getRepository(TicketEntity).countBy({ officeCode: 'gorontalo' });

    beforeAll(async () => {
      app = ctx();
      ds = app.app.get(DataSource);
      // The requester is a known contact of the office: a ticket of theirs, finished since.
      const opened = await app.request('POST', '/api/v1/tickets', {
        token: await app.token('helpdesk.gorontalo@sigap.local'),
        body: {
          office: 'gorontalo',
          service: 'pengembangan-aplikasi',
          channel: 'email',
          subject: 'Permohonan subdomain dinas',
          description: 'Mohon dibuatkan subdomain untuk aplikasi dinas.',
          requester: { name: 'Rahmat Hasan', email: REQUESTER },
        },
      });
      expect(opened.status).withContext(opened.text).toBe(201);
      closedNumber = opened.body.number as string;
      await ds
        .getRepository(TicketEntity)
        .update(
          { number: closedNumber },
          { status: 'closed', isOpen: false, closedAt: new Date(Date.now() - 30 * 86_400_000) },
        );

      // While the office serves, a new request from the known sender opens a ticket.
      const before = await ticketCount();
      const served = await post(mail('Permohonan akun e-mail', 'Mohon akun e-mail dinas.'));
      expect(served.body.action).withContext(served.text).toBe('created');
      expect(await ticketCount()).toBe(before + 1);
      await ds
        .getRepository(TicketEntity)
        .update({ number: served.body.ticketNumber }, { status: 'closed', isOpen: false });

      const retired = await app.request('POST', '/api/v1/offices/gorontalo/retire', {
        token: await app.token('admin@sigap.local'),
      });
      expect(retired.status).withContext(retired.text).toBe(200);
    }, 60_000);

    it('holds a new request for an admin instead of opening a ticket, and will not release it', async () => {
      const before = await ticketCount();
      const res = await post(mail('Permohonan hosting baru', 'Mohon disediakan hosting.'));
      expect(res.status).withContext(res.text).toBe(202);
      expect(res.body.action).toBe('quarantined');
      expect(res.body.ticketNumber).toBeNull();
      expect(await ticketCount()).toBe(before);

      const admin = await app.token('admin@sigap.local');
      const list = await app.request('GET', '/api/v1/inbound/messages?status=quarantined', {
        token: admin,
      });
      expect(list.status).toBe(200);
      const held = list.body.find(
        (m: { messageId: string }) => m.messageId === res.body.messageId,
      ) as InboundMessageEntity | undefined;
      expect(held?.officeCode).toBe('gorontalo');
      expect(held?.reason).toContain(RETIRED_OFFICE_REASON);

      // Releasing it would open a ticket in the retired office: refused, the message stays held.
      const release = await app.request('POST', `/api/v1/inbound/messages/${held?.id}/release`, {
        token: admin,
      });
      expect(release.status).withContext(release.text).toBe(409);
      expect(await ticketCount()).toBe(before);
      const row = await ds.getRepository(InboundMessageEntity).findOneByOrFail({
        messageId: res.body.messageId,
      });
      expect(row.status).toBe('quarantined');
      // The admin can still discard it.
      const discard = await app.request('POST', `/api/v1/inbound/messages/${held?.id}/discard`, {
        token: admin,
      });
      expect(discard.status).withContext(discard.text).toBe(200);
      expect(discard.body.status).toBe('discarded');
    });

    it("still threads a reply to one of the office's tickets onto that ticket", async () => {
      const before = await ticketCount();
      const res = await post(
        mail(`Re: [#${closedNumber}] Permohonan subdomain dinas`, 'Terima kasih, sudah berjalan.'),
      );
      expect(res.body.action).withContext(res.text).toBe('appended');
      expect(res.body.ticketNumber).toBe(closedNumber);
      expect(await ticketCount()).toBe(before);
      const ticket = await ds.getRepository(TicketEntity).findOneByOrFail({ number: closedNumber });
      const entries = await ds.getRepository(TimelineEntryEntity).findBy({ ticketId: ticket.id });
      const received = entries.filter((e) => e.event === 'mail.received');
      expect(received.map((e) => e.body)).toContain('Terima kasih, sudah berjalan.');
    });
  },
  { SIGAP_INBOUND_TOKEN: TOKEN, SIGAP_MAIL_FROM: 'helpdesk@sigap.local' },
);
