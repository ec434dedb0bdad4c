import type { TicketDetail } from '@sigap/contracts';
import { blockingViolations } from './support/a11y';
import { apiToken, callApi, openBaliTicket } from './support/api';
import { screenshot } from './support/browser';
import { e2e } from './support/global-setup';
import { waitForMail } from './support/kept-mail';

/** Drives a Bali ticket through its standard to "resolved" through the API. */
async function resolveBaliTicket(subject: string): Promise<TicketDetail> {
  let t = await openBaliTicket(subject);
  const act = async (who: string, path: string, body: Record<string, unknown> = {}) => {
    const token = await apiToken(`${who}.bali@sigap.local`);
    t = await callApi<TicketDetail>('POST', `/api/v1/tickets/${t.number}/${path}`, token, {
      expectedVersion: t.version,
      ...body,
    });
  };
  await act('kasubbag-tu', 'steps/2/complete', { output: 'Disposisi' });
  await act('kabid-iai', 'steps/3/complete', { output: 'Disposisi turunan' });
  await act('kasi-ai', 'steps/4/complete', { output: 'Dokumen awal' });
  await act('kasi-ai', 'steps/5/complete', { output: 'Laporan' });
  await act('kasi-ai', 'steps/6/complete', { output: 'Kesepakatan' });
  await act('kadis', 'steps/7/complete', { output: 'Berita acara' });
  for (const item of t.checklist) {
    await act('helpdesk', `checklist/${item.code}/receive`);
    await act('helpdesk', `checklist/${item.code}/verify`);
  }
  await act('helpdesk', 'resolve', { reason: 'Aplikasi sudah terpasang.' });
  return t;
}

const SURVEY_LINK = /https?:\/\/\S+\/survei\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/;

/** The survey link as the requester receives it in the kept mail of the ticket. */
async function surveyLinkFor(ticketNumber: string): Promise<string> {
  const mail = await waitForMail((m) => {
    const text = m.text ?? '';
    return text.includes(ticketNumber) && SURVEY_LINK.test(text);
  });
  const link = SURVEY_LINK.exec(mail.text ?? '');
  if (!link) throw new Error(`no survey link for ${ticketNumber}`);
  return link[0];
}

describe('satisfaction survey (public page)', () => {
  it('is answered once from the mailed link, by keyboard, with no serious axe finding', async () => {
    const ticket = await resolveBaliTicket('Uji survei kepuasan');
    const link = await surveyLinkFor(ticket.number);
    const path = new URL(link).pathname;
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${e2e.sigap.baseUrl}${path}`);
    await page.locator('[data-test=survey-form]').waitFor();
    expect(await page.locator('[data-test=survey-ticket]').innerText()).toBe(ticket.number);
    expect(await page.locator('fieldset').count()).toBe(9);
    expect(await page.locator('html').innerText()).not.toContain('ayu@baliprov.go.id');
    expect(await blockingViolations(page))
      .withContext('form')
      .toEqual([]);

    // English and back.
    await page.locator('[data-test=lang-en]').click();
    await page.getByText('Requirements').first().waitFor();
    await page.locator('[data-test=lang-id]').click();
    await page.getByText('Persyaratan').first().waitFor();

    // Submitting too early names the unanswered elements.
    await page.locator('[data-test=survey-submit]').click();
    expect(await page.locator('[data-test=survey-missing]').innerText()).toContain('U1');

    // Keyboard only: the first answer of each group by Tab, then arrows to the score.
    const scores = [4, 3, 3, 4, 3, 4, 4, 3, 2];
    for (let i = 0; i < 9; i++) {
      const code = `U${i + 1}`;
      await page.locator(`[data-test=${code}-1]`).focus();
      await page.keyboard.press('Space');
      for (let s = 1; s < scores[i]; s++) await page.keyboard.press('ArrowRight');
      expect(await page.locator(`[data-test=${code}-${scores[i]}]`).isChecked())
        .withContext(code)
        .toBeTrue();
    }
    await page.getByLabel('Saran atau komentar (tidak wajib)').fill('Petugas ramah dan cepat.');
    await page.getByLabel('Saran atau komentar (tidak wajib)').press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('[data-test=survey-done]').waitFor();
    await screenshot(page, 'survey-done');

    // The link is used now: the page says so, and the IKM counts the answer.
    await page.reload();
    await page.locator('[data-test=survey-used]').waitFor();
    expect(await blockingViolations(page))
      .withContext('used')
      .toEqual([]);
    const kadis = await apiToken('kadis.bali@sigap.local');
    const report = await callApi<{ rows: { respondents: number; converted: number }[] }>(
      'GET',
      '/api/v1/survey/ikm?period=year&from=2000-01-01&to=2100-12-31',
      kadis,
    );
    expect(report.rows.reduce((n, r) => n + r.respondents, 0)).toBeGreaterThanOrEqual(1);

    // A tampered link gets a page of its own.
    const [, sig] = path.split('.');
    const tampered = `${path.slice(0, -sig.length)}${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`;
    await page.goto(`${e2e.sigap.baseUrl}${tampered}`);
    await page.locator('[data-test=survey-invalid]').waitFor();
    expect(await blockingViolations(page))
      .withContext('invalid')
      .toEqual([]);
    await context.close();
  }, 120_000);
});
