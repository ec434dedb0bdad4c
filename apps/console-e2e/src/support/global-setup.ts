import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { startSigap, type RunningSigap } from './server';

/** One running Sigap and one browser for the whole e2e run. */
export const e2e: { sigap: RunningSigap; browser: Browser } = {} as never;

jasmine.DEFAULT_TIMEOUT_INTERVAL = 60_000;

beforeAll(async () => {
  e2e.sigap = await startSigap();
  e2e.browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await e2e.browser?.close();
  await e2e.sigap?.stop();
}, 30_000);
