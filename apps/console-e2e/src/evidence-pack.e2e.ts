import { readFileSync } from 'node:fs';
import { Workbook } from 'exceljs';
import type { Page } from 'playwright-core';
import { blockingViolations } from './support/a11y';
import { screenshot } from './support/browser';
import { expectNoPageScroll } from './support/layout';
import { e2e } from './support/global-setup';
import { SCREENS, signInAt } from './support/session';

async function checked(page: Page, what: string): Promise<void> {
  expect(await blockingViolations(page))
    .withContext(what)
    .toEqual([]);
  await expectNoPageScroll(page, what);
}

/** Clicks a button and returns the file the browser downloads. */
async function downloaded(page: Page, button: string): Promise<{ name: string; body: Buffer }> {
  const download = page.waitForEvent('download');
  await page.locator(`[data-test=${button}]`).click();
  const file = await download;
  const path = await file.path();
  expect(path).withContext(button).toBeTruthy();
  return { name: file.suggestedFilename(), body: readFileSync(path as string) };
}

describe('SPBE evidence pack', () => {
  for (const size of SCREENS) {
    it(`a manager prints the evidence pack as PDF and downloads its tables (${size.name})`, async () => {
      const { context, page } = await signInAt('kadis.bali@sigap.local', size);
      try {
        await page.goto(`${e2e.sigap.baseUrl}/laporan`);
        const section = page.locator('[data-test=evidence-pack]');
        await section.waitFor();
        expect(await section.locator('h2').innerText()).toBe('Bukti dukung evaluasi SPBE');
        const year = new Date().getUTCFullYear();
        await page.locator('[data-test=evidence-from]').fill(`${year}-01`);
        await page.locator('[data-test=evidence-to]').fill(`${year}-12`);
        await section.scrollIntoViewIfNeeded();
        await checked(page, `evidence pack ${size.name}`);
        await screenshot(page, `evidence-pack-${size.name}`);

        const pdf = await downloaded(page, 'evidence-pdf');
        expect(pdf.name).toBe(`bukti-dukung-spbe-BALI-${year}-01-${year}-12.pdf`);
        expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');

        const xlsx = await downloaded(page, 'evidence-xlsx');
        expect(xlsx.name).toBe(`bukti-dukung-spbe-BALI-${year}-01-${year}-12.xlsx`);
        const workbook = new Workbook();
        await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
        expect(workbook.worksheets.map((w) => w.name)).toEqual([
          'Katalog layanan',
          'Kanal',
          'Per jenis tiket',
          'Kepatuhan SLA layanan',
          'Tren kepatuhan SLA',
          'Gangguan',
          'Perubahan',
          'IKM',
          'Penanganan pengaduan',
          'Tinjauan berkala',
          'Tindakan perbaikan',
          'Keterangan',
        ]);
        await page.waitForFunction(
          () =>
            !document.querySelector(
              'mat-snack-bar-container [aria-hidden="true"] simple-snack-bar',
            ),
        );
        await checked(page, `evidence pack downloaded ${size.name}`);
        await screenshot(page, `evidence-pack-downloaded-${size.name}`);
      } finally {
        await context.close();
      }
    });
  }
});
