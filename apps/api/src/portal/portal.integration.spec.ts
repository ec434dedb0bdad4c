import type {
  PortalMe,
  PortalRequestDetail,
  PortalRequestSummary,
  PortalServiceView,
  PortalTrackingView,
  TicketDetail,
} from '@sigap/contracts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { DataSource } from 'typeorm';
import { AttachmentEntity } from '@sigap/api-attachments';
import { AuditEntryEntity } from '@sigap/api-audit';
import { Clock } from '@sigap/api-clock';
import { AppConfig } from '@sigap/api-config';
import { preparerFor } from '@sigap/api-mail';
import { OutboxWorker } from '@sigap/api-mail';
import { RequesterContactEntity } from '@sigap/api-opds';
import { OutboxEntity } from '@sigap/api-outbox';
import { describeOnBothDatabases, type TestApp } from '../testing/test-app';
import { ChecklistItemEntity } from '@sigap/api-tickets';
import { SystemActionsService } from '@sigap/api-tickets';
import { TicketEntity } from '@sigap/api-tickets';
import { TimelineEntryEntity } from '@sigap/api-tickets';
import { LINK_LIMIT_PER_ADDRESS, LINK_LIMIT_PER_IP, linkSentMessage } from '@sigap/api-portal';
import { makeTrackingToken, trackingKey } from '@sigap/api-tickets';

/** A portal session as a browser holds it. */
interface Session {
  cookie: string;
  csrf: string;
  setCookies: string[];
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489',
  'hex',
);

