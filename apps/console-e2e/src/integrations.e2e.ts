import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { blockingViolations } from './support/a11y';
import { openBaliTicket } from './support/api';
import { screenshot } from './support/browser';
import { e2e } from './support/global-setup';
import { signIn } from './support/session';

/** Calls the API with a bearer credential and answers the status. */
async function statusWith(token: string, path: string): Promise<number> {
  const res = await fetch(`${e2e.sigap.baseUrl}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  await res.arrayBuffer();
  return res.status;
}

/** The page fits the phone's width (tables scroll inside their card). */
async function fitsPhone(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
}

describe('integrations', () => {
  it('an admin creates an API token shown once, the token works within its scope, and revoking it ends it', async () => {
    const { context, page } = await signIn('admin@sigap.local');
    await page.setViewportSize({ width: 1280, height: 900 });
    page.on('dialog', (dialog) => void dialog.accept());
    await page.locator('[data-test=nav-api-tokens]').click();
    await page.waitForURL(/\/admin\/token-api$/);

    await page.locator('[data-test=new-token]').click();
    await page.locator('[data-test=token-name]').fill('e-Office');
    await page.locator('[data-test=token-office]').click();
    await page.getByRole('option', { name: /Provinsi Bali/ }).click();
    await page.locator('[data-test="scope-tickets:read"] input').check();
    await page.locator('[data-test=save-token]').click();
    const value = page.locator('[data-test=fresh-token-value]');
    await value.waitFor();
    const token = (await value.innerText()).trim();
    expect(token).toMatch(/^sgp_[A-Za-z0-9_-]{43}$/);
    await page.locator('[data-test=token-row]').first().waitFor();
    expect(await blockingViolations(page))
      .withContext('API token page')
      .toEqual([]);
    await screenshot(page, 'integrations-token-created');

    expect(await statusWith(token, '/api/v1/tickets?office=bali')).toBe(200);
    expect(await statusWith(token, '/api/v1/dashboards/backlog?office=bali')).toBe(403);

    await page.locator('[data-test=dismiss-token]').click();
    expect(await page.locator('body').innerText()).not.toContain(token);
    await page.locator('[data-test=revoke-token]').first().click();
    await page.locator('[data-test=token-row]').waitFor({ state: 'detached' });
    expect(await statusWith(token, '/api/v1/tickets?office=bali')).toBe(401);
    await context.close();
  });

  it('an admin adds a webhook; an opened ticket reaches a receiver signed, and shows in the delivery log', async () => {
    let secret = '';
    const received: { event: string; valid: boolean }[] = [];
    const server: Server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        const expected = Buffer.from(
          `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`,
        );
        const given = Buffer.from(String(req.headers['x-sigap-signature'] ?? ''));
        received.push({
          event: JSON.parse(raw.toString('utf8')).event,
          valid: given.length === expected.length && timingSafeEqual(given, expected),
        });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const { context, page } = await signIn('admin@sigap.local');
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.locator('[data-test=nav-webhooks]').click();
      await page.waitForURL(/\/admin\/webhook$/);
      await page.locator('[data-test=new-webhook]').click();
      await page.locator('[data-test=webhook-url]').fill(`http://127.0.0.1:${port}/sigap`);
      await page.locator('[data-test=webhook-office]').click();
      await page.getByRole('option', { name: /Provinsi Bali/ }).click();
      await page.locator('[data-test="event-ticket.opened"] input').check();
      await page.locator('[data-test=save-webhook]').click();
      const value = page.locator('[data-test=fresh-secret-value]');
      await value.waitFor();
      secret = (await value.innerText()).trim();
      expect(secret.length).toBeGreaterThanOrEqual(40);

      const ticket = await openBaliTicket(`Webhook e2e ${Date.now()}`);
      // The outbox worker runs every 10 s outside tests.
      const until = Date.now() + 45_000;
      while (!received.length && Date.now() < until) await page.waitForTimeout(500);
      expect(received).toEqual([{ event: 'ticket.opened', valid: true }]);

      await page.locator('[data-test=open-log]').click();
      const row = page.locator('[data-test=delivery-row]').first();
      await row.waitFor();
      expect(await row.innerText()).toContain(ticket.number);
      expect(await page.locator('[data-test=delivery-status]').first().innerText()).toBe(
        'Terkirim',
      );
      expect(await blockingViolations(page))
        .withContext('webhook page')
        .toEqual([]);
      await screenshot(page, 'integrations-webhook-log');

      // The same pages on a phone.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.reload();
      await page.locator('[data-test=webhook-row]').first().waitFor();
      await page.locator('[data-test=open-log]').click();
      await page.locator('[data-test=delivery-row]').first().waitFor();
      await fitsPhone(page);
      await screenshot(page, 'integrations-webhooks-phone');
      await page.goto(`${e2e.sigap.baseUrl}/admin/token-api`);
      await page.locator('[data-test=new-token]').click();
      await page.locator('[data-test=token-form]').waitFor();
      await fitsPhone(page);
      await screenshot(page, 'integrations-token-form-phone');
      await context.close();
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
