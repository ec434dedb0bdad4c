import type { LoginResponse, TicketDetail } from '@sigap/contracts';
import { blockingViolations } from './support/a11y';
import { callApi } from './support/api';
import { screenshot } from './support/browser';
import { expectNoPageScroll } from './support/layout';
import { e2e } from './support/global-setup';
import { DEMO_PASSWORD, SCREENS, signInAt } from './support/session';

/** An incident reported by phone, as the helpdesk records it. */
function report(token: string, subject: string, email: string): Promise<TicketDetail> {
  return callApi<TicketDetail>('POST', '/api/v1/incidents', token, {
    office: 'bali',
    services: [],
    impact: 'sedang',
    urgency: 'sedang',
    channel: 'phone',
    subject,
    description: 'Website OPD menampilkan galat 502.',
    requester: { name: `Pelapor ${email.split('@')[0]}`, email },
  });
}

describe('major incident', () => {
  for (const size of SCREENS) {
    it(`an agent links five reports to a major incident, updates every reporter and resolves it (${size.name})`, async () => {
      const login = await callApi<LoginResponse>('POST', '/api/v1/auth/login', null, {
        email: 'helpdesk.bali@sigap.local',
        password: DEMO_PASSWORD,
      });
      const token = login.accessToken;
      const stamp = `${size.name}-${Date.now()}`;
      const parent = await report(
        token,
        `Pusat data padam ${stamp}`,
        `kominfo.${stamp}@baliprov.go.id`,
      );
      // Taken by the agent: a triaged incident can be resolved.
      await callApi('POST', `/api/v1/tickets/${parent.number}/assign`, token, {
        userId: login.user.id,
        expectedVersion: parent.version,
      });
      const children: TicketDetail[] = [];
      for (const opd of ['diskes', 'disdik', 'bappeda', 'dispar', 'dishub'])
        children.push(
          await report(token, `Website ${opd} mati ${stamp}`, `${opd}.${stamp}@baliprov.go.id`),
        );

      const { context, page } = await signInAt('helpdesk.bali@sigap.local', size);
      await page.goto(`${e2e.sigap.baseUrl}/tiket/${parent.number}`);
      await page.locator('[data-test=major-incident]').waitFor();
      await page
        .locator('[data-test=major-link-input]')
        .fill(children.map((c) => c.number).join(', '));
      await page.locator('[data-test=major-link]').click();
      for (const c of children)
        await page.locator('[data-test=major-children]', { hasText: c.number }).waitFor();
      expect(await page.locator('[data-test=major-children] li').count()).toBe(5);

      await page
        .locator('[data-test=major-update-input]')
        .fill('Genset pusat data sudah menyala; website OPD dipulihkan bertahap.');
      await page.locator('[data-test=major-update-send]').click();
      await page.getByText('Kabar dikirim ke semua pelapor.').waitFor();
      await page.locator('[data-test=major-incident]').scrollIntoViewIfNeeded();
      expect(await blockingViolations(page))
        .withContext('major incident workspace')
        .toEqual([]);
      await expectNoPageScroll(page, 'major incident workspace');
      await screenshot(page, `major-incident-linked-${size.name}`);

      await page.locator('[data-test=action-reason]').fill('Pusat data pulih pukul 11.00 WITA.');
      await page.locator('[data-test=action-resolve]').click();
      await page.locator('[data-test=action-close]').waitFor();
      for (const c of children) {
        const child = await callApi<TicketDetail>('GET', `/api/v1/tickets/${c.number}`, token);
        expect(child.status).withContext(c.number).toBe('resolved');
      }
      await page.goto(`${e2e.sigap.baseUrl}/tiket/${children[0].number}`);
      await page.locator('[data-test=major-parent]', { hasText: parent.number }).waitFor();
      await expectNoPageScroll(page, 'linked report workspace');
      await screenshot(page, `major-incident-child-${size.name}`);
      await context.close();
    });
  }
});
