import { e2e } from './support/global-setup';
import { screenshot } from './support/browser';
import { DEMO_PASSWORD, signIn } from './support/session';

/** The four published standards, counted in the documents themselves (../shared/seeds). */
const SEEDS = [
  { office: 'riau', requirements: 4, steps: 11, time: '3 Bulan' },
  { office: 'tebingtinggi', requirements: 1, alternatives: 2, steps: 12, time: '1 Hari' },
  { office: 'bali', steps: 7 },
  { office: 'gorontalo', requirements: 5, steps: 20, time: '1 s.d 2 bulan' },
] as const;

describe('login', () => {
  it('refuses a wrong password with a message in Bahasa Indonesia', async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${e2e.sigap.baseUrl}/katalog`);
    await page.waitForURL(/\/masuk/);
    await page.getByLabel('E-mail').fill('admin@sigap.local');
    await page.getByLabel('Kata sandi').fill('bukan-sandinya');
    await page.getByRole('button', { name: 'Masuk' }).click();
    const error = page.locator('[data-test="login-error"]');
    await error.waitFor();
    expect(await error.textContent()).toContain('E-mail atau kata sandi salah');
    await screenshot(page, 'login-error');
    await context.close();
  });

  it('signs in and lands in the console', async () => {
    const { context, page } = await signIn('admin@sigap.local', DEMO_PASSWORD);
    expect(new URL(page.url()).pathname).not.toContain('/masuk');
    await context.close();
  });
});

describe('catalog of the four seed offices', () => {
  for (const seed of SEEDS) {
    it(`shows the ${seed.office} service with every requirement and step`, async () => {
      const { context, page } = await signIn(`helpdesk.${seed.office}@sigap.local`);
      await page.goto(`${e2e.sigap.baseUrl}/katalog`);
      const rows = page.locator('[data-test="service-row"]');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(1);
      await rows.first().getByRole('link').click();
      await page.locator('[data-test="service-name"]').waitFor();
      const stepRows = page.locator('[data-test="step-row"]');
      await stepRows.first().waitFor();
      expect(await stepRows.count()).toBe(seed.steps);
      if ('requirements' in seed) {
        expect(await page.locator('[data-test="requirement"]').count()).toBe(seed.requirements);
      }
      if ('alternatives' in seed) {
        expect(await page.locator('[data-test="alternative"]').count()).toBe(seed.alternatives);
      }
      if ('time' in seed) {
        expect(await page.locator('body').innerText()).toContain(seed.time);
      }
      await screenshot(page, `service-${seed.office}`);
      await context.close();
    });
  }

  it('reads well on a phone', async () => {
    const context = await e2e.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    const page = await context.newPage();
    await page.goto(`${e2e.sigap.baseUrl}/masuk`);
    await page.getByLabel('E-mail').fill('helpdesk.gorontalo@sigap.local');
    await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/masuk'));
    await page.goto(`${e2e.sigap.baseUrl}/katalog`);
    await page.locator('[data-test="service-row"] a').first().click();
    await page.locator('[data-test="step-row"]').first().waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await screenshot(page, 'service-gorontalo-phone');
    await context.close();
  });
});
