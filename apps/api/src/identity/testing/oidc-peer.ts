/**
 * A real OpenID provider (the certified `oidc-provider` package) for the sign-in specs, on a
 * free local port, behind a relay that can tamper with the ID token the token endpoint
 * answers. The issuer is the relay's address, so every request goes through it.
 *
 * `OidcBrowser` plays the browser: it keeps cookies, follows redirects by hand and fills the
 * provider's login and consent forms (its development interactions).
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PeerAccount {
  email: string;
  name: string;
  groups: string[];
  emailVerified?: boolean;
}

export interface PeerClient {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** The same JWT with a changed claim and the original signature (which no longer matches). */
export function tamperJwt(jwt: string, change: Record<string, unknown>): string {
  const [header, payload, signature] = jwt.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  const altered = Buffer.from(JSON.stringify({ ...claims, ...change })).toString('base64url');
  return [header, altered, signature].join('.');
}

export class TestOidcProvider {
  /** When set, the next token answers carry an ID token with these claims changed. */
  tamperIdToken: Record<string, unknown> | null = null;
  /** Token endpoint answers seen (status), to show a replayed code was refused by the peer. */
  readonly tokenAnswers: number[] = [];

  private constructor(
    private readonly provider: Server,
    private readonly relay: Server,
    readonly issuer: string,
  ) {}

  static async start(
    accounts: Record<string, PeerAccount>,
    client: PeerClient,
  ): Promise<TestOidcProvider> {
    // oidc-provider is an ES module; Node 20.19+ loads it with require.
    const { default: Provider } = require('oidc-provider');
    const relay = createServer();
    const relayPort = await listen(relay);
    const issuer = `http://127.0.0.1:${relayPort}`;
    const oidc = new Provider(issuer, {
      clients: [
        {
          client_id: client.clientId,
          client_secret: client.clientSecret,
          redirect_uris: [client.redirectUri],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_basic',
        },
      ],
      pkce: { required: () => true },
      claims: {
        openid: ['sub'],
        email: ['email', 'email_verified'],
        profile: ['name', 'groups'],
      },
      cookies: { keys: ['kunci-cookie-uji-penyedia-0123456789'] },
      features: { devInteractions: { enabled: true } },
      findAccount: async (_ctx: unknown, sub: string) => {
        const account = accounts[sub];
        if (!account) return undefined;
        return {
          accountId: sub,
          claims: async () => ({
            sub,
            email: account.email,
            email_verified: account.emailVerified ?? true,
            name: account.name,
            groups: account.groups,
          }),
        };
      },
    });
    const provider = createServer(oidc.callback());
    const providerPort = await listen(provider);
    const peer = new TestOidcProvider(provider, relay, issuer);
    relay.on('request', (req, res) => {
      const forward = request(
        {
          host: '127.0.0.1',
          port: providerPort,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (answer) => {
          if (!req.url?.startsWith('/token')) {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
            return;
          }
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('end', () => {
            peer.tokenAnswers.push(answer.statusCode ?? 0);
            let body = Buffer.concat(chunks);
            if (peer.tamperIdToken && answer.statusCode === 200) {
              const json = JSON.parse(body.toString('utf8'));
              json.id_token = tamperJwt(json.id_token, peer.tamperIdToken);
              body = Buffer.from(JSON.stringify(json));
            }
            const headers = { ...answer.headers, 'content-length': String(body.length) };
            res.writeHead(answer.statusCode ?? 502, headers);
            res.end(body);
          });
        },
      );
      forward.on('error', () => res.destroy());
      req.pipe(forward);
    });
    return peer;
  }

  async stop(): Promise<void> {
    await close(this.relay);
    await close(this.provider);
  }
}

export interface BrowserStep {
  status: number;
  location: string | null;
  text: string;
  url: string;
}

/** A minimal browser: a cookie jar, manual redirects, and form filling. */
export class OidcBrowser {
  private readonly jar = new Map<string, string>();

  async fetch(url: string, init: { method?: string; form?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { Accept: 'text/html' };
    if (this.jar.size) {
      headers['Cookie'] = [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    let body: string | undefined;
    if (init.form) {
      body = new URLSearchParams(init.form).toString();
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
    }
    const response = await fetch(url, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      headers,
      body,
      redirect: 'manual',
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair, ...attributes] = cookie.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (!value || expired) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    const location = response.headers.get('location');
    return {
      status: response.status,
      location: location ? new URL(location, url).href : null,
      text: await response.text(),
      url,
    } satisfies BrowserStep;
  }

  /** The cookie the browser holds under this name. */
  cookie(name: string): string | undefined {
    return this.jar.get(name);
  }

  setCookie(name: string, value: string): void {
    this.jar.set(name, value);
  }

  /**
   * Goes through the provider from its authorization URL: signs in as `login`, consents, and
   * stops at the redirect back to the relying party (answered as its URL).
   */
  async authorizeAt(authorizationUrl: string, login: string, stopAt: string): Promise<string> {
    let step = await this.fetch(authorizationUrl);
    for (let i = 0; i < 20; i++) {
      if (step.location?.startsWith(stopAt)) return step.location;
      if (step.location) {
        step = await this.fetch(step.location);
        continue;
      }
      const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/i.exec(step.text);
      if (!form)
        throw new Error(`no form at ${step.url} (${step.status}): ${step.text.slice(0, 300)}`);
      const fields: Record<string, string> = {};
      for (const input of form[2].matchAll(/<input[^>]*>/gi)) {
        const name = /name="([^"]+)"/.exec(input[0])?.[1];
        const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? '';
        if (name) fields[name] = value;
      }
      if ('login' in fields) fields['login'] = login;
      if ('password' in fields) fields['password'] = 'apa-saja';
      step = await this.fetch(new URL(form[1], step.url).href, { form: fields });
    }
    throw new Error('the provider did not send the browser back');
  }
}
