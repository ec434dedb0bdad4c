import { blockingViolations } from './support/a11y';
import { openBaliTicket } from './support/api';
import { e2e } from './support/global-setup';
import { signIn } from './support/session';

describe('accessibility (axe-core, WCAG 2.1 A/AA): no serious or critical violation', () => {
  it('on the login page', async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${e2e.sigap.baseUrl}/masuk`);
    await page.getByLabel('E-mail').waitFor();
    expect(await blockingViolations(page)).toEqual([]);
    await context.close();
  });

  it('on the catalog, a service, the calendar, the queue and a ticket workspace', async () => {
    const { number } = await openBaliTicket('Uji aksesibilitas');
    const { context, page } = await signIn('helpdesk.bali@sigap.local');
    const base = e2e.sigap.baseUrl;
    const pages: { name: string; url: string; ready: string; click?: string }[] = [
      { name: 'catalog', url: '/katalog', ready: 'a[href="/katalog/bali/pengembangan-aplikasi"]' },
      { name: 'service', url: '/katalog/bali/pengembangan-aplikasi', ready: 'h1' },
      { name: 'calendar', url: '/kalender/bali', ready: '[data-test=calendar-zone]' },
      {
        name: 'queue',
        url: '/tiket',
        click: '[data-test=view-all]',
        ready: '[data-test=ticket-row]',
      },
      { name: 'workspace', url: `/tiket/${number}`, ready: '[data-test=timeline-entry]' },
    ];
    for (const target of pages) {
      await page.goto(`${base}${target.url}`);
      if (target.click) await page.locator(target.click).click();
      await page.locator(target.ready).first().waitFor();
      expect(await blockingViolations(page))
        .withContext(target.name)
        .toEqual([]);
    }
    // The last page, the workspace, reads its system events as sentences.
    const opened = page.locator('[data-test=event-text][data-event="ticket.opened"]');
    // The service by its name, not its code (innerText follows the text-transform).
    expect((await opened.innerText()).toLowerCase()).toBe(
      'tiket dibuka untuk layanan pengembangan aplikasi',
    );
    await context.close();
  });
});
