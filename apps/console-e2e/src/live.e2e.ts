import { apiToken, callApi, openBaliTicket } from './support/api';
import { screenshot } from './support/browser';
import { expectNoPageScroll } from './support/layout';
import { e2e } from './support/global-setup';
import { SCREENS, signInAt } from './support/session';

describe('live updates and presence', () => {
  for (const size of SCREENS) {
    it(`two agents on one ticket see each other, and each other's changes (${size.name})`, async () => {
      const ticket = await openBaliTicket(`Aplikasi e-kinerja ${size.name} ${Date.now()}`);
      const helpdesk = await signInAt('helpdesk.bali@sigap.local', size);
      const kasi = await signInAt('kasi-ai.bali@sigap.local', size);
      try {
        const url = `${e2e.sigap.baseUrl}/tiket/${ticket.number}`;
        await helpdesk.page.goto(url);
        await kasi.page.goto(url);
        await helpdesk.page.locator('[data-test=ticket-number]').waitFor();
        await kasi.page.locator('[data-test=ticket-number]').waitFor();

        // Each sees the other viewing, within the feed's delay (no heartbeat wait).
        const kasiSeen = helpdesk.page.locator('[data-test=presence-user]', {
          hasText: 'Kepala Seksi Aplikasi Informatika',
        });
        await kasiSeen.waitFor({ timeout: 4000 });
        expect(await kasiSeen.innerText()).toContain('sedang melihat');
        await kasi.page
          .locator('[data-test=presence-user]', { hasText: 'Helpdesk BALI' })
          .waitFor({ timeout: 4000 });

        // The Kasi starts a note: the helpdesk sees "sedang mengetik" before anything is saved.
        await kasi.page.locator('[data-test=composer]').fill('Saya cek dulu kebutuhan servernya.');
        await helpdesk.page
          .locator('[data-test=presence-user]', { hasText: 'sedang mengetik' })
          .waitFor({ timeout: 4000 });
        await helpdesk.page.locator('[data-test=presence-typing]').waitFor();
        await expectNoPageScroll(helpdesk.page, 'workspace with presence');
        await screenshot(helpdesk.page, `live-presence-${size.name}`);

        // The note is saved: the helpdesk's workspace shows it without a reload.
        await kasi.page.locator('[data-test=send]').click();
        await helpdesk.page
          .locator('[data-test=timeline-entry]', { hasText: 'Saya cek dulu kebutuhan servernya.' })
          .waitFor({ timeout: 4000 });
        await helpdesk.page
          .locator('[data-test=presence-user]', { hasText: 'sedang melihat' })
          .waitFor({ timeout: 4000 });
        await screenshot(helpdesk.page, `live-note-arrived-${size.name}`);

        // The Kasi goes back to the queue: the helpdesk no longer sees them.
        await kasi.page.getByRole('link', { name: 'Kembali ke antrean' }).click();
        await kasi.page.waitForURL(/\/tiket$/);
        await helpdesk.page.locator('[data-test=presence]').waitFor({
          state: 'detached',
          timeout: 4000,
        });

        // The queue, searched for a word no ticket has yet, shows a ticket opened elsewhere with
        // that word without a reload (searched, so that it is on the first page however many
        // tickets earlier journeys left waiting).
        await helpdesk.page.goto(`${e2e.sigap.baseUrl}/tiket`);
        await helpdesk.page.locator('[data-test=ticket-row]').first().waitFor();
        const word = `putus${size.name}${Date.now()}`;
        const subject = `Jaringan kantor ${word}`;
        await helpdesk.page.locator('[data-test=search]').fill(word);
        await helpdesk.page.locator('[data-test=search]').press('Enter');
        await helpdesk.page.locator('[data-test=empty]').waitFor();
        await callApi('POST', '/api/v1/tickets', await apiToken('helpdesk.bali@sigap.local'), {
          office: 'bali',
          service: 'pengembangan-aplikasi',
          channel: 'portal',
          subject,
          description: 'Mohon dicek.',
          requester: { name: 'Ni Luh Ayu', email: 'ayu@baliprov.go.id' },
        });
        const arrived = helpdesk.page.locator('[data-test=ticket-row]', { hasText: subject });
        await arrived.waitFor({ timeout: 4000 });
        await arrived.scrollIntoViewIfNeeded();
        await expectNoPageScroll(helpdesk.page, 'queue');
        await screenshot(helpdesk.page, `live-queue-${size.name}`);
      } finally {
        await helpdesk.context.close();
        await kasi.context.close();
      }
    });
  }
});
