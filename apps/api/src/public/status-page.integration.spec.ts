import type { IncidentView, PublicStatusResponse, TicketDetail } from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { Clock } from '@sigap/api-clock';
import { describeOnBothDatabases, type TestApp } from '../testing/test-app';

/** An instant given in Bali's time (WITA, UTC+8). */
const wita = (local: string) => new Date(`${local}+08:00`);

/** Every internal string seeded below carries this marker; none may reach the public page. */
const MARK = 'RAHASIA';

describeOnBothDatabases('public status page of IT services', (ctx) => {
  let app: TestApp;
  let ds: DataSource;
  let clock: Clock;
  let agent: string;
  let agentId: string;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs read loosely typed bodies
  const post = <T = any>(path: string, body: unknown, token: string | null = agent) =>
    app.request<T>('POST', path, { token, body });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs read loosely typed bodies
  const put = <T = any>(path: string, body: unknown, token: string | null = agent) =>
    app.request<T>('PUT', path, { token, body });
  const status = (office = 'bali') =>
    app.request<PublicStatusResponse>('GET', `/api/v1/public/status?office=${office}`);

  /** An incident full of internal strings: subject, description, reporter, note, assignee. */
  async function openIncident(
    services: string[],
    impact: string,
    urgency: string,
    n: number,
  ): Promise<TicketDetail> {
    const opened = await post<TicketDetail>('/api/v1/incidents', {
      office: 'bali',
      services,
      impact,
      urgency,
      channel: 'phone',
      subject: `Server SUBJEK-${MARK}-${n} mati`,
      description: `Uraian internal DESKRIPSI-${MARK}-${n}: sandi router ada di lemari.`,
      requester: {
        name: `Pelapor PELAPOR-${MARK}-${n}`,
        email: `pelapor.${MARK.toLowerCase()}${n}@opd.baliprov.go.id`,
        phone: '+62 361 999888',
      },
    });
    expect(opened.status).withContext(opened.text).toBe(201);
    const noted = await post<TicketDetail>(`/api/v1/tickets/${opened.body.number}/notes`, {
      body: `Catatan internal CATATAN-${MARK}-${n}`,
      expectedVersion: opened.body.version,
    });
    expect(noted.status).withContext(noted.text).toBe(200);
    const assigned = await post<TicketDetail>(`/api/v1/tickets/${opened.body.number}/assign`, {
      userId: agentId,
      expectedVersion: noted.body.version,
    });
    expect(assigned.status).withContext(assigned.text).toBe(200);
    return assigned.body;
  }

  beforeAll(async () => {
    app = ctx();
    ds = app.app.get(DataSource);
    clock = app.app.get(Clock);
    agent = await app.token('helpdesk.bali@sigap.local');
    const [me] = (await ds.query('SELECT id FROM users WHERE email = ?', [
      'helpdesk.bali@sigap.local',
    ])) as { id: string }[];
    agentId = me.id;
    // The people and positions of the office carry the marker too.
    await ds.query('UPDATE users SET name = ? WHERE id = ?', [`Agen AGEN-${MARK}`, agentId]);
    await ds.query("UPDATE positions SET name = CONCAT(name, ?) WHERE office_code = 'bali'", [
      ` JABATAN-${MARK}`,
    ]);
  });

  afterAll(() => clock.release());

  it('shows only the chosen services, their state from ongoing incidents and 90 days, in plain words', async () => {
    // 20 November: a P1 on the website from 10.00 to 14.00, resolved.
    clock.set(wita('2026-11-20T10:00:00'));
    const web = await openIncident(['web-pemprov'], 'tinggi', 'tinggi', 1);
    clock.set(wita('2026-11-20T14:00:00'));
    const done = await post<TicketDetail>(`/api/v1/tickets/${web.number}/steps/1/complete`, {
      output: `Keluaran OUTPUT-${MARK}`,
      expectedVersion: web.version,
    });
    expect(done.status).withContext(done.text).toBe(200);
    const resolved = await post<TicketDetail>(`/api/v1/tickets/${web.number}/resolve`, {
      expectedVersion: done.body.version,
    });
    expect(resolved.status).withContext(resolved.text).toBe(200);

    // 5 December 22.00: a P3 on e-mail and the (hidden) network, still open, with public words.
    clock.set(wita('2026-12-05T22:00:00'));
    const mail = await openIncident(['email-dinas', 'jaringan-intra'], 'sedang', 'sedang', 2);
    const notice = await put<TicketDetail>(`/api/v1/incidents/${mail.number}/public-notice`, {
      publicTitle: '  Pengiriman e-mail tertunda ',
      publicSummary: 'Antrean pengiriman sedang dipulihkan.\nPerkiraan normal pukul 12.00.',
      expectedVersion: mail.version,
    });
    expect(notice.status).withContext(notice.text).toBe(200);
    const view = await app.request<IncidentView>('GET', `/api/v1/incidents/${mail.number}`, {
      token: agent,
    });
    expect([view.body.publicTitle, view.body.publicSummary]).toEqual([
      'Pengiriman e-mail tertunda',
      'Antrean pengiriman sedang dipulihkan.\nPerkiraan normal pukul 12.00.',
    ]);

    // 7 December 09.00: a P2 on the data centre, no public words yet; and a P1 on the hidden
    // hosting service.
    clock.set(wita('2026-12-07T09:00:00'));
    await openIncident(['pusat-data'], 'tinggi', 'sedang', 3);
    await openIncident(['hosting-opd'], 'tinggi', 'tinggi', 4);

    clock.set(wita('2026-12-07T10:00:00'));
    const page = await status();
    expect(page.status).withContext(page.text).toBe(200);
    expect(page.headers.get('cache-control')).toContain('max-age=60');
    const body = page.body;
    expect(body.office).toEqual({
      code: 'bali',
      name: jasmine.any(String),
      timeZone: 'Asia/Makassar',
      zone: 'WITA',
    });
    expect(body.state).toBe('major');
    // Only the services marked public, by name.
    expect(body.services.map((s) => s.code)).toEqual(['email-dinas', 'pusat-data', 'web-pemprov']);
    const [email, dc, website] = body.services;
    expect(email.state).toBe('partial');
    expect(email.incidents).toEqual([
      {
        title: 'Pengiriman e-mail tertunda',
        summary: 'Antrean pengiriman sedang dipulihkan.\nPerkiraan normal pukul 12.00.',
        state: 'partial',
        since: wita('2026-12-05T22:00:00').toISOString(),
      },
    ]);
    expect(dc.state).toBe('major');
    expect(dc.incidents).toEqual([
      {
        title: 'Gangguan Pusat Data Pemerintah Provinsi Bali',
        summary: 'Sedang ditangani',
        state: 'major',
        since: wita('2026-12-07T09:00:00').toISOString(),
      },
    ]);
    expect(website.state).toBe('normal');
    expect(website.incidents).toEqual([]);

    // 90 office-local days ending today; each day its worst state.
    for (const s of body.services) {
      expect(s.history.length).toBe(90);
      expect(s.history[0].date).toBe('2026-09-09');
      expect(s.history[89].date).toBe('2026-12-07');
    }
    const bad = (s: (typeof body.services)[number]) =>
      s.history.filter((d) => d.state !== 'normal').map((d) => `${d.date}:${d.state}`);
    expect(bad(website)).toEqual(['2026-11-20:major']);
    expect(bad(email)).toEqual(['2026-12-05:partial', '2026-12-06:partial', '2026-12-07:partial']);
    expect(bad(dc)).toEqual(['2026-12-07:major']);

    // Nothing internal: no marker, no e-mail address, no ticket number, no ids.
    expect(page.text).not.toContain(MARK);
    expect(page.text.toLowerCase()).not.toContain(MARK.toLowerCase());
    expect(page.text).not.toMatch(/[a-z0-9._-]+@[a-z0-9-]+\./i);
    expect(page.text).not.toContain('GNG');
    expect(page.text).not.toContain(web.number);
    expect(page.text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/i);
    expect(page.text).not.toContain('kabid-iai');
    expect(page.text).not.toContain('+62');

    // A second look within the minute is served from the cache.
    clock.set(wita('2026-12-07T10:00:30'));
    const again = await status();
    expect(again.body.generatedAt).toBe(body.generatedAt);
  });

  it('answers an unknown or malformed office with 404 and a missing one with 400', async () => {
    const unknown = await status('tidak-ada');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    const missing = await app.request('GET', '/api/v1/public/status');
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { path: string }) => e.path)).toContain('office');
    // A code no office has (here a quote and SQL) is simply not an office.
    const malformed = await status('BALI%27%20OR%201%3D1');
    expect(malformed.status).withContext(malformed.text).toBe(404);
    expect(malformed.text).not.toContain('sql');
  });

  it("keeps the public words with the office's helpdesk and checks them", async () => {
    clock.set(wita('2026-12-08T09:00:00'));
    const t = await openIncident(['web-pemprov'], 'rendah', 'rendah', 5);
    // Another office's helpdesk: the ticket is not theirs to see.
    const riau = await app.token('helpdesk.riau@sigap.local');
    const foreign = await put(
      `/api/v1/incidents/${t.number}/public-notice`,
      { publicTitle: 'Diubah kantor lain', expectedVersion: t.version },
      riau,
    );
    expect([403, 404]).toContain(foreign.status);
    // Signed out: refused.
    const anonymous = await put(
      `/api/v1/incidents/${t.number}/public-notice`,
      { publicTitle: 'Tanpa masuk', expectedVersion: t.version },
      null,
    );
    expect(anonymous.status).toBe(401);
    // Bad input names the field.
    const twoLines = await put(`/api/v1/incidents/${t.number}/public-notice`, {
      publicTitle: 'Baris satu\nbaris dua',
      expectedVersion: t.version,
    });
    expect(twoLines.status).toBe(400);
    expect(twoLines.body.errors[0].path).toBe('publicTitle');
    const tooLong = await put(`/api/v1/incidents/${t.number}/public-notice`, {
      publicSummary: 'x'.repeat(1001),
      expectedVersion: t.version,
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0].path).toBe('publicSummary');
    // Nothing changed.
    const view = await app.request<IncidentView>('GET', `/api/v1/incidents/${t.number}`, {
      token: agent,
    });
    expect([view.body.publicTitle, view.body.publicSummary]).toEqual([null, null]);
    // A request ticket is not an incident.
    const [request] = (await ds.query(
      "SELECT number, version FROM tickets WHERE office_code = 'bali' AND kind = 'request' LIMIT 1",
    )) as { number: string; version: number }[];
    if (request) {
      const notIncident = await put(`/api/v1/incidents/${request.number}/public-notice`, {
        publicTitle: 'Bukan gangguan',
        expectedVersion: Number(request.version),
      });
      expect(notIncident.status).toBe(409);
    }
  });
});
