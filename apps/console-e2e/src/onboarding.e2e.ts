import type { Page } from 'playwright-core';
import { blockingViolations } from './support/a11y';
import { apiToken, callApi } from './support/api';
import { screenshot } from './support/browser';
import { e2e } from './support/global-setup';
import { signIn } from './support/session';

/** A short published standard, as an office would paste it from its decree. */
const STANDARD = `Permohonan Akun E-mail Dinas

Persyaratan

1. Surat permohonan dari Kepala OPD
2. Daftar nama pegawai dan NIP

Sistem, Mekanisme dan Prosedur

1. Kepala Dinas menerima dan mendisposisi surat permohonan
2. Tim Teknis membuat akun e-mail dinas dan menyerahkan kata sandi awal

Waktu Penyelesaian

2 Hari

Biaya / Tarif

Tidak dipungut biaya

Produk Pelayanan

1. Akun e-mail dinas

Pengaduan Layanan

1. Email : pengaduan@dogiyaikab.go.id
`;

async function noHorizontalScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

describe('onboarding a new office in WIT from nothing', () => {
  it('an admin creates the office, two positions in a chain and a service; its agent opens the first ticket', async () => {
    const { context, page } = await signIn('admin@sigap.local');
    const base = e2e.sigap.baseUrl;

    // 1. The office, in Asia/Jayapura (WIT), from the offices page.
    await page.goto(`${base}/admin/kantor`);
    await page.locator('[data-test=new-office]').click();
    const form = page.locator('[data-test=office-form]');
    await form.locator('[data-test=office-timeZone] option', { hasText: 'WIT' }).first().waitFor({
      state: 'attached',
    });
    const zones = await form
      .locator('[data-test=office-timeZone] option')
      .evaluateAll((options) => options.slice(0, 3).map((o) => o.textContent?.trim()));
    expect(zones).toEqual([
      'WIB · Asia/Jakarta (UTC+7)',
      'WITA · Asia/Makassar (UTC+8)',
      'WIT · Asia/Jayapura (UTC+9)',
    ]);
    await form.locator('[data-test=office-code]').fill('dogiyai');
    await form.locator('[data-test=office-name]').fill('Diskominfo Kabupaten Dogiyai');
    await form.locator('[data-test=office-timeZone]').selectOption('Asia/Jayapura');
    await form.locator('[data-test=office-ticketPrefix]').fill('dgy');
    await form.locator('[data-test=office-helpdeskEmail]').fill('helpdesk@dogiyaikab.go.id');
    await form.locator('[data-test=office-address]').fill('Jl. Kigamani, Moanemani\nPapua Tengah');
    expect(await blockingViolations(page))
      .withContext('offices page with the form')
      .toEqual([]);
    await screenshot(page, 'onboarding-office-form');
    await form.locator('[data-test=save-office]').click();
    const row = page.locator('[data-test=office-row][data-code=dogiyai]');
    await row.waitFor();
    expect(await row.innerText()).toContain('WIT');
    expect(await row.innerText()).toContain('DGY');

    // 2. Two positions in a chain: Tim Teknis reports to the Kepala Dinas.
    await row.getByRole('link', { name: /Jabatan/ }).click();
    await page.waitForURL(/\/admin\/jabatan\?office=dogiyai/);
    await page.locator('[data-test=position-tree]').waitFor();
    await page.locator('[data-test=new-position]').click();
    await page.locator('[data-test=position-code]').fill('kadis');
    await page.locator('[data-test=position-name]').fill('Kepala Dinas');
    await page.locator('[data-test=save-position]').click();
    const kadis = page.locator('[data-test=tree-node][data-code=kadis]');
    await kadis.waitFor();
    await kadis.locator('[data-test=add-child]').first().click();
    expect(await page.locator('[data-test=position-parent]').inputValue()).toBe('kadis');
    await page.locator('[data-test=position-code]').fill('tim-teknis');
    await page.locator('[data-test=position-name]').fill('Tim Teknis');
    await page.locator('[data-test=save-position]').click();
    const tim = page.locator('[data-test=tree-node][data-code=tim-teknis]');
    await tim.waitFor();
    expect(await tim.getAttribute('data-parent')).toBe('kadis');
    expect(await tim.getAttribute('data-level')).toBe('2');
    expect(await blockingViolations(page))
      .withContext('positions page with the tree')
      .toEqual([]);
    await screenshot(page, 'onboarding-positions');

    // 3. The first service: its published text, imported for the new office.
    await page.goto(`${base}/katalog/impor?office=dogiyai`);
    await page.locator('[data-test=source-text]').fill(STANDARD);
    await page.locator('[data-test=read]').click();
    await page.locator('[data-test=save]').waitFor();
    await page.locator('[data-test=save]').click();
    await page.waitForURL(/\/katalog\/dogiyai\//);
    const service = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    expect(service).toBe('permohonan-akun-e-mail-dinas');

    // 4. Its helpdesk agent (invited through the users admin) opens the first ticket.
    const admin = await apiToken('admin@sigap.local');
    const agentEmail = `helpdesk.${Date.now()}@dogiyaikab.go.id`;
    await callApi('POST', '/api/v1/users', admin, {
      email: agentEmail,
      name: 'Helpdesk Dogiyai',
      roles: ['agent'],
      office: 'dogiyai',
      password: 'sandi-uji-e2e',
      positions: [],
    });
    await context.close();
    const agent = await signIn(agentEmail, 'sandi-uji-e2e');
    const p = agent.page;
    await p.goto(`${base}/tiket/baru`);
    await p.locator('[data-test=open-service]').click();
    await p.locator('mat-option', { hasText: 'Permohonan Akun E-mail Dinas' }).click();
    await p.locator('[data-test=open-name]').fill('Yohanes Pigai');
    await p.locator('[data-test=open-email]').fill('yohanes@dinkes.dogiyaikab.go.id');
    await p.locator('[data-test=open-subject]').fill('Akun e-mail untuk Dinas Kesehatan');
    await p.locator('[data-test=open-description]').fill('Mohon dibuatkan akun untuk tiga staf.');
    await p.locator('[data-test=open-submit]').click();
    await p.waitForURL(/\/tiket\/DGY-/);
    const number = decodeURIComponent(new URL(p.url()).pathname.split('/').pop() ?? '');
    expect(number).toMatch(/^DGY-\d{4}-000001$/);
    await p.locator('[data-test=ticket-clock]').waitFor();
    expect(await p.locator('[data-test=ticket-clock]').innerText()).toMatch(/WIT|sisa|—/);
    await screenshot(p, 'onboarding-first-ticket');
    await agent.context.close();
  });

  it('reads well on a phone: offices, the chain of command and the set-up', async () => {
    const context = await e2e.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    const page = await context.newPage();
    const base = e2e.sigap.baseUrl;
    await page.goto(`${base}/masuk`);
    await page.getByLabel('E-mail').fill('admin@sigap.local');
    await page.getByLabel('Kata sandi').fill('sigap-demo');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/masuk'));

    await page.goto(`${base}/admin/kantor`);
    await page.locator('[data-test=office-row][data-code=dogiyai]').waitFor();
    expect(await noHorizontalScroll(page))
      .withContext('offices')
      .toBeLessThanOrEqual(390);
    await screenshot(page, 'onboarding-offices-phone');

    await page.goto(`${base}/admin/jabatan?office=dogiyai`);
    await page.locator('[data-test=tree-node][data-code=tim-teknis]').waitFor();
    expect(await noHorizontalScroll(page))
      .withContext('positions')
      .toBeLessThanOrEqual(390);
    await screenshot(page, 'onboarding-positions-phone');

    await page.goto(`${base}/penyiapan`);
    await page.locator('[data-test=setup-step-mail]').waitFor();
    await page.locator('[data-test=test-mail-to]').fill('operator@dogiyaikab.go.id');
    await page.locator('[data-test=send-test-mail]').click();
    await page.locator('[data-test=test-mail-result]').waitFor();
    expect(await noHorizontalScroll(page))
      .withContext('set-up')
      .toBeLessThanOrEqual(390);
    expect(await blockingViolations(page))
      .withContext('set-up page')
      .toEqual([]);
    await screenshot(page, 'onboarding-setup-phone');
    await context.close();
  });
});
