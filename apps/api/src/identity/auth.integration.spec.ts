import type { HealthResponse, LoginResponse, Problem } from '@sigap/contracts';
import { MIGRATIONS } from '@sigap/api-database';
import { Clock } from '@sigap/api-clock';
import { Readiness } from '@sigap/api-common';
import { describeOnBothDatabases } from '../testing/test-app';

describeOnBothDatabases('health and sign-in', (ctx, kind) => {
  afterEach(() => ctx().app.get(Clock).release());

  it('GET /api/health answers 200 with the database and migrations', async () => {
    const res = await ctx().request<HealthResponse>('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.database.connected).toBeTrue();
    expect(res.body.database.type).toBe(kind === 'sqlite' ? 'sqlite' : 'mariadb');
    expect(res.body.migrations).toEqual({
      applied: MIGRATIONS.length,
      pending: 0,
      last: MIGRATIONS[MIGRATIONS.length - 1].name,
    });
  });

  it('answers 503 while start-up has not finished', async () => {
    const readiness = ctx().app.get(Readiness);
    readiness.markNotReady();
    try {
      const res = await ctx().request<HealthResponse>('GET', '/api/health');
      expect(res.status).toBe(503);
      expect(res.body.status).toBe('starting');
    } finally {
      readiness.markReady();
    }
  });

  it('signs in a demo user and answers /auth/me with the bearer token', async () => {
    const login = await ctx().login('kadis.bali@sigap.local');
    expect(login.expiresIn).toBe(8 * 3600);
    expect(login.user).toEqual(
      jasmine.objectContaining({
        email: 'kadis.bali@sigap.local',
        roles: ['manager'],
        office: 'bali',
        locale: 'id',
      }),
    );
    const me = await ctx().request('GET', '/api/v1/auth/me', { token: login.accessToken });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe('kadis.bali@sigap.local');
    expect(me.body.positions).toEqual(['kadis']);
    // The attachment limit (SIGAP_ATTACHMENT_MAX_MB, 25 MB unless set), for the staff's forms.
    expect(login.user.uploadMaxBytes).toBe(25 * 1024 * 1024);
    expect(me.body.uploadMaxBytes).toBe(25 * 1024 * 1024);
  });

  it('answers 401 with the same message for a wrong password and an unknown e-mail', async () => {
    const wrong = await ctx().request<Problem>('POST', '/api/v1/auth/login', {
      body: { email: 'admin@sigap.local', password: 'salah-sekali' },
    });
    const unknown = await ctx().request<Problem>('POST', '/api/v1/auth/login', {
      body: { email: 'tidak-ada@sigap.local', password: 'salah-sekali' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');
    expect(wrong.body.code).toBe('auth.invalid_credentials');
    expect(unknown.body).toEqual(wrong.body);
  });

  it('refuses a forged or missing token', async () => {
    const login = await ctx().login('admin@sigap.local');
    const [header, payload] = login.accessToken.split('.');
    const forged = `${header}.${payload}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
    expect((await ctx().request('GET', '/api/v1/auth/me', { token: forged })).status).toBe(401);
    expect((await ctx().request('GET', '/api/v1/auth/me')).status).toBe(401);
  });

  it('slows down repeated failures for one e-mail, then answers 429 with Retry-After', async () => {
    // The limiter counts in fixed windows; time stands still so no window edge falls mid-test.
    const clock = ctx().app.get(Clock);
    clock.set(Date.now());
    const attempt = async () => {
      const started = Date.now();
      const res = await ctx().request<Problem>('POST', '/api/v1/auth/login', {
        body: { email: 'kadis.riau@sigap.local', password: 'tebakan' },
      });
      return { res, ms: Date.now() - started };
    };
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await attempt());
    expect(results.map((r) => r.res.status)).toEqual([401, 401, 401, 401, 401]);
    // Two free failures, then 150, 300, 600 ms (each on top of the password check).
    expect(results[2].ms).toBeGreaterThanOrEqual(150);
    expect(results[4].ms).toBeGreaterThanOrEqual(600);
    expect(results[4].ms).toBeGreaterThan(results[1].ms + 400);

    const refused = await attempt();
    expect(refused.res.status).toBe(429);
    expect(refused.res.body.code).toBe('auth.rate_limited');
    expect(Number(refused.res.headers.get('retry-after'))).toBeGreaterThan(0);
    // Even the right password is refused while locked.
    const right = await ctx().request('POST', '/api/v1/auth/login', {
      body: { email: 'kadis.riau@sigap.local', password: 'sigap-demo' },
    });
    expect(right.status).toBe(429);
  }, 20_000);

  it('limits per client address across e-mails too', async () => {
    const clock = ctx().app.get(Clock);
    clock.set(Date.now());
    const ip = ctx().freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await ctx().request('POST', '/api/v1/auth/login', {
        body: { email: `tamu${i}@sigap.local`, password: 'tebakan' },
        headers: { 'X-Forwarded-For': ip },
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  }, 20_000);

  it('requires a bearer token on every endpoint except health and login', async () => {
    const docs = await ctx().request<{ paths: Record<string, Record<string, unknown>> }>(
      'GET',
      '/api/docs-json',
    );
    expect(docs.status).toBe(200);
    const open = [
      'GET /api/health',
      // Probes of load balancers and orchestrators.
      'GET /api/health/live',
      'GET /api/health/ready',
      'POST /api/v1/auth/login',
      'POST /api/v1/auth/password-reset',
      'POST /api/v1/auth/password-reset/confirm',
      // Single sign-on: the methods the login page offers, the OpenID Connect redirect and its
      // callback (state and PKCE are the credential), the one-time code and the LDAP sign-in.
      'GET /api/v1/auth/methods',
      'GET /api/v1/auth/oidc/login',
      'GET /api/v1/auth/oidc/callback',
      'POST /api/v1/auth/sso/exchange',
      'POST /api/v1/auth/ldap/login',
      // The satisfaction survey page: the signed link is the credential.
      'GET /api/v1/survey/{token}',
      'POST /api/v1/survey/{token}',
      // The requester portal's way in (its other routes need the portal session cookie) and
      // the tracking page, whose unguessable link is the credential.
      'POST /api/v1/portal/auth/link',
      'POST /api/v1/portal/auth/session',
      'GET /api/v1/portal/track/{token}',
      // The public page of service standards and the public complaint form.
      'GET /api/v1/public/offices',
      'GET /api/v1/public/offices/{office}',
      'GET /api/v1/public/offices/{office}/services/{code}',
      'POST /api/v1/public/complaints',
      // The public status page of an office's IT services.
      'GET /api/v1/public/status',
    ];
    const checked: string[] = [];
    for (const [path, operations] of Object.entries(docs.body.paths)) {
      for (const method of Object.keys(operations)) {
        const route = `${method.toUpperCase()} ${path}`;
        const concrete = path.replace(/\{version\}/g, '1').replace(/\{[^}]+\}/g, 'bali');
        const verb = method.toUpperCase();
        const res = await ctx().request(verb, concrete, verb === 'GET' ? {} : { body: {} });
        if (open.includes(route)) expect(res.status).withContext(route).not.toBe(401);
        else expect(res.status).withContext(route).toBe(401);
        checked.push(route);
      }
    }
    expect(checked).toContain('POST /api/v1/catalog/services');
    expect(checked).toContain('POST /api/v1/catalog/import');
    expect(checked.length).toBeGreaterThanOrEqual(12);
  });

  it('keeps the demo logins usable for the rest of the suite', async () => {
    const res: LoginResponse = await ctx().login('admin@sigap.local');
    expect(res.user.roles).toEqual(['admin']);
  });
});
