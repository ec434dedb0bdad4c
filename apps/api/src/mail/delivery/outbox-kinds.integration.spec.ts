import { DataSource } from 'typeorm';
import { Clock } from '@sigap/api-clock';
import { UserEntity } from '@sigap/api-identity';
import { RequesterContactEntity } from '@sigap/api-opds';
import { OutboxEntity } from '@sigap/api-outbox';
import { OutboxService, type OutboxMessage } from '@sigap/api-outbox';
import { TicketStepEntity } from '@sigap/api-tickets';
import { TicketEntity } from '@sigap/api-tickets';
import { TimelineEntryEntity } from '@sigap/api-tickets';
import { DATABASES, type TestApp } from '../../testing/test-app';
import { baliEmailTicket } from '../../testing/ticket-bodies';
import { AUTOMATIC_KINDS, OutboxWorker } from '@sigap/api-mail';
import { OUTBOX_MAIL_KINDS } from '@sigap/api-mail';
import { NotificationEntity } from '@sigap/api-notifications';
import { RecordingSmtp, appWithRecordingSmtp } from './testing/recording-smtp';

const REQUESTER = 'nyoman.sari@diskes.baliprov.go.id';
const NOTE_ID = '7d2c9a51-3b8e-4f0a-9c61-2f4e8d0b1a77';

