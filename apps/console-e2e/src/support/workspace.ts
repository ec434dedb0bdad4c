import type { Page } from 'playwright-core';

/**
 * Verifies every document of the open workspace's checklist in turn, as an agent does at the
 * desk, each once the page shows the one before it verified. Afterwards each item's verify
 * button is checked: it follows the item's state (disabled once verified).
 */
export async function verifyChecklist(page: Page): Promise<void> {
  const items = page.locator('[data-test=checklist-item]');
  const count = await items.count();
  for (let i = 0; i < count; i++) {
    await items.nth(i).locator('[data-test=verify]').click();
    await page.waitForFunction(
      (index) =>
        document
          .querySelectorAll('[data-test=checklist-item]')
          [index]?.getAttribute('data-status') === 'verified',
      i,
    );
    expect(await items.nth(i).locator('[data-test=verify]').isDisabled()).toBeTrue();
  }
}
