import { screenshot } from './support/browser';
import { e2e } from './support/global-setup';
import { startOidcProvider } from './support/oidc-provider';
import { startSigap, type RunningSigap } from './support/server';
import { SCREENS } from './support/session';

const CLIENT = { clientId: 'sigap', clientSecret: 'rahasia-klien-e2e-0123456789' };

/**
 * Single sign-on in a real browser: a Sigap of its own with only OpenID Connect (the password
 * form off) and a real OpenID provider. The staff member clicks "Masuk dengan SSO", signs in at
 * the provider, and lands in the console signed in with the role and office of their group.
 */
describe('single sign-on', () => {
  let sigap: RunningSigap;
  let provider: Awaited<ReturnType<typeof startOidcProvider>>;

  beforeAll(async () => {
    const accounts = {
      budi: { email: 'budi@bali.go.id', name: 'Budi Santoso', groups: ['helpdesk-bali'] },
      sari: { email: 'sari@riau.go.id', name: 'Sari', groups: ['semua-pegawai'] },
    };
    // The provider is started once Sigap's address (and so its callback) is known.
    sigap = await startSigap(async (baseUrl) => {
      provider = await startOidcProvider(accounts, {
        ...CLIENT,
        redirectUri: `${baseUrl}/api/v1/auth/oidc/callback`,
      });
      return {
        SIGAP_PUBLIC_URL: baseUrl,
        SIGAP_LOCAL_LOGIN: 'false',
        SIGAP_OIDC_ISSUER: provider.issuer,
        SIGAP_OIDC_CLIENT_ID: CLIENT.clientId,
        SIGAP_OIDC_CLIENT_SECRET: CLIENT.clientSecret,
        SIGAP_OIDC_ROLE_MAP: 'helpdesk-bali -> agent@bali',
      };
    });
  }, 180_000);

  afterAll(async () => {
    await sigap?.stop();
    await provider?.stop();
  }, 30_000);

  for (const screen of SCREENS) {
    it(`signs a staff member in through the provider (${screen.name})`, async () => {
      const context = await e2e.browser.newContext({
        viewport: { width: screen.width, height: screen.height },
      });
      try {
        const page = await context.newPage();
        await page.goto(`${sigap.baseUrl}/masuk`);
        const button = page.locator('[data-test=login-sso]');
        await button.waitFor();
        expect(await button.innerText()).toContain('Masuk dengan SSO');
        // Local sign-in is off: no password form.
        expect(await page.locator('[data-test=login-form]').count()).toBe(0);
        await screenshot(page, `sso-login-${screen.name}`);

        await button.click();
        await page.locator('input[name=login]').fill('budi');
        await page.locator('input[name=password]').fill('kata-sandi-apa-saja');
        await page.locator('button[type=submit]').click();
        // The provider asks for consent once per browser.
        await page.locator('button[type=submit]').click();
        await page.waitForURL(
          (url) => url.origin === sigap.baseUrl && !url.pathname.startsWith('/masuk'),
        );
        expect(new URL(page.url()).pathname).toBe('/tiket');
        const user = await page.evaluate(() => sessionStorage.getItem('sigap.user'));
        expect(JSON.parse(user as string)).toEqual(
          jasmine.objectContaining({ email: 'budi@bali.go.id', roles: ['agent'], office: 'bali' }),
        );
        await screenshot(page, `sso-signed-in-${screen.name}`);
      } finally {
        await context.close();
      }
    });

    it(`shows why someone without a mapped group is refused (${screen.name})`, async () => {
      const context = await e2e.browser.newContext({
        viewport: { width: screen.width, height: screen.height },
      });
      try {
        const page = await context.newPage();
        await page.goto(`${sigap.baseUrl}/masuk`);
        await page.locator('[data-test=login-sso]').click();
        await page.locator('input[name=login]').fill('sari');
        await page.locator('input[name=password]').fill('kata-sandi-apa-saja');
        await page.locator('button[type=submit]').click();
        await page.locator('button[type=submit]').click();
        const message = page.locator('[data-test=sso-error]');
        await message.waitFor();
        expect(await message.innerText()).toContain('tidak ada grupnya yang diberi akses');
        await screenshot(page, `sso-refused-${screen.name}`);
        await page.getByRole('link', { name: 'Kembali ke halaman masuk' }).click();
        await page.locator('[data-test=login-sso]').waitFor();
      } finally {
        await context.close();
      }
    });
  }
});
