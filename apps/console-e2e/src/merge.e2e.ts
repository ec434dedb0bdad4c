import type { OpdView, TicketDetail } from '@sigap/contracts';
import { blockingViolations } from './support/a11y';
import { apiToken, callApi } from './support/api';
import { screenshot } from './support/browser';
import { expectNoPageScroll } from './support/layout';
import { e2e } from './support/global-setup';
import { SCREENS, signInAt } from './support/session';

/** An OPD of the Bali office the duplicate and its original both come from. */
async function baliOpd(): Promise<OpdView> {
  const admin = await apiToken('admin@sigap.local');
  const list = await callApi<OpdView[]>('GET', '/api/v1/opds?office=bali', admin);
  const found = list.find((o) => o.name === 'Dinas Kesehatan Uji Gabung');
  if (found) return found;
  return callApi<OpdView>('POST', '/api/v1/opds', admin, {
    name: 'Dinas Kesehatan Uji Gabung',
    office: 'bali',
    emailDomains: ['diskes-gabung.baliprov.go.id'],
  });
}

function open(token: string, subject: string, email: string, opdId: string) {
  return callApi<TicketDetail>('POST', '/api/v1/tickets', token, {
    office: 'bali',
    service: 'pengembangan-aplikasi',
    channel: 'email',
    subject,
    description: 'Mohon dibuatkan aplikasi antrean puskesmas.',
    requester: { name: `Pemohon ${email.split('@')[0]}`, email, opdId },
  });
}

describe('merge', () => {
  for (const size of SCREENS) {
    it(`an agent merges a duplicate into the original after confirming what moves (${size.name})`, async () => {
      const token = await apiToken('helpdesk.bali@sigap.local');
      const opd = await baliOpd();
      const stamp = `${size.name}-${Date.now()}`;
      const original = await open(
        token,
        `Aplikasi antrean puskesmas ${stamp}`,
        `ketut.${stamp}@diskes-gabung.baliprov.go.id`,
        opd.id,
      );
      const duplicate = await open(
        token,
        `Aplikasi antrean puskesmas (kirim ulang) ${stamp}`,
        `putu.${stamp}@diskes-gabung.baliprov.go.id`,
        opd.id,
      );
      await callApi('POST', `/api/v1/tickets/${duplicate.number}/notes`, token, {
        expectedVersion: duplicate.version,
        body: 'Pemohon menelepon: permohonan ini sama dengan yang dikirim kemarin.',
      });

      const { context, page } = await signInAt('helpdesk.bali@sigap.local', size);
      await page.goto(`${e2e.sigap.baseUrl}/tiket/${duplicate.number}`);
      await page.locator('[data-test=relations]').waitFor();
      await page.locator('[data-test=merge-target]').fill(original.number);
      await page.locator('[data-test=merge-open]').click();
      const dialog = page.locator('[data-test=merge-dialog]');
      await dialog.locator('[data-test=merge-moves]').waitFor();
      expect(await dialog.locator('[data-test=merge-final]').innerText()).toContain(
        'tidak dapat dibatalkan',
      );
      await dialog.locator('[data-test=merge-reason]').fill('Permohonan dikirim dua kali.');
      expect(await blockingViolations(page))
        .withContext('merge confirmation')
        .toEqual([]);
      await screenshot(page, `merge-confirm-${size.name}`);
      await dialog.locator('[data-test=merge-confirm]').click();

      await page.locator('[data-test=merged-banner]', { hasText: original.number }).waitFor();
      await page.locator('[data-test=ticket-status]', { hasText: 'Digabung' }).waitFor();
      // The "merged" notice is read, then closed: the page is checked as the agent keeps it.
      const notice = page.locator('mat-snack-bar-container', { hasText: original.number });
      await notice.waitFor();
      await notice.getByRole('button').click();
      await notice.waitFor({ state: 'detached' });
      expect(await blockingViolations(page))
        .withContext('merged ticket')
        .toEqual([]);
      await expectNoPageScroll(page, 'merged ticket');
      await screenshot(page, `merge-merged-${size.name}`);

      const merged = await callApi<TicketDetail>(
        'GET',
        `/api/v1/tickets/${duplicate.number}`,
        token,
      );
      expect([merged.status, merged.mergedInto]).toEqual(['merged', original.number]);

      // The banner leads to the original, whose timeline carries the moved note.
      await page.locator('[data-test=merged-target]').click();
      await page.locator('[data-test=ticket-number]', { hasText: original.number }).waitFor();
      await page
        .locator('[data-test=entry-merged-from]', { hasText: duplicate.number })
        .first()
        .waitFor();
      await page.locator('[data-test=merged-from]', { hasText: duplicate.number }).waitFor();
      await expectNoPageScroll(page, 'merge target');
      await screenshot(page, `merge-target-${size.name}`);
      await context.close();
    });
  }
});
