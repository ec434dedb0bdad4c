import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { DataSource, In } from 'typeorm';
import { AuditEntryEntity } from '@sigap/api-audit';
import { UserEntity } from '@sigap/api-identity';
import { RequesterContactEntity } from '@sigap/api-opds';
import { OutboxEntity } from '@sigap/api-outbox';
import { ClockEventEntity } from '@sigap/api-tickets';
import { TicketStepEntity } from '@sigap/api-tickets';
import { TicketEntity } from '@sigap/api-tickets';
import { TimelineEntryEntity } from '@sigap/api-tickets';
import { OutboxWorker } from '@sigap/api-mail';
import { keptMailDir } from '@sigap/api-mail';
import { describeOnBothDatabases, type TestApp } from '../../testing/test-app';

const TOKEN = 'token-balasan-0123456789abcdef';
const REQUESTER = 'wayan.adi@diskes.baliprov.go.id';

let serial = 0;

/** A plain reply from the requester carrying the ticket tag in the subject. */
function reply(number: string, extraHeaders: string[] = [], body = 'Berkas sudah saya lampirkan.') {
  serial++;
  return Buffer.from(
    [
      `From: Wayan Adi <${REQUESTER}>`,
      'To: helpdesk@helpdesk.diskominfos.baliprov.go.id',
      `Subject: Re: [#${number}] Permohonan aplikasi`,
      `Message-ID: <balasan-${serial}-${Date.now()}@diskes.baliprov.go.id>`,
      'Date: Mon, 23 Nov 2026 09:00:00 +0800',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      ...extraHeaders,
      '',
      body,
      '',
    ].join('\r\n'),
  );
}

