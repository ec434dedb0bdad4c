import { blockingViolations } from './support/a11y';
import { apiToken, callApi, openBaliTicket, runBaliTicketToClosed } from './support/api';
import { screenshot } from './support/browser';
import { e2e } from './support/global-setup';
import { signIn } from './support/session';

describe('SLA dashboard', () => {
  it('a manager sees the office figures: compliance, steps, backlog, with no axe violation', async () => {
    const closed = await runBaliTicketToClosed(await openBaliTicket('Uji dasbor selesai'));
    expect(closed.status).toBe('closed');
    const open = await openBaliTicket('Uji dasbor terbuka');
    await callApi('POST', '/api/v1/dashboards/refresh', await apiToken('admin@sigap.local'));

    const { context, page } = await signIn('kadis.bali@sigap.local');
    await page.goto(`${e2e.sigap.baseUrl}/katalog`);
    await page.locator('[data-test=nav-dashboard]').click();
    await page.waitForURL('**/dasbor');
    const complianceRow = page.locator('[data-test=dash-compliance-table] tbody tr').first();
    await complianceRow.waitFor();
    expect(await page.locator('h1').innerText()).toBe('Dasbor SLA');
    expect(await page.locator('[data-test=dash-as-of]').innerText()).toContain(
      'Data tiket selesai per',
    );
    // The closed ticket is counted under its service, its steps have figures.
    const cells = (await complianceRow.locator('th, td').allTextContents()).map((c) => c.trim());
    expect(cells[0].toLowerCase()).toBe('pengembangan aplikasi');
    expect(Number(cells[1])).toBeGreaterThanOrEqual(1);
    expect(
      await page.locator('[data-test=dash-steps-table] tbody tr').count(),
    ).toBeGreaterThanOrEqual(6);
    // The open ticket is in the backlog and its active step in the workload.
    expect(await page.locator('[data-test=dash-backlog]').textContent()).toMatch(
      /[1-9]\d* terbuka/,
    );
    const load = page.locator('[data-test=dash-load-positions] tbody tr').first();
    expect(Number((await load.locator('td').allTextContents())[0].trim())).toBeGreaterThanOrEqual(
      1,
    );
    expect(open.status).not.toBe('closed');
    // Seven charts, the IKM's among them, each with its table.
    expect(await page.locator('canvas[role=img]').count()).toBe(7);
    expect(await page.locator('[data-test=dash-ikm-table]').count()).toBe(1);

    // Keyboard: the export buttons are reachable and named.
    const xlsx = page.locator('[data-test=dash-xlsx-compliance]');
    await xlsx.focus();
    expect(await xlsx.getAttribute('aria-label')).toBe('Unduh XLSX: Kepatuhan SLA');
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    expect((await download).suggestedFilename()).toBe('sigap-compliance.xlsx');

    await screenshot(page, 'dashboard');
    expect(await blockingViolations(page)).toEqual([]);
    await context.close();
  });
});
