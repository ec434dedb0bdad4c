import { HttpTestingController } from '@angular/common/http/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import type { WebhookDeliveryView, WebhookView } from '@sigap/contracts';
import { ADMIN, OFFICES } from '../../testing/fixtures';
import { openPage, textOf, type OpenedPage } from '../../testing/providers';
import { WebhooksPage } from './webhooks.page';

const HOOK: WebhookView = {
  id: 'w-1',
  url: 'https://eoffice.baliprov.go.id/hooks/sigap',
  events: ['ticket.opened', 'sla.breached'],
  office: 'bali',
  active: true,
  createdAt: '2026-11-01T02:00:00.000Z',
};

const FAILED: WebhookDeliveryView = {
  id: 'd-1',
  event: 'ticket.opened',
  ticket: 'BALI-2026-000001',
  status: 'failed',
  attempts: 8,
  responseCode: 500,
  lastError: 'HTTP 500',
  createdAt: '2026-11-02T02:00:00.000Z',
  sentAt: null,
  nextAttemptAt: null,
};

describe('WebhooksPage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  let page: OpenedPage;

  async function open(list: WebhookView[] = [HOOK]): Promise<HTMLElement> {
    page = await openPage('/admin/webhook', WebhooksPage, ADMIN, [
      ['/api/v1/webhooks', list],
      ['/api/v1/offices', OFFICES],
    ]);
    ({ harness, backend } = page);
    return page.element;
  }

  afterEach(() => backend.verify());

  it('lists webhooks with their events in Bahasa Indonesia', async () => {
    const element = await open();
    const row = textOf(element, '[data-test=webhook-row]');
    expect(row).toContain('https://eoffice.baliprov.go.id/hooks/sigap');
    expect(row).toContain('Tiket dibuka');
    expect(row).toContain('SLA terlampaui');
    expect(row).toContain('Diskominfos Provinsi Bali');
    expect(textOf(element, '[data-test=webhook-row-status]')).toBe('Aktif');
  });

  it('checks the form, creates a webhook and shows its secret once', async () => {
    const element = await open([]);
    await page.click('[data-test=new-webhook]');
    await page.click('[data-test=save-webhook]');
    expect(textOf(element, '[data-test=error-url]')).toContain('wajib diisi');
    expect(textOf(element, '[data-test=error-events]')).toBe('Pilih sedikitnya satu peristiwa.');
    backend.expectNone({ method: 'POST', url: '/api/v1/webhooks' });

    const url = element.querySelector<HTMLInputElement>('[data-test=webhook-url]')!;
    url.value = 'https://eoffice.baliprov.go.id/hooks/sigap';
    url.dispatchEvent(new Event('input'));
    element.querySelector<HTMLInputElement>('[data-test="event-sla.breached"] input')!.click();
    element.querySelector<HTMLInputElement>('[data-test="event-ticket.opened"] input')!.click();
    await harness.fixture.whenStable();
    await page.click('[data-test=save-webhook]');
    const req = backend.expectOne({ method: 'POST', url: '/api/v1/webhooks' });
    expect(req.request.body).toEqual({
      url: 'https://eoffice.baliprov.go.id/hooks/sigap',
      events: ['ticket.opened', 'sla.breached'],
    });
    req.flush({ id: 'w-1', secret: 'whsec_rahasia' });
    await harness.fixture.whenStable();
    backend.expectOne('/api/v1/webhooks').flush([HOOK]);
    await harness.fixture.whenStable();
    expect(textOf(element, '[data-test=fresh-secret-value]')).toBe('whsec_rahasia');
    expect(element.querySelectorAll('[data-test=webhook-row]').length).toBe(1);
  });

  it('shows a refused address (SSRF) beside the URL field', async () => {
    const element = await open([]);
    await page.click('[data-test=new-webhook]');
    const url = element.querySelector<HTMLInputElement>('[data-test=webhook-url]')!;
    url.value = 'http://169.254.169.254/latest';
    url.dispatchEvent(new Event('input'));
    element.querySelector<HTMLInputElement>('[data-test="event-ticket.opened"] input')!.click();
    await harness.fixture.whenStable();
    await page.click('[data-test=save-webhook]');
    backend.expectOne({ method: 'POST', url: '/api/v1/webhooks' }).flush(
      {
        type: 'about:blank',
        title: 'Data tidak valid',
        status: 400,
        errors: [{ path: 'url', message: '169.254.169.254 mengarah ke 169.254.169.254' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await harness.fixture.whenStable();
    expect(textOf(element, '[data-test=error-url]')).toContain('169.254.169.254');
  });

  it('opens the delivery log and redelivers a failed delivery', async () => {
    const element = await open();
    await page.click('[data-test=open-log]');
    backend.expectOne('/api/v1/webhooks/w-1/deliveries').flush([FAILED]);
    await harness.fixture.whenStable();
    expect(textOf(element, '[data-test=delivery-status]')).toBe('Gagal');
    expect(textOf(element, '[data-test=delivery-code]')).toBe('500');
    await page.click('[data-test=redeliver]');
    const req = backend.expectOne({
      method: 'POST',
      url: '/api/v1/webhooks/w-1/deliveries/d-1/redeliver',
    });
    req.flush({ ...FAILED, status: 'pending', attempts: 0, nextAttemptAt: FAILED.createdAt });
    await harness.fixture.whenStable();
    expect(textOf(element, '[data-test=delivery-status]')).toBe('Menunggu');
    expect(element.querySelector('[data-test=redeliver]')).toBeNull();
  });

  it('disables and deletes a webhook', async () => {
    const element = await open();
    await page.click('[data-test=toggle-webhook]');
    const patch = backend.expectOne({ method: 'PATCH', url: '/api/v1/webhooks/w-1' });
    expect(patch.request.body).toEqual({ active: false });
    patch.flush({ ...HOOK, active: false });
    await harness.fixture.whenStable();
    expect(textOf(element, '[data-test=webhook-row-status]')).toBe('Nonaktif');
    spyOn(window, 'confirm').and.returnValue(true);
    await page.click('[data-test=delete-webhook]');
    backend
      .expectOne({ method: 'DELETE', url: '/api/v1/webhooks/w-1' })
      .flush(null, { status: 204, statusText: 'No Content' });
    await harness.fixture.whenStable();
    expect(element.querySelectorAll('[data-test=webhook-row]').length).toBe(0);
  });
});
