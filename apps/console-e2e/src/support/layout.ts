import type { Page } from 'playwright-core';

/** The page itself never scrolls sideways on the screen it is shown on: wide tables scroll
 * inside their own box. */
export async function expectNoPageScroll(page: Page, what: string): Promise<void> {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    view: window.innerWidth,
  }));
  expect(widths.scroll)
    .withContext(`${what}: page ${widths.scroll} px wide on a ${widths.view} px screen`)
    .toBeLessThanOrEqual(widths.view);
}

/** Every element matching `selector` lies inside the screen's width (nothing cut at the side). */
export async function expectInsideScreen(
  page: Page,
  selector: string,
  what: string,
): Promise<void> {
  const outside = await page.evaluate((sel) => {
    const width = window.innerWidth;
    return Array.from(document.querySelectorAll(sel))
      .filter((e) => (e as HTMLElement).offsetParent !== null)
      .map((e) => ({ text: (e.textContent ?? '').trim(), box: e.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && (box.left < 0 || box.right > width + 0.5))
      .map(({ text, box }) => `"${text}" ${Math.round(box.left)}..${Math.round(box.right)}`);
  }, selector);
  expect(outside).withContext(what).toEqual([]);
}
