import { e2e } from './support/global-setup';
import { screenshot } from './support/browser';
import { signIn } from './support/session';

const SERVICE = '/katalog/bali/pengembangan-aplikasi';

/** `YYYY-MM-DD` of today in Bali (WITA). */
function todayInBali(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Makassar' }).format(new Date());
}

/**
 * The first weekday after today that is no national holiday of the seed (only 24-25 Dec and
 * 1 Jan can fall in the next week of a run late in the year; the others are checked by the
 * page: the date must not be listed yet).
 */
function nextWeekday(from: string, skip: (date: string) => boolean): string {
  const [y, m, d] = from.split('-').map(Number);
  for (let i = 1; i < 30; i++) {
    const day = new Date(Date.UTC(y, m - 1, d + i));
    const weekday = day.getUTCDay();
    const text = day.toISOString().slice(0, 10);
    if (weekday !== 0 && weekday !== 6 && !skip(text)) return text;
  }
  throw new Error(`no weekday found after ${from}`);
}

describe('working calendar', () => {
  it("an admin adds an office holiday on the calendar page and the service's due moves", async () => {
    const { context, page } = await signIn('admin@sigap.local');

    // The due of a Bali request received now ("28 s.d. 29 hari kerja"), in WITA.
    await page.goto(`${e2e.sigap.baseUrl}${SERVICE}`);
    const dueLine = page.locator('[data-test="due-total"] .due-line');
    await dueLine.waitFor();
    const before = (await dueLine.innerText()).trim();
    expect(before).toMatch(/^Diterima sekarang, selesai paling lambat .+ WITA$/);
    expect(await page.locator('[data-test="due-zone"]').innerText()).toContain('Asia/Makassar');

    // The calendar page lists the seeded national holidays of the year with their badges.
    await page.locator('[data-test="calendar-link"]').click();
    await page.waitForURL(/\/kalender\/bali$/);
    const rows = page.locator('[data-test="closure-row"]');
    await rows.first().waitFor();
    expect(await page.locator('[data-test="calendar-zone"]').innerText()).toContain('WITA');
    const listed = new Set(
      await rows.evaluateAll((elements) => elements.map((e) => e.getAttribute('data-date') ?? '')),
    );
    const date = nextWeekday(
      todayInBali(),
      (d) => listed.has(d) || ['12-24', '12-25', '01-01'].includes(d.slice(5)),
    );

    // A field error comes back beside the field, then the corrected holiday is saved.
    await page.locator('[data-test="add-closure"]').click();
    await page.locator('[data-test="closure-date"]').fill(date);
    await page.locator('[data-test="closure-name"]').fill('Penutupan kantor (uji e2e)');
    await page.locator('[data-test="save-closure"]').click();
    const sourceError = page.locator('[data-test="closure-error-source"]');
    await sourceError.waitFor();
    expect(await sourceError.innerText()).toContain('wajib diisi');
    await page.locator('[data-test="closure-source"]').fill('Nota dinas uji');
    await page.locator('[data-test="save-closure"]').click();
    await page.locator('[data-test="closure-form"]').waitFor({ state: 'detached' });

    if (date.slice(0, 4) !== todayInBali().slice(0, 4)) {
      await page.locator('[data-test="year-select"]').click();
      await page.getByRole('option', { name: date.slice(0, 4) }).click();
    }
    const added = page.locator(`[data-test="closure-row"][data-date="${date}"]`);
    await added.waitFor();
    expect(await added.locator('[data-test="layer-badge"]').innerText()).toBe('Kantor');
    await screenshot(page, 'calendar-bali');

    // The service page's due moves by the closed day.
    await page.goto(`${e2e.sigap.baseUrl}${SERVICE}`);
    await dueLine.waitFor();
    const after = (await dueLine.innerText()).trim();
    expect(after).not.toBe(before);
    await screenshot(page, 'service-bali-due');
    await context.close();
  });

  it('the seeded Ramadan hours are in force; an admin withdraws them and confirms them again', async () => {
    const { context, page } = await signIn('admin@sigap.local');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${e2e.sigap.baseUrl}/kalender/riau`);
    const ramadan = page.locator('[data-test="variant"]', { hasText: 'Ramadan 1447 H' });
    await ramadan.waitFor();
    const proposed = ramadan.locator('[data-test="variant-proposed"]');
    expect(await proposed.count()).toBe(0);
    const source = await ramadan.locator('[data-test="variant-source"]').innerText();
    expect(source).toContain('Perpres No. 21 Tahun 2023');
    expect(source).toContain('SE Gubernur DKI Jakarta No. 1/SE/2026');
    const toggle = ramadan.locator('[data-test="variant-toggle-confirmed"]');
    expect((await toggle.innerText()).trim()).toBe('Batalkan konfirmasi');
    await ramadan.scrollIntoViewIfNeeded();
    await screenshot(page, 'calendar-ramadan-in-force');

    // Withdrawn: shown as a proposal, not in force.
    await toggle.click();
    await proposed.waitFor();
    expect(await proposed.innerText()).toContain('belum berlaku');
    expect((await toggle.innerText()).trim()).toBe('Konfirmasi: berlakukan');
    await ramadan.scrollIntoViewIfNeeded();
    await screenshot(page, 'calendar-ramadan-withdrawn');
    await page.setViewportSize({ width: 390, height: 844 });
    await ramadan.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await screenshot(page, 'calendar-ramadan-withdrawn-phone');
    // Confirmed again, as seeded: later journeys count the Ramadan hours.
    await toggle.click();
    await proposed.waitFor({ state: 'detached' });
    expect((await toggle.innerText()).trim()).toBe('Batalkan konfirmasi');
    await screenshot(page, 'calendar-ramadan-in-force-phone');
    await context.close();
  });
});
