/**
 * Hostile mail through the one inbound door (`POST /api/v1/inbound/mail`), on both databases:
 * the messages under `adversarial/` are templates filled with a fresh ticket's real data (its
 * number, a Message-ID we really sent, its marker). Each says what must happen and what must not:
 * no resumed clock, no reopening, no notice unless a participant wrote; nothing unsanitised shown;
 * the raw mail kept.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeMarker } from '@sigap/mail-threading';
import { DataSource, IsNull, Not } from 'typeorm';
import { UserEntity } from '@sigap/api-identity';
import { RequesterContactEntity } from '@sigap/api-opds';
import { OutboxEntity } from '@sigap/api-outbox';
import { describeOnBothDatabases, type TestApp } from '../../testing/test-app';
import { ClockEventEntity } from '@sigap/api-tickets';
import { TicketEntity } from '@sigap/api-tickets';
import { TimelineEntryEntity } from '@sigap/api-tickets';
import { OutboxWorker } from '@sigap/api-mail';
import { resolveMarkerSecret } from '@sigap/api-identity';
import { mailDomain } from '@sigap/api-mail';
import { InboundMailService } from '@sigap/api-mail';
import { InboundMessageEntity } from '@sigap/api-mail';

const TOKEN = 'token-adversarial-0123456789abcdef';
const DIR = join(__dirname, 'adversarial');
const AGENT = 'helpdesk.bali@sigap.local';

/** What a case's mail must do. */
type Outcome =
  | 'quarantined' // kept for an admin; the ticket untouched
  | 'third-party' // held on the ticket for an agent; the ticket untouched
  | 'appended' // a participant's genuine reply: acts as the requester's answer
  | 'created' // a known sender's new request: a triage ticket
  | 'auto-reply' // recorded; the ticket untouched
  | 'suspect-bounce' // kept for admins, changes nothing
  | 'bounce' // believed: the contact is flagged
  | 'too-large'; // refused with 413 before anything is decided

interface Case {
  file: string;
  outcome: Outcome;
  /** The fresh ticket is resolved (a reply would reopen it) instead of waiting. */
  resolved?: boolean;
}

const CASES: Case[] = [
  { file: '01-forged-in-reply-to-shape.eml', outcome: 'quarantined' },
  { file: '02-forged-references-chain.eml', outcome: 'quarantined' },
  { file: '03-forged-mac.eml', outcome: 'quarantined' },
  { file: '04-forged-id-other-domain.eml', outcome: 'quarantined' },
  { file: '05-forged-marker.eml', outcome: 'quarantined' },
  { file: '06-forged-legacy-marker.eml', outcome: 'quarantined' },
  { file: '07-genuine-id-stranger.eml', outcome: 'third-party' },
  { file: '08-genuine-marker-stranger.eml', outcome: 'third-party' },
  { file: '09-genuine-id-stranger-resolved.eml', outcome: 'third-party', resolved: true },
  { file: '10-legacy-id-stranger.eml', outcome: 'third-party' },
  { file: '11-legacy-id-requester.eml', outcome: 'appended' },
  { file: '12-legacy-marker-requester.eml', outcome: 'appended' },
  { file: '13-legacy-marker-stranger.eml', outcome: 'third-party' },
  { file: '14-spoofed-display-name.eml', outcome: 'third-party' },
  { file: '15-encoded-word-address.eml', outcome: 'third-party' },
  { file: '16-subject-ticket-number-stranger.eml', outcome: 'quarantined' },
  { file: '17-body-ticket-number-stranger.eml', outcome: 'quarantined' },
  { file: '18-header-injection-subject.eml', outcome: 'appended' },
  { file: '19-header-injection-display-name.eml', outcome: 'created' },
  { file: '20-oversized.eml', outcome: 'too-large' },
  { file: '21-nested-rfc822.eml', outcome: 'quarantined' },
  { file: '22-forged-bounce-unknown-id.eml', outcome: 'suspect-bounce' },
  { file: '23-forged-bounce-wrong-recipient.eml', outcome: 'suspect-bounce' },
  { file: '24-forged-bounce-no-id.eml', outcome: 'suspect-bounce' },
  { file: '25-genuine-bounce-recent.eml', outcome: 'bounce' },
  { file: '26-html-xss-reply.eml', outcome: 'appended' },
  { file: '27-html-xss-new-request.eml', outcome: 'created' },
  { file: '28-auto-reply-stranger-genuine-id.eml', outcome: 'auto-reply', resolved: true },
];

