import type { AuthMethods, LoginResponse, Problem } from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { OIDC_COOKIE } from '@sigap/api-identity';
import { describeOnBothDatabases, type TestApp } from '../testing/test-app';
import { OidcBrowser, TestOidcProvider, type PeerAccount } from './testing/oidc-peer';

const PUBLIC_URL = 'http://sigap.test';
const CLIENT = {
  clientId: 'sigap-konsol',
  clientSecret: 'rahasia-klien-uji-0123456789',
  redirectUri: `${PUBLIC_URL}/api/v1/auth/oidc/callback`,
};
const accounts: Record<string, PeerAccount> = {
  budi: { email: 'budi@bali.go.id', name: 'Budi Santoso', groups: ['helpdesk-bali', 'semua'] },
  putu: { email: 'putu@bali.go.id', name: 'Putu', groups: ['helpdesk-bali', 'kepala-bali'] },
  sari: { email: 'sari@riau.go.id', name: 'Sari', groups: ['semua'] },
  dua: { email: 'dua@bali.go.id', name: 'Dua Kantor', groups: ['helpdesk-bali', 'helpdesk-riau'] },
  rina: { email: 'rina@riau.go.id', name: 'Rina', groups: ['helpdesk-riau'] },
  kadis: { email: 'kadis.bali@sigap.local', name: 'Bukan Kadis', groups: ['kepala-bali'] },
};
const env: Record<string, string> = {};
let peer: TestOidcProvider;

/** Starts at Sigap's login route and comes back to its callback (rewritten to the test app). */
async function throughProvider(
  app: TestApp,
  browser: OidcBrowser,
  login: string,
  changeAuthUrl: (url: URL) => void = () => undefined,
): Promise<string> {
  const start = await browser.fetch(`${app.baseUrl}/api/v1/auth/oidc/login`);
  expect(start.status).toBe(302);
  const authUrl = new URL(start.location as string);
  changeAuthUrl(authUrl);
  const back = await browser.authorizeAt(authUrl.href, login, `${PUBLIC_URL}/`);
  return back.replace(PUBLIC_URL, app.baseUrl);
}

async function signIn(app: TestApp, login: string): Promise<LoginResponse> {
  const browser = new OidcBrowser();
  const done = await browser.fetch(await throughProvider(app, browser, login));
  expect(done.status).withContext(done.text).toBe(302);
  const code = new URL(done.location as string).searchParams.get('sso') as string;
  const session = await app.request<LoginResponse>('POST', '/api/v1/auth/sso/exchange', {
    body: { code },
  });
  expect(session.status).withContext(session.text).toBe(200);
  return session.body;
}