describeOnBothDatabases(
  'requester replies by e-mail',
  (ctx) => {
    let app: TestApp;
    let ds: DataSource;
    let agentId: string;

    const post = (raw: Buffer) =>
      app.request('POST', '/api/v1/inbound/mail', {
        raw,
        headers: { 'Content-Type': 'message/rfc822', Authorization: `Bearer ${TOKEN}` },
      });
    const ticket = (number: string) => ds.getRepository(TicketEntity).findOneByOrFail({ number });
    const entries = async (number: string) =>
      ds.getRepository(TimelineEntryEntity).find({
        where: { ticketId: (await ticket(number)).id },
        order: { id: 'ASC' },
      });
    const clockRows = async (number: string) =>
      ds.getRepository(ClockEventEntity).find({
        where: { ticketId: (await ticket(number)).id, clock: 'ticket' },
        order: { id: 'ASC' },
      });
    const notices = async (number: string) =>
      (await ds.getRepository(OutboxEntity).find({ where: { kind: 'ticket.requester-replied' } }))
        .map((r) => JSON.parse(r.payload))
        .filter((p) => p.ticket === number);

    /** Opens a ticket for the requester, assigned to the Bali helpdesk agent. */
    const openAssigned = async (): Promise<string> => {
      const token = await app.token('helpdesk.bali@sigap.local');
      const opened = await app.request('POST', '/api/v1/tickets', {
        token,
        body: {
          office: 'bali',
          service: 'pengembangan-aplikasi',
          channel: 'email',
          subject: 'Permohonan aplikasi',
          description: 'Permohonan uji balasan.',
          requester: { name: 'Wayan Adi', email: REQUESTER },
        },
      });
      expect(opened.status).withContext(opened.text).toBe(201);
      const number = opened.body.number as string;
      const assigned = await app.request('POST', `/api/v1/tickets/${number}/assign`, {
        token,
        body: { userId: agentId, expectedVersion: opened.body.version },
      });
      expect(assigned.status).withContext(assigned.text).toBe(200);
      return number;
    };

    const returnToRequester = async (number: string) => {
      const res = await app.request('POST', `/api/v1/tickets/${number}/return-to-requester`, {
        token: await app.token('helpdesk.bali@sigap.local'),
        body: {
          reason: 'Surat permohonan belum ditandatangani.',
          expectedVersion: (await ticket(number)).version,
        },
      });
      expect(res.status).withContext(res.text).toBe(200);
      expect(res.body.status).toBe('waiting');
    };

    beforeAll(async () => {
      app = ctx();
      ds = app.app.get(DataSource);
      agentId = (
        await ds.getRepository(UserEntity).findOneByOrFail({ email: 'helpdesk.bali@sigap.local' })
      ).id;
    });

    it('resumes a paused clock, records the contact as actor and notifies the assignee', async () => {
      const number = await openAssigned();
      await returnToRequester(number);
      const before = await ticket(number);
      expect((await clockRows(number)).at(-1)?.type).toBe('pause');

      const res = await post(reply(number));
      expect(res.status).withContext(res.text).toBe(202);
      expect([res.body.action, res.body.ticketNumber]).toEqual(['appended', number]);

      const after = await ticket(number);
      expect(after.status).toBe('in-progress');
      expect(after.version).toBe(before.version + 1);
      expect((await clockRows(number)).at(-1)?.type).toBe('resume');
      const timeline = await entries(number);
      const mail = timeline.find((e) => e.event === 'mail.received');
      expect(mail?.kind).toBe('reply');
      expect(mail?.authorId).toBeNull();
      const answered = timeline.find((e) => e.event === 'ticket.requester_answered');
      expect(answered?.authorId).toBeNull();
      const contact = await ds
        .getRepository(RequesterContactEntity)
        .findOneByOrFail({ email: REQUESTER, officeCode: 'bali' });
      expect((answered?.data as { actor: { contactId: string } }).actor.contactId).toBe(contact.id);
      const audit = await ds
        .getRepository(AuditEntryEntity)
        .findOneByOrFail({ entityId: number, action: 'ticket.requester_mail_answered' });
      expect(audit.actorId).toBe(contact.id);
      const sent = await notices(number);
      expect(sent.length).toBe(1);
      // The assignees of the active steps, and the ticket's own holder (its bell's default is a
      // mail at once), each once.
      const steps = await ds.getRepository(TicketStepEntity).find({
        where: { ticketId: after.id, status: 'active' },
      });
      const holders = steps.map((x) => x.assigneeId).filter((x): x is string => !!x);
      expect([...sent[0].recipients].sort()).toEqual([...new Set([...holders, agentId])].sort());
      expect(sent[0].body).toContain('Berkas sudah saya lampirkan.');
      expect(sent[0].effect).toBe('answered');

      // A second reply to a ticket already being worked on: appended, notified, versioned.
      const again = await post(reply(number, [], 'Tambahan: nomor surat 045/12.'));
      expect(again.body.action).toBe('appended');
      const later = await ticket(number);
      expect(later.status).toBe('in-progress');
      expect(later.version).toBe(after.version + 1);
      expect((await notices(number)).length).toBe(2);
    });

    it('keeps a plain-text reply whole beside its own words, for the workspace to fold', async () => {
      const number = await openAssigned();
      const body = [
        'Surat sudah kami tanda tangani.',
        '',
        'Pada Sen, 23 Nov 2026 pukul 08.00 Helpdesk <helpdesk@helpdesk.diskominfos.baliprov.go.id> menulis:',
        '> Mohon surat permohonan ditandatangani.',
        '>',
        '> > Permohonan aplikasi untuk Dinas Kesehatan.',
      ].join('\r\n');
      const res = await post(reply(number, [], body));
      expect(res.status).withContext(res.text).toBe(202);
      const mail = (await entries(number)).filter((e) => e.event === 'mail.received').at(-1);
      expect(mail?.body).toBe('Surat sudah kami tanda tangani.');
      const data = mail?.data as { bodyText: string; fullText?: string };
      expect(data.bodyText).toBe('Surat sudah kami tanda tangani.');
      expect(data.fullText?.replace(/\r\n/g, '\n').trim()).toBe(body.replace(/\r\n/g, '\n'));

      // A reply with nothing quoted keeps no second copy.
      await post(reply(number, [], 'Terima kasih.'));
      const plain = (await entries(number)).filter((e) => e.event === 'mail.received').at(-1);
      expect(plain?.body).toBe('Terima kasih.');
      expect((plain?.data as Record<string, unknown>)['fullText']).toBeUndefined();
    });

    it("sends the staff its own notice (not the agent's reply), naming what the reply did", async () => {
      const number = await openAssigned();
      await returnToRequester(number);
      const res = await post(
        reply(number, [], 'Surat permohonan sudah ditandatangani Kepala Dinas.'),
      );
      expect(res.body.action).withContext(res.text).toBe('appended');
      const [notice] = await notices(number);
      expect(notice).toBeDefined();

      const kept = keptMailDir(app.config);
      const listKept = () => {
        try {
          return new Set(readdirSync(kept));
        } catch {
          return new Set<string>();
        }
      };
      const before = listKept();
      await app.app.get(OutboxWorker).drain();
      const row = await ds
        .getRepository(OutboxEntity)
        .findOneByOrFail({ kind: 'ticket.requester-replied', ticketNumber: number });
      expect(row.status).withContext(String(row.lastError)).toBe('sent');

      const added = [...listKept()].filter((f) => !before.has(f));
      const mails = await Promise.all(
        added.map(async (f) => simpleParser(readFileSync(join(kept, f)))),
      );
      const said = 'Surat permohonan sudah ditandatangani Kepala Dinas.';
      const mail = mails.find((m) => m.text?.includes(said) && m.text.includes(number));
      expect(mail)
        .withContext(mails.map((m) => m.subject).join(' | '))
        .toBeDefined();
      expect(mail?.subject).toContain('Balasan pemohon');
      // To the holders of the active steps and the ticket's own holder, in one mail.
      const staff = await ds.getRepository(UserEntity).findBy({ id: In(notice.recipients) });
      expect(notice.recipients.length).toBe(2);
      expect(
        (mail?.to && 'value' in mail.to ? mail.to.value.map((a) => a.address) : []).sort(),
      ).toEqual(staff.map((u) => u.email).sort());
      expect(staff.map((u) => u.email)).toContain('helpdesk.bali@sigap.local');
      // No second, thinner notice to the ticket's holder.
      expect(mails.filter((m) => m.text?.includes(said)).length).toBe(1);
      expect(mail?.text).toContain('jam layanan berjalan kembali');
      expect(mail?.text).toContain(REQUESTER);
      // Never to the requester: the notice is for staff.
      expect(JSON.stringify(mail?.to)).not.toContain(REQUESTER);
    });

    it('takes replies to one ticket arriving at the same moment, none lost', async () => {
      const number = await openAssigned();
      const before = await ticket(number);
      const results = await Promise.all(
        [1, 2, 3, 4, 5].map((i) => post(reply(number, [], `Tambahan data ke-${i}.`))),
      );
      expect(results.map((r) => r.status))
        .withContext(results.map((r) => r.text).join('\n'))
        .toEqual([202, 202, 202, 202, 202]);
      expect(results.map((r) => r.body.action)).toEqual(Array(5).fill('appended'));
      expect((await ticket(number)).version).toBe(before.version + 5);
      const bodies = (await entries(number))
        .filter((e) => e.event === 'mail.received')
        .map((e) => e.body)
        .sort();
      expect(bodies).toEqual([1, 2, 3, 4, 5].map((i) => `Tambahan data ke-${i}.`));
    });

    it('an auto-reply never counts as the answer, never changes the ticket, never queues mail', async () => {
      const number = await openAssigned();
      await returnToRequester(number);
      const before = await ticket(number);
      const outbox = await ds.getRepository(OutboxEntity).count();
      const res = await post(
        reply(number, ['Auto-Submitted: auto-replied'], 'Saya sedang cuti sampai 30 November.'),
      );
      expect(res.body.action).toBe('auto-reply');
      const after = await ticket(number);
      expect([after.status, after.version]).toEqual(['waiting', before.version]);
      expect((await clockRows(number)).at(-1)?.type).toBe('pause');
      expect(await ds.getRepository(OutboxEntity).count()).toBe(outbox);
      expect((await entries(number)).some((e) => e.event === 'mail.received')).toBeFalse();
    });

    it('reopens a resolved ticket within SIGAP_REOPEN_DAYS, and only then', async () => {
      const recent = await openAssigned();
      const old = await openAssigned();
      const now = Date.now();
      for (const [number, days] of [
        [recent, 2],
        [old, 9],
      ] as const) {
        await ds
          .getRepository(TicketEntity)
          .update(
            { number },
            { status: 'resolved', isOpen: false, resolvedAt: new Date(now - days * 86_400_000) },
          );
      }
      const r1 = await post(reply(recent, [], 'Aplikasinya masih galat saat login.'));
      expect(r1.body.action).toBe('appended');
      const reopened = await ticket(recent);
      expect([reopened.status, reopened.isOpen, reopened.clockRound]).toEqual([
        'reopened',
        true,
        2,
      ]);
      expect(reopened.resolvedAt).toBeNull();
      const event = (await entries(recent)).find((e) => e.event === 'ticket.reopened');
      expect((event?.data as { via: string }).via).toBe('email');

      const before = await ticket(old);
      const r2 = await post(reply(old, [], 'Terima kasih.'));
      expect(r2.body.action).toBe('appended');
      const kept = await ticket(old);
      expect([kept.status, kept.clockRound]).toEqual(['resolved', 1]);
      expect(kept.version).toBe(before.version + 1);
      expect((await entries(old)).some((e) => e.event === 'ticket.reopened')).toBeFalse();

      // An auto-reply to a freshly resolved ticket does not reopen it.
      const fresh = await openAssigned();
      await ds
        .getRepository(TicketEntity)
        .update({ number: fresh }, { status: 'resolved', isOpen: false, resolvedAt: new Date() });
      const auto = await post(reply(fresh, ['X-Autoreply: yes'], 'Out of office.'));
      expect(auto.body.action).toBe('auto-reply');
      expect((await ticket(fresh)).status).toBe('resolved');
    });
  },
  {
    SIGAP_INBOUND_TOKEN: TOKEN,
    SIGAP_MAIL_FROM: 'helpdesk@helpdesk.diskominfos.baliprov.go.id',
    SIGAP_REOPEN_DAYS: '7',
  },
);
