import type { Page } from 'playwright-core';
import { blockingViolations } from './support/a11y';
import { screenshot } from './support/browser';
import { expectNoPageScroll } from './support/layout';
import { e2e } from './support/global-setup';
import { SCREENS, signInAt } from './support/session';

async function pick(page: Page, select: string, option: RegExp): Promise<void> {
  await page.locator(`[data-test=${select}]`).click();
  await page.getByRole('option', { name: option }).first().click();
}

async function checked(page: Page, what: string): Promise<void> {
  // A confirmation's first 150 ms: Material holds its text (and its close button) in an
  // aria-hidden box before moving it into the live region that announces it. Check after.
  await page.waitForFunction(
    () => !document.querySelector('mat-snack-bar-container [aria-hidden="true"] simple-snack-bar'),
  );
  expect(await blockingViolations(page))
    .withContext(what)
    .toEqual([]);
  await expectNoPageScroll(page, what);
}

describe('service reviews', () => {
  for (const size of SCREENS) {
    it(`a manager records a review and an improvement action, and marks it done (${size.name})`, async () => {
      const { context, page } = await signInAt('kadis.bali@sigap.local', size);
      await page.goto(`${e2e.sigap.baseUrl}/tinjauan`);
      await page.locator('[data-test=new-review]').waitFor();
      await checked(page, 'reviews page');

      // Record a review: the figures of the period are shown read-only before saving.
      const title = `Tinjauan layanan ${size.name} ${Date.now()}`;
      await page.locator('[data-test=new-review]').click();
      await page.locator('[data-test=review-form] [data-test=review-figures]').waitFor();
      await page.locator('[data-test=review-title]').fill(title);
      await page.locator('[data-test=review-attendee-name-0]').fill('I Made Suarjana');
      await page.locator('[data-test=review-attendee-position-0]').fill('Kepala Dinas');
      await page.locator('[data-test=review-add-attendee]').click();
      await page.locator('[data-test=review-attendee-name-1]').fill('Ni Luh Sari');
      await page.locator('[data-test=review-attendee-position-1]').fill('Petugas helpdesk');
      await page.locator('[data-test=review-notes]').fill('Kepatuhan SLA dibahas per layanan.');
      await page
        .locator('[data-test=review-decisions]')
        .fill('Perbarui SOP hosting\nTambah petugas jam sibuk');
      expect(
        await page.locator('[data-test=review-form] [data-test=review-figures] input').count(),
      ).toBe(0);
      await checked(page, 'review form');
      await screenshot(page, `reviews-form-${size.name}`);
      await page.locator('[data-test=review-save]').click();
      const review = page.locator('[data-test=review-item]', { hasText: title });
      await review.waitFor();
      expect(await review.innerText()).toContain('2 peserta');

      // An improvement action from that review, already past its due date.
      const actionTitle = `Perbarui SOP hosting ${size.name} ${Date.now()}`;
      const due = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
      await page.locator('[data-test=new-action]').click();
      await page.locator('[data-test=action-title]').fill(actionTitle);
      await pick(page, 'action-review', new RegExp(title));
      await pick(page, 'action-owner', /Sekretaris/);
      await page.locator('[data-test=action-due]').fill(due);
      await checked(page, 'action form');
      await page.locator('[data-test=action-save]').click();
      const action = page.locator('[data-test=action-item]', { hasText: actionTitle });
      await action.waitFor();
      expect(await action.locator('[data-test=action-overdue]').innerText()).toBe('Terlambat');
      expect(await action.locator('[data-test=action-status]').innerText()).toBe('Terbuka');
      await action.scrollIntoViewIfNeeded();
      await checked(page, 'actions list');
      await screenshot(page, `reviews-actions-${size.name}`);

      // Mark it done with a closing note: the overdue badge goes.
      await action.locator('[data-test=action-change-status]').click();
      await pick(page, 'action-new-status', /^Selesai$/);
      await action.locator('[data-test=action-closing-note]').fill('SOP baru disahkan Kadis.');
      await checked(page, 'status change');
      await action.locator('[data-test=action-apply-status]').click();
      await action.locator('[data-test=action-status]', { hasText: 'Selesai' }).waitFor();
      expect(await action.locator('[data-test=action-overdue]').count()).toBe(0);
      expect(await action.innerText()).toContain('SOP baru disahkan Kadis.');
      await action.scrollIntoViewIfNeeded();
      await checked(page, 'action done');
      await screenshot(page, `reviews-done-${size.name}`);
      await context.close();
    });
  }
});
