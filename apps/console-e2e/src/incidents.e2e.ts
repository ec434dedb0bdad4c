import type { Page } from 'playwright-core';
import { blockingViolations } from './support/a11y';
import { screenshot } from './support/browser';
import { expectNoPageScroll } from './support/layout';
import { e2e } from './support/global-setup';
import { SCREENS, signInAt } from './support/session';

async function pick(page: Page, select: string, option: RegExp): Promise<void> {
  await page.locator(`[data-test=${select}]`).click();
  await page.getByRole('option', { name: option }).click();
}

describe('incidents', () => {
  for (const size of SCREENS) {
    it(`an agent reads the IT services, records a P1 incident on the data centre and resolves it (${size.name})`, async () => {
      const { context, page } = await signInAt('helpdesk.bali@sigap.local', size);
      await page.goto(`${e2e.sigap.baseUrl}/admin/layanan-ti`);
      await page.locator('[data-test=it-service-row]').first().waitFor();
      expect(await page.locator('[data-test=it-services-table]').innerText()).toContain(
        'Pusat Data Pemerintah Provinsi Bali',
      );
      expect(await page.locator('[data-test=cell-tinggi-tinggi]').innerText()).toBe('P1');
      expect(await blockingViolations(page))
        .withContext('IT services page')
        .toEqual([]);
      await expectNoPageScroll(page, 'IT services page');
      await screenshot(page, `incidents-it-services-${size.name}`);

      await page.goto(`${e2e.sigap.baseUrl}/tiket`);
      await page.locator('[data-test=new-incident]').click();
      await page.waitForURL(/\/tiket\/gangguan-baru$/);
      // The empty field's floating label covers the middle of the wide field; a click on it
      // opens the list as a click on the field does.
      await page.locator('[data-test=inc-services]').click({ force: true });
      await page.getByRole('option', { name: /Pusat Data Pemerintah Provinsi Bali/ }).click();
      await page.keyboard.press('Escape');
      await pick(page, 'inc-impact', /^Tinggi$/);
      await pick(page, 'inc-urgency', /^Tinggi$/);
      // The preview follows the form's value: wait for it rather than read it at once.
      await page.locator('[data-test=inc-preview]', { hasText: 'Kritis' }).waitFor();
      expect(await page.locator('[data-test=inc-preview]').innerText()).toContain('Kritis');
      await page.locator('[data-test=inc-name]').fill('I Ketut Operator');
      await page.locator('[data-test=inc-phone]').fill('+62 361 222333');
      const subject = `Pusat data padam ${size.name} ${Date.now()}`;
      await page.locator('[data-test=inc-subject]').fill(subject);
      await page.locator('[data-test=inc-description]').fill('UPS mati, ruang server gelap.');
      expect(await blockingViolations(page))
        .withContext('new incident form')
        .toEqual([]);
      await expectNoPageScroll(page, 'new incident form');
      await screenshot(page, `incidents-new-${size.name}`);
      await page.locator('[data-test=inc-submit]').click();
      await page.waitForURL(/\/tiket\/GNGBALI-\d{4}-\d{6}$/);
      await page.locator('[data-test=incident-priority]').waitFor();
      expect(await page.locator('[data-test=ticket-priority]').innerText()).toContain('P1');
      expect(await page.locator('[data-test=incident-targets]').innerText()).toContain('4 jam');
      expect(await blockingViolations(page))
        .withContext('incident workspace')
        .toEqual([]);
      await expectNoPageScroll(page, 'incident workspace');
      await screenshot(page, `incidents-workspace-${size.name}`);

      await page.goto(`${e2e.sigap.baseUrl}/tiket`);
      await pick(page, 'priority', /^Kritis$/);
      const row = page.locator('[data-test=ticket-row]', { hasText: subject });
      await row.waitFor();
      expect(await row.locator('[data-test=row-priority]').innerText()).toBe('P1');
      await expectNoPageScroll(page, 'queue');
      await screenshot(page, `incidents-queue-${size.name}`);

      // The data centre is restored: the agent records the owner position's step on its
      // holder's behalf, then resolves the incident with what restored it.
      await row.click();
      await page.waitForURL(/\/tiket\/GNGBALI-\d{4}-\d{6}$/);
      const step = page.locator('[data-test=step][data-status=active]').first();
      await step.waitFor();
      expect(await step.locator('[data-test=complete-step]').innerText()).toContain('atas nama');
      await step
        .locator('[data-test=step-output]')
        .fill('Genset dinyalakan dan baterai UPS diganti; server hidup kembali.');
      await step.locator('[data-test=complete-step]').click();
      await page.locator('[data-test=step][data-status=done]').first().waitFor();
      await page.locator('[data-test=action-reason]').fill('Pusat data pulih pukul 11.00 WITA.');
      await page.locator('[data-test=action-resolve]').click();
      await page.locator('[data-test=action-close]').waitFor();
      expect(await page.locator('[data-test=ticket-status]').innerText()).toBe('Selesai');
      // The reason is on the timeline.
      await page.getByText('Pusat data pulih pukul 11.00 WITA.').first().waitFor();
      // Restored well within the 4 hours: the resolution clock stopped on time.
      expect(
        await page.locator('[data-test=ticket-clock] [data-test=clock-state]').innerText(),
      ).toBe('Tepat waktu');
      expect(await blockingViolations(page))
        .withContext('resolved incident')
        .toEqual([]);
      await expectNoPageScroll(page, 'resolved incident');
      // The shot shows the status and the stopped clocks at the top of the workspace.
      await page.locator('[data-test=ticket-status]').scrollIntoViewIfNeeded();
      await screenshot(page, `incidents-resolved-${size.name}`);
      await context.close();
    });
  }
});
