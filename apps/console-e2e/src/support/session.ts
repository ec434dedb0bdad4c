import type { BrowserContext, Page } from 'playwright-core';
import { e2e } from './global-setup';

export const DEMO_PASSWORD = 'sigap-demo';

/** A screen a journey is walked on. */
export interface Screen {
  name: string;
  width: number;
  height: number;
}

/** The two screens every journey is walked on: a desk PC and a phone. */
export const SCREENS: readonly Screen[] = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

/**
 * A fresh browser context of the given size, signed in through the login page; waits until the
 * login page has handed over to the user's start page.
 */
export async function signInAt(
  email: string,
  size: { width: number; height: number },
  options: { password?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  // Downloads are accepted (Playwright's default): the report journey saves a file.
  const context = await e2e.browser.newContext({
    viewport: { width: size.width, height: size.height },
  });
  const page = await context.newPage();
  await page.goto(`${e2e.sigap.baseUrl}/masuk`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Kata sandi').fill(options.password ?? DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/masuk'));
  return { context, page };
}

/** A fresh browser context on a wide desk screen, signed in through the login page. */
export function signIn(
  email: string,
  password = DEMO_PASSWORD,
): Promise<{ context: BrowserContext; page: Page }> {
  return signInAt(email, { width: 1366, height: 900 }, { password });
}
