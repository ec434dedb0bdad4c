import type { IkmReport, SurveyCommentPage, TicketDetail } from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { Clock } from '@sigap/api-clock';
import { dataSourceOptions } from '@sigap/api-database';
import { ENTITIES } from '../entities';
import { AppConfig } from '@sigap/api-config';
import { preparerFor } from '@sigap/api-mail';
import { OutboxEntity } from '@sigap/api-outbox';
import {
  DATABASES,
  createTestDatabase,
  startTestApp,
  testConfig,
  type TestApp,
  type TestDatabase,
} from '../testing/test-app';
import { TicketEntity } from '@sigap/api-tickets';
import { resolveSurveySecret, signSurveyToken } from '@sigap/api-survey';
import { SurveyInvitationEntity, SurveyResponseEntity } from '@sigap/api-survey';
import { SurveyService } from '@sigap/api-survey';

const REQUESTER = 'ketut.survei@diskominfos.baliprov.go.id';
const PUBLIC_URL = 'https://sigap.example.go.id';
const DAY = 24 * 3600_000;

for (const kind of DATABASES) {
  describe(`survey: invitation, single-use answer and IKM [${kind}]`, () => {
    let db: TestDatabase;
    let app: TestApp;
    let ds: DataSource;
    let clock: Clock;
    let token = '';
    let ticket: TicketDetail;

    const as = (who: string) => app.token(`${who}@sigap.local`);

    async function open(subject: string): Promise<TicketDetail> {
      const res = await app.request<TicketDetail>('POST', '/api/v1/tickets', {
        token: await as('helpdesk.bali'),
        body: {
          office: 'bali',
          service: 'pengembangan-aplikasi',
          channel: 'email',
          subject,
          description: 'Permohonan aplikasi untuk survei.',
          requester: { name: 'Ketut Survei', email: REQUESTER },
        },
      });
      expect(res.status).withContext(res.text).toBe(201);
      return res.body;
    }

    async function act(t: TicketDetail, who: string, path: string, body = {}) {
      const res = await app.request<TicketDetail>('POST', `/api/v1/tickets/${t.number}/${path}`, {
        token: await as(`${who}.bali`),
        body: { expectedVersion: t.version, ...body },
      });
      expect(res.status).withContext(`${path}: ${res.text}`).toBe(200);
      return res.body;
    }

    /** A new invitation for a ticket, written as the resolution writes it; returns its link token. */
    async function invite(t: TicketDetail): Promise<string> {
      const entity = await ds.getRepository(TicketEntity).findOneByOrFail({ number: t.number });
      const message = await ds.transaction((m) =>
        app.app.get(SurveyService).invite(m, entity, clock.now()),
      );
      const payload = message?.payload as { invitation: string; expiresAt: string };
      return signSurveyToken(resolveSurveySecret(app.app.get(AppConfig)), {
        id: payload.invitation,
        ticketId: entity.id,
        expiresAt: new Date(payload.expiresAt),
      });
    }

    const submit = (tok: string, scores: number[], comment?: string) =>
      app.request('POST', `/api/v1/survey/${tok}`, { body: { scores, comment } });

    const ikm = async (who: string | null, query = '') =>
      app.request<IkmReport>('GET', `/api/v1/survey/ikm${query}`, {
        token: who ? await as(who) : null,
      });

    beforeAll(async () => {
      db = await createTestDatabase(kind);
      // Schema first, so that no start-up hook of another module races the migrations.
      const schema = new DataSource(dataSourceOptions(testConfig(db), ENTITIES));
      await schema.initialize();
      await schema.runMigrations({ transaction: 'each' });
      await schema.destroy();
      app = await startTestApp(db, {
        SIGAP_PUBLIC_URL: PUBLIC_URL,
        SIGAP_SLA_SWEEP_SECONDS: '0',
        SIGAP_SURVEY_DAYS: '14',
      });
      ds = app.app.get(DataSource);
      clock = app.app.get(Clock);
      // Wednesday 20 May 2026, 10:00 WITA.
      clock.set('2026-05-20T02:00:00Z');
    }, 60_000);

    afterAll(async () => {
      clock?.release();
      await app?.close();
      await db?.drop();
    }, 30_000);

    it('resolving writes the invitation to the outbox in the same change, with a signed link', async () => {
      let t = await open('Aplikasi survei kepuasan');
      t = await act(t, 'kasubbag-tu', 'steps/2/complete', { output: 'Disposisi' });
      t = await act(t, 'kabid-iai', 'steps/3/complete', { output: 'Disposisi turunan' });
      t = await act(t, 'kasi-ai', 'steps/4/complete', { output: 'Dokumen awal' });
      t = await act(t, 'kasi-ai', 'steps/5/complete', { output: 'Laporan' });
      t = await act(t, 'kasi-ai', 'steps/6/complete', { output: 'Kesepakatan' });
      t = await act(t, 'kadis', 'steps/7/complete', { output: 'Berita acara' });
      for (const item of t.checklist) {
        t = await act(t, 'helpdesk', `checklist/${item.code}/receive`);
        t = await act(t, 'helpdesk', `checklist/${item.code}/verify`);
      }
      const before = await ds.getRepository(OutboxEntity).countBy({ kind: 'survey.invitation' });
      expect(before).toBe(0);
      t = await act(t, 'helpdesk', 'resolve', { reason: 'Aplikasi terpasang.' });
      expect(t.status).toBe('resolved');
      ticket = t;

      const [row] = await ds.getRepository(OutboxEntity).findBy({ kind: 'survey.invitation' });
      const payload = JSON.parse(row.payload) as Record<string, string>;
      expect(payload['ticket']).toBe(t.number);
      expect(Date.parse(payload['expiresAt'])).toBe(Date.parse('2026-05-20T02:00:00Z') + 14 * DAY);
      const resolved = await ds.getRepository(OutboxEntity).findBy({ kind: 'ticket.resolved' });
      expect(resolved.length).toBe(1);
      expect(row.createdAt.getTime()).toBe(resolved[0].createdAt.getTime());
      const invitation = await ds
        .getRepository(SurveyInvitationEntity)
        .findOneByOrFail({ id: payload['invitation'] });
      expect(invitation.usedAt).toBeNull();

      const prepared = await preparerFor(row.kind)(payload, {
        config: app.app.get(AppConfig),
        manager: ds.manager,
        threadIds: async () => [],
        nextSeq: async () => 2,
        calendar: () => Promise.reject(new Error('tidak perlu')),
        now: () => clock.now(),
      });
      expect(prepared.request.to).toEqual([REQUESTER]);
      const props = prepared.request.mail.props as unknown as Record<string, string>;
      const match = new RegExp(
        `^${PUBLIC_URL}/survei/([A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43})$`,
      ).exec(props['surveyUrl']);
      expect(match).withContext(props['surveyUrl']).not.toBeNull();
      token = match?.[1] ?? '';
      expect(token.startsWith(`${payload['invitation']}.`)).toBeTrue();
      // The row alone does not hold a working link: the signature is made when sending.
      expect(row.payload).not.toContain(token.split('.')[1]);
    });

    it('shows the page only the ticket number and the service, nothing personal', async () => {
      const res = await app.request('GET', `/api/v1/survey/${token}`);
      expect(res.status).withContext(res.text).toBe(200);
      expect(res.body).toEqual({
        ticketNumber: ticket.number,
        serviceName: jasmine.any(String),
        expiresAt: new Date(Date.parse('2026-05-20T02:00:00Z') + 14 * DAY).toISOString(),
      });
      expect(res.text).not.toContain(REQUESTER);
      expect(res.text).not.toContain('Ketut');
    });

    it('refuses bad answers with 400 and records nothing', async () => {
      const bad: unknown[] = [
        { scores: [4, 4, 4, 4, 4, 4, 4, 4] },
        { scores: [4, 4, 4, 4, 4, 4, 4, 4, 5] },
        { scores: [0, 4, 4, 4, 4, 4, 4, 4, 4] },
        { scores: [4, 4, 4, 4, 4, 4, 4, 4, 3.5] },
        { scores: [4, 4, 4, 4, 4, 4, 4, 4, 4], comment: 'x'.repeat(2001) },
        { scores: [4, 4, 4, 4, 4, 4, 4, 4, 4], name: 'tambahan' },
        {},
      ];
      for (const body of bad) {
        const res = await app.request('POST', `/api/v1/survey/${token}`, { body });
        expect(res.status).withContext(JSON.stringify(body)).toBe(400);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
      }
      expect(await ds.getRepository(SurveyResponseEntity).count()).toBe(0);
      expect((await app.request('GET', `/api/v1/survey/${token}`)).status).toBe(200);
    });

    it('accepts one answer; the link is then used and a second answer changes nothing', async () => {
      const scores = [4, 4, 3, 3, 4, 4, 4, 3, 3];
      const res = await submit(token, scores, '  Petugas sangat membantu.\u0007 ');
      expect(res.status).withContext(res.text).toBe(201);
      expect(res.body.ticketNumber).toBe(ticket.number);

      const again = await submit(token, [1, 1, 1, 1, 1, 1, 1, 1, 1], 'Ganti jawaban');
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('survey.used');
      const view = await app.request('GET', `/api/v1/survey/${token}`);
      expect(view.status).toBe(409);
      expect(view.body.code).toBe('survey.used');

      const stored = await ds.getRepository(SurveyResponseEntity).find();
      expect(stored.length).toBe(1);
      expect([stored[0].u1, stored[0].u3, stored[0].u9]).toEqual([4, 3, 3]);
      expect(stored[0].comment).toBe('Petugas sangat membantu.');
      expect(stored[0].localDate).toBe('2026-05-20');
      const inv = await ds.getRepository(SurveyInvitationEntity).findOneByOrFail({
        id: token.split('.')[0],
      });
      expect(inv.usedAt?.toISOString()).toBe('2026-05-20T02:00:00.000Z');
    });

    it('issues no second invitation when an answered ticket is resolved again', async () => {
      const entity = await ds
        .getRepository(TicketEntity)
        .findOneByOrFail({ number: ticket.number });
      const message = await ds.transaction((m) =>
        app.app.get(SurveyService).invite(m, entity, clock.now()),
      );
      expect(message).toBeNull();
    });

    it('reflects the answer in the IKM of the office, service and month', async () => {
      const res = await ikm('kadis.bali', '?from=2026-05-01&to=2026-05-31');
      expect(res.status).withContext(res.text).toBe(200);
      expect(res.body.office).toBe('bali');
      expect(res.body.rows.length).toBe(1);
      const row = res.body.rows[0];
      expect(row.period).toBe('2026-05');
      expect(row.serviceCode).toBe('pengembangan-aplikasi');
      expect(row.respondents).toBe(1);
      expect(row.averages).toEqual([4, 4, 3, 3, 4, 4, 4, 3, 3]);
      // 32 points / 9 = 3.5555...; x 25 = 88.888... -> A (above 88.30).
      expect(row.converted).toBeCloseTo(88.888889, 5);
      // Displayed truncated to two decimals (88.888... shows 88.88, not 88.89).
      expect(row.shown).toBe('88.88');
      expect(row.grade).toBe('A');
      expect(row.gradeName).toBe('Sangat baik');
      expect(res.body.totals).toEqual([
        jasmine.objectContaining({ officeCode: 'bali', respondents: 1 }),
      ]);

      const comments = await app.request<SurveyCommentPage>(
        'GET',
        '/api/v1/survey/comments?from=2026-01-01&to=2026-12-31',
        {
          token: await as('kadis.bali'),
        },
      );
      expect(comments.status).toBe(200);
      expect(comments.body.total).toBe(1);
      expect(comments.body.items[0]).toEqual(
        jasmine.objectContaining({
          ticketNumber: ticket.number,
          comment: 'Petugas sangat membantu.',
        }),
      );
    });

    it('rolls months into quarters in the office zone (WITA), from totals', async () => {
      // Ticket B answered on 2 June (its link is valid 14 days from 20 May); ticket C at 00:30 WITA on 1 May (still 30 April in UTC).
      const b = await open('Tiket B');
      const c = await open('Tiket C');
      const tokenB = await invite(b);
      const tokenC = await invite(c);
      clock.set('2026-06-02T03:00:00Z');
      expect((await submit(tokenB, [3, 3, 3, 3, 3, 3, 3, 3, 2])).status).toBe(201);
      clock.set('2026-04-30T16:30:00Z');
      expect((await submit(tokenC, [4, 3, 3, 4, 3, 3, 3, 3, 3])).status).toBe(201);
      clock.set('2026-05-20T02:00:00Z');

      const monthly = await ikm('admin', '?office=bali&from=2026-04-01&to=2026-06-30');
      expect(monthly.body.rows.map((r) => [r.period, r.respondents])).toEqual([
        ['2026-05', 2],
        ['2026-06', 1],
      ]);
      // May: 32 + 29 = 61 points over 2 x 9 answers: 61 / 18 x 25 = 84.7222... -> B.
      expect(monthly.body.rows[0].converted).toBeCloseTo(84.722222, 5);
      expect(monthly.body.rows[0].shown).toBe('84.72');
      expect(monthly.body.rows[0].grade).toBe('B');
      // June: 26 / 9 x 25 = 72.2222... -> C.
      expect(monthly.body.rows[1].converted).toBeCloseTo(72.222222, 5);
      expect(monthly.body.rows[1].grade).toBe('C');

      const quarterly = await ikm(
        'admin',
        '?office=bali&from=2026-04-01&to=2026-06-30&period=quarter',
      );
      expect(quarterly.body.rows.length).toBe(1);
      const q = quarterly.body.rows[0];
      expect([q.period, q.respondents]).toEqual(['2026-Q2', 3]);
      // U1 (4 + 3 + 4) / 3, U9 (3 + 2 + 3) / 3; all: 87 / 27 x 25 = 80.5555... -> B.
      expect(q.averages?.[0]).toBeCloseTo(11 / 3, 9);
      expect(q.averages?.[8]).toBeCloseTo(8 / 3, 9);
      expect(q.converted).toBeCloseTo(80.555556, 5);
      // 80.5555... shows 80.55: truncated, where rounding would print 80.56.
      expect(q.shown).toBe('80.55');
      expect(q.grade).toBe('B');

      const yearly = await ikm('admin', '?from=2026-01-01&to=2026-12-31&period=year');
      expect(yearly.body.office).toBeNull();
      expect(yearly.body.totals.map((r) => [r.officeCode, r.period, r.respondents])).toEqual([
        ['bali', '2026', 3],
      ]);
      const none = await ikm('admin', '?office=bali&from=2026-07-01&to=2026-07-31');
      expect(none.body.rows).toEqual([]);
      const other = await ikm(
        'admin',
        '?office=bali&service=tidak-ada&from=2026-01-01&to=2026-12-31',
      );
      expect(other.body.rows).toEqual([]);
    });

    it('answers 410 for an expired link, and 404 for a tampered or unknown one', async () => {
      const d = await open('Tiket D');
      const tokenD = await invite(d);
      clock.advance(14 * DAY - 60_000);
      expect((await app.request('GET', `/api/v1/survey/${tokenD}`)).status).toBe(200);
      clock.advance(60_000);
      const expired = await app.request('GET', `/api/v1/survey/${tokenD}`);
      expect(expired.status).toBe(410);
      expect(expired.body.code).toBe('survey.expired');
      const late = await submit(tokenD, [4, 4, 4, 4, 4, 4, 4, 4, 4]);
      expect(late.status).toBe(410);
      clock.set('2026-05-20T02:00:00Z');

      const [id, sig] = tokenD.split('.');
      const flipped = sig.slice(0, 10) + (sig[10] === 'A' ? 'B' : 'A') + sig.slice(11);
      for (const bad of [
        `${id}.${flipped}`,
        `${'B'.repeat(22)}.${sig}`,
        `${token.split('.')[0]}.${sig}`,
        'bukan-tautan',
        `${id}`,
      ]) {
        const res = await app.request('GET', `/api/v1/survey/${encodeURIComponent(bad)}`);
        expect(res.status).withContext(bad).toBe(404);
        expect(res.body.code).withContext(bad).toBe('survey.invalid');
        const post = await submit(encodeURIComponent(bad), [4, 4, 4, 4, 4, 4, 4, 4, 4]);
        expect(post.status).withContext(bad).toBe(404);
      }
      // Still open with its own signature: tampering changed nothing.
      expect((await app.request('GET', `/api/v1/survey/${tokenD}`)).status).toBe(200);
      expect(await ds.getRepository(SurveyResponseEntity).count()).toBe(3);
    });

    it('lets managers and admins of the office read the IKM, nobody else', async () => {
      const cases: [string | null, string, number][] = [
        ['admin', '', 200],
        ['admin', '?office=bali', 200],
        ['admin', '?office=riau', 200],
        ['kadis.bali', '', 200],
        ['kadis.bali', '?office=bali', 200],
        ['kadis.bali', '?office=riau', 403],
        ['kadis.riau', '?office=bali', 403],
        ['helpdesk.bali', '', 403],
        ['kasi-ai.bali', '', 403],
        [null, '', 401],
      ];
      for (const [who, query, status] of cases) {
        for (const path of ['ikm', 'comments']) {
          const res = await app.request('GET', `/api/v1/survey/${path}${query}`, {
            token: who ? await as(who) : null,
          });
          expect(res.status).withContext(`${who} ${path}${query}: ${res.text}`).toBe(status);
        }
      }
      // A manager of another office sees only their own office, without Bali's answers.
      const riau = await ikm('kadis.riau', '?from=2026-01-01&to=2026-12-31');
      expect(riau.body.office).toBe('riau');
      expect(riau.body.rows).toEqual([]);
    });

    it('validates the report query', async () => {
      for (const query of [
        '?from=2026-06-01&to=2026-05-01',
        '?period=week',
        '?from=2026-13-01',
        '?to=kemarin',
        '?unknown=1',
      ]) {
        const res = await ikm('admin', query);
        expect(res.status).withContext(query).toBe(400);
      }
      const page = await app.request('GET', '/api/v1/survey/comments?limit=500', {
        token: await as('admin'),
      });
      expect(page.status).toBe(400);
    });

    it('limits submissions per client address with 429 and Retry-After', async () => {
      const headers = { 'X-Forwarded-For': '10.200.0.7' };
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        const res = await app.request(
          'POST',
          `/api/v1/survey/${'C'.repeat(22)}.${'D'.repeat(43)}`,
          {
            body: { scores: [4, 4, 4, 4, 4, 4, 4, 4, 4] },
            headers,
          },
        );
        statuses.push(res.status);
        if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      }
      expect(statuses.slice(0, 10).every((s) => s === 404)).toBeTrue();
      expect(statuses[10]).toBe(429);
    });
  });
}
