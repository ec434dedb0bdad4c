import { blockingViolations } from './support/a11y';
import { screenshot } from './support/browser';
import { expectNoPageScroll } from './support/layout';
import { e2e } from './support/global-setup';
import { SCREENS, signInAt } from './support/session';

/** A `datetime-local` value on Bali's clock (WITA, UTC+8), `hours` from now. */
function witaIn(hours: number): string {
  return new Date(Date.now() + (hours + 8) * 3_600_000).toISOString().slice(0, 16);
}

describe('changes', () => {
  for (const size of SCREENS) {
    it(`a manager approves a change (${size.name})`, async () => {
      // The helpdesk records a high-risk change on the province website.
      const agent = await signInAt('helpdesk.bali@sigap.local', size);
      let page = agent.page;
      await page.goto(`${e2e.sigap.baseUrl}/tiket`);
      await page.locator('[data-test=new-change]').click();
      await page.waitForURL(/\/tiket\/perubahan-baru$/);
      await page.locator('[data-test=chg-services]').click({ force: true });
      await page.getByRole('option', { name: /Website Pemerintah Provinsi Bali/ }).click();
      await page.keyboard.press('Escape');
      await page.locator('[data-test=chg-risk]').click();
      await page.getByRole('option', { name: /^Tinggi$/ }).click();
      await page.locator('[data-test=chg-approvers]', { hasText: 'kadis' }).waitFor();
      await page.locator('[data-test=chg-start]').fill(witaIn(1));
      await page.locator('[data-test=chg-end]').fill(witaIn(3));
      const subject = `Membuka port 443 ${size.name} ${Date.now()}`;
      await page.locator('[data-test=chg-subject]').fill(subject);
      await page
        .locator('[data-test=chg-description]')
        .fill('DPMPTSP meminta port 443 dibuka untuk aplikasi perizinan.');
      await page
        .locator('[data-test=chg-rollback]')
        .fill('Pulihkan aturan firewall dari cadangan konfigurasi.');
      await page.locator('[data-test=chg-name]').fill('Kasubbag Umum DPMPTSP');
      await page.locator('[data-test=chg-phone]').fill('+62 361 777888');
      expect(await blockingViolations(page))
        .withContext('new change form')
        .toEqual([]);
      await expectNoPageScroll(page, 'new change form');
      await screenshot(page, `changes-new-${size.name}`);
      await page.locator('[data-test=chg-submit]').click();
      await page.waitForURL(/\/tiket\/PRBBALI-\d{4}-\d{6}$/);
      const number = new URL(page.url()).pathname.split('/').pop() as string;
      await page.locator('[data-test=change-state]', { hasText: 'Menunggu persetujuan' }).waitFor();
      // The helpdesk does not hold the Kadis's position: nothing to decide here.
      expect(await page.locator('[data-test=change-approve]').count()).toBe(0);
      await agent.context.close();

      // The Kadis finds it on the change calendar and approves it.
      const kadis = await signInAt('kadis.bali@sigap.local', size);
      page = kadis.page;
      await page.goto(`${e2e.sigap.baseUrl}/perubahan`);
      const entry = page.locator('[data-test=cal-entry]', { hasText: subject });
      await entry.waitFor();
      expect(await entry.innerText()).toContain('Menunggu persetujuan');
      expect(await blockingViolations(page))
        .withContext('change calendar')
        .toEqual([]);
      await expectNoPageScroll(page, 'change calendar');
      await screenshot(page, `changes-calendar-${size.name}`);
      await entry.getByRole('link', { name: number }).click();
      await page.waitForURL(new RegExp(`/tiket/${number}$`));
      await page.locator('[data-test=change-approve]').waitFor();
      expect(await page.locator('[data-test=change-risk]').innerText()).toBe('Tinggi');
      await page.locator('[data-test=change-reason]').fill('Jadwal aman, sudah diuji.');
      await expectNoPageScroll(page, 'change workspace');
      await screenshot(page, `changes-approve-${size.name}`);
      await page.locator('[data-test=change-approve]').click();
      await page.locator('[data-test=change-state]', { hasText: 'Disetujui' }).waitFor();
      expect(await page.locator('[data-test=change-approvals]').innerText()).toContain(
        'Jadwal aman, sudah diuji.',
      );
      expect(await blockingViolations(page))
        .withContext('approved change')
        .toEqual([]);
      await expectNoPageScroll(page, 'approved change');
      await screenshot(page, `changes-approved-${size.name}`);
      await kadis.context.close();
    });
  }
});
