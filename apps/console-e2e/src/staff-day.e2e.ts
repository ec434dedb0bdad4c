import type { AttachmentView, StepCandidateView, TicketDetail } from '@sigap/contracts';
import { apiToken, callApi, openBaliTicket } from './support/api';
import { screenshot } from './support/browser';
import { e2e } from './support/global-setup';
import { SCREENS, signInAt } from './support/session';
import { verifyChecklist } from './support/workspace';

/** Receives and verifies every requirement through the API, so the steps start. */
async function completeChecklist(ticket: TicketDetail): Promise<TicketDetail> {
  const token = await apiToken('helpdesk.bali@sigap.local');
  let t = ticket;
  for (const item of ticket.checklist) {
    for (const verb of ['receive', 'verify']) {
      t = await callApi<TicketDetail>(
        'POST',
        `/api/v1/tickets/${t.number}/checklist/${item.code}/${verb}`,
        token,
        { expectedVersion: t.version },
      );
    }
  }
  return t;
}

describe('the staff day: landing, queue and workspace', () => {
  for (const screen of SCREENS) {
    const name = screen.name;
    it(`an agent triages and works a request (${name})`, async () => {
      const { context, page } = await signInAt('helpdesk.bali@sigap.local', screen);
      // Agents start on the queue, not the catalog.
      expect(new URL(page.url()).pathname).toBe('/tiket');

      // A walk-in requester who only gives a phone number.
      const subject = `Datang langsung ${name} ${Date.now()}`;
      await page.locator('[data-test=new-ticket]').click();
      await page.waitForURL(/\/tiket\/baru$/);
      await page.locator('[data-test=open-service]').click();
      await page.locator('mat-option', { hasText: 'Pengembangan Aplikasi' }).first().click();
      expect(await page.locator('[data-test=contact-hint]').innerText()).toContain('salah satu');
      await page.locator('[data-test=open-name]').fill('Pak Wayan');
      await page.locator('[data-test=open-phone]').fill('0361 222333');
      await page.locator('[data-test=open-subject]').fill(subject);
      await page
        .locator('[data-test=open-description]')
        .fill('Mohon aplikasi antrean untuk loket pelayanan.');
      // The papers the visitor brought, scanned at the desk: sent once the ticket is opened.
      const scan = `surat-permohonan-${name}.pdf`;
      await page.locator('[data-test=open-files] [data-test=attach-input]').setInputFiles([
        {
          name: scan,
          mimeType: 'application/pdf',
          buffer: Buffer.from(
            '%PDF-1.4\n% surat permohonan\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n',
          ),
        },
      ]);
      await page.locator('[data-test=upload][data-state=waiting]').waitFor();
      await screenshot(page, `staff-agent-new-ticket-${name}`);
      await page.locator('[data-test=open-submit]').scrollIntoViewIfNeeded();
      await screenshot(page, `staff-agent-new-ticket-files-${name}`);
      await page.locator('[data-test=open-submit]').click();
      await page.waitForURL(/\/tiket\/BALI-/);
      const number = new URL(page.url()).pathname.split('/').pop() ?? '';
      // The scan is on the new ticket: listed by the API and in the workspace.
      const files = await callApi<AttachmentView[]>(
        'GET',
        `/api/v1/tickets/${number}/attachments`,
        await apiToken('helpdesk.bali@sigap.local'),
      );
      expect(files.map((f) => [f.fileName, f.mediaType])).toEqual([[scan, 'application/pdf']]);
      await page.locator('[data-test=files-toggle]').click();
      await page.locator('[data-test=file]', { hasText: scan }).waitFor();

      // The workspace: names, the Uraian, the clock in the standard's unit.
      await page.locator('[data-test=description]').waitFor();
      expect(await page.locator('[data-test=description]').innerText()).toContain(
        'Mohon aplikasi antrean untuk loket pelayanan.',
      );
      // The names come with the service standard and the office list, just after the ticket.
      await page.waitForFunction(
        () =>
          document
            .querySelector('[data-test=ticket-service]')
            ?.textContent?.trim()
            .toLowerCase() === 'pengembangan aplikasi',
      );
      expect(await page.locator('[data-test=ticket-office]').innerText()).not.toMatch(/bali$/);
      expect(await page.locator('[data-test=requester]').innerText()).toContain('0361 222333');

      // Receive and verify the documents: each button follows the item's state.
      await verifyChecklist(page);
      const positions = await page.locator('[data-test=step-position]').allInnerTexts();
      for (const position of positions) expect(position).not.toMatch(/^[a-z]+(-[a-z]+)+$/);

      // Newest first, and the choice is remembered on the next ticket.
      await page.locator('[data-test=timeline-order]').selectOption('newest');
      expect(await page.evaluate(() => localStorage.getItem('sigap.timelineOrder'))).toBe('newest');
      await screenshot(page, `staff-agent-workspace-${name}`);

      // Back in the queue the ticket counts to the same target, in working days.
      await page.goto(`${e2e.sigap.baseUrl}/tiket`);
      await page.locator('[data-test=view-all]').click();
      await page.locator('[data-test=search]').fill(subject);
      await page.locator('[data-test=search]').press('Enter');
      const row = page.locator('[data-test=ticket-row]', { hasText: subject });
      await row.waitFor();
      expect(await row.locator('[data-test=due]').innerText()).toContain('Target');
      // (innerText follows the row's text-transform.)
      const rowText = (await row.innerText()).toLowerCase();
      expect(rowText).toContain('pengembangan aplikasi');
      expect(rowText).not.toContain('pengembangan-aplikasi');
      await screenshot(page, `staff-agent-queue-${name}`);
      await context.close();
    });

    it(`an executor completes their step (${name})`, async () => {
      const opened = await completeChecklist(await openBaliTicket(`Langkah ${name} ${Date.now()}`));
      const step = opened.steps.find((s) => s.status === 'active' && !s.requesterSide);
      expect(step?.assignee).withContext('an active step with a holder').toBeTruthy();
      if (!step) return;
      // The demo's executor of the position is `<position>.<office>@sigap.local`. Other journeys
      // add holders of the same positions, so the least loaded one may be someone else: the
      // helpdesk hands the step to the demo executor first when it is not theirs already.
      const executor = `${step.position}.bali@sigap.local`;
      const helpdesk = await apiToken('helpdesk.bali@sigap.local');
      const candidates = await callApi<StepCandidateView[]>(
        'GET',
        `/api/v1/tickets/${opened.number}/steps/${step.order}/candidates`,
        helpdesk,
      );
      const demo = candidates.find((c) => c.email === executor);
      expect(demo).withContext(`${executor} may hold the step`).toBeTruthy();
      if (demo && !demo.current)
        await callApi<TicketDetail>(
          'POST',
          `/api/v1/tickets/${opened.number}/steps/${step.order}/assign`,
          helpdesk,
          { expectedVersion: opened.version, userId: demo.id },
        );
      const { context, page } = await signInAt(executor, screen);
      expect(new URL(page.url()).pathname).toBe('/tiket');
      // They open on "Milik saya", and the row they hold says so.
      expect(await page.locator('[data-test=view-mine]').getAttribute('aria-pressed')).toBe('true');
      // Earlier journeys gave this executor other steps too: find the ticket in their own list.
      await page.locator('[data-test=search]').fill(opened.subject);
      await page.locator('[data-test=search]').press('Enter');
      expect(await page.locator('[data-test=view-mine]').getAttribute('aria-pressed')).toBe('true');
      const row = page.locator('[data-test=ticket-row]', { hasText: opened.number });
      await row.waitFor();
      expect(await row.locator('[data-test=row-holder]').innerText()).toBe('Dipegang Anda');
      await screenshot(page, `staff-executor-queue-${name}`);

      await row.locator('a.row').click();
      await page.waitForURL(new RegExp(`/tiket/${opened.number}$`));
      const active = page.locator('[data-test=step][data-status=active]').first();
      await active.waitFor();
      // The position's name arrives with the service standard, shortly after the ticket.
      await page.waitForFunction(
        (code) =>
          Array.from(document.querySelectorAll('[data-test=step-position]')).every(
            (e) => e.textContent?.trim() !== code,
          ),
        step.position,
      );
      expect(await page.locator('[data-test=step-clock]').innerText()).toMatch(/sisa|lewat/);
      await active.locator('[data-test=step-output]').fill('Disposisi diteruskan.');
      await active.locator('[data-test=complete-step]').click();
      await page.locator(`[data-test=step]:nth-child(${step.order})[data-status=done]`).waitFor();
      await screenshot(page, `staff-executor-workspace-${name}`);
      await context.close();
    });
  }
});
