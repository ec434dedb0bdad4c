import { screenshot } from './support/browser';
import { e2e } from './support/global-setup';
import { signIn } from './support/session';

describe('tickets: queue and workspace', () => {
  it('the Bali agent opens a ticket, verifies the checklist, finds it in the queue and completes the first step', async () => {
    const { context, page } = await signIn('helpdesk.bali@sigap.local');
    const subject = `Uji e2e ${Date.now()}`;

    await page.goto(`${e2e.sigap.baseUrl}/tiket/baru`);
    const service = page.locator('[data-test=open-service]');
    await service.click();
    await page.locator('mat-option').first().click();
    await page.locator('[data-test=open-name]').fill('Made Wirawan');
    await page.locator('[data-test=open-email]').fill('made.wirawan@baliprov.go.id');
    await page.locator('[data-test=open-subject]').fill(subject);
    await page.locator('[data-test=open-description]').fill('Mohon dibuatkan aplikasi perizinan.');
    await page.locator('[data-test=open-submit]').click();
    await page.waitForURL(/\/tiket\/[A-Z]+-/);
    const number = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    await page.locator('[data-test=ticket-number]').waitFor();
    expect(await page.locator('[data-test=ticket-number]').innerText()).toContain(number);
    expect(await page.locator('[data-test=ticket-clock]').innerText()).toMatch(/WITA|sisa|—/);

    // Verify every requirement of the checklist.
    const items = page.locator('[data-test=checklist-item]');
    const count = await items.count();
    for (let i = 0; i < count; i++) {
      const item = items.nth(i);
      await item.locator('[data-test=verify]').click();
      await page.waitForFunction(
        (index) =>
          document
            .querySelectorAll('[data-test=checklist-item]')
            [index]?.getAttribute('data-status') === 'verified',
        i,
      );
    }

    // The ticket is in the queue ("Semua"), found by its subject among the others.
    await page.goto(`${e2e.sigap.baseUrl}/tiket`);
    await page.locator('[data-test=view-all]').click();
    await page.locator('[data-test=search]').fill(subject);
    await page.locator('[data-test=search]').press('Enter');
    const row = page.locator('[data-test=ticket-row]', { hasText: number });
    await row.waitFor();
    expect(await row.innerText()).toContain(subject);
    await screenshot(page, 'tickets-queue');

    // Open the workspace and complete the first active step.
    await row.click();
    await page.waitForURL(new RegExp(`/tiket/${number}$`));
    const active = page.locator('[data-test=step][data-status=active]').first();
    await active.waitFor();
    const index = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[data-test=step]')).findIndex(
        (step) => step.getAttribute('data-status') === 'active',
      ),
    );
    await active.locator('[data-test=step-output]').fill('Surat permohonan diterima lengkap.');
    await active.locator('[data-test=complete-step]').click();
    await page.waitForFunction(
      (i) =>
        document.querySelectorAll('[data-test=step]')[i]?.getAttribute('data-status') === 'done',
      index,
    );
    const done = page.locator('[data-test=step]').nth(index);
    expect(await done.innerText()).toContain('Surat permohonan diterima lengkap.');
    await screenshot(page, 'tickets-workspace');
    await context.close();
  });
});
