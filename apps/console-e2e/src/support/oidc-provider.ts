import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real OpenID provider (`oidc-provider`, certified) for the single sign-on journey: one
 * confidential client, PKCE required, and its development login and consent pages, where any
 * password is accepted for the accounts listed here.
 */
export async function startOidcProvider(
  accounts: Record<string, { email: string; name: string; groups: string[] }>,
  client: { clientId: string; clientSecret: string; redirectUri: string },
): Promise<{ issuer: string; stop(): Promise<void> }> {
  const { default: Provider } = require('oidc-provider');
  const server: Server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: [client.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    cookies: { keys: ['kunci-cookie-e2e-penyedia-0123456789'] },
    features: { devInteractions: { enabled: true } },
    findAccount: async (_ctx: unknown, sub: string) => {
      const account = accounts[sub];
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: async () => ({ sub, email_verified: true, ...account }),
      };
    },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    stop: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