/** Markup that must never reach what the console shows. */
const UNSAFE =
  /<script|<iframe|<object|<embed|<svg|<math|<form|<input|<meta|<base|<link|<style|<noscript|\son[a-z]+\s*=|javascript:|vbscript:|data:text|expression\(|srcdoc/i;

const qEncode = (s: string) =>
  s.replace(/[^A-Za-z0-9-]/g, (c) => '=' + c.charCodeAt(0).toString(16).toUpperCase());

let serial = 0;

describeOnBothDatabases(
  'adversarial inbound mail',
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
    const notices = async (number: string) =>
      (await ds.getRepository(OutboxEntity).find({ where: { kind: 'ticket.requester-replied' } }))
        .map((r) => JSON.parse(r.payload) as { ticket: string })
        .filter((p) => p.ticket === number).length;
    const lastClock = async (number: string) =>
      (
        await ds.getRepository(ClockEventEntity).find({
          where: { ticketId: (await ticket(number)).id, clock: 'ticket' },
          order: { id: 'DESC' },
          take: 1,
        })
      )[0]?.type;

    /** A ticket of a fresh requester, assigned, mailed (our real Message-ID), waiting or resolved. */
    const freshTicket = async (resolved = false) => {
      serial++;
      const requester = `pemohon.${serial}.${randomBytes(3).toString('hex')}@diskes.baliprov.go.id`;
      const token = await app.token(AGENT);
      const opened = await app.request('POST', '/api/v1/tickets', {
        token,
        body: {
          office: 'bali',
          service: 'pengembangan-aplikasi',
          channel: 'email',
          subject: 'Permohonan aplikasi',
          description: 'Permohonan uji surat masuk.',
          requester: { name: 'Wayan Adi', email: requester },
        },
      });
      expect(opened.status).withContext(opened.text).toBe(201);
      const number = opened.body.number as string;
      const assigned = await app.request('POST', `/api/v1/tickets/${number}/assign`, {
        token,
        body: { userId: agentId, expectedVersion: opened.body.version },
      });
      expect(assigned.status).withContext(assigned.text).toBe(200);
      if (resolved) {
        await ds.getRepository(TicketEntity).update(
          { number },
          {
            status: 'resolved',
            isOpen: false,
            resolvedAt: new Date(Date.now() - 86_400_000),
          },
        );
      } else {
        const waiting = await app.request('POST', `/api/v1/tickets/${number}/return-to-requester`, {
          token,
          body: { reason: 'Surat belum ditandatangani.', expectedVersion: assigned.body.version },
        });
        expect(waiting.status).withContext(waiting.text).toBe(200);
      }
      await app.app.get(OutboxWorker).drain();
      const sent = await ds.getRepository(OutboxEntity).findOneOrFail({
        where: { ticketNumber: number, recipient: requester, messageId: Not(IsNull()) },
      });
      expect(sent.status).withContext(String(sent.lastError)).toBe('sent');
      // A Message-ID of the shape sent before ids were signed, kept on its outbox row.
      const nonce = randomBytes(8).toString('hex');
      const legacyId = `<sigap.${number}.n1.${nonce}@${mailDomain(app.config)}>`;
      await ds.getRepository(OutboxEntity).insert({
        id: randomUUID(),
        kind: 'ticket.received',
        payload: '{}',
        status: 'sent',
        createdAt: new Date(Date.now() - 30 * 86_400_000),
        sentAt: new Date(Date.now() - 30 * 86_400_000),
        attempts: 1,
        nextAttemptAt: new Date(),
        messageId: legacyId,
        ticketNumber: number,
        recipient: requester,
      });
      const marker = makeMarker(number, resolveMarkerSecret(app.config)).text;
      return {
        number,
        requester,
        sentId: sent.messageId as string,
        legacyId,
        marker,
        // The marker as mail sent before the MAC was lengthened carries it: 8 hex digits.
        legacyMarker: marker.replace(/:([0-9a-f]{8})[0-9a-f]{8}\]$/, ':$1]'),
      };
    };

    /** A contact we have not mailed for a month (its ticket's mail backdated). */
    const quietContact = async () => {
      const other = await freshTicket();
      const old = new Date(Date.now() - 30 * 86_400_000);
      await ds
        .getRepository(OutboxEntity)
        .update({ recipient: other.requester }, { sentAt: old, createdAt: old });
      return other.requester;
    };

    const fill = (
      file: string,
      t: Awaited<ReturnType<typeof freshTicket>>,
      other: string,
    ): Buffer => {
      let text = readFileSync(join(DIR, file), 'utf8');
      const values: Record<string, string> = {
        RUN: `adv.${Date.now()}.${++serial}`,
        TICKET: t.number,
        SENT_ID: t.sentId,
        LEGACY_ID: t.legacyId,
        MARKER: t.marker,
        LEGACY_MARKER: t.legacyMarker,
        DOMAIN: mailDomain(app.config),
        NONCE: randomBytes(4).toString('hex'),
        REQUESTER: t.requester,
        REQUESTER_Q: qEncode(t.requester),
        OTHER_CONTACT: other,
        // Over SIGAP_INBOUND_MAX_MB (1 MB here).
        PAD: ('Lampiran tertanam '.repeat(60) + '\n').repeat(1100),
      };
      text = text.replace(/\{\{([A-Z_]+)\}\}/g, (_, k: string) => {
        if (!(k in values)) throw new Error(`${file}: unknown placeholder ${k}`);
        return values[k];
      });
      return Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'utf8');
    };

    const inboundRow = (messageId: string) =>
      ds.getRepository(InboundMessageEntity).findOneByOrFail({ messageId });

    beforeAll(async () => {
      app = ctx();
      ds = app.app.get(DataSource);
      agentId = (await ds.getRepository(UserEntity).findOneByOrFail({ email: AGENT })).id;
    });

    it('has at least 20 messages, each with a case', () => {
      const files = readdirSync(DIR).filter((f) => f.endsWith('.eml'));
      expect(files.length).toBeGreaterThanOrEqual(20);
      expect(CASES.map((c) => c.file).sort()).toEqual(files.sort());
    });

    for (const c of CASES) {
      it(`${c.file}: ${c.outcome}`, async () => {
        const t = await freshTicket(c.resolved);
        const other = c.file.includes('bounce') ? await quietContact() : 'nobody@evil.example';
        const before = await ticket(t.number);
        const clockBefore = await lastClock(t.number);
        const noticesBefore = await notices(t.number);
        const repliesBefore = (await entries(t.number)).filter(
          (e) => e.event === 'mail.received',
        ).length;
        const flaggedBefore = await ds
          .getRepository(RequesterContactEntity)
          .countBy({ emailBouncedAt: Not(IsNull()) });
        const raw = fill(c.file, t, other);

        const res = await post(raw);
        if (c.outcome === 'too-large') {
          expect(res.status).withContext(res.text).toBe(413);
          expect(res.headers.get('content-type')).toContain('application/problem+json');
        } else {
          expect(res.status).withContext(res.text).toBe(202);
        }

        const after = await ticket(t.number);
        const untouched = async () => {
          expect([after.status, after.version, after.clockRound])
            .withContext('ticket')
            .toEqual([before.status, before.version, before.clockRound]);
          expect(await lastClock(t.number)).toBe(clockBefore);
          expect(await notices(t.number))
            .withContext('notices')
            .toBe(noticesBefore);
          expect((await entries(t.number)).filter((e) => e.event === 'mail.received').length).toBe(
            repliesBefore,
          );
        };

        if (c.outcome === 'too-large') {
          await untouched();
          return;
        }

        // Nothing lost: the row and the raw bytes, as received.
        const row = await inboundRow(res.body.messageId);
        const kept = await app.app.get(InboundMailService).readRaw(row.sha256);
        expect(kept.equals(raw)).withContext('raw mail kept').toBeTrue();
        // Header text is stored on one line.
        expect(row.subject ?? '').not.toMatch(/[\r\n]/);

        switch (c.outcome) {
          case 'quarantined': {
            expect([res.body.action, row.status]).toEqual(['quarantined', 'quarantined']);
            expect(res.body.ticketNumber).toBeNull();
            await untouched();
            break;
          }
          case 'third-party': {
            expect([res.body.action, row.status]).toEqual(['third-party', 'third-party']);
            expect(res.body.ticketNumber).toBe(t.number);
            await untouched();
            const held = (await entries(t.number)).find((e) => e.event === 'mail.third-party');
            expect(held?.kind).toBe('event');
            expect(held?.data?.['inboundId']).toBe(row.id);
            expect(String(held?.data?.['from'])).not.toBe(t.requester);
            // The requester's portal shows replies only: the held entry is not one.
            expect(held?.kind).not.toBe('reply');
            break;
          }
          case 'appended': {
            expect([res.body.action, row.status]).toEqual(['appended', 'processed']);
            expect(after.status).toBe('in-progress');
            expect(await notices(t.number)).toBe(noticesBefore + 1);
            const reply = (await entries(t.number))
              .filter((e) => e.event === 'mail.received')
              .at(-1);
            expect(String(reply?.data?.['subject'] ?? '')).not.toMatch(/[\r\n]/);
            const html = String(reply?.data?.['bodyHtml'] ?? '');
            expect(html).not.toMatch(UNSAFE);
            if (c.file.startsWith('26')) expect(html).toContain('<b>lengkap</b>');
            break;
          }
          case 'created': {
            expect(res.body.action).toBe('created');
            await untouched();
            const opened = await ticket(res.body.ticketNumber);
            expect(opened.subject).not.toMatch(/[\r\n]/);
            const first = (await entries(opened.number)).find((e) => e.event === 'mail.received');
            expect(String(first?.data?.['bodyHtml'] ?? '')).not.toMatch(UNSAFE);
            expect(String(first?.data?.['subject'] ?? '')).not.toMatch(/[\r\n]/);
            expect(row.summary ?? '').not.toMatch(UNSAFE);
            const contact = await ds
              .getRepository(RequesterContactEntity)
              .findOneByOrFail({ id: opened.requesterContactId as string });
            expect(contact.name ?? '').not.toMatch(/[\r\n]/);
            break;
          }
          case 'auto-reply': {
            expect([res.body.action, row.status]).toEqual(['auto-reply', 'processed']);
            await untouched();
            break;
          }
          case 'suspect-bounce': {
            expect([res.body.action, row.status]).toEqual(['bounce', 'suspect']);
            await untouched();
            expect(
              await ds
                .getRepository(RequesterContactEntity)
                .countBy({ emailBouncedAt: Not(IsNull()) }),
            ).toBe(flaggedBefore);
            const sent = await ds
              .getRepository(OutboxEntity)
              .findOneByOrFail({ messageId: t.sentId });
            expect(sent.status).toBe('sent');
            // Admins see it; others may not list inbound mail.
            const list = await app.request('GET', '/api/v1/inbound/messages?status=suspect', {
              token: await app.token('admin@sigap.local'),
            });
            expect(list.status).withContext(list.text).toBe(200);
            expect((list.body as { id: string }[]).some((m) => m.id === row.id)).toBeTrue();
            const denied = await app.request('GET', '/api/v1/inbound/messages?status=suspect', {
              token: await app.token(AGENT),
            });
            expect(denied.status).toBe(403);
            break;
          }
          case 'bounce': {
            expect([res.body.action, row.status]).toEqual(['bounce', 'processed']);
            const contact = await ds
              .getRepository(RequesterContactEntity)
              .findOneByOrFail({ email: t.requester });
            expect(contact.emailBouncedAt).not.toBeNull();
            break;
          }
        }
      });
    }

    describe('third-party mail held on a ticket', () => {
      const holdOne = async () => {
        const t = await freshTicket();
        const res = await post(fill('07-genuine-id-stranger.eml', t, 'nobody@evil.example'));
        expect(res.body.action).withContext(res.text).toBe('third-party');
        return { t, row: await inboundRow(res.body.messageId) };
      };
      const decide = async (number: string, id: string, what: string, user = AGENT) =>
        app.request('POST', `/api/v1/tickets/${number}/third-party-mail/${id}/${what}`, {
          token: await app.token(user),
        });

      it('an agent of the office accepts it: then it is the requester reply, once', async () => {
        const { t, row } = await holdOne();
        const before = await ticket(t.number);
        const noticesBefore = await notices(t.number);

        // A manager may read the ticket but not decide; another office's agent does not see it.
        expect((await decide(t.number, row.id, 'accept', 'kadis.bali@sigap.local')).status).toBe(
          403,
        );
        expect((await decide(t.number, row.id, 'accept', 'helpdesk.riau@sigap.local')).status).toBe(
          404,
        );
        expect((await decide(t.number, randomUUID(), 'accept')).status).toBe(404);
        const bad = await decide(t.number, 'bukan-uuid', 'accept');
        expect(bad.status).toBe(400);
        expect((await ticket(t.number)).version).toBe(before.version);

        const res = await decide(t.number, row.id, 'accept');
        expect(res.status).withContext(res.text).toBe(200);
        expect(res.body).toEqual(
          jasmine.objectContaining({ decision: 'accept', effect: 'answered', status: 'processed' }),
        );
        const after = await ticket(t.number);
        expect(after.status).toBe('in-progress');
        expect(await lastClock(t.number)).toBe('resume');
        expect(await notices(t.number)).toBe(noticesBefore + 1);
        const timeline = await entries(t.number);
        const reply = timeline.find((e) => e.event === 'mail.received');
        expect(reply?.data?.['inboundId']).toBe(row.id);
        expect(timeline.find((e) => e.event === 'mail.third-party')?.data?.['decision']).toBe(
          'accept',
        );
        expect(timeline.find((e) => e.event === 'mail.third-party-accepted')?.authorId).toBe(
          agentId,
        );
        const again = await decide(t.number, row.id, 'accept');
        expect(again.status).toBe(409);
        expect((await ticket(t.number)).version).toBe(after.version);
      });

      it('dismissed, it stays on record and changes nothing', async () => {
        const { t, row } = await holdOne();
        const before = await ticket(t.number);
        const res = await decide(t.number, row.id, 'dismiss');
        expect(res.status).withContext(res.text).toBe(200);
        expect(res.body).toEqual(
          jasmine.objectContaining({ decision: 'dismiss', effect: null, status: 'discarded' }),
        );
        const after = await ticket(t.number);
        expect([after.status, after.version]).toEqual([before.status, before.version]);
        expect((await inboundRow(row.messageId)).status).toBe('discarded');
        expect((await decide(t.number, row.id, 'accept')).status).toBe(409);
        // Not on another ticket either.
        const other = await freshTicket();
        expect((await decide(other.number, row.id, 'dismiss')).status).toBe(404);
      });
    });
  },
  {
    SIGAP_INBOUND_TOKEN: TOKEN,
    SIGAP_MAIL_FROM: 'helpdesk@helpdesk.diskominfos.baliprov.go.id',
    SIGAP_REOPEN_DAYS: '7',
    SIGAP_INBOUND_MAX_MB: '1',
  },
);
