import type { TicketDetail } from '@sigap/contracts';
import { blockingViolations } from './support/a11y';
import { apiToken, callApi } from './support/api';
import { screenshot } from './support/browser';
import { SCREENS } from './support/session';
import { e2e } from './support/global-setup';
import { expectNoPageScroll } from './support/layout';

/** Internal strings of the incident below; none may show on the public page. */
const MARK = 'INTERNAL-E2E';

describe('public status page (no sign-in)', () => {
  beforeAll(async () => {
    // The Bali helpdesk records a P1 on the data centre and writes its public words.
    const token = await apiToken('helpdesk.bali@sigap.local');
    const opened = await callApi<TicketDetail>('POST', '/api/v1/incidents', token, {
      office: 'bali',
      services: ['pusat-data'],
      impact: 'tinggi',
      urgency: 'tinggi',
      channel: 'phone',
      subject: `UPS ruang server padam ${MARK}`,
      description: `Kunci ruang server di meja ${MARK}.`,
      requester: { name: `Operator ${MARK}`, email: 'operator.jaga@baliprov.go.id' },
    });
    await callApi('PUT', `/api/v1/incidents/${opened.number}/public-notice`, token, {
      publicTitle: 'Pusat data tidak dapat diakses',
      publicSummary:
        'Daya listrik ruang server sedang dipulihkan. Aplikasi OPD belum dapat dibuka.',
      expectedVersion: opened.version,
    });
  });

  for (const size of SCREENS) {
    it(`shows the office's services, the ongoing incident in plain words and 90 days (${size.name})`, async () => {
      const context = await e2e.browser.newContext({ viewport: size });
      const page = await context.newPage();
      if (size.name === 'desktop') {
        // From the public pages' bar, then the office chooser.
        await page.goto(`${e2e.sigap.baseUrl}/standar-pelayanan`);
        await page.locator('[data-test=nav-status]').click();
        await page.locator('[data-test=status-choose]').waitFor();
        await page.locator('[data-test=status-office]').click();
        await page.getByRole('option', { name: /Bali/ }).click();
        await page.waitForURL(/\/status-layanan\?office=bali$/);
      } else {
        await page.goto(`${e2e.sigap.baseUrl}/status-layanan?office=bali`);
      }
      const dc = page.locator('[data-test=status-pusat-data]');
      await dc.waitFor();
      expect(await page.locator('[data-test=status-overall]').innerText()).toContain(
        'Ada layanan yang mengalami gangguan besar',
      );
      expect(await dc.locator('[data-test=status-state]').innerText()).toBe('Gangguan besar');
      // Other journeys record their own incidents on the data centre (without public words, so
      // they show the generic title); this one is found by the words its helpdesk wrote.
      const incident = dc
        .locator('[data-test=status-incident]')
        .filter({ hasText: 'Pusat data tidak dapat diakses' });
      expect(await incident.count()).toBe(1);
      const words = await incident.innerText();
      expect(words).toContain('Daya listrik ruang server sedang dipulihkan.');
      expect(words).toContain('WITA');
      expect(await dc.locator('[data-test=status-history] .day').count()).toBe(90);
      // The journeys run without the demo history (see support/server.ts): the only major day
      // of the 90 is today's, the day of the incident above.
      expect(await dc.locator('[data-test=status-history] .day.major').count()).toBe(1);
      expect(
        await dc.locator('[data-test=status-history] .day').last().getAttribute('class'),
      ).toContain('major');
      // Services not chosen for the page never appear.
      expect(await page.locator('[data-test=status-hosting-opd]').count()).toBe(0);
      expect(await page.locator('[data-test=status-jaringan-intra]').count()).toBe(0);
      const text = await page.locator('main').innerText();
      expect(text).not.toContain(MARK);
      expect(text).not.toContain('operator.jaga');
      expect(await blockingViolations(page))
        .withContext(`status page ${size.name}`)
        .toEqual([]);
      await expectNoPageScroll(page, `status page ${size.name}`);
      await screenshot(page, `status-page-${size.name}`);
      await context.close();
    });
  }
});
