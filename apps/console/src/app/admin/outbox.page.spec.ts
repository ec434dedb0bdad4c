import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import type { OutboxItemView, OutboxMessageView } from '@sigap/contracts';
import { ADMIN } from '../../testing/fixtures';
import { consoleTestProviders, resetStorage, textOf } from '../../testing/providers';
import { OutboxPage } from './outbox.page';

const SENT: OutboxItemView = {
  id: '11111111-1111-4111-8111-111111111111',
  channel: 'mail',
  kind: 'ticket.received',
  status: 'sent',
  ticketNumber: 'BALI-2026-000042',
  recipient: 'ayu@diskes.baliprov.go.id',
  messageId: '<m1@helpdesk>',
  attempts: 1,
  lastError: null,
  createdAt: '2026-11-24T02:00:00.000Z',
  nextAttemptAt: '2026-11-24T02:00:00.000Z',
  sentAt: '2026-11-24T02:00:05.000Z',
};
const FAILED: OutboxItemView = {
  ...SENT,
  id: '22222222-2222-4222-8222-222222222222',
  status: 'failed',
  attempts: 8,
  lastError: '550 5.1.1 mailbox unavailable',
  sentAt: null,
};

describe('OutboxPage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  async function open(): Promise<HTMLElement> {
    resetStorage(ADMIN);
    TestBed.configureTestingModule({
      providers: consoleTestProviders([{ path: 'admin/kotak-keluar', component: OutboxPage }]),
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/admin/kotak-keluar');
    await harness.fixture.whenStable();
    backend
      .expectOne('/api/v1/admin/outbox?channel=mail')
      .flush({ items: [SENT, FAILED], nextCursor: 'c2' });
    await harness.fixture.whenStable();
    return harness.routeNativeElement!;
  }

  afterEach(() => backend.verify());

  it('lists messages with their status, last error and a retry for failed ones only', async () => {
    const element = await open();
    const rows = element.querySelectorAll<HTMLElement>('[data-test=outbox-row]');
    expect(rows.length).toBe(2);
    expect(rows[0].textContent).toContain('Terkirim');
    expect(rows[0].querySelector('[data-test=retry]')).toBeNull();
    expect(textOf(rows[1], '[data-test=last-error]')).toBe('550 5.1.1 mailbox unavailable');

    rows[1].querySelector<HTMLElement>('[data-test=retry]')!.click();
    await harness.fixture.whenStable();
    backend
      .expectOne({ method: 'POST', url: `/api/v1/admin/outbox/${FAILED.id}/retry` })
      .flush({ ...FAILED, status: 'pending', attempts: 0 });
    await harness.fixture.whenStable();
    const after = element.querySelectorAll<HTMLElement>('[data-test=outbox-row]')[1];
    expect(after.dataset['status']).toBe('pending');
    expect(after.querySelector('[data-test=retry]')).toBeNull();
  });

  it('filters, and loads the next page with the cursor', async () => {
    const element = await open();
    const ticket = element.querySelector<HTMLInputElement>('[data-test=filter-ticket]')!;
    ticket.value = 'BALI-2026-000042';
    ticket.dispatchEvent(new Event('input'));
    element.querySelector<HTMLElement>('[data-test=apply-filter]')!.click();
    await harness.fixture.whenStable();
    backend
      .expectOne('/api/v1/admin/outbox?channel=mail&ticket=BALI-2026-000042')
      .flush({ items: [SENT], nextCursor: 'c9' });
    await harness.fixture.whenStable();
    expect(element.querySelectorAll('[data-test=outbox-row]').length).toBe(1);
    element.querySelector<HTMLElement>('[data-test=more]')!.click();
    await harness.fixture.whenStable();
    backend
      .expectOne('/api/v1/admin/outbox?channel=mail&ticket=BALI-2026-000042&cursor=c9')
      .flush({ items: [FAILED], nextCursor: null });
    await harness.fixture.whenStable();
    expect(element.querySelectorAll('[data-test=outbox-row]').length).toBe(2);
    expect(element.querySelector('[data-test=more]')).toBeNull();
  });

  it('lists what went to SP4N-LAPOR! when chosen, and sends a failed answer again', async () => {
    const element = await open();
    element.querySelector<HTMLElement>('[data-test=filter-channel]')!.click();
    await harness.fixture.whenStable();
    Array.from(document.querySelectorAll<HTMLElement>('mat-option'))
      .find((o) => o.textContent?.includes('SP4N-LAPOR!'))!
      .click();
    await harness.fixture.whenStable();
    element.querySelector<HTMLElement>('[data-test=apply-filter]')!.click();
    await harness.fixture.whenStable();
    const answer: OutboxItemView = {
      ...FAILED,
      id: '33333333-3333-4333-8333-333333333333',
      channel: 'lapor',
      kind: 'lapor.answer',
      recipient: 'LPR0384712093',
      messageId: null,
      lastError: 'LAPOR! tidak dapat dihubungi',
    };
    backend.expectOne('/api/v1/admin/outbox?channel=lapor').flush({
      items: [answer],
      nextCursor: null,
    });
    await harness.fixture.whenStable();
    const rows = element.querySelectorAll<HTMLElement>('[data-test=outbox-row]');
    expect(rows.length).toBe(1);
    expect(rows[0].textContent).toContain('LPR0384712093');
    rows[0].querySelector<HTMLElement>('[data-test=retry]')!.click();
    await harness.fixture.whenStable();
    backend
      .expectOne({ method: 'POST', url: `/api/v1/admin/outbox/${answer.id}/retry` })
      .flush({ ...answer, status: 'pending', attempts: 0 });
    await harness.fixture.whenStable();
    expect(element.querySelector<HTMLElement>('[data-test=outbox-row]')!.dataset['status']).toBe(
      'pending',
    );
  });

  it('reads a message: headers, text, and the HTML only in a sandboxed frame', async () => {
    const element = await open();
    element.querySelector<HTMLElement>('[data-test=read]')!.click();
    await harness.fixture.whenStable();
    const message: OutboxMessageView = {
      ...SENT,
      source: 'kept',
      headers: [{ name: 'to', value: 'ayu@diskes.baliprov.go.id' }],
      subject: '[BALI-2026-000042] Permohonan diterima',
      text: 'Permohonan Anda kami terima.',
      html: '<p>Permohonan Anda kami terima.</p>',
      contentError: null,
      attachments: [
        { filename: 'surat-tanggapan.pdf', contentType: 'application/pdf', size: 12_345 },
        { filename: 'catatan.txt', contentType: 'text/plain', size: 20 },
      ],
    };
    backend.expectOne(`/api/v1/admin/outbox/${SENT.id}`).flush(message);
    await harness.fixture.whenStable();
    expect(textOf(element, '[data-test=reader-subject]')).toBe(message.subject as string);
    expect(textOf(element, '[data-test=reader-text]')).toBe('Permohonan Anda kami terima.');
    expect(textOf(element, '[data-test=reader-headers]')).toContain('ayu@diskes.baliprov.go.id');
    const files = element.querySelectorAll('[data-test=reader-attachments] li');
    expect(files.length).toBe(2);
    expect(files[0].textContent).toContain('surat-tanggapan.pdf');
    expect(files[0].textContent).toContain('12,1 KB');
    expect(files[1].textContent).toContain('20 B');
    const frame = element.querySelector<HTMLIFrameElement>('[data-test=reader-frame]')!;
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toContain('<p>Permohonan');
    // The HTML is never put into the page itself.
    expect(element.querySelector('[data-test=reader] p p')).toBeNull();
  });
});
