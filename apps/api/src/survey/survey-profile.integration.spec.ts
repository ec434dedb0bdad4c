import type { RespondentProfile, SurveyCommentPage, TicketDetail } from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { AppConfig } from '@sigap/api-config';
import { Clock } from '@sigap/api-clock';
import { dataSourceOptions } from '@sigap/api-database';
import { ENTITIES } from '../entities';
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
import { SurveyResponseEntity } from '@sigap/api-survey';
import { SurveyService } from '@sigap/api-survey';

const FOUR = [4, 4, 4, 4, 4, 4, 4, 4, 4];

for (const kind of DATABASES) {
  describe(`survey: respondent profile, stored and reported in aggregate [${kind}]`, () => {
    let db: TestDatabase;
    let app: TestApp;
    let ds: DataSource;
    let clock: Clock;
    let ip = 0;

    const as = (who: string) => app.token(`${who}@sigap.local`);

    /** A ticket with a survey link, as the resolution writes one; returns the link token. */
    async function surveyLink(subject: string): Promise<string> {
      const res = await app.request<TicketDetail>('POST', '/api/v1/tickets', {
        token: await as('helpdesk.bali'),
        body: {
          office: 'bali',
          service: 'pengembangan-aplikasi',
          channel: 'email',
          subject,
          description: 'Permohonan aplikasi untuk survei.',
          requester: { name: 'Responden', email: `responden.${ip}@opd.baliprov.go.id` },
        },
      });
      expect(res.status).withContext(res.text).toBe(201);
      const entity = await ds.getRepository(TicketEntity).findOneByOrFail({
        number: res.body.number,
      });
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

    /** Each answer from its own client address (the per-address limit is not under test). */
    const submit = (token: string, body: Record<string, unknown>) =>
      app.request('POST', `/api/v1/survey/${token}`, {
        body: { scores: FOUR, ...body },
        headers: { 'X-Forwarded-For': `10.77.0.${++ip}` },
      });

    const profile = async (who: string, query: string) =>
      app.request<RespondentProfile>('GET', `/api/v1/survey/profile${query}`, {
        token: await as(who),
      });

    beforeAll(async () => {
      db = await createTestDatabase(kind);
      const schema = new DataSource(dataSourceOptions(testConfig(db), ENTITIES));
      await schema.initialize();
      await schema.runMigrations({ transaction: 'each' });
      await schema.destroy();
      app = await startTestApp(db, { SIGAP_SLA_SWEEP_SECONDS: '0', SIGAP_SURVEY_DAYS: '14' });
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

    it('refuses a bad profile with 400 and field paths, and records nothing', async () => {
      const token = await surveyLink('Profil tidak valid');
      const cases: [Record<string, unknown>, string][] = [
        [{ sex: 'pria' }, 'sex'],
        [{ ageBand: '25-35' }, 'ageBand'],
        [{ age: 7 }, 'age'],
        [{ age: 34.5 }, 'age'],
        [{ age: 34, ageBand: '30-39' }, 'age'],
        [{ education: 'SMA' }, 'education'],
        [{ occupation: 'petani' }, 'occupation'],
      ];
      for (const [body, path] of cases) {
        const res = await submit(token, body);
        expect(res.status)
          .withContext(`${JSON.stringify(body)}: ${res.text}`)
          .toBe(400);
        expect(res.body.errors.map((e: { path: string }) => e.path))
          .withContext(JSON.stringify(body))
          .toContain(path);
      }
      expect(await ds.getRepository(SurveyResponseEntity).count()).toBe(0);
      // The same link still takes a good answer, profile left out entirely.
      expect((await submit(token, {})).status).toBe(201);
    }, 60_000);

    it('stores the optional profile with the answer; an age is kept only as its band', async () => {
      const token = await surveyLink('Profil lengkap');
      const res = await submit(token, {
        sex: 'perempuan',
        age: 34,
        education: 's1',
        occupation: 'pns',
      });
      expect(res.status).withContext(res.text).toBe(201);
      const row = await ds
        .getRepository(SurveyResponseEntity)
        .findOneByOrFail({ respondentSex: 'perempuan' });
      expect(row.respondentAgeBand).toBe('30-39');
      expect(row.respondentEducation).toBe('s1');
      expect(row.respondentOccupation).toBe('pns');
      // No column holds the age itself.
      expect(Object.values(row)).not.toContain(34);
      expect(Object.keys(row).filter((k) => /age/i.test(k))).toEqual(['respondentAgeBand']);
    });

    it('reports counts per category only, merging categories under 5 and suppressing small groups', async () => {
      // Two so far (one without profile, one woman of 30-39, S1, PNS); nine more answers.
      const answers: Record<string, unknown>[] = [
        ...Array.from({ length: 6 }, (_, i) => ({
          sex: 'laki-laki',
          ageBand: '30-39',
          education: i === 5 ? 'sma' : 's1',
          occupation: 'pns',
        })),
        { sex: 'perempuan', age: 31, education: 's2', occupation: 'pns' },
        { sex: 'perempuan', age: 38, education: 's2', occupation: 'swasta' },
        { sex: 'perempuan', age: 36, education: 's3', occupation: 'pns' },
      ];
      for (const [i, body] of answers.entries()) {
        const token = await surveyLink(`Profil ${i}`);
        expect((await submit(token, body)).status).toBe(201);
      }
      const res = await profile('kadis.bali', '?from=2026-05-20&to=2026-05-20');
      expect(res.status).withContext(res.text).toBe(200);
      // Whole months, so a day-by-day range cannot tell one respondent apart.
      expect([res.body.from, res.body.to]).toEqual(['2026-05-01', '2026-05-31']);
      expect(res.body.respondents).toBe(11);
      expect(res.body.suppressed).toBeFalse();
      const rows = (d: keyof RespondentProfile['dimensions']) =>
        res.body.dimensions[d].map((c) => [c.category, c.count]);
      // 6 men, 4 women, 1 not given: the 4 and the 1 are merged (5).
      expect(rows('sex')).toEqual([
        ['laki-laki', 6],
        ['digabung', 5],
      ]);
      expect(res.body.dimensions.sex[1].merged).toEqual(['perempuan', 'tidak-diisi']);
      // 10 of 30-39 and 1 not given: the 1 alone would be plain from the total, so all merge.
      expect(rows('ageBand')).toEqual([['digabung', 11]]);
      // S1 6; SMA 1, S2 2, S3 1 and 1 not given merge into 5.
      expect(rows('education')).toEqual([
        ['s1', 6],
        ['digabung', 5],
      ]);
      expect(res.body.dimensions.education[1].merged).toEqual(['sma', 's2', 's3', 'tidak-diisi']);
      // PNS 9, swasta 1, 1 not given: merged 2 is too few, so PNS joins them.
      expect(rows('occupation')).toEqual([['digabung', 11]]);
      for (const d of ['sex', 'ageBand', 'education', 'occupation'] as const) {
        expect(res.body.dimensions[d].every((c) => c.count >= 5))
          .withContext(d)
          .toBeTrue();
        expect(res.body.dimensions[d].reduce((s, c) => s + c.count, 0)).toBe(11);
      }

      // A month with fewer than 5 respondents (here none) is not broken down at all.
      const empty = await profile('kadis.bali', '?from=2026-04-01&to=2026-04-30');
      expect(empty.body.suppressed).toBeTrue();
      expect(empty.body.dimensions.sex).toEqual([]);

      // The comments list shows no profile next to a respondent's words.
      const comments = await app.request<SurveyCommentPage>('GET', '/api/v1/survey/comments', {
        token: await as('kadis.bali'),
      });
      expect(JSON.stringify(comments.body)).not.toContain('perempuan');
    }, 120_000);

    it('lets managers and admins of the office read the profile, nobody else', async () => {
      const cases: [string, string, number][] = [
        ['admin', '?office=bali', 200],
        ['kadis.bali', '', 200],
        ['kadis.bali', '?office=riau', 403],
        ['kadis.riau', '?office=bali', 403],
        ['helpdesk.bali', '', 403],
      ];
      for (const [who, query, status] of cases) {
        const res = await profile(who, query);
        expect(res.status).withContext(`${who} ${query}: ${res.text}`).toBe(status);
      }
      const bad = await profile('admin', '?from=2026-13-01');
      expect(bad.status).toBe(400);
    }, 60_000);
  });
}
