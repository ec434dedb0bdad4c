import { openBaliTicket } from './support/api';
import { expectAccessible } from './support/a11y';
import { screenshot } from './support/browser';
import { e2e } from './support/global-setup';
import { expectInsideScreen, expectNoPageScroll } from './support/layout';
import { SCREENS, signInAt } from './support/session';

describe('notifications', () => {
  for (const size of SCREENS) {
    it(`a Kasi mentions the helpdesk agent in a note; the agent sees the bell and opens the ticket from it (${size.name})`, async () => {
      const ticket = await openBaliTicket(`Server aplikasi SIMPEG ${size.name} ${Date.now()}`);
      const kasi = await signInAt('kasi-ai.bali@sigap.local', size);
      try {
        await kasi.page.goto(`${e2e.sigap.baseUrl}/tiket/${ticket.number}`);
        await kasi.page.locator('[data-test=ticket-number]').waitFor();
        await kasi.page.locator('[data-test=kind-note]').click();
        const note = `@helpdesk.bali mohon konfirmasi kapasitas server ke pemohon (${size.name}).`;
        await kasi.page.locator('[data-test=composer]').fill(note);
        await kasi.page.locator('[data-test=send]').click();
        await kasi.page.locator('[data-test=timeline-entry]', { hasText: note }).waitFor();
      } finally {
        await kasi.context.close();
      }

      const agent = await signInAt('helpdesk.bali@sigap.local', size);
      try {
        const { page } = agent;
        const bell = page.locator('[data-test=notification-bell]');
        await page.locator('[data-test=notification-count]').waitFor();
        expect(
          Number(await page.locator('[data-test=notification-count]').innerText()),
        ).toBeGreaterThan(0);
        expect(await bell.getAttribute('aria-label')).toMatch(/^Notifikasi, \d+ belum dibaca$/);
        expect(await page.locator('[data-test=notification-live]').getAttribute('aria-live')).toBe(
          'polite',
        );
        await expectNoPageScroll(page, 'start page with the bell');

        await bell.click();
        const panel = page.locator('[data-test=notification-panel]');
        await panel.waitFor();
        const item = panel.locator('[data-test=notification-item]', { hasText: ticket.number });
        await item.waitFor();
        expect(await item.innerText()).toContain(`menyebut Anda di tiket ${ticket.number}`);
        expect(await item.innerText()).toContain('mohon konfirmasi kapasitas server');
        await expectInsideScreen(page, '[data-test=notification-item]', 'notification panel');
        await expectAccessible(page, 'notification panel');
        await screenshot(page, `notifications-panel-${size.name}`);

        // The settings are in the panel too.
        await panel.locator('[data-test=notification-settings]').click();
        await panel.locator('[data-test=pref-mentioned]').waitFor();
        await expectAccessible(page, 'notification settings');
        await screenshot(page, `notifications-settings-${size.name}`);
        await panel.locator('[data-test=notification-settings]').click();

        const before = Number(await page.locator('[data-test=notification-count]').innerText());
        await item.locator('[data-test=notification-link]').click();
        await page.waitForURL(new RegExp(`/tiket/${ticket.number}$`));
        await page.locator('[data-test=ticket-number]').waitFor();
        expect(await page.locator('[data-test=ticket-number]').innerText()).toContain(
          ticket.number,
        );
        await page
          .locator('[data-test=timeline-entry]', { hasText: 'mohon konfirmasi kapasitas server' })
          .waitFor();
        // Opening it marked it read: one fewer on the bell.
        await page.waitForFunction((n) => {
          const badge = document.querySelector('[data-test=notification-count]');
          return (badge ? Number(badge.textContent) : 0) === n - 1;
        }, before);
        await screenshot(page, `notifications-opened-${size.name}`);
      } finally {
        await agent.context.close();
      }
    });
  }
});
