import type { TicketPage } from '@sigap/contracts';
import { blockingViolations } from './support/a11y';
import { apiToken, callApi } from './support/api';
import { screenshot } from './support/browser';
import { e2e } from './support/global-setup';
import { mailTo, waitForMail } from './support/kept-mail';

describe('public pages (no sign-in): service standards and complaints', () => {
  it('shows a published standard from the office index down to its procedure, with no serious axe violation', async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    const base = e2e.sigap.baseUrl;

    await page.goto(`${base}/standar-pelayanan`);
    await page.locator('[data-test=office-gorontalo]').waitFor();
    expect(await blockingViolations(page))
      .withContext('offices')
      .toEqual([]);

    await page.locator('[data-test=office-gorontalo]').click();
    await page.locator('[data-test=services] a').first().waitFor();
    expect(await page.locator('[data-test=perf-ikm]').innerText()).toContain('IKM');
    expect(await blockingViolations(page))
      .withContext('office')
      .toEqual([]);

    await page.locator('[data-test=services] a').first().click();
    await page.locator('[data-test=service-name]').waitFor();
    expect(await page.locator('[data-test=service-name]').innerText()).toContain(
      'PENGEMBANGAN APLIKASI',
    );
    expect(await page.locator('[data-test=steps] tbody tr').count()).toBe(20);
    expect(await page.locator('[data-test=requirements] > li').count()).toBe(5);
    expect(await page.locator('[data-test=service-time]').innerText()).toContain('1 s.d 2 bulan');
    expect(await blockingViolations(page))
      .withContext('service')
      .toEqual([]);

    // Printed, the page keeps the standard and drops the navigation and buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.bar').isVisible()).toBeFalse();
    expect(await page.locator('[data-test=print]').isVisible()).toBeFalse();
    expect(await page.locator('[data-test=steps]').isVisible()).toBeTrue();
    await page.emulateMedia({ media: 'screen' });
    await screenshot(page, 'public-service-gorontalo');

    await page.locator('[data-test=lang-en]').click();
    await page.locator('#c3').getByText('3. Service time').waitFor();
    await context.close();
  });

  it('lets a member of the public file a complaint and get its number; the office sees it in its queue', async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${e2e.sigap.baseUrl}/pengaduan?kantor=bali`);
    await page.locator('[data-test=cf-name]').waitFor();
    expect(await blockingViolations(page))
      .withContext('complaint form')
      .toEqual([]);

    await page.locator('[data-test=cf-category]').click();
    await page.getByRole('option', { name: 'Saran' }).click();
    await page.locator('[data-test=cf-name]').fill('Komang Sari');
    await page.locator('[data-test=cf-email]').fill('komang.sari@example.id');
    await page
      .locator('[data-test=cf-text]')
      .fill('Mohon jam layanan helpdesk diumumkan di situs dinas.');
    await page.locator('[data-test=cf-submit]').click();
    const done = page.locator('[data-test=complaint-done]');
    await done.waitFor();
    const text = await done.innerText();
    const number = /ADUBALI-\d{4}-\d{6}/.exec(text)?.[0];
    expect(number).withContext(text).toBeDefined();
    expect(text).toContain('WITA');
    expect(await blockingViolations(page))
      .withContext('complaint done')
      .toEqual([]);
    await screenshot(page, 'public-complaint-filed');
    await context.close();

    const token = await apiToken('helpdesk.bali@sigap.local');
    const queue = await callApi<TicketPage>('GET', '/api/v1/tickets?kind=complaint', token);
    const mine = queue.items.find((t) => t.number === number);
    expect(mine?.kind).toBe('complaint');
    expect(mine?.subject).toContain('Saran:');

    // The acknowledgement is a complaint's own: its number, 5 working days, the tracking link.
    const ack = await waitForMail(
      (m) =>
        mailTo(m).includes('komang.sari@example.id') && (m.subject ?? '').includes(number ?? '-'),
    );
    expect(ack.subject).toContain('Saran diterima');
    expect(ack.subject).not.toContain('Permohonan diterima');
    expect(ack.text).toContain('5 hari kerja');
    expect(ack.text).toMatch(/\/lacak\/[\w-]{46}/);
  });
});
