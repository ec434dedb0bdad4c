import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import type { MailPreview, MailTemplateSummary } from '@sigap/contracts';
import { ADMIN } from '../../testing/fixtures';
import { consoleTestProviders, resetStorage, textOf } from '../../testing/providers';
import { TemplatesPage } from './templates.page';

const TEMPLATES: MailTemplateSummary[] = [
  {
    name: 'ticket-received',
    description: { id: 'Tanda terima tiket', en: 'Ticket receipt' },
  },
  { name: 'sla-at-risk', description: { id: 'SLA hampir habis', en: 'SLA at risk' } },
];

const preview = (name: string, locale: 'id' | 'en'): MailPreview =>
  ({
    name,
    locale,
    subject: `[BALI-2026-000042] ${locale === 'id' ? 'Tiket diterima' : 'Ticket received'}`,
    html: `<p style="color:#123456">Halo <strong>${name}</strong></p><script>parent.x=1</script>`,
    text: 'Halo',
  }) as MailPreview;

describe('TemplatesPage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  async function open(): Promise<HTMLElement> {
    resetStorage(ADMIN);
    TestBed.configureTestingModule({
      providers: consoleTestProviders([{ path: 'admin/templat-email', component: TemplatesPage }]),
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/admin/templat-email');
    await harness.fixture.whenStable();
    backend.expectOne('/api/v1/mail/templates').flush(TEMPLATES);
    backend
      .expectOne('/api/v1/mail/templates/ticket-received/preview?locale=id')
      .flush(preview('ticket-received', 'id'));
    await harness.fixture.whenStable();
    return harness.routeNativeElement!;
  }

  afterEach(() => backend.verify());

  it('renders the first template in a frame sandboxed with no permissions at all', async () => {
    const element = await open();
    expect(element.querySelectorAll('[data-test=template]').length).toBe(2);
    expect(textOf(element, '[data-test=preview-subject]')).toContain('Tiket diterima');
    const frame = element.querySelector<HTMLIFrameElement>('[data-test=preview-frame]')!;
    expect(frame.getAttribute('sandbox')).toBe('');
    // Kept as sent (inline style included): the empty sandbox is what makes it harmless.
    expect(frame.srcdoc).toContain('style="color:#123456"');
    expect(frame.getAttribute('title')).toContain('ticket-received');
  });

  it('opens another template and switches the language of the preview', async () => {
    const element = await open();
    element.querySelectorAll<HTMLElement>('[data-test=template]')[1].click();
    await harness.fixture.whenStable();
    backend
      .expectOne('/api/v1/mail/templates/sla-at-risk/preview?locale=id')
      .flush(preview('sla-at-risk', 'id'));
    await harness.fixture.whenStable();
    element.querySelector<HTMLElement>('[data-test=locale-en] button')!.click();
    await harness.fixture.whenStable();
    backend
      .expectOne('/api/v1/mail/templates/sla-at-risk/preview?locale=en')
      .flush(preview('sla-at-risk', 'en'));
    await harness.fixture.whenStable();
    expect(textOf(element, '[data-test=preview-subject]')).toContain('Ticket received');
    expect(element.querySelector<HTMLIFrameElement>('[data-test=preview-frame]')!.srcdoc).toContain(
      'sla-at-risk',
    );
  });
});