for (const kind of DATABASES) {
  describe(`outbox worker: every kind through the templates [${kind}]`, () => {
    let app: TestApp;
    let smtp: RecordingSmtp;
    let worker: OutboxWorker;
    let clock: Clock;
    let ds: DataSource;
    let number: string;
    let agent: UserEntity;
    let kadis: UserEntity;
    let step: TicketStepEntity;

    const enqueue = (kindName: string, payload: Record<string, unknown>) =>
      app.app
        .get(OutboxService)
        // Any kind, known or not, as a row written by any version would be.
        .enqueue([{ kind: kindName, payload } as unknown as OutboxMessage], clock.now());
    const rowsOf = (kindName: string) =>
      ds.getRepository(OutboxEntity).find({ where: { kind: kindName } });
    const timeline = async () =>
      ds.getRepository(TimelineEntryEntity).find({
        where: { ticketId: (await ds.getRepository(TicketEntity).findOneByOrFail({ number })).id },
      });

    const running = appWithRecordingSmtp(kind, {
      SIGAP_PUBLIC_URL: 'https://sigap.example.go.id/',
      SIGAP_SLA_SWEEP_SECONDS: '0',
    });

    beforeAll(async () => {
      ({ app, smtp } = running);
      worker = app.app.get(OutboxWorker);
      clock = app.app.get(Clock);
      clock.set(Date.now());
      ds = app.app.get(DataSource);
      const users = ds.getRepository(UserEntity);
      agent = await users.findOneByOrFail({ email: 'helpdesk.bali@sigap.local' });
      kadis = await users.findOneByOrFail({ email: 'kadis.bali@sigap.local' });
      const token = await app.token('helpdesk.bali@sigap.local');
      const opened = await app.request('POST', '/api/v1/tickets', {
        token,
        body: baliEmailTicket(
          'Aplikasi antrean puskesmas',
          'Permohonan pembangunan aplikasi antrean.',
          { name: 'Nyoman Sari', email: REQUESTER },
        ),
      });
      expect(opened.status).withContext(opened.text).toBe(201);
      number = opened.body.number;
      const assigned = await app.request('POST', `/api/v1/tickets/${number}/assign`, {
        token,
        body: { userId: agent.id, expectedVersion: opened.body.version },
      });
      expect(assigned.status).withContext(assigned.text).toBe(200);
      const ticket = await ds.getRepository(TicketEntity).findOneByOrFail({ number });
      step = await ds.getRepository(TicketStepEntity).findOneOrFail({
        where: { ticketId: ticket.id, requesterSide: false },
        order: { stepOrder: 'ASC' },
      });
      // Whatever the ticket's own actions queued is not this test's business.
      await ds.getRepository(OutboxEntity).createQueryBuilder().delete().execute();
      // A colleague's mention of the agent, as the notifications domain stores it.
      await ds.getRepository(NotificationEntity).insert({
        id: NOTE_ID,
        userId: agent.id,
        officeCode: 'bali',
        kind: 'mentioned',
        ticketNumber: number,
        ticketSubject: 'Aplikasi antrean puskesmas',
        stepOrder: null,
        actorId: kadis.id,
        excerpt: 'Mohon cek kebutuhan servernya.',
        channel: 'email',
        createdAt: clock.now(),
        readAt: null,
        digestedAt: null,
      });
    }, 60_000);

    it('renders and sends every kind the tickets domain and the sweep write, threaded', async () => {
      const now = clock.now().getTime();
      const inTwoHours = new Date(now + 2 * 3600_000).toISOString();
      const twoHoursAgo = new Date(now - 2 * 3600_000).toISOString();
      const order = step.stepOrder;
      const rows: [string, Record<string, unknown>, string[], RegExp][] = [
        ['ticket.received', {}, [REQUESTER], /nomor tiket/],
        [
          'ticket.returned-to-requester',
          { reason: 'Surat belum bertanda tangan.' },
          [REQUESTER],
          /Surat belum bertanda tangan/,
        ],
        [
          'ticket.reply',
          { body: 'Mohon kirim daftar puskesmas.' },
          [REQUESTER],
          /Mohon kirim daftar puskesmas/,
        ],
        [
          'ticket.resolved',
          { note: 'Aplikasi sudah terpasang.' },
          [REQUESTER],
          /Aplikasi sudah terpasang/,
        ],
        [
          'survey.invitation',
          { invitation: 'AAAAAAAAAAAAAAAAAAAAAA', expiresAt: inTwoHours },
          [REQUESTER],
          /\/survei\/AAAAAAAAAAAAAAAAAAAAAA\./,
        ],
        [
          'ticket.step-assigned',
          { step: order, assigneeId: agent.id },
          [agent.email],
          /ditugaskan kepada Anda/,
        ],
        [
          'ticket.sla-at-risk',
          { recipients: [agent.id], dueAt: inTwoHours },
          [agent.email],
          /Sisa waktu/,
        ],
        [
          'ticket.sla-breached',
          { recipients: [agent.id], dueAt: twoHoursAgo },
          [agent.email],
          /.+/,
        ],
        [
          'ticket.step-sla-at-risk',
          { step: order, recipients: [agent.id], dueAt: inTwoHours },
          [agent.email],
          new RegExp(`langkah ${order}`),
        ],
        [
          'ticket.step-escalated',
          { step: order, recipients: [kadis.id], assigneeId: agent.id, dueAt: twoHoursAgo },
          [kadis.email],
          /atasan/,
        ],
        [
          'ticket.requester-replied',
          { recipients: [agent.id], from: REQUESTER, body: 'Daftar puskesmas terlampir.' },
          [agent.email],
          /Daftar puskesmas terlampir/,
        ],
        [
          'incident.major-update',
          { parent: number, body: 'Layanan dipulihkan bertahap.' },
          [REQUESTER],
          /Layanan dipulihkan bertahap/,
        ],
        ['notification', { notificationId: NOTE_ID }, [agent.email], /kebutuhan servernya/],
        // The ticket names itself as the merge target: only the mail's making matters here.
        ['ticket.merged', { target: number }, [REQUESTER], new RegExp(number)],
      ];
      // Every kind the worker knows is exercised here.
      expect(rows.map((r) => r[0]).sort()).toEqual(
        Object.keys(OUTBOX_MAIL_KINDS)
          // Not a ticket's mail (their own specs: auth, portal, notifications' digest).
          .filter(
            (k) =>
              k !== 'password-reset' && k !== 'portal.sign-in-link' && k !== 'notification.digest',
          )
          .sort(),
      );
      for (const [kindName, payload] of rows)
        await enqueue(kindName, { ticket: number, ...payload });

      const result = await worker.drain();
      expect([result.sent, result.failed, result.deferred]).toEqual([rows.length, 0, 0]);
      expect(smtp.messages.length).toBe(rows.length);

      const sentIds: string[] = [];
      for (const [kindName, , to, text] of rows) {
        const [row] = await rowsOf(kindName);
        expect(row.status).withContext(`${kindName}: ${row.lastError}`).toBe('sent');
        const got = smtp.byMessageId(row.messageId);
        expect(got).withContext(kindName).toBeDefined();
        expect(got?.to).withContext(kindName).toEqual(to);
        expect(got?.mail.subject).withContext(kindName).toContain(`[#${number}]`);
        expect(got?.mail.text ?? '')
          .withContext(kindName)
          .toMatch(text);
        expect(got?.mail.html || '')
          .withContext(kindName)
          .toContain('<');
        sentIds.push(row.messageId as string);
      }
      // One thread: every message but the first refers to earlier ones of the ticket.
      const withRefs = smtp.messages.filter((m) => {
        const refs = m.mail.references;
        return (Array.isArray(refs) ? refs.length : refs ? 1 : 0) > 0 && !!m.mail.inReplyTo;
      });
      expect(withRefs.length)
        .withContext(smtp.messages.map((m) => `${m.mail.subject} ${m.mail.inReplyTo}`).join('\n'))
        .toBe(rows.length - 1);
      for (const m of withRefs) {
        const refs = ([] as string[]).concat(m.mail.references ?? []);
        expect(refs.every((r) => sentIds.includes(r)))
          .withContext(refs.join(' '))
          .toBeTrue();
      }
      expect(new Set(sentIds).size).toBe(rows.length);
      const automatic = smtp.messages.filter(
        (m) => m.mail.headers.get('auto-submitted') === 'auto-generated',
      );
      const reply = await rowsOf('ticket.reply');
      expect(automatic.length).toBe(rows.length - 1); // all but the agent's own reply
      expect(automatic.some((m) => m.mail.messageId === reply[0].messageId)).toBeFalse();
    }, 60_000);

    it('fails a kind without a template permanently, with the reason on the ticket', async () => {
      await enqueue('ticket.unknown-kind', { ticket: number });
      const result = await worker.drain();
      expect([result.failed, result.sent]).toEqual([1, 0]);
      const [row] = await rowsOf('ticket.unknown-kind');
      expect(row.status).toBe('failed');
      expect(row.lastError).toMatch(/"ticket\.unknown-kind" tidak punya templat/);
      const entry = (await timeline()).find(
        (e) => e.event === 'mail.failed' && (e.data as { kind: string }).kind === row.kind,
      );
      expect(entry?.body).toContain('tidak punya templat');
    });

    it('holds the 4th automatic mail to a contact within 10 minutes, then sends it', async () => {
      const before = smtp.messages.length;
      // Three automatic mails went to the requester in the first test, just now.
      expect(AUTOMATIC_KINDS).toContain('ticket.received');
      await enqueue('ticket.received', { ticket: number });
      await enqueue('ticket.resolved', { ticket: number });
      await enqueue('ticket.reply', { ticket: number, body: 'Balasan petugas tidak dibatasi.' });
      const held = await worker.drain();
      expect([held.sent, held.deferred, held.failed]).toEqual([1, 2, 0]);
      expect(smtp.messages.length).toBe(before + 1);
      const waiting = (
        await ds.getRepository(OutboxEntity).find({ where: { status: 'pending' } })
      ).map((r) => r);
      expect(waiting.length).toBe(2);
      for (const r of waiting) {
        expect(r.attempts).toBe(0);
        expect(r.lastError).toContain('batas 3 e-mail otomatis per 10 menit');
        expect(r.nextAttemptAt.getTime()).toBeGreaterThan(clock.now().getTime());
      }
      clock.advance(9 * 60_000);
      expect((await worker.drain()).claimed).toBe(0);
      clock.advance(60_000 + 1000);
      const later = await worker.drain();
      expect(later.sent).toBe(2);
      expect(smtp.messages.length).toBe(before + 3);
    });

    it('skips automatic mail to a bounced address and says so on the timeline', async () => {
      clock.advance(11 * 60_000);
      await ds
        .getRepository(RequesterContactEntity)
        .update(
          { email: REQUESTER },
          { emailBouncedAt: clock.now(), emailBounceReason: `${REQUESTER}: 5.1.1` },
        );
      const before = smtp.messages.length;
      await enqueue('ticket.received', { ticket: number, marker: 'terpental' });
      const result = await worker.drain();
      expect([result.failed, result.sent]).toEqual([1, 0]);
      expect(smtp.messages.length).toBe(before);
      const row = (await rowsOf('ticket.received')).find((r) => r.payload.includes('terpental'));
      expect(row?.status).toBe('failed');
      expect(row?.lastError).toContain('ditandai terpental');
      const skipped = (await timeline()).filter((e) => e.event === 'mail.skipped');
      expect(skipped.length).toBe(1);
      expect(skipped[0].body).toContain(REQUESTER);
    });

    it('words the first-response alert on its own and each alert by its actual audience', async () => {
      const now = clock.now().getTime();
      const inOneHour = new Date(now + 3600_000).toISOString();
      const anHourAgo = new Date(now - 3600_000).toISOString();
      const tag = (n: number) => `audiens-${n}`;
      const cases: [string, Record<string, unknown>, RegExp, RegExp | null][] = [
        // The first response, to the ticket's agent.
        [
          'ticket.sla-at-risk',
          { clock: 'first-response', recipients: [agent.id], dueAt: inOneHour },
          /belum dibalas\. Batas tanggapan pertama/,
          /karena tiket ini ditugaskan kepada Anda/,
        ],
        // The ticket clock sent to the office's agents (not just the assignee): standing in.
        [
          'ticket.sla-breached',
          { clock: 'ticket', recipients: [agent.id, kadis.id], dueAt: anHourAgo },
          /melewati tenggat/,
          /sebagai petugas helpdesk/,
        ],
        // An escalation that found no supervisor went to the helpdesk agents.
        [
          'ticket.step-escalated',
          { step: step.stepOrder, recipients: [agent.id], assigneeId: null, dueAt: anHourAgo },
          /melewati tenggat/,
          /Tidak ada atasan aktif yang tercatat di atas jabatan/,
        ],
      ];
      const before = smtp.messages.length;
      for (const [i, [kindName, payload]] of cases.entries())
        await enqueue(kindName, { ticket: number, ...payload, marker: tag(i) });
      const result = await worker.drain();
      expect([result.sent, result.failed]).toEqual([cases.length, 0]);
      expect(smtp.messages.length).toBe(before + cases.length);
      const rows = await ds.getRepository(OutboxEntity).find();
      for (const [i, [kindName, , what, why]] of cases.entries()) {
        const row = rows.find((r) => r.kind === kindName && r.payload.includes(tag(i)));
        const got = smtp.byMessageId(row?.messageId)?.mail;
        expect(got?.text ?? '')
          .withContext(kindName)
          .toMatch(what);
        if (why)
          expect(got?.text ?? '')
            .withContext(kindName)
            .toMatch(why);
        expect(got?.text ?? '')
          .withContext(kindName)
          .not.toContain('sebagai atasan dari');
      }
      const first = smtp.byMessageId(rows.find((r) => r.payload.includes(tag(0)))?.messageId)?.mail;
      expect(first?.subject).toContain('Pemohon menunggu tanggapan pertama');
      expect(first?.text).not.toContain('Sisa waktu untuk tiket');
    });
  });
}
