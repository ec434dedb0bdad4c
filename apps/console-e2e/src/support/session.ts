import type { BrowserContext, Page } from 'playwright-core';
import { e2e } from './global-setup';

export const DEMO_PASSWORD = 'sigap-demo';

/** A fresh browser context, signed in through the login page. */
export async function signIn(
  email: string,
  password = DEMO_PASSWORD,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await e2e.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${e2e.sigap.baseUrl}/masuk`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/masuk'));
  return { context, page };
}