describe('single sign-on by OpenID Connect', () => {
  beforeAll(async () => {
    peer = await TestOidcProvider.start(accounts, CLIENT);
    Object.assign(env, {
      SIGAP_PUBLIC_URL: PUBLIC_URL,
      SIGAP_OIDC_ISSUER: peer.issuer,
      SIGAP_OIDC_CLIENT_ID: CLIENT.clientId,
      SIGAP_OIDC_CLIENT_SECRET: CLIENT.clientSecret,
      SIGAP_OIDC_ROLE_MAP:
        'helpdesk-bali -> agent@bali; kepala-bali -> manager@bali; helpdesk-riau -> agent@riau; sigap-admin -> admin',
    });
  });
  afterAll(async () => peer?.stop());

  describeOnBothDatabases(
    'OIDC',
    (ctx) => {
      afterEach(() => (peer.tamperIdToken = null));

      it('tells the console that SSO is offered next to the password form', async () => {
        const res = await ctx().request<AuthMethods>('GET', '/api/v1/auth/methods');
        expect(res.status).toBe(200);
        expect(res.body).toEqual({
          local: true,
          oidc: { loginUrl: '/api/v1/auth/oidc/login' },
          ldap: false,
        });
      });

      it('sends the browser to the provider with PKCE S256, state and nonce', async () => {
        const browser = new OidcBrowser();
        const res = await browser.fetch(`${ctx().baseUrl}/api/v1/auth/oidc/login`);
        expect(res.status).toBe(302);
        const url = new URL(res.location as string);
        expect(url.origin).toBe(peer.issuer);
        expect(url.searchParams.get('client_id')).toBe(CLIENT.clientId);
        expect(url.searchParams.get('redirect_uri')).toBe(CLIENT.redirectUri);
        expect(url.searchParams.get('code_challenge_method')).toBe('S256');
        expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
        expect(url.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
        expect(url.searchParams.get('nonce')).toMatch(/^[\w-]{20,}$/);
        // The verifier, state and nonce travel sealed: nothing of them is readable in the cookie.
        const cookie = browser.cookie(OIDC_COOKIE) as string;
        expect(cookie).toBeTruthy();
        expect(cookie).not.toContain(url.searchParams.get('state') as string);
      });

      it('creates the user on first sign-in with the role and office their groups give', async () => {
        const first = await signIn(ctx(), 'budi');
        expect(first.user).toEqual(
          jasmine.objectContaining({ email: 'budi@bali.go.id', roles: ['agent'], office: 'bali' }),
        );
        const me = await ctx().request('GET', '/api/v1/auth/me', { token: first.accessToken });
        expect(me.status).toBe(200);
        expect(me.body.name).toBe('Budi Santoso');
        // A second sign-in is the same account.
        const again = await signIn(ctx(), 'budi');
        expect(again.user.id).toBe(first.user.id);
        const [row] = await ctx()
          .app.get(DataSource)
          .query('SELECT auth_source, external_id FROM users WHERE id = ?', [first.user.id]);
        expect(row.auth_source).toBe('oidc');
        expect(row.external_id).toBe(`${peer.issuer} budi`);
        // A directory user has no local password.
        const local = await ctx().request('POST', '/api/v1/auth/login', {
          body: { email: 'budi@bali.go.id', password: '!sso' },
        });
        expect(local.status).toBe(401);
      });

      it("scopes an SSO user to the office their groups give: Riau's agent cannot touch Bali", async () => {
        const bali = await signIn(ctx(), 'budi');
        const riau = await signIn(ctx(), 'rina');
        expect(riau.user.office).toBe('riau');
        const body = {
          office: 'bali',
          service: 'pengembangan-aplikasi',
          channel: 'email',
          subject: 'Tiket dari agen SSO',
          description: 'Uji kantor.',
          requester: { name: 'Wayan', email: 'wayan@diskes.baliprov.go.id' },
        };
        const opened = await ctx().request('POST', '/api/v1/tickets', {
          token: bali.accessToken,
          body,
        });
        expect(opened.status).withContext(opened.text).toBe(201);
        const refused = await ctx().request('POST', '/api/v1/tickets', {
          token: riau.accessToken,
          body,
        });
        expect(refused.status).toBe(403);
        const read = await ctx().request('GET', `/api/v1/tickets/${opened.body.number}`, {
          token: riau.accessToken,
        });
        expect([403, 404]).toContain(read.status);
      });

      it('follows the groups at each sign-in', async () => {
        const first = await signIn(ctx(), 'putu');
        expect(first.user.roles).toEqual(['agent', 'manager']);
        accounts['putu'].groups = ['helpdesk-bali'];
        try {
          const second = await signIn(ctx(), 'putu');
          expect(second.user.id).toBe(first.user.id);
          expect(second.user.roles).toEqual(['agent']);
        } finally {
          accounts['putu'].groups = ['helpdesk-bali', 'kepala-bali'];
        }
      });

      it('exchanges a handoff code once only', async () => {
        const browser = new OidcBrowser();
        const done = await browser.fetch(await throughProvider(ctx(), browser, 'budi'));
        const code = new URL(done.location as string).searchParams.get('sso');
        const first = await ctx().request('POST', '/api/v1/auth/sso/exchange', { body: { code } });
        expect(first.status).toBe(200);
        const second = await ctx().request<Problem>('POST', '/api/v1/auth/sso/exchange', {
          body: { code },
        });
        expect(second.status).toBe(400);
        expect(second.body.code).toBe('auth.sso_failed');
        const bad = await ctx().request<Problem>('POST', '/api/v1/auth/sso/exchange', {
          body: { code: 'x' },
        });
        expect(bad.status).toBe(400);
        expect(bad.body.errors?.[0].path).toBe('code');
      });

      it('refuses a user whose groups give no access, with a page that says so', async () => {
        const browser = new OidcBrowser();
        const res = await browser.fetch(await throughProvider(ctx(), browser, 'sari'));
        expect(res.status).toBe(403);
        expect(res.text).toContain('tidak ada grupnya yang diberi akses');
        expect(res.text).toContain('Kembali ke halaman masuk');
        const rows = await ctx()
          .app.get(DataSource)
          .query('SELECT id FROM users WHERE email = ?', ['sari@riau.go.id']);
        expect(rows.length).toBe(0);
      });

      it('refuses groups that name two offices, and an e-mail a local account holds', async () => {
        const browser = new OidcBrowser();
        const two = await browser.fetch(await throughProvider(ctx(), browser, 'dua'));
        expect(two.status).toBe(409);
        expect(two.text).toContain('lebih dari satu kantor');
        const other = new OidcBrowser();
        const taken = await other.fetch(await throughProvider(ctx(), other, 'kadis'));
        expect(taken.status).toBe(409);
        expect(taken.text).toContain('kadis.bali@sigap.local');
      });

      it('refuses a callback whose state is not the one this browser started with', async () => {
        const browser = new OidcBrowser();
        const callback = new URL(await throughProvider(ctx(), browser, 'budi'));
        callback.searchParams.set('state', 'state-palsu-dari-penyerang');
        const res = await browser.fetch(callback.href);
        expect(res.status).toBe(400);
        expect(res.text).toContain('state tidak cocok');
        // Another browser (no started sign-in) cannot use a victim's callback either.
        const stranger = await new OidcBrowser().fetch(
          (await throughProvider(ctx(), new OidcBrowser(), 'budi')).toString(),
        );
        expect(stranger.status).toBe(400);
      });

      it('refuses a replayed authorization code', async () => {
        const browser = new OidcBrowser();
        const callback = await throughProvider(ctx(), browser, 'budi');
        const sealed = browser.cookie(OIDC_COOKIE) as string;
        const first = await browser.fetch(callback);
        expect(first.status).toBe(302);
        browser.setCookie(OIDC_COOKIE, sealed);
        const replay = await browser.fetch(callback, {});
        expect(replay.status).toBe(400);
        expect(peer.tokenAnswers[peer.tokenAnswers.length - 1]).toBe(400);
      });

      it('refuses an ID token whose nonce is not the one sent', async () => {
        const browser = new OidcBrowser();
        const callback = await throughProvider(ctx(), browser, 'budi', (url) =>
          url.searchParams.set('nonce', 'nonce-lain-milik-penyerang'),
        );
        const res = await browser.fetch(callback);
        expect(res.status).toBe(400);
        expect(res.text).toContain('tidak dapat diverifikasi');
      });

      it('refuses a tampered ID token (claims changed after signing)', async () => {
        const browser = new OidcBrowser();
        const callback = await throughProvider(ctx(), browser, 'sari');
        peer.tamperIdToken = { sub: 'budi' };
        const res = await browser.fetch(callback);
        expect(res.status).toBe(400);
        expect(res.text).toContain('tidak dapat diverifikasi');
      });

      it('answers problem+json to API clients', async () => {
        const res = await ctx().request<Problem>(
          'GET',
          '/api/v1/auth/oidc/callback?code=abc&state=def',
          { headers: { Accept: 'application/json' } },
        );
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect(res.body.code).toBe('auth.sso_failed');
      });
    },
    env,
  );
});
