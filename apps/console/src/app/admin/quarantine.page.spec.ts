import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { ADMIN, OFFICES } from '../../testing/fixtures';
import { consoleTestProviders, resetStorage, textOf } from '../../testing/providers';
import type { InboundMessageView } from './admin.api';
import { QuarantinePage, summaryText } from './quarantine.page';

const MESSAGE: InboundMessageView = {
  id: '5d2f6c1e-1b1a-4a57-9a3e-0c4f2f7b9a10',
  messageId: '<a1@mail.example>',
  size: 1200,
  officeCode: 'bali',
  fromAddress: 'orang@contoh.com',
  subject: 'Minta akun e-mail',
  action: 'quarantined',
  status: 'quarantined',
  ticketNumber: null,
  reason: 'unknown-sender',
  parseError: null,
  summary: JSON.stringify({
    bodyText: 'Mohon dibuatkan akun.',
    bodyHtml: null,
    attachments: [],
  }),
  receivedAt: '2026-11-20T02:00:00.000Z',
  decidedAt: null,
};

describe('summaryText', () => {
  it('reads the text of the stored summary and tolerates a missing or broken one', () => {
    expect(summaryText(MESSAGE)).toBe('Mohon dibuatkan akun.');
    expect(summaryText({ summary: null })).toBe('');
    expect(summaryText({ summary: '{oops' })).toBe('');
    expect(summaryText({ summary: '{"bodyText": 42}' })).toBe('');
  });
});

describe('QuarantinePage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;
  const LIST = '/api/v1/inbound/messages?status=quarantined';

  async function open(): Promise<HTMLElement> {
    resetStorage(ADMIN);
    TestBed.configureTestingModule({
      providers: consoleTestProviders([{ path: 'admin/karantina', component: QuarantinePage }]),
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/admin/karantina');
    await harness.fixture.whenStable();
    backend.expectOne('/api/v1/offices').flush(OFFICES);
    backend
      .expectOne(LIST)
      .flush([MESSAGE, { ...MESSAGE, id: 'b9a7c1e0-0000-4000-8000-000000000002' }]);
    await harness.fixture.whenStable();
    return harness.routeNativeElement!;
  }

  afterEach(() => backend.verify());

  it('shows each quarantined message with sender, reason and text', async () => {
    const element = await open();
    const cards = element.querySelectorAll('[data-test=inbound-message]');
    expect(cards.length).toBe(2);
    expect(cards[0].textContent).toContain('Minta akun e-mail');
    expect(cards[0].textContent).toContain('orang@contoh.com');
    expect(textOf(cards[0] as HTMLElement, '[data-test=reason]')).toBe(
      'Pengirim tidak dikenal (bukan kontak atau domain OPD)',
    );
    // Received 02:00 UTC, shown in the Bali office's zone.
    expect(cards[0].textContent).toContain('10.00 WITA');
    expect(cards[0].textContent).toContain('Mohon dibuatkan akun.');
  });

  it('releases one message and discards another, removing each from the list', async () => {
    const element = await open();
    element.querySelector<HTMLElement>('[data-test=release]')!.click();
    await harness.fixture.whenStable();
    backend
      .expectOne({ method: 'POST', url: `/api/v1/inbound/messages/${MESSAGE.id}/release` })
      .flush({ ...MESSAGE, status: 'released', ticketNumber: 'BALI-2026-000042' });
    await harness.fixture.whenStable();
    expect(element.querySelectorAll('[data-test=inbound-message]').length).toBe(1);

    element.querySelector<HTMLElement>('[data-test=discard]')!.click();
    await harness.fixture.whenStable();
    backend
      .expectOne({
        method: 'POST',
        url: '/api/v1/inbound/messages/b9a7c1e0-0000-4000-8000-000000000002/discard',
      })
      .flush({ ...MESSAGE, id: 'b9a7c1e0-0000-4000-8000-000000000002', status: 'discarded' });
    await harness.fixture.whenStable();
    expect(textOf(element, '[data-test=quarantine-empty]')).toBe('Tidak ada pesan.');
  });

  it('downloads a message exactly as received, named by its id', async () => {
    const element = await open();
    const clicked: { href: string; download: string }[] = [];
    spyOn(HTMLAnchorElement.prototype, 'click').and.callFake(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    const button = element.querySelector<HTMLElement>('[data-test=download-raw]')!;
    expect(button.textContent?.trim()).toBe('Unduh pesan asli (.eml)');
    expect(button.getAttribute('aria-label')).toBe('Unduh pesan asli: Minta akun e-mail');
    button.click();
    await harness.fixture.whenStable();
    const request = backend.expectOne({
      method: 'GET',
      url: `/api/v1/inbound/messages/${MESSAGE.id}/raw`,
    });
    expect(request.request.responseType).toBe('blob');
    request.flush(new Blob(['From: orang@contoh.com\r\n\r\nMohon.'], { type: 'message/rfc822' }));
    await harness.fixture.whenStable();
    expect(clicked.length).toBe(1);
    expect(clicked[0]?.download).toBe(`${MESSAGE.id}.eml`);
    expect(clicked[0]?.href).toMatch(/^blob:/);
  });

  it('keeps a message whose decision failed', async () => {
    const element = await open();
    element.querySelector<HTMLElement>('[data-test=release]')!.click();
    await harness.fixture.whenStable();
    backend
      .expectOne(`/api/v1/inbound/messages/${MESSAGE.id}/release`)
      .flush(
        { type: 'about:blank', title: 'Tidak ditemukan', status: 404 },
        { status: 404, statusText: 'Not Found' },
      );
    await harness.fixture.whenStable();
    expect(element.querySelectorAll('[data-test=inbound-message]').length).toBe(2);
  });

  it('lists released messages with the ticket each opened, without decision buttons', async () => {
    const element = await open();
    element.querySelector<HTMLElement>('[data-test=status-released] button')!.click();
    await harness.fixture.whenStable();
    backend
      .expectOne('/api/v1/inbound/messages?status=released')
      .flush([{ ...MESSAGE, status: 'released', ticketNumber: 'BALI-2026-000042' }]);
    await harness.fixture.whenStable();
    expect(element.querySelectorAll('[data-test=inbound-message]').length).toBe(1);
    expect(element.querySelector('[data-test=release]')).toBeNull();
    const link = element.querySelector<HTMLAnchorElement>('[data-test=ticket-link]')!;
    expect(link.textContent?.trim()).toBe('BALI-2026-000042');
    expect(link.getAttribute('href')).toBe('/tiket/BALI-2026-000042');
  });
});