describeOnBothDatabases(
  'requester portal',
  (ctx) => {
    let app: TestApp;
    let ds: DataSource;
    let counter = 0;
    const opds: Record<string, string> = {};

    const unique = (local: string, domain: string) => `${local}.${++counter}@${domain}`;

    async function createOpd(office: string, name: string, domain: string): Promise<string> {
      const res = await app.request('POST', '/api/v1/opds', {
        token: await app.token('admin@sigap.local'),
        body: { office, name, emailDomains: [domain] },
      });
      expect(res.status).withContext(res.text).toBe(201);
      return res.body.id as string;
    }

    /** Link payloads written for an address (the link is written just after the answer). */
    async function linkPayloads(email: string, atLeast = 1): Promise<{ token: string }[]> {
      let mine: { email: string; token: string }[] = [];
      for (let i = 0; i < 40; i++) {
        const rows = await ds
          .getRepository(OutboxEntity)
          .find({ where: { kind: 'portal.sign-in-link' }, order: { createdAt: 'ASC' } });
        mine = rows
          .map((r) => JSON.parse(r.payload) as { email: string; token: string })
          .filter((p) => p.email === email);
        if (mine.length >= atLeast) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return mine;
    }

    async function linkToken(email: string, atLeast = 1): Promise<string> {
      const mine = await linkPayloads(email, atLeast);
      expect(mine.length).withContext(`no link for ${email}`).toBeGreaterThanOrEqual(atLeast);
      return mine[mine.length - 1].token;
    }

    async function signIn(email: string): Promise<Session> {
      const link = await app.request('POST', '/api/v1/portal/auth/link', { body: { email } });
      expect(link.status).withContext(link.text).toBe(202);
      const token = await linkToken(email);
      const res = await app.request<PortalMe>('POST', '/api/v1/portal/auth/session', {
        body: { token },
      });
      expect(res.status).withContext(res.text).toBe(200);
      const setCookies = res.headers.getSetCookie();
      const cookie = setCookies.map((c) => c.split(';')[0]).join('; ');
      return { cookie, csrf: res.body.csrfToken, setCookies };
    }

    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs read loosely typed bodies
    function portal<T = any>(
      s: Session | null,
      method: string,
      path: string,
      body?: unknown,
      csrf: string | null = s?.csrf ?? null,
    ) {
      const headers: Record<string, string> = {};
      if (s) headers['Cookie'] = s.cookie;
      if (csrf) headers['X-Sigap-Portal-Csrf'] = csrf;
      return app.request<T>(method, `/api/v1/portal${path}`, { body, headers });
    }

    async function upload(
      s: Session | null,
      number: string,
      file: Buffer,
      name: string,
      item?: string,
      csrf: string | null = s?.csrf ?? null,
    ) {
      const form = new FormData();
      if (item) form.append('item', item);
      form.append('file', new Blob([new Uint8Array(file)]), name);
      const headers: Record<string, string> = { 'X-Forwarded-For': app.freshIp() };
      if (s) headers['Cookie'] = s.cookie;
      if (csrf) headers['X-Sigap-Portal-Csrf'] = csrf;
      const res = await fetch(
        `${app.baseUrl}/api/v1/portal/requests/${encodeURIComponent(number)}/attachments`,
        { method: 'POST', body: form, headers },
      );
      const text = await res.text();
      return { status: res.status, text, body: text ? JSON.parse(text) : null };
    }

    beforeAll(async () => {
      app = ctx();
      ds = app.app.get(DataSource);
      opds['diskes'] = await createOpd(
        'gorontalo',
        'Dinas Kesehatan',
        'diskes.gorontaloprov.go.id',
      );
      opds['dikbud'] = await createOpd(
        'gorontalo',
        'Dinas Pendidikan dan Kebudayaan',
        'dikbud.gorontaloprov.go.id',
      );
      opds['dinkes-bali'] = await createOpd('bali', 'Dinas Kesehatan', 'dinkes.baliprov.go.id');
    }, 60_000);

    describe('sign-in link', () => {
      it('answers known and unknown addresses alike; mails and registers only the known', async () => {
        const known = unique('ani', 'diskes.gorontaloprov.go.id');
        const stranger = unique('someone', 'gmail.com');
        const a = await app.request('POST', '/api/v1/portal/auth/link', { body: { email: known } });
        const b = await app.request('POST', '/api/v1/portal/auth/link', {
          body: { email: stranger },
        });
        expect(a.status).toBe(202);
        expect(b.status).toBe(202);
        expect(a.text).toBe(b.text);
        expect(a.body.message).toBe(linkSentMessage(app.config));
        expect(a.body.message).toContain('15 menit');

        expect((await linkPayloads(known)).length).toBe(1);
        expect((await linkPayloads(stranger, 0)).length).toBe(0);

        const contact = await ds.getRepository(RequesterContactEntity).findOneBy({ email: known });
        expect(contact?.opdId).toBe(opds['diskes']);
        expect(contact?.officeCode).toBe('gorontalo');
        expect(await ds.getRepository(RequesterContactEntity).findOneBy({ email: stranger })).toBe(
          null,
        );
      });

      it('sends the link by mail through the outbox; the token leaves the outbox once sent', async () => {
        const email = unique('gilang', 'diskes.gorontaloprov.go.id');
        await app.request('POST', '/api/v1/portal/auth/link', { body: { email } });
        const token = await linkToken(email);
        const result = await app.app.get(OutboxWorker).drain();
        expect(result.failed).toBe(0);
        const rows = await ds.getRepository(OutboxEntity).findBy({ kind: 'portal.sign-in-link' });
        const row = rows.find((r) => r.recipient === email);
        expect(row?.status).toBe('sent');
        expect(row?.payload).not.toContain(token);
        const kept = join(app.config.dataDir, 'mail', 'kept');
        const mails = await Promise.all(
          readdirSync(kept).map((f) => simpleParser(readFileSync(join(kept, f)))),
        );
        const mail = mails.find((m) => (m.text ?? '').includes(token));
        expect(mail?.text).toContain(`https://sigap.example.go.id/portal/masuk?token=${token}`);
        expect(mail?.subject).toContain('Tautan masuk portal layanan');
      });

      it('refuses a malformed address with a field error', async () => {
        const res = await app.request('POST', '/api/v1/portal/auth/link', {
          body: { email: 'not-an-address' },
        });
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect(res.body.errors[0].path).toBe('email');
      });

      it('a link works once, and not after 15 minutes', async () => {
        const email = unique('budi', 'diskes.gorontaloprov.go.id');
        await app.request('POST', '/api/v1/portal/auth/link', { body: { email } });
        const token = await linkToken(email);
        const first = await portal(null, 'POST', '/auth/session', { token });
        expect(first.status).toBe(200);
        const again = await portal(null, 'POST', '/auth/session', { token });
        expect(again.status).toBe(400);
        expect(again.body.code).toBe('portal.link_invalid');

        await app.request('POST', '/api/v1/portal/auth/link', { body: { email } });
        const late = await linkToken(email, 2);
        const clock = app.app.get(Clock);
        clock.set(Date.now() + 16 * 60_000);
        try {
          const res = await portal(null, 'POST', '/auth/session', { token: late });
          expect(res.status).toBe(400);
        } finally {
          clock.release();
        }
        const forged = await portal(null, 'POST', '/auth/session', { token: 'x'.repeat(43) });
        expect(forged.status).toBe(400);
      });

      it('limits requests per address and per client address (429 with Retry-After)', async () => {
        const email = unique('citra', 'diskes.gorontaloprov.go.id');
        const statuses: number[] = [];
        for (let i = 0; i <= LINK_LIMIT_PER_ADDRESS; i++) {
          const res = await app.request('POST', '/api/v1/portal/auth/link', { body: { email } });
          statuses.push(res.status);
          if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
        }
        expect(statuses.slice(0, LINK_LIMIT_PER_ADDRESS).every((s) => s === 202)).toBeTrue();
        expect(statuses[LINK_LIMIT_PER_ADDRESS]).toBe(429);

        // One client asking for many different addresses (known or not) is stopped as well.
        const ip = app.freshIp();
        const fromIp: number[] = [];
        for (let i = 0; i <= LINK_LIMIT_PER_IP; i++) {
          const res = await app.request('POST', '/api/v1/portal/auth/link', {
            body: { email: unique('probe', i % 2 ? 'gmail.com' : 'diskes.gorontaloprov.go.id') },
            headers: { 'X-Forwarded-For': ip },
          });
          fromIp.push(res.status);
        }
        expect(fromIp.slice(0, LINK_LIMIT_PER_IP).every((s) => s === 202)).toBeTrue();
        expect(fromIp[LINK_LIMIT_PER_IP]).toBe(429);
      });

      it('sets an HttpOnly SameSite=Lax session cookie, Secure behind HTTPS', async () => {
        const s = await signIn(unique('dewi', 'diskes.gorontaloprov.go.id'));
        const session = s.setCookies.find((c) => c.startsWith('sigap_portal='));
        const csrf = s.setCookies.find((c) => c.startsWith('sigap_portal_csrf='));
        expect(session).toMatch(/HttpOnly/i);
        expect(session).toMatch(/SameSite=Lax/i);
        expect(session).toMatch(/Path=\/api\/v1\/portal/);
        expect(session).not.toMatch(/Secure/i);
        expect(csrf).not.toMatch(/HttpOnly/i);

        const email = unique('eko', 'diskes.gorontaloprov.go.id');
        await app.request('POST', '/api/v1/portal/auth/link', { body: { email } });
        const res = await app.request('POST', '/api/v1/portal/auth/session', {
          body: { token: await linkToken(email) },
          headers: { 'X-Forwarded-Proto': 'https' },
        });
        expect(res.headers.getSetCookie().every((c) => /;\s*Secure/i.test(c))).toBeTrue();
      });

      it('signs out: the session no longer works', async () => {
        const s = await signIn(unique('fajar', 'diskes.gorontaloprov.go.id'));
        expect((await portal(s, 'GET', '/me')).status).toBe(200);
        expect((await portal(s, 'POST', '/auth/logout', undefined, 'wrong')).status).toBe(403);
        expect((await portal(s, 'POST', '/auth/logout')).status).toBe(204);
        expect((await portal(s, 'GET', '/me')).status).toBe(401);
      });
    });

    describe('a request from submission to the answer', () => {
      let s: Session;
      let number: string;

      beforeAll(async () => {
        s = await signIn(unique('ani.rahma', 'diskes.gorontaloprov.go.id'));
      });

      it('lists the office services with their required documents', async () => {
        const res = await portal<PortalServiceView[]>(s, 'GET', '/services');
        expect(res.status).toBe(200);
        const service = res.body.find((x) => x.code === 'pengembangan-aplikasi');
        expect(service?.requirements.map((r) => r.code)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
        expect(service?.submissionNote).toContain('layanan.gorontaloprov.go.id');
      });

      it('opens a ticket on channel portal; the current step is a position, not a person', async () => {
        const res = await portal<PortalRequestDetail>(s, 'POST', '/requests', {
          service: 'pengembangan-aplikasi',
          subject: 'Pengembangan aplikasi e-Puskesmas',
          description: 'Usulan pengembangan aplikasi pendaftaran puskesmas.',
        });
        expect(res.status).withContext(res.text).toBe(201);
        number = res.body.number;
        const stored = await ds.getRepository(TicketEntity).findOneByOrFail({ number });
        expect(stored.channel).toBe('portal');
        expect(stored.opdId).toBe(opds['diskes']);
        expect(res.body.missing).toBe(5);
        expect(res.body.office.zone).toBe('WITA');
        expect(res.body.currentSteps.map((x) => x.position)).toEqual(['Tim Kerja Helpdesk']);
        expect(res.text).not.toContain('@sigap.local');
        expect(res.body.checklist.every((c) => c.status === 'missing')).toBeTrue();
      });

      it('refuses an unknown service, an empty subject and extra fields', async () => {
        const a = await portal(s, 'POST', '/requests', {
          service: 'tidak-ada',
          subject: 'x',
          description: 'y',
        });
        expect(a.status).toBe(422);
        expect(a.body.code).toBe('ticket.unknown_service');
        const b = await portal(s, 'POST', '/requests', {
          service: 'pengembangan-aplikasi',
          subject: '   ',
          description: 'y',
        });
        expect(b.status).toBe(400);
        expect(b.body.errors[0].path).toBe('subject');
        const c = await portal(s, 'POST', '/requests', {
          service: 'pengembangan-aplikasi',
          subject: 'x',
          description: 'y',
          office: 'bali',
        });
        expect(c.status).toBe(400);
      });

      it('takes documents against checklist lines: PDF yes, an image or an unknown line no', async () => {
        for (const code of ['r1', 'r2', 'r3', 'r4']) {
          const res = await upload(s, number, PDF, `${code}.pdf`, code);
          expect(res.status).withContext(res.text).toBe(201);
        }
        const png = await upload(s, number, PNG, 'r5.png', 'r5');
        expect(png.status).toBe(400);
        const disguised = await upload(s, number, PNG, 'r5.pdf', 'r5');
        expect(disguised.status).toBe(400);
        const unknown = await upload(s, number, PDF, 'r9.pdf', 'r9');
        expect(unknown.status).toBe(400);
        expect(unknown.body.errors[0].path).toBe('item');

        const detail = await portal<PortalRequestDetail>(s, 'GET', `/requests/${number}`);
        expect(detail.body.missing).toBe(1);
        // The upload limit is published so the page can refuse an oversized file before sending.
        expect(detail.body.uploadMaxBytes).toBe(25 * 1024 * 1024);
        const r1 = detail.body.checklist.find((c) => c.code === 'r1');
        expect(r1?.status).toBe('received');
        expect(r1?.files.length).toBe(1);
        const file = await portal(s, 'GET', r1!.files[0].href.replace('/api/v1/portal', ''));
        expect(file.status).toBe(200);
        expect(file.headers.get('content-disposition')).toMatch(/^attachment/);
        expect(file.text.startsWith('%PDF')).toBeTrue();
      });

      it('records a document in one transaction: a failure leaves no file row, mark or audit', async () => {
        const ticket = await ds.getRepository(TicketEntity).findOneByOrFail({ number });
        const count = async () => ({
          files: await ds.getRepository(AttachmentEntity).countBy({ ticketId: ticket.id }),
          audit: await ds
            .getRepository(AuditEntryEntity)
            .countBy({ entityId: number, action: 'attachment.uploaded' }),
          timeline: await ds.getRepository(TimelineEntryEntity).countBy({ ticketId: ticket.id }),
        });
        const before = await count();
        const actions = app.app.get(SystemActionsService);
        const original = actions.requesterDocuments.bind(actions);
        // The checklist mark is written, then something fails before the commit.
        spyOn(actions, 'requesterDocuments').and.callFake(async (m, input) => {
          await original(m, input);
          throw new Error('gangguan penyimpanan');
        });
        const failed = await upload(s, number, PDF, 'r5.pdf', 'r5');
        expect(failed.status).toBe(500);
        expect(await count()).toEqual(before);
        const line = await ds
          .getRepository(ChecklistItemEntity)
          .findOneByOrFail({ ticketId: ticket.id, code: 'r5' });
        expect(line.status).toBe('missing');
        expect(line.attachmentIds ?? []).toEqual([]);
        const stored = await ds.getRepository(TicketEntity).findOneByOrFail({ number });
        expect(stored.version).toBe(ticket.version);
      });

      it('an answer after "documents incomplete" resumes the clock and tells the assignee', async () => {
        const agent = await app.token('helpdesk.gorontalo@sigap.local');
        const act = async (path: string, body: Record<string, unknown> = {}) => {
          const now = await app.request<TicketDetail>('GET', `/api/v1/tickets/${number}`, {
            token: agent,
          });
          const res = await app.request<TicketDetail>('POST', `/api/v1/tickets/${number}/${path}`, {
            token: agent,
            body: { expectedVersion: now.body.version, ...body },
          });
          expect(res.status).withContext(`${path}: ${res.text}`).toBe(200);
          return res.body;
        };
        const r5 = await upload(s, number, PDF, 'spesifikasi.pdf', 'r5');
        expect(r5.status).toBe(201);
        // The helpdesk verifies the five documents: the service time starts ("lengkap").
        let t: TicketDetail | undefined;
        for (const code of ['r1', 'r2', 'r3', 'r4', 'r5'])
          t = await act(`checklist/${code}/verify`);
        expect(t?.clocks.ticket.state).toBe('running');
        // Then finds the BPMN wanting and returns the request: the clock pauses.
        await act('checklist/r3/reject', { reason: 'BPMN belum memuat alur persetujuan.' });
        const returned = await act('return-to-requester', { reason: 'Perbaiki dokumen BPMN.' });
        expect(returned.status).toBe('waiting');
        expect(returned.clocks.ticket.state).toBe('paused');

        const waiting = await portal<PortalRequestDetail>(s, 'GET', `/requests/${number}`);
        expect(waiting.body.status).toBe('waiting');
        expect(waiting.body.missing).toBe(1);
        expect(waiting.body.checklist.find((c) => c.code === 'r3')?.reason).toBe(
          'BPMN belum memuat alur persetujuan.',
        );

        const doc = await upload(s, number, PDF, 'bpmn-perbaikan.pdf', 'r3');
        expect(doc.status).toBe(201);
        const r3 = (doc.body as PortalRequestDetail).checklist.find((c) => c.code === 'r3');
        expect(r3?.status).toBe('received');
        // A document alone does not answer: the ticket still waits for the answer.
        expect((doc.body as PortalRequestDetail).status).toBe('waiting');
        const fresh = r3!.files.find((f) => f.fileName === 'bpmn-perbaikan.pdf');

        const answer = await portal<PortalRequestDetail>(s, 'POST', `/requests/${number}/answers`, {
          body: 'BPMN sudah kami perbaiki.',
          attachmentIds: [fresh!.id],
        });
        expect(answer.status).withContext(answer.text).toBe(201);
        expect(answer.body.status).toBe('in-progress');
        expect(answer.body.missing).toBe(0);
        const mine = answer.body.messages.find((m) => m.from === 'requester');
        expect(mine?.body).toBe('BPMN sudah kami perbaiki.');
        expect(mine?.files.map((f) => f.fileName)).toEqual(['bpmn-perbaikan.pdf']);

        const after = await app.request<TicketDetail>('GET', `/api/v1/tickets/${number}`, {
          token: agent,
        });
        expect(after.body.status).toBe('in-progress');
        expect(after.body.clocks.ticket.state).toBe('running');
        expect(after.body.clocks.ticket.pausedMinutes).toBeGreaterThanOrEqual(0);
        const ticket = await ds.getRepository(TicketEntity).findOneByOrFail({ number });
        const replies = await ds
          .getRepository(TimelineEntryEntity)
          .findBy({ ticketId: ticket.id, kind: 'reply' });
        expect(replies.length).toBe(1);
        expect((replies[0].data as Record<string, unknown>)['via']).toBe('portal');
        const told = (
          await ds.getRepository(OutboxEntity).findBy({ kind: 'ticket.requester-replied' })
        ).map((r) => JSON.parse(r.payload) as { ticket: string; recipients: string[] });
        const notice = told.find((p) => p.ticket === number);
        expect(notice?.recipients.length).toBeGreaterThan(0);
      });

      it('refuses an answer naming a file of another request', async () => {
        const res = await portal(s, 'POST', `/requests/${number}/answers`, {
          body: 'Lampiran',
          attachmentIds: ['00000000-0000-4000-8000-000000000000'],
        });
        expect(res.status).toBe(400);
        expect(res.body.errors[0].path).toBe('attachmentIds[0]');
      });

      it('the acknowledgement carries a tracking link; the page shows no personal data', async () => {
        const ticket = await ds.getRepository(TicketEntity).findOneByOrFail({ number });
        const row = (
          await ds.getRepository(OutboxEntity).find({ where: { kind: 'ticket.received' } })
        )
          .map((r) => ({ r, p: JSON.parse(r.payload) as { ticket: string } }))
          .find((x) => x.p.ticket === number);
        expect(row).toBeDefined();
        const prepared = await preparerFor('ticket.received')(row!.p, {
          config: app.app.get(AppConfig),
          manager: ds.manager,
          threadIds: async () => [],
          nextSeq: async () => 1,
          calendar: () => Promise.reject(new Error('not needed')),
          now: () => new Date(),
        });
        const props = prepared.request.mail.props as unknown as { trackUrl: string };
        const token = makeTrackingToken(trackingKey(app.app.get(AppConfig)), ticket.id);
        expect(props.trackUrl).toMatch(new RegExp(`/lacak/${token}$`));

        const res = await app.request<PortalTrackingView>('GET', `/api/v1/portal/track/${token}`);
        expect(res.status).toBe(200);
        expect(res.body.number).toBe(number);
        expect(res.body.zone).toBe('WITA');
        expect(res.body.currentSteps.length).toBeGreaterThan(0);
        expect(res.text).not.toContain('e-Puskesmas');
        expect(res.text).not.toContain('@');
        const tampered = token.slice(0, 40) + (token[40] === 'a' ? 'b' : 'a') + token.slice(41);
        expect((await app.request('GET', `/api/v1/portal/track/${tampered}`)).status).toBe(404);
        expect((await app.request('GET', `/api/v1/portal/track/${number}`)).status).toBe(404);
      });

      it('a tracking link stops working SIGAP_TRACKING_DAYS after the request is finished', async () => {
        const ticket = await ds.getRepository(TicketEntity).findOneByOrFail({ number });
        const token = makeTrackingToken(trackingKey(app.app.get(AppConfig)), ticket.id);
        const days = app.app.get(AppConfig).trackingDays;
        expect(days).toBe(90);
        const repo = ds.getRepository(TicketEntity);
        const day = 86_400_000;
        try {
          await repo.update(
            { id: ticket.id },
            { status: 'closed', isOpen: false, closedAt: new Date(Date.now() - (days - 1) * day) },
          );
          expect((await app.request('GET', `/api/v1/portal/track/${token}`)).status).toBe(200);
          await repo.update(
            { id: ticket.id },
            { closedAt: new Date(Date.now() - (days + 1) * day) },
          );
          const late = await app.request('GET', `/api/v1/portal/track/${token}`);
          expect(late.status).toBe(404);
          expect(late.text).not.toContain(number);
        } finally {
          await repo.update(
            { id: ticket.id },
            { status: ticket.status, isOpen: ticket.isOpen, closedAt: ticket.closedAt },
          );
        }
      });
    });

    describe('daily upload quota per contact', () => {
      let config: AppConfig;
      let saved: { files: number; bytes: number };
      const open = async (s: Session) => {
        const res = await portal<PortalRequestDetail>(s, 'POST', '/requests', {
          service: 'pengembangan-aplikasi',
          subject: 'Permohonan dengan banyak berkas',
          description: 'Uji batas unggahan.',
        });
        expect(res.status).withContext(res.text).toBe(201);
        return res.body.number;
      };
      /** A distinct small PDF each time. */
      const pdf = (n: number, extra = 0) =>
        Buffer.concat([PDF, Buffer.from(`% berkas ${n}\n`), Buffer.alloc(extra, 0x20)]);
      const contactOf = async (email: string) =>
        (await ds.getRepository(RequesterContactEntity).findOneByOrFail({ email })).id;
      const uploadsOf = async (email: string) =>
        ds.getRepository(AttachmentEntity).countBy({ uploadedBy: await contactOf(email) });

      beforeAll(() => {
        config = app.app.get(AppConfig);
        saved = { files: config.portalUploadsPerDay, bytes: config.portalUploadBytesPerDay };
      });
      afterEach(() => {
        config.portalUploadsPerDay = saved.files;
        config.portalUploadBytesPerDay = saved.bytes;
      });

      it('refuses the upload past the daily count with 429, per contact, until a day has passed', async () => {
        config.portalUploadsPerDay = 3;
        const email = unique('kurnia', 'diskes.gorontaloprov.go.id');
        const s = await signIn(email);
        const number = await open(s);
        const name = 'Surat Permohonan – Dinas Pariwisata ñ 東京.pdf';
        for (let i = 0; i < 3; i++) {
          const res = await upload(
            s,
            number,
            pdf(i),
            i === 0 ? name : `lampiran-${i}.pdf`,
            i === 0 ? 'r1' : undefined,
          );
          expect(res.status).withContext(res.text).toBe(201);
        }
        // The UTF-8 name is stored and shown as sent.
        const detail = await portal<PortalRequestDetail>(s, 'GET', `/requests/${number}`);
        expect(JSON.stringify(detail.body)).toContain(name);

        const form = new FormData();
        form.append('file', new Blob([new Uint8Array(pdf(3))]), 'keempat.pdf');
        const over = await fetch(
          `${app.baseUrl}/api/v1/portal/requests/${encodeURIComponent(number)}/attachments`,
          {
            method: 'POST',
            body: form,
            headers: { Cookie: s.cookie, 'X-Sigap-Portal-Csrf': s.csrf },
          },
        );
        expect(over.status).toBe(429);
        expect(over.headers.get('content-type')).toContain('application/problem+json');
        const retryAfter = Number(over.headers.get('retry-after'));
        expect(retryAfter).toBeGreaterThan(86_000);
        expect(retryAfter).toBeLessThanOrEqual(86_400);
        const problem = (await over.json()) as {
          code: string;
          detail: string;
          errors: { path: string }[];
        };
        expect(problem.code).toBe('portal.upload_quota');
        expect(problem.detail).toContain('paling banyak 3 berkas per 24 jam');
        expect(problem.errors[0].path).toBe('file');
        expect(await uploadsOf(email)).toBe(3);

        // Another contact has a quota of its own.
        const colleague = await signIn(unique('lestari', 'diskes.gorontaloprov.go.id'));
        const theirs = await open(colleague);
        expect((await upload(colleague, theirs, pdf(10), 'milik-lain.pdf')).status).toBe(201);

        // A day after the uploads, the contact may upload again.
        const dayAgo = new Date(app.app.get(Clock).nowMs() - 24 * 3600_000 - 60_000);
        await ds
          .getRepository(AttachmentEntity)
          .update({ uploadedBy: await contactOf(email) }, { createdAt: dayAgo });
        expect((await upload(s, number, pdf(4), 'besok.pdf')).status).toBe(201);
      });

      it('refuses the upload past the daily bytes with 413', async () => {
        config.portalUploadBytesPerDay = 1024 * 1024;
        const email = unique('melati', 'diskes.gorontaloprov.go.id');
        const s = await signIn(email);
        const number = await open(s);
        expect((await upload(s, number, pdf(20, 600 * 1024), 'pertama.pdf')).status).toBe(201);
        const over = await upload(s, number, pdf(21, 600 * 1024), 'kedua.pdf');
        expect(over.status).toBe(413);
        expect(over.body.code).toBe('portal.upload_quota_bytes');
        expect(over.body.detail).toContain('paling banyak 1 MB per 24 jam');
        expect(await uploadsOf(email)).toBe(1);
      });

      it('parallel uploads of one contact cannot pass the quota together', async () => {
        config.portalUploadsPerDay = 2;
        const email = unique('nadia', 'diskes.gorontaloprov.go.id');
        const s = await signIn(email);
        const number = await open(s);
        const results = await Promise.all(
          [30, 31, 32, 33, 34].map((n) => upload(s, number, pdf(n), `serentak-${n}.pdf`)),
        );
        const statuses = results.map((r) => r.status).sort();
        expect(statuses).toEqual([201, 201, 429, 429, 429]);
        expect(await uploadsOf(email)).toBe(2);
      });
    });

    describe('access matrix: every portal endpoint', () => {
      let own: Session;
      let colleague: Session;
      let otherOpd: Session;
      let otherOffice: Session;
      let number: string;
      let fileId: string;

      beforeAll(async () => {
        own = await signIn(unique('gita', 'diskes.gorontaloprov.go.id'));
        colleague = await signIn(unique('hadi', 'diskes.gorontaloprov.go.id'));
        otherOpd = await signIn(unique('indra', 'dikbud.gorontaloprov.go.id'));
        otherOffice = await signIn(unique('joko', 'dinkes.baliprov.go.id'));
        const opened = await portal<PortalRequestDetail>(own, 'POST', '/requests', {
          service: 'pengembangan-aplikasi',
          subject: 'Aplikasi rekam medis',
          description: 'Usulan aplikasi rekam medis elektronik.',
        });
        expect(opened.status).withContext(opened.text).toBe(201);
        number = opened.body.number;
        const up = await upload(own, number, PDF, 'surat.pdf', 'r1');
        fileId = (up.body as PortalRequestDetail).checklist[0].files[0].id;
      });

      type Call = {
        name: string;
        run: (s: Session | null, csrf?: string | null) => Promise<number>;
      };
      const calls = (): Call[] => [
        {
          name: 'GET requests/:n',
          run: async (s) => (await portal(s, 'GET', `/requests/${number}`)).status,
        },
        {
          name: 'GET attachment',
          run: async (s) =>
            (await portal(s, 'GET', `/requests/${number}/attachments/${fileId}`)).status,
        },
        {
          name: 'POST upload',
          run: async (s, csrf) =>
            (await upload(s, number, PDF, 'r2.pdf', 'r2', csrf === undefined ? s?.csrf : csrf))
              .status,
        },
        {
          name: 'POST answer',
          run: async (s, csrf) =>
            (
              await portal(
                s,
                'POST',
                `/requests/${number}/answers`,
                { body: 'Tambahan informasi.' },
                csrf === undefined ? (s?.csrf ?? null) : csrf,
              )
            ).status,
        },
      ];

      it('own OPD and a colleague of the same OPD may; another OPD or office sees nothing', async () => {
        for (const call of calls()) {
          for (const [who, s] of [
            ['own', own],
            ['colleague', colleague],
          ] as const) {
            const status = await call.run(s);
            expect([200, 201]).withContext(`${call.name} as ${who}`).toContain(status);
          }
          for (const [who, s] of [
            ['other OPD', otherOpd],
            ['other office', otherOffice],
          ] as const) {
            expect(await call.run(s))
              .withContext(`${call.name} as ${who}`)
              .toBe(404);
          }
          expect(await call.run(null))
            .withContext(`${call.name} without session`)
            .toBe(401);
        }
      });

      it('changes without the CSRF header, or with a wrong one, are refused (403)', async () => {
        for (const call of calls().filter((c) => c.name.startsWith('POST'))) {
          expect(await call.run(own, null))
            .withContext(`${call.name} no csrf`)
            .toBe(403);
          expect(await call.run(own, 'x'.repeat(43)))
            .withContext(`${call.name} bad`)
            .toBe(403);
          // Another session's token does not fit this session.
          expect(await call.run(own, colleague.csrf))
            .withContext(`${call.name} foreign`)
            .toBe(403);
        }
        const open = await portal(own, 'POST', '/requests', { service: 'x' }, null);
        expect(open.status).toBe(403);
        const logout = await portal(own, 'POST', '/auth/logout', undefined, null);
        expect(logout.status).toBe(403);
      });

      it('lists only the own OPD requests; services only of the own office', async () => {
        const mine = await portal<PortalRequestSummary[]>(colleague, 'GET', '/requests');
        expect(mine.body.map((r) => r.number)).toContain(number);
        const theirs = await portal<PortalRequestSummary[]>(otherOpd, 'GET', '/requests');
        expect(theirs.body.map((r) => r.number)).not.toContain(number);
        const bali = await portal<PortalRequestSummary[]>(otherOffice, 'GET', '/requests');
        expect(bali.body.map((r) => r.number)).not.toContain(number);
        const services = await portal<PortalServiceView[]>(otherOffice, 'GET', '/services');
        expect(services.status).toBe(200);
        const open = await portal(otherOffice, 'POST', '/requests', {
          service: 'pengembangan-aplikasi',
          subject: 'Dari Bali',
          description: 'Layanan kantor Bali.',
        });
        const ticket = await ds
          .getRepository(TicketEntity)
          .findOneByOrFail({ number: (open.body as PortalRequestDetail).number });
        expect(ticket.officeCode).toBe('bali');
        for (const path of ['/requests', '/services', '/me']) {
          expect((await portal(null, 'GET', path)).status)
            .withContext(path)
            .toBe(401);
        }
      });

      it('the agents bearer token is no portal session', async () => {
        const res = await app.request('GET', '/api/v1/portal/requests', {
          token: await app.token('helpdesk.gorontalo@sigap.local'),
        });
        expect(res.status).toBe(401);
      });
    });
  },
  { SIGAP_OUTBOX_SECONDS: '0', SIGAP_PUBLIC_URL: 'https://sigap.example.go.id' },
);
