import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParsedMail } from 'mailparser';
import { expectAccessible } from './support/a11y';
import { apiToken, callApi, openBaliTicket, runBaliTicketToClosed } from './support/api';
import { screenshot, screenshotDir } from './support/browser';
import { e2e } from './support/global-setup';
import { mailTo, waitForMail } from './support/kept-mail';
import { expectNoPageScroll } from './support/layout';
import { SCREENS, signInAt } from './support/session';

const DOMAIN = `e2e-journey-${Date.now().toString(36)}.gorontaloprov.go.id`;

function pdf(label: string): Buffer {
  return Buffer.from(`%PDF-1.4\n% ${label}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);
}

function linkPath(mail: ParsedMail, pattern: RegExp): string {
  const found = pattern.exec(mail.text ?? '');
  if (!found) throw new Error(`no link ${pattern} in:\n${mail.text}`);
  const url = new URL(found[0]);
  return `${url.pathname}${url.search}`;
}

describe('journeys on a desktop and on a phone', () => {
  const folder = mkdtempSync(join(tmpdir(), 'sigap-journey-'));
  /** A PDF over the server's 25 MB limit (sparse on disk). */
  const oversized = join(folder, 'terlalu-besar.pdf');

  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  beforeAll(async () => {
    writeFileSync(oversized, pdf('besar'));
    truncateSync(oversized, 26 * 1024 * 1024);
    // Work done and under way, so the dashboard's tables and charts have rows.
    await runBaliTicketToClosed(await openBaliTicket('Uji perjalanan dasbor selesai'));
    await openBaliTicket('Uji perjalanan dasbor');
    await callApi('POST', '/api/v1/dashboards/refresh', await apiToken('admin@sigap.local'));
    await callApi('POST', '/api/v1/opds', await apiToken('admin@sigap.local'), {
      office: 'gorontalo',
      name: `Dinas Pendidikan (uji perjalanan ${Date.now()})`,
      emailDomains: [DOMAIN],
    });
  });

  for (const screen of SCREENS) {
    it(`a manager reads the dashboard and downloads the report (${screen.name})`, async () => {
      const { context, page } = await signInAt('kadis.bali@sigap.local', screen);
      try {
        await page.goto(`${e2e.sigap.baseUrl}/dasbor`);
        await page.locator('[data-test=dash-load-positions] tbody tr').first().waitFor();
        await page.locator('[data-test=dash-steps-table]').waitFor();
        expect(await page.locator('h1').innerText()).toBe('Dasbor SLA');
        expect(await page.locator('canvas[role=img]').count()).toBe(7);
        await expectNoPageScroll(page, `dashboard ${screen.name}`);
        // A table wider than the phone scrolls in its own box, its row names still in view.
        const box = page.locator('[data-test=dash-steps-table] .scroll');
        expect(await box.getAttribute('role')).toBe('region');
        const rowName = page.locator('[data-test=dash-steps-table] tbody th').first();
        if (await rowName.count()) expect(await rowName.isVisible()).toBeTrue();
        await expectAccessible(page, `dashboard ${screen.name}`);
        await screenshot(page, `journey-dashboard-${screen.name}`);
        // The page scrolls inside the shell: the cards further down are taken one by one.
        for (const card of ['dash-compliance', 'dash-steps', 'dash-workload']) {
          await page.locator(`[data-test=${card}]`).scrollIntoViewIfNeeded();
          await page
            .locator(`[data-test=${card}]`)
            .screenshot({ path: join(screenshotDir, `journey-${card}-${screen.name}.png`) });
        }

        await page.goto(`${e2e.sigap.baseUrl}/laporan`);
        await page.locator('[data-test=report-download]').waitFor();
        await expectNoPageScroll(page, `report ${screen.name}`);
        await expectAccessible(page, `report ${screen.name}`);
        const download = page.waitForEvent('download');
        await page.locator('[data-test=report-download]').click();
        const file = await download;
        expect(file.suggestedFilename()).toMatch(/\.pdf$/);
        // A real PDF (its signature block is checked where it is written, in the API's specs).
        const path = await file.path();
        expect(path).withContext('downloaded report').toBeTruthy();
        if (path) expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
        await screenshot(page, `journey-report-${screen.name}`);
      } finally {
        await context.close();
      }
    });

    it(`a requester answers through the portal (${screen.name})`, async () => {
      const requester = `guru.${screen.name}@${DOMAIN}`;
      const context = await e2e.browser.newContext({
        viewport: { width: screen.width, height: screen.height },
      });
      const page = await context.newPage();
      try {
        await page.goto(`${e2e.sigap.baseUrl}/portal/masuk`);
        await page.getByLabel('Alamat e-mail dinas').fill(requester);
        await page.locator('[data-test=portal-send-link]').click();
        await page.locator('[data-test=portal-link-sent]').waitFor();
        const linkMail = await waitForMail(
          (m) => mailTo(m).includes(requester) && /\/portal\/masuk\?token=/.test(m.text ?? ''),
        );
        await page.goto(
          `${e2e.sigap.baseUrl}${linkPath(linkMail, /https?:\/\/\S+\/portal\/masuk\?token=[\w-]+/)}`,
        );
        await page.waitForURL((url) => url.pathname === '/portal' && !url.search);

        // A request to answer on.
        await page.locator('[data-test=portal-new]').click();
        await page.locator('[data-test=portal-service]').click();
        await page
          .getByRole('option', { name: /PENGEMBANGAN APLIKASI PEMERINTAHAN/ })
          .first()
          .click();
        await page.locator('[data-test=portal-requirements]').waitFor();
        await page.locator('[data-test=portal-subject]').fill(`Aplikasi rapor (${screen.name})`);
        await page
          .locator('[data-test=portal-description]')
          .fill('Usulan aplikasi rapor digital untuk sekolah menengah se-provinsi.');
        await page.locator('[data-test=portal-submit]').click();
        await page.waitForURL(/\/portal\/permohonan\/GTLO-/);

        // The limit is shown; a file over it is refused on the spot and holds the answer back.
        expect(await page.locator('[data-test=portal-upload-limit]').innerText()).toContain(
          '25.0 MB',
        );
        // From disk: the browser reads the path itself, no 26 MB copied through the driver.
        await page.locator('[data-test=portal-upload-r1]').setInputFiles(oversized);
        const refused = page.locator('[data-test=portal-upload-error-r1]');
        await refused.waitFor();
        expect(await refused.innerText()).toContain('melebihi batas 25.0 MB');
        await page.locator('[data-test=portal-answer]').fill('Surat permohonan terlampir.');
        expect(await page.locator('[data-test=portal-send-answer]').isDisabled()).toBeTrue();
        await expectNoPageScroll(page, `portal request ${screen.name}`);
        await expectAccessible(page, `portal request, refused file ${screen.name}`);
        await screenshot(page, `journey-portal-refused-${screen.name}`);

        await page.locator('[data-test=portal-upload-remove-r1]').click();
        await page.locator('[data-test=portal-upload-r1]').setInputFiles({
          name: 'surat.pdf',
          mimeType: 'application/pdf',
          buffer: pdf('surat'),
        });
        await page
          .locator('[data-test=portal-item-r1]')
          .getByText('Diterima, menunggu verifikasi')
          .waitFor();
        await page.locator('[data-test=portal-send-answer]').click();
        await page.locator('[data-test=portal-answered]').waitFor();
        expect(await page.locator('[data-test=portal-messages]').innerText()).toContain(
          'Surat permohonan terlampir.',
        );

        // The list: on a phone each request is a card, no column cut off.
        await page.goto(`${e2e.sigap.baseUrl}/portal`);
        await page.locator('[data-test=portal-requests] tbody tr').first().waitFor();
        await expectNoPageScroll(page, `portal list ${screen.name}`);
        await expectAccessible(page, `portal list ${screen.name}`);
        await screenshot(page, `journey-portal-list-${screen.name}`);
      } finally {
        await context.close();
      }
    });

    it(`someone files a complaint and tracks it (${screen.name})`, async () => {
      const context = await e2e.browser.newContext({
        viewport: { width: screen.width, height: screen.height },
      });
      const page = await context.newPage();
      try {
        // From a standards page, through its navigation.
        await page.goto(`${e2e.sigap.baseUrl}/standar-pelayanan`);
        await page.locator('[data-test=office-bali]').waitFor();
        expect(await page.locator('[data-test=nav-portal]').getAttribute('href')).toBe('/portal');
        expect(await page.locator('[data-test=nav-track]').getAttribute('href')).toBe('/lacak');
        await expectNoPageScroll(page, `standards ${screen.name}`);

        await page.goto(`${e2e.sigap.baseUrl}/pengaduan?kantor=bali`);
        await page.locator('[data-test=cf-name]').waitFor();
        // Sent empty: the first refused field is focused, with its reason beside it.
        await page.locator('[data-test=cf-submit]').click();
        await page.waitForFunction(
          () => document.activeElement?.getAttribute('data-test') === 'cf-name',
        );
        await page.locator('[data-test=cf-name]').fill('Wayan Sudarma');
        await page.locator('[data-test=cf-email]').fill(`wayan.${screen.name}@example.id`);
        await page
          .locator('[data-test=cf-text]')
          .fill('Antrean layanan tatap muka terlalu panjang pada hari Senin.');
        expect(await page.locator('[data-test=cf-text-count]').innerText()).toBe('59/5000');
        await expectNoPageScroll(page, `complaint form ${screen.name}`);
        await page.locator('[data-test=cf-submit]').click();
        await page.locator('[data-test=complaint-done]').waitFor();
        const number = /ADUBALI-\d{4}-\d{6}/.exec(
          await page.locator('[data-test=complaint-done]').innerText(),
        )?.[0];
        expect(number).toBeDefined();
        await expectAccessible(page, `complaint done ${screen.name}`);
        await screenshot(page, `journey-complaint-done-${screen.name}`);

        await page.locator('[data-test=complaint-track]').click();
        await page.waitForURL(/\/lacak\/[\w-]{46}$/);
        await page.locator('[data-test=track-title]').waitFor();
        expect(await page.locator('[data-test=track-title]').innerText()).toBe(
          `Status pengaduan ${number}`,
        );
        expect(await page.locator('[data-test=track-step]').count()).toBe(0);
        await expectNoPageScroll(page, `complaint tracking ${screen.name}`);
        await expectAccessible(page, `complaint tracking ${screen.name}`);
        await screenshot(page, `journey-complaint-track-${screen.name}`);
      } finally {
        await context.close();
      }
    });
  }
});
