import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { RequesterContactEntity } from '@sigap/api-opds';
import { OutboxEntity } from '@sigap/api-outbox';
import { TicketEntity } from '@sigap/api-tickets';
import { TimelineEntryEntity } from '@sigap/api-tickets';
import { REPO_ROOT, describeOnBothDatabases, type TestApp } from '../../testing/test-app';
import { InboundMessageEntity } from '@sigap/api-mail';

const FIXTURES = join(REPO_ROOT, 'libs/mail-threading/fixtures');
const TOKEN = 'token-masuk-0123456789abcdef';
const BOUNCED_ID = '<sigap.BALI-2026-000136.n1.p9o7i5@helpdesk.diskominfos.baliprov.go.id>';

describeOnBothDatabases(
  'inbound mail endpoint',
  (ctx) => {
    let app: TestApp;
    let ds: DataSource;

    const post = (file: string, token = TOKEN) =>
      app.request('POST', '/api/v1/inbound/mail', {
        raw: readFileSync(join(FIXTURES, file)),
        headers: { 'Content-Type': 'message/rfc822', Authorization: `Bearer ${token}` },
      });

    const openTicket = async (email: string, number: string) => {
      const res = await app.request('POST', '/api/v1/tickets', {
        token: await app.token('helpdesk.bali@sigap.local'),
        body: {
          office: 'bali',
          service: 'pengembangan-aplikasi',
          channel: 'email',
          subject: `Permohonan ${number}`,
          description: 'Permohonan uji.',
          requester: { name: 'Pemohon', email },
        },
      });
      expect(res.status).withContext(res.text).toBe(201);
      await ds.getRepository(TicketEntity).update({ number: res.body.number }, { number });
    };

    /** A new request (no thread) from `from`, as a mail client writes one. */
    const newRequest = (from: string, messageId: string) =>
      app.request('POST', '/api/v1/inbound/mail', {
        raw: Buffer.from(
          [
            `From: Pemohon Baru <${from}>`,
            'To: helpdesk@diskominfos.baliprov.go.id',
            'Subject: Permohonan pembuatan akun e-mail dinas',
            `Message-ID: ${messageId}`,
            'Date: Mon, 23 Nov 2026 09:00:00 +0800',
            'MIME-Version: 1.0',
            'Content-Type: text/plain; charset=utf-8',
            '',
            'Mohon dibuatkan akun e-mail dinas untuk pegawai baru.',
            '',
          ].join('\r\n'),
        ),
        headers: { 'Content-Type': 'message/rfc822', Authorization: `Bearer ${TOKEN}` },
      });
    const sequenceOf = (number: string) => Number(/-(\d+)$/.exec(number)?.[1]);
    const acknowledgements = async (number: string) =>
      (await ds.getRepository(OutboxEntity).findBy({ kind: 'ticket.received' })).filter(
        (o) => (JSON.parse(o.payload) as { ticket?: string }).ticket === number,
      ).length;

    const timeline = async (number: string) => {
      const t = await ds.getRepository(TicketEntity).findOneByOrFail({ number });
      return ds.getRepository(TimelineEntryEntity).find({ where: { ticketId: t.id } });
    };

    beforeAll(async () => {
      app = ctx();
      ds = app.app.get(DataSource);
      await openTicket('made.sudarsana@bkd.baliprov.go.id', 'BALI-2026-000123');
      await openTicket('kadek.surya@dispar.baliprov.go.id', 'BALI-2026-000136');
      // The address the Postfix DSN fixture reports as unknown.
      await openTicket('gusti.ngurah@dishub.baliprov.go.id', 'BALI-2026-000150');
      await ds.getRepository(OutboxEntity).insert({
        id: '00000000-0000-4000-8000-000000000136',
        kind: 'ticket.reply',
        payload: '{}',
        status: 'sent',
        createdAt: new Date(),
        attempts: 1,
        nextAttemptAt: new Date(),
        messageId: BOUNCED_ID,
        ticketNumber: 'BALI-2026-000136',
        // The address the Postfix DSN fixture reports: a report acts only for mail we sent there.
        recipient: 'gusti.ngurah@dishub.baliprov.go.id',
      });
    }, 60_000);

    it('answers 401 to a wrong token and keeps nothing', async () => {
      const res = await post('01-gmail-reply-en.eml', 'salah-salah-salah-salah');
      expect(res.status).toBe(401);
      expect(await ds.getRepository(InboundMessageEntity).count()).toBe(0);
      expect(existsSync(join(app.config.dataDir, 'mail', 'inbound'))).toBeFalse();
    });

    it('refuses a body that is not message/rfc822 (415)', async () => {
      const res = await app.request('POST', '/api/v1/inbound/mail', {
        raw: 'x',
        headers: { 'Content-Type': 'text/plain', Authorization: `Bearer ${TOKEN}` },
      });
      expect(res.status).toBe(415);
    });

    it('appends a reply via References, keeps raw and attachments, then sees the duplicate', async () => {
      const res = await post('22-reply-pdf-attachment.eml');
      expect(res.status).withContext(res.text).toBe(202);
      expect(res.body.action).toBe('appended');
      expect(res.body.ticketNumber).toBe('BALI-2026-000123');
      const entries = await timeline('BALI-2026-000123');
      const mail = entries.find((e) => e.event === 'mail.received');
      expect(mail?.kind).toBe('reply');
      const data = mail?.data as { messageId: string; attachments: { filename: string }[] };
      expect(data.messageId).toBe(res.body.messageId);
      expect(data.attachments.length).toBeGreaterThan(0);
      expect(data.attachments[0].filename).toMatch(/\.pdf$/i);
      const row = await ds.getRepository(InboundMessageEntity).findOneByOrFail({
        messageId: res.body.messageId,
      });
      expect(existsSync(join(app.config.dataDir, 'mail', 'inbound', `${row.sha256}.eml`))).toBe(
        true,
      );
      expect(readdirSync(join(app.config.dataDir, 'mail', 'attachments')).length).toBeGreaterThan(
        0,
      );

      const again = await post('22-reply-pdf-attachment.eml');
      expect(again.status).toBe(202);
      expect(again.body.action).toBe('duplicate');
      expect(
        (await timeline('BALI-2026-000123')).filter((e) => e.event === 'mail.received').length,
      ).toBe(1);
    });

    it('appends via the body marker and via the subject tag from a participant', async () => {
      const marker = await post('23-rewritten-message-id-marker.eml');
      expect([marker.body.action, marker.body.ticketNumber]).toEqual([
        'appended',
        'BALI-2026-000123',
      ]);
      const subject = await post('25-subject-tag-participant.eml');
      expect([subject.body.action, subject.body.ticketNumber]).toEqual([
        'appended',
        'BALI-2026-000123',
      ]);
      const first = await post('01-gmail-reply-en.eml');
      expect(first.body.action).toBe('appended');
    });

    it('opens a triage ticket (no service yet) for new mail from a known sender', async () => {
      const res = await post('12-forward-with-note.eml');
      expect(res.status).toBe(202);
      expect(res.body.action).toBe('created');
      expect(res.body.ticketNumber).toMatch(/^BALI-\d{4}-\d{6}$/);
      const row = await ds.getRepository(InboundMessageEntity).findOneByOrFail({
        messageId: res.body.messageId,
      });
      expect([row.status, row.ticketNumber]).toEqual(['processed', res.body.ticketNumber]);
      const ticket = await ds
        .getRepository(TicketEntity)
        .findOneByOrFail({ number: res.body.ticketNumber });
      expect([ticket.serviceId, ticket.status, ticket.channel]).toEqual([null, 'new', 'email']);
      const first = (await timeline(ticket.number)).find((e) => e.event === 'mail.received');
      expect((first?.data as { messageId: string }).messageId).toBe(res.body.messageId);
    });

    it("opens a known contact's request on that contact, and a known domain's on a new contact of its OPD", async () => {
      const contacts = ds.getRepository(RequesterContactEntity);
      const requester = (
        await ds.getRepository(TicketEntity).findOneByOrFail({ number: 'BALI-2026-000123' })
      ).requesterContactId;
      const known = await newRequest('made.sudarsana@bkd.baliprov.go.id', '<kenal-1@bkd.go.id>');
      expect([known.status, known.body.action]).withContext(known.text).toEqual([202, 'created']);
      const ticket = await ds
        .getRepository(TicketEntity)
        .findOneByOrFail({ number: known.body.ticketNumber });
      expect(ticket.requesterContactId).toBe(requester);
      expect(
        await contacts.countBy({ officeCode: 'bali', email: 'made.sudarsana@bkd.baliprov.go.id' }),
      ).toBe(1);

      const opd = await app.request('POST', '/api/v1/opds', {
        token: await app.token('admin@sigap.local'),
        body: { name: 'Dinas Uji Domain', office: 'bali', emailDomains: ['ujidomain.go.id'] },
      });
      expect(opd.status).withContext(opd.text).toBe(201);
      const byDomain = await newRequest('staf.baru@ujidomain.go.id', '<domain-1@ujidomain.go.id>');
      expect(byDomain.body.action).withContext(byDomain.text).toBe('created');
      const opened = await ds
        .getRepository(TicketEntity)
        .findOneByOrFail({ number: byDomain.body.ticketNumber });
      const contact = await contacts.findOneByOrFail({ id: opened.requesterContactId });
      expect([contact.email, contact.opdId, contact.officeCode]).toEqual([
        'staf.baru@ujidomain.go.id',
        opd.body.id,
        'bali',
      ]);
      expect(opened.opdId).toBe(opd.body.id);
    });

    it('answers a copy of a new request (later or at the same moment) as duplicate: one ticket, no number used', async () => {
      const from = 'kadek.surya@dispar.baliprov.go.id';
      const first = await newRequest(from, '<salinan-1@dispar.baliprov.go.id>');
      expect(first.body.action).withContext(first.text).toBe('created');
      const again = await newRequest(from, '<salinan-1@dispar.baliprov.go.id>');
      expect([again.status, again.body.action, again.body.ticketNumber]).toEqual([
        202,
        'duplicate',
        first.body.ticketNumber,
      ]);

      const both = await Promise.all([
        newRequest(from, '<salinan-2@dispar.baliprov.go.id>'),
        newRequest(from, '<salinan-2@dispar.baliprov.go.id>'),
      ]);
      expect(both.map((r) => r.status)).toEqual([202, 202]);
      expect(both.map((r) => r.body.action).sort()).toEqual(['created', 'duplicate']);
      expect(both[0].body.ticketNumber).toBe(both[1].body.ticketNumber);

      // The copies' rolled-back work took no ticket number and queued nothing.
      const next = await newRequest(from, '<salinan-3@dispar.baliprov.go.id>');
      expect(sequenceOf(both[0].body.ticketNumber)).toBe(sequenceOf(first.body.ticketNumber) + 1);
      expect(sequenceOf(next.body.ticketNumber)).toBe(sequenceOf(first.body.ticketNumber) + 2);
      for (const number of [first.body.ticketNumber, both[0].body.ticketNumber]) {
        expect(await acknowledgements(number))
          .withContext(number)
          .toBe(1);
        expect((await timeline(number)).filter((e) => e.event === 'mail.received').length).toBe(1);
      }
      expect(
        await ds.getRepository(InboundMessageEntity).countBy({
          messageId: '<salinan-2@dispar.baliprov.go.id>',
        }),
      ).toBe(1);
    });

    it('keeps a large HTML mail whole: the request opens and its body is on the timeline', async () => {
      // An Outlook mail with a long pasted table: about 300 KB of HTML, more than a TEXT column.
      const rows = Array.from(
        { length: 2500 },
        (_, i) =>
          `<tr><td style="border:1px solid #999;padding:4px">Aset ${i}</td><td>Server rak ${i % 40}</td><td>Ruang data lantai ${i % 3}</td></tr>`,
      ).join('\r\n');
      const html = `<html><body><p>Berikut daftar aset untuk inventarisasi aplikasi.</p><table>${rows}</table></body></html>`;
      const res = await app.request('POST', '/api/v1/inbound/mail', {
        raw: Buffer.from(
          [
            'From: Pemohon <made.sudarsana@bkd.baliprov.go.id>',
            'To: helpdesk@diskominfos.baliprov.go.id',
            'Subject: Inventarisasi aset aplikasi',
            'Message-ID: <besar-1@bkd.baliprov.go.id>',
            'Date: Mon, 23 Nov 2026 09:00:00 +0800',
            'MIME-Version: 1.0',
            'Content-Type: text/html; charset=utf-8',
            '',
            html,
            '',
          ].join('\r\n'),
        ),
        headers: { 'Content-Type': 'message/rfc822', Authorization: `Bearer ${TOKEN}` },
      });
      expect([res.status, res.body.action]).withContext(res.text).toEqual([202, 'created']);
      const entry = (await timeline(res.body.ticketNumber)).find(
        (e) => e.event === 'mail.received',
      );
      const stored = JSON.stringify(entry?.data ?? {});
      expect(stored.length).toBeGreaterThan(200_000);
      expect(stored).toContain('Aset 2499');
      // The description keeps what the form would take and says where the rest is.
      const ticket = await ds
        .getRepository(TicketEntity)
        .findOneByOrFail({ number: res.body.ticketNumber });
      expect(ticket.description.length).toBe(20_000);
      expect(ticket.description).toMatch(/isi lengkap e-mail ada di linimasa tiket\]$/);
    });

    it('records an auto-reply without touching the ticket or queueing mail', async () => {
      const before = await ds.getRepository(OutboxEntity).count();
      const res = await post('14-ooo-exchange-en.eml');
      expect(res.body.action).toBe('auto-reply');
      expect(await ds.getRepository(OutboxEntity).count()).toBe(before);
    });

    it('marks the outbound message failed on a bounce and shows it on the ticket', async () => {
      const res = await post('19-dsn-postfix.eml');
      expect(res.body.action).toBe('bounce');
      expect(res.body.ticketNumber).toBe('BALI-2026-000136');
      const out = await ds.getRepository(OutboxEntity).findOneByOrFail({ messageId: BOUNCED_ID });
      expect(out.status).toBe('failed');
      expect((await timeline('BALI-2026-000136')).some((e) => e.event === 'mail.failed')).toBe(
        true,
      );
      // The address the DSN names is flagged on its contact, and the contact API shows it.
      const contacts = await app.request('GET', '/api/v1/contacts?office=bali&q=gusti.ngurah', {
        token: await app.token('helpdesk.bali@sigap.local'),
      });
      expect(contacts.status).withContext(contacts.text).toBe(200);
      const [contact] = contacts.body;
      expect(contact.email).toBe('gusti.ngurah@dishub.baliprov.go.id');
      expect(Date.parse(contact.emailBouncedAt)).not.toBeNaN();
      expect(contact.emailBounceReason).toContain('5.1.1');
      const other = await app.request('GET', '/api/v1/contacts?office=bali&q=made.sudarsana', {
        token: await app.token('helpdesk.bali@sigap.local'),
      });
      expect(other.body[0].emailBouncedAt).toBeNull();
    });

    it('quarantines an unknown sender; an admin lists and releases it', async () => {
      const res = await post('35-unknown-sender.eml');
      expect(res.body.action).toBe('quarantined');
      const admin = await app.token('admin@sigap.local');
      const list = await app.request('GET', '/api/v1/inbound/messages?status=quarantined', {
        token: admin,
      });
      expect(list.status).toBe(200);
      const row = list.body.find((m: { messageId: string }) => m.messageId === res.body.messageId);
      expect(row).toBeDefined();
      const released = await app.request('POST', `/api/v1/inbound/messages/${row.id}/release`, {
        token: admin,
      });
      expect(released.status).withContext(released.text).toBe(200);
      expect(released.body.status).toBe('released');
      // Releasing opens a triage ticket for the message, its sender now a contact.
      const ticket = await ds
        .getRepository(TicketEntity)
        .findOneByOrFail({ number: released.body.ticketNumber });
      expect(ticket.serviceId).toBeNull();
      expect(ticket.createdBy).not.toBeNull();
      const twice = await app.request('POST', `/api/v1/inbound/messages/${row.id}/discard`, {
        token: admin,
      });
      expect(twice.status).toBe(404);
    });

    it('keeps malformed MIME and answers 202', async () => {
      for (const file of ['32-malformed-missing-boundary.eml', '33-malformed-bad-base64.eml']) {
        const res = await post(file);
        expect(res.status).withContext(`${file}: ${res.text}`).toBe(202);
        const row = await ds.getRepository(InboundMessageEntity).findOneByOrFail({
          messageId: res.body.messageId,
        });
        expect(row.size).toBeGreaterThan(0);
      }
    });
  },
  {
    SIGAP_INBOUND_TOKEN: TOKEN,
    SIGAP_MAIL_FROM: 'helpdesk@helpdesk.diskominfos.baliprov.go.id',
    SIGAP_MAIL_MARKER_SECRET: 'rahasia-uji-fixture',
  },
);

describeOnBothDatabases('inbound mail endpoint without a token configured', (ctx) => {
  it('answers 503 to a bearer and 401 without one', async () => {
    const raw = readFileSync(join(FIXTURES, '01-gmail-reply-en.eml'));
    const withBearer = await ctx().request('POST', '/api/v1/inbound/mail', {
      raw,
      headers: { 'Content-Type': 'message/rfc822', Authorization: `Bearer ${TOKEN}` },
    });
    expect(withBearer.status).toBe(503);
    const without = await ctx().request('POST', '/api/v1/inbound/mail', {
      raw,
      headers: { 'Content-Type': 'message/rfc822' },
    });
    expect(without.status).toBe(401);
  });
});
