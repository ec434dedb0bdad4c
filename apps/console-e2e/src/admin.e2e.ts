import { blockingViolations } from './support/a11y';
import { createBaliUser, openBaliTicket } from './support/api';
import { screenshot } from './support/browser';
import { e2e } from './support/global-setup';
import { E2E_INBOUND_TOKEN } from './support/server';
import { signIn } from './support/session';

describe('admin pages', () => {
  it('an admin creates a Bali user holding a position, who can then sign in', async () => {
    const { context, page } = await signIn('admin@sigap.local');
    const email = `wayan.${Date.now()}@diskominfos.baliprov.go.id`;

    await page.locator('[data-test=nav-users]').click();
    await page.waitForURL(/\/admin\/pengguna$/);
    await page.locator('[data-test=office-select]').click();
    await page.getByRole('option', { name: /Provinsi Bali/ }).click();
    await page.locator('[data-test=holder-row][data-position=kasi-ai]').waitFor();
    expect(await blockingViolations(page))
      .withContext('users page')
      .toEqual([]);

    await page.locator('[data-test=new-user]').click();
    // A short password is refused beside the field before anything is sent.
    await page.locator('[data-test=user-email]').fill(email);
    await page.locator('[data-test=user-name]').fill('I Wayan Pratama');
    await page.locator('[data-test=user-password]').fill('pendek');
    await page.locator('[data-test=save-user]').click();
    expect(await page.locator('[data-test=error-password]').innerText()).toContain(
      'minimal 8 karakter',
    );
    await page.locator('[data-test=user-password]').fill('sandi-awal-wayan');
    await page.locator('[data-test=role-agent] input').uncheck();
    await page.locator('[data-test=role-executor] input').check();
    await page.locator('[data-test=user-positions]').click();
    await page.getByRole('option', { name: 'Kepala Seksi Aplikasi Informatika' }).click();
    await page.keyboard.press('Escape');
    await screenshot(page, 'admin-user-form');
    await page.locator('[data-test=save-user]').click();

    const row = page.locator(`[data-test=user-row][data-email="${email}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain('Kepala Seksi Aplikasi Informatika');
    expect(await row.innerText()).toContain('Pelaksana');
    const holders = page.locator('[data-test=holder-row][data-position=kasi-ai]');
    expect(await holders.innerText()).toContain('I Wayan Pratama');
    await screenshot(page, 'admin-users');
    await context.close();

    // The new user signs in and holds the position.
    const second = await signIn(email, 'sandi-awal-wayan');
    expect(await second.page.locator('[data-test=who]').innerText()).toContain('I Wayan Pratama');
    await second.context.close();
  });

  it('an admin previews the e-mail templates in a sandboxed frame', async () => {
    const { context, page } = await signIn('admin@sigap.local');
    await page.goto(`${e2e.sigap.baseUrl}/admin/templat-email`);
    const frame = page.locator('[data-test=preview-frame]');
    await frame.waitFor();
    expect(await frame.getAttribute('sandbox')).toBe('');
    expect(await page.locator('[data-test=preview-subject]').innerText()).toMatch(/^Subjek: \S/);
    const subjectId = await page.locator('[data-test=preview-subject]').textContent();
    await page.locator('[data-test=locale-en]').click();
    await page.waitForFunction(
      (before) => document.querySelector('[data-test=preview-subject]')?.textContent !== before,
      subjectId,
    );
    expect(await blockingViolations(page))
      .withContext('templates page')
      .toEqual([]);
    await screenshot(page, 'admin-mail-templates');
    await context.close();
  });

  it('an admin releases a message from an unknown sender; the agent chooses the service of the ticket it opened', async () => {
    const subject = `Minta akun e-mail ${Date.now()}`;
    const raw = [
      'From: Orang Asing <orang.asing@contoh-luar.example>',
      'To: helpdesk@diskominfos.baliprov.go.id',
      `Subject: ${subject}`,
      `Message-ID: <${Date.now()}@contoh-luar.example>`,
      'Date: Mon, 23 Nov 2026 09:00:00 +0800',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Mohon dibuatkan akun e-mail dinas.',
      '',
    ].join('\r\n');
    const accepted = await fetch(`${e2e.sigap.baseUrl}/api/v1/inbound/mail`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${E2E_INBOUND_TOKEN}`,
        'content-type': 'message/rfc822',
      },
      body: raw,
    });
    expect(accepted.status).toBe(202);

    const admin = await signIn('admin@sigap.local');
    await admin.page.locator('[data-test=nav-quarantine]').click();
    const card = admin.page.locator('[data-test=inbound-message]', { hasText: subject });
    await card.waitFor();
    expect(await card.innerText()).toContain('orang.asing@contoh-luar.example');
    expect(await card.innerText()).toContain('Mohon dibuatkan akun e-mail dinas.');
    expect(await blockingViolations(admin.page))
      .withContext('quarantine page')
      .toEqual([]);
    await screenshot(admin.page, 'admin-quarantine');
    await card.locator('[data-test=release]').click();
    await card.waitFor({ state: 'detached' });
    // Releasing opened a ticket without a service: the released list links to it.
    await admin.page.locator('[data-test=status-released]').click();
    const released = admin.page.locator('[data-test=inbound-message]', { hasText: subject });
    const number = (await released.locator('[data-test=ticket-link]').innerText()).trim();
    expect(number).toMatch(/^BALI-\d{4}-\d{6}$/);
    await admin.context.close();

    const agent = await signIn('helpdesk.bali@sigap.local');
    expect(await agent.page.locator('[data-test=nav-quarantine]').count()).toBe(0);
    await agent.page.goto(`${e2e.sigap.baseUrl}/admin/karantina`);
    await agent.page.waitForURL(/\/katalog$/);

    // The queue's triage view lists it; the workspace offers the office's services.
    await agent.page.goto(`${e2e.sigap.baseUrl}/tiket`);
    await agent.page.locator('[data-test=view-triage]').click();
    await agent.page.locator('[data-test=ticket-row]', { hasText: number }).click();
    await agent.page.waitForURL(new RegExp(`/tiket/${number}$`));
    const panel = agent.page.locator('[data-test=choose-service]');
    await panel.waitFor();
    expect(await blockingViolations(agent.page))
      .withContext('triage panel')
      .toEqual([]);
    await panel.locator('[data-test=service-picker]').click();
    await agent.page.getByRole('option', { name: 'PENGEMBANGAN APLIKASI' }).click();
    await screenshot(agent.page, 'ticket-triage');
    await panel.locator('[data-test=choose-service-submit]').click();
    await panel.waitFor({ state: 'detached' });
    await agent.page.locator('[data-test=step][data-status=active]').first().waitFor();
    // The service by its name, not its code: the name comes with the service standard, which
    // the workspace asks for just after the ticket (innerText follows the text-transform).
    await agent.page.waitForFunction(
      () =>
        document.querySelector('[data-test=ticket-service]')?.textContent?.trim().toLowerCase() ===
        'pengembangan aplikasi',
    );
    await agent.context.close();
  });

  it('the helpdesk reassigns an active step to another holder of its position', async () => {
    const ticket = await openBaliTicket(`Uji ganti pelaksana ${Date.now()}`);
    const step = ticket.steps.find((s) => s.status === 'active' && !s.requesterSide);
    if (!step) throw new Error(`Ticket ${ticket.number} has no active office step`);
    const substitute = await createBaliUser('Komang Sari', [step.position]);

    const { context, page } = await signIn('helpdesk.bali@sigap.local');
    await page.goto(`${e2e.sigap.baseUrl}/tiket/${ticket.number}`);
    const row = page.locator(`[data-test=step][data-status=active]`).first();
    await row.locator('[data-test=reassign]').click();
    const select = row.locator('[data-test=candidate-select]');
    await select.waitFor();
    await select.selectOption(substitute.id);
    await row.locator('[data-test=assign-step]').click();
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-test=step][data-status=active] [data-test=step-assignee]')
          ?.textContent?.trim() === 'Komang Sari',
    );
    const event = page.locator('[data-test=event-text][data-event="step.assigned"]');
    await event.waitFor();
    expect(await event.innerText()).toBe(`Pelaksana langkah ${step.order} diganti: Komang Sari`);
    await screenshot(page, 'workspace-reassigned');
    await context.close();
  });
});
