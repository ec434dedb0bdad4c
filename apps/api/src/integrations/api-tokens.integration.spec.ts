import type {
  ApiTokenView,
  CreatedApiToken,
  TicketDetail,
  TicketPage,
  TimelineEntryView,
} from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '@sigap/api-audit';
import { Clock } from '@sigap/api-clock';
import { apiTokenHash, LAST_USE_WRITE_MS } from '@sigap/api-identity';
import { DATABASES, describeOnBothDatabases, type TestApp } from '../testing/test-app';
import { twoInstancesOnOneDatabase } from '../testing/two-instances';

const openBody = (office: string, subject: string) => ({
  office,
  service: 'pengembangan-aplikasi',
  channel: 'letter',
  subject,
  description: subject,
  requester: { name: 'Sistem e-Office', email: `eoffice@opd.${office}.go.id` },
});

describeOnBothDatabases('integrations: API tokens', (ctx) => {
  let app: TestApp;
  let admin: string;
  const create = async (body: unknown, token = admin) =>
    app.request<CreatedApiToken>('POST', '/api/v1/api-tokens', { token, body });

  beforeAll(async () => {
    app = ctx();
    admin = await app.token('admin@sigap.local');
  });
  afterEach(() => app.app.get(Clock).release());

  it('creates a token shown once, stores only its SHA-256, lists it and audits it', async () => {
    const res = await create({ name: 'e-Office', scopes: ['tickets:read'], office: 'bali' });
    expect(res.status).withContext(res.text).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(['id', 'token']);
    expect(res.body.token).toMatch(/^sgp_[A-Za-z0-9_-]{43}$/);

    const rows: { token_hash: string }[] = await app.app
      .get(DataSource)
      .query('SELECT token_hash FROM api_tokens WHERE id = ?', [res.body.id]);
    expect(rows[0].token_hash).toBe(apiTokenHash(res.body.token));
    const raw = JSON.stringify(await app.app.get(DataSource).query('SELECT * FROM api_tokens'));
    expect(raw).not.toContain(res.body.token.slice(4));

    const list = await app.request<ApiTokenView[]>('GET', '/api/v1/api-tokens', { token: admin });
    expect(list.status).toBe(200);
    const mine = list.body.find((t) => t.id === res.body.id)!;
    expect(mine).toEqual(
      jasmine.objectContaining({
        name: 'e-Office',
        scopes: ['tickets:read'],
        office: 'bali',
        prefix: res.body.token.slice(0, 8),
        expiresAt: null,
        lastUsedAt: null,
      }),
    );
    expect(mine.createdBy?.name).toBeTruthy();
    expect(JSON.stringify(list.body)).not.toContain(res.body.token);

    const audit = await app.app.get(AuditService).forEntity('api_token', res.body.id);
    expect(audit.map((a) => a.action)).toEqual(['api_token.created']);
    expect(audit[0].after).not.toContain(res.body.token);
  });

  it('refuses bad input with 400 naming the field, and non-admins with 403', async () => {
    const bad = await create({ name: 'x', scopes: ['tickets:delete'] });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('scopes');
    const past = await create({
      name: 'x',
      scopes: ['tickets:read'],
      expiresAt: '2020-01-01T00:00:00Z',
    });
    expect(past.status).toBe(400);
    expect(past.text).toContain('expiresAt');
    const office = await create({ name: 'x', scopes: ['tickets:read'], office: 'atlantis' });
    expect(office.status).toBe(404);
    const agent = await app.token('helpdesk.bali@sigap.local');
    expect((await create({ name: 'x', scopes: ['tickets:read'] }, agent)).status).toBe(403);
    expect((await app.request('GET', '/api/v1/api-tokens', { token: agent })).status).toBe(403);
  });

  it('works within its scopes only, and no route without a scope takes it', async () => {
    const { body } = await create({ name: 'Baca', scopes: ['tickets:read'], office: 'bali' });
    const list = await app.request<TicketPage>('GET', '/api/v1/tickets?office=bali', {
      token: body.token,
    });
    expect(list.status).withContext(list.text).toBe(200);
    const open = await app.request('POST', '/api/v1/tickets', {
      token: body.token,
      body: openBody('bali', 'Tanpa izin tulis'),
    });
    expect(open.status).toBe(403);
    expect(open.text).toContain('tickets:write');
    const dash = await app.request('GET', '/api/v1/dashboards/backlog?office=bali', {
      token: body.token,
    });
    expect(dash.status).toBe(403);
    // Routes naming no scope (the signed-in user's own, user administration) refuse every token.
    expect((await app.request('GET', '/api/v1/auth/me', { token: body.token })).status).toBe(403);
    expect((await app.request('GET', '/api/v1/users', { token: body.token })).status).toBe(403);
  });

  it('stays within its office', async () => {
    const { body } = await create({
      name: 'Bali saja',
      scopes: ['tickets:read', 'tickets:write', 'dashboards:read'],
      office: 'bali',
    });
    const other = await app.request('GET', '/api/v1/dashboards/backlog?office=riau', {
      token: body.token,
    });
    expect(other.status).toBe(403);
    const own = await app.request('GET', '/api/v1/dashboards/backlog?office=bali', {
      token: body.token,
    });
    expect(own.status).withContext(own.text).toBe(200);
    const elsewhere = await app.request('POST', '/api/v1/tickets', {
      token: body.token,
      body: openBody('riau', 'Kantor lain'),
    });
    expect(elsewhere.status).withContext(elsewhere.text).toBe(403);
  });

  it('acts under its own name on the timeline', async () => {
    const { body } = await create({
      name: 'e-Office',
      scopes: ['tickets:read', 'tickets:write'],
      office: 'bali',
    });
    const open = await app.request<TicketDetail>('POST', '/api/v1/tickets', {
      token: body.token,
      body: openBody('bali', 'Dari e-Office'),
    });
    expect(open.status).withContext(open.text).toBe(201);
    const note = await app.request('POST', `/api/v1/tickets/${open.body.number}/notes`, {
      token: body.token,
      body: { body: 'Catatan dari e-Office', expectedVersion: open.body.version },
    });
    expect(note.status).withContext(note.text).toBe(200);
    const timeline = await app.request<TimelineEntryView[]>(
      'GET',
      `/api/v1/tickets/${open.body.number}/timeline`,
      { token: admin },
    );
    const opened = timeline.body.find((e) => e.event === 'ticket.opened');
    expect(opened?.author).toEqual({ id: body.id, name: 'Token API: e-Office' });
    const noted = timeline.body.find((e) => e.kind === 'note');
    expect(noted?.author?.name).toBe('Token API: e-Office');
  });

  it('cannot manage tokens or webhooks, even holding every scope and no office', async () => {
    const { body } = await create({
      name: 'Semua',
      scopes: [
        'tickets:read',
        'tickets:write',
        'dashboards:read',
        'complaints:read',
        'catalog:read',
      ],
    });
    const t = body.token;
    expect((await create({ name: 'anak', scopes: ['tickets:read'] }, t)).status).toBe(403);
    expect((await app.request('GET', '/api/v1/api-tokens', { token: t })).status).toBe(403);
    expect(
      (await app.request('DELETE', `/api/v1/api-tokens/${body.id}`, { token: t })).status,
    ).toBe(403);
    expect((await app.request('GET', '/api/v1/webhooks', { token: t })).status).toBe(403);
    const hook = await app.request('POST', '/api/v1/webhooks', {
      token: t,
      body: { url: 'http://127.0.0.1:9/hook', events: ['ticket.opened'] },
    });
    expect(hook.status).toBe(403);
    // An admin-only route refuses it whatever scopes it holds.
    const refresh = await app.request('POST', '/api/v1/dashboards/refresh', { token: t });
    expect(refresh.status).toBe(403);
    // Without an office it reads every office's tickets.
    const riau = await app.request('GET', '/api/v1/tickets?office=riau', { token: t });
    expect(riau.status).withContext(riau.text).toBe(200);
  });

  it('answers 401 at once when revoked, audited; 401 when expired; 401 when unknown', async () => {
    const { body } = await create({ name: 'Dicabut', scopes: ['catalog:read'] });
    expect(
      (await app.request('GET', '/api/v1/catalog/services', { token: body.token })).status,
    ).toBe(200);
    const del = await app.request('DELETE', `/api/v1/api-tokens/${body.id}`, { token: admin });
    expect(del.status).toBe(204);
    expect(
      (await app.request('GET', '/api/v1/catalog/services', { token: body.token })).status,
    ).toBe(401);
    expect(
      (await app.request('DELETE', `/api/v1/api-tokens/${body.id}`, { token: admin })).status,
    ).toBe(404);
    const list = await app.request<ApiTokenView[]>('GET', '/api/v1/api-tokens', { token: admin });
    expect(list.body.some((t) => t.id === body.id)).toBeFalse();
    const audit = await app.app.get(AuditService).forEntity('api_token', body.id);
    expect(audit.map((a) => a.action)).toEqual(['api_token.revoked', 'api_token.created']);

    const soon = new Date(Date.now() + 60 * 60_000).toISOString();
    const expiring = await create({ name: 'Sebentar', scopes: ['catalog:read'], expiresAt: soon });
    expect(expiring.status).toBe(201);
    const t = expiring.body.token;
    expect((await app.request('GET', '/api/v1/catalog/services', { token: t })).status).toBe(200);
    app.app.get(Clock).set(Date.now() + 61 * 60_000);
    expect((await app.request('GET', '/api/v1/catalog/services', { token: t })).status).toBe(401);

    const forged = `sgp_${'A'.repeat(43)}`;
    expect((await app.request('GET', '/api/v1/catalog/services', { token: forged })).status).toBe(
      401,
    );
  });

  it('notes the last use, at most once a minute', async () => {
    const clock = app.app.get(Clock);
    const { body } = await create({ name: 'Pemakaian', scopes: ['catalog:read'] });
    const lastUse = async () => {
      const list = await app.request<ApiTokenView[]>('GET', '/api/v1/api-tokens', { token: admin });
      return list.body.find((t) => t.id === body.id)!.lastUsedAt;
    };
    const call = () => app.request('GET', '/api/v1/catalog/services', { token: body.token });
    const t0 = Date.parse('2026-12-07T03:00:00Z');
    clock.set(t0);
    await call();
    await waitFor(async () => (await lastUse()) === new Date(t0).toISOString());
    clock.set(t0 + 30_000);
    await call();
    await sleep(200);
    expect(await lastUse()).toBe(new Date(t0).toISOString());
    clock.set(t0 + LAST_USE_WRITE_MS + 1_000);
    await call();
    await waitFor(
      async () => (await lastUse()) === new Date(t0 + LAST_USE_WRITE_MS + 1_000).toISOString(),
    );
  });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(check: () => Promise<boolean>, ms = 3_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await sleep(50);
  }
}

describe('integrations: API token revocation across instances [mysql]', () => {
  // Two instances on one MariaDB: a token revoked through one is refused by the other at once,
  // though the other had just accepted it.
  if (!DATABASES.includes('mysql')) return;
  const pair = twoInstancesOnOneDatabase('mysql');

  it('answers 401 on the other instance right after the revocation', async () => {
    const admin = await pair.a.token('admin@sigap.local');
    const made = await pair.a.request<CreatedApiToken>('POST', '/api/v1/api-tokens', {
      token: admin,
      body: { name: 'Dua instans', scopes: ['catalog:read'] },
    });
    expect(made.status).toBe(201);
    const call = (app: TestApp) =>
      app.request('GET', '/api/v1/catalog/services', { token: made.body.token });
    expect((await call(pair.b)).status).toBe(200);
    expect((await call(pair.a)).status).toBe(200);
    const del = await pair.a.request('DELETE', `/api/v1/api-tokens/${made.body.id}`, {
      token: admin,
    });
    expect(del.status).toBe(204);
    expect((await call(pair.b)).status).toBe(401);
    expect((await call(pair.a)).status).toBe(401);
  });
});
