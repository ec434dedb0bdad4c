import type { CannedResponseView, ServiceDetail } from '@sigap/contracts';
import { apiToken, callApi, openBaliTicket } from './support/api';
import { screenshot } from './support/browser';
import { e2e } from './support/global-setup';
import { signIn } from './support/session';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

describe('catalog editor', () => {
  it('edits a step time, sees the due preview follow, and saves a new version', async () => {
    const { context, page } = await signIn('admin@sigap.local');
    await page.goto(`${e2e.sigap.baseUrl}/katalog/tebingtinggi/inventarisasi-aplikasi`);
    await page.locator('[data-test="edit-service"]').click();
    await page.waitForURL(/\/ubah$/);
    const preview = page.locator('[data-test="preview-step-2"]');
    await preview.waitFor();
    expect((await preview.textContent())?.trim()).toBe('tanpa waktu');

    const time = page.locator('[data-test="step-time-1"]');
    await time.fill('secepatnya');
    await page.locator('[data-test="step-time-error-1"]').waitFor();
    expect(await page.locator('[data-test="step-time-error-1"]').textContent()).toContain(
      'Tidak terbaca',
    );

    await time.fill('2 Jam');
    await page.waitForFunction(() =>
      /\d{4}/.test(document.querySelector('[data-test="preview-step-2"]')?.textContent ?? ''),
    );
    const afterTwoHours = ((await preview.textContent()) ?? '').trim();
    await time.fill('3 hari');
    await page.waitForFunction((before) => {
      const text = document.querySelector('[data-test="preview-step-2"]')?.textContent?.trim();
      return !!text && text !== before && /\d{4}/.test(text);
    }, afterTwoHours);
    const afterThreeDays = ((await preview.textContent()) ?? '').trim();
    expect(afterThreeDays).not.toBe(afterTwoHours);
    await screenshot(page, 'catalog-editor-preview');

    await page.locator('[data-test="save-service"]').click();
    await page.waitForURL(/\/katalog\/tebingtinggi\/inventarisasi-aplikasi$/);
    const token = await apiToken('admin@sigap.local');
    const detail = await callApi<{
      version: number;
      standard: { steps: { time: string | null }[] };
    }>('GET', '/api/v1/catalog/services/tebingtinggi/inventarisasi-aplikasi', token);
    expect(detail.version).toBeGreaterThan(1);
    expect(detail.standard.steps[1].time).toBe('3 hari');
    await context.close();
  });
});

describe('catalog editor: who takes part', () => {
  const url = '/api/v1/catalog/services/tebingtinggi/inventarisasi-aplikasi';

  it('sets outside participants and a follow-up step; a name given twice is refused', async () => {
    const token = await apiToken('admin@sigap.local');
    const original = await callApi<ServiceDetail>('GET', url, token);
    const last = original.standard.steps.length - 1;
    const { context, page } = await signIn('admin@sigap.local');
    try {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${e2e.sigap.baseUrl}/katalog/tebingtinggi/inventarisasi-aplikasi/ubah`);
      const participants = page.locator('[data-test="step-participants-5"]');
      await participants.waitFor();
      await participants.fill('Kementerian PAN-RB, BSSN');
      await participants.press('Tab');
      const twice = page.locator('[data-test="step-participants-4"]');
      await twice.fill('BSSN, bssn');
      await twice.press('Tab');
      await page.locator(`[data-test="step-follow-up-${last}"] input`).check();
      await page.locator('[data-test="save-service"]').click();
      const error = page.locator('[data-test="step-participants-error-4"]');
      await error.waitFor();
      expect((await error.textContent())?.trim()).toBe('Pihak yang sama disebut dua kali');
      await error.scrollIntoViewIfNeeded();
      await screenshot(page, 'catalog-editor-participants');
      await page.setViewportSize({ width: 390, height: 844 });
      await error.scrollIntoViewIfNeeded();
      await screenshot(page, 'catalog-editor-participants-phone');
      await page.setViewportSize({ width: 1280, height: 900 });

      await twice.fill('');
      await twice.press('Tab');
      await page.locator('[data-test="save-service"]').click();
      await page.waitForURL(/\/katalog\/tebingtinggi\/inventarisasi-aplikasi$/);
      const saved = await callApi<ServiceDetail>('GET', url, token);
      expect(saved.version).toBe(original.version + 1);
      expect(saved.standard.steps[5].participants).toEqual(['Kementerian PAN-RB', 'BSSN']);
      expect(saved.standard.steps[4].participants).toBeUndefined();
      expect(saved.standard.steps[last].followUp).toBeTrue();
      // The service page says who takes part and which step follows up.
      const rows = page.locator('[data-test="step-row"]');
      await rows.first().waitFor();
      expect(await rows.nth(5).innerText()).toContain('bersama Kementerian PAN-RB, BSSN');
      expect(await rows.nth(last).innerText()).toContain('tindak lanjut');
      await rows.nth(5).scrollIntoViewIfNeeded();
      await screenshot(page, 'catalog-service-participants');
      await page.setViewportSize({ width: 390, height: 844 });
      await rows.nth(5).scrollIntoViewIfNeeded();
      await screenshot(page, 'catalog-service-participants-phone');
    } finally {
      // Later journeys use this service as seeded.
      const now = await callApi<ServiceDetail>('GET', url, token);
      await callApi<ServiceDetail>('PUT', url, token, {
        expectedVersion: now.version,
        standard: original.standard,
      });
      await context.close();
    }
  });
});

describe('reply composer', () => {
  it('inserts a canned response and sends a reply with an uploaded attachment', async () => {
    const token = await apiToken('helpdesk.bali@sigap.local');
    await callApi<CannedResponseView>('POST', '/api/v1/canned-responses', token, {
      office: 'bali',
      title: 'Berkas diterima',
      body: 'Yth. {{nama_pemohon}}, berkas permohonan {{nomor}} sudah kami terima.',
    });
    const ticket = await openBaliTicket('Balasan dengan lampiran');
    const { context, page } = await signIn('helpdesk.bali@sigap.local');
    await page.goto(`${e2e.sigap.baseUrl}/tiket/${ticket.number}`);
    const picker = page.locator('[data-test="canned-picker"]');
    await picker.waitFor();
    await page.locator('[data-test="kind-reply"]').click();
    await picker.selectOption({ label: 'Berkas diterima' });
    expect(await page.locator('[data-test="composer"]').inputValue()).toBe(
      `Yth. Ni Luh Ayu, berkas permohonan ${ticket.number} sudah kami terima.`,
    );
    await page.locator('[data-test="attach-input"]').setInputFiles({
      name: 'tanda-terima.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await page.locator('[data-test="upload"][data-state="done"]').waitFor();
    await page.locator('[data-test="send"]').click();
    await page.locator('[data-test="entry-attachments"]').waitFor();
    expect(await page.locator('[data-test="entry-attachments"]').textContent()).toContain(
      '1 lampiran',
    );
    await screenshot(page, 'workspace-reply-attachment');
    await context.close();
  });
});

describe('positions page', () => {
  it("shows the manager the office's positions with their holders", async () => {
    const { context, page } = await signIn('kadis.bali@sigap.local');
    await page.goto(`${e2e.sigap.baseUrl}/admin/jabatan`);
    const rows = page.locator('[data-test="position-row"]');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(2);
    expect(await page.locator('[data-test="position-holders"] .tag').count()).toBeGreaterThan(0);
    await screenshot(page, 'positions');
    await context.close();
  });
});
