import type { TicketDetail } from '@sigap/contracts';
import type { ParsedMail } from 'mailparser';
import type { Page } from 'playwright-core';
import { blockingViolations } from './support/a11y';
import { apiToken, callApi } from './support/api';
import { screenshot } from './support/browser';
import { e2e } from './support/global-setup';
import { mailTo, waitForMail } from './support/kept-mail';

const DOMAIN = `e2e-portal-${Date.now().toString(36)}.gorontaloprov.go.id`;
const REQUESTER = `ani.rahmawati@${DOMAIN}`;

/** A minimal PDF whose content names the document (the server sniffs `%PDF`). */
function pdf(label: string): Buffer {
  return Buffer.from(`%PDF-1.4\n% ${label}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);
}

const to = mailTo;

/** The path of a link in the mail's text (the mail names the configured public address). */
function linkPath(mail: ParsedMail, pattern: RegExp): string {
  const found = pattern.exec(mail.text ?? '');
  if (!found) throw new Error(`no link ${pattern} in:\n${mail.text}`);
  const url = new URL(found[0]);
  return `${url.pathname}${url.search}`;
}

async function expectAccessible(page: Page, what: string): Promise<void> {
  expect(await blockingViolations(page))
    .withContext(what)
    .toEqual([]);
}

describe('requester portal (OPD staff)', () => {
  let ticketNumber = '';

  beforeAll(async () => {
    const admin = await apiToken('admin@sigap.local');
    await callApi('POST', '/api/v1/opds', admin, {
      office: 'gorontalo',
      name: `Dinas Kesehatan (uji portal ${Date.now()})`,
      emailDomains: [DOMAIN],
    });
  });

  it('signs in by e-mailed link, submits the five documents, answers "documents incomplete"', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      // 1. Ask for a link: the answer is neutral.
      await page.goto(`${e2e.sigap.baseUrl}/portal/masuk`);
      await page.getByLabel('Alamat e-mail dinas').fill(REQUESTER);
      await expectAccessible(page, 'sign-in page');
      await page.locator('[data-test=portal-send-link]').click();
      await page.locator('[data-test=portal-link-sent]').waitFor();
      expect(await page.locator('[data-test=portal-link-sent]').innerText()).toContain(
        'tautan masuk telah dikirim',
      );

      // 2. The link from the mail signs in (and works once).
      const linkMail = await waitForMail(
        (m) => to(m).includes(REQUESTER) && /\/portal\/masuk\?token=/.test(m.text ?? ''),
      );
      const signInPath = linkPath(linkMail, /https?:\/\/\S+\/portal\/masuk\?token=[\w-]+/);
      await page.goto(`${e2e.sigap.baseUrl}${signInPath}`);
      await page.waitForURL((url) => url.pathname === '/portal' && !url.search);
      await page.getByRole('heading', { name: /Permohonan Dinas Kesehatan/ }).waitFor();
      await expectAccessible(page, 'requests page');

      // 3. Submit Gorontalo's service.
      await page.locator('[data-test=portal-new]').click();
      await page.locator('[data-test=portal-service]').click();
      await page
        .getByRole('option', { name: /PENGEMBANGAN APLIKASI PEMERINTAHAN/ })
        .first()
        .click();
      await page.locator('[data-test=portal-requirements]').waitFor();
      await page.locator('[data-test=portal-subject]').fill('Pengembangan aplikasi e-Puskesmas');
      await page
        .locator('[data-test=portal-description]')
        .fill('Usulan pengembangan aplikasi pendaftaran pasien puskesmas se-provinsi.');
      await expectAccessible(page, 'new request page');
      await page.locator('[data-test=portal-submit]').click();
      await page.waitForURL(/\/portal\/permohonan\/GTLO-/);
      ticketNumber = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
      expect(await page.locator('[data-test=portal-missing]').innerText()).toContain(
        'Masih kurang 5 dokumen',
      );

      // 4. One upload per checklist line; each shows its progress and then "received".
      for (const code of ['r1', 'r2', 'r3', 'r4', 'r5']) {
        await page.locator(`[data-test=portal-upload-${code}]`).setInputFiles({
          name: `${code}.pdf`,
          mimeType: 'application/pdf',
          buffer: pdf(code),
        });
        await page
          .locator(`[data-test=portal-item-${code}]`)
          .getByText('Diterima, menunggu verifikasi')
          .waitFor();
      }
      expect(await page.locator('[data-test=portal-missing]').innerText()).toContain(
        'Semua dokumen wajib sudah diterima',
      );
      expect(await page.locator('[data-test=portal-step]').innerText()).toContain(
        'Tim Kerja Helpdesk',
      );
      expect(await page.locator('[data-test=portal-due]').innerText()).toMatch(/WITA|Belum/);
      await expectAccessible(page, 'request page');
      await screenshot(page, 'portal-request-submitted');

      // 5. The helpdesk verifies the five documents (the service time starts), then finds the
      //    BPMN wanting and returns the request as "documents incomplete": the clock pauses.
      const agent = await apiToken('helpdesk.gorontalo@sigap.local');
      let t = await callApi<TicketDetail>('GET', `/api/v1/tickets/${ticketNumber}`, agent);
      expect(t.channel).toBe('portal');
      const act = async (path: string, body: Record<string, unknown> = {}) => {
        t = await callApi<TicketDetail>('POST', `/api/v1/tickets/${ticketNumber}/${path}`, agent, {
          expectedVersion: t.version,
          ...body,
        });
      };
      for (const code of ['r1', 'r2', 'r3', 'r4', 'r5']) await act(`checklist/${code}/verify`);
      expect(t.clocks.ticket.state).toBe('running');
      await act('checklist/r3/reject', { reason: 'BPMN belum memuat alur persetujuan.' });
      await act('return-to-requester', { reason: 'Dokumen BPMN perlu diperbaiki.' });
      expect(t.status).toBe('waiting');
      expect(t.clocks.ticket.state).toBe('paused');

      // 6. The OPD sees it, uploads the corrected document and answers from the portal.
      await page.reload();
      await page.locator('[data-test=portal-status]').getByText('Menunggu OPD').waitFor();
      expect(await page.locator('[data-test=portal-item-r3]').innerText()).toContain(
        'BPMN belum memuat alur persetujuan',
      );
      await page.locator('[data-test=portal-upload-r3]').setInputFiles({
        name: 'bpmn-perbaikan.pdf',
        mimeType: 'application/pdf',
        buffer: pdf('bpmn revisi'),
      });
      await page
        .locator('[data-test=portal-item-r3]')
        .getByText('Diterima, menunggu verifikasi')
        .waitFor();
      await page
        .locator('[data-test=portal-answer]')
        .fill('BPMN sudah kami perbaiki, terlampir alur persetujuannya.');
      await page.locator('[data-test=portal-send-answer]').click();
      await page.locator('[data-test=portal-answered]').waitFor();
      await page.locator('[data-test=portal-status]').getByText('Sedang dikerjakan').waitFor();
      expect(await page.locator('[data-test=portal-messages]').innerText()).toContain(
        'bpmn-perbaikan.pdf',
      );
      await screenshot(page, 'portal-request-answered');

      // 7. The office sees the answer on the timeline and the clock running again.
      t = await callApi<TicketDetail>('GET', `/api/v1/tickets/${ticketNumber}`, agent);
      expect(t.status).toBe('in-progress');
      expect(t.clocks.ticket.state).toBe('running');
      const timeline = await callApi<{ kind: string; body: string | null }[]>(
        'GET',
        `/api/v1/tickets/${ticketNumber}/timeline`,
        agent,
      );
      expect(timeline.some((e) => e.kind === 'reply' && /BPMN sudah kami/.test(e.body ?? ''))).toBe(
        true,
      );
    } finally {
      await context.close();
    }
  });

  it('the acknowledgement mail links to a status page without sign-in', async () => {
    expect(ticketNumber).toMatch(/^GTLO-/);
    const received = await waitForMail(
      (m) =>
        to(m).includes(REQUESTER) &&
        (m.subject ?? '').includes(ticketNumber) &&
        /\/lacak\//.test(m.text ?? ''),
    );
    const path = linkPath(received, /https?:\/\/\S+\/lacak\/[\w-]+/);
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${e2e.sigap.baseUrl}${path}`);
      await page.getByRole('heading', { name: `Status permohonan ${ticketNumber}` }).waitFor();
      expect(await page.locator('[data-test=track-status]').innerText()).toBe('Sedang dikerjakan');
      expect(await page.locator('[data-test=track-step]').innerText()).toContain('Tim Kerja');
      const text = await page.locator('main').innerText();
      expect(text).not.toContain(REQUESTER);
      expect(text).not.toContain('e-Puskesmas');
      await expectAccessible(page, 'tracking page');
      await screenshot(page, 'portal-tracking');
    } finally {
      await context.close();
    }
  });
});
